package tomldata

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/sakip-terbuka/lakip/generator/report"
)

// AgencyFile is the agency-level file in data/<agency>/.
const AgencyFile = "instansi.toml"

// MaxIDLength bounds an agency folder name, as report.MaxIDLength bounds ids:
// both become parts of URLs and file names.
const MaxIDLength = report.MaxIDLength

// ReservedSlugs are the site's own top-level paths: an agency folder of
// that name would lose its page to them.
var ReservedSlugs = []string{"cari", "css", "en", "glosarium", "js", "pagefind", "charts", "index.xml", "sitemap.xml", "robots.txt", "favicon.svg"}

var (
	reYear = regexp.MustCompile(`^[0-9]{4}$`)
	reSlug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// Load reads every agency folder and every year folder below the root of
// fsys. The layout is data/<agency-slug>/instansi.toml and
// data/<agency-slug>/<year>/*.toml; all TOML files of a year form one report.
// prefix is prepended to file names in problems (e.g. "data").
//
// It returns the reports it could read and, if anything is wrong, a
// Problems error listing everything at once.
func Load(fsys fs.FS, prefix string) ([]*report.Report, error) {
	var problems Problems
	var reports []*report.Report
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, Problems{{File: prefix, Message: "folder data tidak dapat dibaca: " + visible(err.Error())}}
	}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		slug := e.Name()
		dir := path.Join(prefix, shownName(slug))
		if !reSlug.MatchString(slug) || len(slug) > MaxIDLength {
			problems = append(problems, Problem{File: dir, Message: fmt.Sprintf("nama folder instansi harus huruf kecil, angka dan tanda hubung (mis. dinas-kesehatan-kota-contoh), paling panjang %d huruf, karena menjadi bagian alamat situs", MaxIDLength)})
			continue
		}
		if slices.Contains(ReservedSlugs, slug) {
			problems = append(problems, Problem{File: dir, Message: fmt.Sprintf("nama folder instansi %q sudah dipakai halaman situs sendiri (%s): pilih nama lain, mis. dinas-%s", slug, strings.Join(ReservedSlugs, ", "), slug)})
			continue
		}
		agency := &report.Agency{Slug: slug}
		agencyFile := path.Join(slug, AgencyFile)
		if msg := regularPath(fsys, agencyFile); msg != "" {
			problems = append(problems, Problem{File: path.Join(prefix, agencyFile), Message: msg})
		} else if data, err := fs.ReadFile(fsys, agencyFile); err != nil {
			problems = append(problems, Problem{File: path.Join(prefix, agencyFile), Message: "berkas instansi tidak ada: setiap folder instansi perlu instansi.toml (nama, pemerintah, provinsi, alamat)"})
		} else {
			d := newDecoder(path.Join(prefix, agencyFile), &problems)
			d.sources = map[string][]byte{}
			before := len(problems)
			d.decodeFile(data, agency)
			parsed := len(problems) == before || problems[len(problems)-1].Line == 0
			if parsed && strings.TrimSpace(agency.Name) == "" {
				problems = append(problems, Problem{File: path.Join(prefix, agencyFile), KeyPath: "nama", Message: "nama instansi wajib diisi"})
			}
			place(problems[before:], d.sources)
		}
		years, _ := fs.ReadDir(fsys, slug)
		for _, y := range years {
			if !y.IsDir() || strings.HasPrefix(y.Name(), ".") {
				continue
			}
			if !reYear.MatchString(y.Name()) {
				problems = append(problems, Problem{File: path.Join(dir, shownName(y.Name())), Message: "folder tahun harus bernama empat angka (mis. 2021)"})
				continue
			}
			year, _ := strconv.Atoi(y.Name())
			r, ps := loadYear(fsys, prefix, slug, year)
			problems = append(problems, ps...)
			if r != nil {
				r.Agency = agency
				reports = append(reports, r)
			}
		}
	}
	sort.Slice(reports, func(i, j int) bool {
		if reports[i].Agency.Slug != reports[j].Agency.Slug {
			return reports[i].Agency.Slug < reports[j].Agency.Slug
		}
		return reports[i].Year < reports[j].Year
	})
	if len(problems) > 0 {
		problems.sort()
		return reports, problems
	}
	return reports, nil
}

func newDecoder(file string, problems *Problems) *decoder {
	return &decoder{file: file, problems: problems, origins: map[string]origin{}, setBy: map[string]string{}}
}

