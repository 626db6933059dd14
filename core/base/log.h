// Copyright 2026 The okrd Authors.
//
// A tiny process-wide logger: one line per call, written to stderr (where
// systemd's journal picks it up) as "2026-01-31T12:00:00Z INFO message".
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

// Returns `text` with every byte below 0x20 (tab included) and 0x7f written
// as "\xNN". Pure; exposed for tests.
std::string SanitizeLogText(std::string_view text);

}  // namespace okr

#endif  // OKR_CORE_BASE_LOG_H_
