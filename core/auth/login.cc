// Copyright 2026 The okrd Authors.
//
// /login and /logout (auth.h explains the rules).

#include <sodium.h>

#include <chrono>
#include <memory>
#include <thread>

#include "core/auth/accounts.h"
#include "core/auth/auth.h"
#include "core/auth/auth_internal.h"
#include "core/base/secret.h"
#include "core/base/log.h"
#include "core/web/html.h"
#include "core/web/request_body.h"
#include "core/web/site.h"
#include "core/web/style.h"
#include "core/web/text.h"

namespace okr {
namespace {

// A login or logout form has a handful of fields.
constexpr size_t kMaxLoginFields = 64;

std::string FieldOrEmpty(const web::FormFields& fields, std::string_view name) {
  const std::string* value = web::FindFormField(fields, name);
  return value != nullptr ? *value : std::string();
}

}  // namespace

class LoginHandler {
 public:
  explicit LoginHandler(const Auth* auth) : auth_(auth) {}

  HttpResponse Form(const HttpRequest& request) const {
    const std::string next =
        web::QueryParam(request.query, "next").value_or("");
    return Page(200, "", SafeNext(next), auth_->Identify(request),
                auth_->CsrfToken(request));
  }

  HttpResponse Login(const HttpRequest& request) const {
    if (Status origin = LenientOrigin(request); !origin.ok()) {
      return TextResponse(403, origin.message() + "\n");
    }
    auto fields = web::ParseFormUrlEncoded(request.body, kMaxLoginFields);
    if (!fields.ok()) return TextResponse(400, fields.status().message() + "\n");
    const std::string next = SafeNext(FieldOrEmpty(*fields, "next"));
    Result<std::string> email = NormaliseEmail(FieldOrEmpty(*fields, "email"));
    const std::string password = FieldOrEmpty(*fields, "password");
    const UnixSeconds now = auth_->clock_->Now();
    const std::string address_key = "a:" + request.remote_address;
    const std::string account_key = "u:" + (email.ok() ? *email : "");
    // Every attempt counts as a failure until it succeeds, so parallel
    // guesses cannot all pass the check before any is counted.
    if (int64_t wait = auth_->by_address_.Attempt(address_key, now)) {
      return TooMany(wait);
    }
    if (int64_t wait = auth_->by_account_.Attempt(account_key, now)) {
      auth_->by_address_.Undo(address_key);
      return TooMany(wait);
    }
    std::optional<UserRecord> user = Verify(email, password);
    if (!user) {
      Delay();
      LogInfo("login failed from " + request.remote_address);
      return Page(401, "Wrong e-mail or password.", next, std::nullopt, "");
    }
    auth_->by_address_.Undo(address_key);
    auth_->by_account_.Reset(account_key);
    return StartSession(request, *user, next, now);
  }

  HttpResponse Logout(const HttpRequest& request) const {
    auto fields = web::ParseFormUrlEncoded(request.body, kMaxLoginFields);
    if (!fields.ok()) return TextResponse(400, fields.status().message() + "\n");
    auto session = auth_->FindSession(request);
    if (session) {
      Identity who{.via = Identity::Via::kSession};
      Status ok = auth_->CheckWrite(request, who, FieldOrEmpty(*fields, "csrf_token"));
      if (!ok.ok()) return TextResponse(403, ok.message() + "\n");
      if (Status s = auth_->store_.DeleteSession(session->record.id_hash);
          !s.ok()) {
        LogError("logout: " + s.ToString());
        return TextResponse(503, "the database is unavailable\n");
      }
    }
    HttpResponse r = Redirect("/login");
    r.headers.Add("Set-Cookie", Cookie(request, "", 0));
    return r;
  }

 private:
  // Login CSRF: a browser's Origin (or Referer) must be ours; clients that
  // send neither (curl, scripts) are not browsers and carry no ambient
  // credentials.
  Status LenientOrigin(const HttpRequest& request) const {
    if (!request.header("Origin") && !request.header("Referer") &&
        !request.header("Sec-Fetch-Site")) {
      return Status::Ok();
    }
    return auth_->CheckOrigin(request);
  }

  static std::string SafeNext(const std::string& next) {
    return IsSafeRedirectPath(next) ? next : "/";
  }

  std::optional<UserRecord> Verify(const Result<std::string>& email,
                                   const std::string& password) const {
    std::optional<UserRecord> user;
    if (email.ok()) {
      auto found = auth_->store_.FindUser(*email);
      if (!found.ok()) LogError("login: " + found.status().ToString());
      if (found.ok()) user = *found;
    }
    if (!user || user->password_hash.empty() ||
        password.size() > kMaxPasswordBytes) {
      auth_->hasher_.VerifyDummy(password.substr(0, kMaxPasswordBytes));
      return std::nullopt;
    }
    if (!auth_->hasher_.Verify(user->password_hash, password)) {
      return std::nullopt;
    }
    if (PasswordHasher::NeedsRehash(user->password_hash)) {
      if (auto hash = auth_->hasher_.Hash(password); hash.ok()) {
        (void)auth_->store_.SetPasswordHash(user->email, *hash);
      }
    }
    return user;
  }