// loadYear reads all TOML files of one year folder into one report, then
// runs the report's own consistency checks and places their problems: in
// the file and at the key path they came from, and on its line.
func loadYear(fsys fs.FS, prefix, slug string, year int) (_ *report.Report, problems Problems) {
	sources := map[string][]byte{}
	defer func() { place(problems, sources) }()
	dir := path.Join(slug, strconv.Itoa(year))
	files, _ := fs.ReadDir(fsys, dir)
	r := &report.Report{Year: year}
	origins := map[string]origin{}
	setBy := map[string]string{}
	n := 0
	for _, f := range files { // ReadDir sorts by name: merge order is stable
		if f.IsDir() || !strings.HasSuffix(f.Name(), ".toml") {
			continue
		}
		n++
		file := path.Join(prefix, dir, shownName(f.Name()))
		if msg := regularFile(f); msg != "" {
			problems = append(problems, Problem{File: file, Message: msg})
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, f.Name()))
		if err != nil {
			problems = append(problems, Problem{File: file, Message: "tidak dapat dibaca: " + visible(err.Error())})
			continue
		}
		d := &decoder{file: file, problems: &problems, origins: origins, setBy: setBy, sources: sources}
		d.decodeFile(data, r)
	}
	if n == 0 {
		problems = append(problems, Problem{File: path.Join(prefix, dir), Message: "folder tahun tidak berisi berkas .toml"})
		return nil, problems
	}
	for _, p := range problems {
		if p.Line > 0 {
			// a file that does not parse leaves the report incomplete: checks
			// across files would only report consequences of the syntax error
			return r, problems
		}
	}
	if msg := checkSourceFile(fsys, dir, path.Join(prefix, dir), r.Meta.SourceFile); msg != "" {
		o, local := resolve(origins, "laporan.berkas_sumber")
		if o.file == "" {
			o.file = path.Join(prefix, dir)
		}
		problems = append(problems, Problem{File: o.file, KeyPath: local, Message: msg})
	}
	reported := map[string]bool{}
	for _, p := range problems {
		reported[p.File+"\x00"+p.KeyPath] = true
	}
	for _, fe := range r.Prepare() {
		o, local := resolve(origins, fe.Path)
		if o.file == "" {
			o.file = path.Join(prefix, dir)
		}
		if reported[o.file+"\x00"+local] {
			continue // a consequence of a problem already reported at that key
		}
		problems = append(problems, Problem{File: o.file, KeyPath: local, Message: fe.Message})
	}
	return r, problems
}

// decodeFile parses one TOML document and maps it onto v. A document
// beyond the limits (MaxNesting, MaxArrayLength, MaxKeys, MaxValues) is
// refused before the parser sees it.
func (d *decoder) decodeFile(data []byte, v any) {
	if lp := checkLimits(data); lp != nil {
		*d.problems = append(*d.problems, Problem{File: d.file, Line: lp.line, Col: lp.col, Message: lp.message, Excerpt: excerpt(data, lp.line, lp.col, 1)})
		return
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		*d.problems = append(*d.problems, syntaxProblem(d.file, data, err))
		return
	}
	if d.sources != nil {
		d.sources[d.file] = data
	}
	d.decodeValue(reflectValue(v), raw, "", "")
}

// syntaxProblem turns a TOML parse error into file:line:col with the line
// shown and a caret under the column.
func syntaxProblem(file string, data []byte, err error) Problem {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return Problem{File: file, Message: "TOML tidak sah: " + visible(cutMiddle(err.Error()))}
	}
	p := Problem{File: file, Line: pe.Position.Line, Col: pe.Position.Col, Message: "TOML tidak sah: " + visible(cutMiddle(pe.Message))}
	if p.Col < 1 {
		p.Col = 1
	}
	p.Excerpt = excerpt(data, p.Line, p.Col, max(pe.Position.Len, 1))
	return p
}

// maxExcerpt is how many characters of a line an excerpt shows around
// the column.
const maxExcerpt = 100

// excerpt shows line (1-based) of data with carets under width bytes from
// byte column col; "" when the line does not exist. Hidden characters are
// shown as U+FFFD and a long line is cut around the column, so that what
// is printed is what the file holds, column for column.
func excerpt(data []byte, line, col, width int) string {
	if line < 1 {
		return ""
	}
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			return ""
		}
		start += i + 1
	}
	return lineExcerpt(data[start:], line, col, width)
}

// lineExcerpt is excerpt for the line that rest starts with.
func lineExcerpt(rest []byte, line, col, width int) string {
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	text := strings.TrimRight(string(rest), "\r")
	at := min(max(col-1, 0), len(text))
	for at > 0 && at < len(text) && !utf8.RuneStart(text[at]) {
		at--
	}
	width = max(min(width, len(text)-at), 1)
	// the window shown: maxExcerpt characters around the column
	from, to := at, at
	for n := 0; n < maxExcerpt/2 && from > 0; n++ {
		_, w := utf8.DecodeLastRuneInString(text[:from])
		from -= w
	}
	for n := 0; n < maxExcerpt/2 && to < len(text); n++ {
		_, w := utf8.DecodeRuneInString(text[to:])
		to += w
	}
	before, after := "", ""
	if from > 0 {
		before = "…"
	}
	if to < len(text) {
		after = "…"
	}
	var caret strings.Builder
	caret.WriteString(strings.Repeat(" ", utf8.RuneCountInString(before)))
	for _, r := range text[from:at] {
		if r == '\t' {
			caret.WriteByte('\t')
		} else {
			caret.WriteByte(' ')
		}
	}
	carets := max(utf8.RuneCountInString(text[at:min(at+width, to)]), 1)
	caret.WriteString(strings.Repeat("^", carets))
	return fmt.Sprintf("%5d | %s%s%s\n      | %s", line, before, visible(text[from:to]), after, caret.String())
}

