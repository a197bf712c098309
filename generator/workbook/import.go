package workbook

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/sakip-terbuka/lakip/generator/report"
)

// Bounds on what Import reads: a workbook comes from anyone's spreadsheet.
const (
	MaxWorkbookSize = 20 << 20  // bytes of the .xlsx file
	MaxUnzipped     = 128 << 20 // bytes of all its parts, unpacked
	MaxSheets       = 64
	MaxRows         = 20000 // rows per sheet
	MaxColumns      = 64    // columns per sheet
	maxProblems     = 500
	headerScan      = 10 // rows searched for the header
)

// Location is a cell of the workbook.
type Location struct{ Sheet, Cell string }

// Problem is one thing wrong with a workbook, at its sheet and cell when
// it has one.
type Problem struct {
	File    string // the workbook as named on the command line
	Sheet   string
	Cell    string
	Message string
}

func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		fmt.Fprintf(&b, ": sheet %q", p.Sheet)
		if p.Cell != "" {
			fmt.Fprintf(&b, ", cell %s", p.Cell)
		}
	}
	b.WriteString(": ")
	b.WriteString(p.Message)
	return b.String()
}

// Problems is every problem of one import.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets callers see each problem.
func (ps Problems) Unwrap() []error {
	errs := make([]error, len(ps))
	for i := range ps {
		errs[i] = ps[i]
	}
	return errs
}

// Imported is a workbook read back: the TOML files of the report's year
// folder and the agency file, not yet written anywhere.
type Imported struct {
	// Folder is "<agency>/<year>" as the workbook states it ("" if not).
	Folder string
	// Agency is instansi.toml; nil when the workbook names no agency.
	Agency []byte
	// Files are the year folder's TOML files, by file name.
	Files map[string][]byte

	name    string
	origins map[string]Location // file + "\x00" + key path → cell
}

// AgencyFile is the name Locate knows the agency file by.
const AgencyFile = "instansi.toml"

