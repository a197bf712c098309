package workbook

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/sakip-terbuka/lakip/generator/report"
)

// Layout of every sheet: a title, the hidden key row, the header row, data.
const (
	titleRow  = 1
	keyRow    = 2
	headerRow = 3
	firstData = 4
	// validatedRows is how far below the header dropdowns and the text
	// format reach, so that rows typed below the data get them too.
	validatedRows = 5000
)

// fixedTime is the creation and modification time written in the
// workbook's properties: the same report gives the same bytes.
const fixedTime = "2000-01-01T00:00:00Z"

// maxCellChars is Excel's limit on the text of one cell.
const maxCellChars = 32767

type styles struct{ title, key, header, text, help int }

// Export writes the report as a workbook: "Petunjuk", "Laporan" (the
// single values) and one sheet per table. The same report always gives the
// same bytes.
func Export(r *report.Report) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", sheetHelp); err != nil {
		return nil, err
	}
	w := &writer{f: f, st: st}
	w.reportSheet(r)
	rv := reflect.ValueOf(r).Elem()
	for _, s := range sheets() {
		w.tableSheet(s, rv)
	}
	w.helpSheet()
	if w.err != nil {
		return nil, w.err
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: r.Meta.Title, Creator: "Kinerja Terbuka", LastModifiedBy: "Kinerja Terbuka", Language: "id-ID",
		Description: "Laporan kinerja sebagai buku kerja: ubah lalu impor kembali dengan go run ./generator import-xlsx",
		Created:     fixedTime, Modified: fixedTime,
	}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	set := func(dst *int, s *excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(s)
		}
	}
	textFmt := "@"
	set(&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}})
	set(&st.key, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "808080", Size: 8}, CustomNumFmt: &textFmt})
	set(&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}})
	set(&st.text, &excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top"}})
	set(&st.help, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return st, err
}

type writer struct {
	f   *excelize.File
	st  styles
	err error
	// help collects, per sheet, what Petunjuk says about it
	help []helpEntry
}

type helpEntry struct {
	sheet, what string
	cols        [][4]string // header, key, kind, description
}

func (w *writer) fail(err error) {
	if w.err == nil && err != nil {
		w.err = err
	}
}

func (w *writer) cell(sheet string, col, row int, value string, style int) {
	if w.err != nil {
		return
	}
	if utf8.RuneCountInString(value) > maxCellChars {
		w.fail(fmt.Errorf("lembar %q baris %d: teks lebih dari %d huruf tidak muat dalam satu sel Excel: bagi menjadi beberapa paragraf", sheet, row, maxCellChars))
		return
	}
	name, err := excelize.CoordinatesToCellName(col, row)
	w.fail(err)
	if value != "" {
		w.fail(w.f.SetCellStr(sheet, name, value))
	}
	if style != 0 {
		w.fail(w.f.SetCellStyle(sheet, name, name, style))
	}
}

// grid writes a sheet's title, key row, headers and rows, with text format
// and dropdowns on every column.
func (w *writer) grid(sheet, title string, cols []column, keys []string, rows [][]string, colStyle int) {
	if w.err != nil {
		return
	}
	if sheet != sheetHelp {
		if _, err := w.f.NewSheet(sheet); err != nil {
			w.fail(err)
			return
		}
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	w.fail(w.f.SetColStyle(sheet, "A:"+last, colStyle))
	w.cell(sheet, 1, titleRow, title, w.st.title)
	for i, c := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		width := c.width
		if width == 0 {
			width = 16
		}
		w.fail(w.f.SetColWidth(sheet, name, name, width))
		w.cell(sheet, i+1, keyRow, keys[i], w.st.key)
		w.cell(sheet, i+1, headerRow, c.label, w.st.header)
		if c.kind == kEnum || c.kind == kBool {
			values := c.enum
			if c.kind == kBool {
				values = []string{"ya", "tidak"}
			}
			dv := excelize.NewDataValidation(true)
			dv.Sqref = fmt.Sprintf("%s%d:%s%d", name, firstData, name, validatedRows)
			w.fail(dv.SetDropList(values))
			if c.warn {
				dv.SetError(excelize.DataValidationErrorStyleWarning, "Nilai di luar daftar", "Nilai ini tidak ada di daftar pilihan.")
			} else {
				dv.SetError(excelize.DataValidationErrorStyleStop, "Pilih dari daftar", "Pilih salah satu: "+strings.Join(values, ", "))
			}
			w.fail(w.f.AddDataValidation(sheet, dv))
		}
	}
	for r, row := range rows {
		for c, v := range row {
			w.cell(sheet, c+1, firstData+r, v, 0)
		}
	}
	w.fail(w.f.SetRowVisible(sheet, keyRow, false))
	w.fail(w.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", firstData), ActivePane: "bottomLeft"}))
}

// kvColumns are the columns of "Laporan".
var kvColumns = []column{
	{key: "kunci", label: "Kunci", help: "kunci TOML; jangan diubah", width: 36},
	{key: "isian", label: "Isian", help: "nama isian", width: 34},
	{key: "nilai", label: "Nilai", help: "nilainya; kosong bila laporan tidak memuatnya", width: 70},
}

// reportSheet writes the single values of the report and the agency.
func (w *writer) reportSheet(r *report.Report) {
	rv := reflect.ValueOf(r).Elem()
	var rows [][]string
	entry := helpEntry{sheet: sheetReport, what: "isian tunggal laporan dan instansi: satu isian per baris, nilai di kolom Nilai"}
	for _, fd := range reportFields() {
		var value string
		switch {
		case fd.key == folderKey:
			if r.Agency != nil {
				value = fmt.Sprintf("%s/%d", r.Agency.Slug, r.Year)
			}
		case strings.HasPrefix(fd.key, "instansi."):
			if r.Agency != nil {
				if v, ok := lookup(reflect.ValueOf(r.Agency).Elem(), strings.TrimPrefix(fd.key, "instansi.")); ok {
					value = cellText(v)
				}
			}
		default:
			if v, ok := lookup(rv, fd.key); ok {
				value = cellText(v)
			}
		}
		rows = append(rows, []string{fd.key, fd.label, value})
		entry.cols = append(entry.cols, [4]string{fd.label, fd.key, fd.kind.describe() + enumList(fd.enum), fd.help})
	}
	w.grid(sheetReport, "Laporan kinerja: isian tunggal (judul, pengaturan, instansi, judul tabel)", kvColumns, []string{"kunci", "isian", "nilai"}, rows, w.st.text)
	for i, fd := range reportFields() {
		if fd.kind != kEnum {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("C%d", firstData+i)
		w.fail(dv.SetDropList(fd.enum))
		w.fail(w.f.AddDataValidation(sheetReport, dv))
	}
	w.help = append(w.help, entry)
}

func enumList(values []string) string {
	if len(values) == 0 {
		return ""
	}
	return ": " + strings.Join(values, ", ")
}

// tableSheet writes one table sheet from the list at s.path.
func (w *writer) tableSheet(s sheet, rv reflect.Value) {
	var cols []column
	var keys []string
	entry := helpEntry{sheet: s.name, what: s.title}
	if s.help != "" {
		entry.what += ": " + s.help
	}
	offset := make([]int, len(s.levels))
	for l, lv := range s.levels {
		offset[l] = len(cols)
		for _, c := range lv.cols {
			k := s.colKey(l, c)
			cols = append(cols, c)
			keys = append(keys, k)
			entry.cols = append(entry.cols, [4]string{c.label, k, c.kind.describe() + enumList(c.enum), c.help})
		}
	}
	list, ok := lookup(rv, strings.Join(s.path, "."))
	var rows [][]string
	if ok {
		exportLevel(s, 0, list, nil, len(cols), offset, &rows)
	}
	w.grid(s.name, s.title, cols, keys, rows, w.st.text)
	w.help = append(w.help, entry)
}

// exportLevel writes the elements of list at level l; the first goes on
// the parent's row unless the level asks for its own.
func exportLevel(s sheet, l int, list reflect.Value, parentRow []string, width int, offset []int, rows *[][]string) {
	lv := s.levels[l]
	if lv.split {
		first := true
		for _, part := range lv.cols[0].enum {
			items, _ := lookup(list, part)
			for i := 0; i < items.Len(); i++ {
				row := parentRow
				if !first || parentRow == nil || lv.ownRow {
					row = make([]string, width)
					*rows = append(*rows, row)
				}
				first = false
				row[offset[l]], row[offset[l]+1] = part, items.Index(i).String()
			}
		}
		return
	}
	for i := 0; i < list.Len(); i++ {
		el := list.Index(i)
		row := parentRow
		if i > 0 || parentRow == nil || lv.ownRow {
			row = make([]string, width)
			*rows = append(*rows, row)
		}
		if lv.scalar {
			row[offset[l]] = el.String()
			continue
		}
		for c, col := range lv.cols {
			if v, ok := lookup(el, col.key); ok {
				row[offset[l]+c] = cellText(v)
			}
		}
		if m, ok := el.Interface().(report.MeasureRow); ok && m.Continued() {
			// the loader copied the item of the row above into a blank
			// first cell: keep the cell blank, as printed
			for c, col := range lv.cols {
				if col.key == "ref" || col.key == "tingkat" {
					row[offset[l]+c] = ""
				}
			}
		}
		if l+1 < len(s.levels) {
			next := s.levels[l+1]
			var children reflect.Value
			if next.split {
				children = el
			} else if v, ok := lookup(el, next.key); ok {
				children = v
			} else {
				continue
			}
			exportLevel(s, l+1, children, row, width, offset, rows)
		}
	}
}

// helpSheet writes "Petunjuk": how to use the workbook, then every sheet
// and column.
func (w *writer) helpSheet() {
	cols := []column{{key: "lembar", label: "Lembar", width: 18}, {key: "kolom", label: "Kolom", width: 30}, {key: "kunci", label: "Kunci", width: 28}, {key: "isian", label: "Isian", width: 30}, {key: "keterangan", label: "Keterangan", width: 70}}
	rows := [][]string{
		{"", "Cara memakai", "", "", "Buku kerja ini memuat seluruh laporan: lembar Laporan berisi isian tunggal, lembar lain satu tabel masing-masing. Ubah, tambah atau hapus baris sesuka Anda, lalu impor kembali dengan: go run ./generator import-xlsx <berkas>.xlsx. Impor memeriksa semuanya dan menyebut setiap galat dengan lembar dan selnya; tidak ada berkas yang ditulis selama masih ada galat."},
		{"", "Angka tercetak", "", "", "Angka, rupiah dan kode ditulis sebagai TEKS persis seperti tercetak di laporan (97,85%, Rp. 1.234.567,-, 1.06.02). Sel-selnya berformat Teks; bila Excel mengubahnya menjadi angka, impor menolaknya: format sel sebagai Teks atau awali dengan tanda petik (')."},
		{"", "Baris judul", "", "", "Baris 2 (tersembunyi) berisi kunci setiap kolom; baris 3 judul kolom. Kolom boleh dipindah urutannya. Bila baris kunci terhapus, kolom dikenali dari judulnya."},
		{"", "Baris lanjutan", "", "", "Di lembar bertingkat (tabel → baris, butir → indikator), baris yang mengosongkan kolom tingkat atas melanjutkan butir di atasnya, seperti sel gabungan di laporan tercetak."},
		{"", "Pilihan", "", "", "Kolom bertanda pilihan dari daftar punya daftar tarik-turun (tingkat, polaritas, kategori …)."},
	}
	for _, e := range w.help {
		rows = append(rows, []string{e.sheet, "", "", "", e.what})
		for _, c := range e.cols {
			rows = append(rows, []string{e.sheet, c[0], c[1], c[2], c[3]})
		}
	}
	keys := make([]string, len(cols))
	for i, c := range cols {
		keys[i] = c.key
	}
	w.grid(sheetHelp, "Petunjuk: buku kerja laporan kinerja", cols, keys, rows, w.st.help)
}
