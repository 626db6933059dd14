// Copyright 2026 The okrd Authors.
//
// okr_bench_feeds: the calendar benchmark's generator and okrd side (run by
// bench/feeds_bench.sh, never a test).
//   okr_bench_feeds render PEOPLE [REPS]   plans once, then renders every
//       feed REPS times (default 3); prints one line per repetition:
//       "render feeds=N events=E bytes=B seconds=S feeds_per_s=F", and the
//       plan time once ("plan seconds=S meetings=M").
//   okr_bench_feeds dump PEOPLE OUT.json   every feed's events as JSON for
//       bench/feeds_python.py (the same events python3-icalendar builds).
//   okr_bench_feeds db PEOPLE OUT.db       a new okrd database holding the
//       organisation (for okrd serve, wrk and the status page).
// The organisation: Synthetic(PEOPLE) below, planned on 2026-11-24.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "calendar/feeds.h"
#include "calendar/time_zones.h"
#include "core/store/store.h"

namespace okr {
namespace {

constexpr Date kToday{2026, 11, 24};
constexpr const char* kZones[] = {"Europe/Berlin", "Europe/Lisbon",
                                  "America/New_York", "Asia/Kolkata",
                                  "America/Sao_Paulo", "Europe/London"};

// One company, 20 departments, teams of 10 (a lead and 9 reports; leads
// report to their department's head, heads to the CEO), three quarterly
// cycles around today, three objectives of three KRs per team and one
// check-in per KR. Deterministic.
Organisation Synthetic(int people) {
  Organisation org;
  org.units.push_back({.key = "co", .name = "Bench Corp",
                       .level = Level::kCompany, .lead_email = "p0@bench.test"});
  auto email = [](int i) { return "p" + std::to_string(i) + "@bench.test"; };
  org.people.push_back({.email = email(0), .name = "Person 0", .unit_key = "co",
                        .time_zone = kZones[0]});
  const int kDepartments = 20;
  for (int d = 0; d < kDepartments; ++d) {
    const std::string key = "dept-" + std::to_string(d);
    const int head = 1 + d;
    org.units.push_back({.key = key, .name = "Department " + std::to_string(d),
                         .parent_key = "co", .level = Level::kDepartment,
                         .lead_email = email(head)});
    org.people.push_back({.email = email(head), .name = "Head " + std::to_string(d),
                          .unit_key = key, .manager_email = email(0),
                          .time_zone = kZones[d % 6]});
  }
  int next = 1 + kDepartments;
  for (int t = 0; next < people; ++t) {
    const std::string key = "team-" + std::to_string(t);
    const int lead = next++;
    const std::string dept = "dept-" + std::to_string(t % kDepartments);
    const char* zone = kZones[t % 6];
    org.units.push_back({.key = key, .name = "Team " + std::to_string(t),
                         .parent_key = dept, .level = Level::kTeam,
                         .lead_email = email(lead)});
    org.people.push_back({.email = email(lead), .name = "Lead " + std::to_string(t),
                          .unit_key = key,
                          .manager_email = email(1 + t % kDepartments),
                          .time_zone = zone});
    for (int r = 0; r < 9 && next < people; ++r) {
      const int i = next++;
      org.people.push_back({.email = email(i), .name = "Person " + std::to_string(i),
                            .unit_key = key, .manager_email = email(lead),
                            .time_zone = kZones[(t + r) % 6]});
    }
  }
  org.cycles = {{.name = "2026-Q3", .start = {2026, 7, 1}, .end = {2026, 9, 30}},
                {.name = "2026-Q4", .start = {2026, 10, 1}, .end = {2026, 12, 31}},
                {.name = "2027-Q1", .start = {2027, 1, 1}, .end = {2027, 3, 31}}};
  for (const Unit& u : org.units) {
    if (u.level != Level::kTeam) continue;
    for (int k = 0; k < 3; ++k) {
      const std::string key = u.key + "-o" + std::to_string(k);
      org.objectives.push_back({.key = key,
                                .title = "Objective " + std::to_string(k) + " of " + u.name,
                                .level = Level::kTeam, .unit_key = u.key,
                                .owner_email = u.lead_email, .cycle = "2026-Q4"});
      for (int j = 0; j < 3; ++j) {
        const std::string kr = key + "-kr" + std::to_string(j);
        org.key_results.push_back({.key = kr, .objective_key = key,
                                   .title = "Key result " + std::to_string(j),
                                   .kind = KrKind::kIncrease, .start = 0,
                                   .target = 100, .current = 30.0 + 10 * j});
        org.check_ins.push_back({.target_key = kr, .at = 1795000000,
                                 .author_email = u.lead_email,
                                 .value = 30.0 + 10 * j,
                                 .confidence = 0.3 + 0.2 * j,
                                 .source = "import"});
      }
    }
  }
  return org;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since)
      .count();
}

std::map<std::string, SeriesState> States(const FeedPlan& plan) {
  std::map<std::string, SeriesState> states;
  int n = 0;
  for (const Meeting& m : plan.cadence.meetings) {
    states[m.series_key] = {.uid = "bench-" + std::to_string(n++) + "@okrd",
                            .sequence = 0,
                            .content_hash = plan.hashes.at(m.series_key),
                            .modified_at = 1795000000};
  }
  return states;
}

int Render(const Organisation& org, int reps) {
  auto start = std::chrono::steady_clock::now();
  const FeedPlan plan = PlanFeeds(org, kToday, {}, {});
  std::printf("plan seconds=%.3f meetings=%zu\n", Seconds(start),
              plan.cadence.meetings.size());
  const auto states = States(plan);
  const std::vector<FeedId> feeds = AllFeeds(org);
  for (int r = 0; r < reps; ++r) {
    size_t bytes = 0, events = 0;
    start = std::chrono::steady_clock::now();
    FeedTextCache texts;  // What FeedService keeps per store revision.
    for (const FeedId& feed : feeds) {
      const RenderedFeed f = RenderFeed(org, plan, states, feed, {}, &texts);
      bytes += f.body.size();
      events += f.events;
    }
    const double s = Seconds(start);
    std::printf("render feeds=%zu events=%zu bytes=%zu seconds=%.3f "
                "feeds_per_s=%.1f\n",
                feeds.size(), events, bytes, s, feeds.size() / s);
  }
  return 0;
}

std::string LocalStamp(const Date& d, int minute) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d00", d.year, d.month,
                d.day, minute / 60, minute % 60);
  return buf;
}

