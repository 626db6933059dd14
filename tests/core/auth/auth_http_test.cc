// Copyright 2026 The okrd Authors.
//
// The access rules over real loopback sockets, a real Store file and the
// real CivetWeb server: bearer tokens, sessions, CSRF, fixation, login
// throttling, proxy SSO, read_access = login and cookie attributes.

#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/auth/auth.h"
#include "core/base/secret.h"
#include "tests/core/auth/auth_server.h"

namespace okr::testing {
namespace {

HttpHeaders Cookie(const std::string& session) {
  return {{"Cookie", "okrd_session=" + session}};
}

HttpHeaders WriteHeaders(const std::string& session, const std::string& origin) {
  return {{"Cookie", "okrd_session=" + session},
          {"Origin", origin},
          {"Content-Type", "application/x-www-form-urlencoded"}};
}

HttpHeaders Bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

std::string Csrf(int port, const std::string& session) {
  HttpClient client(port);
  return Send(&client, "GET", "/test/csrf", Cookie(session)).body;
}

TEST_CASE("bearer tokens: none, wrong, other user's, revoked", "[auth][http]") {
  AuthServer server(TestAuthOptions());
  auto ann = server.accounts()->CreateApiToken("ann@example.org", "ci");
  auto bob = server.accounts()->CreateApiToken("bob@example.org", "");
  REQUIRE(ann.ok());
  REQUIRE(bob.ok());
  CHECK(ann->token.rfind("okrd_", 0) == 0);
  CHECK(ann->token.size() == 5 + 43);  // 256 bits.
  HttpClient client(server.port());

  CHECK(Send(&client, "POST", "/test/write").status == 401);
  CHECK(Send(&client, "POST", "/test/write", Bearer(NewSecret("okrd_"))).status == 401);
  CHECK(Send(&client, "POST", "/test/write", Bearer("okrd_short")).status == 401);
  // One character changed.
  std::string altered = ann->token;
  altered.back() = altered.back() == 'A' ? 'B' : 'A';
  CHECK(Send(&client, "POST", "/test/write", Bearer(altered)).status == 401);
  // Not Bearer.
  CHECK(Send(&client, "POST", "/test/write",
             {{"Authorization", "Basic " + ann->token}}).status == 401);

  ClientResponse as_ann = Send(&client, "POST", "/test/write", Bearer(ann->token));
  CHECK(as_ann.status == 200);
  CHECK(as_ann.body == "ann@example.org admin\n");
  // Bob's token is Bob, not Ann: no admin.
  ClientResponse as_bob = Send(&client, "POST", "/test/write", Bearer(bob->token));
  CHECK(as_bob.status == 200);
  CHECK(as_bob.body == "bob@example.org\n");

  REQUIRE(server.accounts()->RevokeApiToken(ann->id).ok());
  CHECK(Send(&client, "POST", "/test/write", Bearer(ann->token)).status == 401);
  CHECK(Send(&client, "POST", "/test/write", Bearer(bob->token)).status == 200);
  // Removing a user kills their tokens.
  REQUIRE(server.accounts()->RemoveUser("bob@example.org").ok());
  CHECK(Send(&client, "POST", "/test/write", Bearer(bob->token)).status == 401);
}

TEST_CASE("tokens are stored only as hashes", "[auth][http]") {
  AuthServer server(TestAuthOptions());
  auto t = server.accounts()->CreateApiToken("ann@example.org", "x");
  REQUIRE(t.ok());
  auto tokens = server.accounts()->ListApiTokens();
  REQUIRE(tokens.ok());
  REQUIRE(tokens->size() == 1);
  CHECK((*tokens)[0].token_hash == HashSecret(t->token));
  CHECK((*tokens)[0].token_hash.find(t->token.substr(5, 10)) == std::string::npos);
}

TEST_CASE("login sets a fresh HttpOnly SameSite=Lax cookie", "[auth][http]") {
  AuthServer server(TestAuthOptions());
  HttpClient client(server.port());
  ClientResponse r = Send(
      &client, "POST", "/login",
      {{"Content-Type", "application/x-www-form-urlencoded"},
       {"Origin", server.origin()}},
      "email=Ann%40Example.org&password=ann%27s+long+password&next=%2Fhealth");
  REQUIRE(r.status == 303);
  CHECK(r.headers.Get("Location") == "/health");
  const std::string cookie(r.headers.Get("Set-Cookie").value_or(""));
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Lax") != std::string::npos);
  CHECK(cookie.find("Path=/") != std::string::npos);
  CHECK(cookie.find("Secure") == std::string::npos);  // Plain http, not configured.
  const std::string session = SetCookieValue(r, "okrd_session");
  CHECK(IsWellFormedSecret(session));
  ClientResponse write = Send(&client, "POST", "/test/write",
                              WriteHeaders(session, server.origin()),
                              "csrf_token=" + Csrf(server.port(), session));
  CHECK(write.status == 200);
  CHECK(write.body == "ann@example.org admin\n");

  SECTION("the form page lets the browser send a real Origin") {
    ClientResponse form = Send(&client, "GET", "/login");
    CHECK(form.status == 200);
    CHECK(form.headers.Get("Referrer-Policy") == "same-origin");
    CHECK(form.headers.Get("Cache-Control") == "no-store");
    CHECK(form.body.find("rel=\"icon\"") != std::string::npos);
  }
  SECTION("an open redirect is refused") {
    ClientResponse evil = Send(
        &client, "POST", "/login",
        {{"Content-Type", "application/x-www-form-urlencoded"}},
        "email=ann%40example.org&password=ann%27s+long+password&next=%2F%2Fevil.example");
    CHECK(evil.headers.Get("Location") == "/");
  }
}

// The Set-Cookie of a successful login by Ann to a server with `o`.
std::string LoginSetCookie(const AuthOptions& o, const HttpHeaders& headers) {
  AuthServer server(o);
  HttpClient client(server.port());
  ClientResponse r = Send(&client, "POST", "/login", headers,
                          "email=ann%40example.org&password=ann%27s+long+password");
  REQUIRE(r.status == 303);
  return std::string(r.headers.Get("Set-Cookie").value_or(""));
}

TEST_CASE("Secure is added when configured or behind a trusted https proxy",
          "[auth][http]") {
  const HttpHeaders https = {{"X-Forwarded-Proto", "https"}};
  AuthOptions configured = TestAuthOptions();
  configured.cookie_secure = true;
  CHECK(LoginSetCookie(configured, {}).find("; Secure") != std::string::npos);
  AuthOptions trusted = TestAuthOptions();
  trusted.trusted_proxies = {"127.0.0.0/8"};
  CHECK(LoginSetCookie(trusted, https).find("; Secure") != std::string::npos);
  CHECK(LoginSetCookie(trusted, {}).find("Secure") == std::string::npos);
  AuthOptions untrusted = TestAuthOptions();
  untrusted.trusted_proxies = {"10.0.0.0/8"};
  CHECK(LoginSetCookie(untrusted, https).find("Secure") == std::string::npos);
}

TEST_CASE("CSRF: missing, wrong, other session's, cross-origin", "[auth][http]") {
  AuthServer server(TestAuthOptions());
  const std::string ann = LogIn(server.port(), "ann%40example.org", kAnnPassword);
  const std::string bob = LogIn(server.port(), "bob%40example.org", kBobPassword);
  REQUIRE(!ann.empty());
  REQUIRE(!bob.empty());
  const std::string ann_csrf = Csrf(server.port(), ann);
  const std::string bob_csrf = Csrf(server.port(), bob);
  REQUIRE(ann_csrf.size() == 64);
  CHECK(ann_csrf != bob_csrf);
  HttpClient client(server.port());
  const auto post = [&](HttpHeaders h, const std::string& body) {
    ClientResponse r = Send(&client, "POST", "/test/write", h, body);
    return std::make_pair(r.status, r.body);
  };
  CHECK(post(WriteHeaders(ann, server.origin()), "").first == 403);
  CHECK(post(WriteHeaders(ann, server.origin()), "csrf_token=").first == 403);
  CHECK(post(WriteHeaders(ann, server.origin()), "csrf_token=" + std::string(64, 'a')).first == 403);
  CHECK(post(WriteHeaders(ann, server.origin()), "csrf_token=" + bob_csrf).first == 403);
  auto cross = post(WriteHeaders(ann, "http://evil.example"), "csrf_token=" + ann_csrf);
  CHECK(cross.first == 403);
  CHECK(cross.second.find("Origin") != std::string::npos);
  CHECK(post(WriteHeaders(ann, "null"), "csrf_token=" + ann_csrf).first == 403);
  // No Origin: Referer decides.
  HttpHeaders referer = {{"Cookie", "okrd_session=" + ann},
                         {"Referer", "http://evil.example/x"}};
  CHECK(post(referer, "csrf_token=" + ann_csrf).first == 403);
  HttpHeaders good_referer = {{"Cookie", "okrd_session=" + ann},
                              {"Referer", server.origin() + "/people/x"}};
  CHECK(post(good_referer, "csrf_token=" + ann_csrf).first == 200);
  // Neither Origin nor Referer.
  CHECK(post(Cookie(ann), "csrf_token=" + ann_csrf).first == 403);
  // Sec-Fetch-Site: cross-site.
  HttpHeaders fetch = WriteHeaders(ann, server.origin());
  fetch.Add("Sec-Fetch-Site", "cross-site");
  CHECK(post(fetch, "csrf_token=" + ann_csrf).first == 403);
  // Origin: null (Chromium, no-referrer page) passes only when the browser
  // says the post came from our own page.
  HttpHeaders null_origin = WriteHeaders(ann, "null");
  null_origin.Add("Sec-Fetch-Site", "same-origin");
  CHECK(post(null_origin, "csrf_token=" + ann_csrf).first == 200);
  null_origin.Set("Sec-Fetch-Site", "same-site");  // A sibling subdomain.
  CHECK(post(null_origin, "csrf_token=" + ann_csrf).first == 403);
  // All good, by form field and by header.
  CHECK(post(WriteHeaders(ann, server.origin()), "csrf_token=" + ann_csrf) ==
        std::make_pair(200, std::string("ann@example.org admin\n")));
  HttpHeaders header = WriteHeaders(bob, server.origin());
  header.Add("X-CSRF-Token", bob_csrf);
  CHECK(post(header, "").first == 200);
}

TEST_CASE("session fixation: a cookie from before login is never honoured",
          "[auth][http]") {
  AuthServer server(TestAuthOptions());
  // An attacker plants a well-formed id of their choosing.
  const std::string planted = NewSecret();
  const std::string after = LogIn(server.port(), "ann%40example.org", kAnnPassword, planted);
  REQUIRE(!after.empty());
  CHECK(after != planted);
  CHECK(Csrf(server.port(), planted).empty());
  // Logging in with a live session rotates it: the old id dies.
  const std::string again = LogIn(server.port(), "ann%40example.org", kAnnPassword, after);
  REQUIRE(!again.empty());
  CHECK(again != after);
  CHECK(Csrf(server.port(), after).empty());
  CHECK(!Csrf(server.port(), again).empty());
}

TEST_CASE("logout deletes the session", "[auth][http]") {
  AuthServer server(TestAuthOptions());
  const std::string s = LogIn(server.port(), "ann%40example.org", kAnnPassword);
  REQUIRE(!s.empty());
  HttpClient client(server.port());
  // Without the CSRF token: refused, session alive.
  CHECK(Send(&client, "POST", "/logout", WriteHeaders(s, server.origin()), "").status == 403);
  CHECK(!Csrf(server.port(), s).empty());
  ClientResponse out = Send(&client, "POST", "/logout", WriteHeaders(s, server.origin()),
                            "csrf_token=" + Csrf(server.port(), s));
  CHECK(out.status == 303);
  CHECK(std::string(out.headers.Get("Set-Cookie").value_or("")).find("Max-Age=0") !=
        std::string::npos);
  CHECK(Csrf(server.port(), s).empty());
  CHECK(Send(&client, "POST", "/test/write", WriteHeaders(s, server.origin()), "").status == 401);
}

TEST_CASE("sessions expire when idle and at their absolute limit", "[auth][http]") {
  AuthOptions o = TestAuthOptions();
  o.session_idle_seconds = 3600;
  o.session_max_seconds = 3 * 3600;
  AuthServer server(o);
  const std::string s = LogIn(server.port(), "ann%40example.org", kAnnPassword);
  REQUIRE(!s.empty());
  SECTION("idle") {
    server.clock()->Set(kAuthTestNow + 3599);
    CHECK(!Csrf(server.port(), s).empty());  // Also renews last_seen.
    server.clock()->Set(kAuthTestNow + 3599 + 3599);
    CHECK(!Csrf(server.port(), s).empty());
    server.clock()->Set(kAuthTestNow + 3599 + 3599 + 3600);
    CHECK(Csrf(server.port(), s).empty());
    // The row is gone: turning the clock back does not revive it.
    server.clock()->Set(kAuthTestNow + 10);
    CHECK(Csrf(server.port(), s).empty());
  }
  SECTION("a later login deletes expired sessions nobody presents") {
    server.clock()->Set(kAuthTestNow + 3600);
    REQUIRE(!LogIn(server.port(), "bob%40example.org", kBobPassword).empty());
    server.clock()->Set(kAuthTestNow + 10);
    CHECK(Csrf(server.port(), s).empty());
  }
  SECTION("absolute") {
    for (int h = 1; h < 4; ++h) {  // Never idle for an hour.
      server.clock()->Set(kAuthTestNow + h * 3000);
      CHECK(!Csrf(server.port(), s).empty());
    }
    server.clock()->Set(kAuthTestNow + 3 * 3600);
    CHECK(Csrf(server.port(), s).empty());
  }
}

TEST_CASE("a password change ends the user's sessions", "[auth][http]") {
  AuthServer server(TestAuthOptions());
  const std::string s = LogIn(server.port(), "bob%40example.org", kBobPassword);
  REQUIRE(!Csrf(server.port(), s).empty());
  REQUIRE(server.accounts()->SetPassword("bob@example.org", "a brand new password").ok());
  CHECK(Csrf(server.port(), s).empty());
  CHECK(LogIn(server.port(), "bob%40example.org", kBobPassword).empty());
  CHECK(!LogIn(server.port(), "bob%40example.org", "a brand new password").empty());
}

TEST_CASE("login throttling: per account, then 429 even with the right password",
          "[auth][http]") {
  AuthOptions o = TestAuthOptions();
  o.login_failure_delay_ms = 200;
  AuthServer server(o);
  HttpClient client(server.port());
  const HttpHeaders form = {{"Content-Type", "application/x-www-form-urlencoded"}};
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    ClientResponse r = Send(&client, "POST", "/login", form,
                            "email=bob%40example.org&password=wrong+password+" +
                                std::to_string(i));
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start).count();
    CHECK(r.status == 401);
    CHECK(ms >= 100);  // The delay is 200 ms scaled by 0.5..1.5.
    CHECK(SetCookieValue(r, "okrd_session").empty());
  }
  ClientResponse blocked = Send(&client, "POST", "/login", form,
                                "email=bob%40example.org&password=bob%27s+long+password");
  CHECK(blocked.status == 429);
  CHECK(blocked.headers.Has("Retry-After"));
  // Other accounts are not locked by Bob's attacker...
  CHECK(!LogIn(server.port(), "ann%40example.org", kAnnPassword).empty());
  // ... and the lock lifts after the window.
  server.clock()->Set(kAuthTestNow + o.login_window_seconds);
  CHECK(!LogIn(server.port(), "bob%40example.org", kBobPassword).empty());
}

