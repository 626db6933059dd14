// Copyright 2026 The okrd Authors.
//
// ReadXlsx on workbooks written by libxlsxwriter and on small packages with
// hand-written XML for what writers seldom produce.

#include "importers/xlsx/xlsx_reader.h"

#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <string>

#include "tests/importers/zip/sheet_test_util.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::MinimalXlsx;
using testing::RunXlsx;
using testing::SheetRun;
using testing::SheetXml;
using testing::XlsxParts;

constexpr char kMain[] =
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

std::string Sst(std::string_view items) {
  return std::string("<sst xmlns=\"") + kMain + "\">" + std::string(items) +
         "</sst>";
}

// cellXfs: 0 General, 1 built-in date 14, 2 custom yyyy-mm-dd hh:mm,
// 3 [h]:mm:ss, 4 0.00%, 5 custom id 60 yyyy-mm-dd (SheetJS style).
std::string Styles() {
  return std::string("<styleSheet xmlns=\"") + kMain +
         "\"><numFmts count=\"3\">"
         "<numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm\"/>"
         "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/>"
         "<numFmt numFmtId=\"60\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
         "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
         "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"10\"/>"
         "<xf numFmtId=\"60\"/></cellXfs></styleSheet>";
}

SheetRun RunSheet(std::string_view rows, const std::string& sst = "",
                  const Limits& limits = Limits(),
                  std::string_view after = "") {
  XlsxParts parts;
  parts.sheet_xml = SheetXml(rows, after);
  parts.shared_strings_xml = sst;
  parts.styles_xml = Styles();
  return RunXlsx(MinimalXlsx(parts), limits);
}

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
  if (!run.sink.sheets.empty()) CHECK_FALSE(run.sink.sheets.back().ended);
}

// "type text" of a cell, for compact checks.
std::string Show(const SheetRun& run, std::string_view ref, size_t sheet = 0) {
  const Cell cell = run.sink.At(ref, sheet);
  return std::string(CellTypeName(cell.type)) + " " + cell.text;
}

// --- Workbooks written by libxlsxwriter -----------------------------------

std::string WriteWithLibxlsxwriter(const testing::TempDir& dir) {
  const std::string path = dir.File("okrs.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* okrs = workbook_add_worksheet(workbook, "Q1 OKRs");
  lxw_worksheet* notes = workbook_add_worksheet(workbook, "Notes");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_format* when = workbook_add_format(workbook);
  format_set_num_format(when, "dd/mm/yyyy hh:mm");
  lxw_format* percent = workbook_add_format(workbook);
  format_set_num_format(percent, "0%");
  worksheet_write_string(okrs, 0, 0, "Objective", nullptr);
  worksheet_write_string(okrs, 0, 1, "Due", nullptr);
  worksheet_write_string(okrs, 0, 2, "Progress", nullptr);
  worksheet_write_string(okrs, 0, 3, "Done", nullptr);
  worksheet_write_string(okrs, 1, 0, "Grow \xC3\xA9t\xC3\xA9 sales\nin EMEA",
                         nullptr);
  lxw_datetime due = {2026, 3, 31, 0, 0, 0};
  worksheet_write_datetime(okrs, 1, 1, &due, date);
  worksheet_write_number(okrs, 1, 2, 0.75, percent);
  worksheet_write_boolean(okrs, 1, 3, 1, nullptr);
  lxw_datetime at = {2026, 1, 5, 9, 30, 0};
  worksheet_write_datetime(okrs, 2, 1, &at, when);
  worksheet_write_formula_num(okrs, 2, 2, "=C2*2", nullptr, 1.5);
  worksheet_write_formula_str(okrs, 2, 0, "=\"x\"&\"y\"", nullptr, "xy");
  worksheet_merge_range(okrs, 4, 0, 4, 3, "Merged note", nullptr);
  worksheet_write_number(okrs, 9, 25, 42, nullptr);  // Z10.
  worksheet_write_string(notes, 0, 0, "hidden notes", nullptr);
  worksheet_hide(notes);
  REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);
  return testing::ReadFileOrEmpty(path);
}

