// Copyright 2026 The okrd Authors.

#include "importers/xlsx/xlsx_sheet_parser.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace okr {
namespace {

bool IsXmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && IsXmlSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsXmlSpace(text.back())) text.remove_suffix(1);
  return text;
}

// A non-negative decimal integer of at most 10 digits, nothing else.
std::optional<int64_t> ParseIndex(std::string_view text) {
  text = Trimmed(text);
  if (text.empty() || text.size() > 10) return std::nullopt;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// ParseCellRef's rules (columns A..XFD in either case, rows 1..9999999
// without a leading zero) in one pass: this runs once per cell.
std::optional<CellPosition> ParseRef(std::string_view ref) {
  size_t i = 0;
  int col = 0;  // Bijective base 26: A = 1.
  for (; i < ref.size() && i < 4; ++i) {
    const char lower = static_cast<char>(ref[i] | 0x20);
    if (lower < 'a' || lower > 'z') break;
    col = col * 26 + (lower - 'a' + 1);
  }
  const std::string_view digits = ref.substr(i);
  if (i == 0 || i > 3 || col > kMaxSheetColumns || digits.empty() ||
      digits.size() > 7 || digits[0] == '0') {
    return std::nullopt;
  }
  int64_t row = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    row = row * 10 + (c - '0');
  }
  return CellPosition{row, col - 1};
}

// The value of the unprefixed attribute named `letter`, or null.
const std::string_view* OneLetterAttr(const XmlAttrs& attrs, char letter) {
  for (const XmlAttr& attr : attrs.all()) {
    if (attr.ns == XmlNs::kNone && attr.local.size() == 1 &&
        attr.local[0] == letter) {
      return &attr.value;
    }
  }
  return nullptr;
}

bool IsSml(const XmlName& name) {
  return name.ns == XmlNs::kSpreadsheetMl || name.ns == XmlNs::kNone;
}

void SetEmpty(Cell* cell) {
  cell->type = CellType::kEmpty;
  cell->text.clear();
  cell->number = 0;
}

}  // namespace

XlsxSheetParser::XlsxSheetParser(const XlsxSheetContext& context,
                                 RowBuilder* rows, SheetDetails* details)
    : context_(context),
      rows_(rows),
      details_(details),
      max_raw_bytes_(static_cast<size_t>(rows->limits().max_cell_bytes) * 7 +
                     64) {}

std::string XlsxSheetParser::Where() const {
  return rows_->At(std::max<int64_t>(row_, 1), std::max<int64_t>(col_, 0))
      .ToString();
}

Status XlsxSheetParser::Invalid(std::string_view message) const {
  return InvalidArgument(Where() + ": " + std::string(message));
}

Status XlsxSheetParser::TooLong() const {
  return ResourceExhausted(
      Where() + ": cell text is longer than max_cell_bytes (" +
      std::to_string(rows_->limits().max_cell_bytes) + ")");
}

Status XlsxSheetParser::StartElement(const XmlName& name,
                                     const XmlAttrs& attrs) {
  ++depth_;
  if (!IsSml(name)) return Status::Ok();
  if (sheet_data_depth_ == 0) {
    if (name.local == "sheetData") sheet_data_depth_ = depth_;
    if (name.local == "mergeCell") return AddMerge(attrs);
    return Status::Ok();
  }
  if (in_cell_) return StartInCell(name.local);
  if (name.local == "row" && depth_ == sheet_data_depth_ + 1) {
    return StartRow(attrs);
  }
  if (name.local == "c") return StartCell(attrs);
  return Status::Ok();
}

Status XlsxSheetParser::EndElement(const XmlName& name) {
  const int depth = depth_--;
  if (!IsSml(name) || sheet_data_depth_ == 0) return Status::Ok();
  if (in_cell_) {
    if (name.local == "v" || name.local == "t") capture_ = Capture::kNone;
    if (name.local == "is") in_inline_ = false;
    if (name.local == "rPh") --phonetic_depth_;
    if (name.local == "c" && depth == sheet_data_depth_ + 2) return EndCell();
    return Status::Ok();
  }
  if (name.local == "row" && depth == sheet_data_depth_ + 1) {
    in_row_ = false;
    return rows_->EndRow();
  }
  if (depth == sheet_data_depth_) sheet_data_depth_ = 0;
  return Status::Ok();
}

Status XlsxSheetParser::Text(std::string_view text) {
  if (capture_ == Capture::kNone) return Status::Ok();
  if (value_.size() + text.size() > max_raw_bytes_) return TooLong();
  value_.append(text);
  return Status::Ok();
}

