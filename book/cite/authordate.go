package cite

// This file is Chicago's author-date system, after chicago-author-date.csl:
// "(Figes 1996, 823)" in the text and a reference list whose entries give
// the year after the author.

// titleAD is the author-date title macro.
func (r *rendering) titleAD() Text {
	switch {
	case !r.has("title"):
		if !r.is("personal_communication") {
			return capitalizeFirst(r.v("genre"))
		}
		return nil
	case r.is("bill", "book", "graphic", "legislation", "motion_picture", "song"):
		return concat(italic(r.titled("title")), affix(" (version ", r.v("version"), ")"))
	case len(r.e.Names["reviewed-author"]) > 0:
		return join(", ", affix("Review of ", italic(r.titled("title")), ""),
			affix("by ", noteNames.format(r.e.Names["reviewed-author"]), ""))
	case r.is("legal_case", "interview", "patent"):
		return r.v("title")
	}
	return quoted(r.titled("title"))
}

// containerTitleAD is "In *Essays*", *Harvard Law Review*.
func (r *rendering) containerTitleAD() Text {
	var title Text
	switch {
	case r.is("webpage"):
		title = r.titled("container-title")
	case !r.is("legal_case"):
		title = italic(r.titled("container-title"))
		if r.is("post-weblog") && !title.Empty() {
			title = concat(title, plain(" (blog)"))
		}
	}
	if title.Empty() {
		return nil
	}
	if r.is(chapterLike...) {
		return concat(plain("In "), title)
	}
	return title
}

// substituteTitle is what stands for a missing author: the periodical of
// an unsigned article, else the title, which is then not repeated.
func (r *rendering) substituteTitle() Text {
	if r.is("article-magazine", "article-newspaper", "review", "review-book") {
		if t := r.containerTitleAD(); !t.Empty() {
			r.used["container-title"] = true
			return t
		}
	}
	if t := r.titleAD(); !t.Empty() {
		r.used["title"] = true
		return t
	}
	return nil
}

// authorAD is the short author of an in-text citation: "Figes",
// "Warren and Brandeis", or the title of a work without one.
func (r *rendering) authorAD() Text {
	return r.authors(shortNames, func(_ string, names []Name) Text { return shortNames.format(names) }, r.substituteTitle)
}

// dateInText is the year, with the original year of a reprint in
// brackets: "[1792] 1891"; "n.d." without a date.
func (r *rendering) dateInText(suffix string) Text {
	if d := r.e.Dates["issued"]; !d.IsZero() {
		var orig Text
		if o := r.e.Dates["original-date"]; !o.IsZero() {
			orig = affix("[", plain(o.yearForm()), "]")
		}
		return join(" ", orig, plain(d.yearForm()+suffix))
	}
	if r.has("status") {
		return r.v("status")
	}
	return plain("n.d." + suffix)
}

// pointLocatorsAD is the locator of an in-text citation: "823",
// "chap. 3", "vol. 1, vol. 2", "1:45".
func (r *rendering) pointLocatorsAD() Text {
	if r.locator == "" {
		return nil
	}
	bookLike := r.is("bill", "book", "graphic", "legal_case", "legislation", "motion_picture", "report", "song")
	if r.label != "page" {
		label := plain(locatorLabel(r.label, r.locator))
		if bookLike && r.has("volume") {
			label = concat(affix("vol. ", r.v("volume"), ""), plain(", "), label)
		}
		return join(" ", label, r.locatorText())
	}
	if bookLike && r.has("volume") {
		return concat(r.v("volume"), plain(":"), r.locatorText())
	}
	return r.locatorText()
}

// inTextAD is one work of an author-date citation: "Figes 1996, 823",
// or without the author "1996, 823".
func (r *rendering) inTextAD(noAuthor bool, yearSuffix string) (author, rest Text) {
	author = r.authorAD()
	date := r.dateInText(yearSuffix)
	if noAuthor {
		return author, join(", ", date, r.pointLocatorsAD())
	}
	delim := " "
	if !r.has("issued", "accessed") {
		delim = ", "
	}
	return author, join(", ", join(delim, author, date), r.pointLocatorsAD())
}