TEST_CASE("Reads a workbook written by libxlsxwriter", "[xlsx]") {
  const testing::TempDir dir;
  const std::string bytes = WriteWithLibxlsxwriter(dir);
  REQUIRE(!bytes.empty());
  const SheetRun run = RunXlsx(bytes, Limits(), "okrs.xlsx");
  CheckOk(run);
  REQUIRE(run.sink.sheets.size() == 2);
  CHECK(run.sink.sheets[0].info.name == "Q1 OKRs");
  CHECK(run.sink.sheets[0].info.state == "visible");
  CHECK(run.sink.sheets[1].info.name == "Notes");
  CHECK(run.sink.sheets[1].info.state == "hidden");
  CHECK(run.sink.sheets[1].info.index == 1);
  CHECK(Show(run, "A1") == "string Objective");
  CHECK(Show(run, "A2") == "string Grow \xC3\xA9t\xC3\xA9 sales\nin EMEA");
  CHECK(Show(run, "B2") == "date 2026-03-31");
  CHECK(Show(run, "C2") == "number 0.75");
  CHECK(run.sink.At("C2").number == 0.75);
  CHECK(Show(run, "D2") == "bool TRUE");
  CHECK(run.sink.At("D2").number == 1);
  CHECK(Show(run, "B3") == "datetime 2026-01-05T09:30:00");
  CHECK(Show(run, "C3") == "number 1.5");
  CHECK(Show(run, "A3") == "string xy");
  CHECK(Show(run, "A5") == "string Merged note");
  CHECK(Show(run, "B5") == "empty ");
  CHECK(Show(run, "Z10") == "number 42");
  CHECK(run.sink.sheets[0].rows.size() == 5);
  REQUIRE(run.details.sheets[0].merged.size() == 1);
  CHECK(RangeRef(run.details.sheets[0].merged[0]) == "A5:D5");
  CHECK(Show(run, "A1", 1) == "string hidden notes");
}

// --- Cell types --------------------------------------------------------------

TEST_CASE("Cell types s, str, inlineStr, b, e, n and d", "[xlsx]") {
  const SheetRun run = RunSheet(
      R"(<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="str"><f>X</f><v>fx</v></c>)"
      R"(<c r="C1" t="inlineStr"><is><t>in</t><r><t>line</t></r><rPh><t>skip</t></rPh></is></c>)"
      R"(<c r="D1" t="b"><v>0</v></c><c r="E1" t="e"><v>#DIV/0!</v></c>)"
      R"(<c r="F1" t="n"><v>-1.25E2</v></c><c r="G1"><v> 3.0 </v></c>)"
      R"(<c r="H1" t="d"><v>2021-01-01T10:10:10</v></c><c r="I1" t="d"><v>10:10:10</v></c>)"
      R"(<c r="J1" t="s"><v>0</v></c><c r="K1" t="inlineStr"><v>ignored</v><is><t>is</t></is></c></row>)",
      Sst(R"(<si><t></t></si><si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh sb="0" eb="1"><t>PH</t></rPh></si>)"));
  CheckOk(run);
  CHECK(Show(run, "A1") == "string rich text");
  CHECK(Show(run, "B1") == "string fx");
  CHECK(Show(run, "C1") == "string inline");
  CHECK(Show(run, "D1") == "bool FALSE");
  CHECK(run.sink.At("D1").number == 0);
  CHECK(Show(run, "E1") == "error #DIV/0!");
  CHECK(Show(run, "F1") == "number -1.25E2");
  CHECK(run.sink.At("F1").number == -125);
  CHECK(Show(run, "G1") == "number 3.0");
  CHECK(Show(run, "H1") == "datetime 2021-01-01T10:10:10");
  CHECK(Show(run, "I1") == "time 10:10:10");
  CHECK(Show(run, "J1") == "empty ");  // An empty shared string.
  CHECK(Show(run, "K1") == "string is");
}

