package cite

// This file is the Chicago bibliography entry, macro by macro after the
// bibliography layout of chicago-note-bibliography.csl.

// contributorsBib is the author inverted ("Warren, Samuel D., and Louis
// D. Brandeis"), or the editor or translator with a label, or, for an
// unsigned article or web page, its periodical or site.
func (r *rendering) contributorsBib() Text {
	return r.authors(bibNames, func(role string, names []Name) Text {
		return join(", ", bibNames.format(names), plain(roleLabel(role, labelShort, len(names) > 1)))
	}, func() Text {
		if r.is("article-magazine", "article-newspaper", "webpage", "post-weblog") {
			if t := r.v("container-title"); !t.Empty() {
				r.used["container-title"] = true
				return t
			}
		}
		return nil
	})
}

// recipientBib is "Letter to Edward Carrington".
func (r *rendering) recipientBib() Text {
	var kind Text
	if r.is("personal_communication") {
		if g := r.v("genre"); !g.Empty() {
			kind = capitalizeFirst(g)
		} else {
			kind = plain("Letter")
		}
	}
	to := r.recipientNote(noteNames)
	if to.Empty() {
		return nil
	}
	return join(" ", kind, to)
}

// titleBib is the title as the bibliography gives it.
func (r *rendering) titleBib() Text {
	switch {
	case !r.has("title"):
		if !r.is("personal_communication") {
			return capitalizeFirst(r.v("genre"))
		}
		return nil
	case r.is("book", "graphic", "motion_picture", "song"):
		return concat(italic(r.titled("title")), affix(" (version ", r.v("version"), ")"))
	case len(r.e.Names["reviewed-author"]) > 0:
		return join(", ", affix("Review of ", italic(r.v("title")), ""),
			affix("by ", noteNames.format(r.e.Names["reviewed-author"]), ""))
	case r.is("bill", "legislation", "legal_case", "interview", "patent"):
		return r.v("title")
	}
	return quoted(r.titled("title"))
}

// descriptionBib is "Interview by Nellie Bly", a medium, a genre.
func (r *rendering) descriptionBib() Text {
	var genre Text
	if r.has("title") && !r.is("thesis", "speech", "patent") {
		genre = capitalizeFirst(r.v("genre"))
	}
	return join(", ", join(". ", r.interviewer("Interview by"), capitalizeFirst(r.v("medium"))), genre)
}

// secondaryContributorsBib is "Translated by Henry Reeve".
func (r *rendering) secondaryContributorsBib() Text {
	if r.is(chapterLike...) {
		return nil
	}
	return roles(r.names("editor"), r.names("translator"), noteNames, labelVerb, true, false, ". ")
}

// containerTitleBib is "In *Aesthetic Papers*", *Harvard Law Review*.
func (r *rendering) containerTitleBib() Text {
	if r.used["container-title"] {
		return nil
	}
	return capitalizeFirst(r.containerTitleNote("in"))
}

// containerContributorsBib is "edited by Elizabeth P. Peabody" after a
// chapter's book.
func (r *rendering) containerContributorsBib() Text {
	if !r.is(chapterLike...) || !r.has("author") {
		return nil
	}
	var by Text
	if names := r.names("container-author"); len(names) > 0 {
		by = join(" ", plain("by"), noteNames.format(names))
	}
	if r.has("container-author") {
		return join(", ", by, join(". ", r.page(), roles(r.names("editor"), r.names("translator"), noteNames, labelVerb, false, false, ", ")))
	}
	return join(", ", by, roles(r.names("editor"), r.names("translator"), noteNames, labelVerb, false, false, ", "))
}

// editionBib is "17th ed." or "Rev. ed.".
func (r *rendering) editionBib() Text {
	if !r.is("book", "chapter", "graphic", "motion_picture", "paper-conference", "report", "song") {
		return nil
	}
	ed := r.v("edition")
	if isNumeric(ed) {
		return plain(ordinal(ed.String()) + " ed.")
	}
	return affix("", capitalizeFirst(ed), ".")
}

// locatorsBib is a journal's volume and issue, or a book's edition and
// volumes ("Vol. 1. 2 vols.").
func (r *rendering) locatorsBib() Text {
	switch {
	case r.is("article-journal"):
		return join(", ", r.collectionTitleJournal(), r.v("volume"), affix("no. ", r.v("issue"), ""))
	case r.is("book", "graphic", "motion_picture", "report", "song"):
		return join(". ", r.editionBib(), affix("Vol. ", r.v("volume"), ""), affix("", r.v("number-of-volumes"), " vols."))
	case r.is(chapterLike...):
		var vol Text
		if !r.has("page") {
			vol = affix("Vol. ", r.v("volume"), "")
		}
		return join(". ", r.editionBib(), vol)
	}
	return nil
}

