package report

import (
	"fmt"
	"regexp"
	"strings"
)

// FieldError is a problem with one key of a report, by its path in the
// merged report (the loader turns it into a file and a path in that file).
type FieldError struct {
	Path    string
	Message string
}

// Item is anything a table row can point at with `ref`: a programme,
// kegiatan or sub-kegiatan, a Renstra tujuan or sasaran, or an indicator.
type Item struct {
	ID       string
	Level    Level
	Name     string
	Parent   *Item
	Children []*Item
	Program  *Program
	Kegiatan *Kegiatan
	Sub      *SubKegiatan
	// Indicator is set for plan indicators (Level is "" then).
	Indicator *Indicator
}

// Path returns the ids from the programme down to this item.
func (it *Item) Path() []string {
	if it == nil {
		return nil
	}
	return append(it.Parent.Path(), it.ID)
}

var reID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// MaxIDLength bounds ids: they become parts of URLs, anchors and file names.
const MaxIDLength = 64

// validID reports whether s can be an id: lower case, digits, hyphens, not too long.
func validID(s string) bool { return len(s) <= MaxIDLength && reID.MatchString(s) }

// Prepare checks what a report must satisfy beyond its TOML shape, fills
// defaults and what blank cells inherit, and indexes the items. It is called
// once by the loader; its errors are data errors.
func (r *Report) Prepare() []FieldError {
	var errs []FieldError
	add := func(path, format string, args ...any) {
		errs = append(errs, FieldError{path, fmt.Sprintf(format, args...)})
	}
	r.items = map[string]*Item{}

	// the document
	if strings.TrimSpace(r.Meta.Title) == "" {
		add("laporan.judul", "judul laporan wajib diisi")
	}
	if r.Meta.Year != r.Year {
		add("laporan.tahun", "tahun %d tidak sama dengan nama folder %d", r.Meta.Year, r.Year)
	}
	s := &r.Meta.Settings
	switch s.LowerIsBetterFormula {
	case "":
		s.LowerIsBetterFormula = FormulaTwoMinus
	case FormulaTwoMinus, FormulaInverse:
	default:
		add("laporan.pengaturan.rumus_turun", "rumus %q tidak dikenal: pakai %q atau %q", s.LowerIsBetterFormula, FormulaTwoMinus, FormulaInverse)
	}
	if s.BandSet == "" && s.OwnBands != nil {
		s.BandSet = OwnBandSetID
	}
	if s.BandSet == "" {
		s.BandSet = "laporan"
	}
	switch _, named := BandSets[s.BandSet]; {
	case s.BandSet == OwnBandSetID && s.OwnBands == nil:
		add("laporan.pengaturan.kategori", "kategori %q berarti kategori laporan sendiri: isi [laporan.pengaturan.kategori_sendiri] dengan [[laporan.pengaturan.kategori_sendiri.pita]]", OwnBandSetID)
	case s.BandSet == OwnBandSetID:
		checkOwnBands(s.OwnBands, add)
	case !named:
		add("laporan.pengaturan.kategori", "himpunan kategori %q tidak dikenal: pakai %s, atau %q dengan [laporan.pengaturan.kategori_sendiri]", s.BandSet, strings.Join(BandSetNames(), ", "), OwnBandSetID)
	case s.OwnBands != nil:
		add("laporan.pengaturan.kategori_sendiri", "kategori sendiri diisi, tetapi laporan.pengaturan.kategori = %q: tulis kategori = %q atau hapus tabel ini", s.BandSet, OwnBandSetID)
	}
	if s.CapPercent < 0 {
		add("laporan.pengaturan.batas_capaian", "batas capaian tidak boleh negatif (0 berarti tanpa batas)")
	}
	if s.TolerancePoints < 0 {
		add("laporan.pengaturan.toleransi", "toleransi tidak boleh negatif")
	}

	// the items every table points at
	define := func(path string, it *Item) {
		switch {
		case it.ID == "":
			add(path+".id", "id wajib diisi (huruf kecil dan tanda hubung, mis. pelayanan-kesehatan-dasar)")
		case !validID(it.ID):
			add(path+".id", "id %q hanya boleh berisi huruf kecil, angka dan tanda hubung, paling panjang %d huruf", it.ID, MaxIDLength)
		case r.items[it.ID] != nil:
			add(path+".id", "id %q dipakai dua kali", it.ID)
		default:
			r.items[it.ID] = it
		}
		if strings.TrimSpace(it.Name) == "" && it.Indicator == nil {
			add(path+".nama", "nama wajib diisi")
		}
	}
	for i := range r.Programs {
		p := &r.Programs[i]
		pi := &Item{ID: p.ID, Level: LevelProgram, Name: p.Name, Program: p}
		define(fmt.Sprintf("program[%d]", i), pi)
		for j := range p.Kegiatan {
			k := &p.Kegiatan[j]
			ki := &Item{ID: k.ID, Level: LevelKegiatan, Name: k.Name, Parent: pi, Program: p, Kegiatan: k}
			pi.Children = append(pi.Children, ki)
			define(fmt.Sprintf("program[%d].kegiatan[%d]", i, j), ki)
			for l := range k.Subs {
				sk := &k.Subs[l]
				si := &Item{ID: sk.ID, Level: LevelSub, Name: sk.Name, Parent: ki, Program: p, Kegiatan: k, Sub: sk}
				ki.Children = append(ki.Children, si)
				define(fmt.Sprintf("program[%d].kegiatan[%d].sub_kegiatan[%d]", i, j, l), si)
			}
		}
	}
	defineIndicators := func(path string, parent *Item, inds []Indicator) {
		for j := range inds {
			ind := &inds[j]
			define(fmt.Sprintf("%s.indikator[%d]", path, j), &Item{ID: ind.ID, Name: ind.Text, Parent: parent, Indicator: ind})
			if strings.TrimSpace(ind.Text) == "" {
				add(fmt.Sprintf("%s.indikator[%d].uraian", path, j), "uraian indikator wajib diisi")
			}
		}
	}
	for i := range r.Plans.Goals {
		g := &r.Plans.Goals[i]
		it := &Item{ID: g.ID, Level: LevelGoal, Name: g.Text}
		define(fmt.Sprintf("rencana.tujuan[%d]", i), it)
		defineIndicators(fmt.Sprintf("rencana.tujuan[%d]", i), it, g.Indicators)
	}
	for i := range r.Plans.Targets {
		g := &r.Plans.Targets[i]
		it := &Item{ID: g.ID, Level: LevelTarget, Name: g.Text}
		define(fmt.Sprintf("rencana.sasaran[%d]", i), it)
		defineIndicators(fmt.Sprintf("rencana.sasaran[%d]", i), it, g.Indicators)
	}

	// every reference in every table
	checkRef := func(path string, ref string, level *Level) {
		if ref == "" {
			return
		}
		it := r.items[ref]
		if it == nil {
			add(path+".ref", "ref %q tidak ada di program.toml maupun rencana.toml%s", ref, r.suggestID(ref))
			return
		}
		if it.Indicator != nil {
			return
		}
		if *level == LevelUnknown {
			*level = it.Level
		} else if *level != it.Level {
			add(path+".tingkat", "tingkat %q tidak cocok dengan ref %q, yang merupakan %s", *level, ref, it.Level)
		}
	}
	for i := range r.Plans.RenstraItems {
		row := &r.Plans.RenstraItems[i]
		checkRef(fmt.Sprintf("rencana.renstra_program[%d]", i), row.Ref, &row.Level)
	}
	planRows := func(path string, rows []PlanRow) {
		for i := range rows {
			checkRef(fmt.Sprintf("%s[%d]", path, i), rows[i].Ref, &rows[i].Level)
		}
	}
	planRows("rkt.baris", r.RKT.Rows)
	planRows("perjanjian.kepala.baris", r.Agreements.Head.Rows)
	planRows("perjanjian.eselon_iii.baris", r.Agreements.EselonIII.Rows)
	planRows("perjanjian.eselon_iv.baris", r.Agreements.EselonIV.Rows)
	budgetRows := func(path string, t *BudgetTable) {
		for i := range t.Rows {
			checkRef(fmt.Sprintf("%s.baris[%d]", path, i), t.Rows[i].Ref, &t.Rows[i].Level)
		}
	}
	budgetRows("perjanjian.anggaran", &r.Agreements.Budget)
	budgetRows("anggaran.lra", &r.Budget.LRA)
	seen := map[string]string{}
	for ti := range r.Results.Tables {
		t := &r.Results.Tables[ti]
		path := fmt.Sprintf("capaian.tabel[%d]", ti)
		if t.ID == "" {
			add(path+".id", "id tabel wajib diisi")
		} else if !validID(t.ID) {
			add(path+".id", "id tabel %q hanya boleh berisi huruf kecil, angka dan tanda hubung, paling panjang %d huruf", t.ID, MaxIDLength)
		} else if slicesContains(ReservedIDs, t.ID) {
			add(path+".id", "id tabel %q sudah dipakai untuk bagian tetap laporan: pilih id lain", t.ID)
		} else if prev, dup := seen[t.ID]; dup {
			add(path+".id", "id tabel %q sudah dipakai oleh %s", t.ID, prev)
		} else {
			seen[t.ID] = path
		}
		var prev *MeasureRow
		for i := range t.Rows {
			row := &t.Rows[i]
			rp := fmt.Sprintf("%s.baris[%d]", path, i)
			if strings.TrimSpace(row.Text) == "" && row.Ref == "" && prev != nil {
				// a blank first cell continues the item above
				row.Ref, row.Level, row.continued = prev.Ref, prev.Level, true
			} else {
				checkRef(rp, row.Ref, &row.Level)
			}
			if row.Polarity == "" {
				row.Polarity = r.indicatorPolarity(row.Ref)
			}
			prev = row
		}
	}
	if len(r.Results.Tables) == 0 {
		add("capaian.tabel", "laporan perlu sedikitnya satu tabel capaian ([[capaian.tabel]] dengan [[capaian.tabel.baris]]), biasanya di capaian.toml")
	}
	for i := range r.Results.Series {
		t := &r.Results.Series[i]
		path := fmt.Sprintf("capaian.seri[%d]", i)
		var lvl Level
		checkRef(path, t.Ref, &lvl)
		switch {
		case t.ID == "":
			add(path+".id", "id seri wajib diisi")
		case !validID(t.ID):
			add(path+".id", "id seri %q hanya boleh berisi huruf kecil, angka dan tanda hubung, paling panjang %d huruf", t.ID, MaxIDLength)
		case slicesContains(ReservedIDs, t.ID):
			add(path+".id", "id seri %q sudah dipakai untuk bagian tetap laporan: pilih id lain", t.ID)
		default:
			if prev, dup := seen[t.ID]; dup {
				add(path+".id", "id %q sudah dipakai oleh %s", t.ID, prev)
			}
			seen[t.ID] = path
		}
		if t.Decimals != nil && (*t.Decimals < 0 || *t.Decimals > 6) {
			add(path+".desimal", "desimal harus 0 sampai 6")
		}
	}
	r.prepareDeclarations(add)
	r.checkAmounts(add)
	for i := range r.Budget.Performance {
		var lvl Level
		checkRef(fmt.Sprintf("anggaran.kinerja_anggaran[%d]", i), r.Budget.Performance[i].Ref, &lvl)
	}
	for i := range r.Budget.Efficiency.Rows {
		var lvl Level
		checkRef(fmt.Sprintf("anggaran.efisiensi.baris[%d]", i), r.Budget.Efficiency.Rows[i].Ref, &lvl)
	}
	ids := map[string]bool{}
	for i, s := range r.Narrative {
		if s.ID == "" {
			add(fmt.Sprintf("narasi[%d].id", i), "id bagian narasi wajib diisi")
		} else if ids[s.ID] {
			add(fmt.Sprintf("narasi[%d].id", i), "id bagian narasi %q dipakai dua kali", s.ID)
		}
		ids[s.ID] = true
		if s.Page != "" && !slicesContains(NarrativePages, s.Page) {
			add(fmt.Sprintf("narasi[%d].halaman", i), "halaman %q tidak dikenal: pakai %s", s.Page, strings.Join(NarrativePages, ", "))
		}
	}
	return errs
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkOwnBands checks a category set written in the data: names, bounds
// from best to worst, and a last band that takes everything below.
func checkOwnBands(o *OwnBandSet, add func(path, format string, args ...any)) {
	const p = "laporan.pengaturan.kategori_sendiri"
	if len(o.Bands) < 2 {
		add(p+".pita", "kategori sendiri perlu sedikitnya dua pita ([[%s.pita]] dengan nama dan dari)", p)
		return
	}
	names := map[string]bool{}
	for i, b := range o.Bands {
		bp := fmt.Sprintf("%s.pita[%d]", p, i)
		if strings.TrimSpace(b.Name) == "" {
			add(bp+".nama", "nama kategori wajib diisi")
		} else if names[strings.ToLower(b.Name)] {
			add(bp+".nama", "nama kategori %q dipakai dua kali", b.Name)
		}
		names[strings.ToLower(b.Name)] = true
		last := i == len(o.Bands)-1
		switch {
		case last && b.Min != nil:
			add(bp+".dari", "pita terakhir tidak memakai dari: ia menampung semua capaian di bawah pita sebelumnya")
		case !last && b.Min == nil:
			add(bp+".dari", "batas bawah (dari, dalam persen) wajib diisi kecuali pada pita terakhir")
		case i > 0 && b.Min != nil && o.Bands[i-1].Min != nil:
			prev := o.Bands[i-1]
			if *b.Min > *prev.Min || (*b.Min == *prev.Min && (!prev.Exclusive || b.Exclusive)) {
				add(bp+".dari", "pita diurutkan dari yang terbaik: batas %v harus di bawah batas pita sebelumnya (%v)", *b.Min, *prev.Min)
			}
		}
	}
}

// prepareDeclarations checks what the report declares about itself: its
// headline, its main table and its stated number of indicators.
func (r *Report) prepareDeclarations(add func(path, format string, args ...any)) {
	m := r.Meta
	if m.MainTable != "" && r.ResultsTable(m.MainTable) == nil {
		add("laporan.tabel_utama", "tabel capaian %q tidak ada; id yang ada: %s", m.MainTable, strings.Join(r.resultsTableIDs(), ", "))
	}
	if m.StatedCount < 0 {
		add("laporan.jumlah_indikator", "jumlah indikator tidak boleh negatif")
	}
	h := m.Headline
	if h == (Headline{}) {
		return
	}
	t := r.ResultsTable(h.Table)
	switch {
	case h.Table == "":
		add("laporan.utama.tabel", "sebutkan id tabel capaian yang memuat sasaran utama")
	case t == nil:
		add("laporan.utama.tabel", "tabel capaian %q tidak ada; id yang ada: %s", h.Table, strings.Join(r.resultsTableIDs(), ", "))
	case h.Row < 0 || h.Row > len(t.Rows):
		add("laporan.utama.baris", "tabel %q punya %d baris; baris %d tidak ada", h.Table, len(t.Rows), h.Row)
	case h.Ref != "":
		found := false
		for _, row := range t.Rows {
			found = found || row.Ref == h.Ref
		}
		if !found {
			add("laporan.utama.ref", "tidak ada baris dengan ref %q di tabel %q", h.Ref, h.Table)
		}
	}
	if h.Row > 0 && h.Ref != "" {
		add("laporan.utama", "isi baris atau ref, tidak keduanya")
	}
	if h.Series != "" && r.HeadlineSeries() == nil {
		var ids []string
		for _, s := range r.Results.Series {
			ids = append(ids, s.ID)
		}
		add("laporan.utama.seri", "seri %q tidak ada di [[capaian.seri]]; id yang ada: %s", h.Series, strings.Join(ids, ", "))
	}
}

func (r *Report) resultsTableIDs() []string {
	var ids []string
	for _, t := range r.Results.Tables {
		ids = append(ids, t.ID)
	}
	return ids
}

// indicatorPolarity is the polarity a row inherits when it sets none: that of
// the plan indicators under the item it points at, if all agree.
func (r *Report) indicatorPolarity(ref string) Polarity {
	it := r.items[ref]
	if it == nil {
		return HigherIsBetter
	}
	if it.Indicator != nil && it.Indicator.Polarity != "" {
		return it.Indicator.Polarity
	}
	return HigherIsBetter
}

func (r *Report) suggestID(ref string) string {
	best, bestDist := "", 4
	if len(ref) > MaxIDLength+bestDist {
		return "" // too long to be a typo of an id (and costly to compare)
	}
	for id := range r.items {
		if d := EditDistance(ref, id); d < bestDist || (d == bestDist && id < best) {
			best, bestDist = id, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; maksud Anda %q?", best)
}

// EditDistance is the Levenshtein distance between two strings, used to
// suggest the key or id a typo meant.
func EditDistance(a, b string) int {
	a2, b2 := []rune(a), []rune(b)
	return editDistance(a2, b2)
}

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev = cur
	}
	return prev[len(b)]
}

// ItemByID returns the programme, kegiatan, sub-kegiatan or plan item with
// that id, or nil.
func (r *Report) ItemByID(id string) *Item { return r.items[id] }

// ProgramItems returns the programme items in order, with their children.
func (r *Report) ProgramItems() []*Item {
	var out []*Item
	for i := range r.Programs {
		if it := r.items[r.Programs[i].ID]; it != nil && it.Program == &r.Programs[i] {
			out = append(out, it)
		}
	}
	return out
}
