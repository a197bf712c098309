package opendata

import "github.com/sakip-terbuka/lakip/generator/report"

// WorkbookMediaType is the media type of an .xlsx workbook.
const WorkbookMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// AddWorkbook lists the report's workbook (generator/workbook) in a data
// package made by DataPackage. The workbook is not one table, so it is a
// plain data resource, and the package becomes a "data-package": the
// Tabular Data Package profile admits only tabular resources.
func AddWorkbook(pkg map[string]any, r *report.Report) {
	res, _ := pkg["resources"].([]any)
	pkg["resources"] = append(res, map[string]any{
		"name": "buku-kerja", "path": r.WorkbookFile(), "profile": "data-resource", "format": "xlsx", "mediatype": WorkbookMediaType,
		"title":       "Seluruh laporan sebagai buku kerja Excel",
		"description": "Satu lembar per tabel dengan judul kolom seperti tercetak, kunci kolom di baris tersembunyi, angka sebagai teks persis seperti tercetak, dan lembar Petunjuk. Dapat diubah lalu diimpor kembali (go run ./generator import-xlsx).",
	})
	pkg["profile"] = "data-package"
}
