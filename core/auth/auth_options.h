// Copyright 2026 The okrd Authors.
//
// AuthOptions: the [auth] section of okrd.conf as plain data (config.h
// parses it, Auth uses it). Thread-compatible.

#ifndef OKR_CORE_AUTH_AUTH_OPTIONS_H_
#define OKR_CORE_AUTH_AUTH_OPTIONS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace okr {

struct AuthOptions {
  // Every page and API GET needs an identity (read_access = login).
  bool login_to_read = false;
  // Always mark the session cookie Secure (it is also marked Secure when a
  // trusted proxy says X-Forwarded-Proto: https).
  bool cookie_secure = false;
  // A session ends after this long without a request, and this long after
  // login whatever happens.
  int64_t session_idle_seconds = 14 * 86400;
  int64_t session_max_seconds = 30 * 86400;
  // Single sign-on: the header a reverse proxy sets to the signed-in user's
  // e-mail (e.g. X-Forwarded-Email); "" disables it. Honoured only from a
  // peer address in trusted_proxies (IPs or CIDRs, e.g. "10.0.0.0/8").
  std::string proxy_header;
  std::vector<std::string> trusted_proxies;
  // Login throttling: failed attempts allowed per client address and per
  // account within the window before the answer is 429; every failure is
  // answered only after failure_delay_ms.
  int login_failures_per_address = 20;
  int login_failures_per_account = 5;
  int64_t login_window_seconds = 900;
  int login_failure_delay_ms = 1000;
  // Argon2id hashes computed at once (each takes 64 MiB).
  int max_concurrent_hashes = 2;
  // The public URL ("https://okr.example.org"); when set, Origin must equal
  // its origin. When empty, Origin must match the request's Host.
  std::string base_url;
};

}  // namespace okr

#endif  // OKR_CORE_AUTH_AUTH_OPTIONS_H_
