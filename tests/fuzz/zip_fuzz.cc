// Copyright 2026 The okrd Authors.
//
// libFuzzer target for whole files (FUZZ-4 "zip_container"): every input
// goes through both ReadXlsx and ReadOds, so the zip layer (libzip plus our
// own size, ratio and name checks), the package layer (relationships,
// manifest, mimetype) and the sheet parsers are all reached. Checks, for
// every input: no crash, leak or undefined behaviour; the RowSink contract
// and cell invariants (sheet_fuzz_util.h); errors are InvalidArgument or
// ResourceExhausted naming the file; EndSheet is only missing after an
// error.

#include <cstdint>
#include <string_view>

#include "importers/ods/ods_reader.h"
#include "importers/xlsx/xlsx_reader.h"
#include "tests/fuzz/sheet_fuzz_util.h"

namespace okr {
namespace {

template <typename Options, typename Reader>
void ReadOnce(std::string_view bytes, const char* file, Reader reader) {
  const Limits limits = fuzz::SmallLimits();
  fuzz::CheckingSink sink(limits);
  Options options;
  options.file_name = file;
  options.details = &sink;
  const Status status = reader(bytes, options, limits, &sink);
  if (status.ok()) {
    SHEET_FUZZ_CHECK(!sink.in_sheet());
  } else {
    fuzz::CheckError(status, file);
  }
}

}  // namespace
}  // namespace okr

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  okr::ReadOnce<okr::XlsxOptions>(bytes, "fuzz.xlsx", &okr::ReadXlsx);
  okr::ReadOnce<okr::OdsOptions>(bytes, "fuzz.ods", &okr::ReadOds);
  return 0;
}
