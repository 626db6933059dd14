// Copyright 2026 The okrd Authors.

#include "core/config/config.h"

#include <catch2/catch.hpp>

#include "tests/support/temp_dir.h"

namespace okr {
namespace {

TEST_CASE("an empty file gives the defaults", "[config]") {
  auto c = ParseConfig("", "okrd.conf");
  REQUIRE(c.ok());
  CHECK(c->listen == "127.0.0.1:8080");
  CHECK(c->read_access == ReadAccess::kOpen);
  CHECK(c->limits.max_rows == Limits().max_rows);
}

TEST_CASE("every section and key is read", "[config]") {
  auto c = ParseConfig(
      "# okrd\n"
      "[server]\n"
      "listen = 0.0.0.0:9000\n"
      "threads=8\n"
      "  base_url = https://okr.example.org/  \n"
      "read_access = login\n"
      "; comment\n"
      "[database]\npath = /var/lib/okrd/okrd.db\n"
      "[log]\nlevel = warn\n"
      "[plugins]\ndirectory = /usr/lib/okrd/plugins\n"
      "[limits]\nmax_rows = 5000\nmax_input_bytes = 1048576\n",
      "okrd.conf");
  REQUIRE(c.ok());
  CHECK(c->listen == "0.0.0.0:9000");
  CHECK(c->threads == 8);
  CHECK(c->base_url == "https://okr.example.org/");
  CHECK(c->read_access == ReadAccess::kLogin);
  CHECK(c->database == "/var/lib/okrd/okrd.db");
  CHECK(c->log_level == LogLevel::kWarn);
  CHECK(c->plugin_directory == "/usr/lib/okrd/plugins");
  CHECK(c->limits.max_rows == 5000);
  CHECK(c->limits.max_input_bytes == 1048576);
}

TEST_CASE("unknown keys and bad values name their line", "[config]") {
  auto c = ParseConfig(
      "[server]\n"
      "lisen = 127.0.0.1:1\n"
      "threads = many\n"
      "[cache]\n"
      "[log]\n"
      "level = loud\n"
      "orphan\n",
      "/etc/okrd/okrd.conf");
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().message() ==
        "/etc/okrd/okrd.conf:2: unknown key \"lisen\" in [server]\n"
        "/etc/okrd/okrd.conf:3: threads: expected a whole number from 2 to 256\n"
        "/etc/okrd/okrd.conf:4: unknown section [cache]\n"
        "/etc/okrd/okrd.conf:6: level: expected debug, info, warn or error\n"
        "/etc/okrd/okrd.conf:7: expected key = value");
  CHECK(ParseConfig("listen = x\n", "c").status().message() ==
        "c:1: key \"listen\" before any [section]");
}

TEST_CASE("[lint] rule levels and [analytics] thresholds", "[config]") {
  auto c = ParseConfig(
      "[lint]\nrule.owner-missing = error\nrule.kr-unit-missing = off\n"
      "max_krs_per_objective = 4\n[analytics]\nlow_confidence = 0.5\n"
      "stale_after_days = 14\n",
      "c");
  INFO(c.status().message());
  REQUIRE(c.ok());
  CHECK(c->lint.levels.at("owner-missing") == Severity::kError);
  CHECK(c->lint.levels.at("kr-unit-missing") == Severity::kOff);
  CHECK(c->lint.max_krs_per_objective == 4);
  CHECK(c->risk.low_confidence == 0.5);
  CHECK(c->risk.stale_after_days == 14);
  CHECK(ParseConfig("[lint]\nrule.nope = error\n", "c").status().message() ==
        "c:2: rule.nope: no lint rule \"nope\"");
  CHECK(ParseConfig("[analytics]\nstale_after_days = 2.5\n", "c")
            .status()
            .message() == "c:2: stale_after_days: expected a whole number");
}

TEST_CASE("the [auth] section", "[config]") {
  auto c = ParseConfig(
      "[auth]\ncookie_secure = true\nsession_idle_days = 2\n"
      "session_max_days = 7\nproxy_header = X-Forwarded-Email\n"
      "trusted_proxies = 127.0.0.1, 10.0.0.0/8\n"
      "login_failures_per_account = 3\nlogin_failure_delay_ms = 0\n"
      "max_concurrent_hashes = 4\n",
      "c");
  INFO(c.status().message());
  REQUIRE(c.ok());
  CHECK(c->auth.cookie_secure);
  CHECK(c->auth.session_idle_seconds == 2 * 86400);
  CHECK(c->auth.session_max_seconds == 7 * 86400);
  CHECK(c->auth.proxy_header == "X-Forwarded-Email");
  CHECK(c->auth.trusted_proxies == std::vector<std::string>{"127.0.0.1", "10.0.0.0/8"});
  CHECK(c->auth.login_failures_per_account == 3);
  CHECK(c->auth.login_failure_delay_ms == 0);
  CHECK(c->auth.max_concurrent_hashes == 4);
  CHECK(ParseConfig("[auth]\ntrusted_proxies = 10.0.0.0/40\n", "c").status().message() ==
        "c:2: trusted_proxies: trusted proxy \"10.0.0.0/40\": the prefix length "
        "must be 0 to 32");
  CHECK(ParseConfig("[auth]\nproxy_header = X Email\n", "c").status().message() ==
        "c:2: proxy_header: expected a header name such as X-Forwarded-Email");
  CHECK(ParseConfig("[auth]\ncookie_secure = yes\n", "c").status().message() ==
        "c:2: cookie_secure: expected true or false");
}

TEST_CASE("the shipped configuration file parses and documents every key",
          "[config]") {
  const std::string path = OKR_SOURCE_DIR "/packaging/okrd.conf";
  auto c = LoadConfig(path);
  INFO(c.status().message());
  REQUIRE(c.ok());
  // Every key appears in the shipped file, commented out with its default.
  const std::string text = testing::ReadFileOrEmpty(path);
  for (const char* key : {"listen", "threads", "request_timeout_ms", "base_url",
                          "read_access", "path", "level", "directory",
                          "max_input_bytes", "max_rows", "deadline_ms",
                          "max_request_body_bytes", "max_objectives_per_unit",
                          "max_krs_per_objective", "low_confidence",
                          "stale_after_days", "cookie_secure",
                          "session_idle_days", "session_max_days",
                          "proxy_header", "trusted_proxies",
                          "login_failures_per_address",
                          "login_failures_per_account",
                          "login_failure_delay_ms", "max_concurrent_hashes"}) {
    CHECK(text.find(std::string("\n# ") + key + " =") != std::string::npos);
  }
  CHECK(LoadConfig("/nonexistent/okrd.conf").status().code() ==
        StatusCode::kIoError);
}

}  // namespace
}  // namespace okr
