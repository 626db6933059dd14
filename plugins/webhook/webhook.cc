// Copyright 2026 The okrd Authors.
//
// The webhook notifier plugin (okrd_webhook.so), okr.notifier/1. Each event
// is POSTed to every configured URL as
//   format = json:        {"event": TYPE, "time": ISO, "unix_time": N,
//                          "summary": TEXT, "attrs": {...}}
//   format = slack or
//            mattermost:  {"text": SUMMARY}  (incoming-webhook body)
// with headers Content-Type: application/json, X-Okrd-Event: TYPE and,
// when a secret is set, X-Okrd-Signature: sha256=<hex HMAC-SHA256(secret,
// body)> (libsodium). notify() only queues: delivery runs on the plugin's
// own thread, with a per-attempt timeout (connect, send and the answer's
// status line; non-blocking sockets and poll; https through CivetWeb's TLS
// client once the host accepted a connection within the timeout) and
// `retries` more attempts after a failure (connection error or non-2xx)
// waiting 0.5 s, 1 s, 2 s, ... The queue holds 1000 events; beyond that
// the oldest is dropped and logged. destroy() delivers nothing further
// after the attempt under way and joins the thread.
//
// Configuration (okr_kv, from okrd.conf [webhook]): urls (space-separated,
// http:// or https://host[:port]/path), secret, format, timeout_ms, retries.

#include <civetweb.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "okr_plugin.h"

