// Copyright 2026 The okrd Authors.

#include "importers/ods/ods_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/importers/zip/sheet_test_util.h"

namespace okr {
namespace {

using testing::MinimalOds;
using testing::Repeat;
using testing::RunOds;
using testing::SheetRun;

void CheckOk(const SheetRun& run) {
  INFO(run.status.ToString());
  REQUIRE(run.status.ok());
  CHECK(run.sink.violations.empty());
  REQUIRE(!run.sink.sheets.empty());
  CHECK(run.sink.sheets.back().ended);
  CHECK(run.details.sheets.size() == run.sink.sheets.size());
}

void CheckError(const SheetRun& run, StatusCode code,
                const std::string& message) {
  INFO(run.status.ToString());
  CHECK(run.status.code() == code);
  CHECK(run.status.message() == message);
  CHECK(run.sink.violations.empty());
  CHECK(run.seconds < testing::kHangGuardSeconds);
  if (!run.sink.sheets.empty()) CHECK_FALSE(run.sink.sheets.back().ended);
}

std::string Table(std::string_view rows, std::string_view name = "S",
                  std::string_view style = "") {
  std::string out = "<table:table table:name=\"" + std::string(name) + "\"";
  if (!style.empty()) out += " table:style-name=\"" + std::string(style) + "\"";
  return out + ">" + std::string(rows) + "</table:table>";
}

SheetRun RunRows(std::string_view rows, const Limits& limits = Limits()) {
  return RunOds(MinimalOds(Table(rows)), limits);
}

std::string Show(const SheetRun& run, std::string_view ref, size_t sheet = 0) {
  const Cell cell = run.sink.At(ref, sheet);
  return std::string(CellTypeName(cell.type)) + " " + cell.text;
}

TEST_CASE("ODS value types come from the attributes", "[ods]") {
  const SheetRun run = RunRows(
      R"(<table:table-row>)"
      R"(<table:table-cell office:value-type="float" office:value="1.5"><text:p>1,50</text:p></table:table-cell>)"
      R"(<table:table-cell office:value-type="percentage" office:value="0.42"/>)"
      R"(<table:table-cell office:value-type="currency" office:value="-3"/>)"
      R"(<table:table-cell office:value-type="date" office:date-value="2026-03-31"/>)"
      R"(<table:table-cell office:value-type="date" office:date-value="2026-03-31T09:30:00"/>)"
      R"(<table:table-cell office:value-type="time" office:time-value="PT09H30M00S"/>)"
      R"(<table:table-cell office:value-type="time" office:time-value="PT36H"/>)"
      R"(<table:table-cell office:value-type="boolean" office:boolean-value="true"/>)"
      R"(<table:table-cell office:value-type="string" office:string-value="attr"><text:p>shown</text:p></table:table-cell>)"
      R"(<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>)"
      R"(<table:table-cell office:value-type="void"><text:p>odd</text:p></table:table-cell>)"
      R"(<table:table-cell><text:p>untyped</text:p></table:table-cell>)"
      R"(</table:table-row>)");
  CheckOk(run);
  CHECK(Show(run, "A1") == "number 1.5");
  CHECK(run.sink.At("A1").number == 1.5);
  CHECK(Show(run, "B1") == "number 0.42");
  CHECK(Show(run, "C1") == "number -3");
  CHECK(Show(run, "D1") == "date 2026-03-31");
  CHECK(Show(run, "E1") == "datetime 2026-03-31T09:30:00");
  CHECK(Show(run, "F1") == "time 09:30:00");
  CHECK(Show(run, "G1") == "number ");
  CHECK(run.sink.At("G1").number == 1.5);
  CHECK(Show(run, "H1") == "bool TRUE");
  CHECK(Show(run, "I1") == "string attr");
  CHECK(Show(run, "J1") == "error #DIV/0!");
  CHECK(Show(run, "K1") == "string odd");
  CHECK(Show(run, "L1") == "string untyped");
}

TEST_CASE("ODS text: paragraphs, spaces, tabs, breaks, spans, no notes",
          "[ods]") {
  const SheetRun run = RunRows(
      R"(<table:table-row><table:table-cell office:value-type="string">)"
      R"(<office:annotation><text:p>a comment</text:p></office:annotation>)"
      R"(<text:p>one<text:s text:c="3"/>two<text:tab/>three</text:p>)"
      R"(<text:p><text:span>sp</text:span>an<text:line-break/>x<text:s/></text:p>)"
      R"(<draw:frame><draw:text-box><text:p>shape</text:p></draw:text-box></draw:frame>)"
      R"(<text:h>head</text:h></table:table-cell></table:table-row>)");
  CheckOk(run);
  CHECK(Show(run, "A1") == "string one   two\tthree\nspan\nx \nhead");
}

TEST_CASE("Repeats advance positions, only non-empty cells are passed",
          "[ods]") {
  const SheetRun run = RunRows(
      R"(<table:table-column table:number-columns-repeated="16384"/>)"
      R"(<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>)"
      R"(<table:table-row><table:table-cell table:number-columns-repeated="2"/>)"
      R"(<table:table-cell office:value-type="string" table:number-columns-repeated="3"><text:p>x</text:p></table:table-cell>)"
      R"(<table:table-cell table:number-columns-repeated="16379"/></table:table-row>)"
      R"(<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float" office:value="7"/></table:table-row>)"
      R"(<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>)");
  CheckOk(run);
  CHECK(run.sink.Dump() == "3:||x|x|x\n4:7\n5:7\n");
  CHECK(run.seconds < testing::kHangGuardSeconds);
}

TEST_CASE("Covered cells are empty, spans are merged ranges", "[ods]") {
  const SheetRun run = RunRows(
      R"(<table:table-header-rows><table:table-row>)"
      R"(<table:table-cell office:value-type="string" table:number-columns-spanned="2" table:number-rows-spanned="2"><text:p>a</text:p></table:table-cell>)"
      R"(<table:covered-table-cell office:value-type="string"><text:p>hidden</text:p></table:covered-table-cell>)"
      R"(<table:table-cell office:value-type="float" office:value="1"/>)"
      R"(</table:table-row></table:table-header-rows>)"
      R"(<table:table-row-group><table:table-row><table:covered-table-cell table:number-columns-repeated="2"/>)"
      R"(<table:table-cell office:value-type="float" office:value="2"/></table:table-row></table:table-row-group>)");
  CheckOk(run);
  CHECK(run.sink.Dump() == "1:a||1\n2:||2\n");
  REQUIRE(run.details.sheets[0].merged.size() == 1);
  CHECK(RangeRef(run.details.sheets[0].merged[0]) == "A1:B2");
}

TEST_CASE("Sheets, hidden by style, and formulas without values", "[ods]") {
  const SheetRun run = RunOds(MinimalOds(
      Table("<table:table-row><table:table-cell table:formula=\"of:=A9\"/>"
            "<table:table-cell office:value-type=\"float\" office:value=\"1\" "
            "table:formula=\"of:=1\"/></table:table-row>",
            "Visible", "ta1") +
          Table("", "Hidden", "ta2"),
      R"(<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>)"
      R"(<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>)"));
  CheckOk(run);
  REQUIRE(run.sink.sheets.size() == 2);
  CHECK(run.sink.sheets[0].info.name == "Visible");
  CHECK(run.sink.sheets[0].info.state == "visible");
  CHECK(run.sink.sheets[1].info.name == "Hidden");
  CHECK(run.sink.sheets[1].info.state == "hidden");
  CHECK(run.sink.sheets[1].info.index == 1);
  CHECK(run.sink.Dump() == "1:|1\n");
  REQUIRE(run.details.sheets[0].uncached_formulas.size() == 1);
  CHECK(run.details.sheets[0].uncached_formulas[0] == CellPosition{1, 0});
}

TEST_CASE("Malformed ODS values are errors naming the cell", "[ods]") {
  struct Case {
    const char* cell;
    const char* message;
  };
  const Case cases[] = {
      {R"(office:value-type="float" office:value="abc")",
       "t.ods:S!B1: value \"abc\" is not a number"},
      {R"(office:value-type="float")",
       "t.ods:S!B1: value \"\" is not a number"},
      {R"(office:value-type="date" office:date-value="31.12.2020")",
       "t.ods:S!B1: date \"31.12.2020\" is not an ISO 8601 date"},
      {R"(office:value-type="time" office:time-value="10:00")",
       "t.ods:S!B1: time \"10:00\" is not an ISO 8601 duration"},
      {R"(office:value-type="boolean" office:boolean-value="yes")",
       "t.ods:S!B1: boolean \"yes\" is not true or false"},
  };
  for (const Case& c : cases) {
    INFO(c.cell);
    CheckError(RunRows(std::string("<table:table-row><table:table-cell/>"
                                   "<table:table-cell ") +
                       c.cell + "/></table:table-row>"),
               StatusCode::kInvalidArgument, c.message);
  }
}

TEST_CASE("Files that are not spreadsheets, or are encrypted", "[ods]") {
  CheckError(RunOds(testing::ZipBuilder()
                        .Add("mimetype",
                             "application/vnd.oasis.opendocument."
                             "text",
                             false)
                        .Add("content.xml", "<x/>")
                        .Build()),
             StatusCode::kInvalidArgument,
             "t.ods: not an OpenDocument spreadsheet (mimetype "
             "\"application/vnd.oasis.opendocument.text\")");
  CheckError(RunOds(testing::ZipBuilder().Add("styles.xml", "<x/>").Build()),
             StatusCode::kInvalidArgument,
             "t.ods: not an OpenDocument spreadsheet: there is no "
             "content.xml");
  CheckError(
      RunOds(testing::ZipBuilder()
                 .Add("mimetype",
                      "application/vnd.oasis.opendocument.spreadsheet", false)
                 .Add("META-INF/manifest.xml",
                      "<m:manifest xmlns:m=\"urn:oasis:names:tc:opendocument:"
                      "xmlns:manifest:1.0\"><m:file-entry m:full-path=\""
                      "content.xml\"><m:encryption-data/></m:file-entry>"
                      "</m:manifest>")
                 .Add("content.xml", "\x01\x02 not xml")
                 .Build()),
      StatusCode::kInvalidArgument,
      "t.ods: file is password-protected; save it without a password and "
      "try again");
  CheckError(RunOds(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)),
             StatusCode::kInvalidArgument,
             "t.ods: not an OpenDocument spreadsheet but an OLE compound "
             "file (a legacy .xls, or an encrypted Office file)");
}

