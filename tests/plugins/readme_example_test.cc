// Copyright 2026 The okrd Authors.
//
// The example plugin in plugins/README.md (cut out of the Markdown by
// CMake and built as C99) passes `okrd plugin check` and is served.

#include <catch2/catch.hpp>
#include <string>

#include "tests/plugins/served_okrd.h"
#include "tests/support/http_client.h"
#include "tests/support/subprocess.h"

namespace okr {
namespace {

TEST_CASE("the README's example plugin checks out and serves /hello",
          "[plugins]") {
  testing::ProcessResult check =
      testing::RunProcess({OKRD_BINARY, "plugin", "check", OKR_README_EXAMPLE});
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("ok       okr.feed/1: /hello") != std::string::npos);
  testing::ServedOkrd server({"--plugin", OKR_README_EXAMPLE});
  testing::HttpClient client(server.port());
  auto r = client.Get("/hello");
  REQUIRE(r.ok());
  CHECK(r->status == 200);
  CHECK(r->body.starts_with("objectives: "));
  CHECK(r->body != "objectives: 0\n");
  CHECK(server.Stop() == 0);
}

}  // namespace
}  // namespace okr
