// Copyright 2026 The okrd Authors.

#include "core/auth/rate_limiter.h"

#include <algorithm>

namespace okr {

LoginRateLimiter::LoginRateLimiter(int limit, int64_t window_seconds,
                                   size_t max_keys)
    : limit_(std::max(1, limit)),
      window_seconds_(std::max<int64_t>(1, window_seconds)),
      max_keys_(std::max<size_t>(1, max_keys)) {}

int64_t LoginRateLimiter::RetryAfter(std::string_view key,
                                     UnixSeconds now) const {
  std::lock_guard<std::mutex> lock(mu_);
  return RetryAfterLocked(key, now);
}

void LoginRateLimiter::RecordFailure(std::string_view key, UnixSeconds now) {
  std::lock_guard<std::mutex> lock(mu_);
  RecordFailureLocked(key, now);
}

int64_t LoginRateLimiter::Attempt(std::string_view key, UnixSeconds now) {
  std::lock_guard<std::mutex> lock(mu_);
  const int64_t wait = RetryAfterLocked(key, now);
  if (wait == 0) RecordFailureLocked(key, now);
  return wait;
}

void LoginRateLimiter::Undo(std::string_view key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it != entries_.end() && it->second.failures > 0) --it->second.failures;
}

int64_t LoginRateLimiter::RetryAfterLocked(std::string_view key,
                                           UnixSeconds now) const {
  auto it = entries_.find(key);
  if (it == entries_.end()) return 0;
  const UnixSeconds end = it->second.window_start + window_seconds_;
  if (now >= end || it->second.failures < limit_) return 0;
  return std::max<int64_t>(1, end - now);
}

void LoginRateLimiter::RecordFailureLocked(std::string_view key,
                                           UnixSeconds now) {
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    if (entries_.size() >= max_keys_) EvictLocked(now);
    entries_.emplace(std::string(key), Entry{now, 1});
    return;
  }
  Entry& e = it->second;
  if (now >= e.window_start + window_seconds_) {
    e = Entry{now, 1};
  } else {
    ++e.failures;
  }
}

void LoginRateLimiter::Reset(std::string_view key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it != entries_.end()) entries_.erase(it);
}

size_t LoginRateLimiter::tracked_keys() const {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

void LoginRateLimiter::EvictLocked(UnixSeconds now) {
  std::erase_if(entries_, [&](const auto& kv) {
    return now >= kv.second.window_start + window_seconds_;
  });
  if (entries_.size() < max_keys_) return;
  auto oldest = std::min_element(
      entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
        return a.second.window_start < b.second.window_start;
      });
  entries_.erase(oldest);
}

}  // namespace okr
