// Copyright 2026 The okrd Authors.
//
// Internals of WorkbookMapper shared by its files: the table of one sheet
// (rows reduced to the template's columns), the diagnostics collector, the
// lookups over what has been mapped so far, and the per-sheet mapping
// functions. Not part of okr_importers' interface.
//
// Files: workbook_mapper.cc (the RowSink, which sheets count, the order of
// mapping), mapper_state.cc (this header's classes), org_rows.cc (Units,
// People, Cycles), okr_rows.cc and okr_values.cc (OKRs), okr_keys.cc (keys
// and links), checkin_rows.cc (Check-ins).

#ifndef OKR_IMPORTERS_TEMPLATE_MAPPER_INTERNAL_H_
#define OKR_IMPORTERS_TEMPLATE_MAPPER_INTERNAL_H_

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/organisation.h"
#include "importers/table.h"
#include "importers/template/template.h"
#include "importers/template/workbook_mapper.h"

namespace okr::mapper_internal {

// One data row: the cells of the bound columns, by slot.
struct SheetRow {
  int64_t number = 0;
  std::vector<Cell> cells;
};

// A data row as kept until Finish maps it: the cells of the bound columns,
// by slot, packed into one string (per cell: type, number, text length,
// text). A large sheet's rows take about a third of the memory they would as
// vectors of Cells. Written by PackRow, read back by UnpackRow.
struct PackedRow {
  int64_t number = 0;
  std::string bytes;
};

// Appends `cell` to `row`.
void PackCell(const Cell& cell, PackedRow* row);
// The `count` cells of `packed` into `row` (reusing its storage).
void UnpackRow(const PackedRow& packed, size_t count, SheetRow* row);

struct SheetTable;

// A cell of a kept sheet, formatted ("plan.xlsx:OKRs!D7") only when a
// message or the output needs the text: rows are mapped by the hundred
// thousand and most of their cells are never reported. Valid while the
// mapper's sheets are (until WorkbookMapper::Finish returns).
struct CellAt {
  const SheetTable* sheet = nullptr;
  int64_t row = 0;
  int col0 = 0;
  std::string ToString() const;
};

struct SheetTable {
  SheetInfo info;
  TemplateSheet kind = TemplateSheet::kOkrs;
  bool named = false;  // The sheet's name (or options.sheet) chose `kind`.
  bool skip = false;   // Hidden, or not a sheet of any kind.
  std::string file_name;
  bool is_csv = false;
  bool decimal_comma = false;  // How text numbers of this sheet are read.
  std::optional<HeaderMatch> header;
  std::array<int, kColumnCount> slot{};  // -1: column not in the sheet.
  std::vector<PackedRow> rows;           // After the header row.
  uint32_t place = 0;  // In MappedWorkbook::where (set by Finish).

  // Calls f(const SheetRow&) for each row of `rows`, in order.
  template <typename F>
  void ForEachRow(F&& f) const {
    SheetRow row;
    for (const PackedRow& packed : rows) {
      UnpackRow(packed, header->columns.size(), &row);
      f(static_cast<const SheetRow&>(row));
    }
  }

  bool Has(Column c) const { return slot[static_cast<int>(c)] >= 0; }
  // The cell of column `c` in `row`; an empty cell when the sheet lacks it.
  const Cell& Get(const SheetRow& row, Column c) const;
  // Trimmed display text of Get(row, c).
  std::string Text(const SheetRow& row, Column c) const;
  // The location of a cell, of column `c` in a row (its first bound column
  // when the sheet lacks `c`), and of the sheet itself.
  std::string Where(int64_t row, int col0) const;
  std::string WhereCell(int64_t row, Column c) const { return At(row, c).ToString(); }
  CellAt At(int64_t row, Column c) const;
  std::string WhereSheet() const;
  // How messages name column `c` ("target").
  std::string_view Noun(Column c) const;
};

// Collects diagnostics into a MappedWorkbook, keeping at most a maximum.
class Reporter {
 public:
  Reporter(size_t max, MappedWorkbook* out) : max_(max), out_(out) {}
  void Error(std::string location, std::string message);
  void Warning(std::string location, std::string message);
  // Adds the "N more" line when some were dropped.
  void Finish();

