// Copyright 2026 The okrd Authors.
//
// okrd plugins list and okrd plugin check on real plugin files, including
// one that crashes in its self-test (the check's child dies, okrd reports).

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::ProcessResult;

ProcessResult Okrd(std::vector<std::string> args) {
  args.insert(args.begin(), OKRD_BINARY);
  return testing::RunProcess(args,
                             {"OKRD_NOW=2026-11-24T10:00:00Z", "OKRD_DB="});
}

std::string Fixture(const std::string& name) {
  return std::string(OKR_BINARY_DIR) + "/tests/plugins/fixtures/okr_fixture_" +
         name + ".so";
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE(
    "plugins list shows what is loaded, from where, and what was "
    "refused",
    "[cli][plugins]") {
  ProcessResult r = Okrd({"plugins", "list", "--plugin", Fixture("good"),
                          "--plugin", Fixture("wrong_major")});
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "test.fixture.good"));
  CHECK(Contains(r.out,
                 "/fixture                           from " + Fixture("good")));
  CHECK(Contains(r.out, "refused: " + Fixture("wrong_major") +
                            ": built for plugin ABI 2."));
}

TEST_CASE("a plugin directory from the config file is loaded",
          "[cli][plugins]") {
  testing::TempDir dir;
  const std::string conf = dir.File("okrd.conf");
  REQUIRE(testing::WriteFile(
      conf, "[plugins]\ndirectory = " + std::string(OKR_BINARY_DIR) +
                "/tests/plugins/fixtures\n"));
  ProcessResult r = Okrd({"plugins", "list", "--config", conf});
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "test.fixture.newer "));
  CHECK(Contains(r.out, "refused: " + Fixture("short_struct")));
}

TEST_CASE("plugin check passes a good plugin", "[cli][plugins]") {
  ProcessResult r = Okrd({"plugin", "check", Fixture("good")});
  CHECK(r.exit_code == 0);
  CHECK(Contains(r.out, "ok       self-test passed"));
  CHECK(Contains(r.out, "is fine"));
}

TEST_CASE("plugin check survives a plugin that crashes", "[cli][plugins]") {
  ProcessResult r = Okrd({"plugin", "check", Fixture("crash_self_test")});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.out, "the plugin crashed (signal 11"));
  CHECK(Contains(r.out, "in: self-test"));
  CHECK(Contains(r.err, "crashed; it must not be loaded"));
}

TEST_CASE("plugin check sends a notifier sample events and survives a crash",
          "[cli][plugins]") {
  ProcessResult good = Okrd({"plugin", "check", Fixture("good")});
  for (const char* type : {"checkin.submitted", "kr.at_risk",
                           "checkin.overdue", "cycle.phase_started"}) {
    CHECK(Contains(good.out, std::string("ok       notified ") + type));
  }
  ProcessResult r = Okrd({"plugin", "check", Fixture("crash_notify")});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.out, "the plugin crashed (signal 11"));
  CHECK(Contains(r.out, "in: notify a sample checkin.submitted event"));
  CHECK(Contains(r.err, "crashed; it must not be loaded"));
}

TEST_CASE("plugin check kills a plugin that hangs", "[cli][plugins]") {
  ProcessResult r =
      Okrd({"plugin", "check", Fixture("hang_self_test"), "--timeout", "1"});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.out, "the plugin did not finish within 1 s in: self-test"));
}

TEST_CASE("plugin check reports throws and garbage codes", "[cli][plugins]") {
  ProcessResult r = Okrd({"plugin", "check", Fixture("throwing")});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.out, "threw an exception across the plugin ABI"));
  CHECK(Contains(r.out, "returned 99"));
  CHECK(Contains(r.err, "2 problem(s)"));
}

}  // namespace
}  // namespace okr
