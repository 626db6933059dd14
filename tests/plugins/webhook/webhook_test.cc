// Copyright 2026 The okrd Authors.
//
// The webhook plugin against a real HTTP listener on loopback (okrd's own
// CivetWeb server, started by the test): payload, signature checked
// independently with Python's hmac, a retry after a 500, the Slack body,
// and end to end from `okrd checkin` through the serving okrd's event
// scanner.

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "core/server/http_server.h"
#include "plugins/loader/adapters.h"
#include "tests/plugins/served_okrd.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

// A loopback listener recording every POST /hook; answers 500 to the first
// `failures` requests, then 204. With `stall`, the first request to arrive
// is recorded and answered only after 3 s.
class Listener {
 public:
  explicit Listener(int failures, bool stall = false) : failures_(failures) {
    Router router;
    router.Add(
        {HttpMethod::kPost}, "/hook", [this, stall](const HttpRequest& r) {
          int arrival;
          {
            std::lock_guard<std::mutex> lock(mu_);
            arrival = arrived_++;
          }
          if (stall && arrival == 0) {
            std::this_thread::sleep_for(std::chrono::seconds(3));
          }
          std::lock_guard<std::mutex> lock(mu_);
          requests_.push_back(r);
          requests_.back().headers.Set("X-Test-Arrival",
                                       std::to_string(arrival));
          return TextResponse(
              static_cast<int>(requests_.size()) <= failures_ ? 500 : 204, "");
        });
    ServerOptions options{.listen_address = "127.0.0.1:0", .num_threads = 2};
    auto server = HttpServer::Start(options, std::move(router));
    REQUIRE(server.ok());
    server_ = std::move(*server);
  }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + "/hook";
  }
  // Waits up to 15 s for `n` requests.
  std::vector<HttpRequest> WaitFor(size_t n) {
    for (int i = 0; i < 300; ++i) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (requests_.size() >= n) return requests_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }

 private:
  int failures_;
  std::mutex mu_;
  int arrived_ = 0;
  std::vector<HttpRequest> requests_;
  std::unique_ptr<HttpServer> server_;
};

// A loopback listener that never accepts, its backlog filled by clients of
// its own, so that one more connection attempt gets no answer at all (the
// kernel drops its SYN), as from a host that is down.
class DeafListener {
 public:
  DeafListener() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) == 0);
    REQUIRE(listen(fd_, 0) == 0);
    REQUIRE(getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    port_ = ntohs(addr.sin_port);
    for (int i = 0; i < 16 && !full_; ++i) {
      const int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
      clients_.push_back(c);
      connect(c, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
      pollfd p{c, POLLOUT, 0};
      full_ = poll(&p, 1, 200) == 0;  // No answer: the backlog is full.
    }
  }
  ~DeafListener() {
    for (int c : clients_) close(c);
    close(fd_);
  }
  bool full() const { return full_; }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/hook";
  }

 private:
  int fd_ = -1;
  int port_ = 0;
  bool full_ = false;
  std::vector<int> clients_;
};

std::shared_ptr<Notifier> Webhook(const KeyValues& config) {
  auto lib = LoadPluginLibrary(testing::PluginPath("okrd_webhook"));
  REQUIRE(lib.ok());
  auto n = MakeNotifier(*lib, config);
  INFO(n.status().message());
  REQUIRE(n.ok());
  return *n;
}

// HMAC-SHA256 computed by Python's standard library, not by libsodium.
std::string PythonHmac(const std::string& key, const std::string& body) {
  testing::ProcessResult r = testing::RunProcess(
      {"/usr/bin/python3", "-c",
       "import hmac,hashlib,sys;print(hmac.new(sys.argv[1].encode(),"
       "sys.stdin.buffer.read(),hashlib.sha256).hexdigest())",
       key},
      {}, body);
  REQUIRE(r.exit_code == 0);
  return r.out.substr(0, r.out.find('\n'));
}

constexpr char kExampleKr[] = "kr-clinops-1-1";  // In the example org.