Status XlsxSheetParser::StartRow(const XmlAttrs& attrs) {
  int64_t row = row_ + 1;
  if (const std::string_view* r = OneLetterAttr(attrs, 'r')) {
    const std::optional<int64_t> parsed = ParseIndex(*r);
    if (!parsed || *parsed < 1) {
      return Invalid("row number " + QuotedExcerpt(*r) + " is not valid");
    }
    row = *parsed;
  }
  if (row <= row_) {
    return Invalid("row " + std::to_string(row) + " comes after row " +
                   std::to_string(row_));
  }
  row_ = row;
  col_ = -1;
  in_row_ = true;
  rows_->StartRow(row);
  return Status::Ok();
}

Status XlsxSheetParser::StartCell(const XmlAttrs& attrs) {
  if (!in_row_) return Invalid("a cell outside a row");
  const std::string_view* ref = nullptr;
  std::string_view style, type;
  for (const XmlAttr& attr : attrs.all()) {  // One pass over r, s and t.
    if (attr.ns != XmlNs::kNone || attr.local.size() != 1) continue;
    if (attr.local[0] == 'r') ref = &attr.value;
    if (attr.local[0] == 's') style = attr.value;
    if (attr.local[0] == 't') type = attr.value;
  }
  OKR_RETURN_IF_ERROR(PlaceCell(ref));
  OKR_RETURN_IF_ERROR(ParseCellType(type));
  style_ = style.empty() ? 0 : ParseIndex(style).value_or(0);
  has_value_ = false;
  has_formula_ = false;
  value_.clear();
  in_inline_ = false;
  phonetic_depth_ = 0;
  capture_ = Capture::kNone;
  in_cell_ = true;
  return Status::Ok();
}

// Sets col_ from `ref` (or the previous cell when null).
Status XlsxSheetParser::PlaceCell(const std::string_view* ref) {
  int64_t col = col_ + 1;
  if (ref != nullptr) {
    const std::optional<CellPosition> pos = ParseRef(*ref);
    if (!pos) {
      return Invalid("cell reference " + QuotedExcerpt(*ref) + " is not valid");
    }
    if (pos->row != row_) {
      return Invalid("cell " + std::string(*ref) + " is not in row " +
                     std::to_string(row_));
    }
    col = pos->col0;
  }
  if (col <= col_) {
    return Invalid("cell " + CellRef(row_, static_cast<int>(col)) +
                   " comes after " + CellRef(row_, static_cast<int>(col_)));
  }
  col_ = col;
  return Status::Ok();
}

Status XlsxSheetParser::ParseCellType(std::string_view type) {
  if (type.empty() || type == "n") {
    type_ = ValueType::kNumber;
  } else if (type == "s") {
    type_ = ValueType::kShared;
  } else if (type == "str") {
    type_ = ValueType::kFormulaString;
  } else if (type == "inlineStr") {
    type_ = ValueType::kInline;
  } else if (type == "b") {
    type_ = ValueType::kBool;
  } else if (type == "e") {
    type_ = ValueType::kError;
  } else if (type == "d") {
    type_ = ValueType::kIsoDate;
  } else {
    return Invalid("unknown cell type t=" + QuotedExcerpt(type));
  }
  return Status::Ok();
}

Status XlsxSheetParser::StartInCell(std::string_view local) {
  const bool inline_type = type_ == ValueType::kInline;
  if (local == "v" && !inline_type) {
    capture_ = Capture::kValue;
    has_value_ = true;
    value_.clear();
  } else if (local == "f") {
    has_formula_ = true;
  } else if (local == "is" && inline_type) {
    in_inline_ = true;
    has_value_ = true;
  } else if (local == "rPh") {
    ++phonetic_depth_;
  } else if (local == "t" && in_inline_ && phonetic_depth_ == 0) {
    capture_ = Capture::kInline;
  }
  return Status::Ok();
}

Status XlsxSheetParser::EndCell() {
  in_cell_ = false;
  capture_ = Capture::kNone;
  if (!has_value_) return has_formula_ ? AddUncachedFormula() : Status::Ok();
  OKR_RETURN_IF_ERROR(MakeValue());
  if (scratch_.empty()) return Status::Ok();
  return rows_->Put(col_, &scratch_);
}

