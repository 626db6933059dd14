// Copyright 2026 The okrd Authors.
//
// Store writes: Insert (a whole organisation) and AddCheckIn. Each is one
// BEGIN IMMEDIATE transaction on the writer connection; any failure rolls
// the whole change back.

#include <cmath>
#include <utility>

#include "core/model/validate.h"
#include "core/store/store.h"

namespace okr {
namespace {

void BindOptional(Statement* s, int index, std::optional<int> value) {
  if (value) {
    s->Bind(index, int64_t{*value});
  } else {
    s->BindNull(index);
  }
}

// Binds the four fields of `o` at index, index + 1, ...
void BindOverride(Statement* s, int index, const CadenceOverride& o) {
  BindOptional(s, index, o.weekday);
  BindOptional(s, index + 1, o.start_minute);
  BindOptional(s, index + 2, o.length_minutes);
  BindOptional(s, index + 3, o.interval_weeks);
}

Status InsertUnits(Database* db, const std::vector<Unit>& units) {
  OKR_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("INSERT INTO units (key, name, parent_key, level, "
                  "lead_email, position, review_weekday, "
                  "review_start_minute, review_minutes, review_weeks) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    s.Bind(1, u.key).Bind(2, u.name).BindTextOrNull(3, u.parent_key);
    s.Bind(4, LevelName(u.level)).BindTextOrNull(5, u.lead_email);
    s.Bind(6, static_cast<int64_t>(i));
    BindOverride(&s, 7, u.review);
    OKR_RETURN_IF_ERROR(s.Run().WithPrefix("unit \"" + u.key + "\""));
    s.Reset();
  }
  return Status::Ok();
}

Status InsertPeople(Database* db, const std::vector<Person>& people) {
  OKR_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("INSERT INTO people (email, name, unit_key, manager_email, "
                  "time_zone, position, one_on_one_weekday, "
                  "one_on_one_start_minute, one_on_one_minutes, "
                  "one_on_one_weeks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  for (size_t i = 0; i < people.size(); ++i) {
    const Person& p = people[i];
    s.Bind(1, p.email).Bind(2, p.name).BindTextOrNull(3, p.unit_key);
    s.BindTextOrNull(4, p.manager_email).Bind(5, p.time_zone);
    s.Bind(6, static_cast<int64_t>(i));
    BindOverride(&s, 7, p.one_on_one);
    OKR_RETURN_IF_ERROR(s.Run().WithPrefix("person \"" + p.email + "\""));
    s.Reset();
  }
  return Status::Ok();
}

Status InsertCycles(Database* db, const std::vector<Cycle>& cycles) {
  OKR_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("INSERT INTO cycles (name, start_date, end_date, "
                  "planning_days, retrospective_days, position) "
                  "VALUES (?, ?, ?, ?, ?, ?)"));
  for (size_t i = 0; i < cycles.size(); ++i) {
    const Cycle& c = cycles[i];
    s.Bind(1, c.name).Bind(2, c.start.ToString()).Bind(3, c.end.ToString());
    s.Bind(4, int64_t{c.planning_days}).Bind(5, int64_t{c.retrospective_days});
    s.Bind(6, static_cast<int64_t>(i));
    OKR_RETURN_IF_ERROR(s.Run().WithPrefix("cycle \"" + c.name + "\""));
    s.Reset();
  }
  return Status::Ok();
}

Status InsertLinks(Database* db, const Objective& o) {
  OKR_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("INSERT INTO alignment_links (objective_key, relation, "
                  "target_kind, target_key, position) VALUES (?, ?, ?, ?, ?)"));
  auto add = [&](std::string_view relation, const LinkTarget& t, int64_t pos) {
    s.Bind(1, o.key).Bind(2, relation).Bind(3, TargetKindName(t.kind));
    s.Bind(4, t.key).Bind(5, pos);
    Status st = s.Run();
    s.Reset();
    return st;
  };
  if (o.parent) OKR_RETURN_IF_ERROR(add("parent", *o.parent, 0));
  for (size_t i = 0; i < o.supports.size(); ++i) {
    OKR_RETURN_IF_ERROR(add("supports", o.supports[i], static_cast<int64_t>(i)));
  }
  return Status::Ok();
}

