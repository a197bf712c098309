package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestZipAndLicense: datapackage.json names the licence of config.toml,
// the Data terbuka page states it and links the report's ZIP, and the ZIP
// holds every file the package lists, the package itself, laporan.json and
// the source document, each byte for byte as published.
func TestZipAndLicense(t *testing.T) {
	out := builtSite(t)
	dir := filepath.Join(out, base, "data")
	b, err := os.ReadFile(filepath.Join(dir, "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct {
		Licenses  []struct{ Name, Title, Path string }
		Resources []struct{ Name, Path string }
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	if len(pkg.Licenses) != 1 || pkg.Licenses[0].Name != "CC-BY-4.0" || !strings.HasPrefix(pkg.Licenses[0].Path, "https://creativecommons.org/") {
		t.Errorf("licenses %+v", pkg.Licenses)
	}
	page := readPage(t, out, base+"data-terbuka/index.html")
	if !strings.Contains(page, `rel="license"`) || !strings.Contains(page, "dinas-sosial-sidoarjo-2021.zip") {
		t.Error("Data terbuka states no licence or links no ZIP")
	}
	zb, err := os.ReadFile(filepath.Join(dir, "dinas-sosial-sidoarjo-2021.zip"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(zb), int64(len(zb)))
	if err != nil {
		t.Fatal(err)
	}
	inZip := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		inZip[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	want := []string{"datapackage.json", "laporan.json", "sumber/laporan-kinerja-2021.txt"}
	for _, r := range pkg.Resources {
		want = append(want, r.Path)
		if strings.HasSuffix(r.Path, ".csv") {
			want = append(want, strings.TrimSuffix(r.Path, ".csv")+".json")
		}
	}
	if !slices.Contains(want, "dinas-sosial-sidoarjo-2021.xlsx") {
		t.Error("datapackage.json does not list the workbook")
	}
	for _, name := range want {
		got, ok := inZip[name]
		if !ok {
			t.Errorf("the ZIP lacks %s", name)
			continue
		}
		published := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasPrefix(name, "sumber/") {
			published = filepath.Join(out, base, filepath.FromSlash(name))
		}
		if pb, err := os.ReadFile(published); err != nil || !bytes.Equal(pb, got) {
			t.Errorf("%s in the ZIP differs from the published file (%v)", name, err)
		}
	}
	if len(inZip) != len(want) {
		t.Errorf("the ZIP holds %d files, the package lists %d", len(inZip), len(want))
	}
}
