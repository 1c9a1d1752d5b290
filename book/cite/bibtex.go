package cite

import (
	"strconv"
	"strings"
)

// ReadBibTeX reads a BibTeX or BibLaTeX file into entries, converting
// its TeX into text and its fields into CSL variables the way pandoc
// does, so that a .bib file gives the same notes in samizdat as in pandoc.
// The file is read by samizdat's own scanner (bibscan.go), which gives
// every problem its line and column.
func ReadBibTeX(file string, data []byte) ([]*Entry, error) {
	locs, err := scanBibTeX(file, data)
	if err != nil {
		return nil, err
	}
	var out []*Entry
	seen := map[string]bool{}
	for _, loc := range locs {
		if seen[loc.key] {
			// A repeated key: only the first is read; the copy is
			// kept for the check that reports it.
			e := newEntry(loc.key, loc.pos)
			e.Type = "book"
			out = append(out, e)
			continue
		}
		seen[loc.key] = true
		fields := make(map[string]string, len(loc.fields))
		for name, f := range loc.fields {
			fields[name] = f.value
		}
		out = append(out, bibEntry(loc, fields))
	}
	return out, nil
}

// bibTypes maps BibLaTeX entry types to CSL types, as pandoc does.
var bibTypes = map[string]string{
	"book": "book", "booklet": "pamphlet", "bookinbook": "chapter", "collection": "book",
	"dataset": "dataset", "electronic": "webpage", "inbook": "chapter", "incollection": "chapter",
	"inreference": "entry-encyclopedia", "inproceedings": "paper-conference", "conference": "paper-conference",
	"manual": "book", "mastersthesis": "thesis", "misc": "", "mvbook": "book", "mvcollection": "book",
	"mvproceedings": "book", "mvreference": "book", "online": "webpage", "patent": "patent",
	"phdthesis": "thesis", "proceedings": "book", "reference": "book", "report": "report",
	"software": "book", "suppbook": "chapter", "suppcollection": "chapter", "techreport": "report",
	"thesis": "thesis", "www": "webpage", "artwork": "graphic", "audio": "song", "commentary": "book",
	"image": "graphic", "jurisdiction": "legal_case", "legislation": "legislation", "legal": "treaty",
	"letter": "personal_communication", "letters": "personal_communication", "movie": "motion_picture",
	"music": "song", "performance": "speech", "review": "review", "standard": "legislation",
	"video": "motion_picture", "data": "dataset", "newsarticle": "article-newspaper",
}

// bibStrings are BibLaTeX's localisation keys that appear in type fields.
var bibStrings = map[string]string{
	"phdthesis": "PhD thesis", "mathesis": "Master’s thesis", "techreport": "technical report",
	"resreport": "research report", "software": "computer software", "datacd": "CD-ROM",
	"audiocd": "audio CD", "patent": "patent", "newseries": "new series", "oldseries": "old series",
}

// bibLanguages maps BibLaTeX language names to language tags.
var bibLanguages = map[string]string{
	"english": "en-US", "american": "en-US", "british": "en-GB", "australian": "en-AU",
	"canadian": "en-CA", "newzealand": "en-NZ", "french": "fr-FR", "german": "de-DE",
	"ngerman": "de-DE", "austrian": "de-AT", "swissgerman": "de-CH", "italian": "it-IT",
	"spanish": "es-ES", "portuguese": "pt-PT", "brazil": "pt-BR", "brazilian": "pt-BR",
	"dutch": "nl-NL", "danish": "da-DK", "swedish": "sv-SE", "norwegian": "nb-NO",
	"finnish": "fi-FI", "polish": "pl-PL", "czech": "cs-CZ", "russian": "ru-RU",
	"greek": "el-GR", "latin": "la", "hungarian": "hu-HU", "turkish": "tr-TR",
	"catalan": "ca-AD", "croatian": "hr-HR", "icelandic": "is-IS", "irish": "ga-IE",
	"welsh": "cy-GB", "hebrew": "he-IL", "japanese": "ja-JP", "ukrainian": "uk-UA",
}

