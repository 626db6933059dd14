// Copyright 2026 The okrd Authors.
//
// LogCapture: while alive, every log line goes into memory instead of
// stderr. Restores stderr on destruction. One at a time per process.

#ifndef OKR_TESTS_CORE_SERVER_LOG_CAPTURE_H_
#define OKR_TESTS_CORE_SERVER_LOG_CAPTURE_H_

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/log.h"

namespace okr::testing {

class LogCapture {
 public:
  LogCapture() {
    SetLogSink([this](LogLevel level, std::string_view message) {
      std::lock_guard<std::mutex> lock(mu_);
      lines_.push_back(std::string(LogLevelName(level)) + " " +
                       std::string(message));
    });
  }
  ~LogCapture() { SetLogSink({}); }
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;

  // "LEVEL message" per line, in order.
  std::vector<std::string> lines() const {
    std::lock_guard<std::mutex> lock(mu_);
    return lines_;
  }
  // All lines joined with '\n', for substring checks.
  std::string Text() const {
    std::string all;
    for (const std::string& line : lines()) all += line + "\n";
    return all;
  }

 private:
  mutable std::mutex mu_;
  std::vector<std::string> lines_;
};

}  // namespace okr::testing

#endif  // OKR_TESTS_CORE_SERVER_LOG_CAPTURE_H_
