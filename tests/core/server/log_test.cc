// Copyright 2026 The okrd Authors.
//
// Tests for core/base/log.h (kept with the server tests, its main user).

#include "core/base/log.h"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/core/server/log_capture.h"

namespace okr {
namespace {

TEST_CASE("SanitizeLogText escapes control bytes", "[server][log]") {
  CHECK(SanitizeLogText("plain text /a?b") == "plain text /a?b");
  CHECK(SanitizeLogText("a\r\nINFO forged") == "a\\x0d\\x0aINFO forged");
  CHECK(SanitizeLogText(std::string("nul\0x", 5)) == "nul\\x00x");
  CHECK(SanitizeLogText("\x1b[31mred\x7f") == "\\x1b[31mred\\x7f");
  CHECK(SanitizeLogText("tab\there") == "tab\\x09here");
  CHECK(SanitizeLogText("caf\xc3\xa9") == "caf\xc3\xa9");  // UTF-8 kept.
}

TEST_CASE("Log filters by level and keeps each message on one line",
          "[server][log]") {
  testing::LogCapture log;
  LogLevel saved = MinLogLevel();
  SetMinLogLevel(LogLevel::kWarn);
  LogInfo("dropped");
  LogWarn("kept\nsecond line");
  LogError("error");
  SetMinLogLevel(saved);
  LogDebug("dropped too");  // kInfo is the default minimum.

  std::vector<std::string> lines = log.lines();
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "WARN kept\\x0asecond line");
  CHECK(lines[1] == "ERROR error");
}

TEST_CASE("Log is safe from many threads at once", "[server][log]") {
  testing::LogCapture log;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < 100; ++i) {
        LogInfo("thread " + std::to_string(t) + " line " + std::to_string(i));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::vector<std::string> lines = log.lines();
  CHECK(lines.size() == 800);
  for (const std::string& line : lines) {
    CHECK(line.rfind("INFO thread ", 0) == 0);
  }
}

TEST_CASE("stderr lines carry a timestamp, journal lines a priority",
          "[server][log]") {
  constexpr UnixSeconds kAt = 1795000000;  // 2026-11-18T11:06:40Z
  CHECK(FormatStderrLine(LogLevel::kInfo, "started", kAt, false) ==
        "2026-11-18T11:06:40Z INFO started\n");
  CHECK(FormatStderrLine(LogLevel::kDebug, "x", kAt, true) == "<7>DEBUG x\n");
  CHECK(FormatStderrLine(LogLevel::kInfo, "x", kAt, true) == "<6>INFO x\n");
  CHECK(FormatStderrLine(LogLevel::kWarn, "x", kAt, true) == "<4>WARN x\n");
  CHECK(FormatStderrLine(LogLevel::kError, "x", kAt, true) == "<3>ERROR x\n");
}

}  // namespace
}  // namespace okr
