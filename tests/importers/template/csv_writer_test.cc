// Copyright 2026 The okrd Authors.

#include "importers/csv/csv_writer.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "tests/importers/recording_sink.h"
#include "tests/importers/template/mapper_test_util.h"

namespace okr {
namespace {

using testing::B;
using testing::D;
using testing::N;
using testing::S;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

TEST_CASE("CSV quotes only when needed and ends records with CRLF",
          "[csv_writer]") {
  const std::vector<std::vector<Cell>> rows = {
      {S("plain"), S("a,b"), S("say \"hi\""), S("two\nlines")},
      {S("x")},
  };
  CHECK(WriteCsv(rows) ==
        std::string(kBom) +
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nx,,,\r\n");
  CsvWriteOptions options;
  options.bom = false;
  options.delimiter = ';';
  CHECK(WriteCsv(rows, options) ==
        "plain;a,b;\"say \"\"hi\"\"\";\"two\nlines\"\r\nx;;;\r\n");
}

TEST_CASE("CSV cells by type", "[csv_writer]") {
  CsvWriteOptions o;
  CHECK(CsvFieldText(N(0.7), o) == "0.7");
  CHECK(CsvFieldText(N(8400000), o) == "8400000");
  CHECK(CsvFieldText(N(12000000), o) == "12000000");
  CHECK(CsvFieldText(N(-3), o) == "-3");
  CHECK(CsvFieldText(N(1e21), o) == "1e+21");
  CHECK(CsvFieldText(N(1e-7), o) == "1e-07");
  CHECK(CsvFieldText(N(0.1 + 0.2), o) == "0.30000000000000004");
  CHECK(CsvFieldText(B(true), o) == "TRUE");
  CHECK(CsvFieldText(D("2027-03-31"), o) == "2027-03-31");
  CHECK(CsvFieldText(Cell{CellType::kDateTime, "2027-03-31T10:00:00", 0}, o) ==
        "2027-03-31 10:00:00");
  CHECK(CsvFieldText(Cell{}, o) == "");
}

TEST_CASE("CSV neutralises formula triggers and undoes it", "[csv_writer]") {
  CsvWriteOptions o;
  for (std::string text :
       {"=1+1", "+49 30", "-5% churn", "@SUM(A1)", "\tx", "'quoted", "'=x"}) {
    const std::string written = CsvFieldText(S(text), o);
    INFO(text);
    CHECK(written == "'" + text);
    CHECK(UnneutraliseCsvText(written) == text);
  }
  CHECK(CsvFieldText(S("plain"), o) == "plain");
  CHECK(UnneutraliseCsvText("'abc") == "'abc");
  CHECK(CsvFieldText(N(-5), o) == "-5");
  o.neutralise_formulas = false;
  CHECK(CsvFieldText(S("=1+1"), o) == "=1+1");
}

TEST_CASE("A first field starting with sep= is quoted", "[csv_writer]") {
  CsvWriteOptions o;
  o.bom = false;
  CHECK(WriteCsv(std::vector<std::vector<Cell>>{{S("sep=;")}}, o) ==
        "\"sep=;\"\r\n");
}

TEST_CASE("Numbers survive writing and reading back exactly", "[csv_writer]") {
  for (double v : {0.1, 0.30000000000000004, 1.0 / 3, 99.95, 8.4e6, 1e15, 1e-6,
                   5e-324, 1.7976931348623157e308, -0.0, 123456789.125}) {
    const std::string text = FormatCsvNumber(v);
    Result<ParsedNumber> back = ParseNumberText(text, false);
    INFO(text);
    REQUIRE(back.ok());
    CHECK(back->value == v);
    CHECK(std::signbit(back->value) == std::signbit(v));
  }
}

TEST_CASE("ReadCsv reads what WriteCsv wrote", "[csv_writer]") {
  const std::vector<std::vector<Cell>> rows = {
      {S("h1"), S("h2"), S("h3")},
      {S("B\xC3\xB8 \xC3\x98rsted"), S("line\r\nbreak"), N(1.5)},
      {S("sep=,"), Cell{}, S("\"")},
  };
  const testing::CsvRun run = testing::RunCsv(WriteCsv(rows));
  REQUIRE(run.status.ok());
  CHECK(run.info.bom);
  CHECK(run.info.delimiter == ',');
  CHECK(run.sink.Dump() ==
        "1:h1|h2|h3\n2:B\xC3\xB8 \xC3\x98rsted|line\\nbreak|1.5\n"
        "3:sep=,||\"\n");
}

}  // namespace
}  // namespace okr
