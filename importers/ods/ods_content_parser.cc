// Copyright 2026 The okrd Authors.

#include "importers/ods/ods_content_parser.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "importers/zip/cell_values.h"

namespace okr {
namespace {

// Repeat and span counts are clamped here; the limits stop far earlier.
constexpr int64_t kMaxCount = int64_t{1} << 31;
// Positions saturate here, far below int64 overflow.
constexpr int64_t kMaxPosition = int64_t{1} << 40;

// A count attribute: 1 when absent or not a positive integer.
int64_t ParseCount(std::string_view text) {
  if (text.empty() || text.size() > 12) return 1;
  int64_t value = 0;
  const auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) {
    return 1;
  }
  return std::min(value, kMaxCount);
}

int64_t Advance(int64_t position, int64_t count) {
  return std::min(position + count, kMaxPosition);
}

bool IsParagraph(const XmlName& name) {
  return name.Is(XmlNs::kOdfText, "p") || name.Is(XmlNs::kOdfText, "h");
}

bool IsSkipped(const XmlName& name) {
  return name.Is(XmlNs::kOdfOffice, "annotation") ||
         name.ns == XmlNs::kOdfDraw || name.Is(XmlNs::kOdfTable, "table");
}

void SetEmpty(Cell* cell) {
  cell->type = CellType::kEmpty;
  cell->text.clear();
  cell->number = 0;
}

}  // namespace

OdsContentParser::OdsContentParser(RowBuilder* rows, RowSink* sink,
                                   SheetDetailsSink* details)
    : rows_(rows),
      sink_(sink),
      details_sink_(details),
      limits_(rows->limits()) {}

std::string OdsContentParser::Where() const {
  if (table_depth_ == 0) return Location::InFile(rows_->file_name()).ToString();
  return rows_->At(std::min(row_, kMaxPosition), col_).ToString();
}

Status OdsContentParser::Invalid(std::string_view message) const {
  return InvalidArgument(Where() + ": " + std::string(message));
}

Status OdsContentParser::StartElement(const XmlName& name,
                                      const XmlAttrs& attrs) {
  ++depth_;
  if (in_cell_) return StartInCell(name, attrs);
  if (table_depth_ > 0) return StartInTable(name, attrs);
  if (name.Is(XmlNs::kOdfOffice, "spreadsheet")) {
    spreadsheet_depth_ = depth_;
  } else if (spreadsheet_depth_ > 0 && depth_ == spreadsheet_depth_ + 1 &&
             name.Is(XmlNs::kOdfTable, "table")) {
    return BeginTable(attrs);
  } else {
    NoteTableStyle(name, attrs);
  }
  return Status::Ok();
}

Status OdsContentParser::EndElement(const XmlName& name) {
  const int depth = depth_--;
  if (in_cell_) return EndInCell(name, depth);
  if (table_depth_ > 0) {
    if (in_row_ && depth == row_depth_) return EndRow();
    if (depth == table_depth_) return EndTable();
    return Status::Ok();
  }
  if (depth == spreadsheet_depth_) spreadsheet_depth_ = 0;
  if (name.Is(XmlNs::kOdfStyle, "style")) style_name_.clear();
  return Status::Ok();
}

Status OdsContentParser::Text(std::string_view text) {
  if (!in_cell_ || !collect_text_ || skip_depth_ != 0 ||
      paragraph_depth_ == 0) {
    return Status::Ok();
  }
  return AppendText(text);
}

void OdsContentParser::NoteTableStyle(const XmlName& name,
                                      const XmlAttrs& attrs) {
  if (name.Is(XmlNs::kOdfStyle, "style")) {
    style_name_.clear();
    if (attrs.Get(XmlNs::kOdfStyle, "family") == "table") {
      style_name_ = std::string(attrs.Get(XmlNs::kOdfStyle, "name"));
    }
  } else if (name.Is(XmlNs::kOdfStyle, "table-properties") &&
             !style_name_.empty() &&
             attrs.Get(XmlNs::kOdfTable, "display") == "false") {
    hidden_styles_.push_back(style_name_);
  }
}

Status OdsContentParser::BeginTable(const XmlAttrs& attrs) {
  if (sheet_index_ >= limits_.max_sheets) {
    return ResourceExhausted(Where() + ": more than max_sheets (" +
                             std::to_string(limits_.max_sheets) + ") sheets");
  }
  const std::string name(attrs.Get(XmlNs::kOdfTable, "name"));
  const std::string_view style = attrs.Get(XmlNs::kOdfTable, "style-name");
  const bool hidden =
      !style.empty() && std::find(hidden_styles_.begin(), hidden_styles_.end(),
                                  style) != hidden_styles_.end();
  OKR_RETURN_IF_ERROR(sink_->BeginSheet(
      SheetInfo{name, hidden ? "hidden" : "visible", sheet_index_}));
  rows_->BeginSheet(name);
  details_ = SheetDetails();
  table_depth_ = depth_;
  row_ = 1;
  in_row_ = false;
  return Status::Ok();
}

