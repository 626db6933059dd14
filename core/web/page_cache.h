// Copyright 2026 The okrd Authors.
//
// Caching for the status page: the organisation is loaded once per store
// revision and shared as an immutable snapshot, with its lookup index
// (BuildOrgIndex, views.h) built once next to it; rendered responses are kept
// per URL for the (revision, day) they were rendered for, in a bounded LRU.
//
// Threads: both classes are thread-safe; snapshots are immutable and may be
// used from many threads at once.

#ifndef OKR_CORE_WEB_PAGE_CACHE_H_
#define OKR_CORE_WEB_PAGE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/base/result.h"
#include "core/model/organisation.h"
#include "core/store/store.h"
#include "core/web/views.h"

namespace okr::web {

struct Snapshot {
  int64_t revision = -1;
  std::shared_ptr<const Organisation> org;
  std::shared_ptr<const internal::OrgIndex> index;  // Over *org.
};

// Loads the organisation from a store (not owned; must outlive this) when
// its revision changed. The revision is read before the load, so a snapshot
// is never older than its revision says (it may be newer, which only costs
// one extra render later).
class SnapshotSource {
 public:
  // `risk`: the early-warning thresholds the snapshots' index applies.
  explicit SnapshotSource(Store* store, const RiskThresholds& risk = {})
      : store_(store), risk_(risk) {}

  // The store's current revision. Errors: those of Store::Revision().
  Result<int64_t> Revision();
  // A snapshot at least as new as `revision`, loading it when the cached
  // one is older. Concurrent callers wait for one load instead of loading
  // in parallel. Errors: those of Store::Load().
  Result<Snapshot> Get(int64_t revision);
  // How many times the store was loaded (for tests).
  int64_t loads() const;

 private:
  Store* const store_;
  const RiskThresholds risk_;
  mutable std::mutex mu_;  // Guards current_ and loads_.
  std::mutex load_mu_;     // Serialises loads.
  Snapshot current_;
  int64_t loads_ = 0;
};

struct CachedResponse {
  int64_t revision = 0;
  int64_t day = 0;
  std::string etag;
  std::string content_type;
  std::shared_ptr<const std::string> body;
};

// A bounded least-recently-used map from URL to response.
class ResponseCache {
 public:
  ResponseCache(size_t max_entries, size_t max_bytes);

  // The entry for `key` if it was rendered for this revision and day.
  std::optional<CachedResponse> Get(const std::string& key, int64_t revision,
                                    int64_t day);
  // Stores (or replaces) the entry, evicting the least recently used ones
  // beyond the bounds. A body larger than max_bytes is not kept.
  void Put(const std::string& key, CachedResponse response);
  size_t size() const;

 private:
  using Item = std::pair<std::string, CachedResponse>;
  void EvictLocked();

  const size_t max_entries_;
  const size_t max_bytes_;
  mutable std::mutex mu_;
  std::list<Item> items_;  // Most recent first.
  std::unordered_map<std::string, std::list<Item>::iterator> index_;
  size_t bytes_ = 0;
};

}  // namespace okr::web

#endif  // OKR_CORE_WEB_PAGE_CACHE_H_
