// Copyright 2026 The okrd Authors.
//
// Clock: the one way code asks for the current time, so tests and the demo
// can pin "now". Implementations are thread-safe.

#ifndef OKR_CORE_BASE_CLOCK_H_
#define OKR_CORE_BASE_CLOCK_H_

#include <atomic>

#include "core/base/civil_time.h"

namespace okr {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixSeconds Now() const = 0;
  Date Today() const { return Date::FromUnixSeconds(Now()); }
};

// The system's real-time clock. Returns a process-wide instance.
const Clock& SystemClock();

// A clock that says what it is told; for tests.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(UnixSeconds now) : now_(now) {}
  UnixSeconds Now() const override { return now_.load(); }
  void Set(UnixSeconds now) { now_.store(now); }

 private:
  std::atomic<UnixSeconds> now_;
};

}  // namespace okr

#endif  // OKR_CORE_BASE_CLOCK_H_