Status OdsContentParser::EndTable() {
  table_depth_ = 0;
  ++sheet_index_;
  if (details_sink_ != nullptr) {
    OKR_RETURN_IF_ERROR(details_sink_->OnSheetDetails(details_));
  }
  return sink_->EndSheet();
}

Status OdsContentParser::StartInTable(const XmlName& name,
                                      const XmlAttrs& attrs) {
  if (name.Is(XmlNs::kOdfTable, "table-row") && !in_row_) {
    BeginRow(attrs);
  } else if (in_row_ && depth_ == row_depth_ + 1 &&
             (name.Is(XmlNs::kOdfTable, "table-cell") ||
              name.Is(XmlNs::kOdfTable, "covered-table-cell"))) {
    return BeginCell(name, attrs);
  }
  return Status::Ok();
}

void OdsContentParser::BeginRow(const XmlAttrs& attrs) {
  row_repeat_ = ParseCount(attrs.Get(XmlNs::kOdfTable, "number-rows-repeated"));
  rows_->StartRow(std::min(row_, kMaxPosition));
  col_ = 0;
  in_row_ = true;
  row_depth_ = depth_;
  row_spans_.clear();
}

Status OdsContentParser::EndRow() {
  in_row_ = false;
  OKR_RETURN_IF_ERROR(rows_->EndRow(row_repeat_));
  // A merge in a repeated row is repeated too, but never below the sheet.
  const int64_t repeats =
      std::min(row_repeat_, std::max<int64_t>(kMaxSheetRows - row_ + 1, 0));
  for (const Span& span : row_spans_) {
    for (int64_t r = 0; r < repeats; ++r) {
      OKR_RETURN_IF_ERROR(AddMerge(row_ + r, span.col, span.rows, span.cols));
    }
  }
  row_ = Advance(row_, row_repeat_);
  return Status::Ok();
}

Status OdsContentParser::AddMerge(int64_t row, int64_t col, int64_t rows,
                                  int64_t cols) {
  if (row > kMaxSheetRows || col >= kMaxSheetColumns) return Status::Ok();
  if (static_cast<int64_t>(details_.merged.size()) >= limits_.max_rows) {
    return rows_->At(row, col).Error(StatusCode::kResourceExhausted,
                                     "more than max_rows (" +
                                         std::to_string(limits_.max_rows) +
                                         ") merged ranges");
  }
  const int64_t last_row = std::min(row + rows - 1, kMaxSheetRows);
  const int64_t last_col =
      std::min<int64_t>(col + cols - 1, kMaxSheetColumns - 1);
  details_.merged.push_back(CellRange{{row, static_cast<int>(col)},
                                      {last_row, static_cast<int>(last_col)}});
  return Status::Ok();
}

Status OdsContentParser::BeginCell(const XmlName& name, const XmlAttrs& attrs) {
  col_repeat_ =
      ParseCount(attrs.Get(XmlNs::kOdfTable, "number-columns-repeated"));
  in_cell_ = true;
  cell_depth_ = depth_;
  covered_ = name.local == "covered-table-cell";
  collect_text_ = false;
  text_is_error_ = false;
  uncached_formula_ = false;
  skip_depth_ = 0;
  paragraph_depth_ = 0;
  paragraphs_ = 0;
  text_.clear();
  SetEmpty(&scratch_);
  if (covered_) return Status::Ok();
  NoteSpan(attrs);
  if (attrs.Find(XmlNs::kOdfTable, "formula") != nullptr &&
      attrs.Get(XmlNs::kOdfOffice, "value-type").empty()) {
    uncached_formula_ = true;
    return Status::Ok();
  }
  return ValueFromAttributes(attrs);
}

// A merge anchored here; recorded for the first of repeated cells only.
void OdsContentParser::NoteSpan(const XmlAttrs& attrs) {
  const int64_t cols =
      ParseCount(attrs.Get(XmlNs::kOdfTable, "number-columns-spanned"));
  const int64_t rows =
      ParseCount(attrs.Get(XmlNs::kOdfTable, "number-rows-spanned"));
  if ((cols > 1 || rows > 1) &&
      static_cast<int64_t>(row_spans_.size()) < limits_.max_rows) {
    row_spans_.push_back(Span{col_, rows, cols});
  }
}

Status OdsContentParser::ValueFromAttributes(const XmlAttrs& attrs) {
  const std::string_view type = attrs.Get(XmlNs::kOdfOffice, "value-type");
  if (attrs.Get(XmlNs::kOdfCalcExt, "value-type") == "error") {
    collect_text_ = true;
    text_is_error_ = true;
    return Status::Ok();
  }
  if (type == "float" || type == "percentage" || type == "currency") {
    return NumberValue(attrs.Get(XmlNs::kOdfOffice, "value"));
  }
  if (type == "date")
    return DateValue(attrs.Get(XmlNs::kOdfOffice, "date-value"));
  if (type == "time")
    return TimeValue(attrs.Get(XmlNs::kOdfOffice, "time-value"));
  if (type == "boolean") {
    return BoolValue(attrs.Get(XmlNs::kOdfOffice, "boolean-value"));
  }
  if (const std::string_view* text =
          attrs.Find(XmlNs::kOdfOffice, "string-value")) {
    if (!text->empty()) scratch_.type = CellType::kString;
    scratch_.text.assign(*text);
    return Status::Ok();
  }
  collect_text_ = true;  // A string, or a type we do not know: the text.
  return Status::Ok();
}

