package workbook

// The SIPD budget import (import-sipd): a workbook exported from SIPD
// (Sistem Informasi Pemerintahan Daerah), in the layout e-SAKIP
// applications accept, fills the programme → kegiatan → sub-kegiatan tree
// of a report with the official codes, and the LRA with the budget (and
// realisasi) of every item.
//
// What it reads: every sheet whose header row (found by its texts in the
// first rows) has a code column, a name column and a budget column. The
// code is one column ("Kode", "Kode Rekening") or composed from separate
// columns (kode urusan, bidang, program, kegiatan, sub kegiatan); the
// level of a row comes from the code's shape (1.06.02 program,
// 1.06.02.2.01 kegiatan, 1.06.02.2.01.0001 sub kegiatan). Rows of urusan
// and bidang (1, 1.06), of belanja accounts (5.1.02…) and rows without a
// code (totals) are skipped. Codes must be text cells; amounts may be
// numbers or text.
//
// How it merges (nothing else of the report is touched):
//   - program.toml: an item is matched by its code, else by its name among
//     the items of the same parent that have no code yet. A matched item
//     keeps its id, name and official; it gets the code when it had none.
//     An unmatched item is added, with an id made from its name.
//   - anggaran.toml, [anggaran.lra]: the row whose ref is the item gets the
//     budget and realisasi where it gives none; an amount equal to the
//     printed one keeps its writing; an amount that differs from the
//     printed one is a problem (the report's printed figure is what the
//     site publishes, never overwritten). An item with an amount and no row
//     gets a new row, after the rows of its parent's items. Rows of items
//     not in the workbook stay as they are.
//
// Only the files that change are returned; they are written whole again
// (values kept, comments above the first key kept, other comments lost).

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"

	"github.com/sakip-terbuka/lakip/generator/report"
)

// sipdHeaderScan is how many rows are searched for the header: SIPD
// exports print a title block (government, agency, year) above it.
const sipdHeaderScan = 30

// column roles of a SIPD sheet
type sipdRole int

const (
	roleNone   sipdRole = iota
	roleCode            // the whole code
	roleUrusan          // code parts, in order
	roleBidang
	roleProgram
	roleKegiatan
	roleSub
	roleName // uraian of any level
	roleNameProgram
	roleNameKegiatan
	roleNameSub
	roleBudget
	roleSpent
)

var (
	reNonWord = regexp.MustCompile(`[^a-z0-9]+`)
	// shapes of Permendagri 90/2019 codes (Kepmendagri 050-5889/2021)
	reSIPDUrusan   = regexp.MustCompile(`^[0-9X]$`)
	reSIPDBidang   = regexp.MustCompile(`^[0-9X]\.([0-9]{2}|XX)$`)
	reSIPDProgram  = regexp.MustCompile(`^[0-9X]\.([0-9]{2}|XX)\.[0-9]{2}$`)
	reSIPDKegiatan = regexp.MustCompile(`^[0-9X]\.([0-9]{2}|XX)\.[0-9]{2}\.[0-9]\.[0-9]{2}$`)
	reSIPDSub      = regexp.MustCompile(`^[0-9X]\.([0-9]{2}|XX)\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{2,4}$`)
	// a belanja account (5.1.02.01…), alone or after a sub kegiatan's code
	reSIPDAccount   = regexp.MustCompile(`^[4-6]\.[0-9](\.|$)`)
	reSIPDUnderSub  = regexp.MustCompile(`^[0-9X]\.([0-9]{2}|XX)\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{2,4}\.`)
	reColumnNumber  = regexp.MustCompile(`^\(?[0-9]{1,2}\)?$`)
	reAmountGrouped = regexp.MustCompile(`^[0-9]{1,3}(\.[0-9]{3})*(,[0-9]{1,2}|,-)?$`)
	reAmountPlain   = regexp.MustCompile(`^[0-9]+(,[0-9]{1,2}|,-)?$`)
)

// headerWords normalises a header: lower case, words only ("Sub-Kegiatan"
// and "SubKegiatan" read "sub kegiatan"; "(Rp)" is dropped).
func headerWords(s string) string {
	w := strings.Fields(reNonWord.ReplaceAllString(strings.ToLower(s), " "))
	out := w[:0]
	for _, x := range w {
		switch x {
		case "rp", "rupiah":
			continue
		case "subkegiatan":
			out = append(out, "sub", "kegiatan")
			continue
		}
		out = append(out, x)
	}
	return " " + strings.Join(out, " ") + " "
}

