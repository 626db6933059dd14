// Copyright 2026 The okrd Authors.

#include "core/base/log.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <utility>

#include "core/base/clock.h"

namespace okr {
namespace {

struct LoggerState {
  std::mutex mu;
  LogSink sink;  // Empty: stderr. Guarded by mu.
  std::atomic<bool> has_sink{false};  // Whether sink is set; a hint.
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

// Whether stderr is the journal stream named by $JOURNAL_STREAM ("dev:ino"),
// decided once.
bool StderrIsJournal() {
  static const bool is_journal = [] {
    const char* stream = std::getenv("JOURNAL_STREAM");
    unsigned long long dev = 0, ino = 0;
    struct stat st;
    return stream != nullptr &&
           std::sscanf(stream, "%llu:%llu", &dev, &ino) == 2 &&
           ::fstat(STDERR_FILENO, &st) == 0 && st.st_dev == dev &&
           st.st_ino == ino;
  }();
  return is_journal;
}

// syslog(3) priorities, as sd-daemon(3)'s SD_* prefixes use them.
char JournalPriority(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return '7';
    case LogLevel::kInfo:
      return '6';
    case LogLevel::kWarn:
      return '4';
    case LogLevel::kError:
      return '3';
  }
  return '6';
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
  state.has_sink.store(static_cast<bool>(state.sink),
                       std::memory_order_release);
}

std::string FormatStderrLine(LogLevel level, std::string_view message,
                             UnixSeconds now, bool for_journal) {
  std::string line;
  if (for_journal) {
    line = {'<', JournalPriority(level), '>'};
  } else {
    line = FormatUtcTimestamp(now) + ' ';
  }
  line += LogLevelName(level);
  line += ' ';
  line += message;
  line += '\n';
  return line;
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
    // The stderr line is formatted before taking the lock, so the lock
    // (contended by every worker's access line) covers only the write.
    if (!state.has_sink.load(std::memory_order_acquire)) {
      const std::string line = FormatStderrLine(
          level, clean, SystemClock().Now(), StderrIsJournal());
      std::lock_guard<std::mutex> lock(state.mu);
      if (!state.sink) {
        WriteAllToStderr(line);
        return;
      }
    }
    std::lock_guard<std::mutex> lock(state.mu);
    if (state.sink) {
      state.sink(level, clean);
    } else {
      WriteAllToStderr(FormatStderrLine(level, clean, SystemClock().Now(),
                                        StderrIsJournal()));
    }
  } catch (...) {
    // Out of memory or a throwing sink: drop the line rather than crash.
  }
}

}  // namespace okr