Status InsertObjectives(Database* db, const std::vector<Objective>& objectives) {
  OKR_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("INSERT INTO objectives (key, title, description, level, "
                  "unit_key, owner_email, cycle, committed, score_override, "
                  "score_reason, position) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
  for (size_t i = 0; i < objectives.size(); ++i) {
    const Objective& o = objectives[i];
    s.Bind(1, o.key).Bind(2, o.title).Bind(3, o.description);
    s.Bind(4, LevelName(o.level)).BindTextOrNull(5, o.unit_key);
    s.BindTextOrNull(6, o.owner_email).Bind(7, o.cycle);
    s.Bind(8, int64_t{o.committed ? 1 : 0}).Bind(9, o.score_override);
    s.Bind(10, o.score_reason).Bind(11, static_cast<int64_t>(i));
    const std::string where = "objective \"" + o.key + "\"";
    OKR_RETURN_IF_ERROR(s.Run().WithPrefix(where));
    s.Reset();
    OKR_RETURN_IF_ERROR(InsertLinks(db, o).WithPrefix(where));
  }
  return Status::Ok();
}

Status InsertKeyResults(Database* db, const std::vector<KeyResult>& krs) {
  OKR_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("INSERT INTO key_results (key, objective_key, title, "
                  "owner_email, kind, start_value, target_value, "
                  "current_value, unit, weight, due_date, position) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
  for (size_t i = 0; i < krs.size(); ++i) {
    const KeyResult& k = krs[i];
    s.Bind(1, k.key).Bind(2, k.objective_key).Bind(3, k.title);
    s.BindTextOrNull(4, k.owner_email).Bind(5, KrKindName(k.kind));
    s.Bind(6, k.start).Bind(7, k.target).Bind(8, k.current).Bind(9, k.unit);
    s.Bind(10, k.weight);
    if (k.due) s.Bind(11, k.due->ToString()); else s.BindNull(11);
    s.Bind(12, static_cast<int64_t>(i));
    OKR_RETURN_IF_ERROR(s.Run().WithPrefix("key result \"" + k.key + "\""));
    s.Reset();
  }
  return Status::Ok();
}

// Inserts one check-in; returns its id.
Result<int64_t> InsertCheckIn(Database* db, const CheckIn& c) {
  OKR_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("INSERT INTO check_ins (target_kind, target_key, at, "
                  "author_email, value, confidence, status_text, learned, "
                  "next_steps, challenges, source) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
  s.Bind(1, TargetKindName(c.target_kind)).Bind(2, c.target_key);
  s.Bind(3, int64_t{c.at}).Bind(4, c.author_email).Bind(5, c.value);
  s.Bind(6, c.confidence).Bind(7, c.status).Bind(8, c.learned);
  s.Bind(9, c.next_steps).Bind(10, c.challenges).Bind(11, c.source);
  OKR_RETURN_IF_ERROR(s.Run().WithPrefix("check-in of \"" + c.target_key + "\""));
  return db->last_insert_rowid();
}

Status InsertCheckIns(Database* db, const std::vector<CheckIn>& check_ins) {
  for (const CheckIn& c : check_ins) {
    OKR_RETURN_IF_ERROR(InsertCheckIn(db, c).status());
  }
  return Status::Ok();
}

// Everything but the check-ins.
Status InsertItems(Database* db, const Organisation& org) {
  OKR_RETURN_IF_ERROR(InsertUnits(db, org.units));
  OKR_RETURN_IF_ERROR(InsertPeople(db, org.people));
  OKR_RETURN_IF_ERROR(InsertCycles(db, org.cycles));
  OKR_RETURN_IF_ERROR(InsertObjectives(db, org.objectives));
  return InsertKeyResults(db, org.key_results);
}

Status DeleteItems(Database* db) {
  return db->Exec(
      "DELETE FROM alignment_links; DELETE FROM key_results; "
      "DELETE FROM objectives; DELETE FROM cycles; DELETE FROM people; "
      "DELETE FROM units;");
}

Result<bool> Exists(Database* db, std::string_view sql, std::string_view key) {
  OKR_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  s.Bind(1, key);
  return s.Step();
}

Status CheckCheckInValues(const CheckIn& c) {
  if (c.confidence && !(*c.confidence >= 0 && *c.confidence <= 1)) {
    return InvalidArgument("confidence must be between 0 and 1");
  }
  if (c.value && !std::isfinite(*c.value)) {
    return InvalidArgument("value must be a finite number");
  }
  if (c.value && c.target_kind != TargetKind::kKeyResult) {
    return InvalidArgument("only a key result check-in carries a value");
  }
  return Status::Ok();
}

Status CheckCheckInRefs(Database* db, const CheckIn& c) {
  const bool kr = c.target_kind == TargetKind::kKeyResult;
  OKR_ASSIGN_OR_RETURN(
      bool found, Exists(db, kr ? "SELECT 1 FROM key_results WHERE key = ?"
                                : "SELECT 1 FROM objectives WHERE key = ?",
                         c.target_key));
  if (!found) {
    return NotFound(std::string("no ") + (kr ? "key result" : "objective") +
                    " \"" + c.target_key + "\"");
  }
  if (c.author_email.empty()) return Status::Ok();
  OKR_ASSIGN_OR_RETURN(
      bool author, Exists(db, "SELECT 1 FROM people WHERE email = ?",
                          c.author_email));
  if (!author) return NotFound("no person \"" + c.author_email + "\"");
  return Status::Ok();
}

Status UpdateCurrentValue(Database* db, const CheckIn& c) {
  if (!c.value || c.target_kind != TargetKind::kKeyResult) return Status::Ok();
  OKR_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("UPDATE key_results SET current_value = ? WHERE key = ?"));
  s.Bind(1, *c.value).Bind(2, c.target_key);
  return s.Run();
}

}  // namespace

Status Store::Insert(const Organisation& org) {
  OKR_RETURN_IF_ERROR(ValidateOrganisation(org));
  std::lock_guard<std::mutex> lock(write_mu_);
  OKR_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(writer_.get(),
                                                    Transaction::Kind::kWrite));
  OKR_RETURN_IF_ERROR(InsertItems(writer_.get(), org));
  OKR_RETURN_IF_ERROR(InsertCheckIns(writer_.get(), org.check_ins));
  return txn->Commit();
}