// bibEntry converts one entry's fields to CSL variables.
func bibEntry(loc bibLoc, f map[string]string) *Entry {
	e := newEntry(loc.key, loc.pos)
	get := func(k string) (string, bool) { v, ok := f[k]; return v, ok }
	typ := bibTypes[loc.typ]
	sub := strings.ToLower(strings.TrimSpace(latexPlain(f["entrysubtype"])))
	switch loc.typ {
	case "article", "periodical", "suppperiodical":
		typ = "article-journal"
		switch sub {
		case "magazine":
			typ = "article-magazine"
		case "newspaper":
			typ = "article-newspaper"
		}
	case "unpublished":
		typ = "manuscript"
		if _, ok := get("eventtitle"); ok {
			typ = "speech"
		} else if _, ok := get("venue"); ok {
			typ = "speech"
		} else if _, ok := get("eventdate"); ok {
			typ = "speech"
		}
	}
	e.Type = typ
	genre := ""
	if t, ok := get("type"); ok {
		genre = latexPlain(t)
		if s, ok := bibStrings[strings.ToLower(genre)]; ok {
			genre = s
		}
	}
	switch {
	case genre == "" && loc.typ == "phdthesis":
		genre = bibStrings["phdthesis"]
	case genre == "" && loc.typ == "mastersthesis":
		genre = bibStrings["mathesis"]
	}
	if genre != "" {
		e.Vars["genre"] = plain(genre)
	}
	if l, ok := get("langid"); ok {
		l = strings.ToLower(strings.TrimSpace(latexPlain(l)))
		if opts := strings.ToLower(latexPlain(f["langidopts"])); l == "english" && strings.Contains(opts, "british") {
			l = "british"
		}
		e.Lang = bibLanguages[l]
		if e.Lang == "" {
			e.Lang = l
		}
	} else if l, ok := get("hyphenation"); ok {
		e.Lang = bibLanguages[strings.ToLower(latexPlain(l))]
	}
	english := e.english()
	title := func(k string) Text {
		v, ok := get(k)
		if !ok {
			return nil
		}
		t := latexText(v)
		if english {
			t = sentenceCase(t)
		}
		return t
	}
	periodical := func(k string) Text {
		if v, ok := get(k); ok {
			return latexText(v)
		}
		return nil
	}

	// Names.
	for field, role := range map[string]string{"author": "author", "bookauthor": "container-author", "translator": "translator"} {
		if v, ok := get(field); ok {
			e.Names[role] = readBibNames(v)
		}
	}
	if v, ok := get("editor"); ok {
		role := "editor"
		if strings.TrimSpace(latexPlain(f["editortype"])) == "director" {
			role = "director"
		}
		e.Names[role] = readBibNames(v)
	}

	// Dates.
	if d, ok := bibDate(f, "date", ""); ok {
		e.Dates["issued"] = d
	}
	for field, v := range map[string][2]string{"event-date": {"eventdate", "event"}, "original-date": {"origdate", "orig"}, "accessed": {"urldate", "url"}} {
		if d, ok := bibDate(f, v[0], v[1]); ok {
			e.Dates[field] = d
		}
	}

	// Titles.
	isArticle := loc.typ == "article" || loc.typ == "periodical" || loc.typ == "suppperiodical" || loc.typ == "review"
	chapterish := map[string]bool{"inbook": true, "incollection": true, "inproceedings": true, "inreference": true, "bookinbook": true}[loc.typ]
	_, hasMain := get("maintitle")
	t, sub2, addon := title("title"), title("subtitle"), title("titleaddon")
	if hasMain && !chapterish {
		e.Vars["volume-title"] = joinTitle(t, sub2, addon)
		t, sub2, addon = title("maintitle"), title("mainsubtitle"), title("maintitleaddon")
	}
	if !t.Empty() {
		e.Vars["title"] = joinTitle(t, sub2, addon)
	}
	var container Text
	switch {
	case chapterish && hasMain:
		container = joinTitle(title("maintitle"), title("mainsubtitle"), title("maintitleaddon"))
	case chapterish && f["booktitle"] != "":
		container = joinTitle(title("booktitle"), title("booksubtitle"), title("booktitleaddon"))
	case f["journaltitle"] != "":
		container = joinTitle(periodical("journaltitle"), periodical("journalsubtitle"), nil)
	case f["journal"] != "":
		container = joinTitle(periodical("journal"), periodical("journalsubtitle"), nil)
	}
	if !container.Empty() {
		e.Vars["container-title"] = container
	}
	switch short := title("shorttitle"); {
	case !short.Empty():
		e.Vars["title-short"] = short
	case !t.Empty() && (!sub2.Empty() || !addon.Empty()) && !hasMain:
		e.Vars["title-short"] = upToColon(t)
	case !t.Empty() && strings.Contains(t.String(), ":"):
		e.Vars["title-short"] = upToColon(t)
	}
	if s := title("series"); !s.Empty() {
		e.Vars["collection-title"] = s
	}
	for field, v := range map[string]string{"eventtitle": "event", "origtitle": "original-title", "venue": "event-place"} {
		if x, ok := get(field); ok {
			e.Vars[v] = latexText(x)
		}
	}

	// Numbers.
	if v, ok := get("pages"); ok {
		e.Vars["page"] = plain(strings.ReplaceAll(latexPlain(v), "–", "-"))
	}
	vol, part := f["volume"], f["part"]
	switch {
	case vol != "" && part != "":
		e.Vars["volume"] = plain(latexPlain(vol) + "." + latexPlain(part))
	case vol != "":
		e.Vars["volume"] = latexText(vol)
	case part != "":
		e.Vars["volume"] = latexText(part)
	}
	for field, v := range map[string]string{"volumes": "number-of-volumes", "chapter": "chapter-number", "edition": "edition", "version": "version", "pagetotal": "number-of-pages"} {
		if x, ok := get(field); ok {
			e.Vars[v] = latexText(x)
		}
	}
	if n, ok := get("number"); ok {
		switch {
		case map[string]bool{"book": true, "collection": true, "proceedings": true, "reference": true, "mvbook": true, "mvcollection": true, "mvproceedings": true, "mvreference": true, "bookinbook": true, "inbook": true, "incollection": true, "inproceedings": true, "inreference": true, "suppbook": true, "suppcollection": true}[loc.typ]:
			e.Vars["collection-number"] = latexText(n)
		case isArticle:
			v := latexPlain(n)
			if is, ok := get("issue"); ok {
				v += ", " + latexPlain(is)
			}
			e.Vars["issue"] = plain(v)
		default:
			e.Vars["number"] = latexText(n)
		}
	} else if is, ok := get("issue"); ok && isArticle {
		e.Vars["issue"] = latexText(is)
	}

	// Publishers and places.
	var pubs []string
	for _, field := range []string{"school", "institution", "organization", "howpublished", "publisher"} {
		if v, ok := get(field); ok {
			if field == "howpublished" {
				pubs = append(pubs, latexPlain(v))
			} else {
				pubs = append(pubs, literalList(v))
			}
		}
	}
	if len(pubs) > 0 {
		e.Vars["publisher"] = plain(strings.Join(pubs, "; "))
	}
	if v, ok := get("address"); ok {
		e.Vars["publisher-place"] = plain(literalList(v))
	} else if v, ok := get("location"); ok && loc.typ != "patent" {
		e.Vars["publisher-place"] = plain(literalList(v))
	}
	if v, ok := get("origpublisher"); ok {
		e.Vars["original-publisher"] = latexText(v)
	}
	if v, ok := get("origlocation"); ok {
		e.Vars["original-publisher-place"] = plain(literalList(v))
	}

	// Addresses and notes.
	for field, v := range map[string]string{"url": "URL", "doi": "DOI", "isbn": "ISBN", "issn": "ISSN"} {
		if x, ok := get(field); ok {
			e.Vars[v] = plain(strings.TrimSpace(x))
		}
	}
	var notes []Text
	for _, field := range []string{"note", "addendum"} {
		if v, ok := get(field); ok && loc.typ != "periodical" {
			notes = append(notes, latexText(v))
		}
	}
	if len(notes) > 0 {
		e.Vars["note"] = joinWith('.', notes...)
	}
	if v, ok := get("pubstate"); ok {
		e.Vars["status"] = latexText(v)
	}
	return e
}

