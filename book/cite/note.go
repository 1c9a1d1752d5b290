package cite

// This file is the Chicago notes: the full note that introduces a work in
// a chapter and the short note that cites it again. Each method is one
// macro of chicago-fullnote-bibliography.csl, written out for the types
// samizdat supports, so that the output can be compared with citeproc's.

// authorNote is the author as a full note names them ("John Stuart
// Mill"), or the editor or translator with a label when the work has no
// author ("Elizabeth P. Peabody, ed.").
func (r *rendering) authorNote() Text {
	return r.authors(noteNames, func(role string, names []Name) Text {
		return join(", ", noteNames.format(names), plain(roleLabel(role, labelShort, len(names) > 1)))
	}, nil)
}

// authors writes the author, or the first of the editor and translator
// as a substitute (formatted by sub), or fallback; a substituted role is
// not shown again in the rest of the output.
func (r *rendering) authors(nl nameList, sub func(role string, names []Name) Text, fallback func() Text) Text {
	if a := r.e.Names["author"]; len(a) > 0 {
		return nl.format(a)
	}
	for _, role := range []string{"editor", "translator"} {
		if names := r.e.Names[role]; len(names) > 0 {
			r.used[role] = true
			if role == "editor" && sameNames(names, r.e.Names["translator"]) {
				r.used["translator"] = true
				return sub("editortranslator", names)
			}
			return sub(role, names)
		}
	}
	if fallback != nil {
		return fallback()
	}
	return nil
}

// recipientNote names a letter's recipient: "to Edward Carrington".
func (r *rendering) recipientNote(nl nameList) Text {
	if names := r.e.Names["recipient"]; len(names) > 0 {
		return join(" ", plain("to"), nl.format(names))
	}
	return nil
}

// titleNote is the title as a note gives it: italic for books, in
// quotation marks for parts of them and articles, plain for interviews.
func (r *rendering) titleNote() Text {
	switch {
	case !r.has("title"):
		return r.v("genre")
	case r.is("book", "graphic", "map", "motion_picture", "song"):
		return concat(italic(r.titled("title")), affix(", version ", r.v("version"), ""))
	case r.is("legal_case", "interview", "patent"):
		return r.v("title")
	case len(r.e.Names["reviewed-author"]) > 0:
		return affix("review of ", italic(r.v("title")), "")
	}
	return quoted(r.titled("title"))
}

// interviewer is "interview by Nellie Bly".
func (r *rendering) interviewer(verb string) Text {
	if names := r.e.Names["interviewer"]; len(names) > 0 {
		return join(" ", plain(verb), noteNames.format(names))
	}
	return nil
}

// descriptionNote is the interviewer, medium and genre.
func (r *rendering) descriptionNote() Text {
	var genre Text
	if r.has("title") && !r.is("manuscript", "thesis", "speech", "patent") {
		genre = r.v("genre")
	}
	return join(", ", r.interviewer("interview by"), r.v("medium"), genre)
}

// editorTranslatorNote is "ed. Hans Reiss, trans. H. B. Nisbet".
func (r *rendering) editorTranslatorNote() Text {
	var by Text
	if names := r.names("container-author"); len(names) > 0 {
		by = join(" ", plain("by"), noteNames.format(names))
	}
	return join(", ", by, roles(r.names("editor"), r.names("translator"), noteNames, labelVerbShort, false, false, ", "))
}

// containerTitleNote is "in *Aesthetic Papers*", *Harvard Law Review*.
func (r *rendering) containerTitleNote(in string) Text {
	var title Text
	switch {
	case r.is("webpage"):
		title = r.v("container-title")
	case r.is("post-weblog"):
		title = affix("", italic(r.titled("container-title")), " (blog)")
	case !r.is("bill", "legislation", "legal_case"):
		title = italic(r.titled("container-title"))
	}
	if title.Empty() {
		return nil
	}
	if r.is(chapterLike...) {
		return join(" ", plain(in), title)
	}
	return title
}

