// Copyright 2026 The okrd Authors.

#include "core/server/router.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "tests/core/server/log_capture.h"

namespace okr {
namespace {

constexpr HttpMethod kGet = HttpMethod::kGet;
constexpr HttpMethod kPost = HttpMethod::kPost;
constexpr HttpMethod kPut = HttpMethod::kPut;
constexpr HttpMethod kDelete = HttpMethod::kDelete;

HttpRequest Req(std::string method, std::string path) {
  HttpRequest request;
  request.method = std::move(method);
  request.path = std::move(path);
  return request;
}

// A handler answering "<name>:<path_remainder>".
HttpHandler Named(std::string name) {
  return [name](const HttpRequest& request) {
    return TextResponse(200, name + ":" + request.path_remainder);
  };
}

TEST_CASE("ParseHttpMethod knows the methods routes can use", "[server]") {
  CHECK(ParseHttpMethod("GET") == HttpMethod::kGet);
  CHECK(ParseHttpMethod("OPTIONS") == HttpMethod::kOptions);
  CHECK_FALSE(ParseHttpMethod("get").has_value());  // Methods are cased.
  CHECK_FALSE(ParseHttpMethod("PROPFIND").has_value());
  CHECK(HttpMethodName(HttpMethod::kPatch) == "PATCH");
}

TEST_CASE("MethodSet renders Allow with HEAD implied by GET", "[server]") {
  CHECK(MethodSet{kGet}.AllowHeaderValue() == "GET, HEAD");
  CHECK(MethodSet{kPost, kGet}.AllowHeaderValue() == "GET, HEAD, POST");
  CHECK(MethodSet{kDelete, kPut}.AllowHeaderValue() == "PUT, DELETE");
  CHECK(MethodSet{}.AllowHeaderValue().empty());
}

TEST_CASE("Router dispatches exact paths and answers 404 otherwise",
          "[server]") {
  Router router;
  router.Add({kGet}, "/healthz", Named("health"));
  router.Add({kGet}, "/", Named("root"));

  CHECK(router.Dispatch(Req("GET", "/healthz")).body == "health:");
  CHECK(router.Dispatch(Req("GET", "/")).body == "root:");
  HttpResponse missing = router.Dispatch(Req("GET", "/healthz/"));
  CHECK(missing.status == 404);
  CHECK(router.Dispatch(Req("GET", "/health")).status == 404);
  CHECK(router.Dispatch(Req("GET", "")).status == 404);
}

TEST_CASE("Router answers 405 with Allow for a known path", "[server]") {
  Router router;
  router.Add({kGet}, "/healthz", Named("health"));
  router.Add({kPost}, "/items", Named("create"));
  router.Add({kDelete}, "/items", Named("purge"));

  HttpResponse post = router.Dispatch(Req("POST", "/healthz"));
  CHECK(post.status == 405);
  CHECK(post.headers.Get("Allow") == "GET, HEAD");

  HttpResponse options = router.Dispatch(Req("OPTIONS", "/healthz"));
  CHECK(options.status == 405);
  CHECK(options.headers.Get("Allow") == "GET, HEAD");

  HttpResponse get = router.Dispatch(Req("GET", "/items"));
  CHECK(get.status == 405);
  CHECK(get.headers.Get("Allow") == "POST, DELETE");  // Union of routes.
  CHECK(router.Dispatch(Req("DELETE", "/items")).body == "purge:");

  HttpResponse unknown_method = router.Dispatch(Req("PROPFIND", "/items"));
  CHECK(unknown_method.status == 405);
  CHECK(router.Dispatch(Req("PROPFIND", "/nowhere")).status == 404);
}

TEST_CASE("Router answers HEAD through GET routes only", "[server]") {
  Router router;
  router.Add({kGet}, "/page", Named("page"));
  router.Add({kPost}, "/form", Named("form"));

  HttpResponse head = router.Dispatch(Req("HEAD", "/page"));
  CHECK(head.status == 200);
  CHECK(head.body == "page:");  // The server drops the body, not the router.
  HttpResponse head_post = router.Dispatch(Req("HEAD", "/form"));
  CHECK(head_post.status == 405);
  CHECK(head_post.headers.Get("Allow") == "POST");
}

TEST_CASE("Router prefix routes pass the remainder", "[server]") {
  Router router;
  router.AddPrefix({kGet}, "/objectives/", Named("obj"));

  CHECK(router.Dispatch(Req("GET", "/objectives/o-1")).body == "obj:o-1");
  CHECK(router.Dispatch(Req("GET", "/objectives/a b/kr")).body == "obj:a b/kr");
  CHECK(router.Dispatch(Req("GET", "/objectives/")).body == "obj:");
  CHECK(router.Dispatch(Req("GET", "/objectives")).status == 404);
  CHECK(router.Dispatch(Req("GET", "/objectivesx/1")).status == 404);
}

TEST_CASE("Router prefers exact routes, then longer prefixes", "[server]") {
  Router router;
  // Registered least specific first on purpose.
  router.AddPrefix({kGet}, "/", Named("root"));
  router.AddPrefix({kGet}, "/a/", Named("a"));
  router.AddPrefix({kGet}, "/a/b/", Named("ab"));
  router.Add({kGet}, "/a/b/c", Named("exact"));

  CHECK(router.Dispatch(Req("GET", "/a/b/c")).body == "exact:");
  CHECK(router.Dispatch(Req("GET", "/a/b/d")).body == "ab:d");
  CHECK(router.Dispatch(Req("GET", "/a/x")).body == "a:x");
  CHECK(router.Dispatch(Req("GET", "/z")).body == "root:z");
}

TEST_CASE("Router falls through to a less specific route for the method",
          "[server]") {
  Router router;
  router.Add({kGet}, "/objectives/new", Named("form"));
  router.AddPrefix({kGet, kPost}, "/objectives/", Named("obj"));

  CHECK(router.Dispatch(Req("GET", "/objectives/new")).body == "form:");
  CHECK(router.Dispatch(Req("POST", "/objectives/new")).body == "obj:new");
  HttpResponse put = router.Dispatch(Req("PUT", "/objectives/new"));
  CHECK(put.status == 405);
  CHECK(put.headers.Get("Allow") == "GET, HEAD, POST");
}

TEST_CASE("Router sees headers, query and body of the request", "[server]") {
  Router router;
  router.Add({kPost}, "/echo", [](const HttpRequest& request) {
    return TextResponse(201, std::string(request.header("x-id").value_or("")) +
                                 "|" + request.query + "|" + request.body);
  });
  HttpRequest request = Req("POST", "/echo");
  request.headers.Add("X-Id", "7");
  request.query = "a=1";
  request.body = "payload";
  HttpResponse response = router.Dispatch(std::move(request));
  CHECK(response.status == 201);
  CHECK(response.body == "7|a=1|payload");
}

TEST_CASE("Router turns handler exceptions into 500 and logs them",
          "[server]") {
  testing::LogCapture log;
  Router router;
  router.Add({kGet}, "/std", [](const HttpRequest&) -> HttpResponse {
    throw std::runtime_error("disk on fire");
  });
  router.Add({kGet}, "/int",
             [](const HttpRequest&) -> HttpResponse { throw 42; });

  HttpResponse std_error = router.Dispatch(Req("GET", "/std"));
  CHECK(std_error.status == 500);
  CHECK(std_error.body.find("disk on fire") == std::string::npos);
  CHECK(router.Dispatch(Req("GET", "/int")).status == 500);
  std::string text = log.Text();
  CHECK(text.find("ERROR handler for /std threw: disk on fire") !=
        std::string::npos);
  CHECK(text.find("handler for /int threw a non-std exception") !=
        std::string::npos);
}

TEST_CASE("Router::Describe names the route and hides secret paths",
          "[server]") {
  Router router;
  router.AddPrefix({kGet}, "/feed/", Named("feed"), {.secret_path = true});
  router.AddPrefix({kGet}, "/objectives/", Named("obj"));

  RouteInfo feed = router.Describe("/feed/s3cr3t.ics");
  CHECK(feed.pattern == "/feed/");
  CHECK(feed.secret_path);
  CHECK(feed.LogPath("/feed/s3cr3t.ics") == "/feed/");

  RouteInfo obj = router.Describe("/objectives/o-1");
  CHECK(obj.pattern == "/objectives/");
  CHECK(obj.LogPath("/objectives/o-1") == "/objectives/o-1");

  RouteInfo none = router.Describe("/other");
  CHECK(none.pattern.empty());
  CHECK(none.LogPath("/other") == "/other");
}

}  // namespace
}  // namespace okr
