// Copyright 2026 The okrd Authors.

#include "core/server/http_server.h"

#include <civetweb.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/log.h"

namespace okr {
namespace {

using SteadyClock = std::chrono::steady_clock;

// Body bytes per mg_read call. The buffer lives on the heap: CivetWeb's
// worker threads have 100 KiB stacks.
constexpr size_t kReadChunkBytes = 16 << 10;
// Body bytes per mg_write call (mg_write takes at most INT_MAX).
constexpr size_t kWriteChunkBytes = 1 << 20;
// Paths longer than this are cut short in the access log.
constexpr size_t kMaxLoggedPathBytes = 256;

void InitCivetWebOnce() {
  static std::once_flag once;
  std::call_once(once, [] { mg_init_library(0); });
}

Status ValidateOptions(const ServerOptions& options) {
  if (options.listen_address.empty()) {
    return InvalidArgument("server listen address is empty");
  }
  if (options.num_threads < 1) {
    return InvalidArgument("server num_threads must be at least 1");
  }
  if (options.request_timeout_ms < 1 || options.keep_alive_timeout_ms < 1) {
    return InvalidArgument("server timeouts must be positive");
  }
  if (options.max_body_bytes < 0) {
    return InvalidArgument("server max_body_bytes must not be negative");
  }
  return Status::Ok();
}

// Security headers as "Name: value\r\n" lines, for CivetWeb's own error
// responses (its "additional_header" option); ours add them per response.
std::string SecurityHeaderLines() {
  std::string lines;
  for (const HttpHeader& field : DefaultSecurityHeaders()) {
    lines += field.name + ": " + field.value + "\r\n";
  }
  return lines;
}

// Name/value pairs for mg_start2. Never sets document_root: nothing is
// served from disk, which keeps CivetWeb's file, CGI and directory code
// (and their known bugs) unreachable.
std::vector<std::pair<std::string, std::string>> CivetWebOptions(
    const ServerOptions& options) {
  std::vector<std::pair<std::string, std::string>> kv = {
      {"listening_ports", options.listen_address},
      {"num_threads", std::to_string(options.num_threads)},
      {"request_timeout_ms", std::to_string(options.request_timeout_ms)},
      {"enable_keep_alive", "yes"},
      {"keep_alive_timeout_ms", std::to_string(options.keep_alive_timeout_ms)},
      {"tcp_nodelay", "1"},  // Else Nagle stalls keep-alive responses.
      {"connection_queue", "32"},
      {"listen_backlog", "128"},
      {"access_control_allow_origin", ""},  // No CORS, not even preflights.
      {"access_control_allow_methods", ""},
      {"access_control_allow_headers", ""},
      {"enable_directory_listing", "no"},
      {"decode_url", "no"},  // DecodeRequestPath does it, strictly.
      {"additional_header", SecurityHeaderLines()},
  };
  if (!options.access_control_list.empty()) {
    kv.emplace_back("access_control_list", options.access_control_list);
  }
  return kv;
}

int BoundPort(const mg_context* ctx) {
  mg_server_port ports[4] = {};
  int n = mg_get_server_ports(ctx, 4, ports);
  return n > 0 ? ports[0].port : 0;
}

// Fills *request from CivetWeb's view, except the body. Returns the error
// response to send instead (400 for a path DecodeRequestPath refuses).
std::optional<HttpResponse> RequestFrom(const mg_request_info& ri,
                                        HttpRequest* request) {
  request->method = ri.request_method ? ri.request_method : "";
  request->query = ri.query_string ? ri.query_string : "";
  request->remote_address = ri.remote_addr;
  for (int i = 0; i < ri.num_headers; ++i) {
    const mg_header& h = ri.http_headers[i];
    request->headers.Add(h.name ? h.name : "", h.value ? h.value : "");
  }
  // Still percent-encoded ("decode_url" is off), literal dot segments gone.
  std::string_view raw_path = ri.local_uri ? ri.local_uri : "";
  std::optional<std::string> path = DecodeRequestPath(raw_path);
  if (!path) {
    request->path = raw_path;  // Only for the access log.
    return TextResponse(400, "bad request path\n");
  }
  request->path = std::move(*path);
  return std::nullopt;
}

// A body that stopped early: 408 if the deadline passed, else 400.
HttpResponse IncompleteBodyResponse(SteadyClock::time_point deadline) {
  if (SteadyClock::now() >= deadline) {
    return TextResponse(408, "request body timed out\n");
  }
  return TextResponse(400, "incomplete request body\n");
}

// Reads the whole request body into *body. Returns the error response to
// send instead (413, 408, 400), or nullopt when the body is complete.
std::optional<HttpResponse> ReadBody(mg_connection* conn,
                                     int64_t content_length,
                                     const ServerOptions& options,
                                     std::string* body) {
  const int64_t cap = options.max_body_bytes;
  if (content_length > cap) return PayloadTooLargeResponse(cap);
  // CivetWeb reports -1 both for a chunked body and for none at all (a
  // request without Content-Length or Transfer-Encoding has no body).
  if (content_length == 0 ||
      (content_length < 0 && mg_get_header(conn, "Transfer-Encoding") == nullptr)) {
    return std::nullopt;
  }
  const bool known = content_length >= 0;  // Else chunked or no body.
  if (known) body->reserve(static_cast<size_t>(content_length));
  const auto deadline = SteadyClock::now() +
                        std::chrono::milliseconds(options.request_timeout_ms);
  auto chunk = std::make_unique_for_overwrite<char[]>(kReadChunkBytes);
  while (!known || static_cast<int64_t>(body->size()) < content_length) {
    size_t want = kReadChunkBytes;
    if (known) {
      want = std::min(want, static_cast<size_t>(content_length) - body->size());
    }
    int n = mg_read(conn, chunk.get(), want);
    if (n == 0 && !known) break;  // The last chunk, or there was no body.
    if (n <= 0) return IncompleteBodyResponse(deadline);
    body->append(chunk.get(), static_cast<size_t>(n));
    if (static_cast<int64_t>(body->size()) > cap) {
      return PayloadTooLargeResponse(cap);
    }
    if (SteadyClock::now() >= deadline) return IncompleteBodyResponse(deadline);
  }
  return std::nullopt;
}

void WriteAll(mg_connection* conn, std::string_view body) {
  while (!body.empty()) {
    size_t n = std::min(body.size(), kWriteChunkBytes);
    if (mg_write(conn, body.data(), n) <= 0) return;  // Client went away.
    body.remove_prefix(n);
  }
}

// Bodies up to this size go out in the same mg_write as the head: one
// send() per response (CivetWeb's mg_response_header_send makes one per
// header line, each its own TCP segment with tcp_nodelay).
constexpr size_t kCoalesceBodyBytes = 64 << 10;

// Whether the connection may stay open after this response, as CivetWeb's
// should_keep_alive decides it: the client's Connection header if it sent
// one, else HTTP/1.1's default.
bool ClientKeepsAlive(mg_connection* conn, const mg_request_info& ri) {
  if (const char* header = mg_get_header(conn, "Connection")) {
    std::string_view options = header;
    while (!options.empty()) {
      const size_t comma = options.find(',');
      std::string_view option = options.substr(0, comma);
      while (!option.empty() && option.front() == ' ') option.remove_prefix(1);
      while (!option.empty() && option.back() == ' ') option.remove_suffix(1);
      if (EqualsIgnoreCase(option, "keep-alive")) return true;
      if (comma == std::string_view::npos) break;
      options.remove_prefix(comma + 1);
    }
    return false;
  }
  return ri.http_version != nullptr && std::string_view(ri.http_version) == "1.1";
}

// FormatHttpDate of now, formatted once per second per thread.
std::string_view DateNow() {
  thread_local std::time_t cached_second = -1;
  thread_local std::string cached;
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    cached = FormatHttpDate(static_cast<UnixSeconds>(now));
    cached_second = now;
  }
  return cached;
}

// Puts `response` on the wire. `close` ends the connection afterwards.
void SendResponse(mg_connection* conn, const mg_request_info& ri,
                  const HttpResponse& response, bool head, bool close) {
  const bool keep_alive = !close && ClientKeepsAlive(conn, ri);
  const bool with_body = !head && StatusAllowsBody(response.status);
  const ResponseHeadInfo info = {
      .http_version = ri.http_version ? ri.http_version : "1.0",
      .reason = mg_get_response_code_text(conn, response.status),
      .date = DateNow(),
      .keep_alive = keep_alive};
  std::string wire;
  std::string_view body = with_body ? response.Body() : std::string_view();
  wire.reserve(1024 + (body.size() <= kCoalesceBodyBytes ? body.size() : 0));
  if (Status s = AppendResponseHead(response, info, &wire); !s.ok()) {
    LogError("bad response from handler: " + s.message());
    SendResponse(conn, ri, InternalErrorResponse(), head, close);
    return;
  }
  // CivetWeb then closes the connection after this request, as announced.
  if (!keep_alive) mg_disable_connection_keep_alive(conn);
  if (body.size() <= kCoalesceBodyBytes) {
    wire += body;
    body = {};
  }
  WriteAll(conn, wire);
  WriteAll(conn, body);
}

// Last resort when building a response threw (out of memory): a 500 built
// from constants, if no byte of a response has been sent yet.
void SendEmergency500(mg_connection* conn) noexcept {
  mg_disable_connection_keep_alive(conn);
  if (mg_response_header_start(conn, 500) != 0) return;
  mg_response_header_add(conn, "Content-Length", "0", -1);
  for (const HttpHeader& field : DefaultSecurityHeaders()) {
    mg_response_header_add(conn, field.name.c_str(), field.value.c_str(), -1);
  }
  mg_response_header_send(conn);
}

// Who asked for what, captured before the request is handed on.
struct AccessEntry {
  std::string remote_address;
  std::string method;
  std::string path;  // Already the loggable form (see RouteInfo::LogPath).
};

std::string AccessLine(const AccessEntry& entry, const HttpResponse& response,
                       SteadyClock::time_point start) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                SteadyClock::now() - start)
                .count();
  std::string line = entry.remote_address + " " + entry.method + " ";
  line += std::string_view(entry.path).substr(0, kMaxLoggedPathBytes);
  if (entry.path.size() > kMaxLoggedPathBytes) line += "...";
  line += " " + std::to_string(response.status) + " " +
          std::to_string(response.Body().size()) + "B " + std::to_string(ms) +
          "ms";
  return line;
}

}  // namespace

