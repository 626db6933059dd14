// Copyright 2026 The okrd Authors.
//
// libFuzzer target for the XLSX worksheet parser (FUZZ-2 "xlsx_sheet"): the
// input is a worksheet part's XML, parsed with a fixed shared string table
// and styles (General, a date, a duration, a custom date), so every cell
// type is reachable. Beyond "no crash, no leak, no undefined behaviour" it
// checks, for every input:
//   - the RowSink contract and every cell's invariants (sheet_fuzz_util.h);
//   - errors are InvalidArgument or ResourceExhausted naming the file;
//   - streaming: the same bytes fed in small chunks (sizes from the first
//     byte) give exactly the same rows, details and status;
//   - the fast tokenizer (XmlFastScanner) changes nothing: with it turned
//     off (expat alone) the rows, details and status are the same, the
//     message too but for a malformed-XML column (CheckSameAsExpat).

#include <cstdint>
#include <string>
#include <string_view>

#include "importers/xlsx/xlsx_shared_strings.h"
#include "importers/xlsx/xlsx_sheet_parser.h"
#include "importers/xlsx/xlsx_styles.h"
#include "importers/zip/row_builder.h"
#include "importers/zip/xml_stream.h"
#include "tests/fuzz/sheet_fuzz_util.h"

namespace okr {
namespace {

struct Outcome {
  Status status;
  std::string record;
};

Outcome ParseSheet(std::string_view xml, size_t chunk, DateSystem system,
                   bool fast = true) {
  const Limits limits = fuzz::SmallLimits();
  SharedStrings strings;
  for (const char* text : {"zero", "", "multi\nline", "\xC3\xA9t\xC3\xA9"}) {
    strings.Add(text);
  }
  const XlsxStyles styles({NumFmtKind::kOther, NumFmtKind::kDate,
                           NumFmtKind::kDuration, NumFmtKind::kDate});
  fuzz::CheckingSink sink(limits);
  RowBuilder rows("fuzz.xlsx", limits, &sink, nullptr);
  Status status = sink.BeginSheet(SheetInfo{"Sheet1", "visible", 0});
  rows.BeginSheet("Sheet1");
  SheetDetails details;
  XlsxSheetParser parser({&strings, &styles, system}, &rows, &details);
  XmlStream stream("xl/worksheets/sheet1.xml", &parser, limits.max_xml_depth);
  if (!fast) stream.DisableFastPath();
  for (size_t at = 0; at < xml.size() && status.ok(); at += chunk) {
    status = stream.Feed(xml.substr(at, chunk));
  }
  if (status.ok()) status = stream.Finish();
  if (status.ok()) status = sink.OnSheetDetails(details);
  if (status.ok()) status = sink.EndSheet();
  if (!status.ok()) fuzz::CheckError(status, "fuzz.xlsx");
  SHEET_FUZZ_CHECK(status.ok() == !sink.in_sheet());
  return Outcome{status, sink.record()};
}

}  // namespace
}  // namespace okr

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const okr::DateSystem system =
      (data[0] & 0x80) ? okr::DateSystem::k1904 : okr::DateSystem::k1900;
  const size_t chunk = 1 + (data[0] & 0x3F);
  const std::string_view xml(reinterpret_cast<const char*>(data) + 1, size - 1);
  const okr::Outcome whole = okr::ParseSheet(xml, xml.size() + 1, system);
  const okr::Outcome pieces = okr::ParseSheet(xml, chunk, system);
  SHEET_FUZZ_CHECK(whole.status.code() == pieces.status.code());
  if (whole.status.ok()) SHEET_FUZZ_CHECK(whole.record == pieces.record);
  const okr::Outcome expat =
      okr::ParseSheet(xml, xml.size() + 1, system, /*fast=*/false);
  okr::fuzz::CheckSameAsExpat(whole.status, whole.record, expat.status,
                              expat.record);
  return 0;
}
