package cover

// block is text set in one face: its lines and line spacing.
type block struct {
	face    sized
	lines   []string
	leading int // baseline to baseline, in pixels
}

// ascent is the height of capitals and ascenders above the baseline,
// taken as 0.72 of the size (Gentium's cap height is about 0.66 em);
// the font's own ascent includes room for stacked accents, which would
// push every title down.
func (b *block) ascent() int { return b.face.size * 72 / 100 }

// height is the block's height from the first line's top to the last
// line's baseline.
func (b *block) height() int {
	if len(b.lines) == 0 {
		return 0
	}
	return b.ascent() + (len(b.lines)-1)*b.leading
}

// draw sets the block's lines centred, the first line's top at y, and
// returns the y of its last baseline.
func (b *block) draw(c *canvas, y int) int {
	base := y + b.ascent()
	for i, l := range b.lines {
		if i > 0 {
			base += b.leading
		}
		c.line(b.face, l, base)
	}
	return base
}

// setting says how a text may be set: its face, the range of sizes (in
// pixels), the line spacing (in hundredths of the size) and the space it
// must fit.
type setting struct {
	tf               *typeface
	maxSize, minSize int
	leading          int
	maxW, maxLines   int
	maxH             int
}

// fit sets text at the largest size from maxSize down (in steps of about
// 6%) at which it wraps into at most maxLines lines and fits maxH. At the
// smallest size it breaks inside words if it must.
func fit(s setting, text string) *block {
	for size := s.maxSize; ; size = max(size*94/100, s.minSize) {
		face := sized{tf: s.tf, size: size}
		b := &block{face: face, leading: size * s.leading / 100}
		lines, ok := wrap(text, face, int64(s.maxW)*subPerPixel, s.maxLines)
		if ok {
			b.lines = lines
			if b.height() <= s.maxH || size == s.minSize {
				return b
			}
		}
		if size == s.minSize {
			b.lines = hardWrap(text, face.width, int64(s.maxW)*subPerPixel)
			return b
		}
	}
}

// Regions of the cover, in pixels. Text stays inside the inner rule with
// a margin of about an eighth of the width.
const (
	textWidth    = 1200
	titleTop     = 400  // top of the title and subtitle region
	titleBottom  = 1640 // bottom of that region
	authorTop    = 1800 // top of the authors' region
	authorBottom = 2220
	publisherY   = 2370 // baseline of the publisher's name
)

// layoutText sets the title, ornament, subtitle, authors and publisher.
func layoutText(c *canvas, fs *faceSet, t Text) {
	region := titleBottom - titleTop
	title := fit(setting{tf: fs.bold, maxSize: 200, minSize: 72, leading: 112,
		maxW: textWidth, maxLines: 6, maxH: region * 3 / 4}, t.Title)
	var sub *block
	// Between title and subtitle: space, a short rule, space.
	above, below := title.face.size*45/100, 0
	total := title.height()
	if t.Subtitle != "" {
		size := min(max(title.face.size*45/100, 56), 92)
		sub = fit(setting{tf: fs.italic, maxSize: size, minSize: 44, leading: 125,
			maxW: textWidth - 40, maxLines: 4, maxH: region - total - above - ornamentHeight}, t.Subtitle)
		below = sub.face.size * 60 / 100
		total += above + ornamentHeight + below + sub.height()
	}
	// The block sits in the upper part of its region, a third of the
	// spare height above it: a page's optical centre is above the middle.
	y := titleTop + max(0, (region-total)/3)
	y = title.draw(c, y)
	if sub != nil {
		c.ornament(y + above)
		sub.draw(c, y+above+ornamentHeight+below)
	}
	drawAuthors(c, fs, t.Authors)
	if t.Publisher != "" {
		pub := fit(setting{tf: fs.roman, maxSize: 52, minSize: 36, leading: 120,
			maxW: textWidth, maxLines: 2, maxH: 120}, t.Publisher)
		pub.draw(c, publisherY-pub.ascent())
	}
}

// drawAuthors sets the authors one to a line (a long name on two),
// centred in their region, as large as fits.
func drawAuthors(c *canvas, fs *faceSet, authors []string) {
	if len(authors) == 0 {
		return
	}
	const minSize = 40
	height := authorBottom - authorTop
	for size := 84; ; size = max(size*94/100, minSize) {
		face := sized{tf: fs.roman, size: size}
		b := &block{face: face, leading: size * 130 / 100}
		ok := true
		for _, a := range authors {
			lines, fits := wrap(a, face, textWidth*subPerPixel, 2)
			if !fits {
				lines, ok = hardWrap(a, face.width, textWidth*subPerPixel), false
			}
			b.lines = append(b.lines, lines...)
		}
		if ok && b.height() <= height || size == minSize {
			b.draw(c, authorTop+max(0, (height-b.height())/2))
			return
		}
	}
}