// classify tells a header's role.
func classify(h string) sipdRole {
	w := headerWords(h)
	has := func(words ...string) bool {
		for _, x := range words {
			if strings.Contains(w, " "+x+" ") {
				return true
			}
		}
		return false
	}
	sub, keg, prog := has("sub kegiatan"), strings.Count(w, " kegiatan ") > map[bool]int{true: 1, false: 0}[has("sub kegiatan")], has("program")
	levels := 0
	for _, b := range []bool{sub, keg, prog} {
		if b {
			levels++
		}
	}
	switch {
	case strings.HasPrefix(w, " kode ") || strings.HasPrefix(w, " kd ") || has("kode rekening", "no rekening", "kode rek"):
		switch {
		case levels > 1 || has("rekening", "rek"):
			return roleCode
		case sub:
			return roleSub
		case keg:
			return roleKegiatan
		case prog:
			return roleProgram
		case has("bidang"):
			return roleBidang
		case has("urusan"):
			return roleUrusan
		}
		return roleCode
	case has("realisasi"):
		if has("sisa", "persen", "persentase", "selisih", "capaian", "kode") {
			return roleNone
		}
		return roleSpent
	case has("anggaran", "pagu", "alokasi"):
		if has("sisa", "persen", "persentase", "selisih", "bertambah", "berkurang", "sumber", "kode", "target") {
			return roleNone
		}
		return roleBudget
	case strings.HasPrefix(w, " uraian ") || strings.HasPrefix(w, " nama ") || strings.HasPrefix(w, " nomenklatur ") || levels > 0:
		if has("indikator", "lokasi", "sasaran", "keluaran", "satuan", "target", "pd", "opd", "skpd", "unit") {
			return roleNone
		}
		switch {
		case levels != 1:
			return roleName
		case sub:
			return roleNameSub
		case keg:
			return roleNameKegiatan
		}
		return roleNameProgram
	}
	return roleNone
}

var roleLabel = map[sipdRole]string{
	roleCode: "Kode", roleUrusan: "Kode Urusan", roleBidang: "Kode Bidang Urusan", roleProgram: "Kode Program",
	roleKegiatan: "Kode Kegiatan", roleSub: "Kode Sub Kegiatan", roleName: "Uraian", roleNameProgram: "Nama Program",
	roleNameKegiatan: "Nama Kegiatan", roleNameSub: "Nama Sub Kegiatan", roleBudget: "Anggaran", roleSpent: "Realisasi",
}

// sipdLayout is where the columns of one sheet are.
type sipdLayout struct {
	col   map[sipdRole]int // 0-based sheet column of each role
	start int              // first data row, 0-based
}

func (l sipdLayout) has(r sipdRole) bool { _, ok := l.col[r]; return ok }

func (l sipdLayout) complete() bool {
	code := l.has(roleCode) || l.has(roleProgram) || l.has(roleKegiatan) || l.has(roleSub)
	name := l.has(roleName) || l.has(roleNameProgram) || l.has(roleNameKegiatan) || l.has(roleNameSub)
	return code && name && l.has(roleBudget)
}

// sipdHeader finds the header row of a sheet: the first row naming a code,
// a name and a budget column. A second header row under "Kode" (merged
// over Urusan, Bidang, Program …) and a row of column numbers (1, 2, 3 …)
// are read as part of it.
func (in *importer) sipdHeader(sheet string, rows [][]string) (sipdLayout, bool) {
	for i := 0; i < min(sipdHeaderScan, len(rows)); i++ {
		labels := append([]string(nil), rows[i]...)
		next := 0
		if i+1 < len(rows) {
			// a sub-header under a merged "Kode": the parts of the code
			sub := rows[i+1]
			parent, used := "", false
			for c := 0; c < max(len(labels), len(sub)); c++ {
				top := ""
				if c < len(labels) {
					top = labels[c]
				}
				if !blank(top) {
					parent = top
				}
				if c < len(sub) && !blank(sub[c]) && classify(parent) == roleCode && (blank(top) || classify(top) == roleCode) {
					if r := classify("kode " + sub[c]); r >= roleUrusan && r <= roleSub {
						for len(labels) <= c {
							labels = append(labels, "")
						}
						labels[c], used = "kode "+sub[c], true
					}
				}
			}
			if used {
				next = 1
			}
		}
		l := sipdLayout{col: map[sipdRole]int{}, start: i + 1 + next}
		dup := map[sipdRole][]int{}
		for c, v := range labels {
			if r := classify(v); r != roleNone && !blank(v) {
				dup[r] = append(dup[r], c)
			}
		}
		for r, cs := range dup {
			l.col[r] = cs[0]
		}
		if !l.complete() {
			continue
		}
		ok := true
		for _, r := range []sipdRole{roleBudget, roleSpent} {
			cs := dup[r]
			if len(cs) < 2 {
				continue
			}
			// Anggaran murni and Anggaran perubahan: the later budget;
			// Realisasi bulan ini and Realisasi s.d. bulan ini: the total
			prefer := []string{"perubahan", "setelah", "p", "pergeseran", "final"}
			if r == roleSpent {
				prefer = []string{"s d", "sd", "sampai", "total", "kumulatif", "jumlah"}
			}
			var picked []int
			for _, c := range cs {
				w := headerWords(labels[c])
				if r == roleBudget && (strings.Contains(w, " sebelum ") || strings.Contains(w, " murni ") || strings.Contains(w, " semula ") || strings.Contains(w, " awal ")) {
					continue
				}
				for _, p := range prefer {
					if strings.Contains(w, " "+p+" ") {
						picked = append(picked, c)
						break
					}
				}
			}
			if len(picked) == 1 {
				l.col[r] = picked[0]
				continue
			}
			names := make([]string, len(cs))
			for k, c := range cs {
				names[k] = fmt.Sprintf("%s (%s)", strings.TrimSpace(labels[c]), cellName(sheet, c+1, i+1).Cell)
			}
			in.add(cellName(sheet, cs[1]+1, i+1), fmt.Sprintf("ada %d kolom %s: %s. Hapus kolom yang tidak dipakai, atau ubah judulnya", len(cs), strings.ToLower(roleLabel[r]), strings.Join(names, ", ")))
			ok = false
		}
		// a row of column numbers under the header
		if l.start < len(rows) {
			row, nums, other := rows[l.start], 0, 0
			for _, v := range row {
				switch {
				case blank(v):
				case reColumnNumber.MatchString(strings.TrimSpace(v)):
					nums++
				default:
					other++
				}
			}
			if nums >= 2 && other == 0 {
				l.start++
			}
		}
		return l, ok
	}
	return sipdLayout{}, false
}

