// Copyright 2026 The okrd Authors.

#include "importers/zip/cell_values.h"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "core/base/civil_time.h"

namespace okr {
namespace {

constexpr int64_t kMsPerDay = 86'400'000;

bool IsXmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view TrimXmlSpace(std::string_view text) {
  while (!text.empty() && IsXmlSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsXmlSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `width` digits from the front of `text`.
bool TakeDigits(std::string_view* text, size_t width, int* value) {
  if (text->size() < width) return false;
  int n = 0;
  for (size_t i = 0; i < width; ++i) {
    if (!IsDigit((*text)[i])) return false;
    n = n * 10 + ((*text)[i] - '0');
  }
  *value = n;
  text->remove_prefix(width);
  return true;
}

bool TakeChar(std::string_view* text, char c) {
  if (text->empty() || text->front() != c) return false;
  text->remove_prefix(1);
  return true;
}

// ".123456" -> 123 (rounded to milliseconds, may be 1000); "" -> 0.
bool TakeFractionMs(std::string_view* text, int64_t* ms) {
  *ms = 0;
  if (!TakeChar(text, '.')) return true;
  size_t digits = 0;
  double fraction = 0;
  double scale = 0.1;
  while (digits < text->size() && IsDigit((*text)[digits])) {
    fraction += ((*text)[digits] - '0') * scale;
    scale /= 10;
    ++digits;
  }
  if (digits == 0) return false;
  text->remove_prefix(digits);
  *ms = std::llround(fraction * 1000);
  return true;
}

// "HH:MM:SS[.fff]" -> milliseconds since midnight (may reach a whole day
// when rounding carries).
bool TakeTimeOfDay(std::string_view* text, int64_t* ms) {
  int h = 0, m = 0, s = 0;
  int64_t frac = 0;
  if (!TakeDigits(text, 2, &h) || !TakeChar(text, ':') ||
      !TakeDigits(text, 2, &m) || !TakeChar(text, ':') ||
      !TakeDigits(text, 2, &s) || !TakeFractionMs(text, &frac)) {
    return false;
  }
  if (h > 23 || m > 59 || s > 59) return false;
  *ms = ((h * 60 + m) * 60 + s) * int64_t{1000} + frac;
  return true;
}

// Appends `value` (>= 0) with at least `width` digits.
void AppendNumber(int64_t value, int width, std::string* out) {
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = n; i < width; ++i) out->push_back('0');
  while (n > 0) out->push_back(digits[--n]);
}

// "HH:MM:SS" or "HH:MM:SS.mmm" (milliseconds only when not zero).
void AppendTime(int64_t ms_of_day, std::string* out) {
  const int64_t secs = ms_of_day / 1000;
  AppendNumber(secs / 3600, 2, out);
  out->push_back(':');
  AppendNumber(secs / 60 % 60, 2, out);
  out->push_back(':');
  AppendNumber(secs % 60, 2, out);
  if (ms_of_day % 1000 != 0) {
    out->push_back('.');
    AppendNumber(ms_of_day % 1000, 3, out);
  }
}

void AppendDate(const Date& date, std::string* out) {
  AppendNumber(date.year, 4, out);
  out->push_back('-');
  AppendNumber(date.month, 2, out);
  out->push_back('-');
  AppendNumber(date.day, 2, out);
}

bool InDateRange(int64_t days) {
  static const int64_t kFirst = Date{1, 1, 1}.ToDays();
  static const int64_t kLast = Date{9999, 12, 31}.ToDays();
  return days >= kFirst && days <= kLast;
}

void SetTime(int64_t ms_of_day, Cell* out) {
  out->type = CellType::kTime;
  out->text.clear();
  AppendTime(ms_of_day, &out->text);
  out->number = 0;
}

// `days` since 1970-01-01 plus a time of day.
void SetDateTime(int64_t days, int64_t ms_of_day, Cell* out) {
  out->type = ms_of_day == 0 ? CellType::kDate : CellType::kDateTime;
  out->text.clear();
  AppendDate(Date::FromDays(days), &out->text);
  if (ms_of_day != 0) {
    out->text.push_back('T');
    AppendTime(ms_of_day, &out->text);
  }
  out->number = 0;
}

// Reads one "<number><unit>" of an ISO 8601 duration (D before the T, H, M
// or S after it) and adds it to *total_ms.
bool TakeDurationPart(std::string_view* text, bool in_time, double* total_ms) {
  size_t n = 0;
  while (n < text->size() && (IsDigit((*text)[n]) || (*text)[n] == '.')) ++n;
  if (n == 0 || n == text->size()) return false;
  const std::optional<double> value = ParseXmlNumber(text->substr(0, n));
  const char unit = (*text)[n];
  text->remove_prefix(n + 1);
  if (!value || *value > 1e9) return false;
  double unit_ms = 0;
  if (!in_time && unit == 'D') unit_ms = kMsPerDay;
  if (in_time && unit == 'H') unit_ms = 3'600'000;
  if (in_time && unit == 'M') unit_ms = 60'000;
  if (in_time && unit == 'S') unit_ms = 1000;
  *total_ms += *value * unit_ms;
  return unit_ms != 0;
}

}  // namespace

std::string QuotedExcerpt(std::string_view text) {
  if (text.size() <= 40) return "\"" + std::string(text) + "\"";
  size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return "\"" + std::string(text.substr(0, cut)) + "...\"";
}

std::optional<double> ParseXmlNumber(std::string_view text) {
  text = TrimXmlSpace(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  if (!IsDigit(text.front()) && text.front() != '-' && text.front() != '.') {
    return std::nullopt;
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(),
                                         value, std::chars_format::general);
  if (ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

bool SerialToDateCell(double serial, DateSystem system, Cell* out) {
  if (!(serial >= 0) || serial > 4e6) return false;  // Also NaN.
  const int64_t total_ms = std::llround(serial * kMsPerDay);
  const int64_t day = total_ms / kMsPerDay;
  const int64_t ms_of_day = total_ms % kMsPerDay;
  if (day == 0) {
    SetTime(ms_of_day, out);
    return true;
  }
  int64_t days = 0;  // Since 1970-01-01.
  if (system == DateSystem::k1904) {
    days = Date{1904, 1, 1}.ToDays() + day;
  } else if (day < 60) {
    days = Date{1899, 12, 31}.ToDays() + day;
  } else if (day == 60) {
    return false;  // 1900-02-29 never existed.
  } else {
    days = Date{1899, 12, 30}.ToDays() + day;
  }
  if (!InDateRange(days)) return false;
  SetDateTime(days, ms_of_day, out);
  return true;
}

bool IsoToDateCell(std::string_view text, Cell* out) {
  text = TrimXmlSpace(text);
  if (text.size() >= 3 && text[2] == ':') {
    int64_t ms = 0;
    if (!TakeTimeOfDay(&text, &ms) || !text.empty() || ms >= kMsPerDay) {
      return false;
    }
    SetTime(ms, out);
    return true;
  }
  int y = 0, mo = 0, d = 0;
  if (!TakeDigits(&text, 4, &y) || !TakeChar(&text, '-') ||
      !TakeDigits(&text, 2, &mo) || !TakeChar(&text, '-') ||
      !TakeDigits(&text, 2, &d) || !IsValidDate(y, mo, d)) {
    return false;
  }
  int64_t days = Date{y, mo, d}.ToDays();
  int64_t ms = 0;
  if (TakeChar(&text, 'T') && !TakeTimeOfDay(&text, &ms)) return false;
  TakeChar(&text, 'Z');
  if (!text.empty()) return false;
  days += ms / kMsPerDay;
  ms %= kMsPerDay;
  if (!InDateRange(days)) return false;
  SetDateTime(days, ms, out);
  return true;
}

bool DurationToCell(std::string_view text, Cell* out) {
  text = TrimXmlSpace(text);
  if (!TakeChar(&text, 'P')) return false;
  double total_ms = 0;
  bool in_time = false;
  bool any = false;
  while (!text.empty()) {
    if (!in_time && TakeChar(&text, 'T')) {
      in_time = true;
    } else if (TakeDurationPart(&text, in_time, &total_ms)) {
      any = true;
    } else {
      return false;
    }
  }
  if (!any) return false;
  const int64_t ms = std::llround(total_ms);
  if (ms < kMsPerDay) {
    SetTime(ms, out);
  } else {
    out->type = CellType::kNumber;
    out->text.clear();
    out->number = static_cast<double>(ms) / kMsPerDay;
  }
  return true;
}

size_t EncodeUtf8(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace okr
