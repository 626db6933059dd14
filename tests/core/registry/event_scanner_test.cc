// Copyright 2026 The okrd Authors.

#include "core/registry/event_scanner.h"

#include <catch2/catch.hpp>

#include "tests/support/temp_dir.h"

namespace okr {
namespace {

constexpr UnixSeconds kDay = 86400;

Organisation SmallOrg() {
  Organisation org;
  org.units = {{.key = "acme", .name = "Acme", .level = Level::kCompany}};
  org.cycles = {{.name = "Q1", .start = {2027, 1, 1}, .end = {2027, 3, 31}}};
  org.objectives = {{.key = "o",
                     .title = "Grow",
                     .level = Level::kCompany,
                     .unit_key = "acme",
                     .cycle = "Q1"}};
  org.key_results = {{.key = "k",
                      .objective_key = "o",
                      .title = "Users",
                      .start = 0,
                      .target = 100,
                      .current = 0}};
  return org;
}

UnixSeconds On(Date d) { return d.ToUnixSeconds() + 9 * 3600; }

std::vector<std::string> Types(const std::vector<Event>& events) {
  std::vector<std::string> types;
  for (const Event& e : events) types.push_back(e.type);
  return types;
}

TEST_CASE("the first scan is a baseline", "[events]") {
  ScanState state;
  Organisation org = SmallOrg();
  org.check_ins.push_back({.id = 5, .target_key = "k", .at = On({2027, 1, 2})});
  CHECK(DiffEvents(org, On({2027, 2, 20}), {}, &state).empty());
  CHECK(state.last_check_in_id == 5);
  CHECK(state.at_risk.count("k") == 1);  // Progress 0 at half time.
}

TEST_CASE("new check-ins are announced once, by id", "[events]") {
  ScanState state;
  Organisation org = SmallOrg();
  DiffEvents(org, On({2027, 1, 2}), {}, &state);
  org.check_ins.push_back({.id = 1,
                           .target_key = "k",
                           .at = On({2027, 1, 2}),
                           .author_email = "a@x",
                           .value = 3,
                           .confidence = 0.8});
  std::vector<Event> events = DiffEvents(org, On({2027, 1, 2}), {}, &state);
  REQUIRE(Types(events) == std::vector<std::string>{kEventCheckInSubmitted});
  CHECK(events[0].Attr("check_in_id") == "1");
  CHECK(events[0].Attr("kr_title") == "Users");
  CHECK(events[0].summary ==
        "Check-in on \"Users\" by a@x: now 3, confidence 80%");
  CHECK(DiffEvents(org, On({2027, 1, 2}), {}, &state).empty());
}

TEST_CASE("low confidence puts a key result at risk once", "[events]") {
  ScanState state;
  Organisation org = SmallOrg();
  DiffEvents(org, On({2027, 1, 2}), {}, &state);
  org.check_ins.push_back(
      {.id = 1, .target_key = "k", .at = On({2027, 1, 3}), .confidence = 0.3});
  std::vector<Event> events = DiffEvents(org, On({2027, 1, 3}), {}, &state);
  REQUIRE(Types(events) ==
          std::vector<std::string>{kEventCheckInSubmitted, kEventKrAtRisk});
  CHECK(events[1].Attr("reason") == "confidence 30% is below 70%");
  CHECK(DiffEvents(org, On({2027, 1, 4}), {}, &state).empty());
}

TEST_CASE("a sharp confidence drop is a reason of its own", "[events]") {
  ScanState state;
  Organisation org = SmallOrg();
  org.check_ins.push_back(
      {.id = 1, .target_key = "k", .at = On({2027, 1, 2}), .confidence = 0.95});
  DiffEvents(org, On({2027, 1, 2}), {}, &state);
  org.check_ins.push_back(
      {.id = 2, .target_key = "k", .at = On({2027, 1, 3}), .confidence = 0.72});
  std::vector<Event> events = DiffEvents(org, On({2027, 1, 3}), {}, &state);
  REQUIRE(Types(events) ==
          std::vector<std::string>{kEventCheckInSubmitted, kEventKrAtRisk});
  CHECK(events[1].Attr("reason") == "confidence dropped from 95% to 72%");
  EventScannerOptions lenient;
  lenient.risk.confidence_drop = 0.5;
  ScanState other;
  DiffEvents(org, On({2027, 1, 3}), lenient, &other);
  CHECK(other.at_risk.empty());
}

TEST_CASE("progress behind time, overdue check-ins, phases", "[events]") {
  ScanState state;
  Organisation org = SmallOrg();
  DiffEvents(org, On({2026, 12, 30}), {}, &state);  // Planning.
  std::vector<Event> start = DiffEvents(org, On({2027, 1, 1}), {}, &state);
  REQUIRE(Types(start) == std::vector<std::string>{kEventPhaseStarted});
  CHECK(start[0].Attr("phase") == "execution");
  std::vector<Event> later = DiffEvents(org, On({2027, 1, 9}), {}, &state);
  REQUIRE(Types(later) == std::vector<std::string>{kEventCheckInOverdue});
  CHECK(later[0].summary == "\"Users\" has had no check-in for 8 days");
  std::vector<Event> behind = DiffEvents(org, On({2027, 2, 10}), {}, &state);
  REQUIRE(Types(behind) == std::vector<std::string>{kEventKrAtRisk});
  CHECK(behind[0].Attr("reason").starts_with("progress 0% is behind 4"));
  CHECK(behind[0].Attr("reason").ends_with("% of the cycle elapsed"));
}

class Recorder : public Notifier {
 public:
  Status Notify(const Event& e) override {
    events.push_back(e);
    return Status::Ok();
  }
  std::vector<Event> events;
};

TEST_CASE("the scanner reads a real store and delivers to notifiers",
          "[events]") {
  testing::TempDir dir;
  auto store = Store::Open(dir.File("okrd.db"), {.create_if_missing = true});
  REQUIRE(store.ok());
  REQUIRE((*store)->ApplyImport(*PlanImport({}, SmallOrg(), {})).ok());
  FixedClock clock(On({2027, 1, 2}));
  auto recorder = std::make_shared<Recorder>();
  EventScanner scanner(store->get(), &clock, {recorder}, {});
  REQUIRE(scanner.ScanOnce().ok());
  CHECK(recorder->events.empty());
  REQUIRE((*store)
              ->AddCheckIn({.target_key = "k", .at = clock.Now(), .value = 10})
              .ok());
  REQUIRE(scanner.ScanOnce().ok());
  REQUIRE(recorder->events.size() == 1);
  CHECK(recorder->events[0].type == kEventCheckInSubmitted);
  CHECK(recorder->events[0].Attr("value") == "10");
}

}  // namespace
}  // namespace okr