// editionNote is "17th ed." or the edition as written.
func (r *rendering) editionNote() Text {
	if !r.is("book", "chapter", "graphic", "motion_picture", "paper-conference", "report", "song") {
		return nil
	}
	ed := r.v("edition")
	if isNumeric(ed) {
		return plain(ordinal(ed.String()) + " ed.")
	}
	return ed
}

// locatorsNote is a journal's volume and issue ("4, no. 5") or a book's
// edition and volume ("vol. 1", "2 vols.").
func (r *rendering) locatorsNote() Text {
	switch {
	case r.is("article-journal"):
		return join(", ", r.collectionTitleJournal(), r.v("volume"), affix("no. ", r.v("issue"), ""))
	case r.is("book", "chapter", "graphic", "motion_picture", "paper-conference", "report", "song"):
		var vols Text
		if r.locator == "" {
			vols = affix("", r.v("number-of-volumes"), " vols.")
		}
		return join(", ", r.editionNote(), affix("vol. ", r.v("volume"), ""), vols)
	}
	return nil
}

// issueNote is the publication facts in parentheses ("(London: Jonathan
// Cape, 1996)"), a journal's date in parentheses, or a date alone.
func (r *rendering) issueNote() Text {
	switch {
	case r.is("article-journal"):
		if r.has("volume", "issue") {
			return affix("(", r.issued(), ")")
		}
		return r.issued()
	case r.is("article-newspaper"):
		return r.issued()
	case r.is("manuscript", "thesis", "speech"):
		var genre Text
		if r.has("title") {
			genre = r.v("genre")
		}
		return affix("(", join(", ", genre, r.v("event"), r.v("event-place"), r.v("publisher"), r.issued()), ")")
	case r.has("publisher-place", "event-place", "publisher"):
		var repr Text
		if r.has("original-date") && r.has("issued") && !r.has("original-publisher", "original-publisher-place") {
			repr = plain("repr.")
		}
		return affix("(", join(", ",
			r.v("event"),
			join("; ", r.originallyPublished(), join(", ", repr, r.publisher())),
			r.issued()), ")")
	}
	return r.issued()
}

// pointLocators is the cited page or other part ("823", "chap. 3"); a
// chapter or article cited without one gives its page range.
func (r *rendering) pointLocators() Text {
	if r.locator == "" {
		if r.is("article-journal", "chapter", "paper-conference") {
			return r.page()
		}
		return nil
	}
	if r.is("legal_case") {
		return nil
	}
	return join(" ", r.labelText(), r.locatorText())
}

// archiveNote is where an unpublished work is kept.
func (r *rendering) archiveNote() Text {
	if r.is("thesis") {
		return join(" ", r.v("archive"), affix("(", r.v("archive_location"), ")"))
	}
	return join(", ", r.v("archive_location"), r.v("archive"), r.v("archive-place"))
}

// accessNote is the archive, the access date and the address.
func (r *rendering) accessNote() Text {
	var archive Text
	if r.archived() {
		archive = r.archiveNote()
	}
	return join(", ", archive, r.accessed("accessed"), r.url())
}

