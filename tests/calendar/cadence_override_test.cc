// Copyright 2026 The okrd Authors.
//
// Cadence overrides from the organisation (the import): they win over the
// config, an explicit slot that overlaps is kept with a warning, and a
// changed override moves only its own meeting (same UID, SEQUENCE + 1),
// through the real Store and FeedService.

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "calendar/cadence.h"
#include "calendar/feed_service.h"
#include "core/model/change_set.h"
#include "tests/calendar/feed_test_util.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::DstOrganisation;

constexpr char kBen[] = "1on1/mia@acme.test/ben@acme.test";
constexpr char kAna[] = "1on1/mia@acme.test/ana@acme.test";

Person& Who(Organisation& org, const std::string& email) {
  for (Person& p : org.people) {
    if (p.email == email) return p;
  }
  FAIL("no person " << email);
  return org.people.front();
}

Cadence Plan(const Organisation& org, const CadenceConfig& config = {},
             const std::map<std::string, Slot>& stored = {}) {
  return ComputeCadence(org, {"2027-Q1"}, config, stored);
}

TEST_CASE("Override: the organisation's fields win over the config's") {
  Organisation org = DstOrganisation();
  Who(org, "ben@acme.test").one_on_one = {.weekday = 1, .start_minute = 870};
  org.units[1].review = {.length_minutes = 50, .interval_weeks = 1};
  CadenceConfig config;
  config.person_overrides["ben@acme.test"] = {.weekday = 3,
                                              .length_minutes = 15};
  const Cadence c = Plan(org, config);
  CHECK(c.warnings.empty());
  const Slot ben = c.slots.at(kBen);
  CHECK(ben.weekday == 1);            // The import's day...
  CHECK(ben.start_minute == 870);     // ... and time,
  CHECK(ben.length_minutes == 15);    // the config's length,
  CHECK(ben.interval_weeks == 1);     // the default interval.
  const Slot alpha = c.slots.at("review/alpha");
  CHECK(alpha.length_minutes == 50);
  CHECK(alpha.interval_weeks == 1);
  CHECK(c.slots.at("review/beta").length_minutes == 30);  // Default.
}

TEST_CASE("Override: an overlapping explicit slot is kept, with a warning") {
  Organisation org = DstOrganisation();
  Who(org, "ana@acme.test").one_on_one = {.weekday = 1, .start_minute = 870};
  Who(org, "ben@acme.test").one_on_one = {.weekday = 1, .start_minute = 870,
                                          .length_minutes = 45};
  const Cadence c = Plan(org);
  CHECK(c.slots.at(kAna).start_minute == 870);
  CHECK(c.slots.at(kBen).start_minute == 870);
  CHECK(c.slots.at(kBen).weekday == 1);
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0] ==
        "1on1/mia@acme.test/ben@acme.test: the given slot (Tuesday 14:30 "
        "Europe/Berlin) overlaps another meeting of mia@acme.test; kept as "
        "given");
  // Mia's other meetings (all in Berlin) were searched around both.
  for (const auto& [key, slot] : c.slots) {
    if (key == kAna || key == kBen || slot.weekday != 1) continue;
    if (key != "review/alpha" && key.find("mia@") == std::string::npos) {
      continue;
    }
    INFO(key);
    CHECK((slot.start_minute + slot.length_minutes <= 870 ||
           slot.start_minute >= 870 + 45));
  }
}

TEST_CASE("Override: a changed override moves only its own meeting") {
  const Organisation org = DstOrganisation();
  const Cadence first = Plan(org);
  REQUIRE(first.warnings.empty());
  // Ben's new slot is exactly where Ana's one-on-one already is: Ana keeps
  // hers (sticky), Ben gets his (explicit), the overlap is a warning.
  const Slot ana = first.slots.at(kAna);
  Organisation changed = org;
  Who(changed, "ben@acme.test").one_on_one = {.weekday = ana.weekday,
                                              .start_minute = ana.start_minute};
  const Cadence second = Plan(changed, {}, first.slots);
  CHECK(second.warnings.size() == 1);
  CHECK(second.slots.at(kBen).weekday == ana.weekday);
  CHECK(second.slots.at(kBen).start_minute == ana.start_minute);
  REQUIRE(second.slots.size() == first.slots.size());
  for (const auto& [key, slot] : first.slots) {
    if (key == kBen) continue;
    INFO(key);
    CHECK(second.slots.at(key) == slot);
  }
}

TEST_CASE("Override: through the store, UID stays and SEQUENCE is bumped") {
  testing::TempDir dir;
  auto store = Store::Open(dir.File("okrd.db"), {.create_if_missing = true});
  REQUIRE(store.ok());
  REQUIRE((*store)->Insert(DstOrganisation()).ok());
  FixedClock clock(Date{2027, 3, 1}.ToUnixSeconds());
  CalendarStore cal(store->get());
  std::map<std::string, SeriesState> before;
  std::map<std::string, Slot> slots_before;
  {
    FeedService service(store->get(), {}, &clock);
    REQUIRE(service.Render({FeedKind::kCompany, ""}).ok());
    before = *cal.LoadSeries();
    slots_before = *cal.LoadSlots();
  }
  // Re-import with Ben's one-on-one on Thursdays at 16:00 for 45 minutes.
  Organisation incoming = *(*store)->Load();
  Who(incoming, "ben@acme.test").one_on_one = {
      .weekday = 3, .start_minute = 16 * 60, .length_minutes = 45};
  auto plan = PlanImport(*(*store)->Load(), incoming, {});
  REQUIRE(plan.ok());
  REQUIRE(plan->changes.size() == 1);  // Ben "changed".
  REQUIRE((*store)->ApplyImport(*plan).ok());
  clock.Set(clock.Now() + 3600);
  FeedService service(store->get(), {}, &clock);
  auto ben_feed = service.Render({FeedKind::kPerson, "ben@acme.test"});
  REQUIRE(ben_feed.ok());
  const auto after = *cal.LoadSeries();
  const auto slots_after = *cal.LoadSlots();
  const std::string series = std::string("2027-Q1/") + kBen;
  REQUIRE(after.count(series) == 1);
  CHECK(after.at(series).uid == before.at(series).uid);
  CHECK(after.at(series).sequence == before.at(series).sequence + 1);
  CHECK(slots_after.at(kBen) == Slot{.weekday = 3, .start_minute = 960,
                                     .length_minutes = 45,
                                     .interval_weeks = 1, .week_offset = 0});
  CHECK(ben_feed->body.find("UID:" + before.at(series).uid) !=
        std::string::npos);
  for (const auto& [key, state] : before) {
    if (key == series) continue;
    INFO(key);
    CHECK(after.at(key) == state);  // Nobody else moved or changed.
  }
  for (const auto& [key, slot] : slots_before) {
    if (key == kBen) continue;
    INFO(key);
    CHECK(slots_after.at(key) == slot);
  }
}

}  // namespace
}  // namespace okr
