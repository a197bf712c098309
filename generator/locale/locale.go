// Package locale is the interface language of the site on the Go side: the
// interface strings (the same files Hugo reads, i18n/<lang>.toml) and the
// way each language writes numbers. The domain and the view pass keys and
// values (Msg); a Locale turns them into text. It does no I/O: Parse takes
// the file's bytes, the caller reads it.
package locale

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/BurntSushi/toml"
)

// Default is the site's main language, published at the site root.
const Default = "id"

// Msg is an interface sentence to be written in the reader's language: an
// i18n key and its arguments. Arguments are text from data (kept as
// given), whole numbers, or the number types of this package (Dec, Pct,
// Amount, Qty, Diff), which each language writes its own way.
type Msg struct {
	Key  string
	Args map[string]any
	// Text is data written as given in every language (a table's title),
	// for a place that holds either an interface phrase or the report's
	// own words; used when Key is "".
	Text string
}

// Text is a message that is the report's own words, in no language's
// interface: written as given.
func Text(s string) Msg { return Msg{Text: s} }

// IsText tells whether the message is the report's own words (data),
// which a page in another language marks as Indonesian.
func (m Msg) IsText() bool { return m.Key == "" }

// M makes a message from a key and name/value pairs: M("k", "Count", 3).
func M(key string, pairs ...any) Msg {
	m := Msg{Key: key}
	for i := 0; i+1 < len(pairs); i += 2 {
		if m.Args == nil {
			m.Args = map[string]any{}
		}
		m.Args[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	return m
}

// Written is text already written in the reader's language (a figure the
// view formatted, an interface phrase), given as an argument: written as
// given, and never the report's own words (Parts).
type Written string

// OwnOr is a text a view wrote, as a message's argument: the report's own
// words when own (a string), else text already in the reader's language
// (Written).
func OwnOr(s string, own bool) any {
	if own {
		return s
	}
	return Written(s)
}

// Split is text already written in the reader's language and cut into
// parts (by Parts: a chart's title), given as an argument: written as its
// parts joined, the report's own words among them still its own (Parts).
type Split []Part

// Number types carried by a Msg, formatted by the reader's language.
type (
	// Dec is a number with exactly Places decimals.
	Dec struct {
		V      float64
		Places int
	}
	// Pct is a percentage with Places decimals: 97,85 % / 97.85%.
	Pct struct {
		V      float64
		Places int
	}
	// Int is a whole number with thousands grouped: 1.234 / 1,234. A plain
	// int argument (a year, a row number) is written without grouping.
	Int int64
	// Amount is an exact rupiah amount.
	Amount int64
	// Short is a rupiah amount in short form: Rp 34,5 miliar / IDR 34.5 billion.
	Short int64
	// Qty is a value in the unit of what it measures ("Rp", "%", "poin", a unit from data).
	Qty struct {
		V    float64
		Unit string
	}
	// List is items written one after the other with Sep between them
	// (each item as an argument: a message, a number type, text).
	List struct {
		Items []any
		Sep   string
	}
	// Diff is a signed difference in the unit of what it compares.
	Diff struct {
		V    float64
		Unit string
	}
)

// Locale writes interface text and numbers in one language.
type Locale struct {
	Lang string
	Numbers
	msgs map[string]string

	mu      sync.Mutex
	parsed  map[string]*template.Template
	missing map[string]bool
}

// Parse reads an i18n file (Hugo's format: key = "text", or a table with
// "other") for language lang.
func Parse(lang string, data []byte) (*Locale, error) {
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return nil, fmt.Errorf("i18n/%s.toml: %w", lang, err)
	}
	l := &Locale{Lang: lang, Numbers: NumbersFor(lang), msgs: map[string]string{}, parsed: map[string]*template.Template{}, missing: map[string]bool{}}
	for k, v := range raw {
		switch t := v.(type) {
		case string:
			l.msgs[k] = t
		case map[string]any:
			if s, ok := t["other"].(string); ok {
				l.msgs[k] = s
			}
		}
	}
	return l, nil
}

// Has tells whether the language has a string for key.
func (l *Locale) Has(key string) bool { _, ok := l.msgs[key]; return ok }

// Keys lists every key of the language, sorted.
func (l *Locale) Keys() []string { return slices.Sorted(maps.Keys(l.msgs)) }

// T writes the string of key with its arguments (name/value pairs, or one
// map). A key the language lacks is written as [key] and recorded: Err
// reports it, so that a build never publishes a missing string silently.
func (l *Locale) T(key string, pairs ...any) string {
	if len(pairs) == 1 {
		if m, ok := pairs[0].(map[string]any); ok {
			return l.Render(Msg{Key: key, Args: m})
		}
	}
	return l.Render(M(key, pairs...))
}

// Render writes a message in this language.
func (l *Locale) Render(m Msg) string {
	return l.render(m, l.Value)
}

// Part is a piece of a written message: interface text, or (Own) the
// report's own words as given (an argument that is text from data), which
// a page in another language marks as Indonesian.
type Part struct {
	Text string `json:"t"`
	Own  bool   `json:"own,omitempty"`
}

// Parts writes a message (or any argument a message takes: a list, text)
// in this language as Render does, cut into the
// interface's text and the report's own words (the text arguments, in
// nested messages and lists too), in order; adjacent pieces of the same
// kind are joined. Joined, their texts are Render's sentence, except that
// an argument quoted with printf "%q" is put back as given, unescaped.
func (l *Locale) Parts(m any) []Part {
	var own []string
	// each text argument is written as ⟦n⟧ (printable: printf "%q" keeps
	// it), then put back
	var mark func(v any) any
	mark = func(v any) any {
		switch x := v.(type) {
		case string:
			own = append(own, x)
			return fmt.Sprintf("⟦%d⟧", len(own)-1)
		case Msg:
			if x.Key == "" {
				return mark(x.Text)
			}
			return l.render(x, mark)
		case List:
			parts := make([]string, len(x.Items))
			for i, it := range x.Items {
				parts[i] = fmt.Sprint(mark(it))
			}
			return strings.Join(parts, x.Sep)
		case Split:
			var b strings.Builder
			for _, p := range x {
				if p.Own {
					b.WriteString(fmt.Sprint(mark(p.Text)))
				} else {
					b.WriteString(p.Text)
				}
			}
			return b.String()
		}
		return l.Value(v)
	}
	var out []Part
	add := func(text string, isOwn bool) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Own == isOwn {
			out[n-1].Text += text
			return
		}
		out = append(out, Part{Text: text, Own: isOwn})
	}
	written := fmt.Sprint(mark(m))
	last := 0
	for _, loc := range ownMark.FindAllStringSubmatchIndex(written, -1) {
		n, _ := strconv.Atoi(written[loc[2]:loc[3]])
		if n >= len(own) {
			continue
		}
		add(written[last:loc[0]], false)
		add(own[n], true)
		last = loc[1]
	}
	add(written[last:], false)
	return out
}

