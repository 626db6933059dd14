// Copyright 2026 The okrd Authors.

#include "core/server/http.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <utility>

#include "core/base/ascii.h"

namespace okr {
namespace {

bool IsControlByte(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f;
}

// RFC 9110 token characters.
bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
      (c >= '0' && c <= '9')) {
    return true;
  }
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), IsTokenChar);
}

// Visible bytes, spaces, tabs and obs-text; no CR, LF, NUL or other controls.
bool IsSafeFieldValue(std::string_view value) {
  return std::none_of(value.begin(), value.end(),
                      [](char c) { return c != '\t' && IsControlByte(c); });
}

// Fields whose value the server decides; handlers cannot set them.
bool IsServerOwnedField(std::string_view name) {
  for (std::string_view owned : {"Content-Length", "Content-Type",
                                 "Transfer-Encoding", "Connection", "Date"}) {
    if (EqualsIgnoreCase(name, owned)) return true;
  }
  return StartsWithIgnoreCase(name, "Access-Control-");
}

Status CheckField(std::string_view name, std::string_view value) {
  if (!IsToken(name)) {
    return InvalidArgument("response header name is not a token");
  }
  if (value.size() > kMaxFieldValueBytes) {
    return InvalidArgument("response header " + std::string(name) +
                           " is too long");
  }
  if (!IsSafeFieldValue(value)) {
    return InvalidArgument("response header " + std::string(name) +
                           " has a control character in its value");
  }
  return Status::Ok();
}

bool HasDotSegment(std::string_view path) {
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    if (segment == "." || segment == "..") return true;
    start = end + 1;
  }
  return false;
}

HttpResponse MakeResponse(int status, std::string content_type,
                          std::string body) {
  HttpResponse response;
  response.status = status;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  return response;
}

}  // namespace

std::optional<std::string> DecodeRequestPath(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '%') {
      int hi = i + 2 < raw.size() ? HexDigitValue(raw[i + 1]) : -1;
      int lo = hi >= 0 ? HexDigitValue(raw[i + 2]) : -1;
      if (lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (IsControlByte(c)) return std::nullopt;
    out += c;
  }
  if (HasDotSegment(out)) return std::nullopt;
  return out;
}

void HttpHeaders::Add(std::string name, std::string value) {
  fields_.push_back({std::move(name), std::move(value)});
}

void HttpHeaders::Set(std::string name, std::string value) {
  Remove(name);
  Add(std::move(name), std::move(value));
}

void HttpHeaders::Remove(std::string_view name) {
  std::erase_if(fields_, [name](const HttpHeader& field) {
    return EqualsIgnoreCase(field.name, name);
  });
}

std::optional<std::string_view> HttpHeaders::Get(std::string_view name) const {
  for (const HttpHeader& field : fields_) {
    if (EqualsIgnoreCase(field.name, name))
      return std::string_view(field.value);
  }
  return std::nullopt;
}

HttpResponse TextResponse(int status, std::string body) {
  return MakeResponse(status, "text/plain; charset=utf-8", std::move(body));
}

HttpResponse JsonResponse(int status, std::string json) {
  return MakeResponse(status, "application/json; charset=utf-8",
                      std::move(json));
}

HttpResponse HtmlResponse(int status, std::string html) {
  return MakeResponse(status, "text/html; charset=utf-8", std::move(html));
}

HttpResponse NotFoundResponse() { return TextResponse(404, "not found\n"); }

HttpResponse MethodNotAllowedResponse(std::string_view allow) {
  HttpResponse response = TextResponse(405, "method not allowed\n");
  response.headers.Set("Allow", std::string(allow));
  return response;
}

HttpResponse PayloadTooLargeResponse(int64_t limit_bytes) {
  return TextResponse(413, "request body exceeds the limit of " +
                               std::to_string(limit_bytes) + " bytes\n");
}

HttpResponse InternalErrorResponse() {
  return TextResponse(500, "internal server error\n");
}

