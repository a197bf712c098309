// Package tomldata loads the TOML files of data/ into report.Report values.
// It is strict: unknown keys, wrong types and syntax errors are problems,
// and every problem of every file is reported in one run.
package tomldata

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong with the data, placed as precisely as the
// input allows: file:line:col, and the key path for a problem at a key (a
// key left out is placed at the header of its table); only the file or
// folder for a problem with a whole file or folder.
type Problem struct {
	File    string // slash-separated path, relative to the data root's parent ("data/…")
	Line    int    // 1-based; 0 when unknown
	Col     int    // 1-based; 0 when unknown
	KeyPath string // e.g. program[2].kegiatan[1].nama
	Message string
	Excerpt string // the offending line with a caret under the column (under the key)
}

func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
	}
	b.WriteString(": ")
	if p.KeyPath != "" {
		fmt.Fprintf(&b, "%s: ", p.KeyPath)
	}
	b.WriteString(p.Message)
	if p.Excerpt != "" {
		b.WriteString("\n")
		b.WriteString(p.Excerpt)
	}
	return b.String()
}

// Problems is every problem found in one load, sorted by file, line and key path.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As and callers that split joined errors see each problem.
func (ps Problems) Unwrap() []error {
	errs := make([]error, len(ps))
	for i := range ps {
		errs[i] = ps[i]
	}
	return errs
}

func (ps Problems) sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.KeyPath, b.KeyPath),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
