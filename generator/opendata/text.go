package opendata

import (
	"strings"

	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/view"
)

// Text is a title and a description in one language.
type Text struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
}

// text is a title or description that each language writes its own way:
// an interface sentence from i18n/<lang>.toml with the data it names as
// arguments, or words a language's view already holds (a chart's title).
type text func(l *locale.Locale) string

// msg is the interface sentence of an i18n key with its arguments
// (name/value pairs, as locale.M).
func msg(key string, pairs ...any) text {
	m := locale.M(key, pairs...)
	return func(l *locale.Locale) string { return l.Render(m) }
}

// numbered is the title of a table the report prints in a fixed section:
// the section number, then the title of key.
func numbered(section, key string) text {
	return func(l *locale.Locale) string { return strings.TrimSpace(section + " " + l.T(key)) }
}

// in writes t in l's language; a missing text is "".
func (t text) in(l *locale.Locale) string {
	if t == nil {
		return ""
	}
	return t(l)
}

// withCSVNote adds to a description the note on the CSV cells that were
// quoted (see CSVCell).
func withCSVNote(desc text) text {
	return func(l *locale.Locale) string {
		note := l.T("data_csv_note")
		if d := strings.TrimRight(strings.TrimSpace(desc.in(l)), "."); d != "" {
			return d + ". " + note
		}
		return note
	}
}

// splitLocales returns the default language's locale (the first one when
// none is the default) and the others, in order.
func splitLocales(locs []*locale.Locale) (def *locale.Locale, others []*locale.Locale) {
	for _, l := range locs {
		if l.Lang == locale.Default && def == nil {
			def = l
		} else {
			others = append(others, l)
		}
	}
	if def == nil && len(others) > 0 {
		def, others = others[0], others[1:]
	}
	return def, others
}

// viewIn is the view in language lang, else the first.
func viewIn(views []*view.Report, lang string) *view.Report {
	for _, v := range views {
		if v.Lang == lang {
			return v
		}
	}
	return views[0]
}

// with sets m[lang] = t, making the map when needed.
func with(m map[string]Text, lang string, t Text) map[string]Text {
	if m == nil {
		m = map[string]Text{}
	}
	m[lang] = t
	return m
}

// translations is the "translations" object of the data package: for each
// language, what one returns; nil when there is no other language.
func translations(others []*locale.Locale, one func(l *locale.Locale) map[string]any) map[string]any {
	if len(others) == 0 {
		return nil
	}
	out := map[string]any{}
	for _, l := range others {
		out[l.Lang] = one(l)
	}
	return out
}

// textMap is a title and a description (left out when empty) as JSON.
func textMap(title, description string) map[string]any {
	m := map[string]any{"title": title}
	if description != "" {
		m["description"] = description
	}
	return m
}
