package opendata

import (
	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/report"
)

// WorkbookMediaType is the media type of an .xlsx workbook.
const WorkbookMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// AddWorkbook lists the report's workbook (generator/workbook) in a data
// package made by DataPackage, its title and description in every
// language of locs as DataPackage writes them. The workbook is not one
// table, so it is a plain data resource, and the package becomes a
// "data-package": the Tabular Data Package profile admits only tabular
// resources.
func AddWorkbook(pkg map[string]any, r *report.Report, locs []*locale.Locale) {
	def, others := splitLocales(locs)
	res, _ := pkg["resources"].([]any)
	wb := map[string]any{
		"name": "buku-kerja", "path": r.WorkbookFile(), "profile": "data-resource", "format": "xlsx", "mediatype": WorkbookMediaType,
		"title":       def.T("data_r_workbook"),
		"description": def.T("data_r_workbook_desc"),
	}
	if tr := translations(others, func(l *locale.Locale) map[string]any {
		return textMap(l.T("data_r_workbook"), l.T("data_r_workbook_desc"))
	}); tr != nil {
		wb["translations"] = tr
	}
	pkg["resources"] = append(res, wb)
	pkg["profile"] = "data-package"
}
