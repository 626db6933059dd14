// Copyright 2026 The okrd Authors.

#include "core/model/validate.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <limits>

namespace okr {
namespace {

Organisation Small() {
  Organisation org;
  org.units = {{.key = "co", .name = "Co", .level = Level::kCompany},
               {.key = "eng", .name = "Eng", .parent_key = "co",
                .level = Level::kDepartment, .lead_email = "a@x.org"}};
  org.people = {{.email = "a@x.org", .name = "A", .unit_key = "eng"},
                {.email = "b@x.org", .name = "B", .unit_key = "eng",
                 .manager_email = "a@x.org"}};
  org.cycles = {{.name = "Q1", .start = {2027, 1, 1}, .end = {2027, 3, 31}}};
  org.objectives = {
      {.key = "o-co", .title = "Win", .level = Level::kCompany,
       .unit_key = "co", .cycle = "Q1"},
      {.key = "o-eng", .title = "Ship", .level = Level::kDepartment,
       .unit_key = "eng", .cycle = "Q1",
       .parent = LinkTarget{TargetKind::kKeyResult, "kr-co"}}};
  org.key_results = {
      {.key = "kr-co", .objective_key = "o-co", .title = "Revenue"},
      {.key = "kr-eng", .objective_key = "o-eng", .title = "Releases",
       .owner_email = "b@x.org"}};
  org.check_ins = {{.target_key = "kr-eng", .at = 1, .confidence = 0.5}};
  return org;
}

TEST_CASE("a consistent organisation has no errors", "[model]") {
  CHECK(FindModelErrors(Small()).empty());
  CHECK(ValidateOrganisation(Small()).ok());
}

TEST_CASE("dangling references are named with kind and key", "[model]") {
  Organisation org = Small();
  org.people[1].manager_email = "ghost@x.org";
  org.objectives[1].parent = LinkTarget{TargetKind::kObjective, "o-gone"};
  org.key_results[1].objective_key = "o-nope";
  auto errors = FindModelErrors(org);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == "person \"b@x.org\": manager \"ghost@x.org\" does not exist");
  CHECK(errors[1] ==
        "objective \"o-eng\": parent objective \"o-gone\" does not exist");
  CHECK(errors[2] ==
        "key result \"kr-eng\": objective \"o-nope\" does not exist");
  Status s = ValidateOrganisation(org);
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message() == errors[0] + " (and 2 more)");
}

TEST_CASE("duplicate keys and bad values are errors", "[model]") {
  Organisation org = Small();
  org.key_results.push_back(org.key_results[0]);
  org.key_results[0].weight = -1;
  org.check_ins[0].confidence = 1.5;
  org.people[0].email = "A@x.org";
  org.cycles[0].end = {2026, 12, 31};
  auto errors = FindModelErrors(org);
  auto has = [&](const std::string& e) {
    return std::find(errors.begin(), errors.end(), e) != errors.end();
  };
  CHECK(has("key result \"kr-co\" is defined twice"));
  CHECK(has("key result \"kr-co\": weight must be a number >= 0"));
  CHECK(has("check-in of \"kr-eng\": confidence must be between 0 and 1"));
  CHECK(has("person \"A@x.org\": e-mail must be lowercase"));
  CHECK(has("cycle \"Q1\": ends (2026-12-31) before it starts (2027-01-01)"));
}

TEST_CASE("unit and manager loops are caught", "[model]") {
  Organisation org = Small();
  org.people[0].manager_email = "b@x.org";
  auto errors = FindModelErrors(org);
  CHECK(std::count_if(errors.begin(), errors.end(), [](const std::string& e) {
          return e.find("is its own ancestor") != std::string::npos;
        }) == 2);
  org = Small();
  org.units[0].parent_key = "eng";
  errors = FindModelErrors(org);
  CHECK(std::find(errors.begin(), errors.end(),
                  "units: no top-level unit (the company)") != errors.end());
}

TEST_CASE("alignment cycles through parents, KRs and supports are rejected",
          "[model]") {
  Organisation org = Small();
  CHECK(FindAlignmentCycle(org).empty());
  // o-co supports o-eng, whose parent is a KR of o-co: a loop.
  org.objectives[0].supports.push_back({TargetKind::kObjective, "o-eng"});
  auto cycle = FindAlignmentCycle(org);
  REQUIRE(cycle.size() == 3);
  CHECK(cycle.front() == cycle.back());
  Status s = ValidateOrganisation(org);
  CHECK(s.message().find("alignment cycle: ") == 0);
  org.objectives[0].supports.clear();
  org.objectives[0].parent = LinkTarget{TargetKind::kObjective, "o-co"};
  CHECK(ValidateOrganisation(org).message() ==
        "objective \"o-co\": links to itself (and 1 more)");
}

TEST_CASE("level rules: individual needs an owner, others a unit", "[model]") {
  Organisation org = Small();
  org.objectives[1].level = Level::kIndividual;
  org.objectives[1].unit_key.clear();
  auto errors = FindModelErrors(org);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        "objective \"o-eng\": an individual objective needs an owner");
  org.key_results[0].target = std::numeric_limits<double>::quiet_NaN();
  CHECK(FindModelErrors(org).size() == 2);
}

}  // namespace
}  // namespace okr
