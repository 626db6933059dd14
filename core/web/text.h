// Copyright 2026 The okrd Authors.
//
// Text helpers shared by the HTML and JSON writers and the pages: UTF-8
// decoding that never fails (bad bytes become U+FFFD), URL encoding of path
// segments and query values, and the number and date formats people see.
// Pure functions; thread-safe.

#ifndef OKR_CORE_WEB_TEXT_H_
#define OKR_CORE_WEB_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/civil_time.h"

namespace okr::web {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes one code point of `text` starting at byte `pos` (< text.size()).
// Sets *length to the bytes consumed (>= 1) and returns the code point, or
// U+FFFD for an invalid, overlong, truncated or surrogate sequence (then
// *length is 1, so decoding resynchronises on the next byte).
char32_t DecodeUtf8(std::string_view text, size_t pos, size_t* length);

// Appends the UTF-8 encoding of `cp` (assumed a valid scalar value).
void AppendUtf8(char32_t cp, std::string* out);

// Percent-encodes one path segment: keeps A-Z a-z 0-9 - . _ ~ @ and encodes
// every other byte as %XX, so the result never contains '/', '?', '#',
// quotes or spaces.
std::string EncodePathSegment(std::string_view segment);

// Percent-encodes a query value (as EncodePathSegment, '@' included).
std::string EncodeQueryValue(std::string_view value);

// The first value of `name` in a raw query string ("a=1&cycle=2026-Q4"),
// '+' and %XX decoded; nullopt when absent. A malformed escape yields the
// value undecoded, which matches nothing the caller looks up.
std::optional<std::string> QueryParam(std::string_view query,
                                      std::string_view name);

// 0.4237 -> "42%". Values are clamped to 0..1 first; NaN gives "0%".
std::string FormatPercent(double fraction);
// A measured value with at most two decimals, no trailing zeros and
// thousands grouped: 12 -> "12", 99.950 -> "99.95", -0.5 -> "-0.5",
// 12000000 -> "12,000,000". Non-finite gives "?".
std::string FormatValue(double value);
// A signed change in percentage points: 0.05 -> "+5", -0.031 -> "-3", 0 -> "0".
std::string FormatPoints(double delta);
// "24 Nov 2026".
std::string FormatDate(const Date& date);
// "24 Nov 2026, 10:05 UTC".
std::string FormatInstant(UnixSeconds t);
// "today", "yesterday", "3 days ago", "in 2 days".
std::string FormatDaysAgo(int64_t days);

// 64-bit FNV-1a, for cache keys and content hashes (not for security).
uint64_t Fnv1a64(std::string_view data, uint64_t seed = 0xcbf29ce484222325ULL);
// 16 lowercase hex digits.
std::string Hex64(uint64_t value);

}  // namespace okr::web

#endif  // OKR_CORE_WEB_TEXT_H_
