// Copyright 2026 The okrd Authors.

#include "importers/zip/cell_values.h"

#include <catch2/catch.hpp>
#include <string>

#include "importers/zip/sheet_details.h"

namespace okr {
namespace {

std::string Serial(double serial, DateSystem system = DateSystem::k1900) {
  Cell cell;
  if (!SerialToDateCell(serial, system, &cell)) return "none";
  return std::string(CellTypeName(cell.type)) + " " + cell.text;
}

std::string Iso(std::string_view text) {
  Cell cell;
  if (!IsoToDateCell(text, &cell)) return "none";
  return std::string(CellTypeName(cell.type)) + " " + cell.text;
}

std::string Duration(std::string_view text) {
  Cell cell;
  if (!DurationToCell(text, &cell)) return "none";
  if (cell.type == CellType::kNumber)
    return "days " + std::to_string(cell.number);
  return std::string(CellTypeName(cell.type)) + " " + cell.text;
}

TEST_CASE("Numbers parse as written, finite only", "[zip][values]") {
  CHECK(ParseXmlNumber("3") == 3.0);
  CHECK(ParseXmlNumber(" -1.5 ") == -1.5);
  CHECK(ParseXmlNumber("1E-3") == 0.001);
  CHECK(ParseXmlNumber("+2") == 2.0);
  CHECK(ParseXmlNumber(".5") == 0.5);
  CHECK(ParseXmlNumber("1.6900000000000002") == 1.6900000000000002);
  for (const char* bad : {"", " ", "abc", "1e999", "-1e999", "inf", "-inf",
                          "nan", "0x10", "1,5", "1 2", "--1"}) {
    INFO(bad);
    CHECK_FALSE(ParseXmlNumber(bad).has_value());
  }
}

TEST_CASE("1900 serials follow Excel, including the phantom 29 February",
          "[zip][values]") {
  CHECK(Serial(1) == "date 1900-01-01");
  CHECK(Serial(59) == "date 1900-02-28");
  CHECK(Serial(60) == "none");  // 1900-02-29 never existed.
  CHECK(Serial(60.5) == "none");
  CHECK(Serial(61) == "date 1900-03-01");
  CHECK(Serial(1.0 + 1.0 / 3) == "datetime 1900-01-01T08:00:00");
  CHECK(Serial(45000) == "date 2023-03-15");
  CHECK(Serial(2958465) == "date 9999-12-31");
  CHECK(Serial(2958466) == "none");
  CHECK(Serial(-1) == "none");
  CHECK(Serial(0.5) == "time 12:00:00");
  CHECK(Serial(0) == "time 00:00:00");
  CHECK(Serial(0.4236111111) == "time 10:10:00");
  CHECK(Serial(0.99999999999) == "date 1900-01-01");  // Rounds to a day.
  CHECK(Serial(0.000001) == "time 00:00:00.086");
}

TEST_CASE("1904 serials count from 1904-01-01", "[zip][values]") {
  CHECK(Serial(1, DateSystem::k1904) == "date 1904-01-02");
  CHECK(Serial(60, DateSystem::k1904) == "date 1904-03-01");
  CHECK(Serial(11111, DateSystem::k1904) == "date 1934-06-03");
  CHECK(Serial(0.25, DateSystem::k1904) == "time 06:00:00");
  CHECK(Serial(2957003, DateSystem::k1904) == "date 9999-12-31");
  CHECK(Serial(2957004, DateSystem::k1904) == "none");
}

TEST_CASE("ISO 8601 dates, date-times and times", "[zip][values]") {
  CHECK(Iso("2021-01-01") == "date 2021-01-01");
  CHECK(Iso("2021-01-01T00:00:00") == "date 2021-01-01");
  CHECK(Iso("2021-01-01T10:10:10") == "datetime 2021-01-01T10:10:10");
  CHECK(Iso("2021-01-01T10:10:10.5Z") == "datetime 2021-01-01T10:10:10.500");
  CHECK(Iso("2021-12-31T23:59:59.9999") == "date 2022-01-01");
  CHECK(Iso("10:10:10") == "time 10:10:10");
  CHECK(Iso("10:10:10.123456") == "time 10:10:10.123");
  for (const char* bad :
       {"", "2021-02-30", "2021-1-1", "21-01-01", "2021-01-01T25:00:00",
        "2021-01-01 10:00:00", "2021-01-01T10:10", "24:00:00",
        "2021-01-01+02:00", "abc"}) {
    INFO(bad);
    CHECK(Iso(bad) == "none");
  }
}

TEST_CASE("ODS durations: below a day a time, else days", "[zip][values]") {
  CHECK(Duration("PT10H10M10S") == "time 10:10:10");
  CHECK(Duration("PT10H10M10.123456S") == "time 10:10:10.123");
  CHECK(Duration("PT0S") == "time 00:00:00");
  CHECK(Duration("PT36H") == "days 1.500000");
  CHECK(Duration("P1DT12H") == "days 1.500000");
  for (const char* bad :
       {"", "P", "PT", "-PT1H", "PT1X", "P1H", "PTH", "PT1H2", "P1Y"}) {
    INFO(bad);
    CHECK(Duration(bad) == "none");
  }
}

TEST_CASE("Range references parse and print", "[zip][values]") {
  const std::optional<CellRange> range = ParseRangeRef("C4:A1");
  REQUIRE(range.has_value());
  CHECK(RangeRef(*range) == "A1:C4");
  CHECK(RangeRef(*ParseRangeRef("B2")) == "B2:B2");
  CHECK_FALSE(ParseRangeRef("A1:").has_value());
  CHECK_FALSE(ParseRangeRef("A0:B2").has_value());
  CHECK_FALSE(ParseRangeRef("").has_value());
  CHECK(QuotedExcerpt("abc") == "\"abc\"");
  // A cut never splits a UTF-8 character.
  CHECK(QuotedExcerpt(std::string(39, 'a') + "\xC3\xA9xyz") ==
        "\"" + std::string(39, 'a') + "...\"");
}

}  // namespace
}  // namespace okr
