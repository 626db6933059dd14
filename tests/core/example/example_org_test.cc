// Copyright 2026 The okrd Authors.

#include "core/example/example_org.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/example/example_internal.h"
#include "core/model/progress.h"
#include "core/model/validate.h"

namespace okr {
namespace {

constexpr Date kTodays[] = {{2026, 11, 24}, {2027, 3, 1}};

std::string Num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string Opt(const std::optional<double>& v) { return v ? Num(*v) : "-"; }

std::string Link(const LinkTarget& t) {
  return std::string(TargetKindName(t.kind)) + ":" + t.key;
}

// Appends one line of '|'-separated fields.
void Line(std::string* out, std::initializer_list<std::string> fields) {
  for (const std::string& field : fields) *out += field + "|";
  *out += "\n";
}

std::string Supports(const Objective& o) {
  std::string text;
  for (const LinkTarget& t : o.supports) text += Link(t) + ",";
  return text;
}

// Every field, in order, so that two organisations compare as strings.
std::string Serialise(const Organisation& org) {
  std::string s;
  for (const Unit& u : org.units) {
    Line(&s, {u.key, u.name, u.parent_key, std::string(LevelName(u.level)),
              u.lead_email});
  }
  for (const Person& p : org.people) {
    Line(&s, {p.email, p.name, p.unit_key, p.manager_email, p.time_zone});
  }
  for (const Cycle& c : org.cycles) {
    Line(&s, {c.name, c.start.ToString(), c.end.ToString(),
              std::to_string(c.planning_days),
              std::to_string(c.retrospective_days)});
  }
  for (const Objective& o : org.objectives) {
    Line(&s, {o.key, o.title, o.description, std::string(LevelName(o.level)),
              o.unit_key, o.owner_email, o.cycle, o.committed ? "c" : "a",
              o.parent ? Link(*o.parent) : "-", Supports(o),
              Opt(o.score_override), o.score_reason});
  }
  for (const KeyResult& k : org.key_results) {
    Line(&s, {k.key, k.objective_key, k.title, k.owner_email,
              std::string(KrKindName(k.kind)), Num(k.start), Num(k.target),
              Num(k.current), k.unit, Num(k.weight),
              k.due ? k.due->ToString() : "-"});
  }
  for (const CheckIn& c : org.check_ins) {
    Line(&s, {std::to_string(c.id), std::string(TargetKindName(c.target_kind)),
              c.target_key, std::to_string(c.at), c.author_email, Opt(c.value),
              Opt(c.confidence), c.status, c.learned, c.next_steps,
              c.challenges, c.source});
  }
  return s;
}

// Lookups over one organisation.
struct Index {
  explicit Index(const Organisation& o) : org(o) {
    for (const Unit& u : org.units) units[u.key] = &u;
    for (const Person& p : org.people) people[p.email] = &p;
    for (const Cycle& c : org.cycles) cycles[c.name] = &c;
    for (const Objective& obj : org.objectives) objectives[obj.key] = &obj;
    for (const KeyResult& k : org.key_results) krs[k.key] = &k;
    for (const CheckIn& c : org.check_ins) history[c.target_key].push_back(&c);
  }

  const Cycle& Current() const { return org.cycles.back(); }

  // The objective a link points at (a KR's objective for a KR link).
  const Objective* ObjectiveOf(const LinkTarget& t) const {
    std::string key = t.key;
    if (t.kind == TargetKind::kKeyResult) {
      if (!krs.count(key)) return nullptr;
      key = krs.at(key)->objective_key;
    }
    return objectives.count(key) ? objectives.at(key) : nullptr;
  }

  // The department a unit belongs to ("" for the company).
  std::string DepartmentOf(std::string key) const {
    while (!key.empty() && units.at(key)->level == Level::kTeam) {
      key = units.at(key)->parent_key;
    }
    return key.empty() || units.at(key)->level != Level::kDepartment ? "" : key;
  }

  std::string DepartmentOf(const Objective& o) const {
    if (!o.unit_key.empty()) return DepartmentOf(o.unit_key);
    return DepartmentOf(people.at(o.owner_email)->unit_key);
  }

  bool InCurrentCycle(const KeyResult& kr) const {
    return objectives.at(kr.objective_key)->cycle == Current().name;
  }