Status XlsxSheetParser::AddUncachedFormula() {
  if (static_cast<int64_t>(details_->uncached_formulas.size()) >=
      rows_->limits().max_cells) {
    return ResourceExhausted(Where() + ": more than max_cells (" +
                             std::to_string(rows_->limits().max_cells) +
                             ") formulas without a cached value");
  }
  details_->uncached_formulas.push_back(
      CellPosition{row_, static_cast<int>(col_)});
  return Status::Ok();
}

Status XlsxSheetParser::MakeValue() {
  switch (type_) {
    case ValueType::kNumber:
      return MakeNumber();
    case ValueType::kShared:
      return MakeShared();
    case ValueType::kFormulaString:
    case ValueType::kInline:
      return MakeText();
    case ValueType::kBool:
      return MakeBool();
    case ValueType::kError:
      return MakeError();
    case ValueType::kIsoDate:
      return MakeIsoDate();
  }
  return Status::Ok();
}

Status XlsxSheetParser::MakeNumber() {
  const std::string_view text = Trimmed(value_);
  SetEmpty(&scratch_);
  if (text.empty()) return Status::Ok();
  const std::optional<double> number = ParseXmlNumber(text);
  if (!number)
    return Invalid("value " + QuotedExcerpt(text) + " is not a number");
  if (context_.styles->KindOf(style_) == NumFmtKind::kDate &&
      SerialToDateCell(*number, context_.date_system, &scratch_)) {
    return Status::Ok();
  }
  scratch_.type = CellType::kNumber;
  scratch_.number = *number;
  scratch_.text.assign(text);
  return Status::Ok();
}

Status XlsxSheetParser::MakeShared() {
  SetEmpty(&scratch_);
  const std::optional<int64_t> index = ParseIndex(value_);
  const size_t count = context_.strings->size();
  if (!index || static_cast<uint64_t>(*index) >= count) {
    return Invalid("shared string index " + QuotedExcerpt(Trimmed(value_)) +
                   " is out of range (there are " + std::to_string(count) +
                   ")");
  }
  const std::string_view text =
      context_.strings->Get(static_cast<size_t>(*index));
  if (text.empty()) return Status::Ok();
  scratch_.type = CellType::kString;
  scratch_.text.assign(text);
  return Status::Ok();
}

Status XlsxSheetParser::MakeText() {
  SetEmpty(&scratch_);
  if (!DecodeXstringEscapes(&value_, 0)) {
    return Invalid("an _xHHHH_ escape gives NUL or an unpaired surrogate");
  }
  if (value_.empty()) return Status::Ok();
  scratch_.type = CellType::kString;
  std::swap(scratch_.text, value_);
  return Status::Ok();
}

Status XlsxSheetParser::MakeBool() {
  const std::string_view text = Trimmed(value_);
  SetEmpty(&scratch_);
  if (text.empty()) return Status::Ok();
  const bool is_true = text == "1" || text == "true";
  if (!is_true && text != "0" && text != "false") {
    return Invalid("value " + QuotedExcerpt(text) + " is not a boolean");
  }
  scratch_.type = CellType::kBool;
  scratch_.number = is_true ? 1 : 0;
  scratch_.text = is_true ? "TRUE" : "FALSE";
  return Status::Ok();
}

Status XlsxSheetParser::MakeError() {
  const std::string_view text = Trimmed(value_);
  SetEmpty(&scratch_);
  if (text.empty()) return Status::Ok();
  scratch_.type = CellType::kError;
  scratch_.text.assign(text);
  return Status::Ok();
}

Status XlsxSheetParser::MakeIsoDate() {
  const std::string_view text = Trimmed(value_);
  SetEmpty(&scratch_);
  if (text.empty()) return Status::Ok();
  if (!IsoToDateCell(text, &scratch_)) {
    return Invalid("value " + QuotedExcerpt(text) + " is not an ISO 8601 date");
  }
  return Status::Ok();
}

Status XlsxSheetParser::AddMerge(const XmlAttrs& attrs) {
  const std::string_view ref = attrs.Get(XmlNs::kNone, "ref");
  const std::optional<CellRange> range = ParseRangeRef(ref);
  if (!range)
    return Invalid("merged range " + QuotedExcerpt(ref) + " is not valid");
  if (static_cast<int64_t>(details_->merged.size()) >=
      rows_->limits().max_rows) {
    return ResourceExhausted(Where() + ": more than max_rows (" +
                             std::to_string(rows_->limits().max_rows) +
                             ") merged ranges");
  }
  details_->merged.push_back(*range);
  return Status::Ok();
}

}  // namespace okr
