// Copyright 2026 The okrd Authors.
//
// examples/halden-health.xlsx is the example organisation as a spreadsheet:
// the template users copy. Read through the real importer, it must be
// exactly what the generator makes for its date, so the two never drift.

#include <catch2/catch.hpp>
#include <cstdlib>

#include "core/example/example_org.h"
#include "importers/import_file.h"
#include "importers/template/template_export.h"

namespace okr {
namespace {

TEST_CASE("the shipped example spreadsheet is the example organisation",
          "[template]") {
  const Date day{2026, 11, 24};
  // OKR_WRITE_EXAMPLE=PATH rewrites the file from the generator first (see
  // examples/README.md); the checks below then read it back.
  if (const char* path = std::getenv("OKR_WRITE_EXAMPLE")) {
    const Status written = WriteTemplateXlsxFile(
        BuildTemplateSheets(MakeExampleOrganisation(day), ""), path);
    INFO(written.ToString());
    REQUIRE(written.ok());
  }
  auto file = ImportFile(OKR_SOURCE_DIR "/examples/halden-health.xlsx",
                         {.today = day}, Limits());
  REQUIRE(file.ok());
  CHECK(file->format == FileFormat::kXlsx);
  CHECK(file->errors.empty());
  CHECK(file->warnings.empty());
  // Every row has its ID.
  CHECK(file->derived_objectives ==
        std::vector<bool>(file->org.objectives.size(), false));
  CHECK(file->derived_krs ==
        std::vector<bool>(file->org.key_results.size(), false));
  Organisation expected = MakeExampleOrganisation(day);
  for (CheckIn& c : expected.check_ins) c.id = 0;
  CHECK(file->org.units == expected.units);
  CHECK(file->org.people == expected.people);
  CHECK(file->org.cycles == expected.cycles);
  CHECK(file->org.objectives == expected.objectives);
  CHECK(file->org.key_results == expected.key_results);
  CHECK(file->org.check_ins == expected.check_ins);
}

}  // namespace
}  // namespace okr
