// Copyright 2026 The okrd Authors.

#include "core/server/health.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/core/server/log_capture.h"

namespace okr {
namespace {

HttpRequest Req(std::string method) {
  HttpRequest request;
  request.method = std::move(method);
  request.path = "/healthz";
  return request;
}

TEST_CASE("Health route answers ok without a probe", "[server]") {
  Router router;
  AddHealthRoutes(&router);
  HttpResponse response = router.Dispatch(Req("GET"));
  CHECK(response.status == 200);
  CHECK(response.body == "ok\n");
  CHECK(response.content_type == "text/plain; charset=utf-8");
  CHECK(response.headers.Get("Cache-Control") == "no-store");
  CHECK(router.Dispatch(Req("HEAD")).status == 200);
  CHECK(router.Dispatch(Req("POST")).status == 405);
}

TEST_CASE("Health route reports a failing probe as 503", "[server]") {
  testing::LogCapture log;
  int calls = 0;
  bool healthy = true;
  Router router;
  AddHealthRoutes(&router, [&]() -> Status {
    ++calls;
    return healthy ? Status::Ok() : Unavailable("database is locked");
  });

  CHECK(router.Dispatch(Req("GET")).status == 200);
  healthy = false;
  HttpResponse sick = router.Dispatch(Req("GET"));
  CHECK(sick.status == 503);
  CHECK(sick.body == "unavailable: database is locked\n");
  CHECK(calls == 2);
  CHECK(log.Text().find("WARN health check failed: database is locked") !=
        std::string::npos);
}

}  // namespace
}  // namespace okr
