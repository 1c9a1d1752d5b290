package pdf

import (
	"bytes"
	"image"
	_ "image/jpeg" // image.DecodeConfig reads JPEG sizes
	_ "image/png"  // image.DecodeConfig reads PNG sizes

	"samizdat/book"
)

// figure sets an image scaled to the measure (and to at most half the
// text area's height), centred, with its caption below in italic. The
// image is kept on the page of the caption's first line.
func (ts *typesetter) figure(f *book.Figure, e env) []entry {
	ce := e
	ce.font, ce.size, ce.leading, ce.align = emphasis(e.font), e.size*0.9, e.leading*0.9, alignCenter
	var caption []entry
	if len(f.Caption) > 0 {
		caption = ts.paragraph(f.Caption, f.Pos, ce, 0)
	}
	var a *book.Asset
	if f.Image != nil {
		a = f.Image.Asset
	}
	pw, ph, ok := ts.pixelSize(a, f.Pos)
	if !ok {
		return caption
	}
	w := e.width
	h := w * ph / pw
	if maxH := ts.geo.areaHeight() / 2; h > maxH {
		h, w = maxH, maxH*pw/ph
	}
	pic := entry{kind: entryBox, height: h, keep: len(caption) > 0, Content: Content{
		Images: []Picture{{Rect: Rect{X: e.left + (e.width-w)/2, W: w, H: h}, Asset: a}},
	}}
	out := []entry{pic}
	if len(caption) > 0 {
		out = append(out, space(0.4*e.leading))
		out = append(out, caption...)
	}
	return out
}

// pixelSize returns an image's size in pixels, from the asset or, when
// the reader left it out, from the file's header. Images the PDF cannot
// carry are reported and left out.
func (ts *typesetter) pixelSize(a *book.Asset, pos book.Pos) (w, h float64, ok bool) {
	if a == nil {
		ts.warnf(pos, "figure has no image; only its caption is shown")
		return 0, 0, false
	}
	if a.MediaType != "image/png" && a.MediaType != "image/jpeg" {
		ts.warnf(pos, "image %s is %s; only PNG and JPEG go into the PDF, so it is left out", a.Name, a.MediaType)
		return 0, 0, false
	}
	if a.Width > 0 && a.Height > 0 {
		return float64(a.Width), float64(a.Height), true
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(a.Data))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		ts.warnf(pos, "image %s cannot be read (%v); left out", a.Name, err)
		return 0, 0, false
	}
	return float64(cfg.Width), float64(cfg.Height), true
}
