// Copyright 2026 The okrd Authors.
//
// Check-ins over real loopback sockets, a real Store file and real Auth:
// the JSON API (tokens, proxy identities with CSRF and Origin, validation
// errors with their field, size and type limits) and the person page's
// weekly check-in form (CSRF, a NUL byte, re-render with errors, 303, the
// new check-in on the objective page at once, injection shown verbatim).

#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "core/auth/accounts.h"
#include "core/auth/auth.h"
#include "core/server/http_server.h"
#include "core/store/sqlite.h"
#include "core/web/checkin_api.h"
#include "core/web/checkin_forms.h"
#include "core/web/html.h"
#include "core/web/site.h"
#include "core/web/text.h"
#include "tests/support/fixtures.h"
#include "tests/support/http_client.h"
#include "tests/support/temp_dir.h"

namespace okr::web {
namespace {

using testing::ClientResponse;
using testing::HttpClient;

constexpr UnixSeconds kNow = 1801476000;  // 2027-02-01T10:00:00Z, in 2027-Q1.
constexpr char kProxyHeader[] = "X-Forwarded-Email";
const std::string kXss = "<script>window.__xss=1</script>\"'&";
const std::string kSql = "'); DROP TABLE check_ins; --";

AuthOptions TestAuthOptions() {
  AuthOptions options;
  options.proxy_header = kProxyHeader;
  options.trusted_proxies = {"127.0.0.1"};
  options.login_failure_delay_ms = 0;
  return options;
}

class Served {
 public:
  Served() : clock_(kNow) {
    auto store = Store::Open(dir_.File("okrd.db"), {.create_if_missing = true});
    REQUIRE(store.ok());
    store_ = std::move(store).value();
    REQUIRE(store_->Insert(testing::SmallOrganisation()).ok());
    auth_ = std::make_unique<Auth>(store_.get(), &clock_, TestAuthOptions());
    Accounts accounts(store_.get(), &clock_, &auth_->hasher());
    for (const char* email : {"bo@acme.test", "eve@acme.test"}) {
      REQUIRE(accounts.CreateUser(email, "correct horse battery", false).ok());
      auto token = accounts.CreateApiToken(email, "test");
      REQUIRE(token.ok());
      tokens_[email] = token->token;
    }
    Router router;
    SiteOptions site;
    site.person_extension = MakeCheckInForms(store_.get(), &clock_, auth_.get());
    AddStatusPageRoutes(&router, store_.get(), &clock_, std::move(site));
    AddCheckInApiRoutes(&router, store_.get(), &clock_, auth_.get());
    auth_->AddRoutes(&router);
    ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.num_threads = 4;
    options.log_requests = false;
    auto server = HttpServer::Start(options, std::move(router));
    REQUIRE(server.ok());
    server_ = std::move(server).value();
  }

  int port() const { return server_->port(); }
  std::string origin() const {
    return "http://127.0.0.1:" + std::to_string(port());
  }
  const std::string& token(const std::string& email) { return tokens_[email]; }
  Store* store() { return store_.get(); }

  int64_t CheckInCount() {
    return static_cast<int64_t>(store_->Load()->check_ins.size());
  }

 private:
  testing::TempDir dir_;
  FixedClock clock_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Auth> auth_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<HttpServer> server_;
};

ClientResponse Send(HttpClient* client, std::string_view method,
                    const std::string& path, const HttpHeaders& headers,
                    std::string_view body = {}) {
  auto r = client->Send(method, path, headers, body);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return std::move(r).value();
}

const std::string kKrPath = "/api/v1/key-results/kr-eng-1-1/check-ins";

HttpHeaders Bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token},
          {"Content-Type", "application/json"}};
}

// {"error": ..., "field": ...} of a refused write.
std::string FieldOf(const ClientResponse& r) {
  auto json = nlohmann::json::parse(r.body);
  REQUIRE(json.contains("error"));
  return json["field"].get<std::string>();
}

TEST_CASE("a token holder checks in on their key result", "[web][checkin]") {
  Served s;
  HttpClient client(s.port());
  const int64_t before = s.CheckInCount();
  nlohmann::json body = {{"value", 250}, {"confidence", 0.8},
                         {"status", kXss}, {"learned", kSql},
                         {"plans", "ship"}, {"challenges", nullptr}};
  ClientResponse r = Send(&client, "POST", kKrPath,
                          Bearer(s.token("bo@acme.test")), body.dump());
  INFO(r.body);
  REQUIRE(r.status == 201);
  CHECK(r.headers.Get("Content-Type") == "application/json; charset=utf-8");
  auto stored = nlohmann::json::parse(r.body);
  CHECK(stored["id"].get<int64_t>() > 0);
  CHECK(stored["value"] == 250);
  CHECK(stored["author"] == "bo@acme.test");
  CHECK(stored["status"] == kXss);
  CHECK(stored["learned"] == kSql);
  CHECK(stored["next_steps"] == "ship");
  CHECK(stored["source"] == "api");
  CHECK(s.CheckInCount() == before + 1);
  // Shown at once, verbatim, escaped in HTML.
  ClientResponse page = Send(&client, "GET", "/objectives/o-eng-1", {});
  REQUIRE(page.status == 200);
  CHECK(page.body.find(EscapeHtml(kXss)) != std::string::npos);
  CHECK(page.body.find("<script>window.__xss") == std::string::npos);
  CHECK(page.body.find(EscapeHtml(kSql)) != std::string::npos);
  ClientResponse list = Send(&client, "GET", "/api/v1/check-ins", {});
  CHECK(list.body.find("DROP TABLE check_ins") != std::string::npos);
}