TEST_CASE("login throttling holds for parallel guesses", "[auth][http]") {
  AuthOptions o = TestAuthOptions();
  o.login_failure_delay_ms = 300;  // Keeps all attempts in flight together.
  AuthServer server(o);            // Three failures per account.
  std::vector<int> statuses(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] {
      HttpClient client(server.port(), 20000);
      auto r = client.Send("POST", "/login", {},
                           "email=bob%40example.org&password=guess+" + std::to_string(i));
      statuses[i] = r.ok() ? r->status : -1;
    });
  }
  for (auto& t : threads) t.join();
  CHECK(std::count(statuses.begin(), statuses.end(), 401) == 3);
  CHECK(std::count(statuses.begin(), statuses.end(), 429) == 5);
}

TEST_CASE("login throttling per address covers unknown accounts", "[auth][http]") {
  AuthOptions o = TestAuthOptions();
  o.login_failures_per_address = 4;
  AuthServer server(o);
  HttpClient client(server.port());
  for (int i = 0; i < 4; ++i) {
    CHECK(Send(&client, "POST", "/login", {},
               "email=nobody" + std::to_string(i) + "%40example.org&password=x")
              .status == 401);
  }
  CHECK(Send(&client, "POST", "/login", {},
             "email=ann%40example.org&password=ann%27s+long+password").status == 429);
}