  HttpResponse StartSession(const HttpRequest& request, const UserRecord& user,
                            const std::string& next, UnixSeconds now) const {
    if (auto old = auth_->FindSession(request)) {
      (void)auth_->store_.DeleteSession(old->record.id_hash);
    }
    // Sessions nobody presents again expire here (logins are rare).
    const AuthOptions& o = auth_->options_;
    (void)auth_->store_.DeleteExpiredSessions(now - o.session_idle_seconds + 1,
                                              now - o.session_max_seconds + 1);
    const std::string id = NewSecret();
    if (Status s = auth_->store_.AddSession(HashSecret(id), user.id, now);
        !s.ok()) {
      LogError("login: " + s.ToString());
      return TextResponse(503, "the database is unavailable\n");
    }
    LogInfo("login: " + user.email + " signed in from " + request.remote_address);
    HttpResponse r = Redirect(next);
    r.headers.Add("Set-Cookie",
                  Cookie(request, id, auth_->options_.session_max_seconds));
    return r;
  }

  std::string Cookie(const HttpRequest& request, const std::string& value,
                     int64_t max_age) const {
    std::string c = std::string(kSessionCookie) + "=" + value +
                    "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
                    std::to_string(max_age);
    if (auth_->IsSecure(request)) c += "; Secure";
    return c;
  }

  // Sleeps the configured delay, scaled by a random 0.5..1.5 so the time
  // tells nothing.
  void Delay() const {
    const int base = auth_->options_.login_failure_delay_ms;
    if (base <= 0) return;
    const int ms = base / 2 + static_cast<int>(randombytes_uniform(
                                  static_cast<uint32_t>(base) + 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  }

  static HttpResponse TooMany(int64_t seconds) {
    HttpResponse r =
        TextResponse(429, "too many failed sign-ins; try again later\n");
    r.headers.Set("Retry-After", std::to_string(seconds));
    r.headers.Set("Cache-Control", "no-store");
    return r;
  }

  static HttpResponse Redirect(const std::string& location) {
    HttpResponse r = TextResponse(303, "");
    r.headers.Set("Location", location);
    r.headers.Set("Cache-Control", "no-store");
    return r;
  }

  static HttpResponse Page(int status, const std::string& error,
                           const std::string& next,
                           const std::optional<Identity>& who,
                           const std::string& csrf) {
    std::string h =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\"><title>Sign in - okrd</title><link "
        "rel=\"stylesheet\" href=\"" +
        web::EscapeHtml(web::StyleSheetAsset().hashed_path) +
        "\"><link rel=\"icon\" type=\"image/svg+xml\" href=\"" +
        web::EscapeHtml(web::IconAsset().hashed_path) +
        "\"></head><body><main class=\"login\"><h1>Sign in</h1>\n";
    if (who) {
      h += "<p>Signed in as " + web::EscapeHtml(who->email) + ".</p>\n";
      if (who->via == Identity::Via::kSession) {
        h += "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" "
             "name=\"csrf_token\" value=\"" + web::EscapeHtml(csrf) +
             "\"><button type=\"submit\">Sign out</button></form>\n";
      }
    }
    if (!error.empty()) {
      h += "<p class=\"error\" role=\"alert\">" + web::EscapeHtml(error) + "</p>\n";
    }
    h += "<form method=\"post\" action=\"/login\"><input type=\"hidden\" "
         "name=\"next\" value=\"" + web::EscapeHtml(next) +
         "\"><p><label for=\"email\">E-mail</label> <input id=\"email\" "
         "name=\"email\" type=\"email\" autocomplete=\"username\" required>"
         "</p><p><label for=\"password\">Password</label> <input "
         "id=\"password\" name=\"password\" type=\"password\" "
         "autocomplete=\"current-password\" required></p><p><button "
         "type=\"submit\">Sign in</button></p></form></main></body></html>\n";
    HttpResponse r = HtmlResponse(status, std::move(h));
    r.headers.Set("Cache-Control", "no-store");
    // With no-referrer, Chromium posts the form with "Origin: null".
    r.headers.Set("Referrer-Policy", std::string(web::kFormReferrerPolicy));
    return r;
  }

  const Auth* auth_;
};

void Auth::AddRoutes(Router* router) {
  auto handler = std::make_shared<LoginHandler>(this);
  router->Add({HttpMethod::kGet}, "/login",
              [handler](const HttpRequest& r) { return handler->Form(r); });
  router->Add({HttpMethod::kPost}, "/login",
              [handler](const HttpRequest& r) { return handler->Login(r); });
  router->Add({HttpMethod::kPost}, "/logout",
              [handler](const HttpRequest& r) { return handler->Logout(r); });
}

}  // namespace okr