TEST_CASE("the check-in API refuses what it must", "[web][checkin]") {
  Served s;
  HttpClient client(s.port());
  const int64_t before = s.CheckInCount();
  const std::string ok = R"({"value": 1})";
  const HttpHeaders bo = Bearer(s.token("bo@acme.test"));

  SECTION("no identity, a wrong token, another user's key result") {
    ClientResponse none = Send(&client, "POST", kKrPath,
                               {{"Content-Type", "application/json"}}, ok);
    CHECK(none.status == 401);
    CHECK(none.headers.Get("WWW-Authenticate") == "Bearer");
    CHECK(Send(&client, "POST", kKrPath, Bearer("okrd_wrong"), ok).status ==
          401);
    // Eve has an account and a token but owns, manages and leads nothing.
    ClientResponse eve = Send(&client, "POST", kKrPath,
                              Bearer(s.token("eve@acme.test")), ok);
    CHECK(eve.status == 403);
    CHECK(FieldOf(eve) == "key");
    // Bo may not update the company's KR.
    ClientResponse co = Send(
        &client, "POST", "/api/v1/key-results/kr-co-1-1/check-ins", bo, ok);
    CHECK(co.status == 403);
    CHECK(Send(&client, "POST", "/api/v1/key-results/kr-nope/check-ins", bo,
               ok).status == 404);
    CHECK(Send(&client, "POST", "/api/v1/key-results/kr-eng-1-1/other", bo, ok)
              .status == 404);
  }

  SECTION("validation errors name the field") {
    const std::pair<std::string, std::string> cases[] = {
        {R"({"value": "12"})", "value"},
        {R"({"confidence": 0.5})", "value"},
        {R"({"value": 1, "confidence": 1.5})", "confidence"},
        {R"({"value": 1e300})", "value"},
        {R"({"value": 1, "status": 7})", "status"},
        {R"({"value": 1, "learned": "\u0007"})", "learned"},
        {R"({"value": 1, "plans": ")" + std::string(5000, 'x') + "\"}", "plans"},
        {R"({"value": 1, "plans": "a", "next_steps": "b"})", "plans"},
        {R"({"value": 1, "owner": "me"})", ""},
        {R"({"value": 1,})", ""},
        {R"({"value": 1, "value": 2})", ""},
        {R"({"value": {"nested": 1}})", ""},
        {R"({"value": 1, "status": "\u0000"})", ""},
        {R"({"value": 1, "status": "\ud800"})", ""},
        {std::string(10000, '['), ""},
        {"", ""}};
    for (const auto& [body, field] : cases) {
      INFO(body.substr(0, 60));
      ClientResponse r = Send(&client, "POST", kKrPath, bo, body);
      CHECK(r.status == 400);
      CHECK(FieldOf(r) == field);
    }
  }

  SECTION("size, type and CSRF") {
    std::string big = R"({"value": 1, "status": ")" +
                      std::string(Limits().max_form_body_bytes, 'x') + "\"}";
    ClientResponse large = Send(&client, "POST", kKrPath, bo, big);
    CHECK(large.status == 413);
    client.Close();
    ClientResponse text = Send(
        &client, "POST", kKrPath,
        {{"Authorization", "Bearer " + s.token("bo@acme.test")},
         {"Content-Type", "text/plain"}}, ok);
    CHECK(text.status == 415);
    // A proxy-identified browser user: needs same Origin and the CSRF token.
    HttpHeaders proxy{{kProxyHeader, "bo@acme.test"},
                      {"Content-Type", "application/json"}};
    CHECK(Send(&client, "POST", kKrPath, proxy, ok).status == 403);
    HttpHeaders cross = proxy;
    cross.Add("Origin", "https://evil.example");
    CHECK(Send(&client, "POST", kKrPath, cross, ok).status == 403);
    HttpHeaders same = proxy;
    same.Add("Origin", s.origin());
    CHECK(Send(&client, "POST", kKrPath, same, ok).status == 403);
    // The form's token for this user makes it a same-origin write.
    ClientResponse page = Send(&client, "GET", "/people/bo@acme.test", proxy);
    const std::string marker = "name=\"csrf_token\" value=\"";
    const size_t at = page.body.find(marker);
    REQUIRE(at != std::string::npos);
    const std::string csrf = page.body.substr(
        at + marker.size(), page.body.find('"', at + marker.size()) -
                                at - marker.size());
    same.Add("X-CSRF-Token", csrf);
    CHECK(Send(&client, "POST", kKrPath, same, ok).status == 201);
    CHECK(s.CheckInCount() == before + 1);
    return;
  }
  CHECK(s.CheckInCount() == before);
}