// contributorsAD is the reference list's author, inverted, or a
// substitute: editor, translator, periodical or title.
func (r *rendering) contributorsAD() Text {
	return r.authors(bibNames, func(role string, names []Name) Text {
		return join(", ", bibNames.format(names), plain(roleLabel(role, labelShort, len(names) > 1)))
	}, r.substituteTitle)
}

// recipientAD is "Letter to Edward Carrington".
func (r *rendering) recipientAD() Text {
	if !r.is("personal_communication") && len(r.e.Names["recipient"]) == 0 {
		return nil
	}
	var kind Text
	if r.is("personal_communication") {
		if g := r.v("genre"); !g.Empty() {
			kind = capitalizeFirst(g)
		} else {
			kind = plain("Letter")
		}
	}
	return join(" ", kind, r.recipientNote(noteNames))
}

// dateAD is the reference list's year, "(1792) 1891" for a reprint.
func (r *rendering) dateAD(suffix string) Text {
	if d := r.e.Dates["issued"]; !d.IsZero() {
		var orig Text
		if o := r.e.Dates["original-date"]; !o.IsZero() {
			orig = affix("(", plain(o.yearForm()), ")")
		}
		return join(" ", orig, plain(d.yearForm()+suffix))
	}
	if r.has("status") {
		return capitalizeFirst(r.v("status"))
	}
	return plain("n.d." + suffix)
}

// descriptionAD is the interviewer or medium, then the genre.
func (r *rendering) descriptionAD() Text {
	var first Text
	if r.has("interviewer") || r.is("interview") {
		first = join(". ", r.interviewer("Interview by"), capitalizeFirst(r.v("medium")))
		if !first.Empty() {
			first = concat(plain(" "), first)
		}
	} else {
		first = affix(". ", capitalizeFirst(r.v("medium")), "")
	}
	var genre Text
	if r.has("title") && !r.is("thesis", "personal_communication", "speech") {
		var number Text
		if r.is("report") {
			number = r.v("number")
		}
		genre = affix(". ", join(" ", capitalizeFirst(r.v("genre")), number), "")
	}
	return concat(first, genre)
}

// secondaryAD is "Translated by Henry Reeve".
func (r *rendering) secondaryAD() Text {
	if r.is(chapterLike...) {
		return nil
	}
	return roles(r.names("editor"), r.names("translator"), noteNames, labelVerb, true, false, ". ")
}

// containerContributorsAD is ", edited by Hans Reiss, translated by …".
func (r *rendering) containerContributorsAD() Text {
	if !r.is(chapterLike...) {
		return nil
	}
	var by Text
	if names := r.names("container-author"); len(names) > 0 {
		by = join(" ", plain("by"), noteNames.format(names))
	}
	return affix(", ", join(", ", by, roles(r.names("editor"), r.names("translator"), noteNames, labelVerb, false, false, ", ")), "")
}

// editionAD is ". 17th ed" for books (Chicago's author-date list writes
// the term without its period) and ", 2nd ed." for chapters.
func (r *rendering) editionAD() Text {
	ed := r.v("edition")
	switch {
	case ed.Empty():
		return nil
	case r.is("bill", "book", "graphic", "legal_case", "legislation", "motion_picture", "report", "song"):
		if isNumeric(ed) {
			return plain(". " + ordinal(ed.String()) + " ed")
		}
		return affix(". ", capitalizeFirst(ed), "")
	case r.is(chapterLike...):
		if isNumeric(ed) {
			return plain(", " + ordinal(ed.String()) + " ed.")
		}
		return affix(", ", ed, "")
	}
	return nil
}

// locatorsAD is " 4 (5)" for a journal, ". Vol. 1. 2 vols" for a book.
func (r *rendering) locatorsAD() Text {
	switch {
	case r.is("article-journal"):
		month := func() Text {
			if d := r.e.Dates["issued"]; d.From.Month > 0 {
				return plain(monthNames[d.From.Month])
			}
			return nil
		}
		switch {
		case r.has("volume"):
			paren := r.v("issue")
			if paren.Empty() {
				paren = month()
			}
			return concat(plain(" "), r.v("volume"), affix(" (", paren, ")"))
		case r.has("issue"):
			return affix(", ", join(" ", plain("no."), r.v("issue"), affix("(", month(), ")")), "")
		}
		return affix(", ", month(), "")
	case r.is("legal_case"):
		return concat(affix(", ", r.v("volume"), ""), affix(" ", r.v("container-title"), ""), affix(" ", r.page(), ""))
	case r.is("bill", "book", "graphic", "legislation", "motion_picture", "report", "song"):
		return affix(". ", join(". ", affix("Vol. ", r.v("volume"), ""), affix("", r.v("number-of-volumes"), " vols.")), "")
	case r.is(chapterLike...):
		if !r.has("page") {
			return affix(". Vol. ", r.v("volume"), "")
		}
	}
	return nil
}

