package tomldata

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/sakip-terbuka/lakip/generator/report"
)

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// withFile lays files over the minimal valid dataset of base.txtar.
func withFile(t *testing.T, files map[string]string) fstest.MapFS {
	t.Helper()
	ar := &txtar.Archive{}
	for name, data := range files {
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
	}
	return caseFS(t, ar)
}

// loadWithin loads fsys and fails the test when that takes longer than
// limit (the load goes on in the background: the test ends).
func loadWithin(t *testing.T, fsys fstest.MapFS, limit time.Duration) ([]*report.Report, Problems) {
	t.Helper()
	type result struct {
		reports []*report.Report
		err     error
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		reports, err := Load(fsys, "data")
		done <- result{reports, err}
	}()
	select {
	case res := <-done:
		t.Logf("loaded in %v", time.Since(start).Round(time.Millisecond))
		var problems Problems
		if res.err != nil && !errors.As(res.err, &problems) {
			t.Fatalf("not a list of problems: %v", res.err)
		}
		return res.reports, problems
	case <-time.After(limit):
		t.Fatalf("loading took more than %v", limit)
		return nil, nil
	}
}

// wantOne checks that problems are exactly one, in file, whose text holds want.
func wantOne(t *testing.T, problems Problems, file, want string) Problem {
	t.Helper()
	if len(problems) != 1 {
		t.Fatalf("want one problem in %s containing %q, got %d:\n%s", file, want, len(problems), short(problems.Error()))
	}
	p := problems[0]
	if p.File != file || !strings.Contains(p.Error(), want) {
		t.Fatalf("want a problem in %s containing %q, got:\n%s", file, want, short(p.Error()))
	}
	return p
}

// The issue's inputs: 2 million nested arrays (4 MB) overflowed the
// parser's stack and killed the process; they are refused at the 33rd
// bracket, before parsing, in well under a second.
func TestDeeplyNestedArrays(t *testing.T) {
	const n = 2_000_000
	data := "x = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
	_, problems := loadWithin(t, withFile(t, map[string]string{"contoh/2021/tambahan.toml": data}), 20*time.Second)
	p := wantOne(t, problems, "data/contoh/2021/tambahan.toml", "bersarang terlalu dalam")
	if p.Line != 1 || p.Col != len("x = ")+MaxNesting+1 {
		t.Errorf("position %d:%d, want 1:%d", p.Line, p.Col, len("x = ")+MaxNesting+1)
	}
	if len(p.Excerpt) > 400 || !strings.Contains(p.Excerpt, "^") {
		t.Errorf("excerpt of %d bytes:\n%s", len(p.Excerpt), p.Excerpt)
	}
}

// 10.000 nested inline tables (40 KB) took gigabytes in the parser.
func TestDeeplyNestedInlineTables(t *testing.T) {
	const n = 10_000
	data := "[profil]\nkepala = " + strings.Repeat("{ nama = ", n) + `"x"` + strings.Repeat(" }", n) + "\n"
	_, problems := loadWithin(t, withFile(t, map[string]string{"contoh/2021/profil.toml": data}), 20*time.Second)
	p := wantOne(t, problems, "data/contoh/2021/profil.toml", "bersarang terlalu dalam")
	if p.Line != 2 {
		t.Errorf("line %d, want 2", p.Line)
	}
}

// A dotted key or a table header of 100.000 parts (200 KB) kept the parser
// busy for minutes (its work grows with the square of the parts).
func TestDeepDottedKeysAndHeaders(t *testing.T) {
	parts := strings.Repeat("a.", 100_000) + "a"
	for name, data := range map[string]string{
		"key":          parts + " = 1\n",
		"header":       "[" + parts + "]\n",
		"inline key":   "x = { " + parts + " = 1 }\n",
		"array header": "[[" + parts + "]]\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, problems := loadWithin(t, withFile(t, map[string]string{"contoh/2021/tambahan.toml": data}), 20*time.Second)
			wantOne(t, problems, "data/contoh/2021/tambahan.toml", "bersarang terlalu dalam")
		})
	}
}