TEST_CASE("IMP-12: a billion repeats of a non-empty cell stop at a limit",
          "[ods][attack]") {
  const std::string dos = MinimalOds(Table(
      R"(<table:table-row table:number-rows-repeated="999999999">)"
      R"(<table:table-cell table:number-columns-repeated="999999999" office:value-type="string"><text:p>X</text:p></table:table-cell>)"
      R"(</table:table-row>)"));
  CheckError(RunOds(dos, Limits(), "dos.ods"), StatusCode::kResourceExhausted,
             "dos.ods:S!XFE1: cell beyond max_columns (16384)");
  Limits limits;
  limits.max_cells = 100'000;
  const std::string rows = MinimalOds(Table(
      R"(<table:table-row table:number-rows-repeated="999999999">)"
      R"(<table:table-cell table:number-columns-repeated="10" office:value-type="float" office:value="1"/>)"
      R"(</table:table-row>)"));
  CheckError(RunOds(rows, limits), StatusCode::kResourceExhausted,
             "t.ods:S!A10001: more than max_cells (100000) non-empty cells");
  limits = Limits();
  limits.max_rows = 500;
  CheckError(RunOds(rows, limits), StatusCode::kResourceExhausted,
             "t.ods:S!A501: more than max_rows (500) rows");
  const SheetRun tall = RunOds(MinimalOds(Table(
      R"(<table:table-row table:number-rows-repeated="1048575"><table:table-cell/></table:table-row>)"
      R"(<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>)"
      R"(<table:table-row><table:table-cell office:value-type="float" office:value="2"/></table:table-row>)")));
  CheckError(tall, StatusCode::kInvalidArgument,
             "t.ods:S!A1048577: row 1048577 is below the last row a sheet can "
             "have (1048576)");
  CHECK(tall.sink.Dump() == "1048576:1\n");
}

