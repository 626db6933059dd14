// Copyright 2026 The okrd Authors.
//
// CalendarStore on a real file: slots, series UIDs and SEQUENCE, tokens.

#include "core/store/calendar_store.h"

#include <catch2/catch.hpp>
#include <set>

#include "calendar/feed_service.h"
#include "core/model/change_set.h"
#include "tests/calendar/feed_test_util.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::TempDir;

std::unique_ptr<Store> OpenNew(const std::string& path) {
  auto store = Store::Open(path, {.create_if_missing = true});
  REQUIRE(store.ok());
  return std::move(store).value();
}

TEST_CASE("CalendarStore: slots and series states persist") {
  TempDir dir;
  auto store = OpenNew(dir.File("okrd.db"));
  CalendarStore cal(store.get());
  const Slot slot{.weekday = 1, .start_minute = 600, .length_minutes = 20,
                  .interval_weeks = 2, .week_offset = 1};
  auto first = cal.SaveCadence({{"1on1/a/b", slot}}, {{"s1", "h1"}}, 100);
  REQUIRE(first.ok());
  const SeriesState s1 = first->at("s1");
  CHECK(s1.sequence == 0);
  CHECK(s1.modified_at == 100);
  CHECK(s1.uid.size() == 36);
  CHECK(s1.uid[14] == '4');
  CHECK(cal.LoadSlots()->at("1on1/a/b") == slot);
  // Same hash: untouched. New hash: SEQUENCE + 1, new time, same UID.
  CHECK(cal.SaveCadence({}, {{"s1", "h1"}}, 200)->at("s1") == s1);
  const SeriesState s2 = cal.SaveCadence({}, {{"s1", "h2"}}, 300)->at("s1");
  CHECK(s2.uid == s1.uid);
  CHECK(s2.sequence == 1);
  CHECK(s2.modified_at == 300);
  CHECK(cal.LoadSeries()->at("s1") == s2);
  // The revision does not move: calendar state is not organisation data.
  CHECK(*store->Revision() == 0);
}

TEST_CASE("CalendarStore: tokens are random, hashed, rotated, revoked") {
  TempDir dir;
  auto store = OpenNew(dir.File("okrd.db"));
  CalendarStore cal(store.get());
  auto t1 = cal.IssueToken("team:alpha", 10);
  REQUIRE(t1.ok());
  CHECK(CalendarStore::IsWellFormedToken(*t1));
  CHECK(*cal.FeedForToken(*t1) == std::optional<std::string>("team:alpha"));
  auto t2 = cal.IssueToken("team:alpha", 20);  // Rotation.
  REQUIRE(t2.ok());
  CHECK(*t1 != *t2);
  CHECK(!cal.FeedForToken(*t1)->has_value());
  CHECK(*cal.FeedForToken(*t2) == std::optional<std::string>("team:alpha"));
  CHECK(cal.ActiveTokens()->size() == 1);
  REQUIRE(cal.RevokeToken("team:alpha", 30).ok());
  CHECK(!cal.FeedForToken(*t2)->has_value());
  CHECK(cal.RevokeToken("team:alpha", 40).code() == StatusCode::kNotFound);
  CHECK(!cal.FeedForToken("short")->has_value());
  CHECK(!cal.FeedForToken(std::string(43, '/'))->has_value());
  // Only hashes are stored.
  auto db = Database::Open(dir.File("okrd.db"), Database::Mode::kReadOnly);
  REQUIRE(db.ok());
  CHECK(*(*db)->QueryInt("SELECT count(*) FROM feed_tokens WHERE token_hash = '" +
                         *t2 + "'") == 0);
  std::set<std::string> many;
  for (int i = 0; i < 50; ++i) many.insert(*cal.IssueToken("company", i));
  CHECK(many.size() == 50);
}

// A store holding testing::DstOrganisation() and a clock on 1 March 2027.
struct DstStore {
  DstStore() { REQUIRE(owned->Insert(testing::DstOrganisation()).ok()); }
  TempDir dir;
  std::unique_ptr<Store> owned = OpenNew(dir.File("okrd.db"));
  Store* store = owned.get();
  FixedClock clock{Date{2027, 3, 1}.ToUnixSeconds()};
};

