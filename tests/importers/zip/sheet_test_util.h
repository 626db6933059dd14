// Copyright 2026 The okrd Authors.
//
// Test helpers for the zip-based readers (XLSX, ODS): an in-memory zip
// writer over libzip (a real writer, so the reader is tested against real
// archives), minimal XLSX and ODS packages around hand-written XML parts,
// a details sink that records everything, and one-call runners. For tests.

#ifndef OKR_TESTS_IMPORTERS_ZIP_SHEET_TEST_UTIL_H_
#define OKR_TESTS_IMPORTERS_ZIP_SHEET_TEST_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/limits.h"
#include "core/base/status.h"
#include "importers/zip/sheet_details.h"
#include "tests/importers/recording_sink.h"

namespace okr::testing {

// Builds a zip archive in memory with libzip.
class ZipBuilder {
 public:
  // Adds an entry; `compress` deflates it, else it is stored.
  ZipBuilder& Add(std::string name, std::string content, bool compress = true);
  // Adds an AES-256 encrypted entry (password "secret").
  ZipBuilder& AddEncrypted(std::string name, std::string content);
  // Adds a deflated entry of `size` bytes produced on the fly (never held
  // in memory): `head`, then `pattern` repeated (cut at `size`).
  ZipBuilder& AddGenerated(std::string name, std::string head,
                           std::string pattern, uint64_t size);
  // The archive's bytes; aborts the test on a libzip failure.
  std::string Build() const;

 private:
  struct Entry {
    std::string name;
    std::string content;
    bool compress = true;
    bool encrypt = false;
    std::string pattern;     // Generated entries: content is the head.
    uint64_t generated = 0;  // > 0: a generated entry of this many bytes.
  };
  std::vector<Entry> entries_;
};

// Rewrites the declared uncompressed size of entry `name` in both its local
// header and its central directory record (a "liar" entry).
std::string WithDeclaredSize(std::string zip, std::string_view name,
                             uint32_t size);

struct XlsxParts {
  std::string sheet_xml;           // xl/worksheets/sheet1.xml
  std::string shared_strings_xml;  // Omitted when empty.
  std::string styles_xml;          // Omitted when empty.
  std::string workbook_pr = "";    // E.g. R"(<workbookPr date1904="1"/>)".
  std::string sheet_name = "Sheet1";
  // When > 0, the sheet (or shared strings) part is generated instead:
  // its XML above, then the pattern repeated up to this many bytes.
  uint64_t sheet_size = 0;
  std::string sheet_pattern;
  uint64_t shared_strings_size = 0;
  std::string shared_strings_pattern;
};

// A minimal transitional XLSX package holding one worksheet.
std::string MinimalXlsx(const XlsxParts& parts);

// The <worksheet> document around `sheet_data` (the <row>s).
std::string SheetXml(std::string_view sheet_data, std::string_view after = "");

// A minimal ODS package whose content.xml holds `tables` (table:table
// elements) inside office:spreadsheet, with `automatic_styles` before it.
std::string MinimalOds(std::string_view tables,
                       std::string_view automatic_styles = "");

class DetailsRecorder : public SheetDetailsSink {
 public:
  std::vector<SheetDetails> sheets;
  Status OnSheetDetails(const SheetDetails& details) override {
    sheets.push_back(details);
    return Status::Ok();
  }
};

struct SheetRun {
  Status status;
  RecordingSink sink;
  DetailsRecorder details;
  double seconds = 0;
};

// A hang guard, not a speed target (those live in bench/): the attacks the
// tests run finish in milliseconds, and an implementation that materialised
// their padding or expanded their bombs would take hours. Generous so that
// a loaded machine never fails it.
inline constexpr double kHangGuardSeconds = 30.0;

SheetRun RunXlsx(std::string_view bytes, const Limits& limits = Limits(),
                 std::string file_name = "t.xlsx");
SheetRun RunOds(std::string_view bytes, const Limits& limits = Limits(),
                std::string file_name = "t.ods");

// A string of `n` copies of `piece`.
std::string Repeat(std::string_view piece, size_t n);

}  // namespace okr::testing

#endif  // OKR_TESTS_IMPORTERS_ZIP_SHEET_TEST_UTIL_H_