TEST_CASE("Date formats make dates, times and date-times, others numbers",
          "[xlsx][dates]") {
  const SheetRun run = RunSheet(
      R"(<row r="1"><c s="1"><v>45000</v></c><c s="2"><v>45000.5</v></c>)"
      R"(<c s="2"><v>0.25</v></c><c s="3"><v>1.5</v></c><c s="4"><v>0.7</v></c>)"
      R"(<c s="5"><v>44197</v></c><c s="1"><v>60</v></c><c s="1"><v>59</v></c>)"
      R"(<c s="1"><v>61</v></c><c s="1"><v>-3</v></c><c s="99"><v>7</v></c></row>)");
  CheckOk(run);
  CHECK(Show(run, "A1") == "date 2023-03-15");
  CHECK(Show(run, "B1") == "datetime 2023-03-15T12:00:00");
  CHECK(Show(run, "C1") == "time 06:00:00");
  CHECK(Show(run, "D1") == "number 1.5");       // [h]:mm:ss is a duration.
  CHECK(Show(run, "E1") == "number 0.7");       // Percent.
  CHECK(Show(run, "F1") == "date 2021-01-01");  // Custom id below 164.
  CHECK(Show(run, "G1") == "number 60");        // Excel's phantom 1900-02-29.
  CHECK(Show(run, "H1") == "date 1900-02-28");
  CHECK(Show(run, "I1") == "date 1900-03-01");
  CHECK(Show(run, "J1") == "number -3");  // No day before 1900.
  CHECK(Show(run, "K1") == "number 7");   // Unknown style: General.
}

TEST_CASE("The 1904 date system applies to the whole workbook",
          "[xlsx][dates]") {
  for (const char* flag : {"1", "true"}) {
    XlsxParts parts;
    parts.sheet_xml = SheetXml(R"(<row><c s="1"><v>1</v></c></row>)");
    parts.styles_xml = Styles();
    parts.workbook_pr = std::string("<workbookPr date1904=\"") + flag + "\"/>";
    const SheetRun run = RunXlsx(MinimalXlsx(parts));
    CheckOk(run);
    CHECK(Show(run, "A1") == "date 1904-01-02");
  }
}

TEST_CASE("Rows and cells without r follow the previous ones", "[xlsx]") {
  const SheetRun run = RunSheet(
      "<row>\n  <c s=\"3\"/>\n  <c><v>1</v></c>\n</row>\n"
      "<row r=\"4\"><c r=\"C4\"><v>2</v></c><c/><c><v>3</v></c></row>"
      "<row><c><v>4</v></c></row>");
  CheckOk(run);
  CHECK(run.sink.Dump() == "1:|1\n4:||2||3\n5:4\n");
}

TEST_CASE("Cell references in either case, up to XFD1048576", "[xlsx]") {
  const SheetRun run = RunSheet(
      R"(<row r="7"><c r="b7"><v>1</v></c><c r="aa7"><v>2</v></c></row>)");
  CheckOk(run);
  CHECK(Show(run, "B7") == "number 1");
  CHECK(Show(run, "AA7") == "number 2");
}

TEST_CASE("<dimension> is ignored, the used range is what holds values",
          "[xlsx]") {
  XlsxParts parts;
  parts.sheet_xml = std::string("<worksheet xmlns=\"") + kMain +
                    "\"><dimension ref=\"A1:XFD1048576\"/><sheetData>"
                    "<row r=\"2\"><c r=\"B2\"><v>1</v></c></row>"
                    "</sheetData></worksheet>";
  const SheetRun run = RunXlsx(MinimalXlsx(parts));
  CheckOk(run);
  CHECK(run.sink.Dump() == "2:|1\n");
}

