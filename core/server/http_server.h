// Copyright 2026 The okrd Authors.
//
// HttpServer: the embedded HTTP/1.1 server, an RAII wrapper over CivetWeb's
// C API. Start() binds and starts the worker threads; destruction stops them
// (blocking until every in-flight request has finished; CivetWeb 1.15 may
// take up to about 2 s). No files are ever served from disk: every request
// goes through the Router.
//
// Per request, on a CivetWeb worker thread:
//   - the path is decoded strictly (DecodeRequestPath); a refused path gets
//     400.
//   - the body is read into memory, at most max_body_bytes. A larger declared
//     Content-Length gets 413 without reading the body; a chunked body gets
//     413 once it grows past the cap; a body that has not arrived after
//     request_timeout_ms gets 408 (a read already waiting may add up to one
//     more request_timeout_ms). These answers close the connection.
//   - the Router produces the response; an exception becomes 500.
//   - the response carries an exact Content-Length and the security headers
//     (DefaultSecurityHeaders()), never Access-Control-* headers. HEAD
//     responses carry the headers of the GET response and no body.
//   - one access line is logged: remote address, method, path (never the
//     query; the route pattern for secret routes), status, body bytes and
//     milliseconds.
//
// Limitations (CivetWeb 1.15): "Expect: 100-continue" gets no interim
// response (clients such as curl send the body after a short wait; a
// too-large Content-Length still gets its 413 at once). Errors CivetWeb
// answers itself (malformed requests: 400, 411, ...) carry the security
// headers but do not reach the access log.

#ifndef OKR_CORE_SERVER_HTTP_SERVER_H_
#define OKR_CORE_SERVER_HTTP_SERVER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "core/base/limits.h"
#include "core/base/result.h"
#include "core/server/router.h"

struct mg_connection;
struct mg_context;
struct mg_request_info;

namespace okr {

struct ServerOptions {
  // "host:port". IPv4 only (Debian's CivetWeb has no IPv6). Port 0 picks a
  // free port; see HttpServer::port().
  std::string listen_address = "127.0.0.1:8080";
  // Worker threads = the most connections served at once; a keep-alive
  // connection holds one for as long as it keeps sending requests, or until
  // it idles keep_alive_timeout_ms. Connections beyond this wait unserved.
  // Each thread costs a 100 KiB stack and CivetWeb's 16 KiB request buffer.
  int num_threads = 64;
  // Deadline for each socket read or write, and for reading a whole body.
  int request_timeout_ms = 10000;
  int keep_alive_timeout_ms = 2000;
  // Requests with a larger body get 413.
  int64_t max_body_bytes = Limits().max_request_body_bytes;
  // CivetWeb's IP filter, e.g. "-0.0.0.0/0,+127.0.0.1/32" (last match
  // wins). Empty: every address may connect.
  std::string access_control_list;
  // Whether to log one line per request.
  bool log_requests = true;
};

class HttpServer {
 public:
  // Starts serving `router` as configured. Returns InvalidArgument for bad
  // options and Unavailable if CivetWeb cannot start (e.g. the port is in
  // use). Call BlockShutdownSignals() (signals.h) first in a daemon so the
  // worker threads inherit the mask. [thread-safe]
  static Result<std::unique_ptr<HttpServer>> Start(const ServerOptions& options,
                                                   Router router);

  // Stops accepting, waits for in-flight requests and joins all workers.
  // Must not be called from a handler.
  ~HttpServer();

  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // The bound TCP port (the real one when 0 was asked for).
  int port() const { return port_; }
  const ServerOptions& options() const { return options_; }

 private:
  HttpServer(const ServerOptions& options, Router router);

  // Called by CivetWeb on a worker thread; `this` is its user data.
  static int OnRequest(mg_connection* conn) noexcept;
  static int OnLogMessage(const mg_connection* conn,
                          const char* message) noexcept;
  // Reads, routes, answers and logs one request; returns the status sent.
  int Serve(mg_connection* conn, const mg_request_info& ri) const;

  const ServerOptions options_;
  const Router router_;
  mg_context* ctx_ = nullptr;  // Owned; stopped by the destructor.
  int port_ = 0;
};

}  // namespace okr

#endif  // OKR_CORE_SERVER_HTTP_SERVER_H_
