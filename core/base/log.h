// Copyright 2026 The okrd Authors.
//
// A tiny process-wide logger: one line per call, written to stderr as
// "2026-01-31T12:00:00Z INFO message". When stderr is the systemd journal
// (the service; $JOURNAL_STREAM names stderr's device and inode) the line is
// "<6>INFO message" instead: journald reads the "<N>" prefix as the entry's
// priority (so `journalctl -p warning` works) and adds its own timestamp.
//
// Messages are made single-line before they are written: control bytes
// (CR, LF, ESC, ...) become "\xNN", so text from a request (a decoded path,
// a header) cannot forge extra log lines or terminal escapes.
//
// All functions are [thread-safe] and never throw; a line that cannot be
// built (out of memory) is dropped.

#ifndef OKR_CORE_BASE_LOG_H_
#define OKR_CORE_BASE_LOG_H_

#include <functional>
#include <string>
#include <string_view>

#include "core/base/civil_time.h"

namespace okr {

enum class LogLevel { kDebug = 0, kInfo, kWarn, kError };

// "DEBUG", "INFO", "WARN", "ERROR".
std::string_view LogLevelName(LogLevel level);

// Lines below `level` are dropped. The default is kInfo.
void SetMinLogLevel(LogLevel level);
LogLevel MinLogLevel();

// Receives each line that passes the level filter: the sanitised message
// without timestamp or level prefix. Called with the logger's lock held, one
// call at a time; it must not log and must not throw.
using LogSink = std::function<void(LogLevel level, std::string_view message)>;

// Replaces where lines go; an empty sink restores stderr. Meant for tests
// and for a daemon that wants another destination.
void SetLogSink(LogSink sink);

// Writes one line if `level` passes the filter.
void Log(LogLevel level, std::string_view message) noexcept;

inline void LogDebug(std::string_view message) noexcept {
  Log(LogLevel::kDebug, message);
}
inline void LogInfo(std::string_view message) noexcept {
  Log(LogLevel::kInfo, message);
}
inline void LogWarn(std::string_view message) noexcept {
  Log(LogLevel::kWarn, message);
}
inline void LogError(std::string_view message) noexcept {
  Log(LogLevel::kError, message);
}

// The line written to stderr for an already sanitised `message` logged at
// `now`: timestamped, or with a syslog priority prefix when `for_journal`.
// Pure; exposed for tests.
std::string FormatStderrLine(LogLevel level, std::string_view message,
                             UnixSeconds now, bool for_journal);

// Returns `text` with every byte below 0x20 (tab included) and 0x7f written
// as "\xNN". Pure; exposed for tests.
std::string SanitizeLogText(std::string_view text);

}  // namespace okr

#endif  // OKR_CORE_BASE_LOG_H_
