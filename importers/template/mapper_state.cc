// Copyright 2026 The okrd Authors.

#include <cassert>
#include <cstring>
#include <utility>

#include "core/model/text.h"
#include "importers/template/mapper_internal.h"
#include "importers/template/value_parsing.h"

namespace okr {

std::string Diagnostic::ToString() const {
  std::string out = location;
  if (!out.empty()) out += ": ";
  out += error ? "error: " : "warning: ";
  out += message;
  return out;
}

namespace mapper_internal {
namespace {

std::string Quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// A text that can be used as a key as it is: printable ASCII without spaces
// or capitals (so a unit key written by the exporter comes back unchanged,
// while a name such as "Sales" becomes the key "sales").
bool LooksLikeKey(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c <= ' ' || c > '~' || (c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

}  // namespace

void PackCell(const Cell& cell, PackedRow* row) {
  std::string& out = row->bytes;
  const auto length = static_cast<uint32_t>(cell.text.size());
  out.push_back(static_cast<char>(cell.type));
  out.append(reinterpret_cast<const char*>(&cell.number), sizeof cell.number);
  out.append(reinterpret_cast<const char*>(&length), sizeof length);
  out.append(cell.text);
}

void UnpackRow(const PackedRow& packed, size_t count, SheetRow* row) {
  row->number = packed.number;
  row->cells.resize(count);
  const char* p = packed.bytes.data();
  for (Cell& cell : row->cells) {
    uint32_t length = 0;
    cell.type = static_cast<CellType>(*p++);
    std::memcpy(&cell.number, p, sizeof cell.number);
    p += sizeof cell.number;
    std::memcpy(&length, p, sizeof length);
    p += sizeof length;
    cell.text.assign(p, length);
    p += length;
  }
  assert(p == packed.bytes.data() + packed.bytes.size());
}

const Cell& SheetTable::Get(const SheetRow& row, Column c) const {
  static const Cell kEmpty;
  const int s = slot[static_cast<int>(c)];
  if (s < 0 || static_cast<size_t>(s) >= row.cells.size()) return kEmpty;
  return row.cells[static_cast<size_t>(s)];
}

std::string SheetTable::Text(const SheetRow& row, Column c) const {
  const Cell& cell = Get(row, c);
  if (cell.type == CellType::kString) {
    return std::string(TrimSpaces(cell.text));
  }
  return CellDisplayText(cell);
}

std::string SheetTable::Where(int64_t row, int col0) const {
  if (is_csv) return Location::InText(file_name, row, col0 + 1).ToString();
  return Location::InSheet(file_name, info.name, row, col0).ToString();
}

CellAt SheetTable::At(int64_t row, Column c) const {
  int col0 = 0;
  const int s = slot[static_cast<int>(c)];
  if (s >= 0) {
    col0 = header->columns[static_cast<size_t>(s)].col0;
  } else if (header && !header->columns.empty()) {
    col0 = header->columns.front().col0;
  }
  return {this, row, col0};
}

std::string CellAt::ToString() const { return sheet->Where(row, col0); }

std::string SheetTable::WhereSheet() const {
  if (!header)
    return is_csv ? Location::InFile(file_name).ToString() : Where(1, 0);
  return Where(header->row, header->columns.front().col0);
}

std::string_view SheetTable::Noun(Column c) const {
  const ColumnSpec* spec = FindColumnSpec(kind, c);
  return spec ? spec->noun : std::string_view("value");
}

void Reporter::Add(bool error, std::string location, std::string message) {
  (error ? out_->error_count : out_->warning_count) += 1;
  if (out_->diagnostics.size() >= max_) {
    ++dropped_;
    return;
  }
  out_->diagnostics.push_back(
      Diagnostic{error, std::move(location), std::move(message)});
}

void Reporter::Error(std::string location, std::string message) {
  Add(true, std::move(location), std::move(message));
}

void Reporter::Warning(std::string location, std::string message) {
  Add(false, std::move(location), std::move(message));
}

void Reporter::Finish() {
  if (dropped_ == 0) return;
  out_->diagnostics.push_back(Diagnostic{
      false, "",
      std::to_string(dropped_) + " more problems not shown (" +
          std::to_string(out_->error_count) + " errors and " +
          std::to_string(out_->warning_count) + " warnings in all)"});
}

bool MapState::AddUnit(Unit unit, const CellAt& location) {
  const auto seen = unit_by_key_.find(unit.key);
  if (seen != unit_by_key_.end()) {
    report.Error(location.ToString(),
                 "unit ID " + Quoted(unit.key) + " is used twice (first at " +
                     FirstAt(ItemKind::kUnit, seen->second) + ")");
    return false;
  }
  unit_by_key_[unit.key] = org().units.size();
  units_by_name_[NormaliseTitle(unit.name)].push_back(org().units.size());
  Locate(ItemKind::kUnit, org().units.size(), location);
  org().units.push_back(std::move(unit));
  return true;
}

std::optional<std::string> MapState::FindUnit(std::string_view text) const {
  const std::string t(TrimSpaces(text));
  if (unit_by_key_.count(t) > 0) return t;
  const auto named = units_by_name_.find(NormaliseTitle(t));
  if (named != units_by_name_.end()) {
    return out.org.units[named->second.front()].key;
  }
  const std::string slug = Slugify(t);
  if (!slug.empty() && unit_by_key_.count(slug) > 0) return slug;
  return std::nullopt;
}

const Unit* MapState::UnitByKey(const std::string& key) const {
  const auto it = unit_by_key_.find(key);
  return it == unit_by_key_.end() ? nullptr : &out.org.units[it->second];
}

std::string MapState::TopUnitKey() const {
  for (const Unit& unit : out.org.units) {
    if (unit.parent_key.empty() && out.derived_units.count(unit.key) == 0) {
      return unit.key;
    }
  }
  return "";
}

std::string MapState::ResolveUnit(std::string_view text,
                                  const CellAt& location,
                                  Level new_level) {
  if (auto key = FindUnit(text)) return *key;
  const std::string name(TrimSpaces(text));
  const std::string base = LooksLikeKey(name) ? name : Slugify(name);
  std::string key = base.empty() ? std::string("unit") : base;
  for (int n = 2; unit_by_key_.count(key) > 0; ++n) {
    key = base + "-" + std::to_string(n);
  }
  const std::string top = TopUnitKey();
  if (has_units_sheet) {
    report.Warning(location.ToString(), "unit " + Quoted(name) +
                                 " is not in the Units sheet; it becomes a "
                                 "new unit " +
                                 Quoted(key) +
                                 (top.empty() ? "" : " under " + Quoted(top)));
  }
  out.derived_units.insert(key);
  AddUnit(Unit{key, name, top, new_level, ""}, location);
  return key;
}

bool MapState::AddPerson(Person person, const CellAt& location) {
  const auto seen = person_by_email_.find(person.email);
  if (seen != person_by_email_.end()) {
    report.Error(location.ToString(),
                 "person " + Quoted(person.email) +
                     " is listed twice (first at " +
                     FirstAt(ItemKind::kPerson, seen->second) + ")");
    return false;
  }
  person_by_email_[person.email] = org().people.size();
  if (!person.name.empty()) {
    people_by_name_[NormaliseTitle(person.name)].push_back(org().people.size());
  }
  Locate(ItemKind::kPerson, org().people.size(), location);
  org().people.push_back(std::move(person));
  return true;
}

MapState::PersonMatch MapState::ResolvePerson(std::string_view text,
                                              std::string_view noun,
                                              const CellAt& location) {
  const std::string t(TrimSpaces(text));
  if (t.empty()) return {};
  if (t.find('@') != std::string::npos) return {AsciiLower(t), ""};
  const auto it = people_by_name_.find(NormaliseTitle(t));
  if (it != people_by_name_.end() && it->second.size() == 1) {
    return {org().people[it->second.front()].email, ""};
  }
  if (it != people_by_name_.end()) {
    report.Error(location.ToString(), std::string(noun) + " " + Quoted(t) + " matches " +
                               std::to_string(it->second.size()) +
                               " people in the People sheet; give the e-mail");
    return {};
  }
  report.Warning(location.ToString(), std::string(noun) + " " + Quoted(t) +
                               " is not an e-mail address or the name of "
                               "anyone in the People sheet");
  return {"", t};
}

bool MapState::AddCycle(Cycle cycle, const CellAt& location) {
  const std::string normal = NormaliseHeader(cycle.name);
  const auto seen = cycle_by_name_.find(normal);
  if (seen != cycle_by_name_.end()) {
    report.Error(location.ToString(),
                 "cycle " + Quoted(cycle.name) + " is listed twice (first at " +
                     FirstAt(ItemKind::kCycle, seen->second) + ")");
    return false;
  }
  cycle_by_name_[normal] = org().cycles.size();
  Locate(ItemKind::kCycle, org().cycles.size(), location);
  org().cycles.push_back(std::move(cycle));
  return true;
}

std::string MapState::FirstAt(ItemKind kind, size_t index) const {
  return out.where.Find(kind, index).value_or("");
}

std::string MapState::ResolveCycle(std::string_view text,
                                   const CellAt& location) {
  const std::string t(TrimSpaces(text));
  const auto known = cycle_by_name_.find(NormaliseHeader(t));
  if (known != cycle_by_name_.end()) return org().cycles[known->second].name;
  std::optional<Cycle> quarter = ParseQuarterCycle(t);
  if (!quarter) {
    if (unknown_cycles_.insert(t).second) {
      report.Warning(location.ToString(), "cycle " + Quoted(t) +
                                   " is not in the Cycles sheet and is not a "
                                   "quarter such as 2027-Q1; it must exist "
                                   "already");
    }
    return t;
  }
  const auto same = cycle_by_name_.find(NormaliseHeader(quarter->name));
  if (same != cycle_by_name_.end()) return org().cycles[same->second].name;
  if (has_cycles_sheet) {
    report.Warning(location.ToString(), "cycle " + Quoted(t) +
                                 " is not in the Cycles sheet; it is taken "
                                 "as the calendar quarter " +
                                 quarter->name + " (" +
                                 quarter->start.ToString() + " to " +
                                 quarter->end.ToString() + ")");
  }
  // The name stays as written (so that it matches an existing cycle of that
  // name); the canonical spelling finds it too.
  const std::string canonical = NormaliseHeader(quarter->name);
  quarter->name = t;
  out.derived_cycles.insert(t);
  AddCycle(std::move(*quarter), location);
  cycle_by_name_.emplace(canonical, org().cycles.size() - 1);
  return t;
}

}  // namespace mapper_internal
}  // namespace okr
