// Copyright 2026 The okrd Authors.
//
// A large, messy organisation for lint tests: every lint rule fires many
// times, with duplicate keys, dangling references, check-ins on unknown
// key results and an alignment loop mixed in, so that indexes and the
// order of findings are exercised at scale. Deterministic: the same
// `objectives` always gives the same organisation.

#ifndef OKR_TESTS_CORE_ANALYTICS_LARGE_ORG_H_
#define OKR_TESTS_CORE_ANALYTICS_LARGE_ORG_H_

#include <string>

#include "core/model/organisation.h"

namespace okr::testing {

inline Organisation LargeMessyOrg(int objectives) {
  Organisation org;
  const int teams = objectives / 3 + 1, people = objectives / 4 + 1;
  org.units.push_back({"co", "Company", "", Level::kCompany, "p0@x.test"});
  for (int t = 0; t < teams; ++t) {
    org.units.push_back({"t" + std::to_string(t), "Team " + std::to_string(t),
                         "co", t % 9 == 0 ? Level::kDepartment : Level::kTeam,
                         ""});
  }
  for (int p = 0; p < people; ++p) {
    org.people.push_back(
        {"p" + std::to_string(p) + "@x.test", "P", "co", "", "UTC"});
  }
  org.cycles = {{"2027-Q1", Date{2027, 1, 1}, Date{2027, 3, 31}},
                {"2027-Q2", Date{2027, 4, 1}, Date{2027, 6, 30}}};
  for (int i = 0; i < objectives; ++i) {
    const std::string n = std::to_string(i);
    Objective o{
        .key = i % 997 == 5 ? "o" + std::to_string(i - 1) : "o" + n,
        .title = "Objective " + n,
        .description = i % 3 == 0 ? "" : "why " + n,
        .level = i % 40 == 0  ? Level::kCompany
                 : i % 5 == 4 ? Level::kIndividual
                              : Level::kTeam,
        // Spread over many teams, then crowded into five.
        .unit_key =
            "t" + std::to_string(i < objectives / 2 ? (i * 7) % teams : i % 5),
        .owner_email =
            i % 17 == 3   ? ""
            : i % 23 == 1 ? "ghost" + n + "@x.test"
            : i % 50 == 9
                ? "p1@x.test"
                : "p" + std::to_string(i % (people / 2 + 1)) + "@x.test",
        .cycle = i % 11 == 0 ? "2027-Q2" : "2027-Q1",
        .committed = i % 4 != 0};
    if (o.level == Level::kCompany) o.unit_key = "co";
    if (o.level != Level::kCompany && i % 6 != 2) {
      const int to = i % 19 == 0 ? i - 1 : (i / 40) * 40;  // Lower or company.
      o.parent =
          LinkTarget{TargetKind::kObjective,
                     i % 29 == 0 ? "missing" + n : "o" + std::to_string(to)};
    }
    if (i % 13 == 7)
      o.supports.push_back({TargetKind::kKeyResult, "k" + n + "-0"});
    if (i % 31 == 9) o.supports.push_back({TargetKind::kKeyResult, "nokr"});
    org.objectives.push_back(std::move(o));
    for (int k = 0; k < i % 8; ++k) {
      const std::string key = "k" + n + "-" + std::to_string(k);
      const int v = (i + k) % 10;
      KeyResult kr{.key = i % 500 == 1 && k == 1 ? "k" + n + "-0" : key,
                   .objective_key = v == 9 ? "nowhere" + n : "o" + n,
                   .title = "KR " + key,
                   .owner_email = v == 3 ? "ghost@x.test" : "",
                   .kind = static_cast<KrKind>((i + 2 * k) % 5),
                   .start = v == 1   ? 50.0
                            : v == 0 ? 100.0
                                     : 0.0,
                   .target = v == 2   ? 0.0
                             : v == 5 ? 1.0
                                      : 100.0,
                   .current = v == 2 ? 0.0 : 10.0,
                   .unit = v == 4   ? ""
                           : v == 5 ? "ratio"
                                    : "%",
                   .weight = i % 9 == 4 ? 0.0 : 1.0};
      if (v == 6) kr.due = Date{2027, 9, 1};
      if (v == 7) kr.due = Date{2027, 2, 1};
      org.key_results.push_back(kr);
      for (int c = 0; c < k % 3; ++c) {
        org.check_ins.push_back(
            {.target_kind = TargetKind::kKeyResult,
             .target_key = c == 1 && v == 8 ? "gone" + key : key,
             .at = 1798761600 + 86400 * (c + k),
             .value = v == 5   ? 40.0
                      : c == 0 ? 0.5
                               : 30.0});
      }
      if (k == 0 && i % 7 == 0) {
        org.check_ins.push_back({.target_kind = TargetKind::kObjective,
                                 .target_key = "o" + n,
                                 .at = 1798761600,
                                 .value = 0.5});
      }
    }
  }
  // An alignment loop: the last three objectives point round in a circle.
  if (objectives >= 3) {
    for (int j = 0; j < 3; ++j) {
      Objective& o = org.objectives[objectives - 3 + j];
      o.parent = LinkTarget{TargetKind::kObjective,
                            org.objectives[objectives - 3 + (j + 1) % 3].key};
    }
  }
  return org;
}

}  // namespace okr::testing

#endif  // OKR_TESTS_CORE_ANALYTICS_LARGE_ORG_H_
