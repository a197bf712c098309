package tomldata

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestKeyIndex: key paths follow TOML across headers, dotted keys, inline
// tables and arrays; positions are counted by hand from the document.
func TestKeyIndex(t *testing.T) {
	doc := "[a]\n" + // 1
		"x.y = 1\n" + // 2
		"[[a.b]]\n" + // 3
		"c = { d = 1, e.f = [1, {g = 2}] }\n" + // 4
		"[[a.b]]\n" + // 5
		"[a.b.h]\n" + // 6: the last element of a.b so far
		"[[a.b.i]]\n" + // 7
		"[[a.b]]\n" + // 8
		"[[a.b.i]]\n" + // 9: a new a.b element starts i again
		"\"q.r\" = 1\n" + // 10
		"[ a . 'z' ]\n" + // 11
		"\tk = [\n" + // 12
		"\t  [1, 2],\n" + // 13
		"\t  \"s\",\n" + // 14
		"\t]\n" // 15
	ix := indexKeys([]byte(doc))
	for path, want := range map[string]string{
		"a":                   "1:2",
		"a.x":                 "2:1",
		"a.x.y":               "2:1",
		"a.b":                 "3:3", // first mention
		"a.b[0]":              "3:3",
		"a.b[0].c":            "4:1",
		"a.b[0].c.d":          "4:7",
		"a.b[0].c.e":          "4:14",
		"a.b[0].c.e.f":        "4:14",
		"a.b[0].c.e.f[0]":     "4:21",
		"a.b[0].c.e.f[1]":     "4:24",
		"a.b[0].c.e.f[1].g":   "4:25",
		"a.b[1]":              "5:3",
		"a.b[1].h":            "6:2",
		"a.b[1].i[0]":         "7:3",
		"a.b[2]":              "8:3",
		"a.b[2].i[0]":         "9:3",
		`a.b[2].i[0]."q.r"`:   "10:1",
		"a.z":                 "11:3",
		"a.z.k":               "12:2",
		"a.z.k[0]":            "12:2", // a nested array has no position of its own
		"a.z.k[1]":            "14:4",
		"a.b[2].i[0].missing": "9:3", // a key left out: the header of its table
		"a.b[1].h.missing":    "6:2",
		"a.b[0].c.missing":    "4:1",
		"a.x.y.z":             "2:1",
	} {
		s, ok := ix.locate(path)
		if !ok {
			t.Errorf("%s: not found", path)
			continue
		}
		starts := lineStarts([]byte(doc))
		line := 0
		for line < len(starts) && starts[line] <= s.off {
			line++
		}
		if got := fmt.Sprintf("%d:%d", line, s.off-starts[line-1]+1); got != want {
			t.Errorf("%s at %s, want %s", path, got, want)
		}
	}
	if _, ok := ix.locate("b"); ok {
		t.Error("a key that is not in the document was found")
	}
}

// TestKeyIndexLineEnds: a BOM and Windows line ends do not shift lines.
func TestKeyIndexLineEnds(t *testing.T) {
	data := []byte("\xef\xbb\xbf[a]\r\nk = 1\r\n[[b]]\r\n")
	ix := indexKeys(data)
	// BOM, "[a]", CRLF, then "k = 1", CRLF and "[["
	for path, want := range map[string]int{"a.k": 3 + 3 + 2, "b[0]": 3 + 3 + 2 + 7 + 2} {
		if s, ok := ix.locate(path); !ok || s.off != want {
			t.Errorf("%s at offset %d, want %d", path, s.off, want)
		}
	}
}

// TestKeyIndexCoversSeed: every table, key and array element of every file
// of the bundled data, as toml.Decode reads it, has its own place in the
// index, and a key's place is the key itself.
func TestKeyIndexCoversSeed(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "data", "*", "*", "*.toml"))
	agencies, _ := filepath.Glob(filepath.Join("..", "..", "data", "*", "instansi.toml"))
	files = append(files, agencies...)
	if len(files) < 5 {
		t.Fatalf("only %d seed files", len(files))
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var tree map[string]any
		if _, err := toml.Decode(string(data), &tree); err != nil {
			t.Fatal(err)
		}
		ix := indexKeys(data)
		n := 0
		var walk func(path string, v any)
		check := func(path, key string) {
			n++
			s, ok := ix.at[path]
			if !ok {
				t.Errorf("%s: %s not indexed", file, path)
				return
			}
			if key != "" && !strings.HasSuffix(string(data[s.off:s.off+s.n]), key) {
				t.Errorf("%s: %s at %q", file, path, data[s.off:s.off+s.n])
			}
		}
		walk = func(path string, v any) {
			switch v := v.(type) {
			case map[string]any:
				for k, e := range v {
					p := join(path, keyName(k))
					check(p, k)
					walk(p, e)
				}
			case []map[string]any:
				for i, e := range v {
					p := fmt.Sprintf("%s[%d]", path, i)
					check(p, "")
					walk(p, e)
				}
			case []any:
				for i, e := range v {
					p := fmt.Sprintf("%s[%d]", path, i)
					if _, nested := e.([]any); !nested {
						check(p, "")
					}
					walk(p, e)
				}
			}
		}
		walk("", tree)
		t.Logf("%s: %d paths", file, n)
	}
}
