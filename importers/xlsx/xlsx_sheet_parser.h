// Copyright 2026 The okrd Authors.
//
// XlsxSheetParser: the XmlHandler for one worksheet part. It streams
// <sheetData> into a RowBuilder and collects merged ranges and formula cells
// without a cached value into SheetDetails. Internal to the XLSX reader;
// exposed for its tests and the xlsx_sheet fuzzer.
//
// Cells:
//   - positions come from `r` when present; a row without `r` follows the
//     previous row, a cell without `r` the previous cell (styled empty cells
//     <c s="3"/> count). Rows and cells must go forward; <dimension> is
//     ignored;
//   - only cached values are read, formulas are never evaluated. A formula
//     cell without <v> passes no cell and is listed in uncached_formulas;
//   - t="n" (or none): a number, or a date/date-time/time when the cell's
//     format is a date format (see cell_values.h; a serial that is no real
//     day, such as Excel's phantom 1900-02-29, stays a number); t="s": the
//     shared string; t="str" and t="inlineStr": the text (rich-text runs
//     concatenated, phonetic runs left out, _xHHHH_ decoded); t="b": kBool
//     with number 1 or 0 and text "TRUE" or "FALSE"; t="e": kError with the
//     literal; t="d": an ISO 8601 date, date-time or time. Numbers keep
//     their <v> text. An empty string is an empty cell.
//
// Errors name the cell ("plan.xlsx:Sheet1!B7: ..."): InvalidArgument for a
// malformed reference, rows or cells going backwards, a cell outside a row,
// a value that does not parse for its type, a shared string index out of
// range, an unknown type; ResourceExhausted for text longer than
// max_cell_bytes and, via RowBuilder, the table limits; plus more merged
// ranges than max_rows or uncached formulas than max_cells.
//
// Threads: thread-compatible.

#ifndef OKR_IMPORTERS_XLSX_XLSX_SHEET_PARSER_H_
#define OKR_IMPORTERS_XLSX_XLSX_SHEET_PARSER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/status.h"
#include "importers/table.h"
#include "importers/xlsx/xlsx_shared_strings.h"
#include "importers/xlsx/xlsx_styles.h"
#include "importers/zip/cell_values.h"
#include "importers/zip/row_builder.h"
#include "importers/zip/sheet_details.h"
#include "importers/zip/xml_stream.h"

namespace okr {

struct XlsxSheetContext {
  const SharedStrings* strings = nullptr;  // Not null; not owned.
  const XlsxStyles* styles = nullptr;      // Not null; not owned.
  DateSystem date_system = DateSystem::k1900;
};

class XlsxSheetParser : public XmlHandler {
 public:
  // `rows` must have had BeginSheet called; `details` receives merges and
  // uncached formulas. Neither is owned.
  XlsxSheetParser(const XlsxSheetContext& context, RowBuilder* rows,
                  SheetDetails* details);

  Status StartElement(const XmlName& name, const XmlAttrs& attrs) override;
  Status EndElement(const XmlName& name) override;
  Status Text(std::string_view text) override;
  std::string Where() const override;
  // Inside <sheetData>: rows and cells take XmlStream's fast path.
  bool WantsFastContent() const override { return sheet_data_depth_ != 0; }

 private:
  enum class ValueType : uint8_t {
    kNumber,
    kShared,
    kFormulaString,
    kInline,
    kBool,
    kError,
    kIsoDate
  };
  enum class Capture : uint8_t { kNone, kValue, kInline };

  Status StartRow(const XmlAttrs& attrs);
  Status StartCell(const XmlAttrs& attrs);
  Status PlaceCell(const std::string_view* ref);
  Status StartInCell(std::string_view local);
  Status EndCell();
  Status AddUncachedFormula();
  Status AddMerge(const XmlAttrs& attrs);
  Status ParseCellType(std::string_view type);
  Status Invalid(std::string_view message) const;
  Status TooLong() const;

  // Fills scratch_ from value_ for the cell's type (empty if no value).
  Status MakeValue();
  Status MakeNumber();
  Status MakeShared();
  Status MakeText();
  Status MakeBool();
  Status MakeError();
  Status MakeIsoDate();

  XlsxSheetContext context_;
  RowBuilder* rows_;
  SheetDetails* details_;
  size_t max_raw_bytes_;  // Cap on captured text before decoding.

  int depth_ = 0;
  int sheet_data_depth_ = 0;  // depth_ of <sheetData>, 0 when outside.
  bool in_row_ = false;
  bool in_cell_ = false;
  int phonetic_depth_ = 0;
  bool in_inline_ = false;
  Capture capture_ = Capture::kNone;

  int64_t row_ = 0;   // Current (or last) row, 1-based; 0 before the first.
  int64_t col_ = -1;  // Current (or last) column in the row, 0-based.
  ValueType type_ = ValueType::kNumber;
  int64_t style_ = 0;
  bool has_value_ = false;
  bool has_formula_ = false;
  std::string value_;  // Text of <v>, or of <is> for inline strings.
  Cell scratch_;       // The cell being made; swapped into the row.
};

}  // namespace okr

#endif  // OKR_IMPORTERS_XLSX_XLSX_SHEET_PARSER_H_
