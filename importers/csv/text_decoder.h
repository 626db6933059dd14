// Copyright 2026 The okrd Authors.
//
// Turns the bytes of a text file (CSV, TSV, "Unicode Text") into UTF-8 the
// way spreadsheet programs guess them:
//   1. a byte order mark decides: EF BB BF UTF-8, FF FE UTF-16LE, FE FF
//      UTF-16BE (the mark is dropped);
//   2. otherwise bytes that are valid UTF-8 are UTF-8 (strict: no overlong
//      forms, no surrogates, nothing above U+10FFFF);
//   3. otherwise the bytes are Windows-1252 (Excel's "CSV" in Western
//      locales), decoded with the full table for 0x80-0x9F.
// Errors (InvalidArgument, "file:line:column: ..."): invalid UTF-8 after a
// UTF-8 mark, the five bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F
// 0x90 0x9D), an unpaired UTF-16 surrogate, an odd UTF-16 byte count.
// NUL characters pass through; the caller decides about them.
// Pure functions; thread-safe.

#ifndef OKR_IMPORTERS_CSV_TEXT_DECODER_H_
#define OKR_IMPORTERS_CSV_TEXT_DECODER_H_

#include <string>
#include <string_view>

#include "core/base/result.h"

namespace okr {

enum class TextEncoding { kUtf8, kUtf16Le, kUtf16Be, kWindows1252 };

// "utf-8", "utf-16le", "utf-16be", "windows-1252".
std::string_view TextEncodingName(TextEncoding encoding);

// The decoded text. For UTF-8 input it borrows the caller's bytes (which must
// then outlive it); other encodings are converted into `owned`.
struct DecodedText {
  TextEncoding encoding = TextEncoding::kUtf8;
  bool bom = false;
  bool ascii_only = false;  // Every character is below U+0080.
  bool is_owned = false;
  std::string owned;
  std::string_view borrowed;

  std::string_view text() const {
    return is_owned ? std::string_view(owned) : borrowed;
  }
};

// `file_name` is only used in error messages.
Result<DecodedText> DecodeText(std::string_view bytes,
                               std::string_view file_name);

// Length of the longest prefix of `bytes` that is valid UTF-8.
size_t ValidUtf8Prefix(std::string_view bytes);

// Appends `code_point` (at most U+10FFFF, not a surrogate) as UTF-8.
void AppendUtf8(char32_t code_point, std::string* out);

}  // namespace okr

#endif  // OKR_IMPORTERS_CSV_TEXT_DECODER_H_