Status Store::ApplyImport(const ImportPlan& plan) {
  return ApplyImportIf(plan, std::nullopt);
}

Status Store::ApplyImportAt(const ImportPlan& plan, int64_t expected_revision) {
  return ApplyImportIf(plan, expected_revision);
}

Status Store::ApplyImportIf(const ImportPlan& plan,
                            std::optional<int64_t> expected_revision) {
  std::lock_guard<std::mutex> lock(write_mu_);
  Database* db = writer_.get();
  OKR_ASSIGN_OR_RETURN(auto txn,
                       Transaction::Begin(db, Transaction::Kind::kWrite));
  if (expected_revision) {
    OKR_ASSIGN_OR_RETURN(int64_t now, db->QueryInt("SELECT value FROM revision"));
    if (now != *expected_revision) {
      return FailedPrecondition("the data changed while the import was planned");
    }
  }
  // Replacing all rows keeps this simple and exactly equal to the plan; an
  // import is rare and the organisation small next to SQLite's speed.
  OKR_RETURN_IF_ERROR(DeleteItems(db));
  OKR_RETURN_IF_ERROR(InsertItems(db, plan.merged));
  OKR_RETURN_IF_ERROR(InsertCheckIns(db, plan.new_check_ins));
  return txn->Commit();
}

Status Store::ApplyImportPlannedBy(const Planner& plan) {
  std::lock_guard<std::mutex> lock(write_mu_);
  Database* db = writer_.get();
  OKR_ASSIGN_OR_RETURN(auto txn,
                       Transaction::Begin(db, Transaction::Kind::kWrite));
  OKR_ASSIGN_OR_RETURN(Organisation stored, LoadInTransaction(db));
  OKR_ASSIGN_OR_RETURN(std::optional<ImportPlan> planned, plan(stored));
  if (!planned) return Status::Ok();  // The transaction rolls back.
  OKR_RETURN_IF_ERROR(DeleteItems(db));
  OKR_RETURN_IF_ERROR(InsertItems(db, planned->merged));
  OKR_RETURN_IF_ERROR(InsertCheckIns(db, planned->new_check_ins));
  return txn->Commit();
}

Result<CheckIn> Store::AddCheckIn(CheckIn check_in) {
  std::vector<CheckIn> one;
  one.push_back(std::move(check_in));
  OKR_ASSIGN_OR_RETURN(std::vector<CheckIn> stored, AddCheckIns(std::move(one)));
  return std::move(stored.front());
}

Result<std::vector<CheckIn>> Store::AddCheckIns(std::vector<CheckIn> check_ins) {
  for (const CheckIn& c : check_ins) {
    OKR_RETURN_IF_ERROR(CheckCheckInValues(c));
  }
  std::lock_guard<std::mutex> lock(write_mu_);
  Database* db = writer_.get();
  OKR_ASSIGN_OR_RETURN(auto txn,
                       Transaction::Begin(db, Transaction::Kind::kWrite));
  for (CheckIn& c : check_ins) {
    OKR_RETURN_IF_ERROR(CheckCheckInRefs(db, c));
    OKR_ASSIGN_OR_RETURN(c.id, InsertCheckIn(db, c));
    OKR_RETURN_IF_ERROR(UpdateCurrentValue(db, c));
  }
  OKR_RETURN_IF_ERROR(txn->Commit());
  return check_ins;
}

}  // namespace okr
