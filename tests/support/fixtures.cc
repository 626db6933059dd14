// Copyright 2026 The okrd Authors.

#include "tests/support/fixtures.h"

#include <string>

namespace okr::testing {

Organisation SmallOrganisation() {
  Organisation org;
  org.units = {{.key = "co", .name = "Acme", .level = Level::kCompany,
                .lead_email = "ada@acme.test"},
               {.key = "eng", .name = "Engineering", .parent_key = "co",
                .level = Level::kDepartment, .lead_email = "bo@acme.test"}};
  org.people = {{.email = "ada@acme.test", .name = "Ada", .unit_key = "co",
                 .time_zone = "Europe/Berlin"},
                {.email = "bo@acme.test", .name = "Bo Ørsted",
                 .unit_key = "eng", .manager_email = "ada@acme.test",
                 .time_zone = "America/New_York"}};
  org.cycles = {{.name = "2027-Q1", .start = {2027, 1, 4},
                 .end = {2027, 3, 31}}};
  org.objectives = {
      {.key = "o-co-1", .title = "Win the mid-market",
       .description = "Our \"year of focus\"; see the plan.",
       .level = Level::kCompany, .unit_key = "co",
       .owner_email = "ada@acme.test", .cycle = "2027-Q1"},
      {.key = "o-eng-1", .title = "Ship a platform people trust",
       .level = Level::kDepartment, .unit_key = "eng",
       .owner_email = "bo@acme.test", .cycle = "2027-Q1", .committed = false,
       .parent = LinkTarget{TargetKind::kKeyResult, "kr-co-1-1"},
       .supports = {{TargetKind::kObjective, "o-co-1"}},
       .score_override = 0.6, .score_reason = "Scope cut in week 9"}};
  org.key_results = {
      {.key = "kr-co-1-1", .objective_key = "o-co-1",
       .title = "Grow ARR to 12 M EUR", .owner_email = "ada@acme.test",
       .kind = KrKind::kIncrease, .start = 8, .target = 12, .current = 9,
       .unit = "M EUR", .weight = 2, .due = Date{2027, 3, 31}},
      {.key = "kr-eng-1-1", .objective_key = "o-eng-1",
       .title = "p95 latency below 300 ms", .owner_email = "bo@acme.test",
       .kind = KrKind::kStayBelow, .target = 300, .current = 280,
       .unit = "ms"},
      {.key = "kr-eng-1-2", .objective_key = "o-eng-1",
       .title = "Launch the status API", .kind = KrKind::kMilestone,
       .target = 1}};
  org.check_ins = {
      {.target_key = "kr-co-1-1", .at = 1799000000,
       .author_email = "ada@acme.test", .value = 9, .confidence = 0.7,
       .status = "Pipeline healthy", .learned = "Pricing page converts",
       .next_steps = "Two enterprise demos", .challenges = "Hiring; comma, ok",
       .source = "cli"},
      {.target_kind = TargetKind::kObjective, .target_key = "o-eng-1",
       .at = 1799000100, .confidence = 0.4, .status = "Slipping",
       .source = "web"}};
  return org;
}

Organisation LargeOrganisation(int teams) {
  Organisation org = SmallOrganisation();
  for (int n = 0; n < teams; ++n) {
    const std::string team = "team-" + std::to_string(n);
    const std::string lead = "lead-" + std::to_string(n) + "@acme.test";
    org.units.push_back({.key = team, .name = "Team " + std::to_string(n),
                         .parent_key = "eng", .level = Level::kTeam,
                         .lead_email = lead});
    org.people.push_back({.email = lead, .name = "Lead " + std::to_string(n),
                          .unit_key = team, .manager_email = "bo@acme.test",
                          .time_zone = "Europe/Berlin"});
    for (int m = 0; m < 3; ++m) {
      const std::string suffix = std::to_string(n) + "-" + std::to_string(m);
      org.objectives.push_back(
          {.key = "o-team-" + suffix,
           .title = "Team " + std::to_string(n) + " goal " + std::to_string(m),
           .level = Level::kTeam, .unit_key = team, .owner_email = lead,
           .cycle = "2027-Q1",
           .parent = LinkTarget{TargetKind::kObjective, "o-eng-1"}});
      org.key_results.push_back(
          {.key = "kr-team-" + suffix, .objective_key = "o-team-" + suffix,
           .title = "Reach ten " + suffix, .kind = KrKind::kIncrease,
           .start = 0, .target = 10, .current = 5});
    }
    org.check_ins.push_back({.target_key = "kr-team-" + std::to_string(n) +
                                           "-0",
                             .at = 1799000200, .author_email = lead,
                             .value = 5, .confidence = n % 2 ? 0.2 : 0.9,
                             .source = "cli"});
  }
  return org;
}

}  // namespace okr::testing
