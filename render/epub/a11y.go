package epub

// Accessibility metadata (EPUB Accessibility 1.1, schema.org properties),
// derived from what the book holds. The writer always produces what the
// specification requires of the text: a navigation document with the
// contents and landmarks, reading order, headings, language on every
// document, DPUB-ARIA roles on divisions, notes and references, and alt
// text on the cover. What varies with the book is its images.

// a11yFeatures lists the accessibility features the publication has.
func (p *plan) a11yFeatures() []string {
	f := []string{"structuralNavigation", "tableOfContents", "readingOrder", "ARIA", "displayTransformability"}
	if p.hasImages && !p.imagesLackAlt {
		f = append(f, "alternativeText")
	}
	if p.hasPageList() {
		f = append(f, "printPageNumbers", "pageNavigation")
	}
	return f
}

// accessibility writes the schema.org accessibility metadata and, when
// the book meets it, the conformance claim.
//
//   - accessMode: textual, plus visual when the text shows images (the
//     cover is not content: it repeats the title page).
//   - accessModeSufficient: textual alone suffices when there are no
//     images or every image has a text alternative; images without one
//     need sight as well.
//   - A book with images lacking alternative text does not meet WCAG
//     1.1.1, so it claims no conformance and says why in the summary.
func (p *plan) accessibility(w *xbuf) {
	modes := []string{"textual"}
	if p.hasImages {
		modes = append(modes, "visual")
	}
	for _, m := range modes {
		w.textLine("meta", m, "property", "schema:accessMode")
	}
	switch {
	case !p.hasImages:
		w.textLine("meta", "textual", "property", "schema:accessModeSufficient")
	case p.imagesLackAlt:
		w.textLine("meta", "textual,visual", "property", "schema:accessModeSufficient")
	default:
		w.textLine("meta", "textual", "property", "schema:accessModeSufficient")
		w.textLine("meta", "textual,visual", "property", "schema:accessModeSufficient")
	}
	for _, f := range p.a11yFeatures() {
		w.textLine("meta", f, "property", "schema:accessibilityFeature")
	}
	if p.hasPageList() {
		// The source of the page breaks, as dc:source refined by
		// source-of: EPUB Accessibility 1.1's pageBreakSource property is
		// not yet in the EPUB vocabulary that EPUBCheck 4 validates
		// against, and it rejects it as undefined.
		w.textLine("dc:source", p.pageSource(), "id", "page-source")
		w.textLine("meta", "pagination", "refines", "#page-source", "property", "source-of")
	}
	w.textLine("meta", "none", "property", "schema:accessibilityHazard")
	w.textLine("meta", p.a11ySummary(), "property", "schema:accessibilitySummary", "xml:lang", "en")
	if !p.imagesLackAlt {
		w.textLine("meta", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA", "property", "dcterms:conformsTo")
	}
}

// a11ySummary describes the publication's accessibility in a sentence or
// three, in English (the schema's summary is marked xml:lang="en").
func (p *plan) a11ySummary() string {
	s := "This publication has a navigable table of contents, headings and landmarks for structural navigation, a logical reading order, and reflowable text that readers can restyle."
	switch {
	case !p.hasImages:
		s += " It has no images other than the cover, which has a text alternative."
	case p.imagesLackAlt:
		s += " Some images lack a text alternative, so it does not claim WCAG conformance."
	default:
		s += " Every image has a text alternative."
	}
	if p.hasNotes() {
		s += " Notes are linked to and from their references."
	}
	if p.hasPageList() {
		s += " Page breaks and a page list give the page numbers of the print edition."
	}
	return s
}
