package preview

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"

	"samizdat/render/svg"
)

// writePage writes the preview page: the book's HTML in a frame on the
// left, the print pages as SVG on the right, a chapter picker that moves
// both, and a script that reloads on a new build or shows the overlay.
func writePage(w io.Writer, good *snapshot, prob *problem, version int) {
	var css strings.Builder
	if good != nil {
		svg.FontFaces(&css, good.fonts, func(f svg.FontFile) string { return "/fonts/" + f.Name })
	}
	fmt.Fprintf(w, `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>samizdat preview</title>
<style>
%s
body { margin: 0; font: 14px system-ui, sans-serif; background: #e8e6e1; }
header { height: 36px; display: flex; align-items: center; gap: 1em; padding: 0 1em; background: #2b2b2b; color: #eee; }
main { display: flex; height: calc(100vh - 36px); }
iframe { flex: 1; border: 0; background: #fff; }
#pages { flex: 1; overflow-y: auto; padding: 16px; }
#pages svg { display: block; margin: 0 auto 16px; box-shadow: 0 1px 4px rgba(0,0,0,.3); width: 100%%; max-width: 560px; height: auto; }
#overlay { position: fixed; left: 10%%; right: 10%%; top: 60px; background: #fff5f5; border: 2px solid #c00; padding: 1em 1.5em; font: 13px ui-monospace, monospace; white-space: pre-wrap; display: none; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
#overlay.show { display: block; }
</style></head>
<body data-version="%d">
<header><strong>samizdat</strong>
<label>Chapter <select id="chapters">`, css.String(), version)
	if good != nil {
		for _, ch := range good.chapters {
			fmt.Fprintf(w, `<option value="%s" data-page="%d">%s</option>`, html.EscapeString(ch.ID), ch.Page, html.EscapeString(ch.Title))
		}
	}
	fmt.Fprint(w, `</select></label><span id="status"></span></header>
<main><iframe id="book" src="/book.html" title="The book as HTML"></iframe>
<div id="pages">`)
	if good != nil {
		for _, p := range good.pages {
			w.Write(p)
		}
	}
	probJSON := []byte("null")
	if prob != nil {
		probJSON, _ = json.Marshal(prob)
	}
	fmt.Fprintf(w, `</div></main>
<div id="overlay" role="alert"></div>
<script>
const overlay = document.getElementById("overlay");
function showProblem(p) {
  if (!p) { overlay.classList.remove("show"); return; }
  let text = p.where + ": error: " + p.message;
  if (p.line) text += "\n\n  " + p.line + "\n  " + " ".repeat(Math.max(0, p.caret - 1)) + "^";
  overlay.textContent = text + "\n\nThe last good build is shown until this is fixed.";
  overlay.classList.add("show");
}
showProblem(%s);
document.getElementById("chapters").addEventListener("change", e => {
  const opt = e.target.selectedOptions[0];
  document.getElementById("book").contentWindow.location.hash = opt.value;
  const page = document.querySelector('#pages svg[data-page="' + opt.dataset.page + '"]');
  if (page) page.scrollIntoView();
});
const events = new EventSource("/events");
events.addEventListener("reload", () => location.reload());
events.addEventListener("problem", e => showProblem(JSON.parse(e.data)));
</script>
</body></html>
`, probJSON)
}
