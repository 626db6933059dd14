// Copyright 2026 The okrd Authors.

#include "core/base/log.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <mutex>
#include <utility>

#include "core/base/civil_time.h"
#include "core/base/clock.h"

namespace okr {
namespace {

struct LoggerState {
  std::mutex mu;
  LogSink sink;  // Empty: stderr. Guarded by mu.
};

// Never destroyed, so logging keeps working during static destruction.
LoggerState& State() {
  static LoggerState* state = new LoggerState();
  return *state;
}

std::atomic<int> g_min_level{static_cast<int>(LogLevel::kInfo)};

void WriteAllToStderr(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(STDERR_FILENO, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // Nowhere to report a broken stderr.
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

std::string StderrLine(LogLevel level, std::string_view message) {
  std::string line = FormatUtcTimestamp(SystemClock().Now());
  line += ' ';
  line += LogLevelName(level);
  line += ' ';
  line += message;
  line += '\n';
  return line;
}

}  // namespace

std::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "DEBUG";
    case LogLevel::kInfo:
      return "INFO";
    case LogLevel::kWarn:
      return "WARN";
    case LogLevel::kError:
      return "ERROR";
  }
  return "?";
}

void SetMinLogLevel(LogLevel level) {
  g_min_level.store(static_cast<int>(level), std::memory_order_relaxed);
}

LogLevel MinLogLevel() {
  return static_cast<LogLevel>(g_min_level.load(std::memory_order_relaxed));
}

void SetLogSink(LogSink sink) {
  LoggerState& state = State();
  std::lock_guard<std::mutex> lock(state.mu);
  state.sink = std::move(sink);
}

std::string SanitizeLogText(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) {
      out += c;
      continue;
    }
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 0xf];
  }
  return out;
}

void Log(LogLevel level, std::string_view message) noexcept {
  if (static_cast<int>(level) < g_min_level.load(std::memory_order_relaxed)) {
    return;
  }
  try {
    std::string clean = SanitizeLogText(message);
    LoggerState& state = State();
    std::lock_guard<std::mutex> lock(state.mu);
    if (state.sink) {
      state.sink(level, clean);
    } else {
      WriteAllToStderr(StderrLine(level, clean));
    }
  } catch (...) {
    // Out of memory or a throwing sink: drop the line rather than crash.
  }
}

}  // namespace okr
