// Copyright 2026 The okrd Authors.
//
// A small organisation that no lint rule fires on and no risk rule flags:
// company and two teams, each with two objectives of two KRs, all aligned,
// in one cycle 2027-Q1 (2027-01-01 .. 2027-03-31). Tests mutate a copy.

#ifndef OKR_TESTS_CORE_ANALYTICS_ANALYTICS_FIXTURE_H_
#define OKR_TESTS_CORE_ANALYTICS_ANALYTICS_FIXTURE_H_

#include <string>

#include "core/model/organisation.h"

namespace okr::testing {

inline KeyResult FixtureKr(const std::string& key, const std::string& obj,
                           const std::string& title) {
  return {.key = key, .objective_key = obj, .title = title,
          .kind = KrKind::kIncrease, .start = 0, .target = 100,
          .current = 50, .unit = "%", .weight = 1};
}

inline Organisation CleanOrg() {
  Organisation org;
  org.units = {{"acme", "Acme", "", Level::kCompany, "ceo@acme.test"},
               {"eng", "Engineering", "acme", Level::kTeam, "eng@acme.test"},
               {"ops", "Operations", "acme", Level::kTeam, "ops@acme.test"}};
  org.people = {{"ceo@acme.test", "Cleo", "acme", "", "UTC"},
                {"eng@acme.test", "Enzo", "eng", "ceo@acme.test", "UTC"},
                {"ops@acme.test", "Olga", "ops", "ceo@acme.test", "UTC"}};
  org.cycles = {{"2027-Q1", Date{2027, 1, 1}, Date{2027, 3, 31}}};
  auto obj = [](std::string key, std::string title, Level level,
                std::string unit, std::string owner,
                std::string parent) {
    Objective o{.key = key, .title = title, .description = "Why: " + title,
                .level = level, .unit_key = unit, .owner_email = owner,
                .cycle = "2027-Q1"};
    if (!parent.empty()) o.parent = LinkTarget{TargetKind::kObjective, parent};
    return o;
  };
  org.objectives = {
      obj("c1", "Delight our customers", Level::kCompany, "acme",
          "ceo@acme.test", ""),
      obj("c2", "Grow recurring revenue", Level::kCompany, "acme",
          "ceo@acme.test", ""),
      obj("e1", "Ship a faster checkout", Level::kTeam, "eng",
          "eng@acme.test", "c1"),
      obj("e2", "Harden the payment platform", Level::kTeam, "eng",
          "eng@acme.test", "c2"),
      obj("o1", "Answer support tickets within a day", Level::kTeam, "ops",
          "ops@acme.test", "c1"),
      obj("o2", "Open the Nordic warehouse", Level::kTeam, "ops",
          "ops@acme.test", "c2")};
  for (const Objective& o : org.objectives) {
    org.key_results.push_back(FixtureKr(o.key + "-k1", o.key, o.title + " A"));
    org.key_results.push_back(FixtureKr(o.key + "-k2", o.key, o.title + " B"));
  }
  return org;
}

}  // namespace okr::testing

#endif  // OKR_TESTS_CORE_ANALYTICS_ANALYTICS_FIXTURE_H_
