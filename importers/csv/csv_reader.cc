// Copyright 2026 The okrd Authors.

#include "importers/csv/csv_reader.h"

#include <algorithm>
#include <cassert>
#include <climits>
#include <vector>

#include "importers/csv/csv_sniffer.h"
#include "importers/csv/csv_tokenizer.h"
#include "importers/csv/text_position.h"
#include "importers/deadline.h"

namespace okr {
namespace {

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsAsciiAlnum(char c) {
  const char lower = AsciiLower(c);
  return (lower >= 'a' && lower <= 'z') || (c >= '0' && c <= '9');
}

bool EndsWithIgnoreCase(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  const std::string_view tail = text.substr(text.size() - suffix.size());
  return std::equal(tail.begin(), tail.end(), suffix.begin(),
                    [](char a, char b) { return AsciiLower(a) == b; });
}

std::string CellName(int64_t record, int64_t index) {
  return CellRef(record,
                 static_cast<int>(std::min<int64_t>(index, INT_MAX - 1)));
}

// An Excel "sep=X" first line.
struct SepLine {
  bool found = false;
  char delimiter = ',';
  size_t length = 0;  // Including its line break.
  RecordSeparator end = RecordSeparator::kNone;
};

bool IsSepDelimiter(char c) {
  return c == '\t' || (c > ' ' && c < 0x7F && c != '"' && !IsAsciiAlnum(c));
}

SepLine ParseSepLine(std::string_view text) {
  constexpr std::string_view kSep = "sep=";
  if (text.size() < kSep.size() + 1) return {};
  for (size_t i = 0; i < kSep.size(); ++i) {
    if (AsciiLower(text[i]) != kSep[i]) return {};
  }
  const char delimiter = text[kSep.size()];
  if (!IsSepDelimiter(delimiter)) return {};
  const size_t base = kSep.size() + 1;
  const std::string_view rest = text.substr(base);
  if (rest.empty()) return {true, delimiter, base, RecordSeparator::kNone};
  if (rest.starts_with("\r\n")) {
    return {true, delimiter, base + 2, RecordSeparator::kCrLf};
  }
  if (rest[0] == '\n') return {true, delimiter, base + 1, RecordSeparator::kLf};
  if (rest[0] == '\r') return {true, delimiter, base + 1, RecordSeparator::kCr};
  return {};
}

bool IsUsableDelimiter(char c) {
  return c != '"' && c != '\r' && c != '\n' && c != '\0' &&
         static_cast<unsigned char>(c) < 0x80;
}

Status CheckInput(std::string_view bytes, const CsvOptions& options,
                  const Limits& limits) {
  if (static_cast<int64_t>(bytes.size()) > limits.max_input_bytes) {
    return Location::InFile(options.file_name)
        .Error(StatusCode::kResourceExhausted,
               "input of " + std::to_string(bytes.size()) +
                   " bytes is larger than max_input_bytes (" +
                   std::to_string(limits.max_input_bytes) + ")");
  }
  if (options.delimiter && !IsUsableDelimiter(*options.delimiter)) {
    return Location::InFile(options.file_name)
        .Error(StatusCode::kInvalidArgument,
               "the delimiter must be an ASCII character other than a "
               "quote, CR, LF or NUL");
  }
  return Status::Ok();
}

Status CheckNoNul(std::string_view text, std::string_view file) {
  const size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return Status::Ok();
  const TextPos pos = PositionAt(text, nul);
  return Location::InText(file, pos.line, pos.column)
      .Error(StatusCode::kInvalidArgument,
             "NUL character in the text (UTF-16 without a byte order mark "
             "looks like this)");
}

void ChooseDelimiter(std::string_view text, const CsvOptions& options,
                     const SepLine& sep, TextEncoding encoding, CsvInfo* info) {
  if (options.delimiter) {
    info->delimiter = *options.delimiter;
    info->delimiter_source = DelimiterSource::kOption;
    return;
  }
  if (sep.found) {
    info->delimiter = sep.delimiter;
    info->delimiter_source = DelimiterSource::kSepLine;
    return;
  }
  const bool tab_text = encoding == TextEncoding::kUtf16Le ||
                        encoding == TextEncoding::kUtf16Be ||
                        EndsWithIgnoreCase(options.file_name, ".tsv") ||
                        EndsWithIgnoreCase(options.file_name, ".tab");
  const char preferred = tab_text ? '\t' : ',';
  const std::optional<char> sniffed = SniffDelimiter(text, preferred);
  info->delimiter = sniffed.value_or(preferred);
  info->delimiter_source =
      sniffed ? DelimiterSource::kSniffed : DelimiterSource::kDefault;
}

void CountLineEnd(RecordSeparator separator, CsvInfo* info) {
  if (separator == RecordSeparator::kCrLf) ++info->crlf_count;
  if (separator == RecordSeparator::kLf) ++info->lf_count;
  if (separator == RecordSeparator::kCr) ++info->cr_count;
}

RecordSeparator MostFrequent(const CsvInfo& info) {
  const int64_t most =
      std::max({info.crlf_count, info.lf_count, info.cr_count});
  if (most == 0) return RecordSeparator::kNone;
  if (info.crlf_count == most) return RecordSeparator::kCrLf;
  if (info.lf_count == most) return RecordSeparator::kLf;
  return RecordSeparator::kCr;
}

// Turns the tokenizer's fields into rows for the sink and applies the limits.
class RecordReader {
 public:
  RecordReader(std::string_view text, TextPos start, const CsvOptions& options,
               const Limits& limits, const ImportDeadline& deadline,
               RowSink* sink, CsvInfo* info)
      : tokenizer_(text, {.delimiter = info->delimiter,
                          .max_cell_bytes = limits.max_cell_bytes,
                          .file_name = options.file_name,
                          .start = start}),
        options_(options),
        limits_(limits),
        deadline_(deadline),
        sink_(sink),
        info_(info) {}