// sipdItem is one programme, kegiatan or sub kegiatan row of the workbook.
type sipdItem struct {
	level          int // 0 program, 1 kegiatan, 2 sub kegiatan
	code, name     string
	codeAt, nameAt Location
	budget, spent  report.Rupiah // Present when the cell holds an amount
	budgetAt       Location
	spentAt        Location
	parent         *sipdItem
	children       []*sipdItem
}

var levelNames = []string{"program", "kegiatan", "sub kegiatan"}
var levelKeys = []report.Level{report.LevelProgram, report.LevelKegiatan, report.LevelSub}

// codeLevel is the level of a normalised code: 0–2, or -1 for a row to
// skip (urusan, bidang, belanja account), or -2 for a code of no known
// shape.
func codeLevel(code string) int {
	switch {
	case reSIPDProgram.MatchString(code):
		return 0
	case reSIPDKegiatan.MatchString(code):
		return 1
	case reSIPDSub.MatchString(code):
		return 2
	case reSIPDUrusan.MatchString(code), reSIPDBidang.MatchString(code), reSIPDAccount.MatchString(code), reSIPDUnderSub.MatchString(code):
		return -1
	}
	return -2
}

func parentCode(code string, level int) string {
	parts := strings.Split(code, ".")
	return strings.Join(parts[:map[int]int{1: 3, 2: 5}[level]], ".")
}

// isText reports whether a cell is stored as text (or a formula's text).
func (in *importer) isText(loc Location) bool {
	t, err := in.f.GetCellType(loc.Sheet, loc.Cell)
	return err != nil || t == excelize.CellTypeSharedString || t == excelize.CellTypeInlineString || t == excelize.CellTypeFormula
}

// sipdAmount reads an amount: a number cell, or text in the Indonesian
// writing (1.234.567, Rp 1.234.567,00).
func (in *importer) sipdAmount(raw string, loc Location, what string) (report.Rupiah, bool) {
	s := strings.TrimSpace(raw)
	bad := func(msg string) (report.Rupiah, bool) {
		in.add(loc, fmt.Sprintf("%s %q %s", what, Abbreviate(raw), msg))
		return report.Rupiah{}, false
	}
	var n float64
	if in.isText(loc) {
		t := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "Rp"), "RP"), "rp"))
		t = strings.TrimSpace(strings.TrimPrefix(t, "."))
		if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "(") {
			return bad("negatif: jumlah rupiah anggaran dan realisasi tidak boleh kurang dari 0")
		}
		if !reAmountGrouped.MatchString(t) && !reAmountPlain.MatchString(t) {
			return bad("bukan jumlah rupiah: tulis angka saja atau seperti 1.234.567 / Rp 1.234.567,00 (titik pemisah ribuan, koma desimal)")
		}
		whole, frac, _ := strings.Cut(t, ",")
		if frac != "" && frac != "-" && strings.Trim(frac, "0") != "" {
			return bad("berisi sen: tulis rupiah bulat (laporan memuat rupiah tanpa sen)")
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(whole, ".", ""), 64)
		if err != nil {
			return bad("bukan jumlah rupiah")
		}
		n = v
	} else {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return bad("bukan jumlah rupiah: tulis angka saja, mis. 1234567")
		}
		if v < 0 {
			return bad("negatif: jumlah rupiah anggaran dan realisasi tidak boleh kurang dari 0")
		}
		if math.Abs(v-math.Round(v)) > 1e-6 {
			return bad("berisi sen: tulis rupiah bulat (laporan memuat rupiah tanpa sen)")
		}
		n = math.Round(v)
	}
	if n > float64(report.MaxRupiah) {
		return bad("terlalu besar: paling besar Rp 1.000.000.000.000.000 (Rp 1.000 triliun)")
	}
	return report.ParseRupiah("Rp " + groupThousands(int64(n))), true
}

