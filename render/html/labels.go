package html

import (
	"strings"

	"samizdat/book"
)

// labelsFor returns the few words the page itself adds to the book —
// headings of generated divisions and the accessible names of note links —
// in lang when samizdat knows it, else in English. It builds a fresh map
// on each call, so nothing is shared between renders.
func labelsFor(lang string) map[string]string {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch base {
	case "de":
		return map[string]string{
			"contents": "Inhalt", "notes": "Anmerkungen", "footnotes": "Fußnoten",
			"bibliography": "Literatur", "copyright": "Impressum", "chapter": "Kapitel",
			"backlink": "Zurück zur Verweisstelle", "firstpub": "Zuerst erschienen in",
			"edt": "Herausgeber", "trl": "Übersetzer", "ill": "Illustrator",
		}
	case "fr":
		return map[string]string{
			"contents": "Table des matières", "notes": "Notes", "footnotes": "Notes de bas de page",
			"bibliography": "Bibliographie", "copyright": "Mentions légales", "chapter": "Chapitre",
			"backlink": "Retour à l’appel de note", "firstpub": "Paru d’abord dans",
			"edt": "éditeur", "trl": "traducteur", "ill": "illustrateur",
		}
	case "es":
		return map[string]string{
			"contents": "Índice", "notes": "Notas", "footnotes": "Notas al pie",
			"bibliography": "Bibliografía", "copyright": "Créditos", "chapter": "Capítulo",
			"backlink": "Volver a la llamada", "firstpub": "Publicado originalmente en",
			"edt": "editor", "trl": "traductor", "ill": "ilustrador",
		}
	case "ru":
		return map[string]string{
			"contents": "Содержание", "notes": "Примечания", "footnotes": "Сноски",
			"bibliography": "Библиография", "copyright": "Выходные данные", "chapter": "Глава",
			"backlink": "Назад к ссылке", "firstpub": "Впервые опубликовано в",
			"edt": "редактор", "trl": "переводчик", "ill": "иллюстратор",
		}
	}
	return map[string]string{
		"contents": "Contents", "notes": "Notes", "footnotes": "Footnotes",
		"bibliography": "Bibliography", "copyright": "Copyright", "chapter": "Chapter",
		"backlink": "Back to reference", "firstpub": "First published in",
		"edt": "editor", "trl": "translator", "ill": "illustrator",
	}
}

// label returns the page's word for key in its language.
func (p *page) label(key string) string { return p.words[key] }

// dir returns "rtl" for the tag of a language written right to left, so
// that its page or chapter gets dir="rtl", and "" otherwise.
func dir(lang string) string {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch base {
	case "ar", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi":
		return "rtl"
	}
	return ""
}

// personName returns a person's name, with a role word for contributors
// who are not authors ("Ann Lee (translator)").
func (p *page) personName(person book.Person) string {
	switch person.Role {
	case "", "aut", "cre":
		return person.Name
	}
	if word := p.label(person.Role); word != "" {
		return person.Name + " (" + word + ")"
	}
	return person.Name
}

// names joins people's names for a meta element or a byline.
func (p *page) names(people []book.Person) string {
	parts := make([]string, 0, len(people))
	for _, person := range people {
		if person.Name != "" {
			parts = append(parts, p.personName(person))
		}
	}
	return strings.Join(parts, ", ")
}
