// Copyright 2026 The okrd Authors.

#include "importers/xlsx/xlsx_writer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "importers/xlsx/xlsx_reader.h"
#include "tests/importers/recording_sink.h"
#include "tests/importers/template/mapper_test_util.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::B;
using testing::D;
using testing::N;
using testing::S;

testing::RecordingSink ReadBack(const std::string& bytes) {
  testing::RecordingSink sink;
  XlsxOptions options;
  options.file_name = "t.xlsx";
  const Status status = ReadXlsx(bytes, options, Limits(), &sink);
  INFO(status.ToString());
  REQUIRE(status.ok());
  return sink;
}

TEST_CASE("XLSX cells keep their types", "[xlsx_writer]") {
  const std::vector<std::vector<Cell>> rows = {
      {S("=1+1"), N(0.1), B(true), D("2027-03-31")},
      {Cell{CellType::kDateTime, "2027-03-31T10:30:05", 0},
       Cell{CellType::kTime, "08:15:00", 0}, Cell{}, S("")},
      {S("line\nbreak"), N(-8400000), S("\xC3\x98rsted")}};
  const XlsxSheet sheet{"Data", rows, {20, 0, 8}, 1};
  Result<std::string> bytes = WriteXlsxBytes({&sheet, 1});
  REQUIRE(bytes.ok());
  const testing::RecordingSink sink = ReadBack(*bytes);
  REQUIRE(sink.sheets.size() == 1);
  CHECK(sink.sheets[0].info.name == "Data");
  CHECK(sink.At("A1").type == CellType::kString);
  CHECK(sink.At("A1").text == "=1+1");  // Text, never a formula.
  CHECK(sink.At("B1").number == 0.1);
  CHECK(sink.At("C1").type == CellType::kBool);
  CHECK(sink.At("D1").type == CellType::kDate);
  CHECK(sink.At("D1").text == "2027-03-31");
  CHECK(sink.At("A2").type == CellType::kDateTime);
  CHECK(sink.At("A2").text == "2027-03-31T10:30:05");
  CHECK(sink.At("B2").type == CellType::kTime);
  CHECK(sink.At("B2").text == "08:15:00");
  CHECK(sink.At("C2").empty());
  CHECK(sink.At("D2").empty());
  CHECK(sink.At("A3").text == "line\nbreak");
  CHECK(sink.At("B3").number == -8400000);
  CHECK(sink.At("C3").text == "\xC3\x98rsted");
}

TEST_CASE("XLSX writer errors name the cell", "[xlsx_writer]") {
  const std::vector<std::vector<Cell>> long_text = {
      {S("ok"), S(std::string(32768, 'x'))}};
  const XlsxSheet too_long{"S", long_text, {}, 0};
  CHECK(WriteXlsxBytes({&too_long, 1}).status().message() ==
        "S!B1: text longer than 32767 bytes or with a NUL character");
  const std::vector<std::vector<Cell>> bad_date = {{D("2027-02-30")}};
  const XlsxSheet bad{"S", bad_date, {}, 0};
  CHECK(WriteXlsxBytes({&bad, 1}).status().message() ==
        "S!A1: \"2027-02-30\" is not a date");
  const XlsxSheet bad_name{"a/b", long_text, {}, 0};
  CHECK(WriteXlsxBytes({&bad_name, 1}).status().message() ==
        "\"a/b\" is not a valid sheet name");
  const XlsxSheet twice[] = {{"S", bad_date, {}, 0}, {"s", bad_date, {}, 0}};
  CHECK(WriteXlsxBytes(twice).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("XLSX file writing reports IO errors and cleans up",
          "[xlsx_writer]") {
  const std::vector<std::vector<Cell>> rows = {{S("x")}};
  const XlsxSheet sheet{"S", rows, {}, 0};
  testing::TempDir dir;
  const std::string path = dir.File("out.xlsx");
  REQUIRE(WriteXlsxFile({&sheet, 1}, path).ok());
  CHECK(std::filesystem::file_size(path) > 0);
  const Status missing =
      WriteXlsxFile({&sheet, 1}, dir.File("no/such/dir/out.xlsx"));
  CHECK(missing.code() == StatusCode::kIoError);
  const std::vector<std::vector<Cell>> bad_date = {{D("soon")}};
  const XlsxSheet bad{"S", bad_date, {}, 0};
  const std::string bad_path = dir.File("bad.xlsx");
  CHECK_FALSE(WriteXlsxFile({&bad, 1}, bad_path).ok());
  CHECK_FALSE(std::filesystem::exists(bad_path));
}

}  // namespace
}  // namespace okr
