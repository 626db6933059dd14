// Copyright 2026 The okrd Authors.
//
// ItemLocations and SubjectLocator: records aligned with the organisation,
// formatted like Location, kept aligned when files are appended.

#include "importers/item_locations.h"

#include <catch2/catch.hpp>

namespace okr {
namespace {

Organisation TwoObjectives() {
  Organisation org;
  org.objectives.push_back({.key = "o-a", .title = "A"});
  org.objectives.push_back({.key = "o-b", .title = "B"});
  org.key_results.push_back({.key = "kr-a-1", .objective_key = "o-a"});
  return org;
}

TEST_CASE("ItemLocations formats sheet and text places like Location",
          "[item_locations]") {
  ItemLocations where;
  const uint32_t sheet = where.AddPlace("plan.xlsx", "Q1 plan", false);
  const uint32_t csv = where.AddPlace("plan.csv", "", true);
  where.Set(ItemKind::kObjective, 1, sheet, 7, 3);
  where.Set(ItemKind::kKeyResult, 0, csv, 12, 3);
  CHECK(where.Find(ItemKind::kObjective, 1) == "plan.xlsx:'Q1 plan'!D7");
  CHECK(where.Find(ItemKind::kKeyResult, 0) == "plan.csv:12:4");
  // Index 0 was padded, not set; beyond the end and other kinds: none.
  CHECK_FALSE(where.Find(ItemKind::kObjective, 0));
  CHECK_FALSE(where.Find(ItemKind::kObjective, 2));
  CHECK_FALSE(where.Find(ItemKind::kUnit, 0));
}

TEST_CASE("SubjectLocator finds items by lint subject", "[item_locations]") {
  const Organisation org = TwoObjectives();
  ItemLocations where;
  const uint32_t place = where.AddPlace("plan.xlsx", "OKRs", false);
  where.Set(ItemKind::kObjective, 0, place, 2, 2);
  where.Set(ItemKind::kObjective, 1, place, 5, 2);
  where.Set(ItemKind::kKeyResult, 0, place, 2, 3);
  where.Set(ItemKind::kCheckIn, 3, place, 9, 1);
  const SubjectLocator locate(org, where);
  CHECK(locate.Find("objective:o-b") == "plan.xlsx:OKRs!C5");
  CHECK(locate.Find("kr:kr-a-1") == "plan.xlsx:OKRs!D2");
  CHECK(locate.Find("checkin:3") == "plan.xlsx:OKRs!B9");
  CHECK_FALSE(locate.Find("objective:o-c"));
  CHECK_FALSE(locate.Find("kr:o-a"));  // Kinds are not mixed up.
  CHECK_FALSE(locate.Find("checkin:3x"));
  CHECK_FALSE(locate.Find("unit:o-a"));
  CHECK_FALSE(locate.Find("o-a"));
}

TEST_CASE("ItemLocations::Append keeps records aligned with merged items",
          "[item_locations]") {
  // First file: two objectives, only the second located; no key results.
  Organisation first = TwoObjectives();
  first.key_results.clear();
  ItemLocations all;
  all.Set(ItemKind::kObjective, 1, all.AddPlace("a.xlsx", "OKRs", false), 3, 2);
  // Second file: one objective and one key result, appended after.
  ItemLocations second;
  const uint32_t place = second.AddPlace("b.csv", "", true);
  second.Set(ItemKind::kObjective, 0, place, 2, 1);
  second.Set(ItemKind::kKeyResult, 0, place, 2, 3);
  all.Append(std::move(second), first);
  CHECK_FALSE(all.Find(ItemKind::kObjective, 0));
  CHECK(all.Find(ItemKind::kObjective, 1) == "a.xlsx:OKRs!C3");
  CHECK(all.Find(ItemKind::kObjective, 2) == "b.csv:2:2");
  CHECK(all.Find(ItemKind::kKeyResult, 0) == "b.csv:2:4");
  CHECK(all.size() == 4);
}

}  // namespace
}  // namespace okr