// resolve maps a merged key path to the file and file-local path it came
// from, using the longest recorded prefix: the path itself, else the path
// without its last key or index, and so on.
func resolve(origins map[string]origin, merged string) (origin, string) {
	for p := merged; p != ""; {
		if o, ok := origins[p]; ok {
			return o, o.localPath + merged[len(p):]
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return origin{}, merged
}

// DecodeTree maps a decoded document (from laporan.json, say) onto a report
// with the same strictness as the TOML files, then prepares it. JSON
// numbers must arrive as int64 or float64.
func DecodeTree(name string, tree map[string]any, r *report.Report) Problems {
	var problems Problems
	d := newDecoder(name, &problems)
	d.decodeValue(reflectValue(r), tree, "", "")
	for _, fe := range r.Prepare() {
		problems = append(problems, Problem{File: name, KeyPath: fe.Path, Message: fe.Message})
	}
	problems.sort()
	return problems
}

// MaxSourceSize bounds the source document published beside a report.
const MaxSourceSize = 50 << 20

// checkSourceFile checks laporan.berkas_sumber: a text or PDF file inside
// the year folder, a regular file (no link, device or pipe), not too large.
// The build publishes it as it is, so check finds here what build would
// otherwise fail on (or publish wrongly).
func checkSourceFile(fsys fs.FS, dir, shown, name string) string {
	if name == "" {
		return ""
	}
	clean := path.Clean(name)
	if path.IsAbs(name) || strings.Contains(name, "\\") || clean == ".." || strings.HasPrefix(clean, "../") || !fs.ValidPath(clean) {
		return fmt.Sprintf("berkas sumber %q harus berada di dalam folder tahun ini (mis. \"sumber/laporan.pdf\"), tanpa \"..\" atau jalur mutlak", name)
	}
	switch strings.ToLower(path.Ext(clean)) {
	case ".txt", ".pdf":
	default:
		return fmt.Sprintf("berkas sumber %q harus berupa teks (.txt) atau PDF (.pdf)", name)
	}
	full := path.Join(dir, clean)
	var info fs.FileInfo
	var err error
	if lfs, ok := fsys.(fs.ReadLinkFS); ok {
		info, err = lfs.Lstat(full)
	} else {
		info, err = fs.Stat(fsys, full)
	}
	switch {
	case err != nil:
		return fmt.Sprintf("berkas sumber %q tidak ada di folder %s", name, shown)
	case !info.Mode().IsRegular():
		return fmt.Sprintf("berkas sumber %q bukan berkas biasa (tautan, folder atau perangkat tidak diterbitkan)", name)
	case info.Size() > MaxSourceSize:
		return fmt.Sprintf("berkas sumber %q terlalu besar (%d MB; paling besar %d MB)", name, info.Size()>>20, MaxSourceSize>>20)
	}
	return ""
}

// MaxDataFileSize bounds one TOML file: a report's largest file is a few
// hundred kilobytes.
const MaxDataFileSize = 10 << 20

// regularFile refuses a data file that is not a regular file of sensible
// size: a symlink could read a file outside data/, a FIFO or device would
// hang or exhaust the build.
func regularFile(e fs.DirEntry) string {
	if !e.Type().IsRegular() {
		return "bukan berkas biasa (tautan, perangkat atau pipa tidak dibaca): simpan data sebagai berkas biasa di dalam data/"
	}
	info, err := e.Info()
	if err != nil {
		return "tidak dapat dibaca: " + visible(err.Error())
	}
	if info.Size() > MaxDataFileSize {
		return fmt.Sprintf("terlalu besar (%d MB; paling besar %d MB)", info.Size()>>20, MaxDataFileSize>>20)
	}
	return ""
}

// regularPath is regularFile for a path; "" when it does not exist (the
// caller reports a missing file in its own words).
func regularPath(fsys fs.FS, name string) string {
	var info fs.FileInfo
	var err error
	if lfs, ok := fsys.(fs.ReadLinkFS); ok {
		info, err = lfs.Lstat(name)
	} else {
		info, err = fs.Stat(fsys, name)
	}
	if err != nil {
		return ""
	}
	return regularFile(fs.FileInfoToDirEntry(info))
}
