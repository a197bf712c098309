package opendata

import (
	"slices"
	"strings"
	"unicode"

	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/view"
)

// Text is a title and a description in one language.
type Text struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`

	// titleParts and descriptionParts are Title and Description cut into
	// the interface's text and the report's own words (locale.Parts),
	// which a page in another language marks as Indonesian; nil when the
	// text was given as a string only
	titleParts, descriptionParts []locale.Part
}

// text is a title or description that each language writes its own way:
// an interface sentence from i18n/<lang>.toml with the data it names as
// arguments, or words a language's view already holds (a chart's title),
// as the interface's text and the report's own words (locale.Parts).
type text func(l *locale.Locale) []locale.Part

// msg is the interface sentence of an i18n key with its arguments
// (name/value pairs, as locale.M).
func msg(key string, pairs ...any) text {
	m := locale.M(key, pairs...)
	return func(l *locale.Locale) []locale.Part { return l.Parts(m) }
}

// written is text the site already wrote in the reader's language.
func written(s string) []locale.Part {
	if s == "" {
		return nil
	}
	return []locale.Part{{Text: s}}
}

// numbered is the title of a table the report prints in a fixed section:
// the section number, then the title of key.
func numbered(section, key string) text {
	return func(l *locale.Locale) []locale.Part { return written(strings.TrimSpace(section + " " + l.T(key))) }
}

// parts writes t in l's language; a missing text is nil.
func (t text) parts(l *locale.Locale) []locale.Part {
	if t == nil {
		return nil
	}
	return t(l)
}

// in writes t in l's language as one string; a missing text is "".
func (t text) in(l *locale.Locale) string { return joined(t.parts(l)) }

// textIn is t and its parts in l's language.
func (t text) textIn(l *locale.Locale) (string, []locale.Part) {
	p := t.parts(l)
	return joined(p), p
}

// textsIn is a title and a description written in l's language, with
// their parts.
func textsIn(title, description text, l *locale.Locale) Text {
	t := Text{}
	t.Title, t.titleParts = title.textIn(l)
	t.Description, t.descriptionParts = description.textIn(l)
	return t
}

// joined is the text of parts.
func joined(parts []locale.Part) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	return b.String()
}

// withCSVNote adds to a description the note on the CSV cells that were
// quoted (see CSVCell).
func withCSVNote(desc text) text {
	return func(l *locale.Locale) []locale.Part {
		note := l.T("data_csv_note")
		// the description without its spaces around and full stops at the end
		p := slices.Clone(desc.parts(l))
		for len(p) > 0 {
			first := strings.TrimLeftFunc(p[0].Text, unicode.IsSpace)
			if first != "" {
				p[0].Text = first
				break
			}
			p = p[1:]
		}
		for len(p) > 0 {
			last := strings.TrimRightFunc(p[len(p)-1].Text, func(r rune) bool { return r == '.' || unicode.IsSpace(r) })
			if last != "" {
				p[len(p)-1].Text = last
				break
			}
			p = p[:len(p)-1]
		}
		if len(p) == 0 {
			return written(note)
		}
		return append(p, locale.Part{Text: ". " + note})
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
