// Copyright 2026 The okrd Authors.

#include "tests/core/auth/auth_server.h"

#include <catch2/catch.hpp>

#include "core/web/site.h"
#include "tests/support/fixtures.h"

namespace okr::testing {
namespace {

std::string FormField(const std::string& body, std::string_view name) {
  const size_t at = body.find(std::string(name) + "=");
  if (at == std::string::npos) return "";
  const size_t start = at + name.size() + 1;
  return body.substr(start, body.find('&', start) - start);
}

}  // namespace

AuthOptions TestAuthOptions() {
  AuthOptions o;
  o.login_failure_delay_ms = 0;
  o.login_failures_per_address = 50;
  o.login_failures_per_account = 3;
  return o;
}

AuthServer::AuthServer(AuthOptions options) {
  auto store = Store::Open(dir_.File("okrd.db"), {.create_if_missing = true});
  REQUIRE(store.ok());
  store_ = std::move(store).value();
  REQUIRE(store_->Insert(SmallOrganisation()).ok());
  accounts_ = std::make_unique<Accounts>(store_.get(), &clock_, &hasher_);
  REQUIRE(accounts_->CreateUser("ann@example.org", kAnnPassword, true).ok());
  REQUIRE(accounts_->CreateUser("bob@example.org", kBobPassword, false).ok());
  auth_ = std::make_unique<Auth>(store_.get(), &clock_, std::move(options));
  Router router;
  web::AddStatusPageRoutes(&router, store_.get(), &clock_);
  auth_->AddRoutes(&router);
  Auth* auth = auth_.get();
  router.Add({HttpMethod::kPost}, "/test/write", [auth](const HttpRequest& r) {
    std::optional<Identity> who = auth->Identify(r);
    if (!who) return TextResponse(401, "anonymous\n");
    Status ok = auth->CheckWrite(r, *who, FormField(r.body, "csrf_token"));
    if (!ok.ok()) return TextResponse(403, ok.message() + "\n");
    return TextResponse(200, who->email + (who->admin ? " admin" : "") + "\n");
  });
  router.Add({HttpMethod::kGet}, "/test/csrf", [auth](const HttpRequest& r) {
    return TextResponse(200, auth->CsrfToken(r));
  });
  router.SetGate([auth](const HttpRequest& r) { return auth->CheckRead(r); });
  ServerOptions server_options;
  server_options.listen_address = "127.0.0.1:0";
  server_options.num_threads = 8;
  server_options.log_requests = false;
  auto server = HttpServer::Start(server_options, std::move(router));
  REQUIRE(server.ok());
  server_ = std::move(server).value();
}

AuthServer::~AuthServer() = default;

ClientResponse Send(HttpClient* client, std::string_view method,
                    const std::string& path, const HttpHeaders& headers,
                    std::string_view body) {
  auto r = client->Send(method, path, headers, body);
  INFO(path << ": " << r.status().ToString());
  REQUIRE(r.ok());
  return std::move(r).value();
}

std::string SetCookieValue(const ClientResponse& r, std::string_view name) {
  for (const HttpHeader& h : r.headers.fields()) {
    if (h.name != "Set-Cookie" && h.name != "set-cookie") continue;
    const std::string prefix = std::string(name) + "=";
    if (h.value.rfind(prefix, 0) != 0) continue;
    return h.value.substr(prefix.size(),
                          h.value.find(';') - prefix.size());
  }
  return "";
}

std::string LogIn(int port, const std::string& email,
                  const std::string& password, const std::string& cookie) {
  HttpClient client(port);
  HttpHeaders headers = {
      {"Content-Type", "application/x-www-form-urlencoded"},
      {"Origin", "http://127.0.0.1:" + std::to_string(port)}};
  if (!cookie.empty()) headers.Add("Cookie", "okrd_session=" + cookie);
  std::string body = "email=" + email + "&password=";
  for (char c : password) body += c == ' ' ? std::string("+") : std::string(1, c);
  ClientResponse r = Send(&client, "POST", "/login", headers, body);
  if (r.status != 303) return "";
  return SetCookieValue(r, "okrd_session");
}

std::string CsrfFieldOf(const std::string& html) {
  const std::string marker = "name=\"csrf_token\" value=\"";
  const size_t at = html.find(marker);
  if (at == std::string::npos) return "";
  const size_t start = at + marker.size();
  return html.substr(start, html.find('"', start) - start);
}

}  // namespace okr::testing
