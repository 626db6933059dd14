// Copyright 2026 The okrd Authors.
//
// FeedService: feeds from a Store. It loads the organisation, plans the
// cadence (with the stored sticky slots) and persists new slots; when a
// feed is first asked for, it describes the meetings (live status),
// persists series states (UIDs, SEQUENCE bumps) when something changed,
// and renders. The plan is cached per (store revision, today); a new
// revision keeps the previous cadence when people, units, cycles, the
// planned cycles and the stored slots are equal (SameCadenceInputs: a
// check-in), and Upcoming never needs the descriptions. Rendered feeds are
// cached per feed id, so unchanged data costs no database write and no
// libical work; the feeds of one revision share their VEVENT texts
// (FeedTextCache). Tokens that opened a feed are remembered in memory (by
// hash) until the database changes: every request asks SQLite's cheap
// change counter (CalendarStore::ChangeCounter), and any commit, by this
// or another process, clears the token memory and makes the next request
// re-check the store revision, so a rotated or revoked token stops working
// at once. The cadence's warnings (an override overlapping another
// meeting, a meeting without a free slot) are logged when a new plan
// differs in them from the last one.
//
// AddFeedRoutes registers GET/HEAD /feeds/{token}.ics (a secret path, so
// access logs show the pattern): 200 text/calendar; charset=utf-8 with a
// strong ETag, Last-Modified, Content-Disposition: inline, Cache-Control:
// private, X-Robots-Tag: noindex, Referrer-Policy: no-referrer; 304 for a
// matching If-None-Match (or, without one, If-Modified-Since not older than
// Last-Modified); 404 for a malformed, unknown or revoked token, decided
// by a format check and one indexed lookup before any other work.
//
// Ownership: borrows the Store and the Clock, which must outlive it.
// Threads: all methods are thread-safe.

#ifndef OKR_CALENDAR_FEED_SERVICE_H_
#define OKR_CALENDAR_FEED_SERVICE_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "calendar/feeds.h"
#include "calendar/upcoming.h"
#include "core/base/clock.h"
#include "core/server/router.h"
#include "core/store/calendar_store.h"
#include "core/store/store.h"

namespace okr {

// An organisation a caller already loaded: the store's at `revision`
// (loaded after that revision was read).
struct LoadedOrganisation {
  std::shared_ptr<const Organisation> org;  // Null: none.
  int64_t revision = -1;
};

class FeedService {
 public:
  FeedService(Store* store, FeedOptions options, const Clock* clock);

  // The feed's current bytes (and ETag, Last-Modified).
  Result<RenderedFeed> Render(const FeedId& feed);
  // The next meetings of a person or team feed at `now` (NextMeetings).
  // Needs the cadence only, not the live status. `loaded` is used instead
  // of loading the store when the store is still at its revision.
  Result<std::vector<UpcomingMeeting>> Upcoming(
      const FeedId& feed, UnixSeconds now, size_t max,
      const LoadedOrganisation& loaded = {});
  // The feed an active token opens, if any.
  Result<std::optional<FeedId>> FeedForToken(std::string_view token);
  // The current bytes of the feed an active token opens; null for a
  // malformed, unknown or revoked token (decided before any planning).
  Result<std::shared_ptr<const RenderedFeed>> RenderForToken(
      std::string_view token);
  // The organisation as last planned (loads and plans when stale).
  Result<std::shared_ptr<const Organisation>> LoadOrganisation();

  // How many snapshots planned the cadence afresh, and how many kept the
  // previous one's (only objectives, KRs or check-ins changed). For tests.
  struct PlanCounts {
    int64_t planned = 0;
    int64_t reused = 0;
  };
  PlanCounts plan_counts();

  CalendarStore* calendar_store() { return &calendar_store_; }
  const FeedOptions& options() const { return options_; }

 private:
  struct Snapshot {
    int64_t revision = -1;
    Date today;
    std::shared_ptr<const Organisation> org;
    std::map<std::string, Slot> stored_slots;  // As loaded, before planning.
    // PlanCadence's part always; DescribePlan's (descriptions, hashes) and
    // `states` once `described`.
    FeedPlan plan;
    bool described = false;
    std::map<std::string, SeriesState> states;
    // By feed id.
    std::map<std::string, std::shared_ptr<const RenderedFeed>> rendered;
    FeedTextCache texts;
  };
  // Asks the change counter; on a change forgets the remembered tokens and
  // marks the snapshot for a revision check. Holds mu_.
  Status CheckChangesLocked();
  // Refreshes snapshot_ when marked or when the day changed (re-planning
  // only when the revision changed, and the cadence only when people,
  // units, cycles or stored slots changed), taking `loaded` instead of
  // loading the store when it is at the store's revision. Holds mu_.
  Status SnapshotLocked(const LoadedOrganisation& loaded = {});
  // Both of the above. Holds mu_.
  Status RefreshLocked(const LoadedOrganisation& loaded = {});
  // Describes the snapshot's meetings (live status) and persists their
  // series states, once per snapshot. Holds mu_; snapshot_ is set.
  Status DescribedLocked();
  // The token's feed, from memory or one indexed lookup. Holds mu_.
  Result<std::optional<FeedId>> FeedForTokenLocked(std::string_view token);
  // The rendered feed of the current snapshot. Holds mu_.
  Result<std::shared_ptr<const RenderedFeed>> RenderLocked(const FeedId& feed);

  Store* store_;
  CalendarStore calendar_store_;
  const FeedOptions options_;
  const Clock* clock_;
  std::mutex mu_;
  std::unique_ptr<Snapshot> snapshot_;  // Guarded by mu_.
  std::optional<int64_t> changes_;      // Last change counter; mu_.
  bool snapshot_checked_ = false;       // Revision checked since; mu_.
  int64_t cadence_plans_ = 0;           // PlanCadence runs; mu_.
  int64_t cadence_reuses_ = 0;          // Cadences kept; mu_.
  std::map<std::string, FeedId> tokens_;  // By token hash; mu_.
};

// Registers the feed route on `router`. `service` must outlive the router.
void AddFeedRoutes(Router* router, FeedService* service);
// The handler AddFeedRoutes registers at /feeds/ (a secret path), for
// serving the feeds through the registry instead (cli/builtin_outputs.h).
HttpHandler FeedHandler(FeedService* service);

}  // namespace okr

#endif  // OKR_CALENDAR_FEED_SERVICE_H_
