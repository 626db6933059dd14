// Copyright 2026 The okrd Authors.

#include "core/config/config.h"

#include "core/auth/address.h"
#include "core/base/file.h"

#include <charconv>
#include <cstdlib>
#include <cmath>
#include <type_traits>
#include <functional>
#include <vector>

namespace okr {
namespace {

// A setter returns "" on success or what is wrong with the value.
using Setter = std::function<std::string(Config*, std::string_view)>;

struct Key {
  std::string_view section;
  std::string_view name;
  Setter set;
};

std::string SetInt(int64_t* out, std::string_view v, int64_t min, int64_t max) {
  int64_t n = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || ptr != v.data() + v.size() || n < min || n > max) {
    return "expected a whole number from " + std::to_string(min) + " to " +
           std::to_string(max);
  }
  *out = n;
  return "";
}

Setter Int(int Config::*field, int min, int max) {
  return [=](Config* c, std::string_view v) {
    int64_t n = 0;
    std::string e = SetInt(&n, v, min, max);
    if (e.empty()) c->*field = static_cast<int>(n);
    return e;
  };
}

Setter Text(std::string Config::*field) {
  return [=](Config* c, std::string_view v) {
    c->*field = std::string(v);
    return std::string();
  };
}

Setter Limit(int64_t Limits::*field) {
  return [=](Config* c, std::string_view v) {
    return SetInt(&(c->limits.*field), v, 1, int64_t{1} << 40);
  };
}

std::string SetAccess(Config* c, std::string_view v) {
  if (v == "open") c->read_access = ReadAccess::kOpen;
  else if (v == "login") c->read_access = ReadAccess::kLogin;
  else return "expected open or login";
  return "";
}

std::string SetLogLevel(Config* c, std::string_view v) {
  static constexpr std::pair<std::string_view, LogLevel> kLevels[] = {
      {"debug", LogLevel::kDebug}, {"info", LogLevel::kInfo},
      {"warn", LogLevel::kWarn}, {"error", LogLevel::kError}};
  for (const auto& [name, level] : kLevels) {
    if (name == v) {
      c->log_level = level;
      return "";
    }
  }
  return "expected debug, info, warn or error";
}

std::string SetWebhookFormat(Config* c, std::string_view v) {
  if (v != "json" && v != "slack" && v != "mattermost") {
    return "expected json, slack or mattermost";
  }
  c->webhook_format = std::string(v);
  return "";
}

std::string SetMetricsEnabled(Config* c, std::string_view v) {
  if (v == "true" || v == "yes" || v == "on") c->metrics_enabled = true;
  else if (v == "false" || v == "no" || v == "off") c->metrics_enabled = false;
  else return "expected true or false";
  return "";
}

// [auth] keys.
Setter AuthInt(int AuthOptions::*field, int min, int max) {
  return [=](Config* c, std::string_view v) {
    int64_t n = 0;
    std::string e = SetInt(&n, v, min, max);
    if (e.empty()) c->auth.*field = static_cast<int>(n);
    return e;
  };
}

Setter AuthDays(int64_t AuthOptions::*field) {
  return [=](Config* c, std::string_view v) {
    int64_t days = 0;
    std::string e = SetInt(&days, v, 1, 3650);
    if (e.empty()) c->auth.*field = days * 86400;
    return e;
  };
}

std::string SetCookieSecure(Config* c, std::string_view v) {
  if (v == "true") c->auth.cookie_secure = true;
  else if (v == "false") c->auth.cookie_secure = false;
  else return "expected true or false";
  return "";
}

std::string SetDouble(double* out, std::string_view v, double min,
                      double max) {
  double d = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || ptr != v.data() + v.size() || !(d >= min) ||
      !(d <= max)) {
    return "expected a number from " + std::to_string(min) + " to " +
           std::to_string(max);
  }
  *out = d;
  return "";
}

template <typename Field>
Setter Nested(Field field, double min, double max) {
  return [=](Config* c, std::string_view v) {
    auto& target = field(c);
    double d = 0;
    std::string e = SetDouble(&d, v, min, max);
    using T = std::remove_reference_t<decltype(target)>;
    if (e.empty() && std::is_integral_v<T> && d != std::floor(d)) {
      e = "expected a whole number";
    }
    if (e.empty()) target = static_cast<T>(d);
    return e;
  };
}

Setter CadenceInt(int CadenceSettings::*field, int min, int max) {
  return [=](Config* c, std::string_view v) {
    int64_t n = 0;
    std::string e = SetInt(&n, v, min, max);
    if (e.empty()) c->cadence.*field = static_cast<int>(n);
    return e;
  };
}

// [lint] rule.ID = off|warning|error; "" when `name` is not such a key.
std::string SetLintRule(Config* c, std::string_view name, std::string_view v) {
  Status s = SetLintLevel(&c->lint, name.substr(5), v);
  return s.ok() ? "" : std::string(s.message());
}

