// Copyright 2026 The okrd Authors.

#include "importers/table.h"

#include <algorithm>
#include <cassert>

namespace okr {
namespace {

bool IsAsciiLetter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Excel leaves a sheet name unquoted in references when it is a plain word.
bool NeedsQuotes(std::string_view sheet) {
  if (sheet.empty()) return true;
  return std::any_of(sheet.begin(), sheet.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 && !IsAsciiLetter(c) && !IsAsciiDigit(c) && c != '_' &&
           c != '.';
  });
}

std::string QuotedSheet(std::string_view sheet) {
  if (!NeedsQuotes(sheet)) return std::string(sheet);
  std::string out = "'";
  for (char c : sheet) {
    out += c;
    if (c == '\'') out += '\'';
  }
  out += '\'';
  return out;
}

std::string FileOrPlaceholder(std::string_view file) {
  return file.empty() ? std::string("<input>") : std::string(file);
}

// Column letters to a 0-based index; -1 when not A..XFD.
int ParseColumn(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return -1;
  int number = 0;  // Bijective base 26: A = 1.
  for (char c : letters) {
    const char upper = (c >= 'a') ? static_cast<char>(c - 'a' + 'A') : c;
    number = number * 26 + (upper - 'A' + 1);
  }
  return number <= kMaxSheetColumns ? number - 1 : -1;
}

// Row digits to a number; -1 when empty, too long or with a leading zero.
int64_t ParseRow(std::string_view digits) {
  if (digits.empty() || digits.size() > 7 || digits[0] == '0') return -1;
  int64_t row = 0;
  for (char c : digits) {
    if (!IsAsciiDigit(c)) return -1;
    row = row * 10 + (c - '0');
  }
  return row;
}

}  // namespace

RowSink::~RowSink() = default;

void RowSink::Progress(int64_t, int64_t) {}

std::string_view CellTypeName(CellType type) {
  switch (type) {
    case CellType::kEmpty:
      return "empty";
    case CellType::kString:
      return "string";
    case CellType::kNumber:
      return "number";
    case CellType::kBool:
      return "bool";
    case CellType::kDate:
      return "date";
    case CellType::kTime:
      return "time";
    case CellType::kDateTime:
      return "datetime";
    case CellType::kError:
      return "error";
  }
  return "unknown";
}

std::string ColumnName(int col0) {
  assert(col0 >= 0);
  std::string reversed;
  int64_t n = static_cast<int64_t>(col0) + 1;
  while (n > 0) {
    const int64_t digit = (n - 1) % 26;
    reversed += static_cast<char>('A' + digit);
    n = (n - 1) / 26;
  }
  return std::string(reversed.rbegin(), reversed.rend());
}

std::string CellRef(int64_t row, int col0) {
  assert(row >= 1);
  return ColumnName(col0) + std::to_string(row);
}

std::optional<CellPosition> ParseCellRef(std::string_view ref) {
  size_t split = 0;
  while (split < ref.size() && IsAsciiLetter(ref[split])) ++split;
  const int col0 = ParseColumn(ref.substr(0, split));
  const int64_t row = ParseRow(ref.substr(split));
  if (col0 < 0 || row < 0) return std::nullopt;
  return CellPosition{row, col0};
}

Location Location::InSheet(std::string_view file, std::string_view sheet,
                           int64_t row, int col0) {
  return Location(FileOrPlaceholder(file) + ":" + QuotedSheet(sheet) + "!" +
                  CellRef(row, col0));
}

Location Location::InText(std::string_view file, int64_t line, int64_t column) {
  return Location(FileOrPlaceholder(file) + ":" + std::to_string(line) + ":" +
                  std::to_string(column));
}

Location Location::InFile(std::string_view file) {
  return Location(FileOrPlaceholder(file));
}

std::string Location::Format(std::string_view message) const {
  std::string out = text_;
  out += ": ";
  out += message;
  return out;
}

}  // namespace okr