const Event kEvent{kEventKrAtRisk,
                   1795507200,
                   {{"kr", "nps"}, {"kr_title", "NPS \"30 → 45\""}},
                   "\"NPS\" is at risk: confidence 30% is below 40%"};

TEST_CASE("webhook: signed JSON, retried after a 500", "[webhook]") {
  Listener listener(/*failures=*/1);
  auto notifier = Webhook({{"urls", listener.url()},
                           {"secret", "s3cret key"},
                           {"retries", "2"},
                           {"timeout_ms", "2000"}});
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(notifier->Notify(kEvent).ok());
  // notify() only queues: it returns long before the retry's back-off.
  CHECK(std::chrono::steady_clock::now() - start <
        std::chrono::milliseconds(400));
  std::vector<HttpRequest> got = listener.WaitFor(2);
  REQUIRE(got.size() == 2);
  CHECK(got[0].body == got[1].body);  // The retry resends the same body.
  const HttpRequest& r = got[1];
  CHECK(r.header("Content-Type") == "application/json");
  CHECK(r.header("X-Okrd-Event") == "kr.at_risk");
  CHECK(r.body ==
        "{\"event\":\"kr.at_risk\",\"time\":\"2026-11-24T08:00:00Z\","
        "\"unix_time\":1795507200,\"summary\":\"\\\"NPS\\\" is at risk: "
        "confidence 30% is below 40%\",\"attrs\":{\"kr\":\"nps\","
        "\"kr_title\":\"NPS \\\"30 → 45\\\"\"}}");
  CHECK(r.header("X-Okrd-Signature") ==
        "sha256=" + PythonHmac("s3cret key", r.body));
  CHECK(PythonHmac("other", r.body) != PythonHmac("s3cret key", r.body));
}

TEST_CASE("webhook: an answer slower than timeout_ms is retried", "[webhook]") {
  Listener listener(/*failures=*/0, /*stall=*/true);
  auto notifier = Webhook(
      {{"urls", listener.url()}, {"timeout_ms", "300"}, {"retries", "1"}});
  REQUIRE(notifier->Notify(kEvent).ok());
  // The stalled first attempt is given up after 0.3 s; the retry follows
  // 0.5 s later and is answered at once, long before the stall ends.
  std::vector<HttpRequest> got = listener.WaitFor(2);
  REQUIRE(got.size() == 2);
  CHECK(got[0].header("X-Test-Arrival") == "1");  // The retry came first.
  CHECK(got[1].header("X-Test-Arrival") == "0");
  CHECK(got[0].body == got[1].body);
}

TEST_CASE("webhook: a host that never answers costs timeout_ms per attempt",
          "[webhook]") {
  DeafListener deaf;
  REQUIRE(deaf.full());
  for (const int retries : {0, 1}) {
    INFO("retries = " << retries);
    auto notifier = Webhook({{"urls", deaf.url()},
                             {"timeout_ms", "300"},
                             {"retries", std::to_string(retries)}});
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(notifier->Notify(kEvent).ok());
    // Flush waits for the delivery thread to give up on the event.
    const Status flushed = notifier->Flush(20000);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    CHECK_FALSE(flushed.ok());  // Given up, not "still under way".
    CHECK(flushed.code() == StatusCode::kUnavailable);
    // Given up within Flush's 20 s (the kernel's own connect timeout is
    // about two minutes); only lower bounds on the time, which load cannot
    // break.
    if (retries == 0) {  // One attempt: 0.3 s.
      CHECK(ms >= 280);
    } else {  // 0.3 s, back-off 0.5 s, 0.3 s: the retry happened.
      CHECK(ms >= 1050);
    }
  }
}

// `okrd plugin check` on the webhook plugin, configured by `webhook` (the
// lines of an okrd.conf [webhook] section).
testing::ProcessResult CheckWebhook(const std::string& webhook) {
  testing::TempDir dir;
  const std::string conf = dir.File("okrd.conf");
  REQUIRE(testing::WriteFile(conf, "[webhook]\n" + webhook));
  return testing::RunProcess(
      {OKRD_BINARY, "plugin", "check", testing::PluginPath("okrd_webhook"),
       "--config", conf},
      {"OKRD_NOW=2026-11-24T10:00:00Z"});
}