// "HH:MM" -> minutes after midnight, or -1.
int ParseClock(std::string_view v) {
  if (v.size() != 5 || v[2] != ':') return -1;
  int64_t h = 0, m = 0;
  if (!SetInt(&h, v.substr(0, 2), 0, 23).empty() ||
      !SetInt(&m, v.substr(3, 2), 0, 59).empty()) {
    return -1;
  }
  return static_cast<int>(h * 60 + m);
}

// "09:00-17:00": the start before the end, at least an hour apart.
std::string SetWorkingHours(Config* c, std::string_view v) {
  const size_t dash = v.find('-');
  const int from = dash == std::string_view::npos ? -1 : ParseClock(v.substr(0, dash));
  const int to = dash == std::string_view::npos ? -1 : ParseClock(v.substr(dash + 1));
  if (from < 0 || to < 0 || to - from < 60) {
    return "expected HH:MM-HH:MM, at least an hour, e.g. 09:00-17:00";
  }
  c->cadence.day_start_minute = from;
  c->cadence.day_end_minute = to;
  return "";
}

// "2026-12-24, 2026-12-25" (empty: none).
std::string SetHolidays(Config* c, std::string_view v) {
  std::vector<Date> days;
  while (!v.empty()) {
    const size_t comma = v.find(',');
    std::string_view item = v.substr(0, comma);
    v = comma == std::string_view::npos ? "" : v.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    Result<Date> day = ParseIsoDate(item);
    if (!day.ok()) {
      return "expected dates YYYY-MM-DD separated by commas, not \"" +
             std::string(item) + "\"";
    }
    days.push_back(*day);
  }
  c->cadence.holidays = std::move(days);
  return "";
}

std::string SetProxyHeader(Config* c, std::string_view v) {
  for (char ch : v) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
    if (!ok) return "expected a header name such as X-Forwarded-Email";
  }
  c->auth.proxy_header = std::string(v);
  return "";
}

std::string SetTrustedProxies(Config* c, std::string_view v) {
  c->auth.trusted_proxies.clear();
  while (!v.empty()) {
    const size_t end = v.find_first_of(", \t");
    const std::string_view entry = v.substr(0, end);
    v = end == std::string_view::npos ? "" : v.substr(end + 1);
    if (entry.empty()) continue;
    Result<AddressRange> r = ParseAddressRange(entry);
    if (!r.ok()) return r.status().message();
    c->auth.trusted_proxies.emplace_back(entry);
  }
  return "";
}

