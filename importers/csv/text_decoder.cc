// Copyright 2026 The okrd Authors.

#include "importers/csv/text_decoder.h"

#include <algorithm>
#include <cassert>
#include <cstdio>

#include "importers/csv/text_position.h"
#include "importers/table.h"

namespace okr {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

// Windows-1252 0x80..0x9F; 0 marks the five undefined bytes. 0xA0..0xFF are
// U+00A0..U+00FF and need no table.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// "0x8D" (digits = 2) or "0xD83D" (digits = 4).
std::string Hex(unsigned value, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%0*X", digits, value);
  return buffer;
}

std::string HexByte(char c) { return Hex(static_cast<unsigned char>(c), 2); }

Status ErrorAt(std::string_view file, TextPos pos, std::string_view message) {
  return Location::InText(file, pos.line, pos.column)
      .Error(StatusCode::kInvalidArgument, message);
}

// Length of the UTF-8 sequence starting at bytes[i] (a byte >= 0x80), or 0
// when it is not a valid, shortest-form encoding of a scalar value.
size_t MultiByteLength(std::string_view bytes, size_t i) {
  const auto lead = static_cast<unsigned char>(bytes[i]);
  size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // Range of the second byte.
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // Overlong.
    if (lead == 0xED) high = 0x9F;  // Surrogates.
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // Overlong.
    if (lead == 0xF4) high = 0x8F;  // Above U+10FFFF.
  } else {
    return 0;
  }
  if (bytes.size() - i < length) return 0;
  for (size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(bytes[i + k]);
    if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) return 0;
  }
  return length;
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
}

DecodedText Borrow(std::string_view utf8, bool bom) {
  DecodedText out;
  out.bom = bom;
  out.borrowed = utf8;
  out.ascii_only = IsAscii(utf8);
  return out;
}

Result<DecodedText> DecodeUtf8WithBom(std::string_view bytes,
                                      std::string_view file) {
  const std::string_view text = bytes.substr(kUtf8Bom.size());
  const size_t valid = ValidUtf8Prefix(text);
  if (valid == text.size()) return Borrow(text, /*bom=*/true);
  return ErrorAt(file, PositionAt(text, valid),
                 "invalid UTF-8 (byte " + HexByte(text[valid]) +
                     ") in a file that starts with a UTF-8 byte order mark");
}

Result<DecodedText> DecodeWindows1252(std::string_view bytes,
                                      std::string_view file) {
  DecodedText out;
  out.encoding = TextEncoding::kWindows1252;
  out.is_owned = true;
  out.owned.reserve(bytes.size() + bytes.size() / 8);
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    char32_t code_point = b;
    if (b >= 0x80 && b < 0xA0) code_point = kWindows1252High[b - 0x80];
    if (code_point == 0 && b != 0) {
      return ErrorAt(file, PositionAt(bytes, i, /*utf8=*/false),
                     "byte " + HexByte(bytes[i]) +
                         " is not a Windows-1252 character (the file is not "
                         "valid UTF-8, so it was read as Windows-1252)");
    }
    AppendUtf8(code_point, &out.owned);
  }
  return out;
}

char16_t Utf16Unit(std::string_view bytes, size_t i, bool little_endian) {
  const auto b0 = static_cast<unsigned char>(bytes[i]);
  const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
  return static_cast<char16_t>(little_endian ? (b1 << 8) | b0 : (b0 << 8) | b1);
}

bool IsHighSurrogate(char32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool IsLowSurrogate(char32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

Status UnpairedSurrogate(const DecodedText& so_far, char16_t unit,
                         std::string_view file) {
  const std::string_view text = so_far.owned;
  return ErrorAt(file, PositionAt(text, text.size()),
                 "unpaired UTF-16 surrogate " + Hex(unit, 4));
}

Result<DecodedText> DecodeUtf16(std::string_view bytes, bool little_endian,
                                std::string_view file) {
  const std::string_view data = bytes.substr(2);  // After the mark.
  if (data.size() % 2 != 0) {
    return Location::InFile(file).Error(
        StatusCode::kInvalidArgument,
        "UTF-16 text has an odd number of bytes (" +
            std::to_string(bytes.size()) + ")");
  }
  DecodedText out;
  out.encoding =
      little_endian ? TextEncoding::kUtf16Le : TextEncoding::kUtf16Be;
  out.bom = true;
  out.is_owned = true;
  out.ascii_only = true;
  out.owned.reserve(data.size() / 2 + data.size() / 8);
  for (size_t i = 0; i < data.size(); i += 2) {
    char32_t unit = Utf16Unit(data, i, little_endian);
    if (IsHighSurrogate(unit) && i + 4 <= data.size() &&
        IsLowSurrogate(Utf16Unit(data, i + 2, little_endian))) {
      const char32_t low = Utf16Unit(data, i + 2, little_endian);
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (IsHighSurrogate(unit) || IsLowSurrogate(unit)) {
      return UnpairedSurrogate(out, static_cast<char16_t>(unit), file);
    }
    if (unit >= 0x80) out.ascii_only = false;
    AppendUtf8(unit, &out.owned);
  }
  return out;
}

}  // namespace

std::string_view TextEncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "utf-8";
    case TextEncoding::kUtf16Le:
      return "utf-16le";
    case TextEncoding::kUtf16Be:
      return "utf-16be";
    case TextEncoding::kWindows1252:
      return "windows-1252";
  }
  return "unknown";
}

size_t ValidUtf8Prefix(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t length = MultiByteLength(bytes, i);
    if (length == 0) return i;
    i += length;
  }
  return i;
}

void AppendUtf8(char32_t cp, std::string* out) {
  assert(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));
  auto put = [out](char32_t byte) { out->push_back(static_cast<char>(byte)); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6));
    put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18));
    put(0x80 | ((cp >> 12) & 0x3F));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  }
}

Result<DecodedText> DecodeText(std::string_view bytes,
                               std::string_view file_name) {
  if (bytes.starts_with(kUtf8Bom)) return DecodeUtf8WithBom(bytes, file_name);
  if (bytes.starts_with(kUtf16LeBom)) {
    return DecodeUtf16(bytes, /*little_endian=*/true, file_name);
  }
  if (bytes.starts_with(kUtf16BeBom)) {
    return DecodeUtf16(bytes, /*little_endian=*/false, file_name);
  }
  if (ValidUtf8Prefix(bytes) == bytes.size()) return Borrow(bytes, false);
  return DecodeWindows1252(bytes, file_name);
}

}  // namespace okr