TEST_CASE("Formulas without a cached value pass no cell but are reported",
          "[xlsx]") {
  const SheetRun run = RunSheet(
      R"(<row r="2"><c r="A2"><v>1</v></c><c r="C2" t="str"><f>A2+B2</f></c>)"
      R"(<c r="D2"><f t="shared" ref="D2:D3" si="0">A2</f><v>1</v></c></row>)");
  CheckOk(run);
  CHECK(run.sink.Dump() == "2:1|||1\n");
  REQUIRE(run.details.sheets[0].uncached_formulas.size() == 1);
  CHECK(run.details.sheets[0].uncached_formulas[0] == CellPosition{2, 2});
}

TEST_CASE("Merged ranges come in the details, in file order", "[xlsx]") {
  const SheetRun run = RunSheet(
      R"(<row r="1"><c r="A1"><v>1</v></c></row>)", "", Limits(),
      R"(<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="D4:C3"/></mergeCells>)");
  CheckOk(run);
  REQUIRE(run.details.sheets[0].merged.size() == 2);
  CHECK(RangeRef(run.details.sheets[0].merged[0]) == "A1:B2");
  CHECK(RangeRef(run.details.sheets[0].merged[1]) == "C3:D4");
  CHECK(run.details.sheets[0].type == SheetType::kWorksheet);
}

TEST_CASE("Shared strings decode escapes, runs and skip phonetics",
          "[xlsx][strings]") {
  const SheetRun run = RunSheet(
      R"(<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row>)",
      Sst("<si><t xml:space=\"preserve\"> a_x000D_\nb </t></si>"
          "<si><r><t>\xE8\xAA\xB2</t></r><rPh sb=\"0\" "
          "eb=\"1\"><r><t>\xE3\x82\xAB"
          "</t></r></rPh><r><t>x</t></r></si>"
          "<si><t><![CDATA[<b>&]]></t></si>"));
  CheckOk(run);
  CHECK(Show(run, "A1") == "string  a\r\nb ");
  CHECK(Show(run, "B1") == "string \xE8\xAA\xB2x");
  CHECK(Show(run, "C1") == "string <b>&");
}

TEST_CASE("IMP-10: a UTF-16 sheet part with a byte order mark", "[xlsx]") {
  std::string utf8 = SheetXml(
      "<row><c t=\"inlineStr\"><is><t>\xC3\xA9\xE2\x82\xAC</t>"
      "</is></c></row>");
  utf8.replace(utf8.find("UTF-8"), 5, "UTF-16");
  std::string utf16 = "\xFF\xFE";  // UTF-16LE; all but two are ASCII.
  for (size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = c;
    if (c >= 0xE0) {
      cp = ((c & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) |
           (utf8[i + 2] & 0x3F);
      i += 2;
    } else if (c >= 0xC0) {
      cp = ((c & 0x1F) << 6) | (utf8[i + 1] & 0x3F);
      i += 1;
    }
    utf16 += static_cast<char>(cp & 0xFF);
    utf16 += static_cast<char>(cp >> 8);
  }
  XlsxParts parts;
  parts.sheet_xml = utf16;
  const SheetRun run = RunXlsx(MinimalXlsx(parts));
  CheckOk(run);
  CHECK(Show(run, "A1") == "string \xC3\xA9\xE2\x82\xAC");
}

// --- Packages ----------------------------------------------------------------

constexpr char kPkg[] =
    "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr char kRelNs[] =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string Rel(std::string_view id, std::string_view type,
                std::string_view target, std::string_view ns = kRelNs) {
  return "<Relationship Id=\"" + std::string(id) + "\" Type=\"" +
         std::string(ns) + "/" + std::string(type) + "\" Target=\"" +
         std::string(target) + "\"/>";
}

