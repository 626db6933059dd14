// Copyright 2026 The okrd Authors.
//
// Store::Load: reads the whole organisation in one read transaction so the
// snapshot is consistent while writers go on.

#include <map>
#include <utility>

#include "core/store/store.h"

namespace okr {
namespace {

std::optional<Date> OptionalDate(const Statement& row, int col) {
  if (row.ColumnIsNull(col)) return std::nullopt;
  auto date = ParseIsoDate(row.ColumnText(col));
  return date.ok() ? std::optional<Date>(*date) : std::nullopt;
}

Date RequiredDate(const Statement& row, int col) {
  return OptionalDate(row, col).value_or(Date{});
}

std::optional<int> OptionalInt(const Statement& row, int col) {
  if (row.ColumnIsNull(col)) return std::nullopt;
  return static_cast<int>(row.ColumnInt(col));
}

// The four override columns starting at `col`.
CadenceOverride OverrideAt(const Statement& row, int col) {
  return {.weekday = OptionalInt(row, col),
          .start_minute = OptionalInt(row, col + 1),
          .length_minutes = OptionalInt(row, col + 2),
          .interval_weeks = OptionalInt(row, col + 3)};
}

// Runs `sql` and calls `read(row)` for every row.
template <typename F>
Status ForEachRow(Database* db, std::string_view sql, F read) {
  OKR_ASSIGN_OR_RETURN(Statement stmt, db->Prepare(sql));
  for (;;) {
    OKR_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return Status::Ok();
    read(stmt);
  }
}

Status LoadUnits(Database* db, Organisation* org) {
  return ForEachRow(
      db, "SELECT key, name, parent_key, level, lead_email, review_weekday, "
          "review_start_minute, review_minutes, review_weeks FROM units "
          "ORDER BY position",
      [&](const Statement& r) {
        org->units.push_back(
            {.key = r.ColumnText(0), .name = r.ColumnText(1),
             .parent_key = r.ColumnText(2),
             .level = ParseLevel(r.ColumnText(3)).value_or(Level::kTeam),
             .lead_email = r.ColumnText(4), .review = OverrideAt(r, 5)});
      });
}

Status LoadPeople(Database* db, Organisation* org) {
  return ForEachRow(
      db, "SELECT email, name, unit_key, manager_email, time_zone, "
          "one_on_one_weekday, one_on_one_start_minute, one_on_one_minutes, "
          "one_on_one_weeks FROM people ORDER BY position",
      [&](const Statement& r) {
        org->people.push_back({.email = r.ColumnText(0),
                               .name = r.ColumnText(1),
                               .unit_key = r.ColumnText(2),
                               .manager_email = r.ColumnText(3),
                               .time_zone = r.ColumnText(4),
                               .one_on_one = OverrideAt(r, 5)});
      });
}

Status LoadCycles(Database* db, Organisation* org) {
  return ForEachRow(
      db, "SELECT name, start_date, end_date, planning_days, "
          "retrospective_days FROM cycles ORDER BY position",
      [&](const Statement& r) {
        org->cycles.push_back(
            {.name = r.ColumnText(0), .start = RequiredDate(r, 1),
             .end = RequiredDate(r, 2),
             .planning_days = static_cast<int>(r.ColumnInt(3)),
             .retrospective_days = static_cast<int>(r.ColumnInt(4))});
      });
}

Status LoadObjectives(Database* db, Organisation* org) {
  return ForEachRow(
      db, "SELECT key, title, description, level, unit_key, owner_email, "
          "cycle, committed, score_override, score_reason FROM objectives "
          "ORDER BY position",
      [&](const Statement& r) {
        org->objectives.push_back(
            {.key = r.ColumnText(0), .title = r.ColumnText(1),
             .description = r.ColumnText(2),
             .level = ParseLevel(r.ColumnText(3)).value_or(Level::kTeam),
             .unit_key = r.ColumnText(4), .owner_email = r.ColumnText(5),
             .cycle = r.ColumnText(6), .committed = r.ColumnInt(7) != 0,
             .score_override = r.ColumnOptionalDouble(8),
             .score_reason = r.ColumnText(9)});
      });
}

Status LoadLinks(Database* db, Organisation* org) {
  std::map<std::string, Objective*> by_key;
  for (Objective& o : org->objectives) by_key[o.key] = &o;
  return ForEachRow(
      db, "SELECT objective_key, relation, target_kind, target_key "
          "FROM alignment_links ORDER BY objective_key, position",
      [&](const Statement& r) {
        auto it = by_key.find(r.ColumnText(0));
        if (it == by_key.end()) return;
        LinkTarget t{ParseTargetKind(r.ColumnText(2))
                         .value_or(TargetKind::kObjective),
                     r.ColumnText(3)};
        if (r.ColumnText(1) == "parent") {
          it->second->parent = std::move(t);
        } else {
          it->second->supports.push_back(std::move(t));
        }
      });
}

Status LoadKeyResults(Database* db, Organisation* org) {
  return ForEachRow(
      db, "SELECT key, objective_key, title, owner_email, kind, start_value, "
          "target_value, current_value, unit, weight, due_date "
          "FROM key_results ORDER BY position",
      [&](const Statement& r) {
        org->key_results.push_back(
            {.key = r.ColumnText(0), .objective_key = r.ColumnText(1),
             .title = r.ColumnText(2), .owner_email = r.ColumnText(3),
             .kind = ParseKrKind(r.ColumnText(4)).value_or(KrKind::kIncrease),
             .start = r.ColumnDouble(5), .target = r.ColumnDouble(6),
             .current = r.ColumnDouble(7), .unit = r.ColumnText(8),
             .weight = r.ColumnDouble(9), .due = OptionalDate(r, 10)});
      });
}

Status LoadCheckIns(Database* db, Organisation* org) {
  return ForEachRow(
      db, "SELECT id, target_kind, target_key, at, author_email, value, "
          "confidence, status_text, learned, next_steps, challenges, source "
          "FROM check_ins WHERE (target_kind = 'kr' AND target_key IN "
          "(SELECT key FROM key_results)) OR (target_kind = 'objective' AND "
          "target_key IN (SELECT key FROM objectives)) ORDER BY at, id",
      [&](const Statement& r) {
        org->check_ins.push_back(
            {.id = r.ColumnInt(0),
             .target_kind = ParseTargetKind(r.ColumnText(1))
                                .value_or(TargetKind::kKeyResult),
             .target_key = r.ColumnText(2), .at = r.ColumnInt(3),
             .author_email = r.ColumnText(4),
             .value = r.ColumnOptionalDouble(5),
             .confidence = r.ColumnOptionalDouble(6),
             .status = r.ColumnText(7), .learned = r.ColumnText(8),
             .next_steps = r.ColumnText(9), .challenges = r.ColumnText(10),
             .source = r.ColumnText(11)});
      });
}

Result<Organisation> LoadAll(Database* db) {
  OKR_ASSIGN_OR_RETURN(auto txn,
                       Transaction::Begin(db, Transaction::Kind::kRead));
  OKR_ASSIGN_OR_RETURN(Organisation org, LoadInTransaction(db));
  OKR_RETURN_IF_ERROR(txn->Commit());
  return org;
}

}  // namespace

Result<Organisation> LoadInTransaction(Database* db) {
  Organisation org;
  OKR_RETURN_IF_ERROR(LoadUnits(db, &org));
  OKR_RETURN_IF_ERROR(LoadPeople(db, &org));
  OKR_RETURN_IF_ERROR(LoadCycles(db, &org));
  OKR_RETURN_IF_ERROR(LoadObjectives(db, &org));
  OKR_RETURN_IF_ERROR(LoadLinks(db, &org));
  OKR_RETURN_IF_ERROR(LoadKeyResults(db, &org));
  OKR_RETURN_IF_ERROR(LoadCheckIns(db, &org));
  return org;
}

Result<Organisation> Store::Load() {
  OKR_ASSIGN_OR_RETURN(auto db, TakeReader());
  Result<Organisation> org = LoadAll(db.get());
  ReturnReader(std::move(db));
  return org;
}

}  // namespace okr