// locatorsChapterAD is ", 54–60" after a chapter's book.
func (r *rendering) locatorsChapterAD() Text {
	if !r.is(chapterLike...) || !r.has("page") {
		return nil
	}
	return concat(plain(", "), affix("", r.v("volume"), ":"), r.page())
}

// locatorsArticleAD is a journal's pages (": 193–220") or a newspaper's
// edition and section.
func (r *rendering) locatorsArticleAD() Text {
	switch {
	case r.is("article-newspaper"):
		return affix(", ", r.locatorsNewspaper(), "")
	case r.is("article-journal"):
		if r.has("volume", "issue") {
			return affix(": ", r.page(), "")
		}
		return affix(", ", r.page(), "")
	}
	return nil
}

// eventAD is "presented at the Phi Beta Kappa Society".
func (r *rendering) eventAD() Text {
	term := "Presented at the"
	if r.has("genre") {
		term = "presented at the"
	}
	return affix(term+" ", r.v("event"), "")
}

// dayMonth is "August 31", the rest of a speech's date.
func (r *rendering) dayMonth() Text {
	d := r.e.Dates["issued"]
	if d.From.Month == 0 {
		return nil
	}
	s := monthNames[d.From.Month]
	if d.From.Day > 0 {
		s += " " + itoa(d.From.Day)
	}
	return plain(s)
}

// issueAD is the publication facts after the title.
func (r *rendering) issueAD() Text {
	switch {
	case r.is("legal_case"):
		return affix(". ", r.v("authority"), "")
	case r.is("speech"):
		return affix(". ", join(", ", join(" ", capitalizeFirst(r.v("genre")), r.eventAD()), r.v("event-place"), r.dayMonth()), "")
	case r.is("article-newspaper", "article-magazine", "personal_communication"):
		if d := r.e.Dates["issued"]; !d.IsZero() {
			return plain(", " + d.textForm())
		}
		return nil
	case r.is("article-journal"):
		return nil
	}
	var genre Text
	if r.is("thesis") {
		genre = capitalizeFirst(r.v("genre"))
	}
	return affix(". ", join(", ", genre, join(": ", r.v("publisher-place"), r.v("publisher"))), "")
}

// accessAD is the archive, a web page's date, the access date and the
// address.
func (r *rendering) accessAD() Text {
	var archive, date Text
	if r.archived() {
		archive = join(". ", capitalizeFirst(r.v("archive_location")), r.v("archive"), r.v("archive-place"))
	}
	if r.is("webpage", "post-weblog") {
		if d := r.e.Dates["issued"]; !d.IsZero() {
			date = plain(d.textForm())
		}
	}
	return join(". ", archive, date, r.accessed("Accessed"), r.url())
}

// referenceAD is an author-date reference list entry, split into the
// names (for the 3-em dash) and the rest, without the final full stop.
func (r *rendering) referenceAD(yearSuffix string) (names, rest Text) {
	names = r.contributorsAD()
	first := join(". ", join(". ", names, r.recipientAD()), r.dateAD(yearSuffix))
	var title Text
	if !r.used["title"] {
		title = r.titleAD()
	}
	var container Text
	if !r.used["container-title"] {
		container = affix(". ", r.containerTitleAD(), "")
	}
	all := concat(join(". ", first, title),
		r.descriptionAD(),
		affix(". ", r.secondaryAD(), ""),
		container,
		r.containerContributorsAD(),
		r.editionAD(),
		r.locatorsChapterAD(),
		affix(", ", r.collectionTitleJournal(), ", "),
		r.locatorsAD(),
		affix(". ", r.collectionTitle(), ""),
		r.issueAD(),
		r.locatorsArticleAD(),
		affix(". ", r.accessAD(), ""))
	if !names.Empty() && len(all) >= len(names) {
		return names, all[len(names):]
	}
	return nil, all
}
