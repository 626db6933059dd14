// Copyright 2026 The okrd Authors.
//
// Each shipped plugin exports exactly one dynamic symbol, the entry, and
// passes its own check.

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "tests/plugins/served_okrd.h"
#include "tests/support/subprocess.h"

namespace okr {
namespace {

TEST_CASE("shipped plugins export exactly okr_plugin_entry", "[plugins]") {
  for (const char* name : OKR_SHIPPED_PLUGINS) {
    INFO(name);
    testing::ProcessResult nm = testing::RunProcess(
        {"/usr/bin/nm", "-D", "--defined-only", testing::PluginPath(name)});
    REQUIRE(nm.exit_code == 0);
    std::istringstream lines(nm.out);
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
      ++count;
      CHECK(line.ends_with(" T okr_plugin_entry"));
    }
    CHECK(count == 1);
  }
}

TEST_CASE("shipped plugins pass okrd plugin check", "[plugins]") {
  for (const char* name : OKR_SHIPPED_PLUGINS) {
    testing::ProcessResult r = testing::RunProcess(
        {OKRD_BINARY, "plugin", "check", testing::PluginPath(name)});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("ok       self-test passed") != std::string::npos);
  }
}

}  // namespace
}  // namespace okr