// nested builds a document of levels nested arrays: the key x is the
// first level, its array; each array inside adds one.
func nested(levels int) string {
	return "x = " + strings.Repeat("[", levels) + strings.Repeat("]", levels) + "\n"
}

func TestNestingLimitIsExact(t *testing.T) {
	for _, c := range []struct {
		doc  string
		deep bool
	}{
		{nested(MaxNesting), false},
		{nested(MaxNesting + 1), true},
		{"[" + strings.Repeat("a.", MaxNesting-1) + "a]\n", false},
		{"[" + strings.Repeat("a.", MaxNesting) + "a]\n", true},
		{"[[" + strings.Repeat("a.", MaxNesting-2) + "a]]\n", false},
		{"[[" + strings.Repeat("a.", MaxNesting-1) + "a]]\n", true},
		{"[a.b]\n" + strings.Repeat("c.", MaxNesting-3) + "c = 1\n", false},
		{"[a.b]\n" + strings.Repeat("c.", MaxNesting-2) + "c = 1\n", true},
		{"x = " + strings.Repeat("{ y = ", MaxNesting-1) + "1" + strings.Repeat(" }", MaxNesting-1) + "\n", false},
		{"x = " + strings.Repeat("{ y = ", MaxNesting) + "1" + strings.Repeat(" }", MaxNesting) + "\n", true},
		{"x = [1, [2, { y = " + strings.Repeat("[", MaxNesting-3) + strings.Repeat("]", MaxNesting-3) + " }]]\n", false},
		{"x = [1, [2, { y = " + strings.Repeat("[", MaxNesting-2) + strings.Repeat("]", MaxNesting-2) + " }]]\n", true},
	} {
		lp := checkLimits([]byte(c.doc))
		if got := lp != nil && strings.Contains(lp.message, "bersarang"); got != c.deep {
			t.Errorf("%.60q…: refused %v, want %v (%v)", c.doc, got, c.deep, lp)
		}
	}
}

// Brackets inside strings and comments are text: a report may print
// "[[[" in a title, and the scanner must not count them.
func TestBracketsInStringsAndComments(t *testing.T) {
	b := strings.Repeat("[{", 100)
	laporan := "[laporan] # " + b + "\n" +
		"judul = \"" + b + " \\\" " + b + "\" # " + b + "\n" +
		"tahun = 2021\n" +
		"sumber = '" + b + "'\n" +
		"tempat_tanggal = \"\"\"\n" + b + ` "" \" ` + b + ` """""` + "\n" +
		"[laporan.pengaturan]\n" +
		"rumus_turun = '''" + b + "\n''' # " + b + "\n" +
		`kategori = "laporan"` + "\n"
	reports, problems := loadWithin(t, withFile(t, map[string]string{"contoh/2021/laporan.toml": laporan}), 10*time.Second)
	if len(problems) != 1 || problems[0].KeyPath != "laporan.pengaturan.rumus_turun" {
		t.Fatalf("want only the unknown formula, got:\n%v", problems)
	}
	if r := reports[0]; !strings.HasPrefix(r.Meta.Title, b) || !strings.HasSuffix(r.Meta.PlaceDate, `""`) {
		t.Errorf("title %.30q…, place %q", r.Meta.Title, r.Meta.PlaceDate)
	}
}

func TestLongArray(t *testing.T) {
	list := func(n int) string {
		return "[profil]\nisu_strategis = [" + strings.Repeat(`"a", `, n-1) + "\"a\"]\n"
	}
	reports, problems := loadWithin(t, withFile(t, map[string]string{"contoh/2021/profil.toml": list(MaxArrayLength)}), 20*time.Second)
	if len(problems) != 0 || len(reports[0].Profile.Issues) != MaxArrayLength {
		t.Fatalf("an array of %d elements: %v", MaxArrayLength, short(problems.Error()))
	}
	_, problems = loadWithin(t, withFile(t, map[string]string{"contoh/2021/profil.toml": list(MaxArrayLength + 1)}), 20*time.Second)
	p := wantOne(t, problems, "data/contoh/2021/profil.toml", "daftar berisi lebih dari 100.000 butir")
	if p.Line != 2 || p.Col != len("isu_strategis = [")+5*MaxArrayLength+1 {
		t.Errorf("position %d:%d", p.Line, p.Col)
	}
}

