// Copyright 2026 The okrd Authors.
//
// Plain HTTP request and response values passed between the server wrapper
// (http_server.h), the router (router.h) and the handlers. No sockets, no
// CivetWeb: everything here is pure and thread-compatible.

#ifndef OKR_CORE_SERVER_HTTP_H_
#define OKR_CORE_SERVER_HTTP_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/ascii.h"
#include "core/base/civil_time.h"
#include "core/base/result.h"

namespace okr {

struct HttpHeader {
  std::string name;
  std::string value;
};

// Header fields in order. Lookups ignore ASCII case; views returned by Get()
// stay valid until the next change to the object.
class HttpHeaders {
 public:
  HttpHeaders() = default;
  HttpHeaders(std::initializer_list<HttpHeader> fields) : fields_(fields) {}

  // Appends a field, keeping any existing ones of the same name.
  void Add(std::string name, std::string value);
  // Replaces every field named `name` with this one.
  void Set(std::string name, std::string value);
  void Remove(std::string_view name);

  // The first field named `name`, or nullopt.
  std::optional<std::string_view> Get(std::string_view name) const;
  bool Has(std::string_view name) const { return Get(name).has_value(); }

  const std::vector<HttpHeader>& fields() const { return fields_; }
  size_t size() const { return fields_.size(); }
  bool empty() const { return fields_.empty(); }

 private:
  std::vector<HttpHeader> fields_;
};

// One request as a handler sees it. The body has been read completely and
// is never larger than the server's max_body_bytes.
struct HttpRequest {
  std::string method;  // As sent, e.g. "GET".
  std::string path;    // Decoded (DecodeRequestPath), no query,
                       // e.g. "/objectives/a b".
  std::string query;   // Raw (still percent-encoded), without '?'.
  HttpHeaders headers;
  std::string body;
  std::string remote_address;  // Peer IP, e.g. "127.0.0.1".
  // Set by the Router for prefix routes: `path` after the prefix ("a b" for
  // "/objectives/a b" on "/objectives/"). Empty for exact routes.
  std::string path_remainder;

  std::optional<std::string_view> header(std::string_view name) const {
    return headers.Get(name);
  }
};

// One response as a handler builds it. The server adds Content-Length,
// Date, Connection and the security headers (see BuildResponseFields).
struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  // Immutable bytes shared with a cache, sent instead of `body` (which is
  // then ignored) without copying them. Read the body through Body().
  std::shared_ptr<const std::string> shared_body;
  // Extra fields. A field with the name of a default security header
  // replaces that default for this response.
  HttpHeaders headers;

  std::string_view Body() const {
    return shared_body ? std::string_view(*shared_body) : std::string_view(body);
  }
};

// Percent-decodes the path of a request target (without its query).
// Returns nullopt, which the server answers with 400, for a malformed escape
// ("%zz", "%4"), a decoded control byte (NUL, CR, LF, ...) or a "." or ".."
// segment (CivetWeb resolves literal ones first, so these were encoded).
std::optional<std::string> DecodeRequestPath(std::string_view raw);

// Builders for common responses. Bodies of the error responses are short
// plain text ending in "\n" and never echo request data.
HttpResponse TextResponse(int status, std::string body);  // text/plain
HttpResponse JsonResponse(int status, std::string json);  // application/json
HttpResponse HtmlResponse(int status, std::string html);  // text/html
HttpResponse NotFoundResponse();                          // 404
// 405 with "Allow: <allow>", e.g. allow = "GET, HEAD".
HttpResponse MethodNotAllowedResponse(std::string_view allow);
HttpResponse PayloadTooLargeResponse(int64_t limit_bytes);  // 413
HttpResponse InternalErrorResponse();                       // 500

// The fields every response carries unless the handler set a field of the
// same name: Content-Security-Policy, X-Content-Type-Options,
// Referrer-Policy and X-Frame-Options.
const std::vector<HttpHeader>& DefaultSecurityHeaders();

// False for statuses that must not carry a body (204, 304).
bool StatusAllowsBody(int status);

// The complete list of header fields to send for `response`, in order:
// Content-Type and Content-Length (when the status allows a body; the length
// is body.size(), also for HEAD), the security defaults the response does
// not override, then the response's own fields. Fields the server owns
// (Content-Length, Content-Type, Transfer-Encoding, Connection, Date) and
// every Access-Control-* field in response.headers are dropped: okrd never
// answers CORS.
// Returns InvalidArgument if the status is outside 200..599, or a field name
// is not an HTTP token, or a value (or the content type) contains CR, LF or
// another control byte other than tab (sending it would split the header),
// or is longer than kMaxFieldValueBytes, or there would be more than
// kMaxResponseFields fields.
inline constexpr size_t kMaxResponseFields = 48;
inline constexpr size_t kMaxFieldValueBytes = 8192;
Result<std::vector<HttpHeader>> BuildResponseFields(
    const HttpResponse& response);

// The same fields as BuildResponseFields, with the same checks, handed to
// `visit` one by one without copying them. On an error `visit` may already
// have seen some fields.
using ResponseFieldVisitor =
    std::function<void(std::string_view name, std::string_view value)>;
Status ForEachResponseField(const HttpResponse& response,
                            const ResponseFieldVisitor& visit);

// What the server adds to every response head besides the response's own
// fields.
struct ResponseHeadInfo {
  std::string_view http_version;  // Of the request: "1.1" or "1.0".
  std::string_view reason;        // e.g. "OK"; may be empty.
  std::string_view date;          // FormatHttpDate() of now.
  bool keep_alive = true;         // "Connection: keep-alive" or "close".
};

// Appends the complete response head to *out: the status line
// "HTTP/<version> <status> <reason>", the fields of BuildResponseFields in
// order, then Date and Connection, and the empty line. Same errors as
// BuildResponseFields (*out may then hold part of a head).
Status AppendResponseHead(const HttpResponse& response,
                          const ResponseHeadInfo& info, std::string* out);

// Formats an HTTP-date ("Tue, 15 Nov 1994 08:12:31 GMT"); parses one
// (IMF-fixdate only), nullopt for anything else.
std::string FormatHttpDate(UnixSeconds t);
std::optional<UnixSeconds> ParseHttpDate(std::string_view text);

}  // namespace okr

#endif  // OKR_CORE_SERVER_HTTP_H_
