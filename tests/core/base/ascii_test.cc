// Copyright 2026 The okrd Authors.

#include "core/base/ascii.h"

#include <catch2/catch.hpp>
#include <string_view>

namespace okr {
namespace {

TEST_CASE("hex digits have their value, every other byte -1", "[base]") {
  constexpr std::string_view kDigits = "0123456789abcdef";
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const size_t lower = kDigits.find(AsciiToLower(c));
    const int expected = lower == std::string_view::npos ? -1
                                                          : static_cast<int>(lower);
    INFO(b);
    CHECK(HexDigitValue(c) == expected);
  }
  static_assert(HexDigitValue('F') == 15 && HexDigitValue('g') == -1);
}

TEST_CASE("names compare without ASCII case", "[base]") {
  CHECK(EqualsIgnoreCase("Content-Type", "content-TYPE"));
  CHECK_FALSE(EqualsIgnoreCase("Content-Type", "Content-Typ"));
  CHECK(StartsWithIgnoreCase("If-None-Match", "if-"));
  CHECK_FALSE(StartsWithIgnoreCase("If", "if-"));
}

}  // namespace
}  // namespace okr