// Abbreviate cuts a long cell value for a message.
func Abbreviate(s string) string { return report.Abbreviate(s) }

func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sipdCode reads the code of a row from the code column or the part
// columns; ok false after a problem, code "" when the row has none.
func (in *importer) sipdCode(sheet string, l sipdLayout, row []string, r int) (code string, at Location, ok bool) {
	get := func(role sipdRole) (string, Location, bool) {
		c, has := l.col[role]
		if !has || c >= len(row) || blank(row[c]) {
			return "", Location{}, false
		}
		return row[c], cellName(sheet, c+1, r+1), true
	}
	clean := func(s string) string {
		return strings.TrimSuffix(strings.Join(strings.Fields(s), ""), ".")
	}
	numeric := func(v string, loc Location) bool {
		if in.isText(loc) {
			return false
		}
		in.add(loc, fmt.Sprintf("kode %q tersimpan sebagai angka, bukan teks: Excel sudah mengubah kode seperti itu (1.10 menjadi 1,1, 0001 menjadi 1, 1.06.02 tidak bisa menjadi angka). Format sel sebagai Teks lalu ketik kodenya persis seperti di SIPD, atau awali dengan tanda petik (')", strings.TrimSpace(v)))
		return true
	}
	if v, loc, has := get(roleCode); has {
		if numeric(v, loc) {
			return "", loc, false
		}
		return clean(v), loc, true
	}
	gap, bad := "", false
	for _, role := range []sipdRole{roleUrusan, roleBidang, roleProgram, roleKegiatan, roleSub} {
		v, loc, has := get(role)
		if !has {
			if code != "" && gap == "" {
				gap = roleLabel[role]
			}
			continue
		}
		if numeric(v, loc) {
			bad = true
			continue
		}
		if gap != "" {
			in.add(loc, fmt.Sprintf("kolom %s kosong di baris ini, padahal kolom %s terisi: isi kode setiap tingkat di atasnya", gap, roleLabel[role]))
			return "", loc, false
		}
		v = clean(v)
		if code == "" || strings.HasPrefix(v, code+".") {
			code = v // the column holds the code so far ("1.06.02" under Kode Program)
		} else {
			code += "." + v
		}
		at = loc
	}
	return code, at, !bad
}

// readSIPD reads the items of one sheet; it returns false when the sheet
// has no header.
func (in *importer) readSIPD(sheet string, byCode map[string]*sipdItem, items *[]*sipdItem) bool {
	rows := in.rows(sheet)
	l, found := in.sipdHeader(sheet, rows)
	if !found {
		return false
	}
	for r := l.start; r < len(rows); r++ {
		row := rows[r]
		cell := func(role sipdRole) (string, Location) {
			c, has := l.col[role]
			if !has {
				return "", Location{}
			}
			loc := cellName(sheet, c+1, r+1)
			if c >= len(row) {
				return "", loc
			}
			return row[c], loc
		}
		code, codeAt, ok := in.sipdCode(sheet, l, row, r)
		if !ok || code == "" {
			continue
		}
		level := codeLevel(code)
		if level == -1 {
			continue
		}
		if level == -2 {
			in.add(codeAt, fmt.Sprintf("kode %q tidak dikenal: tulis kode SIPD seperti 1.06.02 (program), 1.06.02.2.01 (kegiatan) atau 1.06.02.2.01.0001 (sub kegiatan); baris urusan (1), bidang (1.06) dan rekening belanja (5.1.02…) dilewati", Abbreviate(code)))
			continue
		}
		it := &sipdItem{level: level, code: code, codeAt: codeAt}
		for _, role := range []sipdRole{[]sipdRole{roleNameProgram, roleNameKegiatan, roleNameSub}[level], roleName} {
			v, loc := cell(role)
			if loc.Sheet == "" {
				continue
			}
			if it.nameAt.Sheet == "" {
				it.nameAt = loc
			}
			if !blank(v) {
				it.name, it.nameAt = strings.Join(strings.Fields(v), " "), loc
				break
			}
		}
		if it.name == "" {
			at := it.nameAt
			if at.Sheet == "" {
				at = codeAt
			}
			in.add(at, fmt.Sprintf("uraian %s %s kosong: tulis nama %s seperti di SIPD", levelNames[level], code, levelNames[level]))
		}
		good := it.name != ""
		if v, loc := cell(roleBudget); !blank(v) {
			if a, ok := in.sipdAmount(v, loc, "anggaran"); ok {
				it.budget, it.budgetAt = a, loc
			} else {
				good = false
			}
		}
		if v, loc := cell(roleSpent); !blank(v) {
			if a, ok := in.sipdAmount(v, loc, "realisasi"); ok {
				it.spent, it.spentAt = a, loc
			} else {
				good = false
			}
		}
		if prev, dup := byCode[code]; dup {
			in.add(codeAt, fmt.Sprintf("kode %s muncul dua kali (juga di lembar %q, sel %s): satu baris per kode", code, prev.codeAt.Sheet, prev.codeAt.Cell))
			continue
		}
		byCode[code] = it
		if good {
			*items = append(*items, it)
		}
	}
	return true
}

