// Copyright 2026 The okrd Authors.
//
// Auth: who sent a request, and whether they may change something.
//
// Identities come from, in this order:
//   1. `Authorization: Bearer okrd_...`: an API token (accounts.h), looked
//      up by its BLAKE2b hash and compared in constant time; revoked tokens
//      and tokens of removed users are refused.
//   2. The [auth] proxy_header (e.g. X-Forwarded-Email), only when the peer
//      address is in [auth] trusted_proxies; from any other peer the header
//      is ignored. The e-mail need not have an account (user_id 0). The
//      header given twice (a proxy appending, not replacing) is refused.
//   3. The `okrd_session` cookie: 256 random bits issued at login, stored
//      hashed, refused after session_idle_seconds without use or
//      session_max_seconds after login (the row is then deleted). A request
//      carrying two okrd_session cookies is anonymous (cookie tossing).
// A request carrying credentials that do not check out is anonymous; it
// does not fall through to the next source.
//
// CSRF: sessions get a synchronizer token derived from the session id
// (keyed BLAKE2b, never stored); proxy users get one derived from a
// per-process random key and their e-mail. Bearer callers need none.
//
// Logins (/login, /logout; login.cc) are throttled per client address and
// per account: each failure is answered after login_failure_delay_ms, and
// after the configured number of failures in the window the answer is 429
// with Retry-After, without checking the password. A successful login
// always issues a new session id (a cookie sent before login is never
// honoured afterwards) and deletes the session the browser presented.
//
// Ownership: `store` and `clock` must outlive the Auth and every route it
// registered. Threads: all methods are thread-safe.

#ifndef OKR_CORE_AUTH_AUTH_H_
#define OKR_CORE_AUTH_AUTH_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/address.h"
#include "core/auth/auth_options.h"
#include "core/auth/password.h"
#include "core/auth/rate_limiter.h"
#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/server/http.h"
#include "core/server/router.h"
#include "core/store/auth_store.h"
#include "core/store/store.h"

namespace okr {

struct Identity {
  enum class Via { kSession, kToken, kProxy, kCli };
  int64_t user_id = 0;  // 0 only for kProxy users without an account row, and kCli
  std::string email;    // lower-case; people in the organisation are keyed by email
  bool admin = false;
  Via via = Via::kSession;
};

inline constexpr std::string_view kSessionCookie = "okrd_session";
// The form field (or X-CSRF-Token header, for scripts using a session) that
// carries the CSRF token.
inline constexpr std::string_view kCsrfField = "csrf_token";

class Auth {  // thread-safe; store must outlive it
 public:
  // Entries of options.trusted_proxies that do not parse are dropped with a
  // logged error; use ValidateAuthOptions first. Warns (log) when
  // login_to_read is set but there is neither an account nor a proxy.
  Auth(Store* store, const Clock* clock, AuthOptions options);
  ~Auth();
  Auth(const Auth&) = delete;
  Auth& operator=(const Auth&) = delete;

  // Who sent `request`: a valid session cookie, `Authorization: Bearer
  // <token>`, or the trusted proxy header from a configured proxy address.
  // nullopt = anonymous (also when the store fails; logged).
  std::optional<Identity> Identify(const HttpRequest& request) const;

  // The CSRF token to embed in forms rendered for this request's session
  // ("" when it has none).
  std::string CsrfToken(const HttpRequest& request) const;

  // OK when a state-changing request may proceed: bearer-token callers
  // always (no ambient credentials); session/proxy callers only with Origin
  // (or, without Origin, Referer) same-origin AND `csrf_field` equal to the
  // session's token (constant-time). An empty `csrf_field` falls back to
  // the X-CSRF-Token header (scripts using a session). A Sec-Fetch-Site:
  // cross-site request is refused too. PermissionDenied naming the reason
  // otherwise. kCli identities always pass.
  Status CheckWrite(const HttpRequest& request, const Identity& who,
                    std::string_view csrf_field) const;

  // read_access = login: nullopt when `request` may be served, else the
  // answer: 303 to /login?next=... for page GETs, 401 JSON for /api/, 401
  // text otherwise. /healthz, /static/, /login, /logout and /feeds/ (their
  // own token) are always open. With login_to_read off: always nullopt.
  std::optional<HttpResponse> CheckRead(const HttpRequest& request) const;

  // Registers /login (GET form, POST), /logout (POST) on *router.
  void AddRoutes(Router* router);

  // The origin writes must come from: base_url's, else the request's Host
  // (X-Forwarded-Host from a trusted proxy) with the request's scheme.
  std::string ExpectedOrigin(const HttpRequest& request) const;
  // True when the request came over https: always with cookie_secure, else
  // when a trusted proxy says X-Forwarded-Proto: https.
  bool IsSecure(const HttpRequest& request) const;
  const AuthOptions& options() const { return options_; }
  const PasswordHasher& hasher() const { return hasher_; }

 private:
  friend class LoginHandler;  // login.cc

  struct SessionLookup {
    std::string id;  // The cookie value.
    SessionRecord record;
  };
  std::optional<Identity> FromBearer(std::string_view header) const;
  std::optional<Identity> FromProxy(const HttpRequest& request) const;
  std::optional<SessionLookup> FindSession(const HttpRequest& request) const;
  bool FromTrustedProxy(const HttpRequest& request) const;
  // Logs a warning when read_access = login and no one could sign in.
  void WarnIfNobodyCanRead() const;
  Status CheckOrigin(const HttpRequest& request) const;

  const Clock* const clock_;
  const AuthOptions options_;
  mutable AuthStore store_;
  PasswordHasher hasher_;
  std::vector<AddressRange> proxies_;
  std::string proxy_csrf_key_;  // Random per process.
  mutable LoginRateLimiter by_address_;
  mutable LoginRateLimiter by_account_;
};

// InvalidArgument naming the first bad [auth] value.
Status ValidateAuthOptions(const AuthOptions& options);

// The value of cookie `name` in a Cookie header; nullopt when absent, and
// also when it occurs more than once.
std::optional<std::string_view> FindCookie(std::string_view header,
                                           std::string_view name);

}  // namespace okr

#endif  // OKR_CORE_AUTH_AUTH_H_