func TestManyKeys(t *testing.T) {
	keys := func(n int) string {
		var b strings.Builder
		b.WriteString("[laporan]\n")
		for i := 1; i < n; i++ {
			fmt.Fprintf(&b, "k%d = 1\n", i)
		}
		return b.String()
	}
	_, problems := loadWithin(t, withFile(t, map[string]string{"contoh/2021/tambahan.toml": keys(MaxKeys)}), 20*time.Second)
	if len(problems) != MaxKeys-1 || !strings.Contains(problems[0].Message, "kunci tidak dikenal") {
		t.Fatalf("%d keys: %d problems, first %v", MaxKeys, len(problems), problems[0])
	}
	_, problems = loadWithin(t, withFile(t, map[string]string{"contoh/2021/tambahan.toml": keys(MaxKeys + 1)}), 20*time.Second)
	p := wantOne(t, problems, "data/contoh/2021/tambahan.toml", "berkas berisi lebih dari 100.000 kunci")
	if p.Line != MaxKeys+1 || p.Col != 1 {
		t.Errorf("position %d:%d", p.Line, p.Col)
	}
}

// Long arrays, each within MaxArrayLength, add up to too many values (a
// 10 MB file of them took 24 s and 1 GB to load).
func TestManyValues(t *testing.T) {
	list := "[" + strings.Repeat(`"", `, MaxArrayLength-1) + "\"\"]\n"
	profil := "[profil]\nisu_strategis = " + list + "dasar_hukum = " + list
	_, problems := loadWithin(t, withFile(t, map[string]string{"contoh/2021/profil.toml": profil}), 20*time.Second)
	p := wantOne(t, problems, "data/contoh/2021/profil.toml", "berkas berisi lebih dari 200.000 nilai")
	if p.Line != 3 {
		t.Errorf("line %d", p.Line)
	}
}

// An amount near the int64 limit used to be read, and two of them summed
// into a negative total that the site published.
func TestAmountBeyondBound(t *testing.T) {
	lra := func(amounts ...string) string {
		s := "[anggaran.lra]\n"
		for i, a := range amounts {
			s += fmt.Sprintf("[[anggaran.lra.baris]]\ntingkat = \"program\"\nuraian = \"P%d\"\nanggaran = %q\nrealisasi = %q\n", i, a, a)
		}
		return s
	}
	const huge = "Rp 9.223.372.036.854.775.807"
	reports, problems := loadWithin(t, withFile(t, map[string]string{"contoh/2021/anggaran.toml": lra(huge, huge)}), 10*time.Second)
	if len(problems) != 4 {
		t.Fatalf("want 4 problems, got:\n%v", problems)
	}
	for i, p := range problems {
		want := fmt.Sprintf("data/contoh/2021/anggaran.toml:%d:1: anggaran.lra.baris[%d].%s: \"Rp 9.223.372.036.854.775.807\" terlalu besar", []int{5, 6, 10, 11}[i], i/2, []string{"anggaran", "realisasi"}[i%2])
		if !strings.HasPrefix(p.Error(), want) {
			t.Errorf("got  %s\nwant %s…", p.Error(), want)
		}
	}
	if tot := reports[0].Totals(); tot.Budget < 0 || tot.Spent < 0 {
		t.Errorf("negative totals %+v", tot)
	}

	// the bound itself is an amount; one rupiah more is not
	_, problems = loadWithin(t, withFile(t, map[string]string{"contoh/2021/anggaran.toml": lra("Rp 1.000.000.000.000.000", "Rp. 1.000.000.000.000.001,-")}), 10*time.Second)
	if len(problems) != 2 || problems[0].KeyPath != "anggaran.lra.baris[1].anggaran" || problems[1].KeyPath != "anggaran.lra.baris[1].realisasi" {
		t.Errorf("want the second row refused, got:\n%v", problems)
	}
}

