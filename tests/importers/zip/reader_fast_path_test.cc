// Copyright 2026 The okrd Authors.
//
// The XLSX and ODS readers with XmlStream's fast path (worksheets, shared
// strings, ODS tables) against the readers on plain expat: every corpus
// file and a set of made-up ones must give the same sheets, rows, cells,
// details and Status, message included (limits and malformed input name
// the same cell).

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "core/base/limits.h"
#include "importers/zip/xml_stream.h"
#include "tests/importers/corpus_util.h"
#include "tests/importers/zip/sheet_test_util.h"

namespace okr {
namespace {

using testing::MinimalXlsx;
using testing::SheetRun;
using testing::SheetXml;
using testing::XlsxParts;

// Everything a read produced, as text.
std::string Describe(const SheetRun& run) {
  std::string out = run.status.ok() ? "OK\n" : run.status.ToString() + "\n";
  for (const testing::RecordedSheet& sheet : run.sink.sheets) {
    out += "sheet " + sheet.info.name + " " + sheet.info.state + " " +
           std::to_string(sheet.info.index) + (sheet.ended ? "" : " open") +
           "\n";
    for (const auto& [row, cells] : sheet.rows) {
      out += std::to_string(row) + ":";
      for (const Cell& cell : cells) {
        out += " " + std::string(CellTypeName(cell.type)) + "[" + cell.text +
               "|" + std::to_string(cell.number) + "]";
      }
      out += "\n";
    }
  }
  for (const SheetDetails& details : run.details.sheets) {
    out += "details " + std::string(SheetTypeName(details.type));
    for (const CellRange& range : details.merged) {
      out += " m" + std::to_string(range.first.row) + "," +
             std::to_string(range.first.col0) + "-" +
             std::to_string(range.last.row) + "," +
             std::to_string(range.last.col0);
    }
    for (const CellPosition& at : details.uncached_formulas) {
      out += " f" + std::to_string(at.row) + "," + std::to_string(at.col0);
    }
    out += "\n";
  }
  return out;
}

struct Both {
  std::string fast;
  std::string plain;
};

Both ReadBothWays(const std::string& bytes, const Limits& limits,
                  bool ods = false) {
  const auto read = ods ? testing::RunOds : testing::RunXlsx;
  const std::string file_name = ods ? "t.ods" : "t.xlsx";
  Both both;
  both.fast = Describe(read(bytes, limits, file_name));
  XmlStream::SetFastPathForTesting(false);
  both.plain = Describe(read(bytes, limits, file_name));
  XmlStream::SetFastPathForTesting(true);
  return both;
}

TEST_CASE("corpus workbooks read the same with and without the fast path",
          "[xlsx][fast]") {
  int read = 0;
  for (const auto& path : testing::CorpusFiles("xlsx")) {
    INFO(path.filename().string());
    const Both both = ReadBothWays(testing::ReadWholeFile(path), Limits());
    CHECK(both.fast == both.plain);
    read += both.fast.starts_with("OK\n");
  }
  CHECK(read >= 15);
}

TEST_CASE("corpus ODS files read the same with and without the fast path",
          "[ods][fast]") {
  int read = 0;
  for (const auto& path : testing::CorpusFiles("ods")) {
    INFO(path.filename().string());
    const Both both =
        ReadBothWays(testing::ReadWholeFile(path), Limits(), /*ods=*/true);
    CHECK(both.fast == both.plain);
    read += both.fast.starts_with("OK\n");
  }
  CHECK(read >= 5);
}

TEST_CASE("made-up ODS tables read the same with and without the fast path",
          "[ods][fast]") {
  const std::vector<std::string> tables = {
      R"(<table:table table:name="T"><table:table-row>)"
      R"(<table:table-cell office:value-type="float" office:value="1.5">)"
      R"(<text:p>1.5</text:p></table:table-cell>)"
      R"(<table:table-cell table:number-columns-repeated="3"/>)"
      R"(<table:table-cell office:value-type="string"><text:p>a<text:s )"
      R"(text:c="2"/>b &amp; c</text:p><text:p>line 2</text:p>)"
      R"(</table:table-cell></table:table-row>)"
      R"(<table:table-row table:number-rows-repeated="1048570">)"
      R"(<table:table-cell/></table:table-row></table:table>)",
      R"(<table:table table:name="T"><table:table-row><table:table-cell )"
      R"(office:value-type="string"><text:p>bad )"
      "\xC3\x28"
      R"(</text:p></table:table-cell></table:table-row></table:table>)",
      R"(<table:table table:name="T"><table:table-row><table:table-cell )"
      R"(office:value-type="float" office:value="x"/></table:table-row>)"
      R"(</table:table>)",
  };
  for (const std::string& table : tables) {
    INFO(table);
    const Both both =
        ReadBothWays(testing::MinimalOds(table), Limits(), /*ods=*/true);
    CHECK(both.fast == both.plain);
  }
}

TEST_CASE("made-up workbooks read the same with and without the fast path",
          "[xlsx][fast]") {
  const std::string shared =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<si><t>plain &amp; simple</t></si>)"
      R"(<si><r><rPr><b/></rPr><t>rich </t></r><r><t xml:space="preserve">)"
      R"(runs </t></r><rPh sb="0" eb="1"><t>phonetic</t></rPh></si>)"
      R"(<si><t>_x0041_scaped&#10;line</t></si><si><t/></si></sst>)";
  const std::string styles =
      R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>)"
      R"(</styleSheet>)";
  const std::vector<std::string> sheet_data = {
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
      R"(<c r="C1" t="s"><v> 2 </v></c><c r="D1" t="s"><v>3</v></c></row>)",
      R"(<row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2" s="1"><v>60.5</v>)"
      R"(</c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#DIV/0!</v></c>)"
      R"(<c r="E2" t="d"><v>2027-01-15T10:00:00</v></c>)"
      R"(<c r="F2" t="str"><f>A1</f><v>cached</v></c><c r="G2"><f>1+1</f></c>)"
      R"(</row>)",
      "<row><c t=\"inlineStr\"><is><r><t>in</t></r><r><t>line</t></r>"
      "<rPh><t>no</t></rPh></is></c><c/><c s=\"1\"/><c><v>7</v></c></row>"
      "<row r=\"9\"><c r=\"C9\" t=\"inlineStr\"><is><t>caf\xC3\xA9 &#x1F600;"
      "</t></is></c></row>",
      "<row r=\"1\"><!-- note --><c r=\"A1\"><v>1</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t><![CDATA[a<b]]></t>"
      "</is></c></row>",
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ok</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>bad \xC3\x28</t></is></c></row>",
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>nul &#0;</t></is></c>"
      "</row>",
      "<row r=\"3\"><c r=\"B3\"><v>1</v></c></row><row r=\"2\"/>",
      R"(<row r="1"><c r="A1" t="q"><v>1</v></c></row>)",
      R"(<row r="1"><c r="A1" t="s"><v>99</v></c></row>)",
      R"(<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>)",
      R"(<row r="1"><c r="A1"><v>x</v></c></row>)",
      "<row r=\"1\"><c r=\"A1\"><v>1</v></row>",
  };
  int errors = 0;
  for (const std::string& data : sheet_data) {
    XlsxParts parts;
    parts.sheet_xml = SheetXml(data, R"(<mergeCells count="1">)"
                                     R"(<mergeCell ref="A1:B2"/></mergeCells>)");
    parts.shared_strings_xml = shared;
    parts.styles_xml = styles;
    INFO(data);
    const Both both = ReadBothWays(MinimalXlsx(parts), Limits());
    CHECK(both.fast == both.plain);
    errors += both.fast.starts_with("t.xlsx:Sheet1!");  // Names the cell.
  }
  CHECK(errors == 8);
}

TEST_CASE("limits stop the fast path at the same cell as expat",
          "[xlsx][fast]") {
  std::string rows;
  for (int r = 1; r <= 40; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\">";
    for (char col = 'A'; col <= 'F'; ++col) {
      rows += "<c r=\"" + std::string(1, col) + std::to_string(r) +
              "\" t=\"inlineStr\"><is><t>" + std::string(3 * r, col) +
              "</t></is></c>";
    }
    rows += "</row>";
  }
  XlsxParts parts;
  parts.sheet_xml = SheetXml(rows);
  const std::string bytes = MinimalXlsx(parts);
  std::vector<Limits> limits(5);
  limits[0].max_cells = 100;
  limits[1].max_rows = 20;
  limits[2].max_columns = 4;
  limits[3].max_cell_bytes = 50;
  limits[4].max_xml_depth = 3;
  for (const Limits& limit : limits) {
    const Both both = ReadBothWays(bytes, limit);
    CHECK(both.fast == both.plain);
    CHECK_FALSE(both.fast.starts_with("OK"));
  }
}

}  // namespace
}  // namespace okr
