// Copyright 2026 The okrd Authors.
//
// The shared string table of an XLSX workbook (sharedStrings.xml), read by
// streaming and kept as one byte arena plus end offsets: no per-string
// allocation. Each <si> is the concatenation of its <t> texts (plain or in
// rich-text runs <r>); phonetic runs (<rPh>, Japanese furigana) are left
// out. ST_Xstring escapes (_xHHHH_, e.g. _x000D_ for CR) are decoded.
// Internal to the XLSX reader; exposed for its tests.
//
// Errors, "<file>: <part>: shared string N: ...":
//   - ResourceExhausted: more than max_shared_strings strings, a string
//     longer than max_cell_bytes, or an arena past 4 GiB;
//   - InvalidArgument: an escape giving NUL or a lone UTF-16 surrogate;
//   - whatever the zip and XML layers report.
//
// Threads: immutable once read; Get is thread-safe then.

#ifndef OKR_IMPORTERS_XLSX_XLSX_SHARED_STRINGS_H_
#define OKR_IMPORTERS_XLSX_XLSX_SHARED_STRINGS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/limits.h"
#include "core/base/result.h"
#include "importers/zip/zip_archive.h"

namespace okr {

class SharedStrings {
 public:
  size_t size() const { return ends_.size(); }
  // `index` < size().
  std::string_view Get(size_t index) const;

  // Appends a string; for the reader, tests and the fuzzer.
  void Add(std::string_view text);
  // Reader interface: append text to the open string, then close it.
  std::string* arena() { return &arena_; }
  size_t open_string_start() const { return ends_.empty() ? 0 : ends_.back(); }
  void CloseString() { ends_.push_back(static_cast<uint32_t>(arena_.size())); }
  void Reserve(size_t strings) { ends_.reserve(strings); }

 private:
  std::string arena_;
  std::vector<uint32_t> ends_;  // End offset of each string in arena_.
};

// Reads the shared strings part; see the file comment.
Result<SharedStrings> ReadSharedStrings(ZipArchive* zip,
                                        const ZipArchive::Entry& entry,
                                        const Limits& limits);

// Decodes _xHHHH_ escapes in (*text)[from..] in place ("_x005F_" is a
// literal '_'; a surrogate pair of escapes makes one character). Returns
// false, with the text unspecified, for an escape that gives NUL or an
// unpaired surrogate.
bool DecodeXstringEscapes(std::string* text, size_t from);

}  // namespace okr

#endif  // OKR_IMPORTERS_XLSX_XLSX_SHARED_STRINGS_H_
