// Copyright 2026 The okrd Authors.

#include "importers/table.h"

#include <catch2/catch.hpp>

namespace okr {
namespace {

TEST_CASE("Column names run A..Z, AA..ZZ, AAA..XFD", "[csv][table]") {
  CHECK(ColumnName(0) == "A");
  CHECK(ColumnName(25) == "Z");
  CHECK(ColumnName(26) == "AA");
  CHECK(ColumnName(51) == "AZ");
  CHECK(ColumnName(52) == "BA");
  CHECK(ColumnName(701) == "ZZ");
  CHECK(ColumnName(702) == "AAA");
  CHECK(ColumnName(kMaxSheetColumns - 1) == "XFD");
  CHECK(ColumnName(kMaxSheetColumns) == "XFE");
  CHECK(CellRef(7, 3) == "D7");
  CHECK(CellRef(1048576, 16383) == "XFD1048576");
}

TEST_CASE("ParseCellRef inverts CellRef within Excel's grid", "[csv][table]") {
  for (int col0 = 0; col0 < kMaxSheetColumns; ++col0) {
    const std::optional<CellPosition> pos = ParseCellRef(CellRef(42, col0));
    REQUIRE(pos.has_value());
    CHECK(*pos == CellPosition{42, col0});
  }
  CHECK(ParseCellRef("d7") == CellPosition{7, 3});
  CHECK(ParseCellRef("A9999999") == CellPosition{9999999, 0});
  for (const char* bad : {"", "A", "7", "A0", "A07", "XFE1", "AAAA1", "$A$1",
                          "A1:B2", "A-1", "A10000000", "Ä1"}) {
    INFO(bad);
    CHECK_FALSE(ParseCellRef(bad).has_value());
  }
}

TEST_CASE("Locations read file:Sheet!D7 or file:line:column", "[csv][table]") {
  CHECK(Location::InSheet("plan.xlsx", "OKRs", 7, 3).ToString() ==
        "plan.xlsx:OKRs!D7");
  CHECK(Location::InSheet("plan.xlsx", "Q1 plan", 1, 0).ToString() ==
        "plan.xlsx:'Q1 plan'!A1");
  CHECK(Location::InSheet("p.ods", "Bob's", 2, 1).ToString() ==
        "p.ods:'Bob''s'!B2");
  CHECK(Location::InSheet("p.xlsx", "\xE8\xA8\x88\xE7\x94\xBB", 1, 0)
            .ToString() == "p.xlsx:\xE8\xA8\x88\xE7\x94\xBB!A1");
  CHECK(Location::InText("plan.csv", 12, 4).Format("cell too long") ==
        "plan.csv:12:4: cell too long");
  CHECK(Location::InFile("plan.csv").ToString() == "plan.csv");
  CHECK(Location::InText("", 1, 1).ToString() == "<input>:1:1");
  const Status status = Location::InSheet("plan.xlsx", "OKRs", 7, 3)
                            .Error(StatusCode::kInvalidArgument, "bad");
  CHECK(status.code() == StatusCode::kInvalidArgument);
  CHECK(status.message() == "plan.xlsx:OKRs!D7: bad");
}

TEST_CASE("Cell types have the corpus's names", "[csv][table]") {
  CHECK(CellTypeName(CellType::kEmpty) == "empty");
  CHECK(CellTypeName(CellType::kString) == "string");
  CHECK(CellTypeName(CellType::kNumber) == "number");
  CHECK(CellTypeName(CellType::kBool) == "bool");
  CHECK(CellTypeName(CellType::kDate) == "date");
  CHECK(CellTypeName(CellType::kTime) == "time");
  CHECK(CellTypeName(CellType::kDateTime) == "datetime");
  CHECK(CellTypeName(CellType::kError) == "error");
  const Cell cell = Cell::String("x");
  CHECK(cell.type == CellType::kString);
  CHECK_FALSE(cell.empty());
  CHECK(Cell{}.empty());
}

}  // namespace
}  // namespace okr
