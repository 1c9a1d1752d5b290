package epub

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/book/load"
)

// TestUnsafeLinks builds a book by hand, past the Markdown reader that
// refuses them, with links whose schemes run code or reach into the
// reader's machine: each is written as its text with a warning, and no
// document carries a script, an event handler or such a URL.
func TestUnsafeLinks(t *testing.T) {
	bad := []string{"javascript:alert(1)", "JavaScript:alert(2)", "vbscript:msgbox(3)",
		"data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", " javascript:alert(4)"}
	b := pamphlet()
	ch := b.Parts[0].Chapters[0]
	var ins []book.Inline
	for i, u := range bad {
		ins = append(ins, &book.Link{URL: u, Inlines: []book.Inline{booktest.T("bad" + string(rune('A'+i)))}}, booktest.T(" "))
	}
	ins = append(ins, &book.Link{URL: "https://example.org/", Inlines: []book.Inline{booktest.T("good")}}, booktest.T(" "),
		&book.Link{URL: "mailto:press@example.org", Inlines: []book.Inline{booktest.T("mail")}})
	ch.Blocks = append(ch.Blocks, booktest.P(ins...))
	data, warnings := renderBook(t, b)
	if len(warnings) != len(bad) {
		t.Errorf("%d warnings for %d unsafe links: %q", len(warnings), len(bad), warnings)
	}
	f := unpack(t, data)
	doc := f.must(t, "OEBPS/text/pamphlet.xhtml")
	if !strings.Contains(doc, "<p>badA badB badC badD badE badF "+
		`<a href="https://example.org/">good</a> <a href="mailto:press@example.org">mail</a></p>`) {
		t.Errorf("unsafe links not written as text, or safe ones lost:\n%s", doc)
	}
	for _, name := range f.xhtml() {
		for _, e := range parseXML(t, name, f.content[name]).all("") {
			if e.name == "script" || e.name == "iframe" || e.name == "object" || e.name == "embed" {
				t.Errorf("%s: <%s> element", name, e.name)
			}
			for k, v := range e.attrs {
				if strings.HasPrefix(strings.ToLower(k), "on") {
					t.Errorf("%s: event handler %s=%q", name, k, v)
				}
				lv := strings.ToLower(strings.TrimSpace(v))
				for _, scheme := range []string{"javascript:", "vbscript:", "data:", "file:"} {
					if (k == "href" || k == "src") && strings.HasPrefix(lv, scheme) {
						t.Errorf("%s: %s=%q", name, k, v)
					}
				}
			}
		}
	}
}

// TestBadInputNeverReachesEPUB loads broken books through the loader,
// the only way from files to the model. Each must either stop with an
// error at the file and line of the problem (so no EPUB is written) or,
// where the reader converts the input safely, load into a book whose EPUB
// carries no script, event handler or javascript: link. The loader's own
// tests hold the exact messages; this checks the cases the EPUB edition
// depends on.
func TestBadInputNeverReachesEPUB(t *testing.T) {
	ch := "# Chapter\n\nText.\n"
	tests := []struct {
		name  string
		files map[string]string
		// where is the error's FILE:LINE: prefix and what a telling part
		// of its message (any message when empty: the reader's wording
		// for raw HTML is its own); mayConvert allows a safe conversion
		// instead of an error.
		where, what string
		mayConvert  bool
	}{
		{"missing cover image", map[string]string{"book.yaml": "title: T\ncover-image: front.png\nchapters: [a.md]\n", "a.md": ch},
			"book.yaml:2:", `file "front.png" not found`, false},
		{"corrupt cover image", map[string]string{"book.yaml": "title: T\ncover-image: front.png\nchapters: [a.md]\n", "a.md": ch, "front.png": "\x89PNG\r\n\x1a\nnot really"},
			"book.yaml:2:", `image "front.png"`, false},
		{"cover image in another format", map[string]string{"book.yaml": "title: T\ncover-image: front.gif\nchapters: [a.md]\n", "a.md": ch, "front.gif": "GIF89a\x01\x00\x01\x00\x00\x00\x00;"},
			"book.yaml:2:", `image "front.gif"`, false},
		{"image in an unsupported format", map[string]string{"a.md": "# A\n\n![Map](map.svg)\n", "map.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"},
			"a.md:3:", `image "map.svg"`, false},
		{"link to a missing anchor", map[string]string{"a.md": "# A\n\nSee [there](#nowhere).\n"},
			"a.md:3:", "link to #nowhere", false},
		{"javascript link", map[string]string{"a.md": "# A\n\n[x](javascript:alert(1))\n"},
			"a.md:3:", `link to "javascript:alert(1)"`, false},
		{"script element", map[string]string{"a.md": "# A\n\n<script>alert(1)</script>\n"},
			"a.md:3:", "", true},
		{"event handler", map[string]string{"a.md": "# A\n\nText <img src=x onerror=alert(1)> here.\n"},
			"a.md:3:", "", true},
		{"javascript in raw HTML", map[string]string{"a.md": "# A\n\n<a href=\"javascript:alert(1)\">x</a>\n"},
			"a.md:3:", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			path := dir
			if _, ok := tt.files["book.yaml"]; !ok {
				path = filepath.Join(dir, "a.md")
			}
			res, err := load.Load(path)
			if err != nil {
				msg := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
				if !strings.HasPrefix(msg, tt.where) || !strings.Contains(msg, tt.what) {
					t.Errorf("error %q; want %s… %s", msg, tt.where, tt.what)
				}
				return
			}
			if !tt.mayConvert {
				t.Fatalf("loaded without error; want %s… %s", tt.where, tt.what)
			}
			f := unpack(t, mustRender(t, res.Book))
			for _, name := range f.xhtml() {
				low := strings.ToLower(f.content[name])
				for _, bad := range []string{"<script", "onerror", "javascript:", "alert("} {
					if strings.Contains(low, bad) {
						t.Errorf("%s contains %q", name, bad)
					}
				}
			}
		})
	}
}
