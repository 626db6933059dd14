// Copyright 2026 The okrd Authors.

#include "core/auth/auth.h"

#include <utility>

#include "core/auth/accounts.h"
#include "core/auth/auth_internal.h"
#include "core/base/secret.h"
#include "core/base/ascii.h"
#include "core/base/log.h"
#include "core/web/text.h"

namespace okr {
namespace {

// A session's last_seen_at is written at most this often.
constexpr int64_t kTouchEverySeconds = 60;
constexpr std::string_view kSessionCsrfKey = "okrd-csrf-session-v1";

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "https://host:8080/path" -> "https://host:8080"; "" when not http(s).
std::string OriginOf(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (!url.starts_with(scheme)) continue;
    const size_t end = url.find_first_of("/?#", scheme.size());
    std::string origin(url.substr(0, end));
    if (origin.size() == scheme.size()) return "";
    for (char& c : origin) c = AsciiToLower(c);
    return origin;
  }
  return "";
}

bool IsPublicPath(std::string_view path) {
  for (std::string_view p : {"/healthz", "/login", "/logout"}) {
    if (path == p) return true;
  }
  for (std::string_view p : {"/static/", "/feeds/"}) {
    if (path.starts_with(p)) return true;
  }
  return false;
}

HttpResponse Unauthorized(bool json) {
  HttpResponse r = json ? JsonResponse(401,
                                       "{\"error\":\"sign in first, or send "
                                       "Authorization: Bearer TOKEN\"}")
                        : TextResponse(401, "sign in first\n");
  r.headers.Set("WWW-Authenticate", "Bearer realm=\"okrd\"");
  r.headers.Set("Cache-Control", "no-store");
  return r;
}

}  // namespace