// Locate finds the cell a value of a written file came from: the key path
// itself, else the nearest enclosing key (a key left out is placed at the
// start of its row).
func (im *Imported) Locate(file, keyPath string) (Location, bool) {
	for p := keyPath; ; {
		if loc, ok := im.origins[file+"\x00"+p]; ok && loc.Sheet != "" {
			return loc, true
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return Location{}, false
}

// Read tells whether the workbook gave a value for exactly this key path
// of file (not only for a table above it).
func (im *Imported) Read(file, keyPath string) bool {
	loc, ok := im.origins[file+"\x00"+keyPath]
	return ok && loc.Sheet != ""
}

// Problem makes a problem of the workbook at loc.
func (im *Imported) Problem(loc Location, msg string) Problem {
	return Problem{File: im.name, Sheet: loc.Sheet, Cell: loc.Cell, Message: msg}
}

// Import reads a workbook written by Export, and edited since, into the
// report's TOML files. name is how problems name the workbook. It reads
// at most MaxRows rows of MaxColumns columns per sheet and never panics;
// every problem is returned at once as Problems. With Problems, im is
// still the workbook as far as it could be read (nil when it could not be
// read at all): never write it, but load it to find the loader's problems
// too.
func Import(name string, data []byte) (im *Imported, err error) {
	in := &importer{name: name, report: newNode(Location{}), agency: newNode(Location{})}
	defer func() {
		if r := recover(); r != nil {
			im, err = nil, Problems{{File: name, Message: "buku kerja rusak atau tidak dapat dibaca (" + fmt.Sprint(r) + ")"}}
		}
	}()
	if len(data) > MaxWorkbookSize {
		return nil, Problems{{File: name, Message: fmt.Sprintf("buku kerja terlalu besar (%d MB; paling besar %d MB)", len(data)>>20, MaxWorkbookSize>>20)}}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxUnzipped, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, Problems{{File: name, Message: "bukan buku kerja Excel (.xlsx) yang dapat dibaca: " + err.Error()}}
	}
	defer f.Close()
	in.f = f
	list := f.GetSheetList()
	if len(list) > MaxSheets {
		return nil, Problems{{File: name, Message: fmt.Sprintf("buku kerja berisi %d lembar; paling banyak %d", len(list), MaxSheets)}}
	}
	specs := sheets()
	byName := map[string]int{}
	for i, s := range specs {
		byName[norm(s.name)] = i
	}
	found := map[int]string{}
	hasReport := ""
	for _, sh := range list {
		switch n := norm(sh); {
		case n == norm(sheetHelp):
		case n == norm(sheetReport):
			hasReport = sh
		default:
			i, ok := byName[n]
			if !ok {
				names := []string{sheetReport}
				for _, s := range specs {
					names = append(names, s.name)
				}
				in.add(Location{Sheet: sh}, fmt.Sprintf("lembar tidak dikenal: datanya tidak akan terbaca. Beri nama salah satu dari: %s (atau hapus lembar ini)", strings.Join(names, ", ")))
				continue
			}
			found[i] = sh
		}
	}
	if hasReport == "" {
		in.add(Location{}, "lembar \"Laporan\" (judul, tahun, instansi) tidak ada: salin dari buku kerja hasil export-xlsx")
	} else {
		in.readReport(hasReport)
	}
	for i, s := range specs {
		if sh, ok := found[i]; ok {
			in.readTable(s, sh)
		}
	}
	// Problems of single cells leave the rest of the workbook readable: the
	// files are still written out, so that the caller can load them and
	// report the loader's problems together with these, all at once.
	cellProblems := in.problems
	im = &Imported{Folder: in.folder, Files: map[string][]byte{}, name: name, origins: map[string]Location{}}
	rt := reflect.TypeFor[report.Report]()
	for top, file := range fileOf {
		if _, ok := in.report.vals[top]; !ok {
			continue
		}
		e := &emitter{file: file, origins: im.origins}
		e.header(file)
		e.table(&node{vals: map[string]any{top: in.report.vals[top]}}, rt, "", "")
		im.Files[file] = []byte(e.b.String())
	}
	if len(in.agency.vals) > 0 {
		e := &emitter{file: AgencyFile, origins: im.origins}
		e.header(AgencyFile)
		e.table(in.agency, reflect.TypeFor[report.Agency](), "", "")
		im.Agency = []byte(e.b.String())
	}
	if len(cellProblems) > 0 {
		return im, cellProblems
	}
	return im, nil
}

type importer struct {
	name     string
	f        *excelize.File
	report   *node
	agency   *node
	folder   string
	problems Problems
}

func (in *importer) add(loc Location, msg string) {
	if len(in.problems) == maxProblems {
		in.problems = append(in.problems, Problem{File: in.name, Message: "terlalu banyak galat; yang lain tidak ditampilkan"})
	}
	if len(in.problems) > maxProblems {
		return
	}
	in.problems = append(in.problems, Problem{File: in.name, Sheet: loc.Sheet, Cell: loc.Cell, Message: msg})
}

func cellName(sheet string, col, row int) Location {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return Location{sheet, n}
}

// norm compares headers and sheet names: case, spaces and line breaks
// do not matter.
func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// rows reads a sheet's cells, as stored (no number format applied), bounded
// by MaxRows and MaxColumns.
func (in *importer) rows(sheet string) [][]string {
	it, err := in.f.Rows(sheet)
	if err != nil {
		in.add(Location{Sheet: sheet}, "lembar tidak dapat dibaca: "+err.Error())
		return nil
	}
	defer it.Close()
	var out [][]string
	n := 0
	for it.Next() {
		n++
		cols, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			in.add(cellName(sheet, 1, n), "baris tidak dapat dibaca: "+err.Error())
			break
		}
		if n > MaxRows {
			for c, v := range cols {
				if !blank(v) {
					in.add(cellName(sheet, c+1, n), fmt.Sprintf("lembar berisi data sesudah baris %d: paling banyak %d baris per lembar", MaxRows, MaxRows))
					return out
				}
			}
			continue
		}
		if len(cols) > MaxColumns {
			for c := MaxColumns; c < len(cols); c++ {
				if !blank(cols[c]) {
					in.add(cellName(sheet, c+1, n), fmt.Sprintf("sel di luar %d kolom pertama tidak dibaca: pindahkan isinya", MaxColumns))
					break
				}
			}
			cols = cols[:MaxColumns]
		}
		out = append(out, cols)
	}
	if err := it.Error(); err != nil {
		in.add(Location{Sheet: sheet}, "lembar tidak dapat dibaca: "+err.Error())
	}
	return out
}

// header finds the row of keys (or, without it, of header texts) in the
// first rows of a sheet and maps each sheet column to a column index. It
// returns the first data row (0-based) and ok false when there is none.
func (in *importer) header(sheet string, rows [][]string, keys []string, cols []column) (map[int]int, int, bool) {
	byKey, byLabel := map[string]int{}, map[string]int{}
	for i, k := range keys {
		byKey[k] = i
		byLabel[norm(cols[i].label)] = i
	}
	count := func(row []string, m map[string]int, normed bool) (hit, miss int) {
		for _, v := range row {
			if blank(v) {
				continue
			}
			k := strings.TrimSpace(v)
			if normed {
				k = norm(v)
			}
			if _, ok := m[k]; ok {
				hit++
			} else {
				miss++
			}
		}
		return
	}
	at, byKeys := -1, false
	for i := 0; i < min(headerScan, len(rows)); i++ {
		if hit, miss := count(rows[i], byKey, false); hit > 0 && hit > miss {
			at, byKeys = i, true
			break
		}
	}
	if at < 0 {
		for i := 0; i < min(headerScan, len(rows)); i++ {
			if hit, miss := count(rows[i], byLabel, true); hit > 0 && hit > miss {
				at = i
				break
			}
		}
	}
	if at < 0 {
		if len(rows) > 0 {
			in.add(Location{Sheet: sheet}, fmt.Sprintf("baris judul kolom tidak ditemukan di %d baris pertama: salin baris judul (dan baris kunci tersembunyi di atasnya) dari buku kerja hasil export-xlsx", headerScan))
		}
		return nil, 0, false
	}
	m := map[int]int{}
	seen := map[int]int{}
	ok := true
	for c, v := range rows[at] {
		if blank(v) {
			continue
		}
		idx, known := byKey[strings.TrimSpace(v)]
		if !byKeys || !known {
			idx, known = byLabel[norm(v)]
		}
		loc := cellName(sheet, c+1, at+1)
		if !known {
			in.add(loc, fmt.Sprintf("kolom %q tidak dikenal: datanya tidak akan terbaca. Pakai judul kolom dari lembar Petunjuk, atau hapus kolom ini", strings.TrimSpace(v)))
			ok = false
			continue
		}
		if prev, dup := seen[idx]; dup {
			in.add(loc, fmt.Sprintf("kolom %q muncul dua kali (juga di kolom %s)", cols[idx].label, colName(prev)))
			ok = false
			continue
		}
		seen[idx] = c
		m[c] = idx
	}
	start := at + 1
	if byKeys && start < len(rows) {
		if hit, miss := count(rows[start], byLabel, true); hit > 0 && hit >= miss {
			start++ // the header texts under the key row
		}
	}
	return m, start, ok
}

func colName(c int) string { n, _ := excelize.ColumnNumberToName(c + 1); return n }

// value reads one cell as its column's kind; ok is false after a problem.
func (in *importer) value(c column, raw string, loc Location) (any, bool) {
	if c.kind.strict() {
		t, err := in.f.GetCellType(loc.Sheet, loc.Cell)
		if err == nil && t != excelize.CellTypeSharedString && t != excelize.CellTypeInlineString && t != excelize.CellTypeFormula {
			in.add(loc, fmt.Sprintf("%q tersimpan sebagai angka, bukan teks: Excel bisa sudah mengubah tulisannya (97,85 menjadi 97.85, 1.06 menjadi 1,06). Format sel sebagai Teks lalu ketik persis seperti tercetak, atau awali dengan tanda petik (')", raw))
			return nil, false
		}
	}
	s := strings.TrimSpace(raw)
	switch c.kind {
	case kInt:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			f, ferr := strconv.ParseFloat(s, 64)
			if ferr != nil || f != math.Trunc(f) || math.Abs(f) > 1e9 {
				in.add(loc, fmt.Sprintf("%q bukan bilangan bulat (mis. 2021)", raw))
				return nil, false
			}
			n = int64(f)
		}
		if n > 1e9 || n < -1e9 {
			in.add(loc, fmt.Sprintf("%q terlalu besar", raw))
			return nil, false
		}
		return n, true
	case kFloat:
		t := s
		if !strings.Contains(t, ".") {
			t = strings.Replace(t, ",", ".", 1)
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > report.MaxFigure {
			in.add(loc, fmt.Sprintf("%q bukan angka (mis. 100 atau 0,5)", raw))
			return nil, false
		}
		return f, true
	case kBool:
		switch strings.ToLower(s) {
		case "ya", "y", "benar", "true", "1":
			return true, true
		case "tidak", "t", "salah", "false", "0":
			return false, true
		}
		in.add(loc, fmt.Sprintf("tulis \"ya\" atau \"tidak\", bukan %q", raw))
		return nil, false
	case kList:
		var items []string
		for _, line := range strings.Split(raw, "\n") {
			items = append(items, strings.TrimSuffix(line, "\r"))
		}
		return items, true
	}
	return raw, true
}

// readReport reads the key/value sheet "Laporan".
func (in *importer) readReport(sheet string) {
	rows := in.rows(sheet)
	m, start, ok := in.header(sheet, rows, []string{"kunci", "isian", "nilai"}, kvColumns)
	if !ok {
		return
	}
	colOf := map[int]int{}
	for c, i := range m {
		colOf[i] = c
	}
	if _, ok := colOf[2]; !ok {
		in.add(Location{Sheet: sheet}, "kolom Nilai tidak ada")
		return
	}
	fields := reportFields()
	byKey, byLabel := map[string]int{}, map[string]int{}
	for i, fd := range fields {
		byKey[fd.key] = i
		byLabel[norm(fd.label)] = i
	}
	get := func(row []string, i int) string {
		if c, ok := colOf[i]; ok && c < len(row) {
			return row[c]
		}
		return ""
	}
	seen := map[int]int{}
	for r := start; r < len(rows); r++ {
		key, label, val := get(rows[r], 0), get(rows[r], 1), get(rows[r], 2)
		if blank(key) && blank(label) && blank(val) {
			continue
		}
		i, known := byKey[strings.TrimSpace(key)]
		if !known && blank(key) {
			i, known = byLabel[norm(label)]
		}
		keyLoc := cellName(sheet, colOf[0]+1, r+1)
		if !known {
			shown := key
			if blank(key) {
				shown, keyLoc = label, cellName(sheet, colOf[1]+1, r+1)
			}
			in.add(keyLoc, fmt.Sprintf("isian %q tidak dikenal: pakai kunci dari lembar Petunjuk", strings.TrimSpace(shown)))
			continue
		}
		if prev, dup := seen[i]; dup {
			in.add(keyLoc, fmt.Sprintf("isian %q muncul dua kali (juga di baris %d)", fields[i].key, prev))
			continue
		}
		seen[i] = r + 1
		if blank(val) {
			continue
		}
		fd := fields[i]
		loc := cellName(sheet, colOf[2]+1, r+1)
		v, ok := in.value(column{key: fd.key, kind: fd.kind}, val, loc)
		if !ok {
			continue
		}
		switch {
		case fd.key == folderKey:
			in.folder = strings.TrimSpace(val)
		case strings.HasPrefix(fd.key, "instansi."):
			in.agency.set(strings.TrimPrefix(fd.key, "instansi."), v, loc)
		default:
			in.report.set(fd.key, v, loc)
		}
	}
}

// readTable reads one table sheet into the list at s.path.
func (in *importer) readTable(s sheet, sh string) {
	rows := in.rows(sh)
	var cols []column
	var keys []string
	var levelOf []int
	for l, lv := range s.levels {
		for _, c := range lv.cols {
			cols, keys, levelOf = append(cols, c), append(keys, s.colKey(l, c)), append(levelOf, l)
		}
	}
	m, start, ok := in.header(sh, rows, keys, cols)
	if !ok {
		return
	}
	sheetCol := make([]int, len(cols))
	for i := range sheetCol {
		sheetCol[i] = -1
	}
	for c, i := range m {
		sheetCol[i] = c
	}
	parentPath, listKey := strings.Join(s.path[:len(s.path)-1], "."), s.path[len(s.path)-1]
	stack := make([]*node, len(s.levels))
	for r := start; r < len(rows); r++ {
		row := rows[r]
		cell := func(i int) string {
			if c := sheetCol[i]; c >= 0 && c < len(row) {
				return row[c]
			}
			return ""
		}
		loc := func(i int) Location { return cellName(sh, sheetCol[i]+1, r+1) }
		filled := make([]int, len(s.levels)) // first filled column of each level, or -1
		first := -1
		for l := range filled {
			filled[l] = -1
		}
		for i := range cols {
			if !blank(cell(i)) && filled[levelOf[i]] < 0 {
				filled[levelOf[i]] = i
			}
		}
		for l := range filled {
			if filled[l] >= 0 {
				first = l
				break
			}
		}
		if first < 0 {
			continue
		}
		if first > 0 && stack[first-1] == nil {
			in.add(loc(filled[first]), fmt.Sprintf("baris ini melanjutkan %s di atasnya, tetapi belum ada %s di atasnya: isi kolom %s di baris ini", s.levels[first-1].name, s.levels[first-1].name, s.levels[first-1].cols[0].label))
			continue
		}
		for l := first; l < len(s.levels); l++ {
			if l > first && filled[l] < 0 {
				for m := l + 1; m < len(s.levels); m++ {
					if filled[m] >= 0 {
						in.add(loc(filled[m]), fmt.Sprintf("kolom %s kosong di baris ini, padahal kolom %s terisi: %s harus di bawah %s", s.levels[l].name, s.levels[m].name, s.levels[m].name, s.levels[l].name))
					}
				}
				break
			}
			at := loc(filled[l])
			var parent *node
			key := s.levels[l].key
			if l == 0 {
				parent, key = in.report.path(parentPath, at), listKey
			} else {
				parent = stack[l-1]
			}
			lv := s.levels[l]
			var base int
			for i := range cols {
				if levelOf[i] == l {
					base = i
					break
				}
			}
			switch {
			case lv.scalar:
				parent.appendText(key, cell(base), at)
				stack[l] = nil
			case lv.split:
				part, text := strings.TrimSpace(cell(base)), cell(base+1)
				if !contains(lv.cols[0].enum, part) {
					in.add(loc(base), fmt.Sprintf("%s %q tidak dikenal: pilih %s", lv.cols[0].label, part, strings.Join(lv.cols[0].enum, ", ")))
					continue
				}
				loc := at
				if sheetCol[base+1] >= 0 {
					loc = cellName(sh, sheetCol[base+1]+1, r+1)
				}
				parent.appendText(part, text, loc)
			default:
				el := parent.appendElem(key, at)
				for i, c := range cols {
					if levelOf[i] != l || blank(cell(i)) {
						continue
					}
					if v, ok := in.value(c, cell(i), loc(i)); ok {
						el.set(c.key, v, loc(i))
					}
				}
				stack[l] = el
			}
			for m := l + 1; m < len(stack); m++ {
				stack[m] = nil
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------- the tree

// node is a TOML table being built from cells: values are string, int64,
// float64, bool, []string, *node or []*node.
type node struct {
	vals     map[string]any
	locs     map[string]Location
	itemLocs map[string][]Location
	at       Location
}

func newNode(at Location) *node {
	return &node{vals: map[string]any{}, locs: map[string]Location{}, itemLocs: map[string][]Location{}, at: at}
}

// path returns the table at a dotted path, creating it.
func (n *node) path(dotted string, at Location) *node {
	if dotted == "" {
		return n
	}
	cur := n
	for _, k := range strings.Split(dotted, ".") {
		next, ok := cur.vals[k].(*node)
		if !ok {
			next = newNode(at)
			cur.vals[k] = next
		}
		cur = next
	}
	return cur
}

func (n *node) set(dotted string, v any, at Location) {
	parent, key := n, dotted
	if i := strings.LastIndex(dotted, "."); i >= 0 {
		parent, key = n.path(dotted[:i], at), dotted[i+1:]
	}
	parent.vals[key] = v
	parent.locs[key] = at
}

func (n *node) appendElem(key string, at Location) *node {
	el := newNode(at)
	list, _ := n.vals[key].([]*node)
	n.vals[key] = append(list, el)
	return el
}

func (n *node) appendText(key, s string, at Location) {
	list, _ := n.vals[key].([]string)
	n.vals[key] = append(list, s)
	n.itemLocs[key] = append(n.itemLocs[key], at)
}

// ---------------------------------------------------------------- TOML

// emitter writes a tree as TOML, keys in the order of the model's fields,
// and records the cell every key path came from.
type emitter struct {
	b       strings.Builder
	file    string
	origins map[string]Location
}

func (e *emitter) header(file string) {
	fmt.Fprintf(&e.b, "# %s: ditulis oleh import-xlsx dari buku kerja laporan (lihat export-xlsx).\n", file)
	e.b.WriteString("# Angka dan rupiah tetap teks persis seperti tercetak. Boleh diubah di sini atau lewat buku kerja.\n")
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (e *emitter) origin(path string, loc Location) {
	if loc.Sheet != "" {
		e.origins[e.file+"\x00"+path] = loc
	}
}

// table writes the keys of n, of struct type t: values first, then tables
// and lists of tables, each in field order.
func (e *emitter) table(n *node, t reflect.Type, header, path string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if path != "" {
		e.origin(path, n.at)
	}
	idx := fieldIndex(t)
	keys := make([]string, 0, len(n.vals))
	for k := range n.vals {
		if _, ok := idx[k]; ok {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return idx[keys[i]] < idx[keys[j]] })
	for _, k := range keys {
		switch v := n.vals[k].(type) {
		case *node, []*node:
			continue
		case []string:
			e.b.WriteString(k + " = [")
			for i, s := range v {
				if i > 0 {
					e.b.WriteString(", ")
				}
				e.b.WriteString(quote(s))
				if i < len(n.itemLocs[k]) {
					e.origin(fmt.Sprintf("%s[%d]", join(path, k), i), n.itemLocs[k][i])
				}
			}
			e.b.WriteString("]\n")
		default:
			fmt.Fprintf(&e.b, "%s = %s\n", k, scalar(v))
		}
		e.origin(join(path, k), n.locs[k])
		if locs := n.itemLocs[k]; len(locs) > 0 {
			e.origin(join(path, k), locs[0])
		}
	}
	for _, k := range keys {
		ft := t.Field(idx[k]).Type
		switch v := n.vals[k].(type) {
		case *node:
			fmt.Fprintf(&e.b, "\n[%s]\n", join(header, k))
			e.table(v, ft, join(header, k), join(path, k))
		case []*node:
			for i, el := range v {
				fmt.Fprintf(&e.b, "\n[[%s]]\n", join(header, k))
				e.table(el, ft.Elem(), join(header, k), fmt.Sprintf("%s[%d]", join(path, k), i))
			}
			if len(v) > 0 {
				e.origin(join(path, k), v[0].at)
			}
		}
	}
}

func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return quote(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	case bool:
		return strconv.FormatBool(x)
	}
	return `""`
}

// quote writes a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
