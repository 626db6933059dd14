// Copyright 2026 The okrd Authors.

#include "calendar/feed_service.h"

#include <sodium.h>

#include <utility>

#include "core/base/log.h"

namespace okr {
namespace {

constexpr std::string_view kFeedPrefix = "/feeds/";
constexpr std::string_view kFeedSuffix = ".ics";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// If-None-Match uses the weak comparison (RFC 9110 13.1.2).
bool EtagMatches(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const size_t comma = header.find(',');
    std::string_view item = Trim(header.substr(0, comma));
    if (item == "*") return true;
    if (item.substr(0, 2) == "W/") item.remove_prefix(2);
    if (item == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

bool NotModified(const HttpRequest& request, const RenderedFeed& feed) {
  if (auto inm = request.header("If-None-Match")) {
    return EtagMatches(*inm, feed.etag);
  }
  if (auto ims = request.header("If-Modified-Since")) {
    std::optional<UnixSeconds> since = ParseHttpDate(Trim(*ims));
    return since && feed.last_modified <= *since;
  }
  return false;
}

HttpResponse FeedResponse(const HttpRequest& request, const RenderedFeed& feed) {
  HttpResponse r;
  r.content_type = "text/calendar; charset=utf-8";
  r.headers.Add("ETag", feed.etag);
  r.headers.Add("Last-Modified", FormatHttpDate(feed.last_modified));
  r.headers.Add("Content-Disposition", "inline; filename=\"okr.ics\"");
  r.headers.Add("Cache-Control", "private, max-age=300");
  r.headers.Add("X-Robots-Tag", "noindex, nofollow");
  r.headers.Add("Referrer-Policy", "no-referrer");
  if (NotModified(request, feed)) {
    r.status = 304;
    return r;
  }
  r.status = 200;
  r.body = feed.body;
  return r;
}

HttpResponse ServeFeed(FeedService* service, const HttpRequest& request) {
  std::string_view rest = request.path_remainder;
  if (rest.size() <= kFeedSuffix.size() ||
      rest.substr(rest.size() - kFeedSuffix.size()) != kFeedSuffix) {
    return NotFoundResponse();
  }
  rest.remove_suffix(kFeedSuffix.size());
  Result<std::shared_ptr<const RenderedFeed>> rendered =
      service->RenderForToken(rest);
  if (!rendered.ok()) {
    LogError("feed rendering failed: " + rendered.status().message());
    return InternalErrorResponse();
  }
  if (*rendered == nullptr) return NotFoundResponse();
  return FeedResponse(request, **rendered);
}

}  // namespace

FeedService::FeedService(Store* store, FeedOptions options, const Clock* clock)
    : store_(store), calendar_store_(store), options_(std::move(options)),
      clock_(clock) {}

Status FeedService::CheckChangesLocked() {
  OKR_ASSIGN_OR_RETURN(int64_t changes, calendar_store_.ChangeCounter());
  if (changes_ != changes) {
    changes_ = changes;
    tokens_.clear();
    snapshot_checked_ = false;
  }
  return Status::Ok();
}

Status FeedService::RefreshLocked(const LoadedOrganisation& loaded) {
  OKR_RETURN_IF_ERROR(CheckChangesLocked());
  return SnapshotLocked(loaded);
}

Status FeedService::SnapshotLocked(const LoadedOrganisation& loaded) {
  const Date today = clock_->Today();
  if (snapshot_ && snapshot_checked_ && snapshot_->today == today) {
    return Status::Ok();
  }
  OKR_ASSIGN_OR_RETURN(int64_t revision, store_->Revision());
  snapshot_checked_ = true;
  if (snapshot_ && snapshot_->revision == revision && snapshot_->today == today) {
    return Status::Ok();
  }
  // The previous snapshot is given up now: its cadence may move into the
  // next one, and after a failure below the next call starts afresh.
  std::unique_ptr<Snapshot> previous = std::move(snapshot_);
  auto next = std::make_unique<Snapshot>();
  next->revision = revision;
  next->today = today;
  if (loaded.org != nullptr && loaded.revision == revision) {
    next->org = loaded.org;  // Revisions only grow: it is this revision's.
  } else if (previous && previous->revision == revision) {
    next->org = previous->org;  // Only the day changed.
  } else {
    OKR_ASSIGN_OR_RETURN(okr::Organisation org, store_->Load());
    next->org = std::make_shared<const okr::Organisation>(std::move(org));
  }
  OKR_ASSIGN_OR_RETURN(next->stored_slots, calendar_store_.LoadSlots());
  if (previous && previous->stored_slots == next->stored_slots &&
      SameCadenceInputs(*previous->org, previous->today, *next->org, today,
                        options_)) {
    // Only objectives, key results or check-ins changed: same meetings.
    next->plan = std::move(previous->plan);
    next->plan.hashes.clear();
    ++cadence_reuses_;
  } else {
    next->plan = PlanCadence(*next->org, today, options_, next->stored_slots);
    ++cadence_plans_;
    // Overlapping overrides and unplaceable meetings, once per new plan.
    if (!previous ||
        previous->plan.cadence.warnings != next->plan.cadence.warnings) {
      for (const std::string& w : next->plan.cadence.warnings) {
        LogWarn("cadence: " + w);
      }
    }
    std::map<std::string, Slot> changed_slots;
    for (const auto& [key, slot] : next->plan.cadence.slots) {
      auto it = next->stored_slots.find(key);
      if (it == next->stored_slots.end() || !(it->second == slot)) {
        changed_slots[key] = slot;
      }
    }
    if (!changed_slots.empty()) {
      OKR_RETURN_IF_ERROR(
          calendar_store_.SaveCadence(changed_slots, {}, clock_->Now())
              .status());
    }
  }
  snapshot_ = std::move(next);
  return Status::Ok();
}

Status FeedService::DescribedLocked() {
  if (snapshot_->described) return Status::Ok();
  Snapshot* s = snapshot_.get();
  DescribePlan(*s->org, s->today, options_, &s->plan);
  OKR_ASSIGN_OR_RETURN(s->states, calendar_store_.LoadSeries());
  bool changed = false;
  for (const auto& [key, hash] : s->plan.hashes) {
    auto it = s->states.find(key);
    if (it == s->states.end() || it->second.content_hash != hash) {
      changed = true;
      break;
    }
  }
  if (changed) {
    OKR_ASSIGN_OR_RETURN(
        auto states, calendar_store_.SaveCadence({}, s->plan.hashes,
                                                 clock_->Now()));
    for (auto& [key, state] : states) s->states[key] = std::move(state);
  }
  s->described = true;
  return Status::Ok();
}

Result<std::vector<UpcomingMeeting>> FeedService::Upcoming(
    const FeedId& feed, UnixSeconds now, size_t max,
    const LoadedOrganisation& loaded) {
  std::lock_guard<std::mutex> lock(mu_);
  OKR_RETURN_IF_ERROR(RefreshLocked(loaded));
  return NextMeetings(*snapshot_->org, snapshot_->plan, feed, now, max);
}

Result<std::shared_ptr<const RenderedFeed>> FeedService::RenderLocked(
    const FeedId& feed) {
  OKR_RETURN_IF_ERROR(DescribedLocked());
  const std::string id = feed.ToString();
  auto it = snapshot_->rendered.find(id);
  if (it == snapshot_->rendered.end()) {
    auto rendered = std::make_shared<const RenderedFeed>(
        RenderFeed(*snapshot_->org, snapshot_->plan, snapshot_->states, feed,
                   options_, &snapshot_->texts));
    if (rendered->left_out > 0) {
      LogWarn("feed " + id + ": " + std::to_string(rendered->left_out) +
              " events left out (limit max_feed_events = " +
              std::to_string(options_.max_events) + ")");
    }
    it = snapshot_->rendered.emplace(id, std::move(rendered)).first;
  }
  return it->second;
}

Result<RenderedFeed> FeedService::Render(const FeedId& feed) {
  std::lock_guard<std::mutex> lock(mu_);
  OKR_RETURN_IF_ERROR(RefreshLocked());
  OKR_ASSIGN_OR_RETURN(std::shared_ptr<const RenderedFeed> rendered,
                       RenderLocked(feed));
  return *rendered;
}

Result<std::optional<FeedId>> FeedService::FeedForTokenLocked(
    std::string_view token) {
  if (!CalendarStore::IsWellFormedToken(token)) return std::optional<FeedId>();
  const std::string hash = CalendarStore::TokenHash(token);
  auto known = tokens_.find(hash);
  if (known != tokens_.end() &&
      sodium_memcmp(known->first.data(), hash.data(), hash.size()) == 0) {
    return std::optional<FeedId>(known->second);
  }
  OKR_ASSIGN_OR_RETURN(std::optional<std::string> id,
                       calendar_store_.FeedForToken(token));
  if (!id) return std::optional<FeedId>();
  Result<FeedId> feed = ParseFeedId(*id);
  if (!feed.ok()) return std::optional<FeedId>();
  // Only active tokens are remembered, so the map stays as small as the
  // feed_tokens table's active rows.
  tokens_[hash] = *feed;
  return std::optional<FeedId>(*feed);
}

Result<std::optional<FeedId>> FeedService::FeedForToken(std::string_view token) {
  std::lock_guard<std::mutex> lock(mu_);
  OKR_RETURN_IF_ERROR(CheckChangesLocked());
  return FeedForTokenLocked(token);
}

Result<std::shared_ptr<const RenderedFeed>> FeedService::RenderForToken(
    std::string_view token) {
  std::lock_guard<std::mutex> lock(mu_);
  OKR_RETURN_IF_ERROR(CheckChangesLocked());
  OKR_ASSIGN_OR_RETURN(std::optional<FeedId> feed, FeedForTokenLocked(token));
  if (!feed) return std::shared_ptr<const RenderedFeed>();
  OKR_RETURN_IF_ERROR(SnapshotLocked());
  return RenderLocked(*feed);
}

FeedService::PlanCounts FeedService::plan_counts() {
  std::lock_guard<std::mutex> lock(mu_);
  return {cadence_plans_, cadence_reuses_};
}

Result<std::shared_ptr<const Organisation>> FeedService::LoadOrganisation() {
  std::lock_guard<std::mutex> lock(mu_);
  OKR_RETURN_IF_ERROR(RefreshLocked());
  return snapshot_->org;
}

HttpHandler FeedHandler(FeedService* service) {
  return [service](const HttpRequest& request) {
    return ServeFeed(service, request);
  };
}

void AddFeedRoutes(Router* router, FeedService* service) {
  router->AddPrefix({HttpMethod::kGet}, std::string(kFeedPrefix),
                    FeedHandler(service), RouteOptions{.secret_path = true});
}

}  // namespace okr
