// Copyright 2026 The okrd Authors.
//
// The Units, People and Cycles sheets.

#include <cmath>
#include <utility>

#include "core/model/text.h"
#include "importers/template/mapper_internal.h"
#include "importers/template/value_parsing.h"

namespace okr::mapper_internal {
namespace {

std::string Quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// Reports `status` (a value-parsing error) for the cell of `c`.
void FieldError(const SheetTable& sheet, const SheetRow& row, Column c,
                const Status& status, MapState* state) {
  state->report.Error(sheet.WhereCell(row.number, c),
                      std::string(sheet.Noun(c)) + " " + status.message());
}

// A unit key not yet taken, from the unit's name.
std::string FreshUnitKey(const std::string& name, const MapState& state) {
  std::string base = Slugify(name);
  if (base.empty()) base = "unit";
  std::string key = base;
  for (int n = 2; state.UnitByKey(key) != nullptr; ++n) {
    key = base + "-" + std::to_string(n);
  }
  return key;
}

// The level column of a Units row; nullopt when blank or wrong (reported).
std::optional<Level> UnitLevel(const SheetTable& sheet, const SheetRow& row,
                               MapState* state) {
  const std::string text = sheet.Text(row, Column::kLevel);
  if (text.empty()) return std::nullopt;
  const std::optional<Level> level = ParseLevelText(text);
  if (!level || *level == Level::kIndividual) {
    state->report.Error(
        sheet.WhereCell(row.number, Column::kLevel),
        "level " + Quoted(text) + " is not company, department or team");
    return std::nullopt;
  }
  return level;
}

void MapUnitRow(const SheetTable& sheet, const SheetRow& row, MapState* state) {
  const std::string key_text = sheet.Text(row, Column::kUnitKey);
  const std::string name = sheet.Text(row, Column::kName);
  const CellAt location =
      sheet.At(row.number, key_text.empty() ? Column::kName : Column::kUnitKey);
  if (key_text.empty() && name.empty()) {
    state->report.Error(location.ToString(), "unit has no name or ID");
    return;
  }
  Unit unit;
  unit.key = key_text.empty() ? FreshUnitKey(name, *state) : key_text;
  unit.name = name.empty() ? unit.key : name;
  const std::optional<Level> level = UnitLevel(sheet, row, state);
  unit.level = level.value_or(Level::kTeam);
  unit.review = MapCadenceOverride(sheet, row, kReviewColumns, state);
  const size_t index = state->org().units.size();
  if (!state->AddUnit(std::move(unit), location)) return;
  if (!level) state->units_without_level.push_back(index);
  const std::string parent = sheet.Text(row, Column::kParentUnit);
  if (!parent.empty()) {
    state->pending.push_back(
        {PendingRef::What::kUnitParent, index, parent,
         sheet.At(row.number, Column::kParentUnit)});
  }
  const std::string lead = sheet.Text(row, Column::kLead);
  if (!lead.empty()) {
    state->pending.push_back({PendingRef::What::kUnitLead, index, lead,
                              sheet.At(row.number, Column::kLead)});
  }
}

void MapPersonRow(const SheetTable& sheet, const SheetRow& row,
                  MapState* state) {
  const CellAt location = sheet.At(row.number, Column::kEmail);
  const std::string email = AsciiLower(sheet.Text(row, Column::kEmail));
  if (email.empty()) {
    state->report.Error(location.ToString(), "person has no e-mail");
    return;
  }
  if (email.find('@') == std::string::npos) {
    state->report.Error(
        location.ToString(), "e-mail " + Quoted(email) + " is not an e-mail address");
    return;
  }
  Person person;
  person.email = email;
  person.name = sheet.Text(row, Column::kName);
  person.time_zone = sheet.Text(row, Column::kTimeZone);
  person.one_on_one = MapCadenceOverride(sheet, row, kOneOnOneColumns, state);
  const std::string unit = sheet.Text(row, Column::kUnit);
  if (!unit.empty()) {
    person.unit_key = state->ResolveUnit(
        unit, sheet.At(row.number, Column::kUnit), Level::kTeam);
  }
  const size_t index = state->org().people.size();
  if (!state->AddPerson(std::move(person), location)) return;
  const std::string manager = sheet.Text(row, Column::kManager);
  if (!manager.empty()) {
    state->pending.push_back({PendingRef::What::kPersonManager, index, manager,
                              sheet.At(row.number, Column::kManager)});
  }
}

// Whole days >= 0 from a cell; `fallback` when blank.
std::optional<int> DaysOf(const SheetTable& sheet, const SheetRow& row,
                          Column c, int fallback, MapState* state) {
  const Cell& cell = sheet.Get(row, c);
  if (IsBlankCell(cell)) return fallback;
  auto number = ParseNumberCell(cell, sheet.decimal_comma);
  if (number.ok() && number->unit.empty() && number->value >= 0 &&
      number->value <= 3660 && std::floor(number->value) == number->value) {
    return static_cast<int>(number->value);
  }
  state->report.Error(sheet.WhereCell(row.number, c),
                      std::string(sheet.Noun(c)) + " " +
                          Quoted(CellDisplayText(cell)) +
                          " is not a whole number of days");
  return std::nullopt;
}

std::optional<Date> CycleDate(const SheetTable& sheet, const SheetRow& row,
                              Column c, const std::string& name,
                              MapState* state) {
  const Cell& cell = sheet.Get(row, c);
  if (IsBlankCell(cell)) {
    state->report.Error(sheet.WhereCell(row.number, c),
                        "cycle " + Quoted(name) + " has no " +
                            std::string(sheet.Noun(c)) + " date");
    return std::nullopt;
  }
  Result<Date> date = ParseDateCell(cell, state->options.date_order);
  if (!date.ok()) {
    FieldError(sheet, row, c, date.status(), state);
    return std::nullopt;
  }
  return *date;
}

void MapCycleRow(const SheetTable& sheet, const SheetRow& row,
                 MapState* state) {
  const CellAt location = sheet.At(row.number, Column::kCycle);
  Cycle cycle;
  cycle.name = sheet.Text(row, Column::kCycle);
  if (cycle.name.empty()) {
    state->report.Error(location.ToString(), "cycle has no name");
    return;
  }
  const auto start =
      CycleDate(sheet, row, Column::kCycleStart, cycle.name, state);
  const auto end = CycleDate(sheet, row, Column::kCycleEnd, cycle.name, state);
  const auto planning =
      DaysOf(sheet, row, Column::kPlanningDays, cycle.planning_days, state);
  const auto retro = DaysOf(sheet, row, Column::kRetrospectiveDays,
                            cycle.retrospective_days, state);
  if (!start || !end || !planning || !retro) return;
  cycle.start = *start;
  cycle.end = *end;
  cycle.planning_days = *planning;
  cycle.retrospective_days = *retro;
  state->AddCycle(std::move(cycle), location);
}

// Units without a Level: the top is the company, its children departments,
// the rest teams.
void DeriveUnitLevels(MapState* state) {
  for (size_t index : state->units_without_level) {
    Unit& unit = state->org().units[index];
    const Unit* parent = state->UnitByKey(unit.parent_key);
    if (unit.parent_key.empty()) {
      unit.level = Level::kCompany;
    } else if (parent && parent->parent_key.empty()) {
      unit.level = Level::kDepartment;
    } else {
      unit.level = Level::kTeam;
    }
  }
}

}  // namespace

void MapUnitSheet(const SheetTable& sheet, MapState* state) {
  sheet.ForEachRow(
      [&](const SheetRow& row) { MapUnitRow(sheet, row, state); });
}

void MapPeopleSheet(const SheetTable& sheet, MapState* state) {
  sheet.ForEachRow(
      [&](const SheetRow& row) { MapPersonRow(sheet, row, state); });
}

void MapCycleSheet(const SheetTable& sheet, MapState* state) {
  sheet.ForEachRow(
      [&](const SheetRow& row) { MapCycleRow(sheet, row, state); });
}

void ResolvePendingRefs(MapState* state) {
  for (const PendingRef& ref : state->pending) {
    switch (ref.what) {
      case PendingRef::What::kUnitParent: {
        const std::optional<std::string> key = state->FindUnit(ref.text);
        if (!key) {
          state->report.Error(ref.location.ToString(), "parent unit " + Quoted(ref.text) +
                                                " is not in the Units sheet");
        } else {
          state->org().units[ref.index].parent_key = *key;
        }
        break;
      }
      case PendingRef::What::kUnitLead:
        state->org().units[ref.index].lead_email =
            state->ResolvePerson(ref.text, "lead", ref.location).email;
        break;
      case PendingRef::What::kPersonManager:
        state->org().people[ref.index].manager_email =
            state->ResolvePerson(ref.text, "manager", ref.location).email;
        break;
    }
  }
  state->pending.clear();
  DeriveUnitLevels(state);
}

}  // namespace okr::mapper_internal
