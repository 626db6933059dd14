// Copyright 2026 The okrd Authors.
//
// libFuzzer target for the ODS content.xml parser (FUZZ-3 "ods_content"):
// the input is a content.xml. Beyond "no crash, no leak, no undefined
// behaviour" it checks, for every input:
//   - the RowSink contract and every cell's invariants (sheet_fuzz_util.h),
//     so repeats never escape the limits;
//   - errors are InvalidArgument or ResourceExhausted naming the file;
//   - streaming: the same bytes fed in small chunks (sizes from the first
//     byte) give exactly the same rows, details and status;
//   - the fast tokenizer (XmlFastScanner) changes nothing: with it turned
//     off (expat alone) the rows and status are the same, the message too
//     but for a malformed-XML column (CheckSameAsExpat).

#include <cstdint>
#include <string>
#include <string_view>

#include "importers/ods/ods_content_parser.h"
#include "importers/zip/row_builder.h"
#include "importers/zip/xml_stream.h"
#include "tests/fuzz/sheet_fuzz_util.h"

namespace okr {
namespace {

struct Outcome {
  Status status;
  std::string record;
};

Outcome ParseContent(std::string_view xml, size_t chunk, bool fast = true) {
  const Limits limits = fuzz::SmallLimits();
  fuzz::CheckingSink sink(limits);
  RowBuilder rows("fuzz.ods", limits, &sink, nullptr);
  OdsContentParser parser(&rows, &sink, &sink);
  XmlStream stream("content.xml", &parser, limits.max_xml_depth);
  if (!fast) stream.DisableFastPath();
  Status status;
  for (size_t at = 0; at < xml.size() && status.ok(); at += chunk) {
    status = stream.Feed(xml.substr(at, chunk));
  }
  if (status.ok()) status = stream.Finish();
  if (!status.ok()) fuzz::CheckError(status, "fuzz.ods");
  SHEET_FUZZ_CHECK(!status.ok() || !sink.in_sheet());
  SHEET_FUZZ_CHECK(sink.sheets() == parser.sheets_read());
  return Outcome{status, sink.record()};
}

}  // namespace
}  // namespace okr

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t chunk = 1 + (data[0] & 0x3F);
  const std::string_view xml(reinterpret_cast<const char*>(data) + 1, size - 1);
  const okr::Outcome whole = okr::ParseContent(xml, xml.size() + 1);
  const okr::Outcome pieces = okr::ParseContent(xml, chunk);
  SHEET_FUZZ_CHECK(whole.status.code() == pieces.status.code());
  if (whole.status.ok()) SHEET_FUZZ_CHECK(whole.record == pieces.record);
  const okr::Outcome expat =
      okr::ParseContent(xml, xml.size() + 1, /*fast=*/false);
  okr::fuzz::CheckSameAsExpat(whole.status, whole.record, expat.status,
                              expat.record);
  return 0;
}
