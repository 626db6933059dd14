// Copyright 2026 The okrd Authors.
//
// Turns the objective tables (example_okr_rows.cc, example_team_rows.cc)
// into model objectives and key results: keys, owners, levels, cycles, links,
// due dates and score overrides; and the KrRow helpers the tables use.

#include <map>
#include <string>
#include <utility>

#include "core/example/example_internal.h"

namespace okr::example_internal {
namespace {

KrRow MakeKr(std::string_view title, KrKind kind, double start, double target,
             std::string_view unit) {
  KrRow row;
  row.title = title;
  row.kind = kind;
  row.start = start;
  row.target = target;
  row.unit = unit;
  return row;
}

LinkTarget ToLink(std::string_view key) {
  const bool is_kr = key.substr(0, 3) == "kr-";
  return LinkTarget{is_kr ? TargetKind::kKeyResult : TargetKind::kObjective,
                    std::string(key)};
}

// Who may own the KRs of a unit's objectives: for a team, its members (lead
// first); for a department or the company, the leads of the units below it
// and the staff who sit in the unit itself (not its lead).
std::vector<std::string> KrOwnerPool(const Organisation& org,
                                     const Unit& unit) {
  std::vector<std::string> pool;
  for (const Unit& child : org.units) {
    if (child.parent_key == unit.key) pool.push_back(child.lead_email);
  }
  for (const Person& person : org.people) {
    if (person.unit_key != unit.key) continue;
    if (person.email == unit.lead_email && !pool.empty()) continue;
    pool.push_back(person.email);
  }
  if (pool.empty()) pool.push_back(unit.lead_email);
  return pool;
}

// Builds model rows from one table, keeping per-stem counters.
class ObjectiveBuilder {
 public:
  ObjectiveBuilder(const Cycle& cycle, std::string_view stem_suffix,
                   Organisation* org)
      : cycle_(cycle), suffix_(stem_suffix), org_(org) {}

  void Add(const ObjectiveRow& row, std::vector<Trend>* trends) {
    const Unit* unit = FindUnit(row.unit);
    const std::string stem = Stem(row) + std::string(suffix_);
    const int index = ++counters_[stem];
    Objective objective = MakeObjective(row, unit, stem, index);
    const std::vector<std::string> pool =
        unit ? KrOwnerPool(*org_, *unit)
             : std::vector<std::string>{objective.owner_email};
    for (size_t i = 0; i < row.krs.size(); ++i) {
      const std::string owner = row.krs[i].owner.empty()
                                    ? pool[(3 * (index - 1) + i) % pool.size()]
                                    : Email(row.krs[i].owner);
      org_->key_results.push_back(MakeKeyResult(
          row.krs[i], objective.key, static_cast<int>(i) + 1, owner));
      trends->push_back(row.krs[i].trend);
    }
    org_->objectives.push_back(std::move(objective));
  }

 private:
  const Unit* FindUnit(std::string_view key) const {
    for (const Unit& unit : org_->units) {
      if (!key.empty() && unit.key == key) return &unit;
    }
    return nullptr;
  }

  static std::string Stem(const ObjectiveRow& row) {
    if (!row.unit.empty()) return std::string(row.unit);
    std::string stem = "ind-" + std::string(row.owner);
    for (char& c : stem) {
      if (c == '.') c = '-';
    }
    return stem;
  }

  Objective MakeObjective(const ObjectiveRow& row, const Unit* unit,
                          const std::string& stem, int index) const {
    Objective o;
    o.key = "o-" + stem + "-" + std::to_string(index);
    o.title = std::string(row.title);
    o.description = std::string(row.description);
    o.level = unit ? unit->level : Level::kIndividual;
    o.unit_key = unit ? unit->key : "";
    if (row.owner == kNobody) {
      o.owner_email = "";
    } else {
      o.owner_email =
          row.owner.empty() && unit ? unit->lead_email : Email(row.owner);
    }
    o.cycle = cycle_.name;
    o.committed = row.committed;
    if (!row.parent.empty()) o.parent = ToLink(row.parent);
    for (std::string_view key : row.supports) o.supports.push_back(ToLink(key));
    return o;
  }

  KeyResult MakeKeyResult(const KrRow& row, const std::string& objective_key,
                          int index, const std::string& owner) const {
    KeyResult kr;
    // "o-eng-1" -> "kr-eng-1-2".
    kr.key = "kr-" + objective_key.substr(2) + "-" + std::to_string(index);
    kr.objective_key = objective_key;
    kr.title = std::string(row.title);
    kr.owner_email = owner;
    kr.kind = row.kind;
    kr.start = row.start;
    kr.target = row.target;
    kr.current = row.start;
    kr.unit = std::string(row.unit);
    kr.weight = row.weight;
    if (row.due_week > 0) {
      kr.due = cycle_.start.AddDays(7 * (row.due_week - 1) + 4);  // Friday.
    }
    return kr;
  }

  const Cycle& cycle_;
  std::string_view suffix_;
  Organisation* org_;
  std::map<std::string, int> counters_;
};

}  // namespace

KrRow KrRow::By(std::string_view user) const {
  KrRow copy = *this;
  copy.owner = user;
  return copy;
}

KrRow KrRow::Weight(double w) const {
  KrRow copy = *this;
  copy.weight = w;
  return copy;
}

KrRow KrRow::DueWeek(int week) const {
  KrRow copy = *this;
  copy.due_week = week;
  return copy;
}

KrRow KrRow::Goes(Trend t) const {
  KrRow copy = *this;
  copy.trend = t;
  return copy;
}

KrRow Increase(std::string_view title, double start, double target,
               std::string_view unit) {
  return MakeKr(title, KrKind::kIncrease, start, target, unit);
}

KrRow Decrease(std::string_view title, double start, double target,
               std::string_view unit) {
  return MakeKr(title, KrKind::kDecrease, start, target, unit);
}

KrRow StayAbove(std::string_view title, double baseline, double limit,
                std::string_view unit) {
  return MakeKr(title, KrKind::kStayAbove, baseline, limit, unit);
}

KrRow StayBelow(std::string_view title, double baseline, double limit,
                std::string_view unit) {
  return MakeKr(title, KrKind::kStayBelow, baseline, limit, unit);
}

KrRow Milestone(std::string_view title) {
  return MakeKr(title, KrKind::kMilestone, 0, 1, "");
}

std::vector<Trend> AddObjectives(const Cycle& previous, const Cycle& current,
                                 Organisation* org) {
  std::vector<Trend> trends;
  ObjectiveBuilder past(previous, "-prev", org);
  for (const ObjectiveRow& row : PreviousObjectiveRows()) {
    past.Add(row, &trends);
  }
  for (const ScoreOverrideRow& row : PreviousScoreOverrides()) {
    for (Objective& o : org->objectives) {
      if (o.key != row.objective) continue;
      o.score_override = row.score;
      o.score_reason = std::string(row.reason);
    }
  }
  std::vector<ObjectiveRow> rows;
  AddCompanyAndDepartmentRows(&rows);
  AddTeamAndIndividualRows(&rows);
  ObjectiveBuilder now(current, "", org);
  for (const ObjectiveRow& row : rows) {
    now.Add(row, &trends);
  }
  return trends;
}

}  // namespace okr::example_internal