// The events RenderFeed writes, as plain fields.
int Dump(const Organisation& org, const std::string& out) {
  const FeedOptions options;
  const FeedPlan plan = PlanFeeds(org, kToday, options, {});
  const auto states = States(plan);
  nlohmann::json feeds = nlohmann::json::array();
  std::lock_guard<std::mutex> lock(LibicalMutex());
  LocalToUtc clock;
  for (const FeedId& feed : AllFeeds(org)) {
    nlohmann::json events = nlohmann::json::array();
    for (size_t i : MeetingsOf(plan, feed)) {
      const Meeting& m = plan.cadence.meetings[i];
      const EventContent& c = plan.contents[i];
      nlohmann::json e = {{"uid", states.at(m.series_key).uid},
                          {"summary", c.summary},
                          {"description", c.description},
                          {"url", c.url},
                          {"all_day", m.kind == MeetingKind::kPhase}};
      if (m.kind == MeetingKind::kPhase) {
        e["start"] = LocalStamp(m.first_day, 0).substr(0, 8);
        e["end"] = LocalStamp(m.first_day.AddDays(m.days), 0).substr(0, 8);
      } else {
        e["tzid"] = m.time_zone;
        e["start"] = LocalStamp(m.first_day, m.slot.start_minute);
        e["end"] = LocalStamp(m.first_day,
                              m.slot.start_minute + m.slot.length_minutes);
        e["interval"] = m.slot.interval_weeks;
        e["until"] = clock.Convert(m.time_zone, m.last_day, 23 * 60 + 59) + 59;
        nlohmann::json ex = nlohmann::json::array();
        for (const Date& d : m.exdates) ex.push_back(LocalStamp(d, m.slot.start_minute));
        e["exdates"] = ex;
      }
      events.push_back(e);
    }
    feeds.push_back({{"name", feed.ToString()}, {"events", events}});
  }
  std::ofstream file(out, std::ios::binary);
  file << feeds.dump();
  return file.good() ? 0 : 1;
}

int MakeDb(const Organisation& org, const std::string& path) {
  auto store = Store::Open(path, {.create_if_missing = true});
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  const Status s = (*store)->Insert(org);
  if (!s.ok()) std::fprintf(stderr, "%s\n", s.ToString().c_str());
  return s.ok() ? 0 : 1;
}

}  // namespace
}  // namespace okr

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: okr_bench_feeds render|dump|db PEOPLE [ARG]\n");
    return 2;
  }
  const std::string mode = argv[1];
  const okr::Organisation org = okr::Synthetic(std::atoi(argv[2]));
  if (mode == "render") return okr::Render(org, argc > 3 ? std::atoi(argv[3]) : 3);
  if (mode == "dump" && argc > 3) return okr::Dump(org, argv[3]);
  if (mode == "db" && argc > 3) return okr::MakeDb(org, argv[3]);
  std::fprintf(stderr, "unknown mode or missing argument\n");
  return 2;
}