const std::vector<HttpHeader>& DefaultSecurityHeaders() {
  static const std::vector<HttpHeader>* const kHeaders =
      new std::vector<HttpHeader>{
          {"Content-Security-Policy",
           "default-src 'self'; script-src 'self'; style-src 'self'; "
           "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; "
           "form-action 'self'"},
          {"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "no-referrer"},
          {"X-Frame-Options", "DENY"},
      };
  return *kHeaders;
}

bool StatusAllowsBody(int status) { return status != 204 && status != 304; }

Status ForEachResponseField(const HttpResponse& response,
                            const ResponseFieldVisitor& visit) {
  if (response.status < 200 || response.status > 599) {
    return InvalidArgument("response status " +
                           std::to_string(response.status) +
                           " is outside 200..599");
  }
  size_t count = 0;
  auto emit = [&](std::string_view name, std::string_view value) {
    ++count;
    if (count <= kMaxResponseFields) visit(name, value);
  };
  if (StatusAllowsBody(response.status)) {
    OKR_RETURN_IF_ERROR(CheckField("Content-Type", response.content_type));
    emit("Content-Type", response.content_type);
    char length[24];
    auto [end, ec] = std::to_chars(length, length + sizeof length,
                                   response.Body().size());
    emit("Content-Length", std::string_view(length, end - length));
  }
  for (const HttpHeader& field : DefaultSecurityHeaders()) {
    if (!response.headers.Has(field.name)) emit(field.name, field.value);
  }
  for (const HttpHeader& field : response.headers.fields()) {
    OKR_RETURN_IF_ERROR(CheckField(field.name, field.value));
    if (!IsServerOwnedField(field.name)) emit(field.name, field.value);
  }
  if (count > kMaxResponseFields) {
    return InvalidArgument("too many response headers");
  }
  return Status::Ok();
}

Result<std::vector<HttpHeader>> BuildResponseFields(
    const HttpResponse& response) {
  std::vector<HttpHeader> out;
  OKR_RETURN_IF_ERROR(ForEachResponseField(
      response, [&out](std::string_view name, std::string_view value) {
        out.push_back({std::string(name), std::string(value)});
      }));
  return out;
}

Status AppendResponseHead(const HttpResponse& response,
                          const ResponseHeadInfo& info, std::string* out) {
  char status[16];
  auto [end, ec] = std::to_chars(status, status + sizeof status,
                                 response.status);
  *out += "HTTP/";
  *out += info.http_version;
  *out += ' ';
  out->append(status, end);
  *out += ' ';
  *out += info.reason;
  *out += "\r\n";
  OKR_RETURN_IF_ERROR(ForEachResponseField(
      response, [out](std::string_view name, std::string_view value) {
        *out += name;
        *out += ": ";
        *out += value;
        *out += "\r\n";
      }));
  *out += "Date: ";
  *out += info.date;
  *out += info.keep_alive ? "\r\nConnection: keep-alive\r\n\r\n"
                          : "\r\nConnection: close\r\n\r\n";
  return Status::Ok();
}

std::string FormatHttpDate(UnixSeconds t) {
  const Date d = Date::FromUnixSeconds(t);
  const int64_t secs = t - d.ToUnixSeconds();
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                WeekdayAbbreviation(d.Weekday()).data(), d.day,
                MonthAbbreviation(d.month).data(), d.year,
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

std::optional<UnixSeconds> ParseHttpDate(std::string_view text) {
  // "Sun, 06 Nov 1994 08:49:37 GMT"
  if (text.size() != 29 || text.substr(3, 2) != ", " ||
      text.substr(25) != " GMT") {
    return std::nullopt;
  }
  const std::string s(text);
  char month[4] = {};
  int day = 0, year = 0, h = 0, m = 0, sec = 0;
  if (std::sscanf(s.c_str() + 5, "%2d %3s %4d %2d:%2d:%2d", &day, month, &year,
                  &h, &m, &sec) != 6) {
    return std::nullopt;
  }
  for (int i = 1; i <= 12; ++i) {
    if (MonthAbbreviation(i) != month) continue;
    if (!IsValidDate(year, i, day) || h > 23 || m > 59 || sec > 60) break;
    return Date{year, i, day}.ToUnixSeconds() + h * 3600 + m * 60 + sec;
  }
  return std::nullopt;
}

}  // namespace okr