// ownMark is where Parts wrote a text argument.
var ownMark = regexp.MustCompile(`⟦(\d+)⟧`)

// render writes a message, each argument written by value.
func (l *Locale) render(m Msg, value func(any) any) string {
	if m.Key == "" {
		return m.Text
	}
	l.mu.Lock()
	tpl, ok := l.parsed[m.Key]
	if !ok {
		src, found := l.msgs[m.Key]
		if !found {
			l.missing[m.Key] = true
			l.mu.Unlock()
			return "[" + m.Key + "]"
		}
		var err error
		tpl, err = template.New(m.Key).Option("missingkey=error").Parse(src)
		if err != nil {
			l.missing[m.Key+" ("+err.Error()+")"] = true
			tpl = nil
		}
		l.parsed[m.Key] = tpl
	}
	l.mu.Unlock()
	if tpl == nil {
		return "[" + m.Key + "]"
	}
	args := make(map[string]any, len(m.Args))
	for k, v := range m.Args {
		args[k] = value(v)
	}
	var buf bytes.Buffer
	if err := tpl.Execute(&buf, args); err != nil {
		l.mu.Lock()
		l.missing[m.Key+" ("+err.Error()+")"] = true
		l.mu.Unlock()
		return "[" + m.Key + "]"
	}
	return buf.String()
}

// Quantity is Numbers.Quantity with the interface's own units ("orang",
// "indikator": unit_<unit> in the language file) in the language; units
// from the data stay as printed.
func (l *Locale) Quantity(v float64, unit string) string {
	return l.Numbers.Quantity(v, l.unit(unit))
}

// Difference is Numbers.Difference with the interface's own units in the
// language.
func (l *Locale) Difference(v float64, unit string) string {
	return l.Numbers.Difference(v, l.unit(unit))
}

func (l *Locale) unit(u string) string {
	if s, ok := l.msgs["unit_"+u]; ok && u != "" {
		return s
	}
	return u
}

// Value writes one argument: numbers in the language's way, a nested
// message in this language, text as given.
func (l *Locale) Value(v any) any {
	switch x := v.(type) {
	case Msg:
		return l.Render(x)
	case List:
		parts := make([]string, len(x.Items))
		for i, it := range x.Items {
			parts[i] = fmt.Sprint(l.Value(it))
		}
		return strings.Join(parts, x.Sep)
	case Dec:
		return l.Decimal(x.V, x.Places)
	case Pct:
		return l.Percent(x.V, x.Places)
	case Amount:
		return l.Rupiah(int64(x))
	case Short:
		return l.RupiahShort(int64(x))
	case Qty:
		return l.Quantity(x.V, x.Unit)
	case Diff:
		return l.Difference(x.V, x.Unit)
	case Int:
		return l.Int(int64(x))
	case Written:
		return string(x)
	case Split:
		var b strings.Builder
		for _, p := range x {
			b.WriteString(p.Text)
		}
		return b.String()
	case float64:
		return l.Number(x)
	}
	return v
}

// Err lists the keys that were asked for but are missing (or broken) in
// this language, nil when none.
func (l *Locale) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.missing) == 0 {
		return nil
	}
	return fmt.Errorf("i18n/%s.toml: tidak ada teks untuk kunci %s", l.Lang, strings.Join(slices.Sorted(maps.Keys(l.missing)), ", "))
}

// Load reads i18n/<lang>.toml from the project folder fsys.
func Load(fsys fs.FS, lang string) (*Locale, error) {
	data, err := fs.ReadFile(fsys, "i18n/"+lang+".toml")
	if err != nil {
		return nil, fmt.Errorf("i18n/%s.toml: %w", lang, err)
	}
	return Parse(lang, data)
}

// Languages are the site's languages, the default first: the site is
// published in each (the default at the root, the others below /<lang>/).
var Languages = []string{Default, "en"}
