// Copyright 2026 The okrd Authors.
//
// Which meetings each feed shows, what their events say, and rendering.
//
// Feeds: one per person ("person:<email>": their one-on-ones as manager and
// as report, the reviews of the teams they are in or lead, every phase
// marker), one per team unit ("team:<key>": its review, the one-on-ones
// between its people, the phase markers) and one for the company
// ("company": the phase markers). Feed ids hold e-mails and keys; they are
// stored with tokens but never written into a feed.
//
// Event text: SUMMARY names the meeting; DESCRIPTION carries the weekly
// check-in agenda and a short live status (calendar/live_status.h: the
// objectives concerned with progress, confidence and the early warning's
// verdict, the KRs at risk by the early warning, the date of the last
// check-in) and the status-page link, which is also the URL.
//
// Everything here is a pure function of its inputs. [thread-safe]

#ifndef OKR_CALENDAR_FEEDS_H_
#define OKR_CALENDAR_FEEDS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/cadence.h"
#include "calendar/ical_writer.h"
#include "calendar/live_status.h"
#include "core/analytics/early_warning.h"
#include "core/base/limits.h"
#include "core/base/result.h"
#include "core/model/organisation.h"
#include "core/model/progress.h"

namespace okr {

enum class FeedKind { kPerson, kTeam, kCompany };

struct FeedId {
  FeedKind kind = FeedKind::kCompany;
  std::string key;  // E-mail, unit key, or empty for the company.

  // "person:<email>", "team:<key>", "company".
  std::string ToString() const;
  friend bool operator==(const FeedId&, const FeedId&) = default;
};
Result<FeedId> ParseFeedId(std::string_view text);

// A command-line name for a feed: "company", a person's e-mail or a team
// unit's key. NotFound otherwise.
Result<FeedId> ResolveFeedName(const Organisation& org, std::string_view name);

// Company, then teams in unit order, then people in stored order.
std::vector<FeedId> AllFeeds(const Organisation& org);

struct FeedOptions {
  CadenceConfig cadence;
  // Prefix of status-page links (core/web), without a trailing '/'.
  std::string status_base_url = "http://127.0.0.1:8080";
  std::string refresh_interval = "PT4H";
  ConfidenceThresholds thresholds;
  RiskThresholds risk;  // The early warning's, [analytics] in the config.
  // Bounds from core/base/limits.h.
  int64_t max_cycles = Limits().max_feed_cycles;
  int64_t max_events = Limits().max_feed_events;
};

// The cycles feeds cover on `today`, by start date: the one before the
// current one, the current one and the following ones, at most
// `max_cycles` (>= 2) in all.
std::vector<std::string> PlannedCycles(const Organisation& org,
                                       const Date& today, int64_t max_cycles);

// The status-page link for a cycle, narrowed to a unit when given.
std::string StatusPageUrl(const FeedOptions& options, std::string_view cycle,
                          std::string_view unit_key);


// Everything needed to render any feed of one organisation.
struct FeedPlan {
  Cadence cadence;
  std::vector<EventContent> contents;  // Parallel to cadence.meetings.
  std::map<std::string, std::string> hashes;  // ContentHash by series key.
  int vtimezone_from_year = 2020;
  // Which meetings each feed shows (FeedShows), so that rendering one feed
  // does not scan every meeting: phase markers (in every feed), and the
  // others by feed id. Indexes into cadence.meetings, ascending.
  std::vector<size_t> phases;
  std::map<std::string, std::vector<size_t>> by_feed;
};

FeedPlan PlanFeeds(const Organisation& org, const Date& today,
                   const FeedOptions& options,
                   const std::map<std::string, Slot>& stored_slots);

// PlanFeeds in two steps. PlanCadence fills the meetings, which feeds show
// them and each event's summary and link (cadence, vtimezone_from_year,
// phases, by_feed, contents without descriptions): a function of
// org.people, org.units, org.cycles, the cycles planned on `today`
// (PlannedCycles), `options` and `stored_slots` only, so a plan whose inputs
// are equal (SameCadenceInputs) may keep all of it. DescribePlan then fills
// what also depends on objectives, key results and check-ins: every
// content's description (agenda and live status) and the hashes.
FeedPlan PlanCadence(const Organisation& org, const Date& today,
                     const FeedOptions& options,
                     const std::map<std::string, Slot>& stored_slots);
void DescribePlan(const Organisation& org, const Date& today,
                  const FeedOptions& options, FeedPlan* plan);
// Whether PlanCadence gives the same on `a` and `b` (same options, same
// stored slots): equal people, units and cycles, and the same cycles
// planned on `today_a` and `today_b`.
bool SameCadenceInputs(const Organisation& a, const Date& today_a,
                       const Organisation& b, const Date& today_b,
                       const FeedOptions& options);

bool FeedShows(const Organisation& org, const FeedId& feed,
               const Meeting& meeting);

// The indexes of the meetings `feed` shows, ascending: the same as
// filtering plan.cadence.meetings with FeedShows, from the plan's index.
std::vector<size_t> MeetingsOf(const FeedPlan& plan, const FeedId& feed);

struct RenderedFeed {
  std::string body;
  size_t events = 0;
  size_t left_out = 0;  // Events beyond options.max_events.
  UnixSeconds last_modified = 0;  // Latest change of a series shown.
  std::string etag;               // "\"<hash of body>\"", strong.
};

// Texts that RenderFeed reuses across the feeds of one plan and one set of
// series states (one store revision): each meeting's VEVENT, rendered by
// libical the first time a feed shows it, and the writers' memo
// (VTIMEZONEs, zone lookups, UTC conversions). Create a new
// one (or Clear it) whenever the plan or the states change. Not
// thread-safe: one RenderFeed at a time per cache.
class FeedTextCache {
 public:
  void Clear();
  // The event of meeting `index`, or null when not rendered yet.
  const EventText* Find(size_t index) const;
  const EventText& Put(size_t index, EventText text);
  IcalWriterMemo* writer_memo() { return &writer_memo_; }

 private:
  std::vector<std::optional<EventText>> events_;  // By meeting index.
  IcalWriterMemo writer_memo_;
};

// Renders `feed`. With a cache, reuses the texts it holds (which must come
// from the same plan and states) and adds the ones it renders; without one,
// every event is rendered afresh. Both give the same bytes. A series without a state in `states` is skipped (it has
// no UID yet). At most options.max_events events, in plan order (phases,
// reviews, one-on-ones); the rest are counted in left_out. The calendar name comes from the feed's person, team or
// company name.
RenderedFeed RenderFeed(const Organisation& org, const FeedPlan& plan,
                        const std::map<std::string, SeriesState>& states,
                        const FeedId& feed, const FeedOptions& options,
                        FeedTextCache* cache = nullptr);

}  // namespace okr

#endif  // OKR_CALENDAR_FEEDS_H_
