// Copyright 2026 The okrd Authors.
//
// HttpClient: a minimal blocking HTTP/1.1 client over a TCP socket to
// 127.0.0.1, for tests of the embedded server. One object holds at most one
// connection and reuses it across requests (keep-alive) until the server
// answers "Connection: close" or an error occurs; it never reconnects on its
// own in the middle of a request, so a test can count connections.
//
// Responses are read by Content-Length, or to end of stream when there is
// none; chunked responses are not supported (the server never sends them).
// Every socket read and write has a timeout (5 s by default), so a broken
// server fails a test instead of hanging it.
//
// Thread-compatible: use one client per thread.

#ifndef OKR_TESTS_SUPPORT_HTTP_CLIENT_H_
#define OKR_TESTS_SUPPORT_HTTP_CLIENT_H_

#include <string>
#include <string_view>

#include "core/base/result.h"
#include "core/server/http.h"

namespace okr::testing {

struct ClientResponse {
  int status = 0;
  HttpHeaders headers;  // Case-insensitive lookup.
  std::string body;
  // The headers carried Content-Length (its value is in `headers`).
  bool has_content_length = false;
};

class HttpClient {
 public:
  explicit HttpClient(int port, int timeout_ms = 5000);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends one request and reads its response. Connects first if there is
  // no open connection. Adds Host and, when there is a body or the method is
  // POST/PUT/PATCH, Content-Length; `headers` are sent as given, after them.
  // Returns IoError if the connection fails, is closed early or times out,
  // Corruption if the response cannot be parsed; the connection is closed
  // after any error.
  Result<ClientResponse> Send(std::string_view method, std::string_view path,
                              const HttpHeaders& headers = {},
                              std::string_view body = {});
  Result<ClientResponse> Get(std::string_view path) {
    return Send("GET", path);
  }

  // Raw access for malformed or partial requests: writes `bytes` as they
  // are (connecting first if needed), then ReadResponse() reads one
  // response; `head` says the request was HEAD (no body follows).
  Status SendRaw(std::string_view bytes);
  Result<ClientResponse> ReadResponse(bool head = false);

  // Closes the connection, if any.
  void Close();
  bool connected() const { return fd_ >= 0; }
  // Connections opened by this client so far.
  int connections_opened() const { return connections_opened_; }

 private:
  Status EnsureConnected();
  Status WriteAll(std::string_view bytes);
  // Reads more bytes into buffer_; IoError on timeout, EOF or error.
  Status ReadMore();
  Status ReadHeaderBlock(std::string* block);
  Status ReadBody(const ClientResponse& response, bool head, std::string* body);
  Result<ClientResponse> Fail(Status status);

  const int port_;
  const int timeout_ms_;
  int fd_ = -1;
  int connections_opened_ = 0;
  std::string buffer_;  // Bytes received but not yet consumed.
};

}  // namespace okr::testing

#endif  // OKR_TESTS_SUPPORT_HTTP_CLIENT_H_
