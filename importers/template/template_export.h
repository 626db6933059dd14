// Copyright 2026 The okrd Authors.
//
// Export in the okrd template (template.h, TEMPLATE.md): the organisation as
// the five template sheets, and those sheets as CSV files or one XLSX
// workbook. WorkbookMapper reads them back to the same data:
//   - XLSX: all five sheets; export -> import gives the same Organisation
//     (numbers survive with 16 significant digits, as libxlsxwriter writes
//     them; check-in ids are not exported and come back as 0);
//   - CSV: the OKRs sheet is the file ("plan.csv"); the other sheets can be
//     written beside it as companions ("plan.people.csv", "plan.units.csv",
//     "plan.cycles.csv", "plan.check-ins.csv"), which the importer reads as
//     those sheets when they are fed to the same WorkbookMapper. The OKRs
//     file alone carries all objective and key-result data (keys, links,
//     values, owners by e-mail, units and cycles by key and name);
//     export -> import -> export of it is byte-identical.
//
// Every OKRs row is self-contained: the objective's fields are repeated on
// each of its key-result rows; an objective without key results has a row
// of its own. Numbers are number cells, dates date cells, check-in times
// date-time cells (UTC), keys are in the ID columns, links use links.h.
//
// Pure functions except the file writers; thread-safe.

#ifndef OKR_IMPORTERS_TEMPLATE_TEMPLATE_EXPORT_H_
#define OKR_IMPORTERS_TEMPLATE_TEMPLATE_EXPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/base/status.h"
#include "core/model/organisation.h"
#include "importers/table.h"
#include "importers/template/template.h"

namespace okr {

struct ExportSheet {
  TemplateSheet kind = TemplateSheet::kOkrs;
  std::string name;                     // CanonicalSheetName(kind).
  std::vector<std::vector<Cell>> rows;  // Row 0 is the header row.
};

// The five sheets in template order (OKRs, People, Units, Cycles,
// Check-ins). With a non-empty `cycle_filter`, only that cycle, its
// objectives, their key results and their check-ins are exported; People
// and Units are always complete.
std::vector<ExportSheet> BuildTemplateSheets(const Organisation& org,
                                             const std::string& cycle_filter);

// The file name of a sheet exported beside the CSV file `okrs_file_name`:
// the OKRs sheet is that file; "dir/plan.csv" + People ->
// "dir/plan.people.csv" (Check-ins: "plan.check-ins.csv").
std::string CsvCompanionFileName(std::string_view okrs_file_name,
                                 TemplateSheet kind);

// One sheet as CSV text (CsvWriteOptions defaults: ',', BOM, CRLF).
std::string TemplateSheetCsv(const ExportSheet& sheet);

// All sheets as one XLSX workbook, with the template's column widths, a
// bold and frozen header row, and date formats.
Status WriteTemplateXlsxFile(const std::vector<ExportSheet>& sheets,
                             const std::string& path);
Result<std::string> TemplateXlsxBytes(const std::vector<ExportSheet>& sheets);

}  // namespace okr

#endif  // OKR_IMPORTERS_TEMPLATE_TEMPLATE_EXPORT_H_
