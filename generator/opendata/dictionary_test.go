package opendata

import (
	"reflect"
	"testing"
)

// TestDictionary: the dictionary gives each text in the asked language,
// falls back to the Indonesian text marked "id" where a translation is
// missing (a title, a description, or the whole translation), and marks
// nothing in Indonesian.
func TestDictionary(t *testing.T) {
	res := []Resource{{
		Name: "a", Title: "Tabel A", Description: "uraian A", Section: "2.1", Rows: [][]string{{"1"}, {"2"}},
		Translations: map[string]Text{"en": {Title: "Table A"}},
		Fields: []Field{
			{Name: "x", Title: "Kolom X", Description: "arti X", Type: "string", Translations: map[string]Text{"en": {Title: "Column X", Description: "meaning of X"}}},
			{Name: "y", Title: "Kolom Y", Type: "integer", Unit: "orang"},
		},
	}}
	en := Dictionary(res, "en")
	want := []DictEntry{{
		Name: "a", DictText: DictText{Title: "Table A", Description: "uraian A", DescriptionLang: "id"}, Section: "2.1", Rows: 2,
		Fields: []DictField{
			{Name: "x", DictText: DictText{Title: "Column X", Description: "meaning of X"}, Type: "string"},
			{Name: "y", DictText: DictText{Title: "Kolom Y", TitleLang: "id"}, Type: "integer", Unit: "orang"},
		},
	}}
	if !reflect.DeepEqual(en, want) {
		t.Errorf("English dictionary\n got %+v\nwant %+v", en, want)
	}
	id := Dictionary(res, "id")
	if id[0].Title != "Tabel A" || id[0].DescriptionLang != "" || id[0].Fields[1].TitleLang != "" || id[0].Fields[0].Description != "arti X" {
		t.Errorf("Indonesian dictionary %+v", id)
	}
}
