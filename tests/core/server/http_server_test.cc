// Copyright 2026 The okrd Authors.
//
// The server over real loopback sockets, driven by tests/support's client.

#include "core/server/http_server.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/server/health.h"
#include "tests/core/server/log_capture.h"
#include "tests/support/http_client.h"

namespace okr {
namespace {

using testing::ClientResponse;
using testing::HttpClient;

constexpr HttpMethod kGet = HttpMethod::kGet;
constexpr HttpMethod kPost = HttpMethod::kPost;
constexpr int64_t kTestBodyCap = 1024;

// Lets handler calls proceed in groups of `n` that run at the same time; a
// call that waits more than 5 s for its group gives up and answers 504.
class Rendezvous {
 public:
  explicit Rendezvous(int n) : n_(n) {}
  HttpResponse Meet() {
    std::unique_lock<std::mutex> lock(mu_);
    const int generation = generation_;
    if (++arrived_ == n_) {
      arrived_ = 0;
      ++generation_;
      cv_.notify_all();
      return TextResponse(200, "met\n");
    }
    bool met = cv_.wait_for(lock, std::chrono::seconds(5),
                            [&] { return generation_ != generation; });
    if (!met) --arrived_;
    return TextResponse(met ? 200 : 504, met ? "met\n" : "alone\n");
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  const int n_;
  int arrived_ = 0;
  int generation_ = 0;
};

struct TestState {
  std::atomic<int> hits{0};
  Rendezvous rendezvous{4};
};

Router TestRouter(TestState* state) {
  Router router;
  AddHealthRoutes(&router);
  router.Add({kPost}, "/echo", [](const HttpRequest& request) {
    return TextResponse(200, request.body);
  });
  router.Add({kGet}, "/boom", [](const HttpRequest&) -> HttpResponse {
    throw std::runtime_error("kaboom");
  });
  router.Add({kGet}, "/count", [state](const HttpRequest&) {
    return TextResponse(200, std::to_string(++state->hits));
  });
  router.Add({kGet}, "/meet",
             [state](const HttpRequest&) { return state->rendezvous.Meet(); });
  router.Add({kGet}, "/inject", [](const HttpRequest&) {
    HttpResponse response = TextResponse(200, "x");
    response.headers.Set("X-Evil", "a\r\nSet-Cookie: s=1");
    return response;
  });
  router.AddPrefix({kGet}, "/items/", [](const HttpRequest& request) {
    return TextResponse(
        200, request.path + "|" + request.query + "|" + request.path_remainder +
                 "|" + std::string(request.header("x-probe").value_or("-")));
  });
  // "/bytes/N": N bytes of a repeating pattern, for bodies on both sides of
  // the size the server sends in one write with the head.
  router.AddPrefix({kGet}, "/bytes/", [](const HttpRequest& request) {
    std::string body(std::stoul(request.path_remainder), '\0');
    for (size_t i = 0; i < body.size(); ++i) body[i] = "0123456789abcdef"[i % 16];
    return TextResponse(200, std::move(body));
  });
  router.AddPrefix({kGet, kPost}, "/feed/",
                   [](const HttpRequest&) { return TextResponse(200, "f"); },
                   {.secret_path = true});
  return router;
}

ServerOptions TestOptions() {
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.max_body_bytes = kTestBodyCap;
  options.log_requests = false;
  return options;
}

std::unique_ptr<HttpServer> StartTestServer(TestState* state,
                                            ServerOptions options) {
  Result<std::unique_ptr<HttpServer>> server =
      HttpServer::Start(options, TestRouter(state));
  INFO(server.status().ToString());
  REQUIRE(server.ok());
  REQUIRE((*server)->port() > 0);
  return std::move(server).value();
}

// One server for the tests that need no special options. CivetWeb 1.15
// takes about 2 s to stop, so sharing it keeps the suite fast; it stops when
// the test binary exits.
struct SharedServer {
  TestState state;
  std::unique_ptr<HttpServer> server = StartTestServer(&state, TestOptions());
  int port() const { return server->port(); }
};

SharedServer& Shared() {
  static SharedServer shared;
  return shared;
}

std::string HeaderOf(const ClientResponse& response, std::string_view name) {
  return std::string(response.headers.Get(name).value_or("<missing>"));
}

bool HasAnyCorsHeader(const ClientResponse& response) {
  for (const HttpHeader& field : response.headers.fields()) {
    if (EqualsIgnoreCase(field.name.substr(0, 15), "Access-Control-")) {
      return true;
    }
  }
  return false;
}

void CheckSecurityHeaders(const ClientResponse& response) {
  INFO("status " << response.status);
  CHECK(HeaderOf(response, "Content-Security-Policy") ==
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'self'");
  CHECK(HeaderOf(response, "X-Content-Type-Options") == "nosniff");
  CHECK(HeaderOf(response, "Referrer-Policy") == "no-referrer");
  CHECK(HeaderOf(response, "X-Frame-Options") == "DENY");
  CHECK_FALSE(HasAnyCorsHeader(response));
}

ClientResponse MustSend(HttpClient* client, std::string_view method,
                        std::string_view path, std::string_view body = {}) {
  Result<ClientResponse> response = client->Send(method, path, {}, body);
  INFO(method << " " << path << ": " << response.status().ToString());
  REQUIRE(response.ok());
  return std::move(response).value();
}

TEST_CASE("Server answers /healthz, 404 and 405 with security headers",
          "[server]") {
  HttpClient client(Shared().port());

  ClientResponse ok = MustSend(&client, "GET", "/healthz");
  CHECK(ok.status == 200);
  CHECK(ok.body == "ok\n");
  CHECK(HeaderOf(ok, "Content-Type") == "text/plain; charset=utf-8");
  CHECK(HeaderOf(ok, "Content-Length") == "3");
  CheckSecurityHeaders(ok);

  ClientResponse missing = MustSend(&client, "GET", "/nope");
  CHECK(missing.status == 404);
  CheckSecurityHeaders(missing);

  ClientResponse wrong = MustSend(&client, "POST", "/healthz", "x");
  CHECK(wrong.status == 405);
  CHECK(HeaderOf(wrong, "Allow") == "GET, HEAD");
  CheckSecurityHeaders(wrong);

  CHECK(client.connections_opened() == 1);  // All on one connection.
}

TEST_CASE("Server answers HEAD with GET's headers and no body", "[server]") {
  HttpClient client(Shared().port());

  ClientResponse head = MustSend(&client, "HEAD", "/healthz");
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  CHECK(HeaderOf(head, "Content-Length") == "3");
  CheckSecurityHeaders(head);
  // Had the server sent body bytes, they would be read as the start of the
  // next response and break it.
  ClientResponse get = MustSend(&client, "GET", "/healthz");
  CHECK(get.status == 200);
  CHECK(get.body == "ok\n");

  ClientResponse head_missing = MustSend(&client, "HEAD", "/nope");
  CHECK(head_missing.status == 404);
  CHECK(MustSend(&client, "GET", "/healthz").body == "ok\n");
  CHECK(client.connections_opened() == 1);
}

TEST_CASE("Server refuses OPTIONS and CORS preflights with 405", "[server]") {
  HttpClient client(Shared().port());

  HttpHeaders preflight = {
      {"Origin", "https://evil.example"},
      {"Access-Control-Request-Method", "DELETE"},
      {"Access-Control-Request-Headers", "X-Token"},
  };
  Result<ClientResponse> options =
      client.Send("OPTIONS", "/healthz", preflight);
  REQUIRE(options.ok());
  CHECK(options->status == 405);
  CHECK(HeaderOf(*options, "Allow") == "GET, HEAD");
  CheckSecurityHeaders(*options);

  Result<ClientResponse> get =
      client.Send("GET", "/healthz", {{"Origin", "https://evil.example"}});
  REQUIRE(get.ok());
  CHECK(get->status == 200);
  CHECK_FALSE(HasAnyCorsHeader(*get));
}

TEST_CASE("Server reads bodies up to the cap and answers 413 beyond it",
          "[server]") {
  SharedServer& shared = Shared();

  SECTION("a body of exactly the cap is echoed byte for byte") {
    HttpClient client(shared.port());
    std::string body(kTestBodyCap, 'a');
    body[0] = '\0';
    body[1] = '\xff';
    body.back() = '\n';
    ClientResponse echo = MustSend(&client, "POST", "/echo", body);
    CHECK(echo.status == 200);
    CHECK(echo.body == body);
    CHECK(HeaderOf(echo, "Content-Length") == std::to_string(body.size()));
  }

  SECTION("one byte over the cap gets 413 and a closed connection") {
    HttpClient client(shared.port());
    ClientResponse big =
        MustSend(&client, "POST", "/echo", std::string(kTestBodyCap + 1, 'a'));
    CHECK(big.status == 413);
    CHECK(HeaderOf(big, "Connection") == "close");
    CheckSecurityHeaders(big);
    CHECK_FALSE(client.connected());
    // The server is still fine.
    CHECK(MustSend(&client, "GET", "/healthz").status == 200);
  }

  SECTION("a huge Content-Length gets 413 without the body being sent") {
    HttpClient client(shared.port());
    REQUIRE(client
                .SendRaw("POST /echo HTTP/1.1\r\nHost: x\r\n"
                         "Content-Length: 999999999\r\n\r\n")
                .ok());
    Result<ClientResponse> response = client.ReadResponse();
    REQUIRE(response.ok());  // Fails by timeout if the server waited.
    CHECK(response->status == 413);
  }

  SECTION("a chunked body is counted against the cap") {
    HttpClient client(shared.port());
    std::string chunk(600, 'c');
    std::string request =
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "258\r\n" +
        chunk + "\r\n";  // 0x258 = 600.
    REQUIRE(client.SendRaw(request + "258\r\n" + chunk + "\r\n0\r\n\r\n").ok());
    Result<ClientResponse> response = client.ReadResponse();
    REQUIRE(response.ok());
    CHECK(response->status == 413);
  }

  SECTION("a chunked body under the cap is reassembled") {
    HttpClient client(shared.port());
    REQUIRE(client
                .SendRaw("POST /echo HTTP/1.1\r\nHost: x\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n"
                         "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
                .ok());
    Result<ClientResponse> response = client.ReadResponse();
    REQUIRE(response.ok());
    CHECK(response->status == 200);
    CHECK(response->body == "hello world");
    // And the connection stays usable.
    CHECK(MustSend(&client, "GET", "/healthz").status == 200);
    CHECK(client.connections_opened() == 1);
  }
}

TEST_CASE("Server answers 408 when a body stops arriving", "[server]") {
  TestState state;
  ServerOptions options = TestOptions();
  options.request_timeout_ms = 300;
  auto server = StartTestServer(&state, options);
  HttpClient client(server->port());
  REQUIRE(client
              .SendRaw("POST /echo HTTP/1.1\r\nHost: x\r\n"
                       "Content-Length: 10\r\n\r\nhalf!")
              .ok());
  Result<ClientResponse> response = client.ReadResponse();
  REQUIRE(response.ok());
  CHECK(response->status == 408);
  CHECK(HeaderOf(*response, "Connection") == "close");
}

TEST_CASE("Server keeps one connection alive for 200 requests", "[server]") {
  SharedServer& shared = Shared();
  HttpClient client(shared.port());
  const int hits_before = shared.state.hits.load();
  int ok = 0;
  for (int i = 0; i < 200; ++i) {
    Result<ClientResponse> response = client.Get("/count");
    if (!response.ok()) {
      FAIL_CHECK("request " << i << ": " << response.status().ToString());
      break;
    }
    if (response->status == 200 &&
        response->body == std::to_string(hits_before + i + 1)) {
      ++ok;
    }
  }
  CHECK(ok == 200);
  CHECK(client.connections_opened() == 1);
  CHECK(client.connected());
}

TEST_CASE("Server sends small and large bodies intact on one connection",
          "[server]") {
  HttpClient client(Shared().port());
  for (size_t n : {size_t{0}, size_t{1}, size_t{32} << 10, size_t{64} << 10,
                   (size_t{64} << 10) + 1, size_t{300} << 10}) {
    ClientResponse response =
        MustSend(&client, "GET", "/bytes/" + std::to_string(n));
    CHECK(response.status == 200);
    CHECK(HeaderOf(response, "Content-Length") == std::to_string(n));
    REQUIRE(response.body.size() == n);
    CHECK((n == 0 || response.body.back() == "0123456789abcdef"[(n - 1) % 16]));
    CHECK(HeaderOf(response, "Connection") == "keep-alive");
    CHECK(!HeaderOf(response, "Date").empty());
    CheckSecurityHeaders(response);
  }
  CHECK(client.connections_opened() == 1);
}

TEST_CASE("Server answers the client's Connection wish",
          "[server]") {
  HttpClient client(Shared().port());
  // HTTP/1.0 without a Connection header: close.
  REQUIRE(client.SendRaw("GET /healthz HTTP/1.0\r\n\r\n").ok());
  Result<ClientResponse> old = client.ReadResponse();
  REQUIRE(old.ok());
  CHECK(old->status == 200);
  CHECK(old->body == "ok\n");
  CHECK(HeaderOf(*old, "Connection") == "close");
  CHECK_FALSE(client.connected());

  // HTTP/1.0 asking for keep-alive gets it: two requests, one connection.
  for (int i = 0; i < 2; ++i) {
    REQUIRE(client
                .SendRaw("GET /healthz HTTP/1.0\r\n"
                         "Connection: Keep-Alive\r\n\r\n")
                .ok());
    Result<ClientResponse> kept = client.ReadResponse();
    REQUIRE(kept.ok());
    CHECK(HeaderOf(*kept, "Connection") == "keep-alive");
  }
  CHECK(client.connections_opened() == 2);

  // HTTP/1.1 with "Connection: close": close.
  Result<ClientResponse> closing =
      client.Send("GET", "/healthz", {{"Connection", "close"}});
  REQUIRE(closing.ok());
  CHECK(HeaderOf(*closing, "Connection") == "close");
  CHECK_FALSE(client.connected());
}

TEST_CASE("Server turns a throwing handler into 500 and keeps serving",
          "[server]") {
  testing::LogCapture log;
  HttpClient client(Shared().port());

  ClientResponse boom = MustSend(&client, "GET", "/boom");
  CHECK(boom.status == 500);
  CHECK(boom.body.find("kaboom") == std::string::npos);
  CheckSecurityHeaders(boom);
  CHECK(log.Text().find("kaboom") != std::string::npos);

  ClientResponse after = MustSend(&client, "GET", "/healthz");
  CHECK(after.status == 200);
  CHECK(client.connections_opened() == 1);
}

TEST_CASE("Server refuses a handler's header injection with 500", "[server]") {
  testing::LogCapture log;
  HttpClient client(Shared().port());

  ClientResponse response = MustSend(&client, "GET", "/inject");
  CHECK(response.status == 500);
  CHECK_FALSE(response.headers.Has("Set-Cookie"));
  CHECK_FALSE(response.headers.Has("X-Evil"));
  CHECK(log.Text().find("ERROR bad response from handler") !=
        std::string::npos);
  CHECK(MustSend(&client, "GET", "/healthz").status == 200);
}

TEST_CASE("Server passes decoded path, raw query and headers", "[server]") {
  HttpClient client(Shared().port());
  Result<ClientResponse> response =
      client.Send("GET", "/items/a%20b/c?x=1&y=%20", {{"X-Probe", "p1"}});
  REQUIRE(response.ok());
  CHECK(response->status == 200);
  CHECK(response->body == "/items/a b/c|x=1&y=%20|a b/c|p1");

  ClientResponse dots = MustSend(&client, "GET", "/items/x/../y");
  CHECK(dots.body == "/items/y||y|-");
}

TEST_CASE("Server answers 400 for encoded NUL, CR/LF and dot segments",
          "[server]") {
  HttpClient client(Shared().port());
  for (const char* path : {"/healthz%00x", "/items/a%0d%0aSet-Cookie:%20s=1",
                           "/items/%2e%2e/healthz", "/items/%zz"}) {
    INFO(path);
    ClientResponse response = MustSend(&client, "GET", path);
    CHECK(response.status == 400);
    CHECK_FALSE(response.headers.Has("Set-Cookie"));
    CheckSecurityHeaders(response);
  }
  CHECK(MustSend(&client, "GET", "/healthz").status == 200);
}

TEST_CASE("CivetWeb's own error answers carry the security headers",
          "[server]") {
  HttpClient client(Shared().port());
  REQUIRE(client.SendRaw("GARBAGE\r\n\r\n").ok());
  Result<ClientResponse> response = client.ReadResponse();
  REQUIRE(response.ok());
  CHECK(response->status == 400);
  CheckSecurityHeaders(*response);
}

TEST_CASE("Server serves clients on several threads at once", "[server]") {
  SharedServer& shared = Shared();
  const int port = shared.port();

  SECTION("four handlers run at the same time") {
    std::vector<int> statuses(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([port, t, &statuses] {
        HttpClient client(port, /*timeout_ms=*/10000);
        Result<ClientResponse> response = client.Get("/meet");
        statuses[t] = response.ok() ? response->status : -1;
      });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(statuses == std::vector<int>(4, 200));
  }

  SECTION("eight clients make 50 requests each") {
    constexpr int kThreads = 8;
    constexpr int kRequests = 50;
    const int hits_before = shared.state.hits.load();
    std::vector<int> ok(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([port, t, &ok] {
        HttpClient client(port);
        for (int i = 0; i < kRequests; ++i) {
          Result<ClientResponse> response = client.Get("/count");
          if (response.ok() && response->status == 200) ++ok[t];
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(ok == std::vector<int>(kThreads, kRequests));
    CHECK(shared.state.hits.load() - hits_before == kThreads * kRequests);
  }
}

TEST_CASE("Server logs access lines without queries or secrets", "[server]") {
  testing::LogCapture log;
  TestState state;
  ServerOptions options = TestOptions();
  options.log_requests = true;
  auto server = StartTestServer(&state, options);
  HttpClient client(server->port());

  MustSend(&client, "GET", "/healthz?token=q1");
  MustSend(&client, "GET", "/feed/s3cr3t.ics?key=q2");
  MustSend(&client, "POST", "/feed/s3cr3t.ics", std::string(2000, 'x'));
  std::string text = log.Text();
  INFO(text);
  CHECK(text.find("INFO 127.0.0.1 GET /healthz 200 3B ") != std::string::npos);
  CHECK(text.find("INFO 127.0.0.1 GET /feed/ 200 1B ") != std::string::npos);
  CHECK(text.find("INFO 127.0.0.1 POST /feed/ 413 ") != std::string::npos);
  CHECK(text.find("q1") == std::string::npos);
  CHECK(text.find("q2") == std::string::npos);
  CHECK(text.find("s3cr3t") == std::string::npos);
}

TEST_CASE("Server stops cleanly while idle", "[server]") {
  TestState state;
  auto server = StartTestServer(&state, TestOptions());
  const int port = server->port();
  HttpClient idle(port);
  REQUIRE(MustSend(&idle, "GET", "/healthz").status == 200);
  REQUIRE(idle.connected());  // An idle keep-alive connection stays open.

  server.reset();  // Must return although a connection is open.

  CHECK_FALSE(idle.Get("/healthz").ok());
  HttpClient fresh(port);
  CHECK_FALSE(fresh.Get("/healthz").ok());
}

TEST_CASE("Server start reports bad options and busy ports", "[server]") {
  TestState state;
  ServerOptions bad = TestOptions();
  bad.num_threads = 0;
  CHECK(HttpServer::Start(bad, TestRouter(&state)).status().code() ==
        StatusCode::kInvalidArgument);

  const int port = Shared().port();
  ServerOptions same_port = TestOptions();
  same_port.listen_address = "127.0.0.1:" + std::to_string(port);
  {
    testing::LogCapture quiet;  // CivetWeb logs the bind failure.
    Result<std::unique_ptr<HttpServer>> second =
        HttpServer::Start(same_port, TestRouter(&state));
    CHECK(second.status().code() == StatusCode::kUnavailable);
  }
  HttpClient client(port);
  CHECK(MustSend(&client, "GET", "/healthz").status == 200);
}

}  // namespace
}  // namespace okr
