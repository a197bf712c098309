package tomldata

import (
	"fmt"
)

// Limits on one TOML file, checked before it is parsed. Data files come from
// pull requests by anyone; without them a 4 MB file of nested arrays
// overflows the parser's stack, 40 KB of nested inline tables or a key with
// thousands of dotted parts takes gigabytes or minutes. The largest file of
// a real report has about 900 lines, 800 keys (table headers included)
// and a nesting of 6 (TestSeedWithinLimits).
const (
	// MaxNesting bounds how deep a value sits: every part of a table
	// header ([a.b.c] is 3, [[a.b]] is 3), every part of a dotted key and
	// every array or inline table around a value counts one level.
	MaxNesting = 32
	// MaxArrayLength bounds the number of elements of one array ([…]).
	MaxArrayLength = 100_000
	// MaxKeys bounds the number of keys of one file: every key = value
	// (also inside inline tables) and every table header counts one.
	MaxKeys = 100_000
	// MaxValues bounds keys and array elements of one file together: a
	// file of many long arrays otherwise takes half a minute and a
	// gigabyte to load.
	MaxValues = 200_000
)

// frame is an open array or inline table.
type frame struct {
	table    bool // '{' (else '[')
	depth    int  // the level of the container itself
	elements int  // arrays: values started so far
	expect   bool // arrays: the next non-blank character starts a value
}

// limitScanner finds where a TOML document exceeds the limits, without
// parsing it: it skips strings and comments and follows brackets, keys and
// table headers. It never fails on bad syntax (the parser reports that);
// for a document that parses, its counts are exact or higher.
type limitScanner struct {
	data      []byte
	pos       int
	line      int // 1-based line of pos
	lineStart int // offset of the first byte of that line
	keys      int
	values    int // keys and array elements
	stack     []frame
	deepest   int // the deepest level seen, longest the longest array
	longest   int
}

// limitProblem is a limit the document exceeds, at a 1-based line and
// byte column.
type limitProblem struct {
	line, col int
	message   string
}

// checkLimits returns the first limit data exceeds, or nil.
func checkLimits(data []byte) *limitProblem {
	s := &limitScanner{data: data, line: 1}
	return s.run()
}

// nest records a value or table at depth, refused beyond MaxNesting.
func (s *limitScanner) nest(depth, pos int) *limitProblem {
	s.deepest = max(s.deepest, depth)
	if depth > MaxNesting {
		return s.at(pos, "TOML bersarang terlalu dalam: lebih dari %d tingkat (bagian judul tabel, bagian kunci bertitik, daftar [ ] dan tabel { } dihitung bersama); data laporan tidak pernah sedalam ini", MaxNesting)
	}
	return nil
}

func (s *limitScanner) at(pos int, format string, args ...any) *limitProblem {
	// pos is on the current line, except for a key of an inline table
	// that starts on an earlier line
	line, start := s.line, s.lineStart
	if pos < start {
		line, start = s.lineOf(pos)
	}
	return &limitProblem{line: line, col: pos - start + 1, message: fmt.Sprintf(format, args...)}
}

// lineOf counts lines up to pos (only used for an error).
func (s *limitScanner) lineOf(pos int) (line, start int) {
	line = 1
	for i := 0; i < pos && i < len(s.data); i++ {
		if s.data[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, start
}

func (s *limitScanner) peek(off int) byte {
	if s.pos+off < len(s.data) {
		return s.data[s.pos+off]
	}
	return 0
}

func (s *limitScanner) newline() {
	s.pos++
	s.line++
	s.lineStart = s.pos
}

func (s *limitScanner) countKey(pos int) *limitProblem {
	s.keys++
	if p := s.countValue(pos); p != nil {
		return p
	}
	if s.keys > MaxKeys {
		return s.at(pos, "berkas berisi lebih dari %s kunci; pecah data ke beberapa berkas atau periksa apakah berkas ini benar data laporan", thousands(MaxKeys))
	}
	return nil
}

func (s *limitScanner) countValue(pos int) *limitProblem {
	s.values++
	if s.values > MaxValues {
		return s.at(pos, "berkas berisi lebih dari %s nilai (kunci dan butir daftar); pecah data ke beberapa berkas atau periksa apakah berkas ini benar data laporan", thousands(MaxValues))
	}
	return nil
}

// run scans the whole document. At the top level it reads line by line:
// a table header, or a key, "=" and a value that may span lines inside
// brackets.
func (s *limitScanner) run() *limitProblem {
	if len(s.data) >= 3 && string(s.data[:3]) == "\xef\xbb\xbf" {
		s.pos = 3
	}
	tableDepth := 0
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '\n':
			s.newline()
		case c == ' ' || c == '\t' || c == '\r':
			s.pos++
		case c == '#':
			s.skipComment()
		case c == '[':
			start := s.pos
			array := s.peek(1) == '['
			s.pos++
			if array {
				s.pos++
			}
			parts := s.skipKey(']')
			depth := parts
			if array {
				depth++
			}
			if p := s.nest(depth, start); p != nil {
				return p
			}
			if p := s.countKey(start); p != nil {
				return p
			}
			tableDepth = depth
			s.skipLine()
		default:
			start := s.pos
			parts := s.skipKey('=')
			if s.peek(0) != '=' {
				s.skipLine() // not a key = value line: the parser says why
				continue
			}
			s.pos++
			if p := s.nest(tableDepth+parts, start); p != nil {
				return p
			}
			if p := s.countKey(start); p != nil {
				return p
			}
			if p := s.value(tableDepth + parts); p != nil {
				return p
			}
		}
	}
	return nil
}