// locatorsChapter is a chapter's pages in its book.
func (r *rendering) locatorsChapter() Text {
	if !r.is(chapterLike...) || r.has("author") && r.has("container-author") || !r.has("page") {
		return nil
	}
	return concat(affix("", r.v("volume"), ":"), r.page())
}

// eventBib is "presented at the Phi Beta Kappa Society".
func (r *rendering) eventBib() Text {
	term := "Presented at the"
	if r.has("title") && r.has("genre") {
		term = "presented at the"
	}
	return affix(term+" ", r.v("event"), "")
}

// issueBib is the publication facts: "London: Jonathan Cape, 1996",
// "(December 15, 1890)", "Oration presented at …, August 31, 1837".
func (r *rendering) issueBib() Text {
	switch {
	case r.is("bill", "legislation", "legal_case"):
		return affix("(", r.issued(), ")")
	case r.is("article-journal"):
		if r.has("issue", "volume") {
			return affix("(", r.issued(), ")")
		}
		return r.issued()
	case r.is("speech"):
		var genre Text
		if r.has("title") {
			genre = capitalizeFirst(r.v("genre"))
		}
		return join(", ", join(" ", genre, r.eventBib()), r.v("event-place"), r.issued())
	case r.is("article-newspaper"):
		return r.issued()
	case r.has("publisher-place", "publisher"):
		var genre, reprint Text
		if r.is("thesis") {
			genre = capitalizeFirst(r.v("genre"))
		}
		if r.has("original-date") && r.has("issued") {
			reprint = plain("Reprint")
		}
		return join(", ", genre, join(". ", r.originallyPublished(), join(", ", reprint, r.publisher())), r.issued())
	case !r.is("graphic", "map"):
		return r.issued()
	}
	return nil
}

// archiveBib is "MS Am 1280H. Houghton Library".
func (r *rendering) archiveBib() Text {
	if r.is("thesis") {
		return join(" ", r.v("archive"), affix("(", r.v("archive_location"), ")"))
	}
	return join(". ", capitalizeFirst(r.v("archive_location")), r.v("archive"), r.v("archive-place"))
}

// accessBib is the archive, "Accessed March 1, 2024", the address.
func (r *rendering) accessBib() Text {
	var archive Text
	if r.archived() {
		archive = r.archiveBib()
	}
	return join(". ", archive, r.accessed("Accessed"), r.url())
}

// bibEntry is the bibliography entry, split into the names (which the
// 3-em dash replaces when an author's works follow one another) and the
// rest, without the final full stop.
func (r *rendering) bibEntry() (names, rest Text) {
	names = r.contributorsBib()
	contributors := join(". ", names, r.recipientBib())
	var period, comma, space Text
	if !r.is("bill", "legislation", "legal_case", "article-journal", "chapter", "paper-conference") {
		period = r.locatorsBib()
	}
	if r.is("bill", "chapter", "legislation", "legal_case", "paper-conference") ||
		r.is("article-journal") && (!r.has("volume") || r.has("collection-title")) {
		comma = r.locatorsBib()
	}
	if r.is("article-journal") && r.has("volume") && !r.has("collection-title") {
		space = r.locatorsBib()
	}
	var issuePeriod, issueSpace, issueComma Text
	if !r.is("article-journal", "bill", "legislation", "legal_case") && (r.is("speech") || r.has("publisher", "publisher-place")) {
		issuePeriod = r.issueBib()
	}
	if r.is("article-journal") && r.has("issue", "volume") || r.is("bill", "legislation", "legal_case") {
		issueSpace = r.issueBib()
	}
	if !r.is("bill", "legislation", "legal_case") {
		if !r.is("article-journal") {
			if !r.is("speech") && !r.has("publisher", "publisher-place") {
				issueComma = r.issueBib()
			}
		} else if !r.has("volume", "issue") {
			issueComma = r.issueBib()
		}
	}
	var pagesComma, pagesColon Text
	if r.is("article-journal") {
		if r.has("volume", "issue") {
			pagesColon = r.page()
		} else {
			pagesComma = r.page()
		}
	}
	// The names come first; they are rendered before the rest so that a
	// substituted editor is not repeated.
	a1 := join(". ", join(". ", contributors, r.titleBib()))
	a2 := join(". ", a1, r.descriptionBib(), r.secondaryContributorsBib(),
		join(", ", r.containerTitleBib(), r.containerContributorsBib()), period)
	a3 := join(", ", a2, comma, r.locatorsChapter())
	a4 := join(" ", a3, space)
	a5 := join(". ", a4, r.collectionTitle(), issuePeriod)
	a6 := join(" ", a5, issueSpace)
	a7 := join(", ", a6, issueComma, pagesComma, r.locatorsNewspaper())
	a8 := join(": ", a7, pagesColon)
	all := join(". ", a8, r.accessBib())
	// Split off the names for the 3-em dash.
	if !names.Empty() && len(all) >= len(names) {
		return names, all[len(names):]
	}
	return nil, all
}