std::string Rels(std::string_view items) {
  return std::string("<Relationships xmlns=\"") + kPkg + "\">" +
         std::string(items) + "</Relationships>";
}

TEST_CASE("Sheets follow workbook order, not part names, kinds and states",
          "[xlsx][package]") {
  const std::string sheet_a =
      SheetXml(R"(<row><c t="inlineStr"><is><t>a</t></is></c></row>)");
  const std::string sheet_b =
      SheetXml(R"(<row><c t="inlineStr"><is><t>b</t></is></c></row>)");
  const std::string bytes =
      testing::ZipBuilder()
          .Add("_rels/.rels", Rels(Rel("r", "officeDocument", "/wb/book.xml")))
          .Add(
              "wb/book.xml",
              std::string("<x:workbook xmlns:x=\"") + kMain + "\" xmlns:ns=\"" +
                  kRelNs +
                  "\"><x:sheets><x:sheet name=\"First\" ns:id=\"r4\"/>"
                  "<x:sheet name=\"Chart\" ns:id=\"r9\" state=\"hidden\"/>"
                  "<x:sheet name=\"Second\" ns:id=\"r1\" state=\"veryHidden\"/>"
                  "</x:sheets></x:workbook>")
          .Add("wb/_rels/book.xml.rels",
               Rels(Rel("r1", "worksheet", "sheets/sheet1.xml") +
                    Rel("r4", "worksheet", "/wb/sheets/SHEET4.xml") +
                    Rel("r9", "chartsheet", "charts/c.xml") +
                    Rel("x", "hyperlink", "http://example.com/")))
          .Add("wb\\sheets\\sheet4.xml", sheet_a)
          .Add("wb/sheets/sheet1.xml", sheet_b)
          .Build();
  const SheetRun run = RunXlsx(bytes);
  CheckOk(run);
  REQUIRE(run.sink.sheets.size() == 3);
  CHECK(run.sink.sheets[0].info.name == "First");
  CHECK(Show(run, "A1", 0) == "string a");
  CHECK(run.sink.sheets[1].info.name == "Chart");
  CHECK(run.sink.sheets[1].info.state == "hidden");
  CHECK(run.sink.sheets[1].rows.empty());
  CHECK(run.details.sheets[1].type == SheetType::kChartsheet);
  CHECK(run.sink.sheets[2].info.name == "Second");
  CHECK(run.sink.sheets[2].info.state == "veryHidden");
  CHECK(Show(run, "A1", 2) == "string b");
}

TEST_CASE("Strict OOXML namespaces read like transitional ones",
          "[xlsx][package]") {
  const std::string strict_main =
      "http://purl.oclc.org/ooxml/spreadsheetml/main";
  const std::string strict_rel =
      "http://purl.oclc.org/ooxml/officeDocument/relationships";
  const std::string bytes =
      testing::ZipBuilder()
          .Add("_rels/.rels",
               Rels(Rel("r", "officeDocument", "xl/workbook.xml", strict_rel)))
          .Add("xl/workbook.xml",
               "<workbook xmlns=\"" + strict_main + "\" xmlns:r=\"" +
                   strict_rel +
                   "\" conformance=\"strict\"><workbookPr date1904=\"1\"/>"
                   "<sheets><sheet name=\"S\" r:id=\"a\"/></sheets></workbook>")
          .Add("xl/_rels/workbook.xml.rels",
               Rels(Rel("a", "worksheet", "worksheets/sheet1.xml", strict_rel) +
                    Rel("b", "sharedStrings", "sharedStrings.xml", strict_rel)))
          .Add("xl/sharedStrings.xml", "<sst xmlns=\"" + strict_main +
                                           "\"><si><t>strict</t></si></sst>")
          .Add("xl/worksheets/sheet1.xml",
               "<worksheet xmlns=\"" + strict_main +
                   "\"><sheetData><row><c t=\"s\"><v>0</v></c></row>"
                   "</sheetData></worksheet>")
          .Build();
  const SheetRun run = RunXlsx(bytes);
  CheckOk(run);
  CHECK(Show(run, "A1") == "string strict");
}

