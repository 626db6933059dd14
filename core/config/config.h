// Copyright 2026 The okrd Authors.
//
// The okrd configuration file: INI-style "key = value" lines in [sections],
// '#' or ';' comments, every key documented in packaging/okrd.conf. Unknown
// sections and keys are errors naming the line, so a typo never silently
// falls back to a default. Command-line flags override the file.
// Plain data and pure functions; thread-compatible.

#ifndef OKR_CORE_CONFIG_CONFIG_H_
#define OKR_CORE_CONFIG_CONFIG_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/analytics/early_warning.h"
#include "core/analytics/lint_rules.h"
#include "core/base/civil_time.h"
#include "core/auth/auth_options.h"
#include "core/base/limits.h"
#include "core/base/log.h"
#include "core/base/result.h"

namespace okr {

enum class ReadAccess { kOpen, kLogin };

// [cadence]: defaults of the meeting rhythm (calendar/ turns them into its
// CadenceConfig; per-person and per-unit overrides come from elsewhere).
struct CadenceSettings {
  int one_on_one_minutes = 20;
  int one_on_one_interval_weeks = 1;
  int review_minutes = 30;
  int review_interval_weeks = 2;
  // Local working hours in every zone: [day_start, day_end), minutes.
  int day_start_minute = 9 * 60;
  int day_end_minute = 17 * 60;
  // Days without meetings; their occurrences become EXDATEs.
  std::vector<Date> holidays;
};

struct Config {
  // [server]
  std::string listen = "127.0.0.1:8080";
  int threads = 64;  // A keep-alive connection holds one (CivetWeb).
  int request_timeout_ms = 10'000;
  std::string base_url;  // Public URL for links in feeds ("" = derive).
  ReadAccess read_access = ReadAccess::kOpen;
  // [database]
  std::string database = "okrd.db";
  // [log]
  LogLevel log_level = LogLevel::kInfo;
  // [plugins]
  std::string plugin_directory;
  // [events] (the event scanner feeding notifiers, core/registry)
  int event_scan_seconds = 60;
  // [webhook] (plugins/webhook; handed to the notifier as key = value)
  std::string webhook_urls;   // Space-separated URLs; "" = no webhook.
  std::string webhook_secret; // HMAC-SHA256 key for X-Okrd-Signature.
  std::string webhook_format = "json";  // json, slack (or mattermost).
  int webhook_timeout_ms = 5000;
  int webhook_retries = 3;
  // [metrics] (plugins/metrics at /metrics)
  bool metrics_enabled = true;
  // [limits]
  Limits limits;
  // [lint]: rule.ID = off|warning|error, and the count bounds.
  LintSettings lint;
  // [analytics]: early-warning thresholds.
  RiskThresholds risk;
  // [cadence]
  CadenceSettings cadence;
  // [auth] (auth.login_to_read follows server.read_access)
  AuthOptions auth;
};

// Parses `text`; `file_name` prefixes errors ("okrd.conf:12: ..."). Every
// problem is reported (InvalidArgument, one line each).
Result<Config> ParseConfig(std::string_view text, const std::string& file_name);

// Reads and parses the file at `path`.
Result<Config> LoadConfig(const std::string& path);

}  // namespace okr

#endif  // OKR_CORE_CONFIG_CONFIG_H_
