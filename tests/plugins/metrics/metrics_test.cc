// Copyright 2026 The okrd Authors.
//
// The metrics plugin served by the real okrd, checked by the real
// `promtool check metrics` (Debian's prometheus package).

#include <catch2/catch.hpp>
#include <string>

#include "tests/plugins/served_okrd.h"
#include "tests/support/http_client.h"
#include "tests/support/subprocess.h"

namespace okr {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

testing::ProcessResult Promtool(const std::string& text) {
  return testing::RunProcess({"/usr/bin/promtool", "check", "metrics"}, {},
                             text);
}

TEST_CASE("promtool itself rejects malformed exposition text", "[metrics]") {
  // So that the check below could fail.
  CHECK(Promtool("okr_x{kr=\"a} 1\n").exit_code != 0);
  CHECK(Promtool("# TYPE okr_c counter\nokr_c 1\n").exit_code != 0);  // lint
}

TEST_CASE("/metrics passes promtool and carries the OKR gauges", "[metrics]") {
  testing::ServedOkrd server({"--plugin", testing::PluginPath("okrd_metrics")});
  testing::HttpClient client(server.port());
  auto r = client.Get("/metrics");
  REQUIRE(r.ok());
  REQUIRE(r->status == 200);
  CHECK(r->headers.Get("Content-Type") ==
        "text/plain; version=0.0.4; charset=utf-8");
  const std::string& body = r->body;
  testing::ProcessResult check = Promtool(body);
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.out.empty());  // No lint findings either.
  CHECK(Contains(body, "# TYPE okr_kr_progress_ratio gauge\n"));
  CHECK(Contains(body, "okr_objective_progress_ratio{cycle=\""));
  CHECK(Contains(body, "okr_kr_confidence_ratio{cycle=\""));
  CHECK(Contains(body, ",kr=\""));
  CHECK(Contains(body, "# TYPE okr_kr_checkins_total counter\n"));
  CHECK(Contains(body, "okr_kr_last_checkin_timestamp_seconds{"));
  CHECK(Contains(body, "okrd_build_info{version=\""));
  CHECK(Contains(body, "okrd_store_revision "));
  CHECK(server.Stop() == 0);
}

TEST_CASE("[metrics] enabled = false leaves /metrics unserved", "[metrics]") {
  testing::TempDir dir;
  const std::string conf = dir.File("okrd.conf");
  REQUIRE(testing::WriteFile(conf, "[metrics]\nenabled = false\n"));
  testing::ServedOkrd server(
      {"--plugin", testing::PluginPath("okrd_metrics"), "--config", conf});
  testing::HttpClient client(server.port());
  auto r = client.Get("/metrics");
  REQUIRE(r.ok());
  CHECK(r->status == 404);
}

}  // namespace
}  // namespace okr
