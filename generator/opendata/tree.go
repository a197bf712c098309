// Package opendata exports a report as open data: one CSV and one JSON file
// per table, the whole report as one JSON file, and a Frictionless Data
// Package (datapackage.json) describing every resource and field. It does
// no I/O: the build stages the bytes it returns.
package opendata

import (
	"reflect"
	"strings"

	"github.com/sakip-terbuka/lakip/generator/report"
)

// Tree returns the report's data as the TOML files hold it: the same keys,
// every figure as its published text. Encoded as JSON it is the whole report
// in one file, and decodes back into the same report.
func Tree(r *report.Report) map[string]any {
	t := toTree(reflect.ValueOf(*r)).(map[string]any)
	return t
}

// AgencyTree is the agency's data (instansi.toml) the same way.
func AgencyTree(a *report.Agency) map[string]any {
	return toTree(reflect.ValueOf(*a)).(map[string]any)
}

var (
	figureType     = reflect.TypeFor[report.Figure]()
	rupiahType     = reflect.TypeFor[report.Rupiah]()
	measureRowType = reflect.TypeFor[report.MeasureRow]()
)

func toTree(v reflect.Value) any {
	switch v.Type() {
	case figureType:
		return v.Interface().(report.Figure).Published
	case rupiahType:
		return v.Interface().(report.Rupiah).Published
	}
	switch v.Kind() {
	case reflect.Struct:
		m := map[string]any{}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			tag := strings.Split(f.Tag.Get("toml"), ",")[0]
			if !f.IsExported() || tag == "" || tag == "-" {
				continue
			}
			if fv := v.Field(i); fv.Kind() == reflect.Pointer && fv.IsNil() {
				continue // an optional table or number the report does not give
			}
			m[tag] = toTree(v.Field(i))
		}
		if v.Type() == measureRowType && v.Interface().(report.MeasureRow).Continued() {
			// the report left the item cell blank: written as in the TOML
			// file (uraian "" and no ref), the row continues the item above
			// again when laporan.json is read back
			delete(m, "ref")
			delete(m, "tingkat")
		}
		return m
	case reflect.Slice:
		out := make([]any, v.Len())
		for i := range v.Len() {
			out[i] = toTree(v.Index(i))
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return toTree(v.Elem())
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int64:
		return v.Int()
	case reflect.Float64:
		return v.Float()
	case reflect.Bool:
		return v.Bool()
	}
	return nil
}