const std::vector<Key>& Keys() {
  static const std::vector<Key> kKeys = {
      {"server", "listen", Text(&Config::listen)},
      {"server", "threads", Int(&Config::threads, 2, 256)},
      {"server", "request_timeout_ms", Int(&Config::request_timeout_ms, 100, 600'000)},
      {"server", "base_url", Text(&Config::base_url)},
      {"server", "read_access", SetAccess},
      {"database", "path", Text(&Config::database)},
      {"log", "level", SetLogLevel},
      {"plugins", "directory", Text(&Config::plugin_directory)},
      {"events", "scan_seconds", Int(&Config::event_scan_seconds, 1, 86'400)},
      {"webhook", "urls", Text(&Config::webhook_urls)},
      {"webhook", "secret", Text(&Config::webhook_secret)},
      {"webhook", "format", SetWebhookFormat},
      {"webhook", "timeout_ms", Int(&Config::webhook_timeout_ms, 100, 600'000)},
      {"webhook", "retries", Int(&Config::webhook_retries, 0, 10)},
      {"metrics", "enabled", SetMetricsEnabled},
      {"limits", "max_input_bytes", Limit(&Limits::max_input_bytes)},
      {"limits", "max_inflated_bytes", Limit(&Limits::max_inflated_bytes)},
      {"limits", "max_part_inflated_bytes", Limit(&Limits::max_part_inflated_bytes)},
      {"limits", "max_inflate_ratio", Limit(&Limits::max_inflate_ratio)},
      {"limits", "max_zip_entries", Limit(&Limits::max_zip_entries)},
      {"limits", "max_sheets", Limit(&Limits::max_sheets)},
      {"limits", "max_rows", Limit(&Limits::max_rows)},
      {"limits", "max_columns", Limit(&Limits::max_columns)},
      {"limits", "max_cells", Limit(&Limits::max_cells)},
      {"limits", "max_cell_bytes", Limit(&Limits::max_cell_bytes)},
      {"limits", "max_shared_strings", Limit(&Limits::max_shared_strings)},
      {"limits", "max_xml_depth", Limit(&Limits::max_xml_depth)},
      {"limits", "deadline_ms", Limit(&Limits::deadline_ms)},
      {"limits", "max_request_body_bytes", Limit(&Limits::max_request_body_bytes)},
      {"limits", "max_form_body_bytes", Limit(&Limits::max_form_body_bytes)},
      {"lint", "min_objectives_per_unit", Nested([](Config* c) -> int& { return c->lint.min_objectives_per_unit; }, 0, 100)},
      {"lint", "max_objectives_per_unit", Nested([](Config* c) -> int& { return c->lint.max_objectives_per_unit; }, 0, 100)},
      {"lint", "hard_max_objectives_per_unit", Nested([](Config* c) -> int& { return c->lint.hard_max_objectives_per_unit; }, 0, 100)},
      {"lint", "max_objectives_per_person", Nested([](Config* c) -> int& { return c->lint.max_objectives_per_person; }, 0, 100)},
      {"lint", "min_krs_per_objective", Nested([](Config* c) -> int& { return c->lint.min_krs_per_objective; }, 0, 100)},
      {"lint", "max_krs_per_objective", Nested([](Config* c) -> int& { return c->lint.max_krs_per_objective; }, 0, 100)},
      {"analytics", "low_confidence", Nested([](Config* c) -> double& { return c->risk.low_confidence; }, 0, 1)},
      {"analytics", "confidence_drop", Nested([](Config* c) -> double& { return c->risk.confidence_drop; }, 0, 1)},
      {"analytics", "behind_margin", Nested([](Config* c) -> double& { return c->risk.behind_margin; }, 0, 1)},
      {"analytics", "stale_after_days", Nested([](Config* c) -> int& { return c->risk.stale_after_days; }, 1, 365)},
      {"analytics", "objective_share", Nested([](Config* c) -> double& { return c->risk.objective_share; }, 0, 1)},
      {"cadence", "one_on_one_minutes",
       CadenceInt(&CadenceSettings::one_on_one_minutes, 5, 240)},
      {"cadence", "one_on_one_interval_weeks",
       CadenceInt(&CadenceSettings::one_on_one_interval_weeks, 1, 8)},
      {"cadence", "review_minutes", CadenceInt(&CadenceSettings::review_minutes, 5, 480)},
      {"cadence", "review_interval_weeks",
       CadenceInt(&CadenceSettings::review_interval_weeks, 1, 8)},
      {"cadence", "working_hours", SetWorkingHours},
      {"cadence", "holidays", SetHolidays},
      {"auth", "cookie_secure", SetCookieSecure},
      {"auth", "session_idle_days", AuthDays(&AuthOptions::session_idle_seconds)},
      {"auth", "session_max_days", AuthDays(&AuthOptions::session_max_seconds)},
      {"auth", "proxy_header", SetProxyHeader},
      {"auth", "trusted_proxies", SetTrustedProxies},
      {"auth", "login_failures_per_address", AuthInt(&AuthOptions::login_failures_per_address, 1, 100000)},
      {"auth", "login_failures_per_account", AuthInt(&AuthOptions::login_failures_per_account, 1, 100000)},
      {"auth", "login_failure_delay_ms", AuthInt(&AuthOptions::login_failure_delay_ms, 0, 10000)},
      {"auth", "max_concurrent_hashes", AuthInt(&AuthOptions::max_concurrent_hashes, 1, 64)},
  };
  return kKeys;
}

std::string_view Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

bool KnownSection(std::string_view section) {
  for (const Key& k : Keys()) {
    if (k.section == section) return true;
  }
  return false;
}

const Key* FindKey(std::string_view section, std::string_view name) {
  for (const Key& k : Keys()) {
    if (k.section == section && k.name == name) return &k;
  }
  return nullptr;
}

// Applies one line; returns "" or the problem.
std::string ApplyLine(std::string_view line, std::string* section, Config* c) {
  if (line.empty() || line[0] == '#' || line[0] == ';') return "";
  if (line.front() == '[') {
    if (line.back() != ']') return "a section header ends with ]";
    *section = std::string(Trim(line.substr(1, line.size() - 2)));
    return KnownSection(*section) ? "" : "unknown section [" + *section + "]";
  }
  const size_t eq = line.find('=');
  if (eq == std::string_view::npos) return "expected key = value";
  const std::string_view name = Trim(line.substr(0, eq));
  const std::string_view value = Trim(line.substr(eq + 1));
  if (section->empty()) return "key \"" + std::string(name) + "\" before any [section]";
  if (*section == "lint" && name.substr(0, 5) == "rule.") {
    const std::string problem = SetLintRule(c, name, value);
    return problem.empty() ? "" : std::string(name) + ": " + problem;
  }
  const Key* key = FindKey(*section, name);
  if (key == nullptr) {
    return "unknown key \"" + std::string(name) + "\" in [" + *section + "]";
  }
  const std::string problem = key->set(c, value);
  return problem.empty() ? "" : std::string(name) + ": " + problem;
}

}  // namespace

Result<Config> ParseConfig(std::string_view text, const std::string& file_name) {
  Config config;
  std::string section;
  std::vector<std::string> errors;
  int line_number = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const std::string_view line = Trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? "" : text.substr(nl + 1);
    ++line_number;
    const std::string problem = ApplyLine(line, &section, &config);
    if (!problem.empty()) {
      errors.push_back(file_name + ":" + std::to_string(line_number) + ": " + problem);
    }
  }
  if (errors.empty()) return config;
  std::string all;
  for (const std::string& e : errors) all += (all.empty() ? "" : "\n") + e;
  return InvalidArgument(all);
}

Result<Config> LoadConfig(const std::string& path) {
  OKR_ASSIGN_OR_RETURN(std::string text,
                       ReadWholeFile(path, 1 << 20, "1 MiB for a config"));
  return ParseConfig(text, path);
}

}  // namespace okr