 private:
  void Add(bool error, std::string location, std::string message);
  size_t max_;
  MappedWorkbook* out_;
  int64_t dropped_ = 0;
};

// A reference to a person or unit that can only be resolved once every row
// of the People and Units sheets is in.
struct PendingRef {
  enum class What { kUnitParent, kUnitLead, kPersonManager } what;
  size_t index = 0;  // Into org.units or org.people.
  std::string text;
  CellAt location;
};

// What has been mapped so far, with lookups by key and name.
class MapState {
 public:
  MapState(const MapOptions& map_options, MappedWorkbook* mapped)
      : options(map_options),
        report(map_options.max_diagnostics, mapped),
        out(*mapped) {}

  const MapOptions& options;
  Reporter report;
  MappedWorkbook& out;
  Organisation& org() { return out.org; }

  bool has_units_sheet = false;
  bool has_cycles_sheet = false;
  std::vector<PendingRef> pending;
  std::vector<size_t> units_without_level;  // Level follows the parent.

  // Units. AddUnit returns false (and reports) for a duplicate key.
  bool AddUnit(Unit unit, const CellAt& location);
  std::optional<std::string> FindUnit(std::string_view text) const;
  // The key for a unit named by key or name; a unit not known is created
  // under the top unit and listed in derived_units.
  std::string ResolveUnit(std::string_view text, const CellAt& location,
                          Level new_level);
  const Unit* UnitByKey(const std::string& key) const;
  std::string TopUnitKey() const;

  // People. AddPerson returns false (and reports) for a duplicate e-mail.
  bool AddPerson(Person person, const CellAt& location);
  struct PersonMatch {
    std::string email;           // Empty when not resolved.
    std::string name_not_found;  // The text, when it was an unknown name.
  };
  // By e-mail (anything with '@', lowercased) or by the name of one person.
  // Reports an ambiguous or unknown name (`noun` names the field).
  PersonMatch ResolvePerson(std::string_view text, std::string_view noun,
                            const CellAt& location);

  // Cycles. AddCycle returns false (and reports) for a duplicate name.
  bool AddCycle(Cycle cycle, const CellAt& location);
  // The cycle name for a text; quarters not in the Cycles sheet are created
  // (derived_cycles); other unknown names are kept, with one warning.
  std::string ResolveCycle(std::string_view text, const CellAt& location);

  // The location of item `index` of `kind`, for "first at ..." messages.
  std::string FirstAt(ItemKind kind, size_t index) const;
  // Records that item `index` of `kind` (in org()) is defined at `cell`.
  void Locate(ItemKind kind, size_t index, const CellAt& cell) {
    out.where.Set(kind, index, cell.sheet->place, cell.row, cell.col0);
  }

 private:
  std::map<std::string, size_t> unit_by_key_;
  std::map<std::string, std::vector<size_t>> units_by_name_;
  std::map<std::string, size_t> person_by_email_;
  std::map<std::string, std::vector<size_t>> people_by_name_;
  std::map<std::string, size_t> cycle_by_name_;  // NormaliseHeader(name).
  std::set<std::string> unknown_cycles_;
};

// The override a row gives (cadence_columns.cc); blank cells stay empty. Each bad value is
// reported at its cell and left empty.
CadenceOverride MapCadenceOverride(const SheetTable& sheet, const SheetRow& row,
                                   const CadenceColumns& columns,
                                   MapState* state);

// Sheet mappers, in the order WorkbookMapper::Finish calls them.
void MapUnitSheet(const SheetTable& sheet, MapState* state);
void MapPeopleSheet(const SheetTable& sheet, MapState* state);
void ResolvePendingRefs(MapState* state);
void MapCycleSheet(const SheetTable& sheet, MapState* state);
// All OKRs sheets at once (objectives may span sheets). With
// `sheet_name_is_unit`, a sheet without a Unit column gives its name as the
// unit of its rows (a sheet per department). Consumes the sheets' rows
// (each is freed once mapped); the rest of each SheetTable stays valid.
void MapOkrSheets(const std::vector<SheetTable*>& sheets,
                  bool sheet_name_is_unit, MapState* state);
void MapCheckInSheet(const SheetTable& sheet, MapState* state);

}  // namespace okr::mapper_internal

#endif  // OKR_IMPORTERS_TEMPLATE_MAPPER_INTERNAL_H_
