// Copyright 2026 The okrd Authors.
//
// Bytes and syntax of rendered feeds: cleaning of hostile text, folding at
// 75 octets on UTF-8 boundaries, CRLF only, no injected properties or
// events, the calendar properties, determinism.

#include "calendar/ical_writer.h"

#include <libical/ical.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <mutex>
#include <regex>

#include "calendar/feeds.h"
#include "calendar/time_zones.h"
#include "core/analytics/early_warning.h"
#include "tests/calendar/feed_test_util.h"

namespace okr {
namespace {

using testing::DstOrganisation;
using testing::FixedStates;
using testing::PhysicalLines;

const Date kToday{2027, 3, 1};

// Strings that have broken iCalendar writers.
std::vector<std::string> HostileStrings() {
  std::vector<std::string> out = {
      "a;b,c\\d", "line1\nline2", "cr\rlf\r\nend", "\"quoted\" & <b>",
      "https://x/?a=1&b=2", "ctl\x01\x02\x1b[31m\x7f" "end",
      "END:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected",
      "\nATTENDEE:mailto:evil@example.com", "bad utf8 \xff\xfe\xc3",
      "c1 \xc2\x85 nel", "tab\there"};
  // Emoji, CJK and umlauts at every offset around the fold.
  for (int pad = 55; pad <= 80; ++pad) {
    out.push_back(std::string(pad, 'x') + "\xF0\x9F\x98\x80\xE4\xB8\xAD\xC3\xBC" +
                  "\\n;," + "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");
    out.push_back(std::string(pad % 7, 'y') + std::string(30, '\0').replace(
        0, 30, "") + "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xA7\xE3"
        "\x81\x99\xE3\x80\x82\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xA7"
        "\xE3\x81\x99\xE3\x80\x82\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81"
        "\xA7\xE3\x81\x99\xE3\x80\x82\xE6\x97\xA5\xE6\x9C\xAC");
  }
  return out;
}

Organisation HostileOrganisation() {
  Organisation org = DstOrganisation();
  const std::vector<std::string> h = HostileStrings();
  for (size_t i = 0; i < org.people.size(); ++i) {
    org.people[i].name = h[i % h.size()] + h[(i + 11) % h.size()];
  }
  for (size_t i = 0; i < org.units.size(); ++i) {
    org.units[i].name = h[(i + 3) % h.size()];
  }
  org.units[0].name = "Acme; Inc, \\ \"the\" co\r\nX-INJECT:1";
  for (size_t i = 0; i < org.objectives.size(); ++i) {
    org.objectives[i].title = h[(i + 5) % h.size()] + h[(i + 20) % h.size()];
  }
  for (size_t i = 0; i < org.key_results.size(); ++i) {
    org.key_results[i].title = h[(i + 7) % h.size()];
  }
  org.cycles[0].name = "2027;Q1,\\x";
  for (Objective& o : org.objectives) o.cycle = org.cycles[0].name;
  return org;
}

// Checks the raw syntax rules of a feed; returns its unfolded lines.
std::vector<std::string> CheckSyntax(const std::string& ics) {
  REQUIRE(!ics.empty());
  CHECK(ics.compare(0, 3, "\xEF\xBB\xBF") != 0);
  const std::vector<std::string> lines = PhysicalLines(ics);
  std::vector<std::string> unfolded;
  for (const std::string& line : lines) {
    INFO(line);
    CHECK(line.size() <= 75);
    CHECK(line.find('\r') == std::string::npos);
    CHECK(line.find('\n') == std::string::npos);
    for (unsigned char c : line) CHECK(((c >= 0x20 || c == 9) && c != 0x7f));
    if (!line.empty() && line[0] == ' ') {
      REQUIRE(!unfolded.empty());
      CHECK((line.size() < 2 || (static_cast<unsigned char>(line[1]) & 0xC0) != 0x80));
      unfolded.back() += line.substr(1);
    } else {
      unfolded.push_back(line);
    }
  }
  // The whole body is valid UTF-8 (CleanText keeps it unchanged).
  CHECK(CleanText(ics, ics.size()) == [&] {
    std::string s = ics;  // CleanText turns CRLF into LF.
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
      out += s[i];
    }
    return out;
  }());
  return unfolded;
}

int Count(const std::vector<std::string>& lines, const std::string& prefix) {
  int n = 0;
  for (const std::string& l : lines) n += l.rfind(prefix, 0) == 0;
  return n;
}

TEST_CASE("CleanText: controls, CR/LF, invalid UTF-8, length") {
  CHECK(CleanText("a\r\nb\rc\nd") == "a\nb\nc\nd");
  CHECK(CleanText("x\x01y\x1b\x7fz\ttab") == "xyz\ttab");
  CHECK(CleanText("\xc2\x85\xc2\x9f" "c1") == "c1");
  CHECK(CleanText("\xff" "a\xc3") == "\xEF\xBF\xBD" "a\xEF\xBF\xBD");
  CHECK(CleanText("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(CleanText("\xc0\xaf") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // Overlong.
  CHECK(CleanText("ab\xF0\x9F\x98\x80", 5) == "ab");  // Never half an emoji.
  CHECK(CleanName(" Acme; Inc,\n \\ x ") == "Acme Inc x");
}

TEST_CASE("Feeds: hostile text neither breaks syntax nor adds properties") {
  const Organisation org = HostileOrganisation();
  const FeedPlan plan = PlanFeeds(org, kToday, {}, {});
  const auto states = FixedStates(plan);
  const std::regex tzid("^[A-Za-z]+(/[A-Za-z0-9_+-]+)+$");
  for (const FeedId& feed : AllFeeds(org)) {
    INFO(feed.ToString());
    const RenderedFeed r = RenderFeed(org, plan, states, feed, {});
    const std::vector<std::string> lines = CheckSyntax(r.body);
    int expected_events = 0;
    for (const Meeting& m : plan.cadence.meetings) {
      expected_events += FeedShows(org, feed, m);
    }
    CHECK(Count(lines, "BEGIN:VEVENT") == expected_events);
    CHECK(Count(lines, "END:VEVENT") == expected_events);
    CHECK(Count(lines, "BEGIN:VCALENDAR") == 1);
    CHECK(Count(lines, "VERSION:2.0") == 1);
    CHECK(Count(lines, "PRODID:") == 1);
    CHECK(Count(lines, "METHOD") == 0);
    CHECK(Count(lines, "ATTENDEE") == 0);
    CHECK(Count(lines, "ORGANIZER") == 0);
    CHECK(Count(lines, "X-INJECT") == 0);
    CHECK(Count(lines, "SUMMARY:") == expected_events);
    CHECK(Count(lines, "DESCRIPTION:") == expected_events);
    CHECK(r.body.find("@acme.test") == std::string::npos);
    CHECK(r.body.find("freeassociation") == std::string::npos);
    for (const std::string& l : lines) {
      if (l.rfind("TZID:", 0) == 0) CHECK(std::regex_match(l.substr(5), tzid));
      if (l.rfind("X-WR-CALNAME:", 0) == 0) {
        CHECK(l.find_first_of(";,\\", 13) == std::string::npos);
        CHECK(Count(lines, "NAME:" + l.substr(13)) == 1);
      }
    }
    CHECK(Count(lines, "REFRESH-INTERVAL;VALUE=DURATION:PT4H") == 1);
    CHECK(Count(lines, "X-PUBLISHED-TTL:PT4H") == 1);
  }
}

TEST_CASE("Feeds: hostile text round-trips through libical's parser") {
  const Organisation org = HostileOrganisation();
  const FeedPlan plan = PlanFeeds(org, kToday, {}, {});
  const RenderedFeed r =
      RenderFeed(org, plan, FixedStates(plan),
                 {FeedKind::kPerson, org.people[2].email}, {});
  std::set<std::string> summaries;
  {
    std::lock_guard<std::mutex> lock(LibicalMutex());
    icalcomponent* cal = icalparser_parse_string(r.body.c_str());
    REQUIRE(cal != nullptr);
    for (icalcomponent* ev =
             icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
         ev != nullptr;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
      summaries.insert(icalcomponent_get_summary(ev));
    }
    CHECK(icalcomponent_count_errors(cal) == 0);
    icalcomponent_free(cal);
  }
  for (size_t i = 0; i < plan.cadence.meetings.size(); ++i) {
    if (!FeedShows(org, {FeedKind::kPerson, org.people[2].email},
                   plan.cadence.meetings[i])) {
      continue;
    }
    CHECK(summaries.count(CleanText(plan.contents[i].summary, 300)) == 1);
  }
}

TEST_CASE("Feeds: identical data renders identical bytes") {
  const Organisation org = HostileOrganisation();
  const FeedPlan a = PlanFeeds(org, kToday, {}, {});
  const FeedPlan b = PlanFeeds(org, kToday, {}, a.cadence.slots);
  const auto states_a = FixedStates(a);
  FeedTextCache texts;  // Shared by all feeds of plan a, as the server does.
  for (const FeedId& feed : AllFeeds(org)) {
    const RenderedFeed ra = RenderFeed(org, a, states_a, feed, {}, &texts);
    const RenderedFeed rb = RenderFeed(org, b, FixedStates(b), feed, {});
    CHECK(ra.body == rb.body);
    CHECK(ra.etag == rb.etag);
  }
}

TEST_CASE("Feeds: reused VEVENT texts give a fresh render's bytes") {
  for (const Organisation& org : {DstOrganisation(), HostileOrganisation()}) {
    const FeedPlan plan = PlanFeeds(org, kToday, {}, {});
    const auto states = FixedStates(plan);
    std::vector<FeedId> feeds = AllFeeds(org);
    REQUIRE(feeds.size() > 3);
    // Person feeds first, so team and company feeds reuse their events.
    std::reverse(feeds.begin(), feeds.end());
    FeedTextCache texts;
    size_t shared = 0;
    for (const FeedId& feed : feeds) {
      const RenderedFeed cached = RenderFeed(org, plan, states, feed, {}, &texts);
      const RenderedFeed fresh = RenderFeed(org, plan, states, feed, {});
      INFO(feed.ToString());
      CHECK(cached.body == fresh.body);
      CHECK(cached.etag == fresh.etag);
      CHECK(cached.events == fresh.events);
      for (size_t i : MeetingsOf(plan, feed)) shared += texts.Find(i) != nullptr;
    }
    CHECK(shared > feeds.size());  // Events really came from the cache.
  }
}

TEST_CASE("Feeds: events carry the agenda, live status, URL and times") {
  const Organisation org = DstOrganisation();
  FeedOptions options;
  options.status_base_url = "https://okr.example.org";
  const FeedPlan plan = PlanFeeds(org, kToday, options, {});
  const RenderedFeed r = RenderFeed(org, plan, FixedStates(plan),
                                    {FeedKind::kPerson, "ben@acme.test"},
                                    options);
  const std::vector<std::string> lines = CheckSyntax(r.body);
  std::string unfolded;
  for (const std::string& l : lines) unfolded += l + "\n";
  CHECK(unfolded.find("SUMMARY:OKR 1:1 Mia / Ben") != std::string::npos);
  CHECK(unfolded.find("1. Status of your objectives: are you confident you "
                      "will achieve them?\\n2. What did you learn last week?") !=
        std::string::npos);
  CHECK(unfolded.find("- Learn Rust: 0%\\, on track (0.90)") != std::string::npos);
  CHECK(unfolded.find("Last check-in: 2027-02-08") != std::string::npos);
  CHECK(unfolded.find("KRs at risk:\\n- p95 < 300 ms: low confidence\\, target "
                      "not held (progress 0% at 33% of the cycle\\, confidence "
                      "0.30)") != std::string::npos);
  CHECK(unfolded.find("- Ship the platform: 0%\\, off track (0.30)\\, at risk") !=
        std::string::npos);
  CHECK(unfolded.find("URL:https://okr.example.org/units/alpha?cycle=2027-Q1") !=
        std::string::npos);
  CHECK(unfolded.find("Status page: https://okr.example.org/units/alpha?"
                      "cycle=2027-Q1") != std::string::npos);
  CHECK(unfolded.find("UNTIL=20270430T215959Z") != std::string::npos);
  CHECK(unfolded.find("DTSTART;VALUE=DATE:20270118") != std::string::npos);
  CHECK(unfolded.find("TRANSP:TRANSPARENT") != std::string::npos);
  CHECK(unfolded.find("DTSTAMP:20260921T141320Z") != std::string::npos);
  CHECK(Count(lines, "BEGIN:VTIMEZONE") == 1);  // Berlin only.
  CHECK(Count(lines, "TZID:Europe/Berlin") == 1);
}

TEST_CASE("Feeds: the live status follows the early warning, not the band") {
  // ARR is behind pace (no progress at 60% of the cycle) while its owner is
  // confident: the plain confidence band calls it on track, the early
  // warning (core/analytics) calls it at risk, and so must the feed.
  Organisation org = DstOrganisation();
  org.key_results[0].current = 8;
  org.check_ins.push_back({.target_key = "kr-co",
                           .at = Date{2027, 3, 24}.ToUnixSeconds(),
                           .author_email = "ceo@acme.test", .value = 8,
                           .confidence = 0.95, .source = "cli"});
  const Date today{2027, 3, 25};
  const auto risks = AssessRisks(org, org.cycles[0], today);
  REQUIRE(risks[0].kr_key == "kr-co");
  REQUIRE(risks[0].AtRisk());
  REQUIRE(BandOf(0.95) == ConfidenceBand::kOnTrack);
  const FeedPlan plan = PlanFeeds(org, today, {}, {});
  const RenderedFeed r = RenderFeed(org, plan, FixedStates(plan),
                                    {FeedKind::kCompany, ""}, {});
  std::string unfolded;
  for (const std::string& l : CheckSyntax(r.body)) unfolded += l + "\n";
  CHECK(unfolded.find("- Win the mid-market: 0%\\, on track (0.95)\\, at risk") !=
        std::string::npos);
  CHECK(unfolded.find("KRs at risk:\\n- ARR 12 M: behind pace (progress 0% at "
                      "60% of the cycle\\, confidence 0.95)") != std::string::npos);
  CHECK(unfolded.find("Last check-in: 2027-03-24") != std::string::npos);

  // With a looser margin than the elapsed share, the same KR is fine.
  FeedOptions loose;
  loose.risk.behind_margin = 0.9;
  const FeedPlan relaxed = PlanFeeds(org, today, loose, {});
  const RenderedFeed calm = RenderFeed(org, relaxed, FixedStates(relaxed),
                                       {FeedKind::kCompany, ""}, loose);
  std::string calm_text;
  for (const std::string& l : CheckSyntax(calm.body)) calm_text += l + "\n";
  CHECK(calm_text.find("No KRs at risk.") != std::string::npos);
  CHECK(calm_text.find("ARR 12 M") == std::string::npos);
}

}  // namespace
}  // namespace okr
