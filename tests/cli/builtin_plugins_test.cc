// Copyright 2026 The okrd Authors.
//
// The built-in importers reached through the registry, i.e. through their
// okr_plugin entries and the same adapters as loaded plugins, read what
// ImportFile reads.

#include "cli/builtin_plugins.h"

#include <signal.h>

#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "tests/support/http_client.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

TEST_CASE("built-in importers are registered through the C ABI",
          "[cli][plugins]") {
  Registry registry;
  RegisterBuiltinPlugins(&registry);
  CHECK(registry.problems().empty());
  REQUIRE(registry.importers().size() == 4);
  for (const auto& e : registry.importers()) {
    CHECK(e.origin.built_in());
    CHECK(e.origin.plugin_id == "org.okrd.builtin." + e.item->format());
  }
  const std::string path =
      std::string(OKR_SOURCE_DIR) + "/examples/halden-health.xlsx";
  const std::string bytes = testing::ReadFileOrEmpty(path);
  REQUIRE_FALSE(bytes.empty());
  const auto* xlsx =
      registry.FindImporter("", "halden-health.xlsx", bytes.substr(0, 4096));
  REQUIRE(xlsx != nullptr);
  CHECK(xlsx->item->format() == "xlsx");
  const Date today{2026, 11, 24};
  auto through_abi = xlsx->item->Import(
      {.name = "halden-health.xlsx", .bytes = bytes, .today = today});
  REQUIRE(through_abi.ok());
  CHECK_FALSE(through_abi->HasErrors());
  auto direct = ImportFile(path, {.today = today}, Limits());
  REQUIRE(direct.ok());
  CHECK(through_abi->org.key_results == direct->org.key_results);
  // Records carry what okr_plugin.h lists (not alignment links, leads).
  auto carried = [](const Organisation& org) {
    std::vector<std::string> out;
    for (const Objective& o : org.objectives) {
      out.push_back(o.key + "|" + o.title + "|" + o.unit_key + "|" +
                    o.owner_email + "|" + o.cycle + "|" +
                    std::string(LevelName(o.level)));
    }
    for (const Unit& u : org.units)
      out.push_back(u.key + "|" + u.name + "|" + u.parent_key);
    return out;
  };
  CHECK(carried(through_abi->org) == carried(direct->org));
  CHECK(carried(through_abi->org).size() == 48 + 15);
  CHECK(through_abi->org.key_results.size() == 141);

  auto broken =
      registry.FindImporter("xml", "", "")
          ->item->Import({.name = "bad.xml", .bytes = "<okrd><nope/></okrd>"});
  REQUIRE(broken.ok());
  CHECK(broken->HasErrors());
}

TEST_CASE("okrd serve answers the built-in JSON output", "[cli][plugins]") {
  testing::TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(testing::RunProcess({OKRD_BINARY, "init", "--example", "--db", db})
              .exit_code == 0);
  testing::ChildProcess server(
      {OKRD_BINARY, "serve", "--db", db, "--listen", "127.0.0.1:0"});
  const std::string line = server.ReadLine(20000);
  const size_t at = line.find("http://127.0.0.1:");
  REQUIRE(at != std::string::npos);
  testing::HttpClient client(std::stoi(line.substr(at + 17)));
  auto r = client.Get("/api/v1/progress");
  REQUIRE(r.ok());
  CHECK(r->status == 200);
  CHECK(r->headers.Get("Content-Type") == "application/json");
  // Parsed by Python's json module: 42 objectives, 128 key results.
  testing::ProcessResult parsed =
      testing::RunProcess({"/usr/bin/python3", "-c",
                           "import json,sys;d=json.load(sys.stdin);"
                           "print(len(d['objectives']),len(d['key_results']))"},
                          {}, r->body);
  CHECK(parsed.out == "48 141\n");
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
}

}  // namespace
}  // namespace okr