namespace okr::webhook {
namespace {

struct Url {
  std::string host, path;
  int port = 80;
  bool tls = false;
  std::string text;
};

bool ParseUrl(const std::string& text, Url* out) {
  std::string rest;
  if (text.rfind("http://", 0) == 0) {
    rest = text.substr(7);
  } else if (text.rfind("https://", 0) == 0) {
    rest = text.substr(8);
    out->tls = true;
    out->port = 443;
  } else {
    return false;
  }
  const size_t slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  out->path = slash == std::string::npos ? "/" : rest.substr(slash);
  const size_t colon = authority.rfind(':');
  if (colon != std::string::npos) {
    char* end = nullptr;
    const long port = std::strtol(authority.c_str() + colon + 1, &end, 10);
    if (*end != '\0' || port <= 0 || port > 65535) return false;
    out->port = static_cast<int>(port);
    authority.resize(colon);
  }
  out->host = authority;
  out->text = text;
  return !out->host.empty() &&
         out->path.find_first_of("\r\n ") == std::string::npos;
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string Str(okr_str s) { return s.ptr ? std::string(s.ptr, s.len) : ""; }

std::string IsoTime(int64_t t) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm;
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string HmacHex(const std::string& key, const std::string& body) {
  crypto_auth_hmacsha256_state state;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_init(
      &state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(
      &state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

using Clock = std::chrono::steady_clock;

// One socket descriptor, closed on destruction.
class Socket {
 public:
  explicit Socket(int fd = -1) : fd_(fd) {}
  Socket(Socket&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Socket& operator=(Socket&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  ~Socket() { Close(); }
  void Close() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }
  bool ok() const { return fd_ >= 0; }
  int fd() const { return fd_; }

 private:
  int fd_;
};

int MillisLeft(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

// Waits for `events` on fd until the deadline; false on timeout or error.
bool WaitFor(int fd, short events, Clock::time_point deadline) {
  while (true) {
    pollfd p{fd, events, 0};
    const int n = poll(&p, 1, MillisLeft(deadline));
    if (n > 0) return true;
    if (n == 0 || errno != EINTR) return false;
  }
}

// A connected non-blocking socket to url's host, trying each address until
// the deadline; *problem says why when it returns a closed Socket.
Socket ConnectWithin(const Url& url, Clock::time_point deadline,
                     std::string* problem) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(url.port);
  if (const int rc = getaddrinfo(url.host.c_str(), port.c_str(), &hints,
                                 &found);
      rc != 0) {
    *problem = "cannot connect: " + std::string(gai_strerror(rc));
    return Socket();
  }
  *problem = "cannot connect: no address";
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
    Socket s(socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                    a->ai_protocol));
    if (!s.ok()) continue;
    if (connect(s.fd(), a->ai_addr, a->ai_addrlen) != 0 &&
        errno != EINPROGRESS) {
      *problem = "cannot connect: " + std::string(std::strerror(errno));
      continue;
    }
    if (!WaitFor(s.fd(), POLLOUT, deadline)) {
      *problem = "cannot connect within the timeout";
      continue;
    }
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(s.fd(), SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) {
      *problem = "cannot connect: " + std::string(std::strerror(err));
      continue;
    }
    freeaddrinfo(found);
    return s;
  }
  freeaddrinfo(found);
  return Socket();
}

std::string StatusProblem(int status) {
  return status >= 200 && status <= 299 ? "" : "HTTP " + std::to_string(status);
}

// Sends `request` on a connected socket and reads the status line, all
// before the deadline.
std::string Exchange(const Socket& s, const std::string& request,
                     Clock::time_point deadline) {
  for (size_t sent = 0; sent < request.size();) {
    if (!WaitFor(s.fd(), POLLOUT, deadline)) return "cannot send the request";
    const ssize_t n = send(s.fd(), request.data() + sent,
                           request.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno != EAGAIN && errno != EINTR) {
      return "cannot send the request";
    }
    if (n > 0) sent += static_cast<size_t>(n);
  }
  std::string head;
  while (head.find("\r\n") == std::string::npos && head.size() < 4096) {
    if (!WaitFor(s.fd(), POLLIN, deadline)) return "no answer within the timeout";
    char buf[512];
    const ssize_t n = recv(s.fd(), buf, sizeof buf, 0);
    if (n == 0) break;
    if (n < 0 && errno != EAGAIN && errno != EINTR) return "no answer";
    if (n > 0) head.append(buf, static_cast<size_t>(n));
  }
  // "HTTP/1.1 204 No Content"
  if (head.rfind("HTTP/1.", 0) != 0 || head.size() < 12) {
    return "no valid answer";
  }
  return StatusProblem(std::atoi(head.c_str() + 9));
}

struct Delivery {
  std::string type;
  std::string body;
};

class Webhook {
 public:
  Webhook(const okr_host* host, std::vector<Url> urls, std::string secret,
          bool slack, int timeout_ms, int retries)
      : host_(host),
        urls_(std::move(urls)),
        secret_(std::move(secret)),
        slack_(slack),
        timeout_ms_(timeout_ms),
        retries_(retries),
        thread_([this] { Run(); }) {}

  ~Webhook() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

  void Enqueue(const okr_event* ev) {
    Delivery d{Str(ev->type), slack_ ? SlackBody(ev) : JsonBody(ev)};
    std::lock_guard<std::mutex> lock(mu_);
    if (queue_.size() >= 1000) {
      Log(OKR_SEV_WARNING,
          "webhook queue full: dropped a " + queue_.front().type + " event");
      queue_.pop_front();
    }
    queue_.push_back(std::move(d));
    cv_.notify_all();
  }

 private:
  static std::string JsonBody(const okr_event* ev) {
    std::string attrs;
    for (size_t i = 0; i < ev->n_attrs; ++i) {
      attrs += (i ? "," : "") + JsonString(Str(ev->attrs[i].key)) + ":" +
               JsonString(Str(ev->attrs[i].value));
    }
    return "{\"event\":" + JsonString(Str(ev->type)) +
           ",\"time\":" + JsonString(IsoTime(ev->time)) +
           ",\"unix_time\":" + std::to_string(ev->time) +
           ",\"summary\":" + JsonString(Str(ev->summary)) + ",\"attrs\":{" +
           attrs + "}}";
  }

  static std::string SlackBody(const okr_event* ev) {
    return "{\"text\":" + JsonString("okrd: " + Str(ev->summary)) + "}";
  }

  void Log(int32_t level, const std::string& message) {
    if (host_ != nullptr && host_->log != nullptr) {
      host_->log(host_, level, {message.data(), message.size()});
    }
  }

  // One POST; returns "" on a 2xx answer, else what went wrong. Connects
  // itself (non-blocking connect + poll) so that a host that never answers
  // costs at most timeout_ms; plain http then runs on that socket with the
  // same deadline, https hands over to CivetWeb's TLS client.
  std::string Post(const Url& url, const Delivery& d) {
    const Clock::time_point deadline =
        Clock::now() + std::chrono::milliseconds(timeout_ms_);
    std::string problem;
    Socket sock = ConnectWithin(url, deadline, &problem);
    if (!sock.ok()) return problem;
    const std::string request = RequestHead(url, d) + d.body;
    if (!url.tls) return Exchange(sock, request, deadline);
    sock.Close();  // The host answers: CivetWeb opens its TLS connection.
    char error[256] = "";
    mg_connection* conn = mg_connect_client(url.host.c_str(), url.port, 1,
                                            error, sizeof error);
    if (conn == nullptr) return std::string("cannot connect: ") + error;
    std::string result;
    if (mg_write(conn, request.data(), request.size()) <= 0) {
      result = "cannot send the request";
    } else if (mg_get_response(conn, error, sizeof error, timeout_ms_) < 0) {
      result = std::string("no answer: ") + error;
    } else {
      const mg_response_info* info = mg_get_response_info(conn);
      result = StatusProblem(info ? info->status_code : 0);
    }
    mg_close_connection(conn);
    return result;
  }

  std::string RequestHead(const Url& url, const Delivery& d) const {
    std::string head = "POST " + url.path + " HTTP/1.1\r\nHost: " + url.host +
                       "\r\nContent-Type: application/json\r\n"
                       "User-Agent: okrd-webhook/0.1\r\nX-Okrd-Event: " +
                       d.type +
                       "\r\nContent-Length: " + std::to_string(d.body.size()) +
                       "\r\nConnection: close\r\n";
    if (!secret_.empty()) {
      head += "X-Okrd-Signature: sha256=" + HmacHex(secret_, d.body) + "\r\n";
    }
    return head + "\r\n";
  }

  // Tries one URL with retries; false when stopping. *delivered: whether
  // an attempt succeeded.
  bool Deliver(const Url& url, const Delivery& d, bool* delivered) {
    int delay_ms = 500;
    *delivered = false;
    for (int attempt = 0; attempt <= retries_; ++attempt) {
      const std::string problem = Post(url, d);
      *delivered = problem.empty();
      if (problem.empty()) return true;
      Log(OKR_SEV_WARNING, "webhook " + url.text + ": " + d.type + ": " +
                               problem + " (attempt " +
                               std::to_string(attempt + 1) + " of " +
                               std::to_string(retries_ + 1) + ")");
      if (attempt == retries_) break;
      std::unique_lock<std::mutex> lock(mu_);
      if (cv_.wait_for(lock, std::chrono::milliseconds(delay_ms),
                       [this] { return stop_; })) {
        return false;
      }
      delay_ms *= 2;
    }
    return true;
  }

  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      Delivery d = std::move(queue_.front());
      queue_.pop_front();
      in_flight_ = true;
      lock.unlock();
      bool go_on = true, all_delivered = true;
      for (const Url& u : urls_) {
        bool delivered = false;
        if (go_on) go_on = Deliver(u, d, &delivered);
        all_delivered = all_delivered && delivered;
      }
      lock.lock();
      in_flight_ = false;
      if (!all_delivered) ++given_up_;
      cv_.notify_all();
    }
  }

 public:
  // Waits until the queue is empty and nothing is in flight, up to
  // timeout_ms; OKR_OK when every event since the last flush arrived.
  int32_t Flush(int64_t timeout_ms) {
    std::unique_lock<std::mutex> lock(mu_);
    const bool idle =
        cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [this] {
          return stop_ || (queue_.empty() && !in_flight_);
        });
    const int given_up = given_up_;
    given_up_ = 0;
    if (!idle) {
      Log(OKR_SEV_WARNING, "webhook flush: deliveries still under way");
    }
    return idle && given_up == 0 ? OKR_OK : OKR_E_UNAVAILABLE;
  }

 private:

  const okr_host* host_;
  const std::vector<Url> urls_;
  const std::string secret_;
  const bool slack_;
  const int timeout_ms_;
  const int retries_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Delivery> queue_;
  bool in_flight_ = false;  // A delivery is under way.
  int given_up_ = 0;        // Events not delivered since the last Flush.
  bool stop_ = false;
  std::thread thread_;  // Last: starts once everything above exists.
};

void Report(const okr_diag_sink* diag, const std::string& message) {
  if (diag != nullptr) {
    diag->report(diag->ctx, OKR_SEV_ERROR, {"[webhook]", 9}, 0, 0,
                 {message.data(), message.size()});
  }
}

bool ToInt(const std::string& text, int min, int max, int* out) {
  char* end = nullptr;
  const long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || v < min || v > max) return false;
  *out = static_cast<int>(v);
  return true;
}

int32_t Create(const okr_host* host, const okr_kv* config, size_t n,
               void** instance, const okr_diag_sink* diag) {
  try {
    std::vector<Url> urls;
    std::string secret, format = "json";
    int timeout_ms = 5000, retries = 3;
    for (size_t i = 0; i < n; ++i) {
      const std::string key = Str(config[i].key), value = Str(config[i].value);
      if (key == "urls") {
        size_t pos = 0;
        while (pos < value.size()) {
          const size_t end = value.find(' ', pos);
          const std::string one = value.substr(pos, end - pos);
          pos = end == std::string::npos ? value.size() : end + 1;
          if (one.empty()) continue;
          Url u;
          if (!ParseUrl(one, &u)) {
            Report(diag,
                   "urls: \"" + one + "\" is not an http:// or https:// URL");
            return OKR_E_CONFIG;
          }
          urls.push_back(u);
        }
      } else if (key == "secret") {
        secret = value;
      } else if (key == "format") {
        format = value;
      } else if (key == "timeout_ms" &&
                 !ToInt(value, 100, 600000, &timeout_ms)) {
        Report(diag, "timeout_ms: expected 100 to 600000");
        return OKR_E_CONFIG;
      } else if (key == "retries" && !ToInt(value, 0, 10, &retries)) {
        Report(diag, "retries: expected 0 to 10");
        return OKR_E_CONFIG;
      }
    }
    if (urls.empty()) {
      Report(diag, "urls is empty: nowhere to send events");
      return OKR_E_CONFIG;
    }
    if (format != "json" && format != "slack" && format != "mattermost") {
      Report(diag, "format: expected json, slack or mattermost");
      return OKR_E_CONFIG;
    }
    if (sodium_init() < 0) return OKR_E_INTERNAL;
    mg_init_library(0);
    *instance = new Webhook(host, std::move(urls), secret, format != "json",
                            timeout_ms, retries);
    return OKR_OK;
  } catch (...) {
    return OKR_E_INTERNAL;
  }
}

int32_t Notify(void* instance, const okr_event* event) {
  try {
    if (instance == nullptr || event == nullptr) return OKR_E_INTERNAL;
    static_cast<Webhook*>(instance)->Enqueue(event);
    return OKR_OK;
  } catch (...) {
    return OKR_E_INTERNAL;
  }
}

int32_t Flush(void* instance, int64_t timeout_ms) {
  try {
    if (instance == nullptr || timeout_ms < 0) return OKR_E_INTERNAL;
    return static_cast<Webhook*>(instance)->Flush(timeout_ms);
  } catch (...) {
    return OKR_E_INTERNAL;
  }
}

void Destroy(void* instance) {
  try {
    delete static_cast<Webhook*>(instance);
  } catch (...) {
  }
}

const okr_notifier_v1 kNotifier = {sizeof(okr_notifier_v1), Create, Notify,
                                   Destroy, Flush};

const void* GetInterface(const char* id) {
  return std::strcmp(id, OKR_IFACE_NOTIFIER_1) == 0 ? &kNotifier : nullptr;
}

// RFC 4231 test case 2: HMAC-SHA256("Jefe", "what do ya want for nothing?").
int32_t SelfTest(const okr_host* /*host*/, const okr_diag_sink* diag) {
  try {
    if (sodium_init() < 0) return OKR_E_INTERNAL;
    const std::string want =
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    if (HmacHex("Jefe", "what do ya want for nothing?") != want) {
      Report(diag, "HMAC-SHA256 does not match RFC 4231 test case 2");
      return OKR_E_INTERNAL;
    }
    Url u;
    if (!ParseUrl("http://127.0.0.1:9/hook", &u) || u.port != 9 ||
        u.path != "/hook" || ParseUrl("ftp://x/", &u)) {
      Report(diag, "URL parsing is broken");
      return OKR_E_INTERNAL;
    }
    return OKR_OK;
  } catch (...) {
    return OKR_E_INTERNAL;
  }
}

const okr_plugin kPlugin = {
    OKR_ABI_MAJOR,
    OKR_ABI_MINOR,
    sizeof(okr_plugin),
    "org.okrd.webhook",
    "Webhook notifier (JSON, Slack, Mattermost; HMAC-signed)",
    "0.1.0",
    GetInterface,
    SelfTest};

}  // namespace
}  // namespace okr::webhook

extern "C" OKR_EXPORT const okr_plugin* okr_plugin_entry(void) {
  return &okr::webhook::kPlugin;
}
