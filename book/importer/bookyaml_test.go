package importer

import (
	"reflect"
	"strings"
	"testing"

	"samizdat/book/manifest"
)

func TestAddChapters(t *testing.T) {
	tests := []struct {
		name, src, want, part string
		added                 []string
	}{
		{"block list with comments",
			"# My collection\ntitle: Sheets   # the working title\nchapters:\n  - essays/01.md\n  - essays/02.md # draft\n# back matter next\nback-matter:\n  - colophon: colophon.md\n",
			"# My collection\ntitle: Sheets   # the working title\nchapters:\n  - essays/01.md\n  - essays/02.md # draft\n  - essays/new.md\n# back matter next\nback-matter:\n  - colophon: colophon.md\n",
			"", []string{"essays/new.md"}},
		{"indentless list",
			"title: T\nchapters:\n- a.md\nslug: t\n",
			"title: T\nchapters:\n- a.md\n- essays/new.md\nslug: t\n", "", []string{"essays/new.md"}},
		{"flow list",
			"title: T\nchapters: [a.md, \"b.md\"]  # two\n",
			"title: T\nchapters: [a.md, \"b.md\", essays/new.md]  # two\n", "", []string{"essays/new.md"}},
		{"empty flow list", "title: T\nchapters: []\n", "title: T\nchapters: [essays/new.md]\n", "", []string{"essays/new.md"}},
		{"empty key", "title: T\nchapters:\nslug: t\n", "title: T\nchapters:\n  - essays/new.md\nslug: t\n", "", []string{"essays/new.md"}},
		{"no list", "title: T\ndescription: >-\n  Folded\n  text.\n", "title: T\ndescription: >-\n  Folded\n  text.\nchapters:\n  - essays/new.md\n", "", []string{"essays/new.md"}},
		{"comments only", "# nothing yet\n", "# nothing yet\nchapters:\n  - essays/new.md\n", "", []string{"essays/new.md"}},
		{"parts",
			"title: T\nparts:\n  - title: One\n    chapters:\n      - a.md\n  - title: Two\n    chapters:\n      - b.md\nback-matter: [colophon: c.md]\n",
			"title: T\nparts:\n  - title: One\n    chapters:\n      - a.md\n  - title: Two\n    chapters:\n      - b.md\n      - essays/new.md\nback-matter: [colophon: c.md]\n",
			"Two", []string{"essays/new.md"}},
		{"part without chapters",
			"parts:\n  - title: One\n    chapters: [a.md]\n  - title: Two\nslug: x\n",
			"parts:\n  - title: One\n    chapters: [a.md]\n  - title: Two\n    chapters:\n      - essays/new.md\nslug: x\n",
			"Two", []string{"essays/new.md"}},
		{"already listed", "chapters:\n  - essays/new.md\n", "chapters:\n  - essays/new.md\n", "", nil},
		{"crlf", "title: T\r\nchapters:\r\n  - a.md\r\n", "title: T\r\nchapters:\r\n  - a.md\r\n  - essays/new.md\r\n", "", []string{"essays/new.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := AddChapters("book.yaml", []byte(tt.src), []string{"essays/new.md"})
			if err != nil {
				t.Fatal(err)
			}
			if string(l.YAML) != tt.want {
				t.Errorf("book.yaml:\n%s\nwant:\n%s", l.YAML, tt.want)
			}
			if l.Part != tt.part || l.InPart != strings.Contains(tt.src, "parts:") || !reflect.DeepEqual(l.Added, tt.added) {
				t.Errorf("part %q, added %q; want %q, %q", l.Part, l.Added, tt.part, tt.added)
			}
		})
	}
}

func TestAddChaptersRefuses(t *testing.T) {
	tests := []struct{ name, src, msg string }{
		{"invalid manifest", "title: T\nchapterz:\n  - a.md\n", `unknown key "chapterz"`},
		{"not a list", "chapters: a.md\n", "fix them before importing"},
		{"braced part", "parts:\n  - {title: One}\n", "by hand"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := AddChapters("book.yaml", []byte(tt.src), []string{"new.md"})
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error = %v, want one saying %q", err, tt.msg)
			}
		})
	}
}

func TestNewManifest(t *testing.T) {
	src := NewManifest("labour-history_2024", []string{"a.md", "b: c.md"})
	var m manifest.Manifest
	if err := manifest.Decode("book.yaml", src, 1, &m); err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	if m.Title != "Labour history 2024" || len(m.Chapters) != 2 || m.Chapters[1].Value != "b: c.md" {
		t.Errorf("manifest = %+v", m)
	}
}

func TestLastChapterDir(t *testing.T) {
	tests := []struct{ src, want string }{
		{"chapters:\n  - essays/01.md\n  - essays/02.md\n", "essays"},
		{"chapters: [01.md]\n", ""},
		{"parts:\n  - title: A\n    chapters: [x/a.md]\n  - title: B\n    chapters: [y/b/c.md]\n", "y/b"},
		{"chapters: [../outside/a.md]\n", ""},
		{"title: T\n", ""},
		{"not: [valid\n", ""},
	}
	for _, tt := range tests {
		if got := LastChapterDir([]byte(tt.src)); got != tt.want {
			t.Errorf("LastChapterDir(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}
