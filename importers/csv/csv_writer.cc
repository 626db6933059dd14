// Copyright 2026 The okrd Authors.

#include "importers/csv/csv_writer.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>

#include "core/model/text.h"

namespace okr {
namespace {

bool IsFormulaTrigger(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' ||
         c == '\r' || c == '\n' || c == '\'';
}

bool NeedsQuotes(std::string_view field, char delimiter, bool first_field) {
  if (field.find_first_of(std::string{delimiter, '"', '\r', '\n'}) !=
      std::string_view::npos) {
    return true;
  }
  return first_field && StartsWithIgnoreCase(field, "sep=");
}

void AppendField(std::string_view field, char delimiter, bool first_field,
                 std::string* out) {
  if (!NeedsQuotes(field, delimiter, first_field)) {
    out->append(field);
    return;
  }
  *out += '"';
  for (char c : field) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
}

}  // namespace

std::string FormatCsvNumber(double value) {
  assert(std::isfinite(value));
  char buffer[400];
  const double magnitude = std::fabs(value);
  const bool plain = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e15);
  const auto result =
      plain ? std::to_chars(buffer, buffer + sizeof buffer, value,
                            std::chars_format::fixed)
            : std::to_chars(buffer, buffer + sizeof buffer, value);
  assert(result.ec == std::errc());
  return std::string(buffer, result.ptr);
}

std::string CsvFieldText(const Cell& cell, const CsvWriteOptions& options) {
  switch (cell.type) {
    case CellType::kEmpty:
      return "";
    case CellType::kNumber:
      return FormatCsvNumber(cell.number);
    case CellType::kBool:
      return cell.number != 0 ? "TRUE" : "FALSE";
    case CellType::kDateTime: {
      std::string text = cell.text;
      if (text.size() > 10 && text[10] == 'T') text[10] = ' ';
      return text;
    }
    case CellType::kString:
      if (options.neutralise_formulas && !cell.text.empty() &&
          IsFormulaTrigger(cell.text[0])) {
        return "'" + cell.text;
      }
      return cell.text;
    case CellType::kDate:
    case CellType::kTime:
    case CellType::kError:
      return cell.text;
  }
  return cell.text;
}

std::string WriteCsv(std::span<const std::vector<Cell>> rows,
                     const CsvWriteOptions& options) {
  assert(options.delimiter != '"' && options.delimiter != '\r' &&
         options.delimiter != '\n' && options.delimiter != '\0');
  size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row.size());
  std::string out = options.bom ? "\xEF\xBB\xBF" : "";
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < width; ++c) {
      if (c > 0) out += options.delimiter;
      if (c >= rows[r].size()) continue;
      AppendField(CsvFieldText(rows[r][c], options), options.delimiter,
                  r == 0 && c == 0, &out);
    }
    out += "\r\n";
  }
  return out;
}

std::string_view UnneutraliseCsvText(std::string_view text) {
  if (text.size() >= 2 && text[0] == '\'' && IsFormulaTrigger(text[1])) {
    text.remove_prefix(1);
  }
  return text;
}

}  // namespace okr