// Fetches bo's person page as bo (through the trusted proxy header) and
// returns the form's CSRF token.
std::string FormToken(HttpClient* client) {
  ClientResponse page =
      Send(client, "GET", "/people/bo@acme.test", {{kProxyHeader, "bo@acme.test"}});
  REQUIRE(page.status == 200);
  CHECK(page.headers.Get("Cache-Control") == "no-store");
  CHECK(page.body.find("Submit weekly check-in") != std::string::npos);
  const std::string marker = "name=\"csrf_token\" value=\"";
  const size_t at = page.body.find(marker);
  REQUIRE(at != std::string::npos);
  const size_t start = at + marker.size();
  return page.body.substr(start, page.body.find('"', start) - start);
}

std::string Form(const std::string& csrf, const std::string& value0,
                 const std::string& status0) {
  return "csrf_token=" + EncodeQueryValue(csrf) +
         "&kr.0=kr-eng-1-1&value.0=" + EncodeQueryValue(value0) +
         "&confidence.0=70%25&status.0=" + EncodeQueryValue(status0) +
         "&learned.0=&plans.0=more&challenges.0=" +
         "&kr.1=kr-eng-1-2&value.1=1&confidence.1=&status.1=done";
}

TEST_CASE("the weekly check-in form", "[web][checkin]") {
  Served s;
  HttpClient client(s.port());
  const int64_t before = s.CheckInCount();
  // Anonymous viewers get the shared page, without a form.
  ClientResponse anonymous = Send(&client, "GET", "/people/bo@acme.test", {});
  CHECK(anonymous.body.find("<form") == std::string::npos);
  CHECK(anonymous.headers.Has("ETag"));
  const std::string csrf = FormToken(&client);
  // Eve sees no form on Bo's page.
  ClientResponse eve =
      Send(&client, "GET", "/people/bo@acme.test", {{kProxyHeader, "eve@acme.test"}});
  CHECK(eve.body.find("<form") == std::string::npos);

  const std::string path = "/people/bo@acme.test/check-ins";
  HttpHeaders bo{{kProxyHeader, "bo@acme.test"},
                 {"Content-Type", "application/x-www-form-urlencoded"},
                 {"Origin", s.origin()}};
  // Without or with a wrong CSRF token, or cross-origin.
  CHECK(Send(&client, "POST", path, bo, Form("", "250", "s")).status == 403);
  CHECK(Send(&client, "POST", path, bo, Form("x" + csrf, "250", "s")).status ==
        403);
  HttpHeaders evil = bo;
  evil.Set("Origin", "https://evil.example");
  CHECK(Send(&client, "POST", path, evil, Form(csrf, "250", "s")).status == 403);
  // A NUL byte in the body: refused at once, the server keeps serving.
  std::string nul = Form(csrf, "250", "s");
  nul.insert(nul.find("&plans"), std::string("\0", 1));
  CHECK(Send(&client, "POST", path, bo, nul).status == 400);
  std::string escaped_nul = Form(csrf, "250", "ab");
  escaped_nul.replace(escaped_nul.find("status.0=ab"), 11, "status.0=a%00b");
  CHECK(Send(&client, "POST", path, bo, escaped_nul).status == 400);
  // A bad value: the page again, naming the field, keeping what was typed.
  ClientResponse bad = Send(&client, "POST", path, bo, Form(csrf, "lots", kXss));
  CHECK(bad.status == 400);
  CHECK(bad.body.find("value: the value is not a number") != std::string::npos);
  CHECK(bad.body.find(EscapeHtml(kXss)) != std::string::npos);
  CHECK(bad.body.find("<script>window") == std::string::npos);
  CHECK(s.CheckInCount() == before);

  ClientResponse ok = Send(&client, "POST", path, bo, Form(csrf, "250", kXss));
  INFO(ok.body);
  REQUIRE(ok.status == 303);
  CHECK(ok.headers.Get("Location") == "/people/bo@acme.test?saved=2");
  CHECK(s.CheckInCount() == before + 2);
  const Organisation org = *s.store()->Load();
  const CheckIn& first = org.check_ins[org.check_ins.size() - 2];
  CHECK(first.target_key == "kr-eng-1-1");
  CHECK(first.confidence == 0.7);
  CHECK(first.status == kXss);
  CHECK(first.source == "web");
  ClientResponse confirmed = Send(&client, "GET", "/people/bo@acme.test?saved=2",
                                  {{kProxyHeader, "bo@acme.test"}});
  CHECK(confirmed.body.find("Saved your check-in of 2") != std::string::npos);
  // The value is prefilled from the new check-in.
  CHECK(confirmed.body.find("name=\"value.0\" value=\"250\"") != std::string::npos);
  ClientResponse objective = Send(&client, "GET", "/objectives/o-eng-1", {});
  CHECK(objective.body.find(EscapeHtml(kXss)) != std::string::npos);
}

}  // namespace
}  // namespace okr::web
