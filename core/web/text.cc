// Copyright 2026 The okrd Authors.

#include "core/web/text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/base/ascii.h"

namespace okr::web {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

std::string PercentEncode(std::string_view text, bool keep_at) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (IsUnreserved(c) || (keep_at && c == '@')) {
      out += c;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    out += '%';
    out += kHexDigits[byte >> 4];
    out += kHexDigits[byte & 0x0F];
  }
  return out;
}

// Decodes '+' and %XX; nullopt for a malformed escape.
std::optional<std::string> DecodeQueryComponent(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '+') {
      out += ' ';
    } else if (raw[i] != '%') {
      out += raw[i];
    } else {
      const int hi = i + 2 < raw.size() ? HexDigitValue(raw[i + 1]) : -1;
      const int lo = hi >= 0 ? HexDigitValue(raw[i + 2]) : -1;
      if (lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    }
  }
  return out;
}

}  // namespace

char32_t DecodeUtf8(std::string_view text, size_t pos, size_t* length) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  *length = 1;
  if (lead < 0x80) return lead;
  size_t extra = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3, cp = lead & 0x07, min = 0x10000;
  } else {
    return kReplacementChar;
  }
  if (pos + extra >= text.size()) return kReplacementChar;  // Truncated.
  for (size_t i = 1; i <= extra; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!IsContinuation(byte)) return kReplacementChar;
    cp = (cp << 6) | (byte & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return kReplacementChar;
  }
  *length = extra + 1;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string EncodePathSegment(std::string_view segment) {
  return PercentEncode(segment, /*keep_at=*/true);
}

std::string EncodeQueryValue(std::string_view value) {
  return PercentEncode(value, /*keep_at=*/false);
}

std::optional<std::string> QueryParam(std::string_view query,
                                      std::string_view name) {
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view()
                                          : query.substr(amp + 1);
    const size_t eq = pair.find('=');
    const std::string_view key = pair.substr(0, eq);
    const std::string_view raw =
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    std::optional<std::string> decoded_key = DecodeQueryComponent(key);
    if (!decoded_key || *decoded_key != name) continue;
    std::optional<std::string> value = DecodeQueryComponent(raw);
    return value ? *value : std::string(raw);
  }
  return std::nullopt;
}

std::string FormatPercent(double fraction) {
  if (!(fraction > 0)) fraction = 0;  // NaN too.
  fraction = std::min(fraction, 1.0);
  return std::to_string(std::lround(fraction * 100)) + "%";
}

std::string FormatValue(double value) {
  if (!std::isfinite(value)) return "?";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  std::string out = buf;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  if (out == "-0") out = "0";
  // Group thousands of the integer part: 12000000 -> 12,000,000.
  const size_t digits_start = out[0] == '-' ? 1 : 0;
  size_t end = out.find('.');
  if (end == std::string::npos) end = out.size();
  for (size_t i = end; i > digits_start + 3; i -= 3) out.insert(i - 3, ",");
  return out;
}

std::string FormatPoints(double delta) {
  if (!std::isfinite(delta)) return "0";
  const long points = std::lround(delta * 100);
  if (points > 0) return "+" + std::to_string(points);
  return std::to_string(points);
}

std::string FormatDate(const Date& date) {
  const int month = std::clamp(date.month, 1, 12);
  return std::to_string(date.day) + " " +
         std::string(MonthAbbreviation(month)) + " " +
         std::to_string(date.year);
}

std::string FormatInstant(UnixSeconds t) {
  const Date day = Date::FromUnixSeconds(t);
  const int64_t seconds = t - day.ToUnixSeconds();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(seconds / 3600),
                static_cast<int>(seconds / 60 % 60));
  return FormatDate(day) + ", " + buf + " UTC";
}

std::string FormatDaysAgo(int64_t days) {
  if (days == 0) return "today";
  if (days == 1) return "yesterday";
  if (days == -1) return "tomorrow";
  if (days > 0) return std::to_string(days) + " days ago";
  return "in " + std::to_string(-days) + " days";
}

uint64_t Fnv1a64(std::string_view data, uint64_t seed) {
  uint64_t hash = seed;
  for (char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string Hex64(uint64_t value) {
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = "0123456789abcdef"[value & 0xF];
    value >>= 4;
  }
  return out;
}

}  // namespace okr::web