  Status Run(const std::string& sheet_name);

 private:
  Status ReadRecords();
  Status AddField(const CsvField& field);
  Status EndRecord(const CsvField& field);
  Status Exhausted(TextPos at, const std::string& message) const {
    return Location::InText(options_.file_name, at.line, at.column)
        .Error(StatusCode::kResourceExhausted, message);
  }

  CsvTokenizer tokenizer_;
  const CsvOptions& options_;
  const Limits& limits_;
  const ImportDeadline& deadline_;
  RowSink* sink_;
  CsvInfo* info_;
  std::vector<Cell> cells_;  // The current record's cells so far.
  TextPos record_start_;
  int64_t cells_total_ = 0;
  int64_t fields_total_ = 0;  // For asking the deadline now and then.
};

Status RecordReader::Run(const std::string& sheet_name) {
  OKR_RETURN_IF_ERROR(sink_->BeginSheet(SheetInfo{sheet_name, "visible", 0}));
  const Status status = ReadRecords();
  const LineEndCounts& ends = tokenizer_.line_ends();
  info_->crlf_count += ends.crlf;
  info_->lf_count += ends.lf;
  info_->cr_count += ends.cr;
  info_->record_separator = MostFrequent(*info_);
  OKR_RETURN_IF_ERROR(status);
  return sink_->EndSheet();
}

Status RecordReader::ReadRecords() {
  CsvField field;
  while (!tokenizer_.Done()) {
    OKR_RETURN_IF_ERROR(tokenizer_.Next(&field));
    if ((fields_total_++ & 4095) == 0) {
      if (deadline_.Passed()) return Exhausted(field.start, deadline_.Message());
      sink_->Progress(static_cast<int64_t>(tokenizer_.position()),
                      static_cast<int64_t>(tokenizer_.size()));
    }
    OKR_RETURN_IF_ERROR(AddField(field));
    if (field.ends_record()) OKR_RETURN_IF_ERROR(EndRecord(field));
  }
  return Status::Ok();
}

Status RecordReader::AddField(const CsvField& field) {
  if (field.index == 0) record_start_ = field.start;
  if (field.text.empty()) return Status::Ok();
  if (field.index >= limits_.max_columns) {
    return Exhausted(field.start,
                     "cell " + CellName(field.record, field.index) +
                         " beyond max_columns (" +
                         std::to_string(limits_.max_columns) + ")");
  }
  if (++cells_total_ > limits_.max_cells) {
    return Exhausted(field.start, "more than max_cells (" +
                                      std::to_string(limits_.max_cells) +
                                      ") non-empty cells");
  }
  cells_.resize(static_cast<size_t>(field.index));
  cells_.push_back(Cell::String(std::string(field.text)));
  return Status::Ok();
}

Status RecordReader::EndRecord(const CsvField& field) {
  ++info_->records;
  info_->ends_with_newline = field.end == FieldEnd::kNewline;
  if (cells_.empty()) return Status::Ok();
  if (info_->rows >= limits_.max_rows) {
    return Exhausted(
        record_start_,
        "more than max_rows (" + std::to_string(limits_.max_rows) + ") rows");
  }
  ++info_->rows;
  const Status status = sink_->Row(field.record, cells_);
  cells_.clear();
  return status;
}

}  // namespace

std::string_view RecordSeparatorName(RecordSeparator separator) {
  switch (separator) {
    case RecordSeparator::kNone:
      return "";
    case RecordSeparator::kCrLf:
      return "CRLF";
    case RecordSeparator::kLf:
      return "LF";
    case RecordSeparator::kCr:
      return "CR";
  }
  return "";
}

std::string CsvSheetName(std::string_view file_name) {
  const size_t slash = file_name.find_last_of("/\\");
  std::string_view base =
      slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
  const size_t dot = base.rfind('.');
  if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  return base.empty() ? std::string("Sheet1") : std::string(base);
}

Status ReadCsv(std::string_view bytes, const CsvOptions& options,
               const Limits& limits, RowSink* sink, CsvInfo* info) {
  assert(sink != nullptr);
  CsvInfo local;
  CsvInfo* out = info != nullptr ? info : &local;
  *out = CsvInfo{};
  const ImportDeadline deadline(limits);
  OKR_RETURN_IF_ERROR(CheckInput(bytes, options, limits));
  OKR_ASSIGN_OR_RETURN(const DecodedText decoded,
                       DecodeText(bytes, options.file_name));
  out->encoding = decoded.encoding;
  out->bom = decoded.bom;
  out->ascii_only = decoded.ascii_only;
  const std::string_view text = decoded.text();
  OKR_RETURN_IF_ERROR(CheckNoNul(text, options.file_name));
  const SepLine sep = ParseSepLine(text);
  const std::string_view body = text.substr(sep.length);
  ChooseDelimiter(body, options, sep, decoded.encoding, out);
  CountLineEnd(sep.end, out);
  out->ends_with_newline = sep.end != RecordSeparator::kNone;
  const TextPos start = PositionAt(text, sep.length);
  RecordReader reader(body, start, options, limits, deadline, sink, out);
  return reader.Run(options.sheet_name.empty() ? CsvSheetName(options.file_name)
                                               : options.sheet_name);
}

}  // namespace okr