HttpServer::HttpServer(const ServerOptions& options, Router router)
    : options_(options), router_(std::move(router)) {}

HttpServer::~HttpServer() {
  if (ctx_ != nullptr) mg_stop(ctx_);
}

Result<std::unique_ptr<HttpServer>> HttpServer::Start(
    const ServerOptions& options, Router router) {
  OKR_RETURN_IF_ERROR(ValidateOptions(options));
  InitCivetWebOnce();
  std::unique_ptr<HttpServer> server(
      new HttpServer(options, std::move(router)));

  const auto kv = CivetWebOptions(options);
  std::vector<const char*> argv;
  for (const auto& [name, value] : kv) {
    argv.push_back(name.c_str());
    argv.push_back(value.c_str());
  }
  argv.push_back(nullptr);

  mg_callbacks callbacks = {};
  callbacks.begin_request = &HttpServer::OnRequest;
  callbacks.log_message = &HttpServer::OnLogMessage;
  mg_init_data init = {&callbacks, server.get(), argv.data()};
  unsigned error_code = 0;
  std::string error_text(256, '\0');
  mg_error_data error = {&error_code, error_text.data(), error_text.size()};

  server->ctx_ = mg_start2(&init, &error);
  if (server->ctx_ == nullptr) {
    error_text.resize(error_text.find('\0'));
    return Unavailable("cannot start HTTP server on " + options.listen_address +
                       ": " + error_text);
  }
  server->port_ = BoundPort(server->ctx_);
  return server;
}

