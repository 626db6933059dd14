// Copyright 2026 The okrd Authors.

#include "core/web/page_cache.h"

#include <utility>

namespace okr::web {

Result<int64_t> SnapshotSource::Revision() { return store_->Revision(); }

Result<Snapshot> SnapshotSource::Get(int64_t revision) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (current_.org && current_.revision >= revision) return current_;
  }
  std::lock_guard<std::mutex> load_lock(load_mu_);
  {
    std::lock_guard<std::mutex> lock(mu_);  // Another thread may have loaded.
    if (current_.org && current_.revision >= revision) return current_;
  }
  OKR_ASSIGN_OR_RETURN(Organisation org, store_->Load());
  auto shared = std::make_shared<const Organisation>(std::move(org));
  Snapshot fresh{revision, shared, BuildOrgIndex(shared, risk_)};
  std::lock_guard<std::mutex> lock(mu_);
  current_ = fresh;
  ++loads_;
  return fresh;
}

int64_t SnapshotSource::loads() const {
  std::lock_guard<std::mutex> lock(mu_);
  return loads_;
}

ResponseCache::ResponseCache(size_t max_entries, size_t max_bytes)
    : max_entries_(max_entries), max_bytes_(max_bytes) {}

std::optional<CachedResponse> ResponseCache::Get(const std::string& key,
                                                 int64_t revision,
                                                 int64_t day) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  const CachedResponse& entry = it->second->second;
  if (entry.revision != revision || entry.day != day) return std::nullopt;
  items_.splice(items_.begin(), items_, it->second);
  return entry;
}

void ResponseCache::Put(const std::string& key, CachedResponse response) {
  const size_t size = response.body ? response.body->size() : 0;
  if (size > max_bytes_ || max_entries_ == 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = index_.find(key); it != index_.end()) {
    const auto& old = it->second->second.body;
    bytes_ -= old ? old->size() : 0;
    items_.erase(it->second);
    index_.erase(it);
  }
  items_.emplace_front(key, std::move(response));
  index_[key] = items_.begin();
  bytes_ += size;
  EvictLocked();
}

void ResponseCache::EvictLocked() {
  while (!items_.empty() &&
         (items_.size() > max_entries_ || bytes_ > max_bytes_)) {
    const Item& last = items_.back();
    bytes_ -= last.second.body ? last.second.body->size() : 0;
    index_.erase(last.first);
    items_.pop_back();
  }
}

size_t ResponseCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return items_.size();
}

}  // namespace okr::web