// SIPDResult is what ImportSIPD did, in sentences for the terminal.
type SIPDResult struct {
	Notes []string
}

// ImportSIPD reads a SIPD budget export and merges its programmes,
// kegiatan, sub kegiatan, codes and amounts into the TOML files of one
// report's year folder (existing, by file name; they must load without
// problems). It returns the files that change, to be checked with the
// loader before they are written; every problem of the workbook at once
// as Problems, with its sheet and cell.
func ImportSIPD(name string, data []byte, existing map[string][]byte) (im *Imported, res *SIPDResult, err error) {
	in := &importer{name: name}
	defer func() {
		if r := recover(); r != nil {
			im, res, err = nil, nil, Problems{{File: name, Message: "buku kerja rusak atau tidak dapat dibaca (" + fmt.Sprint(r) + ")"}}
		}
	}()
	if len(data) > MaxWorkbookSize {
		return nil, nil, Problems{{File: name, Message: fmt.Sprintf("buku kerja terlalu besar (%d MB; paling besar %d MB)", len(data)>>20, MaxWorkbookSize>>20)}}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxUnzipped, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, nil, Problems{{File: name, Message: "bukan buku kerja Excel (.xlsx) yang dapat dibaca: " + err.Error()}}
	}
	defer f.Close()
	in.f = f
	list := f.GetSheetList()
	if len(list) > MaxSheets {
		return nil, nil, Problems{{File: name, Message: fmt.Sprintf("buku kerja berisi %d lembar; paling banyak %d", len(list), MaxSheets)}}
	}
	byCode := map[string]*sipdItem{}
	var items []*sipdItem
	read := 0
	for _, sh := range list {
		if in.readSIPD(sh, byCode, &items) {
			read++
		}
	}
	if read == 0 && len(in.problems) == 0 {
		in.add(Location{}, fmt.Sprintf("tidak ada lembar dengan baris judul kolom SIPD di %d baris pertamanya: perlu kolom Kode (atau Kode Program, Kode Kegiatan, Kode Sub Kegiatan), Uraian dan Anggaran (atau Pagu); Realisasi boleh ada", sipdHeaderScan))
	}
	// the tree: every kegiatan under its programme, every sub kegiatan
	// under its kegiatan
	var programs []*sipdItem
	for _, it := range items {
		if it.level == 0 {
			programs = append(programs, it)
			continue
		}
		pc := parentCode(it.code, it.level)
		p, ok := byCode[pc]
		if !ok {
			in.add(it.codeAt, fmt.Sprintf("%s %s tanpa %s: baris %s berkode %s tidak ada di buku kerja. Tambahkan baris itu (kode dan uraian), atau periksa kodenya", levelNames[it.level], it.code, levelNames[it.level-1], levelNames[it.level-1], pc))
			continue
		}
		it.parent = p
		p.children = append(p.children, it)
	}
	if len(in.problems) == 0 && len(programs) == 0 {
		in.add(Location{}, "buku kerja tidak berisi satu pun program (kode seperti 1.06.02): tidak ada yang diimpor")
	}
	if len(in.problems) > 0 {
		return nil, nil, in.problems
	}
	m, err := newMerge(name, existing)
	if err != nil {
		return nil, nil, err
	}
	for _, p := range programs {
		m.item(p, nil, in)
	}
	if len(in.problems) > 0 {
		return nil, nil, in.problems
	}
	m.budget(programs, in)
	if len(in.problems) > 0 {
		return nil, nil, in.problems
	}
	im, res = m.result()
	return im, res, nil
}

// ---------------------------------------------------------------- merge

// treeItem is a programme, kegiatan or sub kegiatan of the report's TOML.
type treeItem struct {
	n        *node
	level    int
	file     string
	parent   *treeItem
	children []*treeItem
}

func (t *treeItem) str(key string) string { s, _ := t.n.vals[key].(string); return s }

type sipdMerge struct {
	name     string
	files    map[string]*node  // every TOML file of the year, as a tree
	comments map[string]string // the comment lines above each file's first key
	dirty    map[string]bool
	programs []*treeItem // in file order
	progFile string      // where new programmes go
	byCode   [3]map[string]*treeItem
	byID     map[string]*treeItem
	ids      map[string]bool
	matched  map[*sipdItem]*treeItem
	counts   [3][3]int // level × (matched, coded, added)
	notes    []string
}