// CivetWeb calls this first for every parsed request (the begin_request
// callback), so no request is ever handled by CivetWeb itself; returning the
// status tells it the request is done.
int HttpServer::OnRequest(mg_connection* conn) noexcept {
  const mg_request_info* ri = mg_get_request_info(conn);
  const auto* server = static_cast<const HttpServer*>(ri->user_data);
  try {
    return server->Serve(conn, *ri);
  } catch (...) {
    LogError("HTTP request failed before a response could be built");
  }
  SendEmergency500(conn);
  return 500;
}

int HttpServer::Serve(mg_connection* conn, const mg_request_info& ri) const {
  const auto start = SteadyClock::now();
  HttpRequest request;
  std::optional<HttpResponse> error = RequestFrom(ri, &request);
  const bool head = request.method == "HEAD";
  const AccessEntry entry = {
      request.remote_address, request.method,
      std::string(router_.Describe(request.path).LogPath(request.path))};

  if (!error) {
    error = ReadBody(conn, ri.content_length, options_, &request.body);
  }
  const bool close = error.has_value();  // The body was not read to its end.
  HttpResponse response =
      close ? std::move(*error) : router_.Dispatch(std::move(request));
  // Logged before sending, so the line exists once the client has its reply.
  if (options_.log_requests) LogInfo(AccessLine(entry, response, start));
  SendResponse(conn, ri, response, head, close);
  return response.status;
}

int HttpServer::OnLogMessage(const mg_connection* /*conn*/,
                             const char* message) noexcept {
  try {
    std::string_view text = message ? message : "";
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
      text.remove_suffix(1);
    }
    LogWarn("civetweb: " + std::string(text));
  } catch (...) {
    // Out of memory: drop the message.
  }
  return 1;  // Handled: CivetWeb writes nothing itself.
}

}  // namespace okr
