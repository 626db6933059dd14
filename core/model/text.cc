// Copyright 2026 The okrd Authors.

#include "core/model/text.h"

#include <algorithm>
#include <array>

namespace okr {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

bool IsAsciiPunct(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x7F && !IsAsciiAlnum(c);
}

char LowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Byte length of the UTF-8 sequence that starts with `lead` (1 for ASCII and
// for stray continuation bytes, which are then kept as they are).
size_t SequenceLength(char lead) {
  const auto u = static_cast<unsigned char>(lead);
  if (u >= 0xF0 && u < 0xF8) return 4;
  if (u >= 0xE0) return 3;
  if (u >= 0xC0) return 2;
  return 1;
}

// The code point of the Latin-1 supplement letter at `text` (U+00C0 ..
// U+00FF), or 0.
unsigned Latin1LetterAt(std::string_view text) {
  if (text.size() < 2 || static_cast<unsigned char>(text[0]) != 0xC3) return 0;
  const auto second = static_cast<unsigned char>(text[1]);
  if (second < 0x80 || second > 0xBF) return 0;
  return 0xC0 + (second - 0x80);
}

// Typographic punctuation treated like ASCII punctuation in titles: the
// general punctuation quotes, dashes and ellipsis, the minus sign, the
// Latin-1 guillemets and inverted marks. Returns its byte length or 0.
size_t TypographicPunctAt(std::string_view text) {
  if (text.size() >= 2 && static_cast<unsigned char>(text[0]) == 0xC2) {
    const auto b = static_cast<unsigned char>(text[1]);
    if (b == 0xAB || b == 0xBB || b == 0xA1 || b == 0xBF || b == 0xB7) {
      return 2;
    }
  }
  if (text.size() < 3) return 0;
  const auto b0 = static_cast<unsigned char>(text[0]);
  const auto b1 = static_cast<unsigned char>(text[1]);
  const auto b2 = static_cast<unsigned char>(text[2]);
  if (b0 == 0xE2 && b1 == 0x80 && b2 >= 0x90 && b2 <= 0xA7) return 3;
  if (b0 == 0xE2 && b1 == 0x88 && b2 == 0x92) return 3;  // U+2212 minus.
  return 0;
}

// ASCII spelling of the Latin-1 letters U+00C0 .. U+00FF for slugs.
constexpr std::array<std::string_view, 64> kLatin1Ascii = {
    "a", "a", "a", "a", "a",  "a",  "ae", "c", "e", "e", "e",  "e", "i",
    "i", "i", "i", "d", "n",  "o",  "o",  "o", "o", "o", "",   "o", "u",
    "u", "u", "u", "y", "th", "ss", "a",  "a", "a", "a", "a",  "a", "ae",
    "c", "e", "e", "e", "e",  "i",  "i",  "i", "i", "d", "n",  "o", "o",
    "o", "o", "o", "",  "o",  "u",  "u",  "u", "u", "y", "th", "y"};

}  // namespace

size_t SpaceLengthAt(std::string_view text) {
  if (text.empty()) return 0;
  if (IsAsciiSpace(text[0])) return 1;
  if (text.size() >= 2 && static_cast<unsigned char>(text[0]) == 0xC2 &&
      static_cast<unsigned char>(text[1]) == 0xA0) {
    return 2;
  }
  if (text.size() < 3) return 0;
  const std::string_view three = text.substr(0, 3);
  if (three == "\xE2\x80\x87" || three == "\xE2\x80\xAF" ||
      three == "\xE2\x80\x8B" || three == "\xEF\xBB\xBF") {
    return 3;
  }
  return 0;
}

std::string_view TrimSpaces(std::string_view text) {
  while (size_t n = SpaceLengthAt(text)) text.remove_prefix(n);
  // Trailing spaces: scan forward, remembering where the last non-space ends.
  size_t end = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t space = SpaceLengthAt(text.substr(i));
    if (space > 0) {
      i += space;
      continue;
    }
    i += SequenceLength(text[i]);
    end = i;
  }
  return text.substr(0, end);
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

std::string NormaliseTitle(std::string_view title) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < title.size();) {
    const std::string_view rest = title.substr(i);
    if (size_t n = SpaceLengthAt(rest)) {
      pending_space = !out.empty();
      i += n;
      continue;
    }
    if (IsAsciiPunct(rest[0])) {
      ++i;
      continue;
    }
    if (size_t n = TypographicPunctAt(rest)) {
      i += n;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    const unsigned latin1 = Latin1LetterAt(rest);
    if (latin1 >= 0xC0 && latin1 <= 0xDE && latin1 != 0xD7) {
      out += '\xC3';
      out += static_cast<char>(latin1 - 0xC0 + 0xA0);  // Lowercase twin.
      i += 2;
      continue;
    }
    const size_t n = std::min(SequenceLength(rest[0]), rest.size());
    for (size_t k = 0; k < n; ++k) out += LowerAscii(rest[k]);
    i += n;
  }
  return out;
}

std::string Slugify(std::string_view text, size_t max_length) {
  std::string out;
  bool pending_dash = false;
  auto append = [&](std::string_view piece) {
    if (pending_dash && !out.empty()) out += '-';
    pending_dash = false;
    out += piece;
  };
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (IsAsciiAlnum(c)) {
      const char lower = LowerAscii(c);
      append(std::string_view(&lower, 1));
      ++i;
      continue;
    }
    const unsigned latin1 = Latin1LetterAt(text.substr(i));
    if (latin1 != 0 && !kLatin1Ascii[latin1 - 0xC0].empty()) {
      append(kLatin1Ascii[latin1 - 0xC0]);
      i += 2;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80 || latin1 != 0 ||
        SpaceLengthAt(text.substr(i)) > 0 ||
        TypographicPunctAt(text.substr(i)) > 0) {
      pending_dash = true;
    }
    i += std::min(SequenceLength(c), text.size() - i);
  }
  if (out.size() <= max_length) return out;
  size_t cut = max_length;
  const size_t dash = out.rfind('-', max_length);
  if (dash != std::string::npos && dash + 12 >= max_length) cut = dash;
  out.resize(cut);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace okr
