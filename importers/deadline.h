// Copyright 2026 The okrd Authors.
//
// ImportDeadline: Limits::deadline_ms for the readers that do not go through
// ZipArchive (which has its own, see zip/zip_archive.h): CSV and XML. The
// clock (steady) starts at construction; Passed() is true once deadline_ms
// milliseconds have gone by, so deadline_ms = 0 has always passed. Readers
// ask it at their start and every few thousand records, and report a breach
// as ResourceExhausted naming the limit:
//   "plan.csv:1025:1: reading took longer than deadline_ms (0)".
// Plain value; thread-compatible.

#ifndef OKR_IMPORTERS_DEADLINE_H_
#define OKR_IMPORTERS_DEADLINE_H_

#include <chrono>
#include <cstdint>
#include <string>

#include "core/base/limits.h"

namespace okr {

class ImportDeadline {
 public:
  explicit ImportDeadline(const Limits& limits);

  bool Passed() const { return std::chrono::steady_clock::now() >= at_; }

  // "reading took longer than deadline_ms (N)", for a located error.
  std::string Message() const;

 private:
  int64_t ms_;
  std::chrono::steady_clock::time_point at_;
};

}  // namespace okr

#endif  // OKR_IMPORTERS_DEADLINE_H_
