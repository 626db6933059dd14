// Copyright 2026 The okrd Authors.
//
// OdsContentParser: the XmlHandler for an ODS content.xml. It finds the
// sheets (table:table under office:spreadsheet) and streams each one to a
// RowSink through a RowBuilder, calling BeginSheet, the optional details
// sink and EndSheet itself. Internal to the ODS reader; exposed for its
// tests and the ods_content fuzzer.
//
// Sheets: name from table:name; state "hidden" when the table's automatic
// style says table:display="false", else "visible".
// Rows: table:table-row at any depth inside the table (header rows, row
// groups). Cells: table:table-cell and table:covered-table-cell (always
// empty: what hides under a merge is not read). Repeats are never expanded
// into padding: an empty repeated row or cell only moves the position; a
// non-empty one is passed once per repetition, so the table limits bound
// the work (a cell repeated a billion times stops at max_columns).
// Values come from the attributes, as cached values (formulas are never
// evaluated): float, percentage and currency -> kNumber (text: the
// office:value as written); date -> kDate or kDateTime; time -> kTime, or
// kNumber of days from 24 hours on; boolean -> kBool (1/0, "TRUE"/"FALSE");
// LibreOffice's calcext:value-type="error" -> kError with the shown text;
// string (and any other or no type) -> office:string-value if present,
// else the text: paragraphs (text:p, text:h) joined with "\n", text:s as
// its text:c spaces, text:tab, text:line-break, spans and links kept,
// annotations and drawings left out. A formula (table:formula) without a
// value type is listed in the details as having no cached value.
// Merges: number-columns-spanned / number-rows-spanned on a cell.
//
// Errors name the cell: InvalidArgument for a value that does not parse
// for its type; ResourceExhausted for max_sheets, max_cell_bytes and,
// through RowBuilder, the table limits; more merged ranges than max_rows
// or uncached formulas than max_cells (sheet_details.h); a non-OK Status
// from the sinks, unchanged. Merges repeated with their row stop at the
// sheet's last row.
//
// Threads: thread-compatible.

#ifndef OKR_IMPORTERS_ODS_ODS_CONTENT_PARSER_H_
#define OKR_IMPORTERS_ODS_ODS_CONTENT_PARSER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/status.h"
#include "importers/table.h"
#include "importers/zip/row_builder.h"
#include "importers/zip/sheet_details.h"
#include "importers/zip/xml_stream.h"

namespace okr {

class OdsContentParser : public XmlHandler {
 public:
  // None of the pointers is owned; `details` may be null.
  OdsContentParser(RowBuilder* rows, RowSink* sink, SheetDetailsSink* details);

  Status StartElement(const XmlName& name, const XmlAttrs& attrs) override;
  Status EndElement(const XmlName& name) override;
  Status Text(std::string_view text) override;
  std::string Where() const override;
  // Inside office:spreadsheet: tables take XmlStream's fast path.
  bool WantsFastContent() const override { return spreadsheet_depth_ != 0; }

  int sheets_read() const { return sheet_index_; }

 private:
  Status StartInTable(const XmlName& name, const XmlAttrs& attrs);
  Status StartInCell(const XmlName& name, const XmlAttrs& attrs);
  Status EndInCell(const XmlName& name, int depth);
  void NoteTableStyle(const XmlName& name, const XmlAttrs& attrs);
  Status BeginTable(const XmlAttrs& attrs);
  Status EndTable();
  void BeginRow(const XmlAttrs& attrs);
  Status EndRow();
  Status BeginCell(const XmlName& name, const XmlAttrs& attrs);
  void NoteSpan(const XmlAttrs& attrs);
  Status ValueFromAttributes(const XmlAttrs& attrs);
  Status NumberValue(std::string_view value);
  Status DateValue(std::string_view value);
  Status TimeValue(std::string_view value);
  Status BoolValue(std::string_view value);
  Status EndCell();
  Status AddUncachedFormula(int64_t col);
  Status TooLong() const;
  Status AddMerge(int64_t row, int64_t col, int64_t rows, int64_t cols);
  Status AppendText(std::string_view text);
  Status Invalid(std::string_view message) const;

  RowBuilder* rows_;
  RowSink* sink_;
  SheetDetailsSink* details_sink_;
  const Limits& limits_;

  std::vector<std::string> hidden_styles_;  // Table styles with display=false.
  std::string style_name_;  // The table style being read, if any.

  int depth_ = 0;
  int spreadsheet_depth_ = 0;  // depth_ of office:spreadsheet, or 0.
  int table_depth_ = 0;        // depth_ of the current table:table, or 0.
  int sheet_index_ = 0;
  SheetDetails details_;

  // The current row.
  bool in_row_ = false;
  int row_depth_ = 0;
  int64_t row_ = 1;  // 1-based index of the current/next row.
  int64_t row_repeat_ = 1;
  int64_t col_ = 0;  // 0-based index of the current/next cell.
  struct Span {
    int64_t col, rows, cols;
  };
  std::vector<Span> row_spans_;

  // The current cell.
  bool in_cell_ = false;
  int cell_depth_ = 0;
  bool covered_ = false;
  int64_t col_repeat_ = 1;
  bool collect_text_ = false;  // The value is the cell's text.
  bool text_is_error_ = false;
  bool uncached_formula_ = false;
  int skip_depth_ = 0;       // Inside an annotation or drawing, or 0.
  int paragraph_depth_ = 0;  // Inside text:p/text:h when > 0.
  int paragraphs_ = 0;
  std::string text_;
  Cell scratch_;
};

}  // namespace okr

#endif  // OKR_IMPORTERS_ODS_ODS_CONTENT_PARSER_H_
