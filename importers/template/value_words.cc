// Copyright 2026 The okrd Authors.
//
// The word-like values of value_parsing.h: yes/no, dates, kinds, levels,
// commitment, quarters.

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "core/model/text.h"
#include "importers/template/template.h"
#include "importers/template/value_parsing.h"

namespace okr {
namespace {

// True if `word` is one of the '|'-separated `words`.
bool OneOf(std::string_view word, std::string_view words) {
  while (!words.empty()) {
    const size_t bar = words.find('|');
    if (words.substr(0, bar) == word) return true;
    if (bar == std::string_view::npos) break;
    words.remove_prefix(bar + 1);
  }
  return false;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

Status NotADate(std::string_view text, std::string_view why = "") {
  std::string message = "\"" + std::string(text) + "\" is not a date";
  if (!why.empty()) message += " (" + std::string(why) + ")";
  return InvalidArgument(std::move(message));
}

struct DateToken {
  bool numeric = false;
  std::string text;
};

// Splits "31 Mar, 2027" into runs of digits and runs of letters; separators
// are spaces and / . - ,. nullopt on any other character.
std::optional<std::vector<DateToken>> TokeniseDate(std::string_view text) {
  std::vector<DateToken> tokens;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == ' ' || c == '/' || c == '.' || c == '-' || c == ',') {
      ++i;
      continue;
    }
    if (!IsDigit(c) && !IsLetter(c)) return std::nullopt;
    DateToken token{IsDigit(c), ""};
    while (i < text.size() &&
           (token.numeric ? IsDigit(text[i]) : IsLetter(text[i]))) {
      token.text += text[i++];
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

int ToInt(const std::string& digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// 1..12 for an English month name or its first three letters ("sept" too).
int MonthNumber(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string lower = AsciiLower(word);
  if (lower.size() < 3) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (lower == kMonths[m] || lower == kMonths[m].substr(0, 3) ||
        (m == 8 && lower == "sept")) {
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

// A year token: four digits, or two meaning 20YY. -1 otherwise.
int YearOf(const std::string& digits) {
  if (digits.size() == 4) return ToInt(digits);
  if (digits.size() == 2) return 2000 + ToInt(digits);
  return -1;
}

Result<Date> MakeDate(int y, int m, int d, std::string_view text,
                      std::string_view why = "") {
  if (!IsValidDate(y, m, d)) return NotADate(text, why);
  return Date{y, m, d};
}

// "31 Mar 2027", "Mar 31, 2027", "2027 Mar 31".
Result<Date> DateWithMonthName(const std::vector<DateToken>& tokens,
                               std::string_view text) {
  int month = 0;
  std::vector<std::string> numbers;
  for (const DateToken& token : tokens) {
    if (token.numeric) {
      numbers.push_back(token.text);
    } else if (month == 0) {
      month = MonthNumber(token.text);
    }
  }
  if (month == 0 || numbers.size() != 2) return NotADate(text);
  const bool year_first = numbers[0].size() == 4;
  const int year = YearOf(year_first ? numbers[0] : numbers[1]);
  const std::string& day = year_first ? numbers[1] : numbers[0];
  if (year < 0 || day.size() > 2) return NotADate(text);
  return MakeDate(year, month, ToInt(day), text);
}

// "a/b/y" read in `order`, or in the only order that gives a real date.
Result<Date> NumericDate(const std::vector<std::string>& parts, DateOrder order,
                         std::string_view text) {
  if (parts[0].size() == 4) {
    return MakeDate(ToInt(parts[0]), ToInt(parts[1]), ToInt(parts[2]), text);
  }
  const int year = YearOf(parts[2]);
  if (year < 0 || parts[0].size() > 2 || parts[1].size() > 2) {
    return NotADate(text);
  }
  const int a = ToInt(parts[0]);
  const int b = ToInt(parts[1]);
  switch (order) {
    case DateOrder::kDmy:
      return MakeDate(year, b, a, text, "the date order is d/m/y");
    case DateOrder::kMdy:
      return MakeDate(year, a, b, text, "the date order is m/d/y");
    case DateOrder::kYmd:
      return NotADate(text, "the date order is y/m/d");
    case DateOrder::kUnset:
      break;
  }
  const bool dmy = IsValidDate(year, b, a);
  const bool mdy = IsValidDate(year, a, b);
  if (dmy && mdy && a != b) {
    return InvalidArgument("\"" + std::string(text) +
                           "\" could be d/m/y or m/d/y; give the date order");
  }
  if (dmy) return Date{year, b, a};
  if (mdy) return Date{year, a, b};
  return NotADate(text);
}

// ISO date, optionally followed by a time: the day.
std::optional<Result<Date>> IsoDatePrefix(std::string_view text) {
  if (text.size() < 10 || !ParseIsoDate(text.substr(0, 10)).ok()) {
    return std::nullopt;
  }
  if (text.size() > 10 && !ParseUtcTimestamp(text.substr(0, 19)).ok()) {
    return std::nullopt;
  }
  if (text.size() > 20 || (text.size() == 20 && text.back() != 'Z')) {
    return std::nullopt;
  }
  return ParseIsoDate(text.substr(0, 10));
}

// Seconds of a date-time cell's text "YYYY-MM-DDTHH:MM:SS[.fff]".
Result<UnixSeconds> DateTimeCellSeconds(const std::string& text) {
  return ParseUtcTimestamp(std::string_view(text).substr(0, 19));
}

}  // namespace

std::string_view DateOrderName(DateOrder order) {
  switch (order) {
    case DateOrder::kDmy:
      return "d/m/y";
    case DateOrder::kMdy:
      return "m/d/y";
    case DateOrder::kYmd:
      return "y/m/d";
    case DateOrder::kUnset:
      break;
  }
  return "";
}

std::optional<DateOrder> ParseDateOrder(std::string_view text) {
  const std::string word = NormaliseHeader(text);
  if (word == "dmy") return DateOrder::kDmy;
  if (word == "mdy") return DateOrder::kMdy;
  if (word == "ymd") return DateOrder::kYmd;
  return std::nullopt;
}

std::optional<bool> ParseBoolText(std::string_view text) {
  const std::string_view t = TrimSpaces(text);
  if (t == "\xE2\x9C\x93" || t == "\xE2\x9C\x94" || t == "\xE2\x98\x91") {
    return true;  // ✓ ✔ ☑
  }
  if (t == "\xE2\x9C\x97" || t == "\xE2\x9C\x98" || t == "\xE2\x98\x90") {
    return false;  // ✗ ✘ ☐
  }
  const std::string word = NormaliseHeader(t);
  if (word.empty()) return std::nullopt;
  if (OneOf(word, "yes|y|true|done|complete|completed|achieved|met|x")) {
    return true;
  }
  if (OneOf(word,
            "no|n|false|notdone|open|pending|todo|notstarted|"
            "inprogress|ongoing|notmet")) {
    return false;
  }
  return std::nullopt;
}

std::optional<bool> BoolOfCell(const Cell& cell) {
  if (cell.type == CellType::kBool) return cell.number != 0;
  if (cell.type == CellType::kString) return ParseBoolText(cell.text);
  return std::nullopt;
}

Result<Date> ParseDateText(std::string_view text, DateOrder order) {
  const std::string_view t = TrimSpaces(text);
  if (auto iso = IsoDatePrefix(t)) return *iso;
  const auto tokens = TokeniseDate(t);
  if (!tokens || tokens->size() != 3) return NotADate(text);
  std::vector<std::string> numbers;
  for (const DateToken& token : *tokens) {
    if (!token.numeric) return DateWithMonthName(*tokens, text);
    numbers.push_back(token.text);
  }
  return NumericDate(numbers, order, text);
}

Result<Date> ParseDateCell(const Cell& cell, DateOrder order) {
  switch (cell.type) {
    case CellType::kDate:
    case CellType::kDateTime:
      return ParseIsoDate(std::string_view(cell.text).substr(0, 10));
    case CellType::kString:
      return ParseDateText(cell.text, order);
    case CellType::kNumber:
      return NotADate(CellDisplayText(cell),
                      "a plain number; format the cell as a date");
    default:
      return NotADate(CellDisplayText(cell));
  }
}

Result<UnixSeconds> ParseTimestampCell(const Cell& cell, DateOrder order) {
  if (cell.type == CellType::kDateTime) return DateTimeCellSeconds(cell.text);
  if (cell.type == CellType::kString) {
    const std::string_view t = TrimSpaces(cell.text);
    auto stamp = ParseUtcTimestamp(t);
    if (stamp.ok()) return stamp;
  }
  auto date = ParseDateCell(cell, order);
  if (date.ok()) return date->ToUnixSeconds();
  if (cell.type != CellType::kString) return date.status();
  return InvalidArgument("\"" + cell.text +
                         "\" is not a time (expected YYYY-MM-DD HH:MM:SS, "
                         "UTC)");
}

std::optional<KrKind> ParseKindText(std::string_view text) {
  const std::string_view t = TrimSpaces(text);
  if (t == ">=" || t == "=>" || t == "\xE2\x89\xA5") return KrKind::kStayAbove;
  if (t == "<=" || t == "=<" || t == "\xE2\x89\xA4") return KrKind::kStayBelow;
  if (t == "\xE2\x86\x91") return KrKind::kIncrease;  // ↑
  if (t == "\xE2\x86\x93") return KrKind::kDecrease;  // ↓
  const std::string w = NormaliseHeader(t);
  if (OneOf(w,
            "increase|increasing|up|grow|growth|raise|more|higher|"
            "maximise|maximize|higherisbetter")) {
    return KrKind::kIncrease;
  }
  if (OneOf(w,
            "decrease|decreasing|down|reduce|reduction|cut|lower|less|"
            "minimise|minimize|lowerisbetter")) {
    return KrKind::kDecrease;
  }
  if (OneOf(w,
            "stayabove|atleast|min|minimum|maintainabove|keepabove|"
            "floor|notbelow|above")) {
    return KrKind::kStayAbove;
  }
  if (OneOf(w,
            "staybelow|atmost|max|maximum|maintainbelow|keepbelow|"
            "ceiling|cap|notabove|below")) {
    return KrKind::kStayBelow;
  }
  if (OneOf(w,
            "milestone|binary|yesno|donenotdone|boolean|bool|checkbox|"
            "task|deliverable")) {
    return KrKind::kMilestone;
  }
  return std::nullopt;
}

std::optional<Level> ParseLevelText(std::string_view text) {
  const std::string w = NormaliseHeader(text);
  if (OneOf(w,
            "company|org|organisation|organization|corporate|"
            "companywide")) {
    return Level::kCompany;
  }
  if (OneOf(w, "department|dept|division|businessunit")) {
    return Level::kDepartment;
  }
  if (OneOf(w, "team|squad|group")) return Level::kTeam;
  if (OneOf(w, "individual|personal|person")) return Level::kIndividual;
  return std::nullopt;
}

std::optional<bool> ParseCommitmentText(std::string_view text) {
  const std::string w = NormaliseHeader(text);
  if (OneOf(w, "committed|commit|commitment|yes|true|y")) return true;
  if (OneOf(w, "aspirational|aspiration|aspire|stretch|moonshot|no|false|n")) {
    return false;
  }
  return std::nullopt;
}

std::optional<Cycle> ParseQuarterCycle(std::string_view name) {
  const std::string w = NormaliseHeader(name);
  if (w.size() != 6) return std::nullopt;
  std::string year;
  char quarter = 0;
  if (w[0] == 'q') {
    quarter = w[1];
    year = w.substr(2);
  } else if (w[4] == 'q') {
    year = w.substr(0, 4);
    quarter = w[5];
  }
  if (quarter < '1' || quarter > '4' || year.size() != 4) return std::nullopt;
  for (char c : year) {
    if (!IsDigit(c)) return std::nullopt;
  }
  const int y = ToInt(year);
  const int q = quarter - '0';
  if (y < 1 || y > 9999) return std::nullopt;
  Cycle cycle;
  cycle.name = year + "-Q" + quarter;
  cycle.start = Date{y, 3 * (q - 1) + 1, 1};
  const Date next = q == 4 ? Date{y + 1, 1, 1} : Date{y, 3 * q + 1, 1};
  cycle.end = next.AddDays(-1);
  return cycle;
}

}  // namespace okr