TEST_CASE("login refuses malformed and cross-origin forms", "[auth][http]") {
  AuthServer server(TestAuthOptions());
  HttpClient client(server.port());
  CHECK(Send(&client, "POST", "/login", {},
             std::string("email=ann%40example.org&password=a\0b", 36)).status == 400);
  CHECK(Send(&client, "POST", "/login", {}, "email=%zz").status == 400);
  CHECK(Send(&client, "POST", "/login", {{"Origin", "http://evil.example"}},
             "email=ann%40example.org&password=ann%27s+long+password").status == 403);
}

TEST_CASE("proxy header: ignored from untrusted peers, honoured from trusted",
          "[auth][http]") {
  const HttpHeaders as_carol = {{"X-Forwarded-Email", "Carol@Example.org"}};
  SECTION("untrusted") {
    AuthOptions o = TestAuthOptions();
    o.proxy_header = "X-Forwarded-Email";
    o.trusted_proxies = {"10.0.0.0/8", "::1"};
    AuthServer server(o);
    HttpClient client(server.port());
    CHECK(Send(&client, "POST", "/test/write", as_carol).status == 401);
    CHECK(Send(&client, "GET", "/test/csrf", as_carol).body.empty());
  }
  SECTION("trusted") {
    AuthOptions o = TestAuthOptions();
    o.proxy_header = "X-Forwarded-Email";
    o.trusted_proxies = {"127.0.0.1"};
    AuthServer server(o);
    HttpClient client(server.port());
    const std::string csrf = Send(&client, "GET", "/test/csrf", as_carol).body;
    REQUIRE(csrf.size() == 64);
    // Ambient credentials: CSRF rules apply.
    CHECK(Send(&client, "POST", "/test/write", as_carol).status == 403);
    HttpHeaders h = as_carol;
    h.Add("Origin", server.origin());
    ClientResponse ok = Send(&client, "POST", "/test/write", h, "csrf_token=" + csrf);
    CHECK(ok.status == 200);
    CHECK(ok.body == "carol@example.org\n");
    // A known account gets its admin flag.
    HttpHeaders ann = {{"X-Forwarded-Email", "ann@example.org"}, {"Origin", server.origin()}};
    const std::string ann_csrf = Send(&client, "GET", "/test/csrf", ann).body;
    CHECK(ann_csrf != csrf);
    CHECK(Send(&client, "POST", "/test/write", ann, "csrf_token=" + ann_csrf).body ==
          "ann@example.org admin\n");
    // Behind the proxy, the browser's origin is X-Forwarded-Host's.
    HttpHeaders forwarded = {{"X-Forwarded-Email", "ann@example.org"},
                             {"X-Forwarded-Host", "okr.example.org"},
                             {"X-Forwarded-Proto", "https"},
                             {"Origin", "https://okr.example.org"}};
    CHECK(Send(&client, "POST", "/test/write", forwarded, "csrf_token=" + ann_csrf).status ==
          200);
    forwarded.Set("Origin", server.origin());
    CHECK(Send(&client, "POST", "/test/write", forwarded, "csrf_token=" + ann_csrf).status ==
          403);
    // A client value passed along beside the proxy's: neither counts.
    HttpHeaders twice = {{"X-Forwarded-Email", "ann@example.org"},
                         {"X-Forwarded-Email", "carol@example.org"}};
    CHECK(Send(&client, "GET", "/test/csrf", twice).body.empty());
    CHECK(Send(&client, "POST", "/test/write", twice).status == 401);
    // Carol's token does not work for Ann.
    CHECK(Send(&client, "POST", "/test/write", ann, "csrf_token=" + csrf).status == 403);
  }
}