TEST_CASE("ODS hardening: DOCTYPE, depth, long text, bad UTF-8",
          "[ods][attack]") {
  const std::string doctype =
      testing::ZipBuilder()
          .Add("content.xml",
               "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]><x>&a;</x>")
          .Build();
  CheckError(RunOds(doctype), StatusCode::kInvalidArgument,
             "t.ods: content.xml: has a DOCTYPE declaration, which "
             "spreadsheet files never contain; refused");
  CheckError(RunRows("<table:table-row><table:table-cell><text:p>" +
                     Repeat("<text:span>", 300) + Repeat("</text:span>", 300) +
                     "</text:p></table:table-cell></table:table-row>"),
             StatusCode::kResourceExhausted,
             "t.ods:S!A1: content.xml: elements nested more than "
             "max_xml_depth (256) deep");
  CheckError(RunRows("<table:table-row><table:table-cell><text:p>a<text:s "
                     "text:c=\"999999999\"/></text:p></table:table-cell>"
                     "</table:table-row>"),
             StatusCode::kResourceExhausted,
             "t.ods:S!A1: cell text is longer than max_cell_bytes (32767)");
  CheckError(RunRows("<table:table-row><table:table-cell "
                     "office:value-type=\"string\" office:string-value=\"" +
                     std::string(40000, 'x') + "\"/></table:table-row>"),
             StatusCode::kResourceExhausted,
             "t.ods:S!A1: cell text of 40000 bytes is longer than "
             "max_cell_bytes (32767)");
  const SheetRun bad = RunRows(
      "<table:table-row><table:table-cell><text:p>\xC3\x28</text:p>"
      "</table:table-cell></table:table-row>");
  CHECK(bad.status.code() == StatusCode::kInvalidArgument);
  CHECK(bad.status.message().find("t.ods:S!A1: content.xml: malformed XML "
                                  "at line 1, column ") == 0);
}

}  // namespace
}  // namespace okr

namespace okr {
namespace {

TEST_CASE("Merges in repeated rows stay bounded", "[ods][attack]") {
  // An empty spanned cell in a row repeated a billion times: the merges
  // stop at the sheet's last row, then at max_rows merged ranges.
  const std::string rows =
      R"(<table:table-row table:number-rows-repeated="999999999">)"
      R"(<table:table-cell table:number-rows-spanned="2"/></table:table-row>)";
  const SheetRun run = RunRows(rows);
  CheckError(run, StatusCode::kResourceExhausted,
             "t.ods:S!A1000001: more than max_rows (1000000) merged ranges");
  Limits limits;
  limits.max_rows = 2'000'000;
  const SheetRun wide = RunRows(rows, limits);
  CheckOk(wide);
  CHECK(wide.details.sheets[0].merged.size() == 1'048'576);
  CHECK(RangeRef(wide.details.sheets[0].merged.back()) == "A1048576:A1048576");
}

}  // namespace
}  // namespace okr