// skipKey skips a (dotted, possibly quoted) key up to end (not consumed),
// a newline or the end of the data, and returns its number of parts.
func (s *limitScanner) skipKey(end byte) int {
	parts := 1
	for s.pos < len(s.data) {
		switch c := s.data[s.pos]; c {
		case end, '\n':
			return parts
		case '.':
			parts++
			s.pos++
		case '"', '\'':
			s.skipString()
		case '#':
			return parts
		default:
			s.pos++
		}
	}
	return parts
}

// skipLine skips to the end of the line (the newline is not consumed),
// over strings, so that a comment sign inside a string is no comment.
func (s *limitScanner) skipLine() {
	for s.pos < len(s.data) && s.data[s.pos] != '\n' {
		switch s.data[s.pos] {
		case '"', '\'':
			s.skipString()
		case '#':
			s.skipComment()
		default:
			s.pos++
		}
	}
}

func (s *limitScanner) skipComment() {
	for s.pos < len(s.data) && s.data[s.pos] != '\n' {
		s.pos++
	}
}

// skipString skips a basic, literal or multi-line string starting at pos.
// An unterminated single-line string ends at the newline.
func (s *limitScanner) skipString() {
	q := s.data[s.pos]
	if s.peek(1) == q && s.peek(2) == q {
		s.pos += 3
		for s.pos < len(s.data) {
			c := s.data[s.pos]
			switch {
			case c == '\n':
				s.newline()
			case c == '\\' && q == '"':
				s.pos += 2
				if s.pos-1 < len(s.data) && s.data[s.pos-1] == '\n' {
					s.line++
					s.lineStart = s.pos
				}
			case c == q && s.peek(1) == q && s.peek(2) == q:
				s.pos += 3
				for extra := 0; extra < 2 && s.peek(0) == q; extra++ {
					s.pos++ // """"" ends with two quotes of content
				}
				return
			default:
				s.pos++
			}
		}
		return
	}
	s.pos++
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '\n':
			return
		case c == '\\' && q == '"':
			if s.peek(1) == '\n' {
				s.pos++
				continue
			}
			s.pos += 2
		case c == q:
			s.pos++
			return
		default:
			s.pos++
		}
	}
}

// value scans the value after "=" at the given depth, with every array and
// inline table inside it, until the end of its line at the top level.
func (s *limitScanner) value(depth int) *limitProblem {
	s.stack = s.stack[:0]
	inKey, parts, keyStart := false, 1, 0 // reading a key of an inline table
	valueDepth := depth                   // depth of the value that starts next
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		var top *frame
		if n := len(s.stack); n > 0 {
			top = &s.stack[n-1]
		}
		if top == nil && (c == '\n' || c == '#') {
			return nil // end of the key = value line
		}
		switch {
		case c == '\n':
			s.newline()
			continue
		case c == ' ' || c == '\t' || c == '\r':
			s.pos++
			continue
		case c == '#':
			s.skipComment()
			continue
		}
		if inKey {
			switch c {
			case '=':
				inKey = false
				valueDepth = top.depth + parts
				if p := s.nest(valueDepth, keyStart); p != nil {
					return p
				}
				if p := s.countKey(keyStart); p != nil {
					return p
				}
				s.pos++
			case '.':
				parts++
				s.pos++
			case '"', '\'':
				s.skipString()
			case '}', ',':
				inKey = false // {} or a syntax error: handled below
			default:
				s.pos++
			}
			if inKey || c == '=' || c == '.' {
				continue
			}
		}
		switch c {
		case ',':
			s.pos++
			if top != nil && top.table {
				inKey, parts, keyStart = true, 1, s.pos
			} else if top != nil {
				top.expect = true
				valueDepth = top.depth + 1
			}
			continue
		case ']', '}':
			s.pos++
			if top != nil {
				s.stack = s.stack[:len(s.stack)-1]
			}
			if n := len(s.stack); n > 0 && !s.stack[n-1].table {
				valueDepth = s.stack[n-1].depth + 1
			}
			continue
		}
		// a value starts here
		if top != nil && !top.table {
			if top.expect {
				top.elements++
				top.expect = false
				s.longest = max(s.longest, top.elements)
				if p := s.countValue(s.pos); p != nil {
					return p
				}
				if top.elements > MaxArrayLength {
					return s.at(s.pos, "daftar berisi lebih dari %s butir; data laporan tidak pernah sepanjang ini", thousands(MaxArrayLength))
				}
			}
		}
		switch c {
		case '[', '{':
			if p := s.nest(valueDepth, s.pos); p != nil {
				return p
			}
			s.stack = append(s.stack, frame{table: c == '{', depth: valueDepth, expect: c == '['})
			s.pos++
			if c == '{' {
				inKey, parts, keyStart = true, 1, s.pos
			} else {
				valueDepth++
			}
		case '"', '\'':
			s.skipString()
		default:
			s.skipScalar()
		}
	}
	return nil
}

// skipScalar skips a number, date, boolean or stray word; its first byte
// is none of the stop bytes, so it always moves on.
func (s *limitScanner) skipScalar() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ',', ']', '}', '[', '{', '\n', '#', '"', '\'', ' ', '\t', '\r':
			return
		default:
			s.pos++
		}
	}
}

// thousands writes n the Indonesian way: 100.000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
