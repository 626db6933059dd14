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

#include "core/auth/auth_options.h"
#include "core/base/limits.h"
#include "core/base/log.h"
#include "core/base/result.h"

namespace okr {

enum class ReadAccess { kOpen, kLogin };

struct Config {
  // [server]
  std::string listen = "127.0.0.1:8080";
  int threads = 16;
  int request_timeout_ms = 10'000;
  std::string base_url;  // Public URL for links in feeds ("" = derive).
  ReadAccess read_access = ReadAccess::kOpen;
  // [database]
  std::string database = "okrd.db";
  // [log]
  LogLevel log_level = LogLevel::kInfo;
  // [plugins]
  std::string plugin_directory;
  // [limits]
  Limits limits;
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
