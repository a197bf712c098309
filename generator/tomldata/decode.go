package tomldata

import (
	"encoding"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sakip-terbuka/lakip/generator/report"
)

// origin remembers which file, and which key path in it, a merged value
// came from, so that a problem found after merging points into the file.
type origin struct {
	file      string
	localPath string
}

// decoder maps decoded TOML (maps, slices, scalars) onto Go structs by their
// toml tags. Unlike toml.Decode it does not stop at the first wrong type:
// every mismatch becomes a Problem and decoding goes on.
type decoder struct {
	file     string
	problems *Problems
	origins  map[string]origin // merged path → origin
	setBy    map[string]string // merged path of a scalar → file that set it
	sources  map[string][]byte // file → its text, to place problems (nil: not kept)
}

func (d *decoder) problem(localPath, format string, args ...any) {
	*d.problems = append(*d.problems, Problem{File: d.file, KeyPath: localPath, Message: fmt.Sprintf(format, args...)})
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// errReporter is implemented by values that read any text but may find it
// meaningless (report.Rupiah).
type errReporter interface{ Err() error }

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// decodeStruct fills the struct v from a TOML table.
func (d *decoder) decodeStruct(v reflect.Value, table map[string]any, localPath, mergedPath string) {
	d.origins[mergedPath] = origin{d.file, localPath}
	fields := fieldsByTag(v.Type())
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		idx, ok := fields[k]
		if !ok {
			d.problem(join(localPath, keyName(k)), "kunci tidak dikenal%s", suggest(k, fields))
			continue
		}
		d.decodeValue(v.Field(idx), table[k], join(localPath, k), join(mergedPath, k))
	}
}

func (d *decoder) decodeValue(f reflect.Value, val any, localPath, mergedPath string) {
	if f.CanAddr() && f.Addr().Type().Implements(textUnmarshaler) {
		s, ok := val.(string)
		if !ok {
			d.problem(localPath, "harus berupa teks dalam tanda kutip, persis seperti tercetak di laporan (mis. \"97,85%%\"), bukan %s", describe(val))
			return
		}
		if msg := checkText(s); msg != "" {
			d.problem(localPath, "%s", msg)
			return
		}
		d.claim(localPath, mergedPath)
		if err := f.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			d.problem(localPath, "%v", err)
			return
		}
		if er, ok := f.Addr().Interface().(errReporter); ok && er.Err() != nil {
			d.problem(localPath, "%v", er.Err())
			f.Set(reflect.Zero(f.Type())) // kept out of the report, as text refused above
		}
		return
	}
	switch f.Kind() {
	case reflect.String:
		s, ok := val.(string)
		if !ok {
			d.problem(localPath, "harus berupa teks dalam tanda kutip, bukan %s", describe(val))
			return
		}
		if msg := checkText(s); msg != "" {
			d.problem(localPath, "%s", msg) // and kept out of the report
			return
		}
		d.claim(localPath, mergedPath)
		f.SetString(s)
	case reflect.Int, reflect.Int64:
		n, ok := val.(int64)
		if !ok {
			d.problem(localPath, "harus berupa bilangan bulat tanpa tanda kutip (mis. 2021), bukan %s", describe(val))
			return
		}
		d.claim(localPath, mergedPath)
		f.SetInt(n)
	case reflect.Bool:
		b, ok := val.(bool)
		if !ok {
			d.problem(localPath, "harus berupa true atau false tanpa tanda kutip, bukan %s", describe(val))
			return
		}
		d.claim(localPath, mergedPath)
		f.SetBool(b)
	case reflect.Float64:
		switch n := val.(type) {
		case int64:
			f.SetFloat(float64(n))
		case float64:
			if math.IsNaN(n) || math.IsInf(n, 0) {
				d.problem(localPath, "harus berupa angka biasa (mis. 0.5), bukan %v", n)
				return
			}
			f.SetFloat(n)
		default:
			d.problem(localPath, "harus berupa angka tanpa tanda kutip (mis. 0.5), bukan %s", describe(val))
			return
		}
		d.claim(localPath, mergedPath)
	case reflect.Struct:
		t, ok := val.(map[string]any)
		if !ok {
			d.problem(localPath, "harus berupa tabel ([%s] atau { … }), bukan %s", localPath, describe(val))
			return
		}
		d.decodeStruct(f, t, localPath, mergedPath)
	case reflect.Pointer:
		if f.IsNil() {
			f.Set(reflect.New(f.Type().Elem()))
		}
		d.decodeValue(f.Elem(), val, localPath, mergedPath)
	case reflect.Slice:
		d.decodeSlice(f, val, localPath, mergedPath)
	default:
		d.problem(localPath, "jenis kolom %s tidak didukung (galat program)", f.Type())
	}
}

