// Copyright 2026 The okrd Authors.
//
// AuthServer: a real Store file with the small organisation, users and
// tokens, served over loopback with the status page, /login, /logout, the
// read gate and a test write route (POST /test/write) that answers with the
// caller's e-mail when Auth::CheckWrite passes.

#ifndef OKR_TESTS_CORE_AUTH_AUTH_SERVER_H_
#define OKR_TESTS_CORE_AUTH_AUTH_SERVER_H_

#include <memory>
#include <string>

#include "core/auth/accounts.h"
#include "core/auth/auth.h"
#include "core/server/http_server.h"
#include "tests/support/http_client.h"
#include "tests/support/temp_dir.h"

namespace okr::testing {

inline constexpr UnixSeconds kAuthTestNow = 1795514400;  // 2026-11-24T10Z.
inline constexpr char kAnnPassword[] = "ann's long password";
inline constexpr char kBobPassword[] = "bob's long password";

class AuthServer {
 public:
  explicit AuthServer(AuthOptions options);
  ~AuthServer();

  int port() const { return server_->port(); }
  std::string origin() const {
    return "http://127.0.0.1:" + std::to_string(port());
  }
  Store* store() { return store_.get(); }
  FixedClock* clock() { return &clock_; }
  Accounts* accounts() { return accounts_.get(); }
  Auth* auth() { return auth_.get(); }

 private:
  TempDir dir_;
  FixedClock clock_{kAuthTestNow};
  std::unique_ptr<Store> store_;
  PasswordHasher hasher_{2};
  std::unique_ptr<Accounts> accounts_;
  std::unique_ptr<Auth> auth_;
  std::unique_ptr<HttpServer> server_;
};

// Options for tests: no login delay, small limits.
AuthOptions TestAuthOptions();

// Sends and REQUIREs a parsed response.
ClientResponse Send(HttpClient* client, std::string_view method,
                    const std::string& path, const HttpHeaders& headers = {},
                    std::string_view body = {});

// Signs in over /login; returns the okrd_session cookie value ("" on
// failure). `cookie` is sent along (fixation tests).
std::string LogIn(int port, const std::string& email,
                  const std::string& password, const std::string& cookie = "");

// The value of `name` in the response's Set-Cookie, or "".
std::string SetCookieValue(const ClientResponse& r, std::string_view name);

// The csrf_token hidden field of a page, or "".
std::string CsrfFieldOf(const std::string& html);

}  // namespace okr::testing

#endif  // OKR_TESTS_CORE_AUTH_AUTH_SERVER_H_
