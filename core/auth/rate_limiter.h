// Copyright 2026 The okrd Authors.
//
// LoginRateLimiter: counts failed logins per key (a client address, an
// account) in a fixed window. A key with `limit` failures inside the window
// is refused until the window that began with its first failure ends.
// Memory is bounded: at most `max_keys` keys are tracked; when full, expired
// entries are dropped first and then the oldest.
//
// Threads: thread-safe.

#ifndef OKR_CORE_AUTH_RATE_LIMITER_H_
#define OKR_CORE_AUTH_RATE_LIMITER_H_

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "core/base/civil_time.h"

namespace okr {

class LoginRateLimiter {
 public:
  LoginRateLimiter(int limit, int64_t window_seconds, size_t max_keys = 10000);

  // 0 when `key` may try now, else the seconds until it may (>= 1).
  int64_t RetryAfter(std::string_view key, UnixSeconds now) const;
  // Counts one failure for `key`.
  void RecordFailure(std::string_view key, UnixSeconds now);
  // Check and count in one step, so concurrent attempts cannot all pass
  // the check before any is counted: returns RetryAfter(key, now) when
  // that is not 0; else records a failure and returns 0. Undo() takes the
  // failure back when the attempt turns out to succeed.
  int64_t Attempt(std::string_view key, UnixSeconds now);
  void Undo(std::string_view key);
  // Forgets `key` (after a successful login).
  void Reset(std::string_view key);

  size_t tracked_keys() const;

 private:
  struct Entry {
    UnixSeconds window_start = 0;
    int failures = 0;
  };
  void EvictLocked(UnixSeconds now);
  int64_t RetryAfterLocked(std::string_view key, UnixSeconds now) const;
  void RecordFailureLocked(std::string_view key, UnixSeconds now);

  const int limit_;
  const int64_t window_seconds_;
  const size_t max_keys_;
  mutable std::mutex mu_;
  std::map<std::string, Entry, std::less<>> entries_;  // Guarded by mu_.
};

}  // namespace okr

#endif  // OKR_CORE_AUTH_RATE_LIMITER_H_