TEST_CASE("okrd plugin check sends the webhook a sample of each event",
          "[webhook]") {
  Listener listener(0);
  testing::ProcessResult r = CheckWebhook("urls = " + listener.url() +
                                          "\nsecret = k\n");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("ok       the sample events were delivered") !=
        std::string::npos);
  std::vector<HttpRequest> got = listener.WaitFor(4);
  REQUIRE(got.size() == 4);
  std::vector<std::string> types;
  for (const HttpRequest& h : got) {
    types.push_back(std::string(h.header("X-Okrd-Event").value_or("")));
    CHECK(h.header("X-Okrd-Signature") == "sha256=" + PythonHmac("k", h.body));
  }
  std::sort(types.begin(), types.end());
  CHECK(types == std::vector<std::string>{"checkin.overdue",
                                          "checkin.submitted",
                                          "cycle.phase_started", "kr.at_risk"});
}

TEST_CASE("okrd plugin check reports events the webhook could not deliver",
          "[webhook]") {
  Listener listener(/*failures=*/100);  // Always 500.
  testing::ProcessResult r =
      CheckWebhook("urls = " + listener.url() + "\nretries = 0\n");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("problem  the sample events were not all delivered") !=
        std::string::npos);
  CHECK(listener.WaitFor(4).size() == 4);
}

TEST_CASE("webhook: Slack/Mattermost body, no secret no signature",
          "[webhook]") {
  Listener listener(0);
  auto notifier = Webhook({{"urls", listener.url()}, {"format", "slack"}});
  REQUIRE(notifier->Notify(kEvent).ok());
  CHECK(notifier->Flush(10000).ok());  // Delivered, with a 2xx answer.
  std::vector<HttpRequest> got = listener.WaitFor(1);
  REQUIRE(got.size() == 1);
  CHECK(got[0].body ==
        "{\"text\":\"okrd: \\\"NPS\\\" is at risk: confidence 30% is below "
        "40%\"}");
  CHECK_FALSE(got[0].header("X-Okrd-Signature").has_value());
}

TEST_CASE("webhook: bad configuration is refused with the reason",
          "[webhook]") {
  auto lib = LoadPluginLibrary(testing::PluginPath("okrd_webhook"));
  REQUIRE(lib.ok());
  auto none = MakeNotifier(*lib, {});
  CHECK(none.status().message().find("urls is empty") != std::string::npos);
  auto ftp = MakeNotifier(*lib, {{"urls", "ftp://example.org/"}});
  CHECK(ftp.status().message().find("is not an http:// or https:// URL") !=
        std::string::npos);
}

TEST_CASE("okrd serve posts a check-in made with the CLI", "[webhook]") {
  Listener listener(0);
  testing::TempDir dir;
  const std::string conf = dir.File("okrd.conf");
  REQUIRE(testing::WriteFile(
      conf, "[events]\nscan_seconds = 1\n[webhook]\nurls = " + listener.url() +
                "\nsecret = k\n"));
  testing::ServedOkrd server(
      {"--plugin", testing::PluginPath("okrd_webhook"), "--config", conf});
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // Baseline.
  testing::ProcessResult checkin = testing::RunProcess(
      {OKRD_BINARY, "checkin", "--db", server.db(), "--config", conf, "--value",
       "1", "--confidence", "0.9", std::string(kExampleKr)},
      {"OKRD_NOW=2026-11-24T10:00:00Z"});
  INFO(checkin.err);
  REQUIRE(checkin.exit_code == 0);
  std::vector<HttpRequest> got = listener.WaitFor(1);
  REQUIRE(got.size() >= 1);
  CHECK(got[0].header("X-Okrd-Event") == "checkin.submitted");
  CHECK(got[0].body.find("\"target\":\"" + std::string(kExampleKr) + "\"") !=
        std::string::npos);
  CHECK(got[0].header("X-Okrd-Signature") ==
        "sha256=" + PythonHmac("k", got[0].body));
  CHECK(server.Stop() == 0);
}

}  // namespace
}  // namespace okr
