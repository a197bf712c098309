package tomldata

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// span is where a key path is written in a file: the byte offset and
// length of its key (or of an array element's value).
type span struct {
	off, n   int
	explicit bool // written by its own header or key, not only as a prefix of a longer one
}

// keyIndex maps every key path of one TOML file, spelt as problems spell it
// (capaian.tabel[0].baris[57].target), to where it is written: a key to
// its key, a table to its header, an element of an array of tables to its
// own [[…]] header, an element of an inline array to its value. A prefix
// that no header or key names by itself (capaian in [[capaian.tabel]])
// points at its first mention.
type keyIndex struct {
	at     map[string]span
	arrays map[string]int // array of tables → elements so far
	base   int            // offset of the parsed text in the file (after a BOM)
}

// indexKeys reads data, which toml.Decode has accepted, with go-toml's
// parser, which keeps the position of every key. Should that parser stop
// early, what it read so far is indexed: a problem without an entry is
// still reported, only without its line.
func indexKeys(data []byte) *keyIndex {
	ix := &keyIndex{at: map[string]span{}, arrays: map[string]int{}}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		ix.base = 3
	}
	var p unstable.Parser
	p.Reset(data[ix.base:])
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = ix.header(e)
		case unstable.KeyValue:
			ix.keyValue(table, e)
		}
	}
	return ix
}

func (ix *keyIndex) mark(path string, r unstable.Range, explicit bool) {
	if s, ok := ix.at[path]; ok && (s.explicit || !explicit) {
		return
	}
	ix.at[path] = span{off: ix.base + int(r.Offset), n: int(r.Length), explicit: explicit}
}

// through is the range from the start of first to the end of last.
func through(first, last unstable.Range) unstable.Range {
	return unstable.Range{Offset: first.Offset, Length: last.Offset + last.Length - first.Offset}
}

// header indexes a [table] or [[array.of.tables]] header and returns the
// path of the table it opens. As in TOML, a part of the header that names
// an array of tables means that array's last element so far; the last part
// of a [[…]] header adds an element.
func (ix *keyIndex) header(e *unstable.Node) string {
	path := ""
	var first, last *unstable.Node
	for it := e.Key(); it.Next(); {
		k := it.Node()
		if path != "" {
			if n, ok := ix.arrays[path]; ok {
				path = fmt.Sprintf("%s[%d]", path, n-1)
			}
		}
		path = join(path, keyName(string(k.Data)))
		if first == nil {
			first = k
		}
		last = k
		if !it.IsLast() {
			ix.mark(path, k.Raw, false)
		}
	}
	if first == nil {
		return path
	}
	whole := through(first.Raw, last.Raw)
	if e.Kind == unstable.ArrayTable {
		ix.mark(path, whole, false)
		n := ix.arrays[path]
		ix.arrays[path] = n + 1
		path = fmt.Sprintf("%s[%d]", path, n)
	}
	ix.mark(path, whole, true)
	return path
}

// keyValue indexes key = value inside the table at path table: every
// part of a dotted key, and every key and element inside the value.
func (ix *keyIndex) keyValue(table string, e *unstable.Node) {
	path := table
	var first *unstable.Node
	for it := e.Key(); it.Next(); {
		k := it.Node()
		path = join(path, keyName(string(k.Data)))
		if first == nil {
			first = k
		}
		if it.IsLast() {
			ix.mark(path, through(first.Raw, k.Raw), true)
		} else {
			ix.mark(path, k.Raw, false)
		}
	}
	ix.value(path, e.Value())
}

func (ix *keyIndex) value(path string, v *unstable.Node) {
	switch v.Kind {
	case unstable.InlineTable:
		for it := v.Children(); it.Next(); {
			if kv := it.Node(); kv.Kind == unstable.KeyValue {
				ix.keyValue(path, kv)
			}
		}
	case unstable.Array:
		i := 0
		for it := v.Children(); it.Next(); {
			el := it.Node()
			if el.Kind == unstable.Comment {
				continue
			}
			ep := fmt.Sprintf("%s[%d]", path, i)
			i++
			if el.Raw.Length > 0 { // a nested array has no range of its own
				ix.mark(ep, el.Raw, true)
			}
			ix.value(ep, el)
		}
	}
}

// locate returns where keyPath is written or, for a key that is not
// written (a required key left out), where the nearest table or key
// around it is: a row's [[…]] header.
func (ix *keyIndex) locate(keyPath string) (span, bool) {
	for p := keyPath; p != ""; {
		if s, ok := ix.at[p]; ok {
			return s, true
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return span{}, false
}

// lineStarts is the offset of the first byte of every line of data.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// sourceFile is a file with a problem: its text, the key index and where
// its lines start, built once however many problems the file has.
type sourceFile struct {
	data   []byte
	keys   *keyIndex
	starts []int
}

// place gives every problem that names a key path of a file that parsed
// its line and column, with the line shown and a caret under the key, as
// syntax errors have. sources holds the files read, by their shown name.
func place(problems Problems, sources map[string][]byte) {
	files := map[string]*sourceFile{}
	for i := range problems {
		p := &problems[i]
		if p.Line > 0 || p.KeyPath == "" {
			continue
		}
		f := files[p.File]
		if f == nil {
			data, ok := sources[p.File]
			if !ok {
				continue
			}
			f = &sourceFile{data: data, keys: indexKeys(data), starts: lineStarts(data)} // only for a file with a problem
			files[p.File] = f
		}
		s, ok := f.keys.locate(p.KeyPath)
		if !ok {
			continue
		}
		off := min(s.off, len(f.data))
		line := sort.Search(len(f.starts), func(i int) bool { return f.starts[i] > off }) // ≥ 1: starts[0] is 0
		start := f.starts[line-1]
		p.Line, p.Col = line, off-start+1
		p.Excerpt = lineExcerpt(f.data[start:], p.Line, p.Col, max(s.n, 1))
	}
}
