// Copyright 2026 The okrd Authors.

#include "core/server/http.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>

namespace okr {
namespace {

// The value of the only field named `name`; "<missing>" or "<duplicate>".
std::string Only(const std::vector<HttpHeader>& fields, std::string_view name) {
  std::string found = "<missing>";
  int count = 0;
  for (const HttpHeader& f : fields) {
    if (EqualsIgnoreCase(f.name, name)) {
      found = f.value;
      ++count;
    }
  }
  return count > 1 ? "<duplicate>" : found;
}

TEST_CASE("HttpHeaders look names up ignoring ASCII case", "[server]") {
  HttpHeaders h;
  h.Add("Content-Type", "text/plain");
  h.Add("X-Multi", "one");
  h.Add("x-multi", "two");
  CHECK(h.Get("content-type") == "text/plain");
  CHECK(h.Get("CONTENT-TYPE") == "text/plain");
  CHECK(h.Get("X-MULTI") == "one");  // The first of several.
  CHECK_FALSE(h.Get("Content-Length").has_value());
  CHECK(h.size() == 3);

  h.Set("X-MULTI", "three");  // Replaces both.
  CHECK(h.size() == 2);
  CHECK(h.Get("x-multi") == "three");
  h.Remove("content-TYPE");
  CHECK_FALSE(h.Has("Content-Type"));
  CHECK(h.size() == 1);
}

TEST_CASE("EqualsIgnoreCase compares ASCII letters only", "[server]") {
  CHECK(EqualsIgnoreCase("Allow", "aLLOW"));
  CHECK_FALSE(EqualsIgnoreCase("Allow", "Allo"));
  CHECK_FALSE(EqualsIgnoreCase("a-b", "a_b"));
  CHECK(EqualsIgnoreCase("", ""));
}

TEST_CASE("DecodeRequestPath decodes escapes and refuses tricks", "[server]") {
  CHECK(DecodeRequestPath("/objectives/a%20b") == "/objectives/a b");
  CHECK(DecodeRequestPath("/caf%C3%A9") == "/caf\xc3\xa9");
  CHECK(DecodeRequestPath("/a%2Fb") == "/a/b");
  CHECK(DecodeRequestPath("/plus+stays") == "/plus+stays");
  CHECK(DecodeRequestPath("/") == "/");
  CHECK(DecodeRequestPath("/file.ics") == "/file.ics");
  CHECK(DecodeRequestPath("/.well-known/x") == "/.well-known/x");

  CHECK_FALSE(DecodeRequestPath("/a%00b").has_value());
  CHECK_FALSE(DecodeRequestPath("/a%0d%0aSet-Cookie:x").has_value());
  CHECK_FALSE(DecodeRequestPath("/a%7f").has_value());
  CHECK_FALSE(DecodeRequestPath("/a\tb").has_value());
  CHECK_FALSE(DecodeRequestPath("/a%zz").has_value());
  CHECK_FALSE(DecodeRequestPath("/a%4").has_value());
  CHECK_FALSE(DecodeRequestPath("/a%").has_value());
  CHECK_FALSE(DecodeRequestPath("/a/%2e%2e/b").has_value());
  CHECK_FALSE(DecodeRequestPath("/a/%2E").has_value());
  CHECK_FALSE(DecodeRequestPath("/a/..").has_value());
}

TEST_CASE("Response builders set status, type and headers", "[server]") {
  CHECK(TextResponse(201, "x").content_type == "text/plain; charset=utf-8");
  CHECK(JsonResponse(200, "{}").content_type ==
        "application/json; charset=utf-8");
  CHECK(HtmlResponse(200, "<p>").content_type == "text/html; charset=utf-8");
  CHECK(NotFoundResponse().status == 404);
  HttpResponse r405 = MethodNotAllowedResponse("GET, HEAD");
  CHECK(r405.status == 405);
  CHECK(r405.headers.Get("Allow") == "GET, HEAD");
  HttpResponse r413 = PayloadTooLargeResponse(1024);
  CHECK(r413.status == 413);
  CHECK(r413.body.find("1024") != std::string::npos);
  CHECK(InternalErrorResponse().status == 500);
}

TEST_CASE("BuildResponseFields adds length, type and security headers",
          "[server]") {
  auto fields = BuildResponseFields(TextResponse(200, "hello"));
  REQUIRE(fields.ok());
  CHECK(Only(*fields, "Content-Length") == "5");
  CHECK(Only(*fields, "Content-Type") == "text/plain; charset=utf-8");
  CHECK(Only(*fields, "Content-Security-Policy") ==
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'self'");
  CHECK(Only(*fields, "X-Content-Type-Options") == "nosniff");
  CHECK(Only(*fields, "Referrer-Policy") == "no-referrer");
  CHECK(Only(*fields, "X-Frame-Options") == "DENY");
}

TEST_CASE("BuildResponseFields lets handlers override security headers",
          "[server]") {
  HttpResponse response = TextResponse(200, "");
  response.headers.Set("referrer-policy", "same-origin");
  response.headers.Set("Cache-Control", "no-store");
  auto fields = BuildResponseFields(response);
  REQUIRE(fields.ok());
  CHECK(Only(*fields, "Referrer-Policy") == "same-origin");
  CHECK(Only(*fields, "Cache-Control") == "no-store");
  CHECK(Only(*fields, "Content-Length") == "0");
  CHECK(Only(*fields, "X-Frame-Options") == "DENY");
}

TEST_CASE("BuildResponseFields drops CORS and server-owned fields",
          "[server]") {
  HttpResponse response = TextResponse(200, "abc");
  response.headers.Add("Access-Control-Allow-Origin", "*");
  response.headers.Add("access-control-allow-methods", "DELETE");
  response.headers.Add("Content-Length", "999");
  response.headers.Add("Connection", "close");
  response.headers.Add("Transfer-Encoding", "chunked");
  auto fields = BuildResponseFields(response);
  REQUIRE(fields.ok());
  for (const HttpHeader& f : *fields) {
    INFO(f.name);
    CHECK_FALSE(EqualsIgnoreCase(f.name.substr(0, 15), "Access-Control-"));
    CHECK_FALSE(EqualsIgnoreCase(f.name, "Connection"));
    CHECK_FALSE(EqualsIgnoreCase(f.name, "Transfer-Encoding"));
  }
  CHECK(Only(*fields, "Content-Length") == "3");
}

TEST_CASE("BuildResponseFields refuses header injection and bad statuses",
          "[server]") {
  HttpResponse crlf = TextResponse(302, "");
  crlf.headers.Set("Location", "/x\r\nSet-Cookie: session=evil");
  CHECK(BuildResponseFields(crlf).status().code() ==
        StatusCode::kInvalidArgument);

  HttpResponse lf = TextResponse(200, "");
  lf.headers.Set("X-A", "a\nb");
  CHECK_FALSE(BuildResponseFields(lf).ok());

  HttpResponse bad_name = TextResponse(200, "");
  bad_name.headers.Set("X A", "1");
  CHECK_FALSE(BuildResponseFields(bad_name).ok());

  HttpResponse bad_type = TextResponse(200, "");
  bad_type.content_type = "text/html\r\nX-Evil: 1";
  CHECK_FALSE(BuildResponseFields(bad_type).ok());

  HttpResponse tab = TextResponse(200, "");
  tab.headers.Set("X-Tab", "a\tb");  // Tabs are legal in values.
  CHECK(BuildResponseFields(tab).ok());

  CHECK_FALSE(BuildResponseFields(TextResponse(101, "")).ok());
  CHECK_FALSE(BuildResponseFields(TextResponse(199, "")).ok());
  CHECK_FALSE(BuildResponseFields(TextResponse(600, "")).ok());
  CHECK(BuildResponseFields(TextResponse(599, "")).ok());
}

TEST_CASE("BuildResponseFields bounds the number and size of fields",
          "[server]") {
  HttpResponse many = TextResponse(200, "");
  for (size_t i = 0; i < kMaxResponseFields; ++i) {
    many.headers.Add("X-F" + std::to_string(i), "v");
  }
  CHECK_FALSE(BuildResponseFields(many).ok());

  HttpResponse long_value = TextResponse(200, "");
  long_value.headers.Set("X-Long", std::string(kMaxFieldValueBytes + 1, 'a'));
  CHECK_FALSE(BuildResponseFields(long_value).ok());
}

TEST_CASE("BuildResponseFields sends no length or type for 204 and 304",
          "[server]") {
  for (int status : {204, 304}) {
    auto fields = BuildResponseFields(TextResponse(status, "ignored"));
    REQUIRE(fields.ok());
    CHECK(Only(*fields, "Content-Length") == "<missing>");
    CHECK(Only(*fields, "Content-Type") == "<missing>");
    CHECK(Only(*fields, "X-Content-Type-Options") == "nosniff");
  }
  CHECK_FALSE(StatusAllowsBody(204));
  CHECK(StatusAllowsBody(200));
}

TEST_CASE("AppendResponseHead writes status line, fields, Date, Connection",
          "[server]") {
  HttpResponse response = TextResponse(200, "hello");
  response.headers.Set("ETag", "\"e1\"");
  std::string head = "prefix|";
  REQUIRE(AppendResponseHead(response,
                             {.http_version = "1.1",
                              .reason = "OK",
                              .date = "Wed, 25 Nov 2026 10:05:51 GMT",
                              .keep_alive = true},
                             &head)
              .ok());
  CHECK(head ==
        "prefix|HTTP/1.1 200 OK\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Length: 5\r\n"
        "Content-Security-Policy: " +
            DefaultSecurityHeaders()[0].value +
            "\r\n"
            "X-Content-Type-Options: nosniff\r\n"
            "Referrer-Policy: no-referrer\r\n"
            "X-Frame-Options: DENY\r\n"
            "ETag: \"e1\"\r\n"
            "Date: Wed, 25 Nov 2026 10:05:51 GMT\r\n"
            "Connection: keep-alive\r\n\r\n");

  std::string closing;
  REQUIRE(AppendResponseHead(TextResponse(304, "x"),
                             {.http_version = "1.0",
                              .reason = "Not Modified",
                              .date = "d",
                              .keep_alive = false},
                             &closing)
              .ok());
  CHECK(closing.starts_with("HTTP/1.0 304 Not Modified\r\n"));
  CHECK(closing.find("Content-Length") == std::string::npos);
  CHECK(closing.ends_with("\r\nConnection: close\r\n\r\n"));

  HttpResponse evil = TextResponse(200, "x");
  evil.headers.Set("X-Evil", "a\r\nSet-Cookie: s=1");
  std::string refused;
  CHECK_FALSE(AppendResponseHead(evil, {.http_version = "1.1"}, &refused).ok());
  CHECK(refused.find("Set-Cookie") == std::string::npos);
}

TEST_CASE("HTTP dates format and parse as IMF-fixdate", "[server]") {
  CHECK(FormatHttpDate(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT");
  CHECK(FormatHttpDate(0) == "Thu, 01 Jan 1970 00:00:00 GMT");
  CHECK(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777);
  CHECK(ParseHttpDate(FormatHttpDate(1795000000)) == 1795000000);
  CHECK_FALSE(ParseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT").has_value());
  CHECK_FALSE(ParseHttpDate("Sun, 31 Feb 1994 08:49:37 GMT").has_value());
}

TEST_CASE("A shared body is the body the fields describe", "[server]") {
  HttpResponse response = TextResponse(200, "ignored");
  response.shared_body = std::make_shared<const std::string>("shared bytes");
  CHECK(response.Body() == "shared bytes");
  auto fields = BuildResponseFields(response);
  REQUIRE(fields.ok());
  CHECK(Only(*fields, "Content-Length") == "12");
}

}  // namespace
}  // namespace okr