var reportType = reflect.TypeFor[report.Report]()

func newMerge(name string, existing map[string][]byte) (*sipdMerge, error) {
	m := &sipdMerge{name: name, files: map[string]*node{}, comments: map[string]string{}, dirty: map[string]bool{},
		byID: map[string]*treeItem{}, ids: map[string]bool{}, matched: map[*sipdItem]*treeItem{}}
	for i := range m.byCode {
		m.byCode[i] = map[string]*treeItem{}
	}
	files := make([]string, 0, len(existing))
	for f := range existing {
		files = append(files, f)
	}
	sort.Strings(files) // the loader's merge order
	for _, f := range files {
		var raw map[string]any
		if _, err := toml.Decode(string(existing[f]), &raw); err != nil {
			return nil, fmt.Errorf("%s tidak dapat dibaca (periksa dengan: go run ./generator check): %w", f, err)
		}
		n, err := fromTOML(raw, reportType, f)
		if err != nil {
			return nil, err
		}
		m.files[f] = n
		m.comments[f] = leadingComments(existing[f])
		collectIDs(n, m.ids)
		progs, _ := n.vals["program"].([]*node)
		if len(progs) > 0 && (m.progFile == "" || f == fileOf["program"]) {
			m.progFile = f
		}
		for _, p := range progs {
			t := &treeItem{n: p, level: 0, file: f}
			m.programs = append(m.programs, t)
			m.index(t)
			kegs, _ := p.vals["kegiatan"].([]*node)
			for _, k := range kegs {
				kt := &treeItem{n: k, level: 1, file: f, parent: t}
				t.children = append(t.children, kt)
				m.index(kt)
				subs, _ := k.vals["sub_kegiatan"].([]*node)
				for _, s := range subs {
					st := &treeItem{n: s, level: 2, file: f, parent: kt}
					kt.children = append(kt.children, st)
					m.index(st)
				}
			}
		}
	}
	if m.progFile == "" {
		m.progFile = fileOf["program"]
	}
	return m, nil
}

func (m *sipdMerge) index(t *treeItem) {
	if c := t.str("kode"); c != "" {
		if _, dup := m.byCode[t.level][c]; !dup {
			m.byCode[t.level][c] = t
		}
	}
	if id := t.str("id"); id != "" {
		m.byID[id] = t
	}
}

// leadingComments is the comment block at the top of a file.
func leadingComments(b []byte) string {
	var out strings.Builder
	for _, line := range strings.SplitAfter(string(b), "\n") {
		t := strings.TrimSpace(line)
		if t != "" && !strings.HasPrefix(t, "#") {
			break
		}
		out.WriteString(strings.TrimRight(line, "\r\n") + "\n")
	}
	return strings.TrimRight(out.String(), "\n")
}

func collectIDs(n *node, ids map[string]bool) {
	for k, v := range n.vals {
		switch x := v.(type) {
		case string:
			if k == "id" {
				ids[x] = true
			}
		case *node:
			collectIDs(x, ids)
		case []*node:
			for _, el := range x {
				collectIDs(el, ids)
			}
		}
	}
}

// fromTOML turns a decoded TOML table into a node, checking its keys
// against the model (the loader has already accepted the file).
func fromTOML(raw map[string]any, t reflect.Type, file string) (*node, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	n := newNode(Location{})
	idx := fieldIndex(t)
	for k, v := range raw {
		i, ok := idx[k]
		if !ok {
			return nil, fmt.Errorf("%s: kunci %q tidak dikenal (periksa dengan: go run ./generator check)", file, k)
		}
		ft := t.Field(i).Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch x := v.(type) {
		case string, int64, float64, bool:
			n.vals[k] = x
		case map[string]any:
			c, err := fromTOML(x, ft, file)
			if err != nil {
				return nil, err
			}
			n.vals[k] = c
		case []map[string]any:
			list := make([]*node, 0, len(x))
			for _, el := range x {
				c, err := fromTOML(el, ft.Elem(), file)
				if err != nil {
					return nil, err
				}
				list = append(list, c)
			}
			n.vals[k] = list
		case []any:
			if ft.Kind() == reflect.Slice && isTable(ft.Elem()) {
				list := make([]*node, 0, len(x))
				for _, el := range x {
					mm, ok := el.(map[string]any)
					if !ok {
						return nil, fmt.Errorf("%s: %s: daftar tidak sah", file, k)
					}
					c, err := fromTOML(mm, ft.Elem(), file)
					if err != nil {
						return nil, err
					}
					list = append(list, c)
				}
				n.vals[k] = list
				continue
			}
			list := make([]string, 0, len(x))
			for _, el := range x {
				s, ok := el.(string)
				if !ok {
					return nil, fmt.Errorf("%s: %s: daftar berisi bukan teks", file, k)
				}
				list = append(list, s)
			}
			n.vals[k] = list
		default:
			return nil, fmt.Errorf("%s: %s: nilai %T tidak didukung", file, k, v)
		}
	}
	return n, nil
}