  const Organisation& org;
  std::map<std::string, const Unit*> units;
  std::map<std::string, const Person*> people;
  std::map<std::string, const Cycle*> cycles;
  std::map<std::string, const Objective*> objectives;
  std::map<std::string, const KeyResult*> krs;
  std::map<std::string, std::vector<const CheckIn*>> history;
};

int64_t DaysBefore(Date today, UnixSeconds at) {
  return DaysBetween(Date::FromUnixSeconds(at), today);
}

TEST_CASE("Example organisation is deterministic", "[example]") {
  for (Date today : kTodays) {
    INFO(today.ToString());
    const Organisation first = MakeExampleOrganisation(today);
    const Organisation second = MakeExampleOrganisation(today);
    CHECK(first == second);
    CHECK(Serialise(first) == Serialise(second));
    CHECK(Serialise(first).size() > 10000);
  }
  CHECK(Serialise(MakeExampleOrganisation(kTodays[0])) !=
        Serialise(MakeExampleOrganisation(kTodays[1])));
}

TEST_CASE("Example organisation passes model validation", "[example]") {
  for (Date today : kTodays) {
    INFO(today.ToString());
    const Organisation org = MakeExampleOrganisation(today);
    CHECK(FindModelErrors(org) == std::vector<std::string>{});
    const Cycle* shown = CurrentCycle(org.cycles, today);
    REQUIRE(shown != nullptr);
    CHECK(shown->name == org.cycles.back().name);
    CHECK(PhaseOn(*shown, today) == Phase::kExecution);
    CHECK(PhaseOn(org.cycles.front(), today) == Phase::kAfter);
  }
}

TEST_CASE("Example organisation has the promised shape", "[example]") {
  for (Date today : kTodays) {
    INFO(today.ToString());
    const Organisation org = MakeExampleOrganisation(today);
    const Index ix(org);
    std::map<Level, int> levels;
    for (const Unit& u : org.units) ++levels[u.level];
    CHECK(levels[Level::kCompany] == 1);
    CHECK(levels[Level::kDepartment] == 4);
    CHECK(levels[Level::kTeam] >= 9);
    CHECK(levels[Level::kTeam] <= 11);
    CHECK(org.people.size() >= 55);
    CHECK(org.people.size() <= 70);

    std::set<std::string> continents;
    for (const Person& p : org.people) {
      continents.insert(p.time_zone.substr(0, p.time_zone.find('/')));
    }
    CHECK(continents.size() >= 3);

    std::map<std::string, int> per_unit;
    int individual = 0;
    for (const Objective& o : org.objectives) {
      if (o.cycle != ix.Current().name) continue;
      if (o.level == Level::kIndividual)
        ++individual;
      else
        ++per_unit[o.unit_key];
    }
    CHECK(individual >= 3);
    for (const Unit& u : org.units) {
      INFO(u.key);
      if (u.key == ExampleCases::kTeamWithOneObjective) {
        CHECK(per_unit[u.key] == 1);
      } else if (u.key == ExampleCases::kTeamWithSixObjectives) {
        CHECK(per_unit[u.key] == 6);
      } else {
        CHECK(per_unit[u.key] >= 2);
        CHECK(per_unit[u.key] <= 3);
      }
    }

    std::map<std::string, int> krs_per_objective;
    std::set<KrKind> kinds;
    int heavy = 0, due = 0;
    for (const KeyResult& k : org.key_results) {
      ++krs_per_objective[k.objective_key];
      kinds.insert(k.kind);
      heavy += k.weight == 2;
      if (k.objective_key == ExampleCases::kObjectiveWithoutOwner) {
        CHECK(k.weight == 0);  // Deliberate: kr-weights-zero.
      } else {
        CHECK((k.weight == 1 || k.weight == 2));
      }
      if (k.kind == KrKind::kMilestone) {
        CHECK(k.start == 0);
        CHECK(k.target == 1);
      }
      if (k.due) {
        ++due;
        const Cycle& c =
            *ix.cycles.at(ix.objectives.at(k.objective_key)->cycle);
        // One milestone is deliberately due after its cycle.
        CHECK((c.start <= *k.due && *k.due <= c.end) ==
              (k.objective_key != ExampleCases::kObjectiveWithoutDescription ||
               k.kind != KrKind::kMilestone));
      }
    }
    CHECK(kinds.size() == 5);
    CHECK(heavy >= 2);
    CHECK(due >= 5);
    for (const Objective& o : org.objectives) {
      INFO(o.key);
      if (o.key == ExampleCases::kObjectiveWithOneKr) {
        CHECK(krs_per_objective[o.key] == 1);  // Deliberate.
      } else {
        CHECK(krs_per_objective[o.key] >= 2);
        CHECK(krs_per_objective[o.key] <= 4);
      }
    }
  }
}

TEST_CASE("Every reference in the example resolves", "[example]") {
  for (Date today : kTodays) {
    INFO(today.ToString());
    const Organisation org = MakeExampleOrganisation(today);
    const Index ix(org);
    for (const Unit& u : org.units) {
      INFO(u.key);
      if (u.level != Level::kCompany) CHECK(ix.units.count(u.parent_key));
      CHECK(ix.people.count(u.lead_email));
      CHECK(ix.people.at(u.lead_email)->unit_key == u.key);
    }
    for (const Person& p : org.people) {
      INFO(p.email);
      CHECK(ix.units.count(p.unit_key));
      if (!p.manager_email.empty()) CHECK(ix.people.count(p.manager_email));
    }
    for (const Objective& o : org.objectives) {
      INFO(o.key);
      CHECK(ix.cycles.count(o.cycle));
      // Deliberate: one objective without owner, one without description.
      CHECK(ix.people.count(o.owner_email) ==
            (o.key != ExampleCases::kObjectiveWithoutOwner));
      CHECK(o.description.empty() ==
            (o.key == ExampleCases::kObjectiveWithoutDescription));
      if (o.level == Level::kIndividual) {
        CHECK(o.unit_key.empty());
      } else {
        REQUIRE(ix.units.count(o.unit_key));
        CHECK(ix.units.at(o.unit_key)->level == o.level);
        if (o.key != ExampleCases::kObjectiveWithoutOwner) {
          CHECK(ix.units.at(o.unit_key)->lead_email == o.owner_email);
        }
      }
      if (o.parent) {
        const Objective* parent = ix.ObjectiveOf(*o.parent);
        REQUIRE(parent != nullptr);
        // Deliberate: one is aligned to last cycle's objective.
        CHECK((parent->cycle == o.cycle) ==
              (o.key != ExampleCases::kAlignedToOtherCycle));
      }
      for (const LinkTarget& t : o.supports) CHECK(ix.ObjectiveOf(t));
    }
    for (const KeyResult& k : org.key_results) {
      INFO(k.key);
      CHECK(ix.objectives.count(k.objective_key));
      CHECK(ix.people.count(k.owner_email));
    }
    for (const CheckIn& c : org.check_ins) {
      INFO(c.target_key);
      REQUIRE(c.target_kind == TargetKind::kKeyResult);
      REQUIRE(ix.krs.count(c.target_key));
      CHECK(c.author_email == ix.krs.at(c.target_key)->owner_email);
    }
  }
}

TEST_CASE("Managers form a tree from the CEO down", "[example]") {
  const Organisation org = MakeExampleOrganisation(kTodays[0]);
  const Index ix(org);
  int roots = 0;
  for (const Person& p : org.people) {
    INFO(p.email);
    std::set<std::string> seen;
    std::string at = p.email;
    int depth = 0;
    while (!ix.people.at(at)->manager_email.empty()) {
      REQUIRE(seen.insert(at).second);  // No cycle.
      at = ix.people.at(at)->manager_email;
      ++depth;
    }
    CHECK(at == ix.units.at("halden")->lead_email);
    roots += depth == 0;
    CHECK(depth <= 3);
    // Leads report to the lead of the unit above.
    const Unit& unit = *ix.units.at(p.unit_key);
    if (unit.lead_email == p.email && !unit.parent_key.empty()) {
      CHECK(p.manager_email == ix.units.at(unit.parent_key)->lead_email);
    } else if (unit.lead_email != p.email) {
      CHECK(p.manager_email == unit.lead_email);
    }
  }
  CHECK(roots == 1);
}

TEST_CASE("Current cycle holds today in execution", "[example]") {
  for (Date today : kTodays) {
    INFO(today.ToString());
    const Organisation org = MakeExampleOrganisation(today);
    REQUIRE(org.cycles.size() == 2);
    const Cycle& previous = org.cycles[0];
    const Cycle& current = org.cycles[1];
    CHECK(current.start <= today);
    CHECK(today <= current.end);
    CHECK(current.start.Weekday() == 0);
    CHECK(DaysBetween(current.start, today) >= 56);
    CHECK(DaysBetween(current.start, today) <= 62);
    CHECK(DaysBetween(current.start, current.end) == 90);
    CHECK(current.planning_days == 14);
    CHECK(current.retrospective_days == 7);
    CHECK(previous.end.AddDays(1) == current.start);
    CHECK(DaysBetween(previous.start, previous.end) == 90);
    CHECK(previous.name != current.name);
  }
  CHECK(MakeExampleOrganisation(kTodays[0]).cycles[1].name == "2026-Q4");
  CHECK(MakeExampleOrganisation(kTodays[0]).cycles[0].name == "2026-Q3");
  CHECK(MakeExampleOrganisation(kTodays[1]).cycles[1].name == "2027-Q1");
}

TEST_CASE("Check-ins give 6-8 weeks of plausible weekly history", "[example]") {
  for (Date today : kTodays) {
    INFO(today.ToString());
    const Organisation org = MakeExampleOrganisation(today);
    const Index ix(org);
    UnixSeconds earliest_current = today.ToUnixSeconds();
    for (size_t i = 0; i < org.check_ins.size(); ++i) {
      const CheckIn& c = org.check_ins[i];
      INFO(c.target_key << " " << FormatUtcTimestamp(c.at));
      if (i > 0) CHECK(org.check_ins[i - 1].at <= c.at);
      CHECK(c.at < today.ToUnixSeconds());
      CHECK(c.id == 0);
      CHECK(c.source == "example");
      REQUIRE(c.value.has_value());
      REQUIRE(c.confidence.has_value());
      CHECK(*c.confidence >= 0);
      CHECK(*c.confidence <= 1);
      CHECK(!c.status.empty());
      CHECK(!c.learned.empty());
      CHECK(!c.next_steps.empty());
      CHECK(!c.challenges.empty());
      CHECK(c.status.find('{') == std::string::npos);
      CHECK(c.next_steps.find('{') == std::string::npos);
      // A weekday in office hours, local time.
      const int offset = example_internal::StandardUtcOffsetMinutes(
          ix.people.at(c.author_email)->time_zone);
      const UnixSeconds local = c.at + 60 * offset;
      CHECK(Date::FromUnixSeconds(local).Weekday() <= 4);
      const int64_t hour = (local % 86400) / 3600;
      CHECK(hour >= 9);
      CHECK(hour <= 17);
      if (ix.InCurrentCycle(*ix.krs.at(c.target_key))) {
        earliest_current = std::min(earliest_current, c.at);
      }
    }
    CHECK(DaysBefore(today, earliest_current) >= 42);
    CHECK(DaysBefore(today, earliest_current) <= 56);

    int current_krs = 0, weekly = 0;
    for (const KeyResult& k : org.key_results) {
      INFO(k.key);
      const auto it = ix.history.find(k.key);
      if (it == ix.history.end()) {
        CHECK(k.current == k.start);
        continue;
      }
      const std::vector<const CheckIn*>& h = it->second;
      CHECK(k.current == *h.back()->value);
      for (size_t i = 1; i < h.size(); ++i) {
        const int64_t gap = (h[i]->at - h[i - 1]->at) / 86400;
        CHECK(gap >= 3);
        CHECK(gap <= 16);
      }
      if (!ix.InCurrentCycle(k)) continue;
      ++current_krs;
      weekly += h.size() >= 6 && h.size() <= 8;
    }
    CHECK(weekly * 10 >= current_krs * 7);  // Most KRs.
  }
}

TEST_CASE("History has at-risk, stale and healthy KRs", "[example]") {
  for (Date today : kTodays) {
    INFO(today.ToString());
    const Organisation org = MakeExampleOrganisation(today);
    const Index ix(org);
    int at_risk = 0, steady = 0, total = 0;
    std::map<std::string, UnixSeconds> last_by_person;
    for (const KeyResult& k : org.key_results) {
      if (!ix.InCurrentCycle(k) || !ix.history.count(k.key)) continue;
      const CheckIn& last = *ix.history.at(k.key).back();
      at_risk += *last.confidence < 0.4;
      UnixSeconds& latest = last_by_person[k.owner_email];
      latest = std::max(latest, last.at);
    }
    for (const CheckIn& c : org.check_ins) {
      ++total;
      steady += *c.confidence >= 0.6 && *c.confidence <= 0.9;
    }
    CHECK(at_risk >= 4);
    CHECK(steady * 2 >= total);
    for (std::string_view email :
         {ExampleCases::kStalePersonA, ExampleCases::kStalePersonB}) {
      INFO(email);
      REQUIRE(last_by_person.count(std::string(email)));
      CHECK(DaysBefore(today, last_by_person[std::string(email)]) > 14);
    }
    int stale_team_krs = 0;
    for (const KeyResult& k : org.key_results) {
      const Objective& o = *ix.objectives.at(k.objective_key);
      if (o.unit_key != ExampleCases::kStaleTeam || !ix.history.count(k.key)) {
        continue;
      }
      ++stale_team_krs;
      CHECK(DaysBefore(today, ix.history.at(k.key).back()->at) > 14);
    }
    CHECK(stale_team_krs >= 3);
    // Most people are not stale.
    int fresh = 0;
    for (const auto& [email, at] : last_by_person) {
      fresh += DaysBefore(today, at) <= 8;
    }
    CHECK(fresh * 10 >= static_cast<int>(last_by_person.size()) * 7);
  }
}

TEST_CASE("Alignment: parents by level and cross-department support",
          "[example]") {
  const Organisation org = MakeExampleOrganisation(kTodays[1]);
  const Index ix(org);
  int kr_parents = 0, cross_supports = 0, orphan_teams = 0;
  for (const Objective& o : org.objectives) {
    INFO(o.key);
    if (o.cycle != ix.Current().name) continue;
    if (o.parent && o.parent->kind == TargetKind::kKeyResult) ++kr_parents;
    const Objective* parent = o.parent ? ix.ObjectiveOf(*o.parent) : nullptr;
    if (o.level == Level::kDepartment) {
      REQUIRE(parent != nullptr);
      CHECK(parent->level == Level::kCompany);
    } else if (o.level == Level::kTeam) {
      if (parent == nullptr) {
        ++orphan_teams;
        CHECK(o.key == ExampleCases::kTeamObjectiveWithoutParent);
        continue;
      }
      if (o.key == ExampleCases::kAlignedToOtherCycle) continue;  // Company.
      CHECK(parent->level == Level::kDepartment);
      CHECK(ix.units.at(o.unit_key)->parent_key == parent->unit_key);
    } else if (o.level == Level::kIndividual) {
      CHECK(parent != nullptr);
    }
    for (const LinkTarget& t : o.supports) {
      cross_supports +=
          ix.DepartmentOf(o) != ix.DepartmentOf(*ix.ObjectiveOf(t));
    }
  }
  CHECK(kr_parents >= 5);
  CHECK(cross_supports >= 5);
  CHECK(orphan_teams == 1);
}

// True when `from` links to `to` or to one of its KRs.
bool LinksTo(const Index& ix, const Objective& from, const Objective& to) {
  std::vector<LinkTarget> links = from.supports;
  if (from.parent) links.push_back(*from.parent);
  for (const LinkTarget& t : links) {
    if (ix.ObjectiveOf(t) == &to) return true;
  }
  return false;
}

TEST_CASE("Deliberate lint and double-work cases are present", "[example]") {
  const Organisation org = MakeExampleOrganisation(kTodays[0]);
  const Index ix(org);
  const Objective& a =
      *ix.objectives.at(std::string(ExampleCases::kDuplicateA));
  const Objective& b =
      *ix.objectives.at(std::string(ExampleCases::kDuplicateB));
  CHECK(a.title == "Reduce customer churn in the SMB segment");
  CHECK(b.title == "Cut SMB churn");
  CHECK(ix.DepartmentOf(a) != ix.DepartmentOf(b));
  CHECK(a.cycle == b.cycle);
  CHECK_FALSE(LinksTo(ix, a, b));
  CHECK_FALSE(LinksTo(ix, b, a));

  const KeyResult& flat =
      *ix.krs.at(std::string(ExampleCases::kKrStartEqualsTarget));
  CHECK(flat.start == flat.target);
  int flat_count = 0;
  for (const KeyResult& k : org.key_results) {
    // The not-measurable KR (0 to 0) is a case of its own.
    if (k.key != ExampleCases::kKrNotMeasurable) {
      flat_count += k.start == k.target;
    }
  }
  CHECK(flat_count == 1);

  const Objective& orphan =
      *ix.objectives.at(std::string(ExampleCases::kTeamObjectiveWithoutParent));
  CHECK(orphan.level == Level::kTeam);
  CHECK_FALSE(orphan.parent.has_value());

  // Aspirational and committed both present; titles otherwise unique.
  std::set<std::string> titles;
  int aspirational = 0;
  for (const Objective& o : org.objectives) {
    CHECK(titles.insert(o.title).second);
    aspirational += !o.committed;
  }
  CHECK(aspirational >= 5);
  CHECK(aspirational * 2 < static_cast<int>(org.objectives.size()));

  // A KR owner who never checked in.
  for (const KeyResult& k : org.key_results) {
    if (k.objective_key != ExampleCases::kObjectiveWithoutCheckIns) continue;
    CHECK_FALSE(ix.history.count(k.key));
    CHECK(k.current == k.start);
  }
}

TEST_CASE("Previous cycle is scored with one override", "[example]") {
  const Organisation org = MakeExampleOrganisation(kTodays[0]);
  const Index ix(org);
  const std::string previous = org.cycles[0].name;
  int objectives = 0, overrides = 0;
  for (const Objective& o : org.objectives) {
    if (o.cycle != previous) continue;
    ++objectives;
    CHECK(o.level == Level::kCompany);
    if (o.score_override) {
      ++overrides;
      CHECK(o.key == ExampleCases::kScoreOverride);
      CHECK(*o.score_override >= 0);
      CHECK(*o.score_override <= 1);
      CHECK(!o.score_reason.empty());
    }
  }
  CHECK(objectives >= 2);
  CHECK(overrides == 1);
  // The override tells a different story from the KRs, as its reason says.
  const Objective& overridden =
      *ix.objectives.at(std::string(ExampleCases::kScoreOverride));
  CHECK(ObjectiveScore(org, overridden) == Approx(0.4));
  const std::optional<double> progress = ObjectiveProgress(org, overridden.key);
  REQUIRE(progress.has_value());
  CHECK(*progress > 0.5);
  for (const KeyResult& k : org.key_results) {
    if (ix.objectives.at(k.objective_key)->cycle != previous) continue;
    INFO(k.key);
    REQUIRE(ix.history.count(k.key));
    CHECK(ix.history.at(k.key).size() >= 10);  // Weeks 2-13.
  }
}

TEST_CASE("Keys and emails are unique, emails lowercase, UTF-8 present",
          "[example]") {
  const Organisation org = MakeExampleOrganisation(kTodays[0]);
  std::set<std::string> emails, unit_keys, objective_keys, kr_keys;
  bool non_ascii = false;
  auto has_high_byte = [](const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0x80;
    });
  };
  for (const Person& p : org.people) {
    CHECK(emails.insert(p.email).second);
    CHECK(std::none_of(p.email.begin(), p.email.end(),
                       [](char c) { return c >= 'A' && c <= 'Z'; }));
    CHECK(p.email.find('@') != std::string::npos);
    non_ascii |= has_high_byte(p.name);
  }
  for (const Unit& u : org.units) CHECK(unit_keys.insert(u.key).second);
  for (const Objective& o : org.objectives) {
    CHECK(objective_keys.insert(o.key).second);
    CHECK(o.key.rfind("o-", 0) == 0);
    non_ascii |= has_high_byte(o.title);
  }
  for (const KeyResult& k : org.key_results) {
    CHECK(kr_keys.insert(k.key).second);
    CHECK(k.key.rfind("kr-", 0) == 0);
    CHECK(!k.owner_email.empty());
  }
  CHECK(non_ascii);
  CHECK(objective_keys.count("o-eng-platform-1"));
  CHECK(kr_keys.count("kr-eng-platform-1-2"));
}

TEST_CASE("Invariants hold for any today", "[example]") {
  for (int64_t day = Date{2026, 1, 1}.ToDays(); day < Date{2028, 1, 1}.ToDays();
       day += 13) {
    const Date today = Date::FromDays(day);
    INFO(today.ToString());
    const Organisation org = MakeExampleOrganisation(today);
    const Index ix(org);
    const Cycle& current = ix.Current();
    CHECK(PhaseOn(current, today) == Phase::kExecution);
    CHECK(org.cycles[0].name != current.name);
    CHECK(FindModelErrors(org).empty());
    int wrong_current = 0, future = 0;
    for (const KeyResult& k : org.key_results) {
      const auto it = ix.history.find(k.key);
      const double latest =
          it == ix.history.end() ? k.start : *it->second.back()->value;
      wrong_current += k.current != latest;
    }
    for (const CheckIn& c : org.check_ins) {
      future += c.at >= today.ToUnixSeconds();
    }
    CHECK(wrong_current == 0);
    CHECK(future == 0);
  }
}

}  // namespace
}  // namespace okr
