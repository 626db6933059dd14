// Copyright 2026 The okrd Authors.

#include "importers/deadline.h"

#include <algorithm>

namespace okr {
namespace {

// Far enough away for "no practical limit", without overflowing time_point.
constexpr int64_t kMaxDeadlineMs = int64_t{1} << 40;

}  // namespace

ImportDeadline::ImportDeadline(const Limits& limits)
    : ms_(limits.deadline_ms),
      at_(std::chrono::steady_clock::now() +
          std::chrono::milliseconds(
              std::clamp<int64_t>(limits.deadline_ms, 0, kMaxDeadlineMs))) {}

std::string ImportDeadline::Message() const {
  return "reading took longer than deadline_ms (" + std::to_string(ms_) + ")";
}

}  // namespace okr