// fullNote is the first citation of a work in a chapter. With noAuthor
// the author is left out (the in-text form, which names the author in the
// sentence, and [-@key]).
func (r *rendering) fullNote(noAuthor bool) Text {
	var author Text
	if !noAuthor {
		author = r.authorNote()
	} else {
		r.authorNote() // marks the substitute as used
	}
	contributors := join(" ", author, r.recipientNote(noteNames))
	var secondary, container Text
	if !r.is(chapterLike...) {
		secondary = r.editorTranslatorNote()
	} else {
		container = r.editorTranslatorNote()
	}
	a := join(", ", contributors, r.titleNote())
	b := join(", ", a, r.descriptionNote(), secondary, r.containerTitleNote("in"), container)
	var withSpace, withComma Text
	if r.is("article-journal") && r.has("volume") && !r.has("collection-title") {
		withSpace = r.locatorsNote()
	} else {
		withComma = r.locatorsNote()
	}
	c := join(" ", b, withSpace)
	var issueComma, issueSpace Text
	if !r.is("article-journal", "bill", "legislation", "legal_case", "manuscript", "speech", "thesis") && !r.has("publisher-place", "publisher") ||
		r.is("article-newspaper") ||
		r.is("article-journal") && !r.has("volume", "issue") {
		issueComma = r.issueNote()
	}
	if (r.is("article-journal", "bill", "legislation", "legal_case", "manuscript", "thesis") || r.has("publisher-place", "event-place", "publisher")) &&
		!r.is("article-newspaper") && (!r.is("article-journal") || r.has("issue", "volume")) {
		issueSpace = r.issueNote()
	}
	d := join(", ", c, withComma, r.collectionTitle(), issueComma)
	e := join(" ", d, issueSpace)
	var pointComma, pointColon Text
	if !r.is("article-journal") || !r.has("volume", "issue") {
		pointComma = r.pointLocators()
	} else if r.locator != "" || r.has("page") {
		pointColon = r.pointLocators()
	}
	f := join(", ", e, r.locatorsNewspaper(), pointComma)
	g := join(": ", f, pointColon)
	return join(", ", g, r.accessNote())
}

// authorShort is the author's family name ("Figes", "Warren and
// Brandeis", "van Gogh"), or the editor's or translator's without a label.
func (r *rendering) authorShort() Text {
	return r.authors(shortNames, func(_ string, names []Name) Text { return shortNames.format(names) }, nil)
}

// contributorsShort adds a letter's recipient: "Jefferson to Carrington".
func (r *rendering) contributorsShort(noAuthor bool) Text {
	author := r.authorShort()
	if noAuthor {
		author = nil
	}
	return join(" ", author, r.recipientNote(shortNames))
}

// titleShort is the short title: italic, quoted or plain as in the note.
func (r *rendering) titleShort() Text {
	switch {
	case !r.has("title"):
		switch {
		case r.is("interview"):
			return plain("interview")
		case r.is("manuscript", "speech"):
			return r.v("genre")
		}
		return nil
	case r.is("book", "graphic", "motion_picture", "song"):
		return italic(r.shortTitle())
	case r.is("patent", "interview"):
		return r.v("title")
	case r.is("legal_case", "bill", "legislation"):
		return r.v("title")
	}
	return quoted(r.shortTitle())
}

// pointLocatorsSubsequent is the locator of a short note; a volume of a
// multi-volume book goes before the page ("1:45").
func (r *rendering) pointLocatorsSubsequent() Text {
	if r.locator == "" {
		return nil
	}
	bookLike := r.is("book", "graphic", "motion_picture", "report", "song")
	switch {
	case r.label != "page":
		label := plain(locatorLabel(r.label, r.locator))
		if bookLike && r.has("volume") {
			label = join(", ", affix("vol. ", r.v("volume"), ""), label)
		}
		return join(" ", label, r.locatorText())
	case bookLike:
		return join(":", r.v("volume"), r.locatorText())
	}
	return r.locatorText()
}

// shortNote is a later citation of a work in the same chapter: "Figes,
// *A People’s Tragedy*, 824". With ibid set (the previous note cites the
// same work alone) the title is left out when an author names the work:
// "Figes, 824", as Chicago's 17th edition prefers to "Ibid.".
func (r *rendering) shortNote(noAuthor, ibid bool) Text {
	// After the ibid-position author the title is left out, unless an
	// editor or translator stood in for the author: CSL then counts them
	// as used, and the title comes back.
	var title Text
	if !ibid || !r.has("author") {
		title = r.titleShort()
	}
	var date Text
	if !ibid && (r.disambiguate || r.is("personal_communication")) {
		date = r.issued()
	}
	return join(", ", r.contributorsShort(noAuthor), join(", ", title, date), r.pointLocatorsSubsequent())
}

// ibidNote is "ibid." with the locator when it changed; the note's
// capital comes from its start.
func (r *rendering) ibidNote(withLocator bool) Text {
	if !withLocator {
		return plain("ibid.")
	}
	return join(", ", plain("ibid."), r.pointLocatorsSubsequent())
}
