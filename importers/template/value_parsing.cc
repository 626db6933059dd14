// Copyright 2026 The okrd Authors.
//
// Numbers and units. Dates, words and quarters are in value_words.cc.

#include "importers/template/value_parsing.h"

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "core/model/text.h"
#include "importers/csv/csv_writer.h"
#include "importers/template/template.h"

namespace okr {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

Status NotANumber(std::string_view text, std::string_view why = "") {
  std::string message = "\"" + std::string(text) + "\" is not a number";
  if (!why.empty()) message += " (" + std::string(why) + ")";
  return InvalidArgument(std::move(message));
}

struct Currency {
  std::string_view sign;
  std::string_view code;
};

// Longest signs first so that "US$" wins over "$".
constexpr std::array<Currency, 8> kCurrencies = {{
    {"US$", "USD"},
    {"R$", "BRL"},
    {"\xE2\x82\xAC", "EUR"},  // €
    {"\xE2\x82\xB9", "INR"},  // ₹
    {"$", "USD"},
    {"\xC2\xA3", "GBP"},      // £
    {"\xC2\xA5", "JPY"},      // ¥
    {"\xEF\xBF\xA5", "JPY"},  // ￥
}};

bool IsUpperCode(std::string_view word) {
  if (word.size() != 3) return false;
  for (char c : word) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// A currency sign or ISO code at the start of `text`: sets *unit and
// consumes it (and the spaces after it).
bool TakeCurrencyPrefix(std::string_view* text, std::string* unit) {
  for (const Currency& currency : kCurrencies) {
    if (text->substr(0, currency.sign.size()) == currency.sign) {
      *unit = currency.code;
      text->remove_prefix(currency.sign.size());
      *text = TrimSpaces(*text);
      return true;
    }
  }
  if (text->size() > 3 && IsUpperCode(text->substr(0, 3)) &&
      !((*text)[3] >= 'A' && (*text)[3] <= 'Z') &&
      !((*text)[3] >= 'a' && (*text)[3] <= 'z')) {
    *unit = text->substr(0, 3);
    text->remove_prefix(3);
    *text = TrimSpaces(*text);
    return true;
  }
  return false;
}

// The unit written after a number: "%", a currency sign, "percent", or a
// word without digits ("days", "NPS", "EUR"). Empty `suffix` gives "".
Result<std::string> SuffixUnit(std::string_view suffix, std::string_view all) {
  suffix = TrimSpaces(suffix);
  if (suffix.empty()) return std::string();
  for (const Currency& currency : kCurrencies) {
    if (suffix == currency.sign) return std::string(currency.code);
  }
  const std::string lower = AsciiLower(suffix);
  if (suffix == "%" || lower == "percent" || lower == "pct" ||
      lower == "per cent") {
    return std::string("%");
  }
  const auto first = static_cast<unsigned char>(suffix[0]);
  const bool letter = (first >= 'a' && first <= 'z') ||
                      (first >= 'A' && first <= 'Z') || first >= 0x80;
  if (!letter) return NotANumber(all);
  for (char c : suffix) {
    if (IsDigit(c)) return NotANumber(all);
  }
  return std::string(suffix);
}

// Multipliers written right after the digits: k/K, M, bn/B.
double TakeMultiplier(std::string_view* rest) {
  std::string_view r = TrimSpaces(*rest);
  auto take = [&](std::string_view word, double factor) -> double {
    if (r.substr(0, word.size()) != word) return 0;
    const std::string_view after = r.substr(word.size());
    if (!after.empty() && ((after[0] >= 'a' && after[0] <= 'z') ||
                           (after[0] >= 'A' && after[0] <= 'Z'))) {
      return 0;  // Part of a longer word ("km", "Mbps").
    }
    *rest = after;
    return factor;
  };
  for (auto [word, factor] : {std::pair<std::string_view, double>{"bn", 1e9},
                              {"BN", 1e9},
                              {"B", 1e9},
                              {"k", 1e3},
                              {"K", 1e3},
                              {"M", 1e6}}) {
    if (double f = take(word, factor)) return f;
  }
  return 1;
}

bool IsGroupSpace(std::string_view text, size_t i, size_t* length) {
  if (text[i] == '\'') {
    *length = 1;
    return true;
  }
  *length = SpaceLengthAt(text.substr(i));
  return *length > 0 && text[i] != '\n' && text[i] != '\t';
}

// Splits "1.234,5" into groups and separators; no validation yet.
struct Scan {
  std::vector<std::string> groups;  // Digit runs.
  std::vector<char> separators;     // '.', ',' or ' ' between runs.
  size_t end = 0;
};

Scan ScanDigits(std::string_view text) {
  Scan scan;
  size_t i = 0;
  std::string run;
  while (i < text.size()) {
    const char c = text[i];
    if (IsDigit(c)) {
      run += c;
      ++i;
      continue;
    }
    size_t space = 0;
    const bool sep = c == '.' || c == ',' || IsGroupSpace(text, i, &space);
    const size_t len = (c == '.' || c == ',') ? 1 : space;
    if (!sep || run.empty() || i + len >= text.size() ||
        !IsDigit(text[i + len])) {
      break;
    }
    scan.groups.push_back(run);
    scan.separators.push_back(c == '.' || c == ',' ? c : ' ');
    run.clear();
    i += len;
  }
  scan.groups.push_back(run);
  scan.end = i;
  return scan;
}

// Groups after the first must be exactly three digits, the first 1 to 3.
bool ValidGrouping(const std::vector<std::string>& groups, size_t count) {
  if (groups[0].empty() || groups[0].size() > 3) return false;
  for (size_t g = 1; g < count; ++g) {
    if (groups[g].size() != 3) return false;
  }
  return true;
}

// The separator that is the decimal point in `scan`, or 0 when none is.
Result<char> DecimalSeparator(const Scan& scan, bool decimal_comma,
                              std::string_view all) {
  if (scan.separators.empty()) return '\0';
  const char last = scan.separators.back();
  bool mixed = false;
  int count_last = 0;
  for (char s : scan.separators) {
    if (s == last) ++count_last;
    if (s != last && s != ' ') mixed = true;
  }
  if (last == ' ') return '\0';
  if (mixed) {
    if (count_last > 1) return NotANumber(all);
    return last;
  }
  const char configured = decimal_comma ? ',' : '.';
  if (count_last == 1 && last == configured) return last;
  if (ValidGrouping(scan.groups, scan.groups.size())) return '\0';
  return NotANumber(all, decimal_comma ? "the decimal separator is ','"
                                       : "the decimal separator is '.'");
}

// Digits of the scan as "1234.5", checking the grouping before the decimal.
Result<std::string> JoinDigits(const Scan& scan, char decimal,
                               std::string_view all) {
  const size_t int_groups =
      decimal == '\0' ? scan.groups.size() : scan.groups.size() - 1;
  if (int_groups > 1 && !ValidGrouping(scan.groups, int_groups)) {
    return NotANumber(all, "digits are grouped in threes");
  }
  std::string digits;
  for (size_t g = 0; g < int_groups; ++g) digits += scan.groups[g];
  if (decimal != '\0') digits += "." + scan.groups.back();
  return digits;
}

// An exponent such as "e+21" at the start of `rest`; consumed when present.
std::string TakeExponent(std::string_view* rest) {
  const std::string_view r = *rest;
  if (r.size() < 2 || (r[0] != 'e' && r[0] != 'E')) return "";
  size_t i = 1;
  if (r[i] == '+' || r[i] == '-') ++i;
  const size_t digits_start = i;
  while (i < r.size() && IsDigit(r[i])) ++i;
  if (i == digits_start) return "";
  rest->remove_prefix(i);
  return "e" + std::string(r.substr(1, i - 1));
}

// A leading sign: '-', '+' or U+2212. Returns true for negative.
bool TakeSign(std::string_view* text) {
  if (text->empty()) return false;
  if ((*text)[0] == '-' || (*text)[0] == '+') {
    const bool negative = (*text)[0] == '-';
    text->remove_prefix(1);
    *text = TrimSpaces(*text);
    return negative;
  }
  if (text->substr(0, 3) == "\xE2\x88\x92") {
    text->remove_prefix(3);
    *text = TrimSpaces(*text);
    return true;
  }
  return false;
}

Result<double> ToDouble(const std::string& canonical, std::string_view all) {
  double value = 0;
  const char* end = canonical.data() + canonical.size();
  const auto result = std::from_chars(canonical.data(), end, value);
  if (result.ec != std::errc() || result.ptr != end || !std::isfinite(value)) {
    return NotANumber(all);
  }
  return value;
}

std::optional<double> ConfidenceWord(std::string_view text) {
  const std::string word = NormaliseHeader(text);
  for (auto [name, value] :
       {std::pair<std::string_view, double>{"ontrack", 0.8},
        {"green", 0.8},
        {"high", 0.8},
        {"atrisk", 0.5},
        {"amber", 0.5},
        {"yellow", 0.5},
        {"medium", 0.5},
        {"offtrack", 0.2},
        {"red", 0.2},
        {"low", 0.2}}) {
    if (word == name) return value;
  }
  return std::nullopt;
}

// "(1,234)" is an accountant's -1234.
bool TakeParentheses(std::string_view* text) {
  if (text->size() < 3 || text->front() != '(' || text->back() != ')') {
    return false;
  }
  *text = TrimSpaces(text->substr(1, text->size() - 2));
  return true;
}

}  // namespace

std::string CellDisplayText(const Cell& cell) {
  switch (cell.type) {
    case CellType::kNumber:
      return std::isfinite(cell.number) ? FormatCsvNumber(cell.number)
                                        : cell.text;
    case CellType::kBool:
      return cell.number != 0 ? "TRUE" : "FALSE";
    default:
      return cell.text;
  }
}

bool IsBlankCell(const Cell& cell) {
  return cell.type == CellType::kEmpty ||
         (cell.type == CellType::kString && TrimSpaces(cell.text).empty());
}

Result<ParsedNumber> ParseNumberText(std::string_view all, bool decimal_comma) {
  std::string_view text = TrimSpaces(all);
  const bool parenthesised = TakeParentheses(&text);
  std::string unit;
  bool negative = TakeSign(&text);
  if (TakeCurrencyPrefix(&text, &unit)) negative = TakeSign(&text) || negative;
  if (text.empty() || !IsDigit(text[0])) return NotANumber(all);
  const Scan scan = ScanDigits(text);
  OKR_ASSIGN_OR_RETURN(const char decimal,
                       DecimalSeparator(scan, decimal_comma, all));
  OKR_ASSIGN_OR_RETURN(std::string digits, JoinDigits(scan, decimal, all));
  std::string_view rest = text.substr(scan.end);
  digits += TakeExponent(&rest);
  const double factor = TakeMultiplier(&rest);
  OKR_ASSIGN_OR_RETURN(std::string suffix_unit, SuffixUnit(rest, all));
  if (!suffix_unit.empty() && !unit.empty() && suffix_unit != unit) {
    return NotANumber(all, "two units");
  }
  if (!suffix_unit.empty()) unit = std::move(suffix_unit);
  if (factor != 1) digits += factor == 1e3 ? "e3" : factor == 1e6 ? "e6" : "e9";
  if (digits.find('e') != digits.rfind('e')) return NotANumber(all);
  OKR_ASSIGN_OR_RETURN(double value, ToDouble(digits, all));
  if (negative != parenthesised) value = -value;
  return ParsedNumber{value, std::move(unit)};
}

Result<ParsedNumber> ParseNumberCell(const Cell& cell, bool decimal_comma) {
  switch (cell.type) {
    case CellType::kNumber:
    case CellType::kBool:
      if (!std::isfinite(cell.number)) return NotANumber(cell.text);
      return ParsedNumber{cell.number, ""};
    case CellType::kString:
      return ParseNumberText(cell.text, decimal_comma);
    default:
      return NotANumber(CellDisplayText(cell));
  }
}

Result<double> ParseConfidenceCell(const Cell& cell, bool decimal_comma) {
  const std::string shown = CellDisplayText(cell);
  auto bad = [&]() {
    return InvalidArgument("\"" + shown +
                           "\" is not a confidence (0..1, 0..10, a percent "
                           "or on track / at risk / off track)");
  };
  if (cell.type == CellType::kString) {
    if (auto word = ConfidenceWord(cell.text)) return *word;
    const std::string_view text = TrimSpaces(cell.text);
    const size_t slash = text.find('/');
    if (slash != std::string_view::npos) {
      auto top = ParseNumberText(text.substr(0, slash), decimal_comma);
      auto bottom = ParseNumberText(text.substr(slash + 1), decimal_comma);
      if (!top.ok() || !bottom.ok() || bottom->value <= 0 ||
          !top->unit.empty() || !bottom->unit.empty() || top->value < 0 ||
          top->value > bottom->value) {
        return bad();
      }
      return top->value / bottom->value;
    }
  }
  if (cell.type == CellType::kBool) return bad();
  auto number = ParseNumberCell(cell, decimal_comma);
  if (!number.ok()) return bad();
  const double v = number->value;
  if (number->unit == "%") {
    if (v < 0 || v > 100) return bad();
    return v / 100;
  }
  if (!number->unit.empty() || v < 0 || v > 100) return bad();
  if (v <= 1) return v;
  return v <= 10 ? v / 10 : v / 100;
}

Result<double> ParseScoreCell(const Cell& cell, bool decimal_comma) {
  const std::string shown = CellDisplayText(cell);
  if (cell.type == CellType::kBool) {
    return InvalidArgument("\"" + shown + "\" is not a score between 0 and 1");
  }
  auto number = ParseNumberCell(cell, decimal_comma);
  if (number.ok()) {
    const bool percent = number->unit == "%";
    const double v = percent ? number->value / 100 : number->value;
    if ((percent || number->unit.empty()) && v >= 0 && v <= 1) return v;
  }
  return InvalidArgument("\"" + shown + "\" is not a score between 0 and 1");
}

}  // namespace okr
