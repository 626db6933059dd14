// Copyright 2026 The okrd Authors.
//
// PackedRow: the mapper keeps a sheet's rows packed until Finish; unpacking
// must give back every cell exactly, whatever it held.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "importers/template/mapper_internal.h"

namespace okr::mapper_internal {
namespace {

TEST_CASE("packed rows unpack to the same cells", "[mapper]") {
  const std::string long_text(300, 'x');
  const std::vector<Cell> cells = {
      Cell{},                                          // Blank.
      Cell::String("Grow revenue in the mid-market"),  // Past the SSO size.
      Cell{CellType::kNumber, "", 1234.5},
      Cell{CellType::kDate, "2027-03-31", 46477},
      Cell{CellType::kBool, "TRUE", 1},
      Cell::String(std::string("a\0b", 3)),  // A NUL is kept, not an end.
      Cell::String(long_text),
      Cell{CellType::kError, "#DIV/0!", 0},
  };
  PackedRow packed{.number = 42};
  for (const Cell& c : cells) PackCell(c, &packed);

  // Unpacking into a row that held longer, other cells reuses it wholly.
  SheetRow row{7, std::vector<Cell>(12, Cell::String(long_text + "y"))};
  UnpackRow(packed, cells.size(), &row);
  CHECK(row.number == 42);
  REQUIRE(row.cells.size() == cells.size());
  for (size_t i = 0; i < cells.size(); ++i) {
    INFO("cell " << i);
    CHECK(row.cells[i].type == cells[i].type);
    CHECK(row.cells[i].text == cells[i].text);
    CHECK(row.cells[i].number == cells[i].number);
  }
  CHECK(row.cells[5].text.size() == 3);
}

TEST_CASE("a row of blanks packs and unpacks", "[mapper]") {
  PackedRow packed{.number = 3};
  for (int i = 0; i < 4; ++i) PackCell(Cell{}, &packed);
  SheetRow row;
  UnpackRow(packed, 4, &row);
  REQUIRE(row.cells.size() == 4);
  for (const Cell& c : row.cells) {
    CHECK(c.type == CellType::kEmpty);
    CHECK(c.text.empty());
  }
}

}  // namespace
}  // namespace okr::mapper_internal