TEST_CASE("Without _rels/.rels the workbook is looked for at xl/",
          "[xlsx][package]") {
  const std::string bytes =
      testing::ZipBuilder()
          .Add("xl/workbook.xml",
               std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" +
                   kRelNs +
                   "\"><sheets><sheet name=\"S\" r:id=\"a\"/>"
                   "</sheets></workbook>")
          .Add("xl/_rels/workbook.xml.rels",
               Rels(Rel("a", "worksheet", "worksheets/sheet1.xml")))
          .Add("xl/worksheets/sheet1.xml",
               SheetXml("<row><c><v>5</v></c></row>"))
          .Build();
  const SheetRun run = RunXlsx(bytes);
  CheckOk(run);
  CHECK(Show(run, "A1") == "number 5");
}

TEST_CASE("Files that are not workbooks fail clearly", "[xlsx][package]") {
  CheckError(RunXlsx("plain text"), StatusCode::kInvalidArgument,
             "t.xlsx: not a readable zip archive (Not a zip archive)");
  CheckError(RunXlsx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) +
                     std::string(600, '\0')),
             StatusCode::kInvalidArgument,
             "t.xlsx: file is password-protected (an encrypted workbook) or "
             "an Excel 97-2003 .xls file; save it as an .xlsx workbook "
             "without a password");
  CheckError(RunXlsx(testing::ZipBuilder().Add("content.xml", "<x/>").Build()),
             StatusCode::kInvalidArgument,
             "t.xlsx: not an Excel workbook: the package has no workbook "
             "part");
  const std::string docx =
      testing::ZipBuilder()
          .Add("_rels/.rels",
               Rels(Rel("r", "officeDocument", "word/document.xml")))
          .Add("word/document.xml", "<w:document xmlns:w=\"urn:w\"/>")
          .Build();
  CheckError(RunXlsx(docx), StatusCode::kInvalidArgument,
             "t.xlsx: word/document.xml: is not a SpreadsheetML workbook");
  XlsxParts parts;
  parts.sheet_xml = SheetXml("");
  std::string missing = MinimalXlsx(parts);
  missing.replace(missing.find("xl/worksheets/sheet1.xml"), 24,
                  "xl/worksheets/sheet9.xml");
  missing.replace(missing.find("xl/worksheets/sheet1.xml"), 24,
                  "xl/worksheets/sheet9.xml");
  CheckError(RunXlsx(missing), StatusCode::kInvalidArgument,
             "t.xlsx: the worksheet part xl/worksheets/sheet1.xml is missing "
             "from the archive");
}

// --- Malformed cells
// ------------------------------------------------------------