TEST_CASE("read_access = login: pages redirect, API says 401, some paths stay open",
          "[auth][http]") {
  AuthOptions o = TestAuthOptions();
  o.login_to_read = true;
  AuthServer server(o);
  HttpClient client(server.port());
  ClientResponse home = Send(&client, "GET", "/");
  CHECK(home.status == 303);
  CHECK(home.headers.Get("Location") == "/login");
  ClientResponse page = Send(&client, "GET", "/health");
  CHECK(page.status == 303);
  CHECK(page.headers.Get("Location") == "/login?next=%2Fhealth");
  ClientResponse unknown = Send(&client, "GET", "/no/such/page");
  CHECK(unknown.status == 303);  // Existence is not revealed.
  ClientResponse api = Send(&client, "GET", "/api/v1/cycles");
  CHECK(api.status == 401);
  CHECK(std::string(api.headers.Get("Content-Type").value_or("")).find("json") !=
        std::string::npos);
  CHECK(Send(&client, "GET", "/login").status == 200);
  CHECK(Send(&client, "GET", "/static/style.css").status == 200);
  CHECK(Send(&client, "GET", "/feeds/x.ics").status == 404);  // Own auth.
  // With an identity, the same requests are served.
  const std::string s = LogIn(server.port(), "bob%40example.org", kBobPassword);
  CHECK(Send(&client, "GET", "/health", Cookie(s)).status == 200);
  auto token = server.accounts()->CreateApiToken("bob@example.org", "");
  REQUIRE(token.ok());
  CHECK(Send(&client, "GET", "/api/v1/cycles", Bearer(token->token)).status == 200);
  CHECK(Send(&client, "GET", "/api/v1/cycles", Bearer(NewSecret("okrd_"))).status == 401);
  // A forged session cookie is anonymous.
  CHECK(Send(&client, "GET", "/health", Cookie(NewSecret())).status == 303);
  // Two session cookies: neither counts.
  CHECK(Send(&client, "GET", "/health",
             {{"Cookie", "okrd_session=" + s + "; okrd_session=" + NewSecret()}})
            .status == 303);
}

TEST_CASE("read_access = open serves pages to anyone", "[auth][http]") {
  AuthServer server(TestAuthOptions());
  HttpClient client(server.port());
  CHECK(Send(&client, "GET", "/health").status == 200);
}

TEST_CASE("cached pages never carry another user's CSRF token", "[auth][http]") {
  AuthOptions o = TestAuthOptions();
  o.login_to_read = true;
  AuthServer server(o);
  const std::string ann = LogIn(server.port(), "ann%40example.org", kAnnPassword);
  const std::string bob = LogIn(server.port(), "bob%40example.org", kBobPassword);
  const std::string ann_csrf = Csrf(server.port(), ann);
  HttpClient client(server.port());
  for (const std::string path : {"/", "/health", "/alignment", "/login"}) {
    ClientResponse first = Send(&client, "GET", path, Cookie(ann));
    ClientResponse second = Send(&client, "GET", path, Cookie(bob));
    INFO(path);
    CHECK(second.body.find(ann_csrf) == std::string::npos);
  }
}

}  // namespace
}  // namespace okr::testing
