// Copyright 2026 The okrd Authors.
//
// libFuzzer target for okrd's XML format (FUZZ-5 "xml"). Beyond "no crash,
// no leak, no undefined behaviour" it checks, for every input:
//   - errors are InvalidArgument or ResourceExhausted and name the file;
//   - round trip: a document that reads and passes the model's structural
//     validation (what an import requires) is written back with nothing
//     replaced (XML 1.0 text cannot hold what the writer must replace), and
//     that output reads back to an equal organisation and is written again
//     byte for byte the same. (The writer leaves out check-ins of unknown
//     targets, which validation refuses.)
// Small limits make the limit paths reachable.

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/model/validate.h"
#include "importers/xml/xml_format.h"
#include "tests/fuzz/fuzz_check.h"

namespace okr {
namespace {

Limits SmallLimits() {
  Limits limits;
  limits.max_input_bytes = 1 << 20;
  limits.max_xml_depth = 16;
  limits.max_cell_bytes = 4096;
  return limits;
}

void CheckError(const Status& status) {
  FUZZ_CHECK(status.code() == StatusCode::kInvalidArgument ||
             status.code() == StatusCode::kResourceExhausted);
  FUZZ_CHECK(status.message().find("fuzz.xml") != std::string::npos);
}

}  // namespace
}  // namespace okr

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const okr::Limits limits = okr::SmallLimits();
  okr::Result<okr::Organisation> first =
      okr::ReadOrganisationXml(bytes, "fuzz.xml", limits);
  if (!first.ok()) {
    okr::CheckError(first.status());
    return 0;
  }
  if (!okr::ValidateOrganisation(*first).ok()) return 0;
  const okr::XmlWriteResult written = okr::WriteOrganisationXml(*first, "");
  FUZZ_CHECK(written.replaced_characters == 0);
  okr::Limits roomy = limits;
  roomy.max_input_bytes = int64_t{64} << 20;  // Writing may grow the text.
  okr::Result<okr::Organisation> second =
      okr::ReadOrganisationXml(written.xml, "fuzz.xml", roomy);
  if (!second.ok()) {
    std::fprintf(stderr, "rewritten document failed: %s\n",
                 second.status().message().c_str());
  }
  FUZZ_CHECK(second.ok());
  FUZZ_CHECK(*second == *first);
  FUZZ_CHECK(okr::WriteOrganisationXml(*second, "").xml == written.xml);
  return 0;
}