// 10.000 rows of Rp 1.000 triliun add up beyond int64: the report is refused
// (the sum used to wrap into a negative total).
func TestAmountSumBeyondInt64(t *testing.T) {
	var b strings.Builder
	b.WriteString("[anggaran.lra]\n")
	for i := range 10_000 {
		fmt.Fprintf(&b, "[[anggaran.lra.baris]]\ntingkat = \"program\"\nuraian = \"P%d\"\nanggaran = \"Rp 1.000.000.000.000.000\"\n", i)
	}
	reports, problems := loadWithin(t, withFile(t, map[string]string{"contoh/2021/anggaran.toml": b.String()}), 20*time.Second)
	p := wantOne(t, problems, "data/contoh/2021/anggaran.toml", "melebihi batas hitung")
	if !strings.HasPrefix(p.KeyPath, "anggaran.lra") {
		t.Errorf("key path %q", p.KeyPath)
	}
	if tot := reports[0].Totals(); tot.Budget < 0 {
		t.Errorf("negative total %+v", tot)
	}
}

// Hidden characters in any text of the data are refused, with the file and
// the key; the value is kept out of the report.
func TestHiddenCharacters(t *testing.T) {
	for _, c := range []struct {
		file, toml, key, want string
	}{
		{"contoh/instansi.toml", `nama = "Dinas\u0007 Contoh"`, "nama", "karakter kendali U+0007 (tidak terlihat) pada huruf ke-6"},
		{"contoh/2021/laporan.toml", "[laporan]\njudul = \"L\\u202eX\"\ntahun = 2021", "laporan.judul", "karakter pembalik arah teks U+202E"},
		{"contoh/2021/laporan.toml", "[laporan]\njudul = \"L\u202eX\"\ntahun = 2021", "laporan.judul", "karakter pembalik arah teks U+202E"},
		{"contoh/2021/laporan.toml", "[laporan]\njudul = \"L\"\ntahun = 2021\nsumber = \"\\u2066x\\u2069\"", "laporan.sumber", "U+2066"},
		{"contoh/2021/laporan.toml", "[laporan]\njudul = \"L\"\ntahun = 2021\nsumber = '''a\u2028b'''", "laporan.sumber", "pemisah baris Unicode U+2028"},
		{"contoh/2021/laporan.toml", "[laporan]\njudul = \"L\"\ntahun = 2021\nsumber = \"a\\rb\"", "laporan.sumber", "karakter kendali U+000D"},
		{"contoh/2021/laporan.toml", "[laporan]\njudul = \"L\"\ntahun = 2021\nsumber = \"\\e[2J\"", "laporan.sumber", "karakter kendali U+001B"},
		{"contoh/2021/laporan.toml", "[laporan]\njudul = \"L\"\ntahun = 2021\nsumber = \"a\u0085b\"", "laporan.sumber", "karakter kendali U+0085"},
		{"contoh/2021/laporan.toml", "[laporan]\njudul = \"L\"\ntahun = 2021\nsumber = \"a\\u007Fb\"", "laporan.sumber", "karakter kendali U+007F"},
		{"contoh/2021/capaian.toml", "[[capaian.tabel]]\nid = \"t\"\n[[capaian.tabel.baris]]\ncapaian = \"100\\u0008%\"", "capaian.tabel[0].baris[0].capaian", "U+0008"},
		{"contoh/2021/anggaran.toml", "[[anggaran.lra.baris]]\nanggaran = \"Rp\\u00a0\\u009b1\"", "anggaran.lra.baris[0].anggaran", "U+009B"},
		{"contoh/2021/program.toml", "[[program]]\nid = \"prog\"\nnama = \"P\"\nkode = \"1\\u0000\"", "program[0].kode", "U+0000"},
		{"contoh/2021/narasi.toml", "[[narasi]]\nid = \"n\"\nparagraf = [\"a\", \"b\\u202dc\"]", "narasi[0].paragraf[1]", "U+202D"},
	} {
		_, problems := loadWithin(t, withFile(t, map[string]string{c.file: c.toml}), 10*time.Second)
		found := false
		for _, p := range problems {
			if p.File == "data/"+c.file && p.KeyPath == c.key && strings.Contains(p.Message, c.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %s: want %q, got:\n%v", c.file, c.key, c.want, problems)
		}
		assertNothingHidden(t, problems)
	}

	// tabs, line feeds and the CR LF of a multi-line string in a file with
	// Windows line ends are text
	laporan := "[laporan]\r\njudul = \"\"\"\r\nLaporan\r\n\tKinerja\"\"\"\r\ntahun = 2021\r\nsumber = \"a\\tb\\nc\\r\\nd\"\r\n"
	reports, problems := loadWithin(t, withFile(t, map[string]string{"contoh/2021/laporan.toml": laporan}), 10*time.Second)
	if len(problems) > 0 {
		t.Fatalf("tabs and line ends refused:\n%v", problems)
	}
	if reports[0].Meta.Title != "Laporan\r\n\tKinerja" {
		t.Errorf("title %q", reports[0].Meta.Title)
	}
}

func assertNothingHidden(t *testing.T, problems Problems) {
	t.Helper()
	for _, r := range problems.Error() {
		if r != '\n' && r != '\t' && hiddenRune(r) != "" {
			t.Errorf("the problems print U+%04X: %q", r, problems.Error())
			return
		}
	}
}

// Names of files and keys, and the line shown under a syntax error, are
// printed without the hidden characters they hold.
func TestProblemsPrintNoHiddenCharacters(t *testing.T) {
	fsys := withFile(t, map[string]string{
		"contoh/2021/a\x1b[2J.toml":      "x = 1\n",
		"contoh/2021/tambahan.toml":      "\"k\\u001b]0;judul\\u0007\" = 1\n[\"b\\u202e\"]\nc = 1\n",
		"contoh/instansi.toml":           "nama = \"Dinas \u202eContoh\npemerintah = 1\n",
		"contoh/2021/capaian_satu.toml":  "[[capaian.tabel]]\nid = \"t\\u0085\"\n",
		"contoh/2021/narasi.toml":        "[[narasi]]\nid = \"a\"\njudul = " + strings.Repeat("x", 5000) + "\n",
		"contoh/2021/capaian_dua.toml":   "[[capaian.tabel]]\nid = \"" + strings.Repeat("x", 5000) + "\"\n",
		"contoh/2021/capaian_tiga.toml":  "[laporan]\nrealisasi" + strings.Repeat("i", 5000) + " = 1\n",
		"contoh/2021/anggaran_satu.toml": "[[anggaran.lra.baris]]\nanggaran = \"" + strings.Repeat("9", 5000) + "\"\n",
	})
	_, problems := loadWithin(t, fsys, 10*time.Second)
	assertNothingHidden(t, problems)
	out := problems.Error()
	for _, want := range []string{
		`data/contoh/2021/"a\x1b[2J.toml":1:1: x: kunci tidak dikenal`,
		`data/contoh/2021/tambahan.toml:1:1: "k\x1b]0;judul\a": kunci tidak dikenal`,
		`data/contoh/2021/tambahan.toml:2:2: "b\u202e": kunci tidak dikenal`,
		"    2 | [\"b\\u202e\"]\n      |  ^^^^^^^^^",
		"data/contoh/2021/capaian_satu.toml:2:1: capaian.tabel[0].id: teks berisi karakter kendali U+0085",
		`data/contoh/2021/capaian_tiga.toml:2:1: laporan."realisasiiii`,
		"data/contoh/2021/narasi.toml:3:9: TOML tidak sah: expected value but found \"xxxx",
		"    3 | judul = xxxxxxxxxx",
		"data/contoh/instansi.toml:1:24: TOML tidak sah: strings cannot contain newlines\n    1 | nama = \"Dinas \uFFFDContoh\n      |                      ^",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if len(line) > 600 {
			t.Errorf("a line of %d bytes: %.200s…", len(line), line)
		}
	}
}

func TestNonFiniteNumbers(t *testing.T) {
	laporan := "[laporan]\njudul = \"L\"\ntahun = 2021\n[laporan.pengaturan]\nbatas_capaian = inf\ntoleransi = nan\n"
	_, problems := loadWithin(t, withFile(t, map[string]string{"contoh/2021/laporan.toml": laporan}), 10*time.Second)
	if len(problems) != 2 || problems[0].KeyPath != "laporan.pengaturan.batas_capaian" || problems[1].KeyPath != "laporan.pengaturan.toleransi" {
		t.Errorf("want inf and nan refused, got:\n%v", problems)
	}
}

// A figure too large to compute with is refused; a target so small that
// the capaian would be infinite gives no capaian.
func TestFigureBounds(t *testing.T) {
	capaian := "[[capaian.tabel]]\nid = \"t\"\n[[capaian.tabel.baris]]\nindikator = \"a\"\ntarget = \"0," + strings.Repeat("0", 320) + "1\"\nrealisasi = \"1.000\"\ncapaian = \"100%\"\n" +
		"[[capaian.tabel.baris]]\nindikator = \"b\"\ntarget = \"1\"\nrealisasi = \"1" + strings.Repeat("0", 16) + "\"\n"
	reports, problems := loadWithin(t, withFile(t, map[string]string{"contoh/2021/capaian.toml": capaian}), 10*time.Second)
	p := wantOne(t, problems, "data/contoh/2021/capaian.toml", "terlalu besar untuk dihitung")
	if p.KeyPath != "capaian.tabel[0].baris[1].realisasi" {
		t.Errorf("key path %q", p.KeyPath)
	}
	res := reports[0].Evaluate(reports[0].Results.Tables[0].Rows[0])
	if res.Achievement.OK || res.Status != "reason_out_of_range" || !finite(res.Achievement.Percent) || !finite(res.Value) {
		t.Errorf("capaian of a vanishing target: %+v", res)
	}
}

// Many rows pointing at unknown items: each problem is placed in its file
// without searching every key of the report (that took minutes).
func TestManyProblemsArePlacedQuickly(t *testing.T) {
	var b strings.Builder
	for i := range 20_000 {
		fmt.Fprintf(&b, "[[rkt.baris]]\nref = \"tidak-ada-%d\"\nuraian = \"u\"\nno = \"%d\"\n", i, i)
	}
	_, problems := loadWithin(t, withFile(t, map[string]string{"contoh/2021/rkt.toml": b.String()}), 15*time.Second)
	if len(problems) != 20_000 || problems[19_999].File != "data/contoh/2021/rkt.toml" {
		t.Fatalf("%d problems, last %v", len(problems), problems[len(problems)-1])
	}
}

// The limits are far above what a real report needs: the seed's files,
// scanned, stay well below each.
func TestSeedWithinLimits(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "data", "*", "*", "*.toml"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "data", "*", "*.toml"))
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no seed files")
	}
	var deepest, keys, longest int
	for _, f := range files {
		s := &limitScanner{data: mustRead(t, f), line: 1}
		if p := s.run(); p != nil {
			t.Errorf("%s: %v", f, p)
		}
		deepest, keys, longest = max(deepest, s.deepest), max(keys, s.keys), max(longest, s.longest)
	}
	t.Logf("seed: depth %d, keys per file %d, longest array %d", deepest, keys, longest)
	if deepest*4 > MaxNesting || keys*100 > MaxKeys || longest*100 > MaxArrayLength {
		t.Errorf("the seed comes near a limit: depth %d, keys %d, longest array %d", deepest, keys, longest)
	}
}
