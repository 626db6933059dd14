// Copyright 2026 The okrd Authors.

#include "tests/support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <utility>

namespace okr::testing {
namespace {

constexpr size_t kMaxHeaderBlockBytes = 64 << 10;

std::string ErrnoText(std::string_view what) {
  return std::string(what) + ": " + std::strerror(errno);
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

template <typename Int>
bool ParseInt(std::string_view text, Int* out) {
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

// "HTTP/1.1 200 OK" -> 200.
Result<int> ParseStatusLine(std::string_view line) {
  if (!line.starts_with("HTTP/1.") || line.size() < 12 || line[8] != ' ') {
    return Corruption("bad status line: " + std::string(line));
  }
  int status = 0;
  if (!ParseInt(line.substr(9, 3), &status)) {
    return Corruption("bad status code: " + std::string(line));
  }
  return status;
}

// Parses the status line and fields of `block` (CRLF lines, no blank line).
Result<ClientResponse> ParseHeaderBlock(std::string_view block) {
  size_t eol = block.find("\r\n");
  OKR_ASSIGN_OR_RETURN(int status, ParseStatusLine(block.substr(0, eol)));
  ClientResponse response;
  response.status = status;
  while (eol != std::string_view::npos) {
    block.remove_prefix(eol + 2);
    eol = block.find("\r\n");
    std::string_view line = block.substr(0, eol);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return Corruption("bad header line: " + std::string(line));
    }
    response.headers.Add(std::string(line.substr(0, colon)),
                         std::string(TrimSpaces(line.substr(colon + 1))));
  }
  response.has_content_length = response.headers.Has("Content-Length");
  return response;
}

bool HasNoBody(int status, bool head) {
  return head || (status >= 100 && status < 200) || status == 204 ||
         status == 304;
}

}  // namespace

HttpClient::HttpClient(int port, int timeout_ms)
    : port_(port), timeout_ms_(timeout_ms) {}

HttpClient::~HttpClient() { Close(); }

void HttpClient::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  buffer_.clear();
}

Status HttpClient::EnsureConnected() {
  if (fd_ >= 0) return Status::Ok();
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return IoError(ErrnoText("socket"));
  timeval tv = {timeout_ms_ / 1000, (timeout_ms_ % 1000) * 1000};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port_));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    Status error = IoError(ErrnoText("connect"));
    ::close(fd);
    return error;
  }
  fd_ = fd;
  ++connections_opened_;
  return Status::Ok();
}

Status HttpClient::WriteAll(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return IoError(ErrnoText("send"));
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

Status HttpClient::ReadMore() {
  char chunk[16 << 10];
  for (;;) {
    ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) return IoError("connection closed by server");
    if (n < 0) return IoError(ErrnoText("recv"));
    buffer_.append(chunk, static_cast<size_t>(n));
    return Status::Ok();
  }
}

Status HttpClient::ReadHeaderBlock(std::string* block) {
  size_t end;
  while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (buffer_.size() > kMaxHeaderBlockBytes) {
      return Corruption("response header block too large");
    }
    OKR_RETURN_IF_ERROR(ReadMore());
  }
  *block = buffer_.substr(0, end);
  buffer_.erase(0, end + 4);
  return Status::Ok();
}

Status HttpClient::ReadBody(const ClientResponse& response, bool head,
                            std::string* body) {
  if (HasNoBody(response.status, head)) return Status::Ok();
  if (response.headers.Has("Transfer-Encoding")) {
    return Corruption("chunked responses are not supported");
  }
  if (!response.has_content_length) {  // Body runs to end of stream.
    while (ReadMore().ok()) {
    }
    *body = std::move(buffer_);
    Close();
    return Status::Ok();
  }
  size_t length = 0;
  if (!ParseInt(*response.headers.Get("Content-Length"), &length)) {
    return Corruption("bad Content-Length");
  }
  while (buffer_.size() < length) OKR_RETURN_IF_ERROR(ReadMore());
  *body = buffer_.substr(0, length);
  buffer_.erase(0, length);
  return Status::Ok();
}

Result<ClientResponse> HttpClient::Fail(Status status) {
  Close();
  return status;
}

Status HttpClient::SendRaw(std::string_view bytes) {
  Status status = EnsureConnected();
  if (status.ok()) status = WriteAll(bytes);
  if (!status.ok()) Close();
  return status;
}

Result<ClientResponse> HttpClient::ReadResponse(bool head) {
  if (fd_ < 0) return IoError("not connected");
  std::string block;
  if (Status s = ReadHeaderBlock(&block); !s.ok()) return Fail(s);
  Result<ClientResponse> response = ParseHeaderBlock(block);
  if (!response.ok()) return Fail(response.status());
  if (Status s = ReadBody(*response, head, &response->body); !s.ok()) {
    return Fail(s);
  }
  std::optional<std::string_view> connection =
      response->headers.Get("Connection");
  if (connection && EqualsIgnoreCase(*connection, "close")) Close();
  return response;
}

Result<ClientResponse> HttpClient::Send(std::string_view method,
                                        std::string_view path,
                                        const HttpHeaders& headers,
                                        std::string_view body) {
  std::string request =
      std::string(method) + " " + std::string(path) +
      " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT" ||
      method == "PATCH") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  for (const HttpHeader& field : headers.fields()) {
    request += field.name + ": " + field.value + "\r\n";
  }
  request += "\r\n";
  request += body;
  OKR_RETURN_IF_ERROR(SendRaw(request));
  return ReadResponse(method == "HEAD");
}

}  // namespace okr::testing
