package epub

import (
	"strings"

	"samizdat/book"
)

// labels are the words the renderer itself puts into a book: names of
// generated pages, of landmarks and of untitled divisions. They follow the
// book's language where a translation is known, else English.
type labels struct {
	contents, landmarks, start, notes, bibliography string
	titlePage, copyright, dedication, epigraph      string
	preface, colophon, cover, chapter               string
	// pages heads the list of print page numbers.
	pages string
}

// labelsFor returns the labels for a BCP 47 language tag.
func labelsFor(lang string) labels {
	base := strings.ToLower(lang)
	if i := strings.IndexByte(base, '-'); i >= 0 {
		base = base[:i]
	}
	switch base {
	case "de":
		return labels{"Inhalt", "Orientierungspunkte", "Beginn", "Anmerkungen", "Literatur",
			"Titelseite", "Impressum", "Widmung", "Motto", "Vorwort", "Kolophon", "Umschlag", "Kapitel", "Seiten"}
	case "fr":
		return labels{"Table des matières", "Repères", "Début", "Notes", "Bibliographie",
			"Page de titre", "Mentions légales", "Dédicace", "Épigraphe", "Préface", "Colophon", "Couverture", "Chapitre", "Pages"}
	case "es":
		return labels{"Índice", "Puntos de referencia", "Comienzo", "Notas", "Bibliografía",
			"Portada", "Créditos", "Dedicatoria", "Epígrafe", "Prefacio", "Colofón", "Cubierta", "Capítulo", "Páginas"}
	case "it":
		return labels{"Indice", "Punti di riferimento", "Inizio", "Note", "Bibliografia",
			"Frontespizio", "Colophon legale", "Dedica", "Epigrafe", "Prefazione", "Colophon", "Copertina", "Capitolo", "Pagine"}
	case "nl":
		return labels{"Inhoud", "Oriëntatiepunten", "Begin", "Noten", "Bibliografie",
			"Titelpagina", "Colofon", "Opdracht", "Motto", "Voorwoord", "Colofon", "Omslag", "Hoofdstuk", "Pagina's"}
	case "pt":
		return labels{"Sumário", "Pontos de referência", "Início", "Notas", "Bibliografia",
			"Folha de rosto", "Créditos", "Dedicatória", "Epígrafe", "Prefácio", "Colofão", "Capa", "Capítulo", "Páginas"}
	case "ru":
		return labels{"Оглавление", "Ориентиры", "Начало", "Примечания", "Библиография",
			"Титульный лист", "Выходные данные", "Посвящение", "Эпиграф", "Предисловие", "Колофон", "Обложка", "Глава", "Страницы"}
	}
	return labels{"Contents", "Landmarks", "Start", "Notes", "Bibliography",
		"Title Page", "Copyright", "Dedication", "Epigraph", "Preface", "Colophon", "Cover", "Chapter", "Pages"}
}

// kind names a division of kind k that has no title of its own. The
// half-title page is named by the book's title.
func (l labels) kind(k book.Kind, bookTitle string) string {
	switch k {
	case book.KindHalfTitle:
		return bookTitle
	case book.KindTitlePage:
		return l.titlePage
	case book.KindCopyright:
		return l.copyright
	case book.KindDedication:
		return l.dedication
	case book.KindEpigraph:
		return l.epigraph
	case book.KindPreface:
		return l.preface
	case book.KindContents:
		return l.contents
	case book.KindNotes:
		return l.notes
	case book.KindBibliography:
		return l.bibliography
	case book.KindColophon:
		return l.colophon
	}
	return l.chapter
}
