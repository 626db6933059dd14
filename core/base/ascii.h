// Copyright 2026 The okrd Authors.
//
// ASCII-only case folding, as protocols and headers compare names, and hex
// digits. Bytes outside A-Z are compared as they are. Pure; thread-safe.

#ifndef OKR_CORE_BASE_ASCII_H_
#define OKR_CORE_BASE_ASCII_H_

#include <string_view>

namespace okr {

constexpr char AsciiToLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The value of a hex digit (0-9, a-f, A-F), or -1 for any other byte.
constexpr int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);

}  // namespace okr

#endif  // OKR_CORE_BASE_ASCII_H_
