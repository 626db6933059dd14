// Copyright 2026 The okrd Authors.

#include "core/base/clock.h"

#include <ctime>

namespace okr {
namespace {

class RealClock final : public Clock {
 public:
  UnixSeconds Now() const override {
    return static_cast<UnixSeconds>(std::time(nullptr));
  }
};

}  // namespace

const Clock& SystemClock() {
  static const RealClock clock;
  return clock;
}

}  // namespace okr