// joinTitle joins a title, subtitle and addition as pandoc does: "Common
// Sense: Addressed to …", with no colon after a title that ends in
// punctuation.
func joinTitle(t, sub, addon Text) Text {
	return joinWith('.', joinWith(':', t, sub), addon)
}

// joinWith joins non-empty texts with sep and a space.
func joinWith(sep rune, parts ...Text) Text {
	var out Text
	for _, p := range parts {
		if p.Empty() {
			continue
		}
		switch {
		case out.Empty():
			out = append(out, p...)
		case out.endsWith("!?.,:;"):
			out = concat(out, plain(" "), p)
		default:
			out = concat(out, plain(string(sep)+" "), p)
		}
	}
	return out
}

// upToColon is the part of a title before its colon.
func upToColon(t Text) Text {
	var out Text
	for _, r := range t {
		if i := strings.IndexByte(r.S, ':'); i >= 0 {
			r.S = strings.TrimRight(r.S[:i], " ")
			return append(out, r)
		}
		out = append(out, r)
	}
	return out
}

// literalList reads a BibLaTeX list of literals ("London and New York")
// as pandoc writes it: "London; New York".
func literalList(v string) string {
	var parts []string
	for _, p := range splitAnd(v) {
		parts = append(parts, strings.TrimSpace(latexPlain(p)))
	}
	return strings.Join(parts, "; ")
}

// bibDate reads a date from an ISO field ("date", "origdate") or from the
// old year, month and day fields with the given prefix.
func bibDate(f map[string]string, isoField, oldPrefix string) (Date, bool) {
	if v, ok := f[isoField]; ok {
		s := strings.ReplaceAll(latexPlain(v), "\u00A0", "~")
		if d, ok := parseEDTF(s); ok {
			return d, true
		}
		return Date{Literal: s}, true
	}
	yearField := oldPrefix + "year"
	if oldPrefix == "" {
		yearField = "year"
	}
	y, ok := f[yearField]
	if !ok {
		return Date{}, false
	}
	ys := strings.TrimSpace(latexPlain(y))
	year, err := strconv.Atoi(ys)
	if err != nil {
		return Date{Literal: ys}, true
	}
	d := Date{From: DatePart{Year: year}}
	if m, ok := f[oldPrefix+"month"]; ok {
		d.From.Month = monthNumber(latexPlain(m))
	}
	if day, ok := f[oldPrefix+"day"]; ok && d.From.Month > 0 {
		d.From.Day, _ = strconv.Atoi(strings.TrimSpace(latexPlain(day)))
	}
	return d, true
}

// monthNumber reads a month written as a number, an abbreviation or the
// name the parser substituted for a month macro.
func monthNumber(s string) int {
	s = strings.ToLower(strings.TrimSpace(s))
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 12 {
		return n
	}
	for i, name := range monthNames[1:] {
		if len(s) >= 3 && strings.HasPrefix(strings.ToLower(name), s[:3]) {
			return i + 1
		}
	}
	return 0
}
