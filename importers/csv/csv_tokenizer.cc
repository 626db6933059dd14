// Copyright 2026 The okrd Authors.

#include "importers/csv/csv_tokenizer.h"

#include <algorithm>
#include <cassert>
#include <climits>

#include "importers/table.h"

namespace okr {
namespace {

bool IsLineBreak(char c) { return c == '\r' || c == '\n'; }

std::string FieldCell(const CsvField& field) {
  const int64_t col0 = std::min<int64_t>(field.index, INT_MAX - 1);
  return CellRef(field.record, static_cast<int>(col0));
}

}  // namespace

CsvTokenizer::CsvTokenizer(std::string_view text,
                           const CsvTokenizerOptions& options)
    : text_(text), options_(options), tracker_(options.start) {
  assert(options.delimiter != '"' && !IsLineBreak(options.delimiter));
  assert(options.max_cell_bytes >= 0);
}

Status CsvTokenizer::Next(CsvField* field) {
  assert(!Done());
  field->start = tracker_.pos();
  field->record = record_;
  field->index = index_;
  buffer_.clear();
  const bool quoted = !AtEnd() && text_[pos_] == '"';
  OKR_RETURN_IF_ERROR(quoted ? ReadQuoted(*field) : ReadUnquoted(*field));
  FinishField(field);
  return Status::Ok();
}

void CsvTokenizer::Consume(size_t n) {
  assert(n <= text_.size() - pos_);
  tracker_.Advance(text_.substr(pos_, n));
  pos_ += n;
}

Status CsvTokenizer::Append(std::string_view piece, const CsvField& field) {
  const auto room = static_cast<uint64_t>(options_.max_cell_bytes);
  if (piece.size() > room || buffer_.size() > room - piece.size()) {
    return TooLong(field);
  }
  buffer_.append(piece);
  return Status::Ok();
}

// Reads up to the next delimiter or line break, appending it all.
Status CsvTokenizer::ReadUnquoted(const CsvField& field) {
  const char stops[] = {options_.delimiter, '\r', '\n'};
  size_t end = text_.find_first_of(std::string_view(stops, 3), pos_);
  if (end == std::string_view::npos) end = text_.size();
  OKR_RETURN_IF_ERROR(Append(text_.substr(pos_, end - pos_), field));
  Consume(end - pos_);
  return Status::Ok();
}

Status CsvTokenizer::ReadQuoted(const CsvField& field) {
  Consume(1);  // The opening quote.
  while (true) {
    const size_t stop = text_.find_first_of("\"\r", pos_);
    if (stop == std::string_view::npos) return Unterminated(field);
    OKR_RETURN_IF_ERROR(Append(text_.substr(pos_, stop - pos_), field));
    Consume(stop - pos_);
    if (text_[pos_] == '\r') {  // CRLF inside quotes becomes LF.
      const bool crlf = pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n';
      OKR_RETURN_IF_ERROR(Append(crlf ? "\n" : "\r", field));
      Consume(crlf ? 2 : 1);
    } else if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
      OKR_RETURN_IF_ERROR(Append("\"", field));
      Consume(2);
    } else {
      Consume(1);  // The closing quote; keep any text after it.
      return ReadUnquoted(field);
    }
  }
}

void CsvTokenizer::FinishField(CsvField* field) {
  field->text = buffer_;
  if (AtEnd()) {
    field->end = FieldEnd::kEndOfText;
  } else if (text_[pos_] == options_.delimiter) {
    Consume(1);
    field->end = FieldEnd::kDelimiter;
    ++index_;
    at_record_start_ = false;
    return;
  } else {
    ConsumeLineEnd();
    field->end = FieldEnd::kNewline;
  }
  ++record_;
  index_ = 0;
  at_record_start_ = true;
}

void CsvTokenizer::ConsumeLineEnd() {
  assert(IsLineBreak(text_[pos_]));
  if (text_[pos_] == '\n') {
    ++line_ends_.lf;
    Consume(1);
  } else if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
    ++line_ends_.crlf;
    Consume(2);
  } else {
    ++line_ends_.cr;
    Consume(1);
  }
}

Status CsvTokenizer::TooLong(const CsvField& field) const {
  return Location::InText(options_.file_name, field.start.line,
                          field.start.column)
      .Error(StatusCode::kResourceExhausted,
             "cell " + FieldCell(field) + " longer than max_cell_bytes (" +
                 std::to_string(options_.max_cell_bytes) + ")");
}

Status CsvTokenizer::Unterminated(const CsvField& field) const {
  return Location::InText(options_.file_name, field.start.line,
                          field.start.column)
      .Error(StatusCode::kInvalidArgument, "the quote that opens cell " +
                                               FieldCell(field) +
                                               " here is never closed");
}

}  // namespace okr