TEST_CASE("Malformed cells are errors naming the cell", "[xlsx]") {
  struct Case {
    const char* rows;
    const char* message;
  };
  const Case cases[] = {
      {R"(<row r="3"/><row r="2"/>)",
       "t.xlsx:Sheet1!A3: row 2 comes after row 3"},
      {R"(<row r="x"/>)", "t.xlsx:Sheet1!A1: row number \"x\" is not valid"},
      {R"(<row><c r="B1"/><c r="A1"/></row>)",
       "t.xlsx:Sheet1!B1: cell A1 comes after B1"},
      {R"(<row><c r="A2"/></row>)",
       "t.xlsx:Sheet1!A1: cell A2 is not in row 1"},
      {R"(<row><c r="1A"/></row>)",
       "t.xlsx:Sheet1!A1: cell reference \"1A\" is not valid"},
      {R"(<row><c r="XFE1"/></row>)",
       "t.xlsx:Sheet1!A1: cell reference \"XFE1\" is not valid"},
      {R"(<row><c r="A01"/></row>)",
       "t.xlsx:Sheet1!A1: cell reference \"A01\" is not valid"},
      {R"(<row><c r="AAAA1"/></row>)",
       "t.xlsx:Sheet1!A1: cell reference \"AAAA1\" is not valid"},
      {R"(<row><c r="A"/></row>)",
       "t.xlsx:Sheet1!A1: cell reference \"A\" is not valid"},
      {R"(<row><c r="$A$1"/></row>)",
       "t.xlsx:Sheet1!A1: cell reference \"$A$1\" is not valid"},
      {R"(<row><q:c/></row>)",
       "t.xlsx:Sheet1!A1: xl/worksheets/sheet1.xml: undeclared namespace "
       "prefix in \"q:c\""},
      {R"(<c r="A1"/>)", "t.xlsx:Sheet1!A1: a cell outside a row"},
      {R"(<row><c><v>1</v></c><c t="x"/></row>)",
       "t.xlsx:Sheet1!B1: unknown cell type t=\"x\""},
      {R"(<row><c><v>12abc</v></c></row>)",
       "t.xlsx:Sheet1!A1: value \"12abc\" is not a number"},
      {R"(<row><c><v>1e999</v></c></row>)",
       "t.xlsx:Sheet1!A1: value \"1e999\" is not a number"},
      {R"(<row><c t="b"><v>yes</v></c></row>)",
       "t.xlsx:Sheet1!A1: value \"yes\" is not a boolean"},
      {R"(<row><c t="d"><v>31/12/2020</v></c></row>)",
       "t.xlsx:Sheet1!A1: value \"31/12/2020\" is not an ISO 8601 date"},
      {R"(<row><c t="s"><v>1</v></c></row>)",
       "t.xlsx:Sheet1!A1: shared string index \"1\" is out of range (there "
       "are 1)"},
      {R"(<row><c t="s"><v>4294967295</v></c></row>)",
       "t.xlsx:Sheet1!A1: shared string index \"4294967295\" is out of "
       "range (there are 1)"},
      {R"(<row><c t="s"><v>-1</v></c></row>)",
       "t.xlsx:Sheet1!A1: shared string index \"-1\" is out of range (there "
       "are 1)"},
      {R"(<row><c t="str"><v>a_x0000_b</v></c></row>)",
       "t.xlsx:Sheet1!A1: an _xHHHH_ escape gives NUL or an unpaired "
       "surrogate"},
  };
  for (const Case& c : cases) {
    INFO(c.rows);
    CheckError(RunSheet(c.rows, Sst("<si><t>only</t></si>")),
               StatusCode::kInvalidArgument, c.message);
  }
  XlsxParts parts;
  parts.sheet_xml = SheetXml(
      "<row><c/></row>", R"(<mergeCells><mergeCell ref="A1:"/></mergeCells>)");
  CheckError(RunXlsx(MinimalXlsx(parts)), StatusCode::kInvalidArgument,
             "t.xlsx:Sheet1!A1: merged range \"A1:\" is not valid");
}

TEST_CASE("A sink error stops the read unchanged", "[xlsx]") {
  class FailingSink : public testing::RecordingSink {
   public:
    Status Row(int64_t row, const std::vector<Cell>& cells) override {
      RecordingSink::Row(row, cells);
      return row == 2 ? Unavailable("sink full") : Status::Ok();
    }
  };
  XlsxParts parts;
  parts.sheet_xml = SheetXml(
      "<row><c><v>1</v></c></row><row><c><v>2</v></c>"
      "</row><row><c><v>3</v></c></row>");
  FailingSink sink;
  XlsxOptions options;
  options.file_name = "t.xlsx";
  CHECK(ReadXlsx(MinimalXlsx(parts), options, Limits(), &sink) ==
        Unavailable("sink full"));
  CHECK(sink.rows_seen == 2);
  CHECK_FALSE(sink.sheets[0].ended);
}

}  // namespace
}  // namespace okr
