// Copyright 2026 The okrd Authors.
//
// CalendarStore on a real file: slots, series UIDs and SEQUENCE, tokens.

#include "core/store/calendar_store.h"

#include <catch2/catch.hpp>
#include <set>

#include "calendar/feed_service.h"
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

TEST_CASE("FeedService: UIDs are stable, SEQUENCE follows content changes") {
  TempDir dir;
  auto store = OpenNew(dir.File("okrd.db"));
  REQUIRE(store->Insert(testing::DstOrganisation()).ok());
  FixedClock clock(Date{2027, 3, 1}.ToUnixSeconds());
  const FeedId ben{FeedKind::kPerson, "ben@acme.test"};
  std::string before;
  {
    FeedService service(store.get(), {}, &clock);
    auto r = service.Render(ben);
    REQUIRE(r.ok());
    before = r->body;
    CHECK(r->last_modified == clock.Now());
  }
  clock.Set(clock.Now() + 3600);
  {
    FeedService service(store.get(), {}, &clock);  // A restart.
    CHECK(service.Render(ben)->body == before);
  }
  // A check-in changes Ben's status: his one-on-one gets SEQUENCE 1.
  CheckIn c{.target_key = "kr-ben", .at = clock.Now(),
            .author_email = "ben@acme.test", .value = 1, .confidence = 0.95};
  REQUIRE(store->AddCheckIn(c).ok());
  FeedService service(store.get(), {}, &clock);
  auto after = service.Render(ben);
  REQUIRE(after.ok());
  CHECK(after->body != before);
  CHECK(after->body.find("SEQUENCE:1") != std::string::npos);
  CHECK(after->last_modified == clock.Now());
  CalendarStore cal(store.get());
  int bumped = 0;
  auto series = cal.LoadSeries();
  REQUIRE(series.ok());
  for (const auto& [key, state] : *series) bumped += static_cast<int>(state.sequence);
  CHECK(bumped == 1);
}

}  // namespace
}  // namespace okr
