// Copyright 2026 The okrd Authors.
//
// The XLSX reader's building blocks: number format classification, _xHHHH_
// escapes, OPC part name resolution.

#include <catch2/catch.hpp>
#include <string>

#include "importers/xlsx/xlsx_package.h"
#include "importers/xlsx/xlsx_shared_strings.h"
#include "importers/xlsx/xlsx_styles.h"

namespace okr {
namespace {

TEST_CASE("Built-in number formats: dates, times and durations",
          "[xlsx][styles]") {
  for (int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 47, 27, 36, 50, 58}) {
    INFO(id);
    CHECK(BuiltinNumFmtKind(id) == NumFmtKind::kDate);
  }
  CHECK(BuiltinNumFmtKind(46) == NumFmtKind::kDuration);
  for (int id : {0, 1, 2, 9, 10, 11, 12, 13, 23, 37, 44, 48, 49, 59, 164}) {
    INFO(id);
    CHECK(BuiltinNumFmtKind(id) == NumFmtKind::kOther);
  }
}

TEST_CASE("Custom number formats are dates by their unquoted letters",
          "[xlsx][styles]") {
  for (const char* date :
       {"yyyy-mm-dd", "YYYY-MM-DD", "M/D/YY", "DD/MM/YY\\ HH:MM", "h:mm AM/PM",
        "[$-409]mmmm\\ d\\,\\ yyyy;@", "\"Th\xC3\xA1ng \"m\\.yyyy",
        "[Red]dd/mm/yyyy", "mm:ss.0", "hh:mm:ss", "d-mmm", "A/P h"}) {
    INFO(date);
    CHECK(ClassifyNumberFormat(date) == NumFmtKind::kDate);
  }
  for (const char* duration : {"[h]:mm:ss", "[hh]:mm", "[mm]:ss", "[s]"}) {
    INFO(duration);
    CHECK(ClassifyNumberFormat(duration) == NumFmtKind::kDuration);
  }
  for (const char* other :
       {"General", "GENERAL", "0.00%", "#,##0.00", "0.00E+00", "@",
        "#,##0 \"days\"", "\\d0", "0_m", "0*y", "[$\xE2\x82\xAC-407] #,##0.00",
        "#,##0;[Red]-#,##0;\"dd\"", "0;mm/dd", "[>=100]0;0.0", ""}) {
    INFO(other);
    CHECK(ClassifyNumberFormat(other) == NumFmtKind::kOther);
  }
}

TEST_CASE("Styles map an s index to its format's kind", "[xlsx][styles]") {
  const XlsxStyles styles(
      {NumFmtKind::kOther, NumFmtKind::kDate, NumFmtKind::kDuration});
  CHECK(styles.KindOf(1) == NumFmtKind::kDate);
  CHECK(styles.KindOf(2) == NumFmtKind::kDuration);
  CHECK(styles.KindOf(3) == NumFmtKind::kOther);
  CHECK(styles.KindOf(-1) == NumFmtKind::kOther);
}

std::string Decoded(std::string text) {
  if (!DecodeXstringEscapes(&text, 0)) return "<bad>";
  return text;
}

TEST_CASE("_xHHHH_ escapes decode, _x005F_ escapes the escape",
          "[xlsx][strings]") {
  CHECK(Decoded("a_x000D_\nb") == "a\r\nb");
  CHECK(Decoded("_x0041__x00e9_") == "A\xC3\xA9");
  CHECK(Decoded("_x005F_x000D_") == "_x000D_");
  CHECK(Decoded("_xD83D__xDE00_") == "\xF0\x9F\x98\x80");
  CHECK(Decoded("max_x_y _x12_ _x12345_ _xZZZZ_") ==
        "max_x_y _x12_ _x12345_ _xZZZZ_");
  CHECK(Decoded("_x0000_") == "<bad>");
  CHECK(Decoded("_xD83D_") == "<bad>");
  CHECK(Decoded("_xDE00_") == "<bad>");
  std::string partial = "keep_x0041_";
  REQUIRE(DecodeXstringEscapes(&partial, 4));
  CHECK(partial == "keepA");
}

TEST_CASE("Shared strings live in one arena", "[xlsx][strings]") {
  SharedStrings strings;
  strings.Add("one");
  strings.Add("");
  strings.Add("three");
  REQUIRE(strings.size() == 3);
  CHECK(strings.Get(0) == "one");
  CHECK(strings.Get(1).empty());
  CHECK(strings.Get(2) == "three");
}

TEST_CASE("Relationship targets resolve like OPC part names",
          "[xlsx][package]") {
  CHECK(ResolvePartTarget("xl/workbook.xml", "worksheets/sheet1.xml") ==
        "xl/worksheets/sheet1.xml");
  CHECK(ResolvePartTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml") ==
        "xl/worksheets/sheet1.xml");
  CHECK(ResolvePartTarget("xl/workbook.xml", "./a/../b.xml") == "xl/b.xml");
  CHECK(ResolvePartTarget("", "xl/workbook.xml") == "xl/workbook.xml");
  CHECK(ResolvePartTarget("workbook.xml", "sheet1.xml") == "sheet1.xml");
  CHECK(ResolvePartTarget("xl/workbook.xml", "..\\x.xml") == "x.xml");
  CHECK_FALSE(ResolvePartTarget("xl/workbook.xml", "../../x.xml"));
  CHECK(RelationshipsPartFor("xl/workbook.xml") ==
        "xl/_rels/workbook.xml.rels");
  CHECK(RelationshipsPartFor("") == "_rels/.rels");
  CHECK(RelationshipTypeIs(
      "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet",
      "worksheet"));
  CHECK_FALSE(RelationshipTypeIs("http://x/notworksheet", "worksheet"));
}

}  // namespace
}  // namespace okr