var reIDRun = regexp.MustCompile(`[^a-z0-9]+`)

// newID makes an id from a name: lower case words joined by hyphens, at
// most 48 characters, unique in the report.
func (m *sipdMerge) newID(name, code string) string {
	base := strings.Trim(reIDRun.ReplaceAllString(strings.ToLower(name), "-"), "-")
	if len(base) > 48 {
		base = base[:48]
		if i := strings.LastIndex(base, "-"); i > 20 {
			base = base[:i]
		}
		base = strings.Trim(base, "-")
	}
	if base == "" {
		base = "butir-" + strings.Trim(reIDRun.ReplaceAllString(strings.ToLower(code), "-"), "-")
	}
	id := base
	for i := 2; m.ids[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	m.ids[id] = true
	return id
}

func sameName(a, b string) bool {
	f := func(s string) string {
		return strings.Join(strings.Fields(reNonWord.ReplaceAllString(strings.ToLower(s), " ")), " ")
	}
	return f(a) == f(b)
}

// item merges one workbook item (and, below it, its children) into the
// tree under parent (nil: a programme).
func (m *sipdMerge) item(s *sipdItem, parent *treeItem, in *importer) {
	siblings := m.programs
	if parent != nil {
		siblings = parent.children
	}
	t := m.byCode[s.level][s.code]
	if t != nil && t.parent != parent {
		in.add(s.codeAt, fmt.Sprintf("%s %s sudah ada di %s di bawah %s %q, bukan di bawah %s %s seperti di buku kerja: samakan induknya", levelNames[s.level], s.code, t.file, levelNames[s.level-1], t.parent.str("nama"), levelNames[s.level-1], s.parent.code))
		return
	}
	if t == nil {
		for _, c := range siblings {
			if !sameName(c.str("nama"), s.name) {
				continue
			}
			if k := c.str("kode"); k != "" && k != s.code {
				in.add(s.codeAt, fmt.Sprintf("%s %q sudah berkode %s di %s, bukan %s: samakan kodenya di buku kerja atau di %s", levelNames[s.level], c.str("nama"), k, c.file, s.code, c.file))
				return
			}
			t = c
			break
		}
	}
	if t != nil {
		m.counts[s.level][0]++
		if t.str("kode") == "" {
			t.n.vals["kode"], t.n.locs["kode"] = s.code, s.codeAt
			m.byCode[s.level][s.code] = t
			m.dirty[t.file] = true
			m.counts[s.level][1]++
		}
	} else {
		n := newNode(s.codeAt)
		id := m.newID(s.name, s.code)
		n.vals["id"], n.locs["id"] = id, s.codeAt
		n.vals["kode"], n.locs["kode"] = s.code, s.codeAt
		n.vals["nama"], n.locs["nama"] = s.name, s.nameAt
		t = &treeItem{n: n, level: s.level, parent: parent}
		if parent == nil {
			t.file = m.progFile
			root := m.files[t.file]
			if root == nil {
				root = newNode(Location{})
				m.files[t.file] = root
			}
			list, _ := root.vals["program"].([]*node)
			root.vals["program"] = append(list, n)
			m.programs = append(m.programs, t)
		} else {
			t.file = parent.file
			key := map[int]string{1: "kegiatan", 2: "sub_kegiatan"}[s.level]
			list, _ := parent.n.vals[key].([]*node)
			parent.n.vals[key] = append(list, n)
			parent.children = append(parent.children, t)
		}
		m.byCode[s.level][s.code] = t
		m.byID[id] = t
		m.dirty[t.file] = true
		m.counts[s.level][2]++
	}
	m.matched[s] = t
	for _, c := range s.children {
		m.item(c, t, in)
	}
}

// budget writes the amounts of every item into the LRA.
func (m *sipdMerge) budget(programs []*sipdItem, in *importer) {
	any := false
	var walk func(s *sipdItem)
	walk = func(s *sipdItem) {
		any = any || s.budget.Present || s.spent.Present
		for _, c := range s.children {
			walk(c)
		}
	}
	for _, p := range programs {
		walk(p)
	}
	if !any {
		m.notes = append(m.notes, "Buku kerja tidak berisi anggaran atau realisasi: LRA tidak diubah.")
		return
	}
	// the file and table of the LRA
	file := ""
	var lra *node
	for f, root := range m.files {
		if a, ok := root.vals["anggaran"].(*node); ok {
			if l, ok := a.vals["lra"].(*node); ok {
				file, lra = f, l
			}
		}
	}
	if lra == nil {
		file = fileOf["anggaran"]
		if _, ok := m.files[file]; !ok {
			for _, f := range sortedKeys(m.files) {
				if _, ok := m.files[f].vals["anggaran"].(*node); ok {
					file = f
					break
				}
			}
		}
		root := m.files[file]
		if root == nil {
			root = newNode(Location{})
			m.files[file] = root
		}
		a, ok := root.vals["anggaran"].(*node)
		if !ok {
			a = newNode(Location{})
			root.vals["anggaran"] = a
		}
		lra = newNode(programs[0].codeAt)
		lra.vals["sumber"] = "Ekspor SIPD (" + baseName(m.name) + ")"
		a.vals["lra"] = lra
		m.notes = append(m.notes, fmt.Sprintf("Tabel LRA (bagian 3.5) dibuat di %s dari buku kerja SIPD.", file))
	}
	rows, _ := lra.vals["baris"].([]*node)
	updated, added := 0, 0
	within := func(row *node, anc *treeItem) bool {
		ref, _ := row.vals["ref"].(string)
		t := m.byID[ref]
		if t == nil {
			return false
		}
		if anc == nil {
			return true
		}
		for ; t != nil; t = t.parent {
			if t == anc {
				return true
			}
		}
		return false
	}
	var walkRows func(s *sipdItem)
	walkRows = func(s *sipdItem) {
		defer func() {
			for _, c := range s.children {
				walkRows(c)
			}
		}()
		t := m.matched[s]
		if t == nil || (!s.budget.Present && !s.spent.Present) {
			return
		}
		id := t.str("id")
		for _, row := range rows {
			if ref, _ := row.vals["ref"].(string); ref != id {
				continue
			}
			changed := false
			set := func(key string, a report.Rupiah, at Location) {
				if !a.Present {
					return
				}
				old, _ := row.vals[key].(string)
				o := report.ParseRupiah(old)
				if o.Present && o.Err() == nil && o.Amount == a.Amount {
					return
				}
				if strings.TrimSpace(old) != "" {
					// The report's printed figure is what the site
					// publishes: SIPD never overwrites it.
					in.add(at, fmt.Sprintf("%s %s %q: laporan mencetak %s di %s, SIPD memberi %s. Angka tercetak laporan tidak ditimpa; bila laporan memang mencetak angka SIPD, perbaiki %s, bila tidak, samakan sel ini dengan laporan",
						key, levelNames[t.level], t.str("nama"), Abbreviate(old), file, a.Published, file))
					return
				}
				row.vals[key], row.locs[key] = a.Published, at
				changed = true
			}
			set("anggaran", s.budget, s.budgetAt)
			set("realisasi", s.spent, s.spentAt)
			if changed {
				updated++
			}
			return
		}
		row := newNode(s.codeAt)
		row.vals["tingkat"], row.locs["tingkat"] = string(levelKeys[s.level]), s.codeAt
		row.vals["uraian"], row.locs["uraian"] = t.str("nama"), s.nameAt
		row.vals["ref"], row.locs["ref"] = id, s.codeAt
		if s.budget.Present {
			row.vals["anggaran"], row.locs["anggaran"] = s.budget.Published, s.budgetAt
		}
		if s.spent.Present {
			row.vals["realisasi"], row.locs["realisasi"] = s.spent.Published, s.spentAt
		}
		at := len(rows)
		for anc := t.parent; ; anc = anc.parent {
			last := -1
			for i, r := range rows {
				if within(r, anc) {
					last = i
				}
			}
			if last >= 0 {
				at = last + 1
				break
			}
			if anc == nil {
				break
			}
		}
		rows = append(rows[:at], append([]*node{row}, rows[at:]...)...)
		added++
	}
	for _, p := range programs {
		walkRows(p)
	}
	lra.vals["baris"] = rows
	if updated+added > 0 {
		m.dirty[file] = true
	}
	note := fmt.Sprintf("LRA (%s): %d baris diperbarui, %d baris baru", file, updated, added)
	m.notes = append(m.notes, note+".")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

func (m *sipdMerge) result() (*Imported, *SIPDResult) {
	im := &Imported{Files: map[string][]byte{}, name: m.name, origins: map[string]Location{}}
	for _, f := range sortedKeys(m.files) {
		if !m.dirty[f] {
			continue
		}
		e := &emitter{file: f, origins: im.origins}
		if c := m.comments[f]; c != "" {
			e.b.WriteString(c + "\n")
		}
		fmt.Fprintf(&e.b, "# Kode dan anggaran dari SIPD diisi oleh import-sipd (%s).\n", baseName(m.name))
		e.table(m.files[f], reportType, "", "")
		im.Files[f] = []byte(e.b.String())
	}
	res := &SIPDResult{}
	for l, c := range m.counts {
		if c == [3]int{} {
			continue
		}
		res.Notes = append(res.Notes, fmt.Sprintf("%s: %d cocok dengan yang sudah ada (%d diberi kode), %d baru.", strings.ToUpper(levelNames[l][:1])+levelNames[l][1:], c[0], c[1], c[2]))
	}
	res.Notes = append(res.Notes, m.notes...)
	return im, res
}