// A path safe to put in a Location header after login: starts with one
// '/', then only unreserved and a few reserved URL bytes.
bool IsSafeRedirectPath(std::string_view next) {
  if (next.empty() || next[0] != '/' || next.starts_with("//")) return false;
  for (char c : next) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') ||
                    std::string_view("/-._~%@?=&+").find(c) !=
                        std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

std::optional<std::string_view> FindCookie(std::string_view header,
                                           std::string_view name) {
  std::optional<std::string_view> found;
  while (!header.empty()) {
    const size_t semi = header.find(';');
    const std::string_view pair = TrimSpaces(header.substr(0, semi));
    header = semi == std::string_view::npos ? "" : header.substr(semi + 1);
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos || TrimSpaces(pair.substr(0, eq)) != name) {
      continue;
    }
    if (found) return std::nullopt;  // Twice: trust neither.
    std::string_view value = TrimSpaces(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    found = value;
  }
  return found;
}

Status ValidateAuthOptions(const AuthOptions& o) {
  OKR_RETURN_IF_ERROR(ParseAddressRanges(o.trusted_proxies).status());
  if (!o.proxy_header.empty() && o.trusted_proxies.empty()) {
    return InvalidArgument("proxy_header is set but trusted_proxies is empty");
  }
  if (o.session_idle_seconds <= 0 || o.session_max_seconds <= 0) {
    return InvalidArgument("session lifetimes must be positive");
  }
  if (!o.base_url.empty() && OriginOf(o.base_url).empty()) {
    return InvalidArgument("base_url must start with https:// or http://");
  }
  return Status::Ok();
}

Auth::Auth(Store* store, const Clock* clock, AuthOptions options)
    : clock_(clock),
      options_(std::move(options)),
      store_(store),
      hasher_(options_.max_concurrent_hashes),
      proxy_csrf_key_(NewSecret()),
      by_address_(options_.login_failures_per_address,
                  options_.login_window_seconds),
      by_account_(options_.login_failures_per_account,
                  options_.login_window_seconds) {
  for (const std::string& entry : options_.trusted_proxies) {
    Result<AddressRange> r = ParseAddressRange(entry);
    if (r.ok()) {
      proxies_.push_back(*r);
    } else {
      LogError(r.status().ToString());
    }
  }
  WarnIfNobodyCanRead();
}

void Auth::WarnIfNobodyCanRead() const {
  if (!options_.login_to_read || !options_.proxy_header.empty()) return;
  Result<std::vector<UserRecord>> users = store_.ListUsers();
  if (users.ok() && users->empty()) {
    LogWarn("read_access = login, but there is no account yet: nobody can "
            "read the status page; add one with `okrd user add EMAIL`");
  }
}

Auth::~Auth() = default;

bool Auth::FromTrustedProxy(const HttpRequest& request) const {
  return AddressInRanges(request.remote_address, proxies_);
}

bool Auth::IsSecure(const HttpRequest& request) const {
  if (options_.cookie_secure) return true;
  if (!FromTrustedProxy(request)) return false;
  const auto proto = request.header("X-Forwarded-Proto");
  return proto && EqualsIgnoreCase(TrimSpaces(*proto), "https");
}

std::string Auth::ExpectedOrigin(const HttpRequest& request) const {
  if (!options_.base_url.empty()) return OriginOf(options_.base_url);
  // Behind a trusted proxy the browser's host is X-Forwarded-Host (nginx
  // and others rewrite Host to the upstream's).
  std::optional<std::string_view> forwarded;
  if (FromTrustedProxy(request)) forwarded = request.header("X-Forwarded-Host");
  const std::string_view host =
      TrimSpaces(forwarded ? *forwarded : request.header("Host").value_or(""));
  if (host.empty()) return "";
  return OriginOf(std::string(IsSecure(request) ? "https://" : "http://") +
                  std::string(host));
}

Status Auth::CheckOrigin(const HttpRequest& request) const {
  const std::string expected = ExpectedOrigin(request);
  if (expected.empty()) return PermissionDenied("the request has no Host");
  if (auto site = request.header("Sec-Fetch-Site");
      site && TrimSpaces(*site) != "same-origin" && TrimSpaces(*site) != "none") {
    return PermissionDenied("not a same-origin request (Sec-Fetch-Site)");
  }
  const auto fetch_site = request.header("Sec-Fetch-Site");
  if (auto origin = request.header("Origin")) {
    // Chromium sends "Origin: null" for a form posted from a page with
    // Referrer-Policy: no-referrer; Sec-Fetch-Site, which page scripts
    // cannot set, then still says whether it was our own page.
    if (TrimSpaces(*origin) == "null" && fetch_site &&
        TrimSpaces(*fetch_site) == "same-origin") {
      return Status::Ok();
    }
    if (OriginOf(TrimSpaces(*origin)) != expected) {
      return PermissionDenied("cross-origin request (Origin)");
    }
    return Status::Ok();
  }
  if (auto referer = request.header("Referer")) {
    if (OriginOf(TrimSpaces(*referer)) != expected) {
      return PermissionDenied("cross-origin request (Referer)");
    }
    return Status::Ok();
  }
  return PermissionDenied("the request has neither Origin nor Referer");
}

std::optional<Identity> Auth::FromBearer(std::string_view header) const {
  header = TrimSpaces(header);
  if (!StartsWithIgnoreCase(header, "Bearer ")) {
    return std::nullopt;
  }
  const std::string_view token = TrimSpaces(header.substr(7));
  if (!IsWellFormedSecret(token, kApiTokenPrefix)) return std::nullopt;
  const std::string hash = HashSecret(token);
  auto found = store_.FindActiveApiToken(hash);
  if (!found.ok()) {
    LogError("auth: " + found.status().ToString());
    return std::nullopt;
  }
  if (!*found || !ConstantTimeEquals((*found)->token_hash, hash)) {
    return std::nullopt;
  }
  const ApiTokenRecord& t = **found;
  const UnixSeconds now = clock_->Now();
  if (!t.last_used_at || now - *t.last_used_at >= kTouchEverySeconds) {
    (void)store_.TouchApiToken(t.id, now);  // Best effort.
  }
  return Identity{.user_id = t.user_id, .email = t.email, .admin = t.admin,
                  .via = Identity::Via::kToken};
}

std::optional<Identity> Auth::FromProxy(const HttpRequest& request) const {
  // A proxy that appends instead of replacing would pass the client's own
  // value along with its own: two values mean neither is trusted.
  std::optional<std::string_view> value;
  for (const HttpHeader& h : request.headers.fields()) {
    if (!EqualsIgnoreCase(h.name, options_.proxy_header)) continue;
    if (value) return std::nullopt;
    value = h.value;
  }
  if (!value) return std::nullopt;
  Result<std::string> email = NormaliseEmail(*value);
  if (!email.ok()) return std::nullopt;
  Identity who{.email = *email, .via = Identity::Via::kProxy};
  auto user = store_.FindUser(*email);
  if (user.ok() && *user) {
    who.user_id = (*user)->id;
    who.admin = (*user)->admin;
  }
  return who;
}

std::optional<Auth::SessionLookup> Auth::FindSession(
    const HttpRequest& request) const {
  std::optional<std::string_view> cookie;
  int cookie_headers = 0;
  for (const HttpHeader& h : request.headers.fields()) {
    if (!EqualsIgnoreCase(h.name, "Cookie")) continue;
    if (++cookie_headers > 1) return std::nullopt;
    cookie = FindCookie(h.value, kSessionCookie);
  }
  if (!cookie || !IsWellFormedSecret(*cookie)) return std::nullopt;
  const std::string hash = HashSecret(*cookie);
  auto found = store_.FindSession(hash);
  if (!found.ok()) {
    LogError("auth: " + found.status().ToString());
    return std::nullopt;
  }
  if (!*found || !ConstantTimeEquals((*found)->id_hash, hash)) {
    return std::nullopt;
  }
  const SessionRecord& s = **found;
  const UnixSeconds now = clock_->Now();
  if (now - s.last_seen_at >= options_.session_idle_seconds ||
      now - s.created_at >= options_.session_max_seconds) {
    (void)store_.DeleteSession(hash);
    return std::nullopt;
  }
  if (now - s.last_seen_at >= kTouchEverySeconds) {
    (void)store_.TouchSession(hash, now);  // Best effort.
  }
  return SessionLookup{std::string(*cookie), s};
}

std::optional<Identity> Auth::Identify(const HttpRequest& request) const {
  if (auto authorization = request.header("Authorization")) {
    return FromBearer(*authorization);
  }
  if (!options_.proxy_header.empty() && FromTrustedProxy(request) &&
      request.header(options_.proxy_header)) {
    return FromProxy(request);
  }
  auto session = FindSession(request);
  if (!session) return std::nullopt;
  const UserRecord& u = session->record.user;
  return Identity{.user_id = u.id, .email = u.email, .admin = u.admin,
                  .via = Identity::Via::kSession};
}

std::string Auth::CsrfToken(const HttpRequest& request) const {
  if (request.header("Authorization")) return "";
  if (!options_.proxy_header.empty() && FromTrustedProxy(request) &&
      request.header(options_.proxy_header)) {
    auto who = FromProxy(request);
    return who ? KeyedHash(proxy_csrf_key_, "proxy\n" + who->email) : "";
  }
  auto session = FindSession(request);
  return session ? KeyedHash(kSessionCsrfKey, session->id) : "";
}

Status Auth::CheckWrite(const HttpRequest& request, const Identity& who,
                        std::string_view csrf_field) const {
  if (who.via == Identity::Via::kToken || who.via == Identity::Via::kCli) {
    return Status::Ok();
  }
  OKR_RETURN_IF_ERROR(CheckOrigin(request));
  if (csrf_field.empty()) {
    if (auto header = request.header("X-CSRF-Token")) csrf_field = *header;
  }
  if (csrf_field.empty()) return PermissionDenied("missing CSRF token");
  const std::string expected = CsrfToken(request);
  if (expected.empty() || !ConstantTimeEquals(expected, csrf_field)) {
    return PermissionDenied("wrong CSRF token (reload the page)");
  }
  return Status::Ok();
}

std::optional<HttpResponse> Auth::CheckRead(const HttpRequest& request) const {
  if (!options_.login_to_read || IsPublicPath(request.path)) return std::nullopt;
  if (Identify(request)) return std::nullopt;
  if (request.path.starts_with("/api/")) return Unauthorized(true);
  if (request.method != "GET" && request.method != "HEAD") {
    return Unauthorized(false);
  }
  std::string location = "/login";
  if (request.path != "/" && IsSafeRedirectPath(request.path)) {
    location += "?next=" + web::EncodeQueryValue(request.path);
  }
  HttpResponse r = TextResponse(303, "sign in at /login\n");
  r.headers.Set("Location", location);
  r.headers.Set("Cache-Control", "no-store");
  return r;
}

}  // namespace okr