Status OdsContentParser::NumberValue(std::string_view value) {
  const std::optional<double> number = ParseXmlNumber(value);
  if (!number) {
    return Invalid("value " + QuotedExcerpt(value) + " is not a number");
  }
  scratch_.type = CellType::kNumber;
  scratch_.number = *number;
  scratch_.text.assign(value);
  return Status::Ok();
}

Status OdsContentParser::DateValue(std::string_view value) {
  if (IsoToDateCell(value, &scratch_)) return Status::Ok();
  return Invalid("date " + QuotedExcerpt(value) + " is not an ISO 8601 date");
}

Status OdsContentParser::TimeValue(std::string_view value) {
  if (DurationToCell(value, &scratch_)) return Status::Ok();
  return Invalid("time " + QuotedExcerpt(value) +
                 " is not an ISO 8601 duration");
}

Status OdsContentParser::BoolValue(std::string_view value) {
  const bool is_true = value == "true" || value == "1";
  if (!is_true && value != "false" && value != "0") {
    return Invalid("boolean " + QuotedExcerpt(value) + " is not true or false");
  }
  scratch_.type = CellType::kBool;
  scratch_.number = is_true ? 1 : 0;
  scratch_.text = is_true ? "TRUE" : "FALSE";
  return Status::Ok();
}

Status OdsContentParser::StartInCell(const XmlName& name,
                                     const XmlAttrs& attrs) {
  if (covered_ || !collect_text_ || skip_depth_ != 0) return Status::Ok();
  if (IsSkipped(name)) {
    skip_depth_ = depth_;
  } else if (IsParagraph(name)) {
    if (paragraph_depth_++ == 0 && paragraphs_++ > 0) return AppendText("\n");
  } else if (paragraph_depth_ == 0) {
    return Status::Ok();
  } else if (name.Is(XmlNs::kOdfText, "s")) {
    const int64_t count = ParseCount(attrs.Get(XmlNs::kOdfText, "c"));
    if (static_cast<int64_t>(text_.size()) + count > limits_.max_cell_bytes) {
      return TooLong();
    }
    text_.append(static_cast<size_t>(count), ' ');
  } else if (name.Is(XmlNs::kOdfText, "tab")) {
    return AppendText("\t");
  } else if (name.Is(XmlNs::kOdfText, "line-break")) {
    return AppendText("\n");
  }
  return Status::Ok();
}

Status OdsContentParser::EndInCell(const XmlName& name, int depth) {
  if (depth == cell_depth_) return EndCell();
  if (skip_depth_ != 0) {
    if (depth == skip_depth_) skip_depth_ = 0;
  } else if (IsParagraph(name) && paragraph_depth_ > 0) {
    --paragraph_depth_;
  }
  return Status::Ok();
}

Status OdsContentParser::AppendText(std::string_view text) {
  if (static_cast<int64_t>(text_.size() + text.size()) >
      limits_.max_cell_bytes) {
    return TooLong();
  }
  text_.append(text);
  return Status::Ok();
}

Status OdsContentParser::TooLong() const {
  return ResourceExhausted(Where() +
                           ": cell text is longer than max_cell_bytes (" +
                           std::to_string(limits_.max_cell_bytes) + ")");
}

Status OdsContentParser::AddUncachedFormula(int64_t col) {
  if (row_ > kMaxSheetRows || col >= kMaxSheetColumns) return Status::Ok();
  if (static_cast<int64_t>(details_.uncached_formulas.size()) >=
      limits_.max_cells) {
    return ResourceExhausted(Where() + ": more than max_cells (" +
                             std::to_string(limits_.max_cells) +
                             ") formulas without a cached value");
  }
  details_.uncached_formulas.push_back(
      CellPosition{row_, static_cast<int>(col)});
  return Status::Ok();
}

Status OdsContentParser::EndCell() {
  in_cell_ = false;
  const int64_t col = col_;
  const int64_t repeat = col_repeat_;
  col_ = Advance(col_, repeat);
  if (covered_) return Status::Ok();
  if (uncached_formula_) return AddUncachedFormula(col);
  if (collect_text_ && !text_.empty()) {
    scratch_.type = text_is_error_ ? CellType::kError : CellType::kString;
    std::swap(scratch_.text, text_);
  }
  if (scratch_.empty()) return Status::Ok();
  for (int64_t k = 0; k + 1 < repeat; ++k) {
    OKR_RETURN_IF_ERROR(rows_->PutCopy(col + k, scratch_));
  }
  return rows_->Put(col + repeat - 1, &scratch_);
}

}  // namespace okr
