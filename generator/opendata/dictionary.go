package opendata

import "github.com/sakip-terbuka/lakip/generator/locale"

// DictEntry is one table of the data dictionary that the Data terbuka page
// shows, in one language: its title and description resolved already
// (the translation, else the Indonesian text), so that the page prints
// them without looking anything up per cell.
type DictEntry struct {
	Name string `json:"name"`
	DictText
	Section string      `json:"section"`
	Rows    int         `json:"rows"`
	Fields  []DictField `json:"fields"`
}

// DictField is one column of a DictEntry.
type DictField struct {
	Name string `json:"name"`
	DictText
	Type string `json:"type"`
	Unit string `json:"unit,omitempty"`
}

// DictText is a title and a description in the page's language. TitleLang
// and DescriptionLang name the language of a text shown untranslated (the
// Indonesian original on a page in another language, "id"), so that the
// page marks it; they are empty when the text is in the page's language.
// TitleParts and DescriptionParts are a translated text that names the
// report's own words (a table's title, an indicator) cut into the
// interface's text and those words (locale.Parts), which the page marks;
// nil when the text names none.
type DictText struct {
	Title            string        `json:"title"`
	TitleLang        string        `json:"title_lang,omitempty"`
	TitleParts       []locale.Part `json:"title_parts,omitempty"`
	Description      string        `json:"description"`
	DescriptionLang  string        `json:"description_lang,omitempty"`
	DescriptionParts []locale.Part `json:"description_parts,omitempty"`
}

// Dictionary is the data dictionary of the resources in language lang.
func Dictionary(resources []Resource, lang string) []DictEntry {
	list := make([]DictEntry, 0, len(resources))
	for _, res := range resources {
		e := DictEntry{Name: res.Name, DictText: inLang(res.Title, res.Description, res.Translations, lang), Section: res.Section, Rows: len(res.Rows)}
		for _, f := range res.Fields {
			e.Fields = append(e.Fields, DictField{Name: f.Name, DictText: inLang(f.Title, f.Description, f.Translations, lang), Type: f.Type, Unit: f.Unit})
		}
		list = append(list, e)
	}
	return list
}

// inLang resolves a title and description (in the default language) with
// their translations into lang.
func inLang(title, desc string, tr map[string]Text, lang string) DictText {
	d := DictText{Title: title, Description: desc}
	if lang == locale.Default {
		return d
	}
	t := tr[lang]
	if t.Title != "" {
		d.Title, d.TitleParts = t.Title, namesOwn(t.titleParts)
	} else if title != "" {
		d.TitleLang = locale.Default
	}
	if t.Description != "" {
		d.Description, d.DescriptionParts = t.Description, namesOwn(t.descriptionParts)
	} else if desc != "" {
		d.DescriptionLang = locale.Default
	}
	return d
}

// namesOwn is parts when one of them is the report's own words, else nil.
func namesOwn(parts []locale.Part) []locale.Part {
	for _, p := range parts {
		if p.Own {
			return parts
		}
	}
	return nil
}