// decodeSlice appends the array's elements: arrays of tables may be split
// over several files of one report.
func (d *decoder) decodeSlice(f reflect.Value, val any, localPath, mergedPath string) {
	var items []any
	switch a := val.(type) {
	case []any:
		items = a
	case []map[string]any:
		for _, m := range a {
			items = append(items, m)
		}
	default:
		d.problem(localPath, "harus berupa daftar (%s), bukan %s", listHint(f.Type().Elem()), describe(val))
		return
	}
	for i, item := range items {
		n := f.Len()
		f.Set(reflect.Append(f, reflect.Zero(f.Type().Elem())))
		lp := fmt.Sprintf("%s[%d]", localPath, i)
		mp := fmt.Sprintf("%s[%d]", mergedPath, n)
		d.origins[mp] = origin{d.file, lp}
		d.decodeValue(f.Index(n), item, lp, mp)
	}
}

// claim records that this file set a scalar; a second file setting the same
// key is a problem, since one of the two values would silently win.
func (d *decoder) claim(localPath, mergedPath string) {
	if prev, ok := d.setBy[mergedPath]; ok && prev != d.file {
		d.problem(localPath, "sudah diisi di %s; satu kunci hanya boleh diisi di satu berkas", prev)
		return
	}
	d.setBy[mergedPath] = d.file
}

func listHint(t reflect.Type) string {
	if t.Kind() == reflect.Struct && !reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "[[…]]"
	}
	return "[ \"…\", \"…\" ]"
}

func describe(val any) string {
	switch v := val.(type) {
	case string:
		return fmt.Sprintf("teks %q", short(v))
	case int64:
		return fmt.Sprintf("bilangan %d", v)
	case float64:
		return fmt.Sprintf("angka %v", v)
	case bool:
		return fmt.Sprintf("nilai benar/salah %v", v)
	case map[string]any:
		return "tabel"
	case []any, []map[string]any:
		return "daftar"
	default:
		return fmt.Sprintf("nilai %T", val)
	}
}

var fieldCache sync.Map // reflect.Type → map[string]int

func fieldsByTag(t reflect.Type) map[string]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := range t.NumField() {
		tag := strings.Split(t.Field(i).Tag.Get("toml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		m[tag] = i
	}
	fieldCache.Store(t, m)
	return m
}

// suggest names the closest known key, so that "realisai" points at "realisasi".
func suggest(key string, fields map[string]int) string {
	best, bestDist := "", 4
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	runes := utf8.RuneCountInString(key)
	for _, name := range names {
		if runes > len(name)+bestDist {
			continue // too long to be a typo of it (and costly to compare)
		}
		if dist := report.EditDistance(key, name); dist < bestDist {
			best, bestDist = name, dist
		}
	}
	if best == "" {
		return fmt.Sprintf(" (kunci yang dikenal: %s)", strings.Join(names, ", "))
	}
	return fmt.Sprintf("; maksud Anda %q?", best)
}

func reflectValue(v any) reflect.Value { return reflect.ValueOf(v).Elem() }
