package workbook

import (
	"encoding"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// The sheets name TOML keys; the model's toml tags map them to fields. The
// same tags order the keys of the TOML files import writes.

var (
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	tagCache        sync.Map // reflect.Type → map[string]int
)

// fieldIndex maps the toml tags of struct type t to field indexes.
func fieldIndex(t reflect.Type) map[string]int {
	if m, ok := tagCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("toml"), ",")[0]
		if tag != "" && tag != "-" {
			m[tag] = i
		}
	}
	tagCache.Store(t, m)
	return m
}

// isTable reports whether a value of type t is written as a TOML table (a
// struct that is not read from text, as a Figure is).
func isTable(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && !reflect.PointerTo(t).Implements(textUnmarshaler)
}

// lookup follows a dotted key from a struct value; ok is false when a
// pointer on the way is nil or a key is unknown.
func lookup(v reflect.Value, key string) (reflect.Value, bool) {
	for _, part := range strings.Split(key, ".") {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct {
			return reflect.Value{}, false
		}
		i, ok := fieldIndex(v.Type())[part]
		if !ok {
			return reflect.Value{}, false
		}
		v = v.Field(i)
	}
	return v, true
}

// typeOf follows a dotted key from a struct type.
func typeOf(t reflect.Type, key string) (reflect.Type, bool) {
	for _, part := range strings.Split(key, ".") {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return nil, false
		}
		i, ok := fieldIndex(t)[part]
		if !ok {
			return nil, false
		}
		t = t.Field(i).Type
	}
	return t, true
}

// cellText is how a value is written in a cell: figures as printed, zero
// numbers and false as an empty cell, a list one item per line.
func cellText(v reflect.Value) string {
	if v.Type().Implements(textMarshaler) {
		b, _ := v.Interface().(encoding.TextMarshaler).MarshalText()
		return string(b)
	}
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int64:
		if v.Int() == 0 {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64:
		if v.Float() == 0 {
			return ""
		}
		return formatFloat(v.Float())
	case reflect.Bool:
		if v.Bool() {
			return "ya"
		}
		return ""
	case reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		e := v.Elem()
		switch e.Kind() {
		case reflect.Int, reflect.Int64:
			return strconv.FormatInt(e.Int(), 10)
		case reflect.Float64:
			return formatFloat(e.Float())
		}
		return cellText(e)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.String {
			return strings.Join(v.Interface().([]string), "\n")
		}
	}
	return ""
}

// formatFloat writes a number with a decimal comma, as staff type it.
func formatFloat(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', -1, 64), ".", ",", 1)
}