TEST_CASE("FeedService: UIDs are stable, SEQUENCE follows content changes") {
  DstStore fixture;
  Store* store = fixture.store;
  FixedClock& clock = fixture.clock;
  const FeedId ben{FeedKind::kPerson, "ben@acme.test"};
  std::string before;
  {
    FeedService service(store, {}, &clock);
    auto r = service.Render(ben);
    REQUIRE(r.ok());
    before = r->body;
    CHECK(r->last_modified == clock.Now());
  }
  clock.Set(clock.Now() + 3600);
  {
    FeedService service(store, {}, &clock);  // A restart.
    CHECK(service.Render(ben)->body == before);
  }
  // A check-in changes Ben's status: his one-on-one gets SEQUENCE 1.
  CheckIn c{.target_key = "kr-ben", .at = clock.Now(),
            .author_email = "ben@acme.test", .value = 1, .confidence = 0.95};
  REQUIRE(store->AddCheckIn(c).ok());
  FeedService service(store, {}, &clock);
  auto after = service.Render(ben);
  REQUIRE(after.ok());
  CHECK(after->body != before);
  CHECK(after->body.find("SEQUENCE:1") != std::string::npos);
  CHECK(after->last_modified == clock.Now());
  CalendarStore cal(store);
  int bumped = 0;
  auto series = cal.LoadSeries();
  REQUIRE(series.ok());
  for (const auto& [key, state] : *series) bumped += static_cast<int>(state.sequence);
  CHECK(bumped == 1);
}

// A feed rendered by a fresh service (a restart) on the same store.
std::string FreshRender(Store* store, const Clock* clock, const FeedId& feed) {
  FeedService fresh(store, {}, clock);
  auto r = fresh.Render(feed);
  REQUIRE(r.ok());
  return r->body;
}

TEST_CASE("FeedService keeps its cadence across check-ins, re-plans on people") {
  DstStore fixture;
  Store* store = fixture.store;
  FixedClock& clock = fixture.clock;
  const FeedId ben{FeedKind::kPerson, "ben@acme.test"};
  FeedService service(store, {}, &clock);
  REQUIRE(service.Render(ben).ok());
  CHECK(service.plan_counts().planned == 1);
  CHECK(service.plan_counts().reused == 0);
  // The first plan stored new slots: planned again on them, once.
  CheckIn c{.target_key = "kr-ben", .at = clock.Now(),
            .author_email = "ben@acme.test", .value = 1, .confidence = 0.95};
  REQUIRE(store->AddCheckIn(c).ok());
  REQUIRE(service.Render(ben).ok());
  CHECK(service.plan_counts().planned == 2);
  for (int i = 0; i < 2; ++i) {  // Check-ins only: the cadence is kept.
    c.at += 60;
    c.confidence = 0.2 + 0.3 * i;
    REQUIRE(store->AddCheckIn(c).ok());
    auto kept = service.Render(ben);
    REQUIRE(kept.ok());
    CHECK(service.plan_counts().planned == 2);
    CHECK(service.plan_counts().reused == i + 1);
    CHECK(kept->body.find(i == 0 ? "(0.20)" : "(0.50)") != std::string::npos);
    CHECK(kept->body == FreshRender(store, &clock, ben));
  }
  // A new day on the same revision: the live status is judged again on it,
  // the cadence (same planned cycles) and the organisation are kept.
  clock.Set(clock.Now() + 86400);
  auto next_day = service.Render(ben);
  REQUIRE(next_day.ok());
  CHECK(service.plan_counts().planned == 2);
  CHECK(service.plan_counts().reused == 3);
  CHECK(next_day->body == FreshRender(store, &clock, ben));
  // The next meetings need no live status, but the same cadence.
  auto next = service.Upcoming(ben, clock.Now(), 8);
  REQUIRE(next.ok());
  CHECK_FALSE(next->empty());
  // A person's change (Ben moves to Berlin) plans the cadence again.
  auto org = store->Load();
  REQUIRE(org.ok());
  ImportPlan plan;
  plan.merged = *org;
  for (Person& p : plan.merged.people) {
    if (p.email == "ben@acme.test") p.time_zone = "Europe/Berlin";
  }
  REQUIRE(store->ApplyImport(plan).ok());
  auto moved = service.Render(ben);
  REQUIRE(moved.ok());
  CHECK(service.plan_counts().planned == 3);
  CHECK(moved->body == FreshRender(store, &clock, ben));
}

TEST_CASE("FeedService takes a loaded organisation only at the store's revision") {
  DstStore fixture;
  Store* store = fixture.store;
  FixedClock& clock = fixture.clock;
  const FeedId ben{FeedKind::kPerson, "ben@acme.test"};
  auto revision = store->Revision();
  REQUIRE(revision.ok());
  auto org = store->Load();
  REQUIRE(org.ok());
  // Marked so that its use shows: Ben renamed in the given copy only.
  for (Person& p : org->people) {
    if (p.email == "ben@acme.test") p.name = "Benedikt";
  }
  auto loaded = std::make_shared<const Organisation>(*org);
  auto summary = [&](int64_t at) {
    FeedService service(store, {}, &clock);
    auto next = service.Upcoming(ben, clock.Now(), 8, {loaded, at});
    REQUIRE(next.ok());
    std::string summaries;
    for (const UpcomingMeeting& m : *next) summaries += m.summary + "\n";
    return summaries;
  };
  CHECK(summary(*revision).find("Benedikt") != std::string::npos);
  CHECK(summary(*revision - 1).find("Benedikt") == std::string::npos);
  CHECK(summary(*revision - 1).find("Ben") != std::string::npos);
}

}  // namespace
}  // namespace okr
