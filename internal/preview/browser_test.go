package preview

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"samizdat/book/load"
	"samizdat/internal/tooltest"
	"samizdat/render"
	"samizdat/render/pdf"
)

// TestInBrowser opens the preview in headless Chromium as an editor would:
// the HTML and the drawn pages appear, a drawn page's lines are the PDF's
// lines (pdftotext of the same page), and saving a chapter shows the
// change. It leaves a screenshot in $TMPDIR/samizdat-artifacts.
func TestInBrowser(t *testing.T) {
	chromium := tooltest.Require(t, "chromium")
	tooltest.Require(t, "pdftotext")
	dir := t.TempDir()
	chapter := filepath.Join(dir, "chapters", "one.md")
	os.MkdirAll(filepath.Dir(chapter), 0o755)
	os.WriteFile(filepath.Join(dir, "book.yaml"), []byte("title: In the Browser\nauthor: A. Tester\nchapters: [chapters/one.md]\nfront-matter: [title-page]\n"), 0o644)
	para := "The printers worked through the night, and by morning the sheets were dry enough to fold. "
	os.WriteFile(chapter, []byte("# One\n\n"+strings.Repeat(para, 6)+"\n\nA second paragraph follows the first.[^n]\n\n[^n]: A note at the foot.\n"), 0o644)

	getenv := func(string) string { return "1764028800" }
	s := New(dir, load.Options{}, getenv)
	stop := make(chan struct{})
	defer close(stop)
	go s.Watch(stop)
	ts := httptest.NewServer(s)
	defer ts.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	// The chapter's opening page, found in the layout.
	page := chapterPage(t, dir, "printers")
	sel := `#pages svg.page[data-page="` + strconv.Itoa(page) + `"]`
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(sel)); err != nil {
		t.Fatal(err)
	}
	// Runs form a line when their baselines are within a few points (a
	// note marker is raised); within a line they join with a space unless
	// one starts where the other ends, as pdftotext joins them.
	lines, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
		const runs = [...document.querySelectorAll('`+sel+` text')].map(t => ({
			x: +t.getAttribute("x"), y: +t.getAttribute("y"), w: +t.getAttribute("textLength"), s: t.textContent }));
		runs.sort((a, b) => a.y - b.y);
		const lines = [];
		for (const r of runs) {
			const last = lines[lines.length - 1];
			if (last && r.y - last.y < 5) last.runs.push(r); else lines.push({ y: r.y, runs: [r] });
		}
		return lines.map(l => {
			l.runs.sort((a, b) => a.x - b.x);
			let out = "", end = null;
			for (const r of l.runs) {
				if (end !== null && r.x - end > 1) out += " ";
				out += r.s; end = r.x + r.w;
			}
			return out;
		});
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	bookText, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("book").contentDocument.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(bookText, "A second paragraph follows the first.") {
		t.Errorf("the HTML side does not show the chapter: %q", bookText)
	}
	want := pdfPageLines(t, dir, getenv, page)
	if len(lines) == 0 || strings.Join(normalize(lines), "\n") != strings.Join(normalize(want), "\n") {
		t.Errorf("drawn page lines:\n%s\nPDF page lines (pdftotext):\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}

	os.WriteFile(chapter, []byte("# One\n\nA freshly saved sentence appears.\n"), 0o644)
	var found bool
	deadline := time.Now().Add(5 * time.Second)
	for !found && time.Now().Before(deadline) {
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("pages").textContent`))
		found = strings.Contains(text, "freshly")
		if !found {
			time.Sleep(50 * time.Millisecond)
		}
	}
	if !found {
		t.Fatal("the saved change never appeared in the page")
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(`#pages svg.page`)); err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	art := filepath.Join(os.TempDir(), "samizdat-artifacts")
	os.MkdirAll(art, 0o755)
	if err := os.WriteFile(filepath.Join(art, "preview.png"), shot, 0o644); err == nil {
		t.Logf("screenshot: %s", filepath.Join(art, "preview.png"))
	}
}

// chapterPage returns the number of the first laid-out page holding word.
func chapterPage(t *testing.T, dir, word string) int {
	t.Helper()
	res, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdf.Layout(res.Book, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Pages {
		for _, tx := range p.Texts {
			if strings.Contains(tx.Text, word) {
				return p.Number
			}
		}
	}
	t.Fatalf("no page holds %q", word)
	return 0
}

// pdfPageLines renders the book's PDF and reads one page back with
// pdftotext, a line per text line.
func pdfPageLines(t *testing.T, dir string, getenv func(string) string, page int) []string {
	t.Helper()
	res, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pdf.New().Render(&buf, res.Book, render.Options{Date: time.Unix(1764028800, 0)}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "book.pdf")
	os.WriteFile(file, buf.Bytes(), 0o644)
	n := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-f", n, "-l", n, "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if strings.TrimSpace(strings.Trim(l, "\f")) != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// normalize folds each line's spacing, so that lines compare by their
// words: pdftotext spaces words by their positions, the page by runs.
func normalize(lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		l = strings.ReplaceAll(strings.Trim(l, "\f"), "\u00a0", " ")
		out = append(out, strings.Join(strings.Fields(l), " "))
	}
	return out
}
