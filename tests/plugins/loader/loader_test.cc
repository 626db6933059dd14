// Copyright 2026 The okrd Authors.
//
// The loader against real shared objects built by the tests
// (tests/plugins/fixtures): each way a plugin can be wrong is refused or
// contained with a message that says what is wrong.

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "core/example/example_org.h"
#include "plugins/loader/adapters.h"
#include "plugins/loader/plugin_library.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(OKR_FIXTURE_DIR) + "/okr_fixture_" + name + ".so";
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("a good plugin registers all three interfaces", "[plugins]") {
  Registry registry;
  LoadAndRegister(Fixture("good"), {}, &registry);
  REQUIRE(registry.problems().empty());
  REQUIRE(registry.plugins().size() == 1);
  CHECK(registry.plugins()[0].plugin_id == "test.fixture.good");
  CHECK(registry.plugins()[0].path == Fixture("good"));
  REQUIRE(registry.importers().size() == 1);
  REQUIRE(registry.outputs().size() == 1);
  REQUIRE(registry.notifiers().size() == 1);
  CHECK(registry.outputs()[0].item->path() == "/fixture");

  const auto* entry = registry.FindImporter("", "plan.fixture", "x");
  REQUIRE(entry != nullptr);
  CHECK(registry.FindImporter("", "plan.csv", "x") == nullptr);
  auto outcome = entry->item->Import({.name = "plan.fixture", .bytes = "x"});
  REQUIRE(outcome.ok());
  REQUIRE(outcome->org.key_results.size() == 1);
  CHECK(outcome->org.key_results[0].target == 60);
  CHECK(outcome->org.units[0].level == Level::kCompany);
  // The unknown field is a warning naming the record's line.
  REQUIRE(outcome->diagnostics.size() == 1);
  CHECK(outcome->diagnostics[0].ToString() ==
        "plan.fixture:3: warning: kr field \"colour\" is unknown; ignored");

  auto empty = entry->item->Import({.name = "e.fixture", .bytes = ""});
  REQUIRE(empty.ok());
  CHECK(empty->HasErrors());
  CHECK(empty->diagnostics[0].ToString() == "input:1:1: error: empty input");
}

TEST_CASE("a feed plugin renders from the model view", "[plugins]") {
  Registry registry;
  LoadAndRegister(Fixture("good"), {}, &registry);
  REQUIRE(registry.outputs().size() == 1);
  Organisation org = MakeExampleOrganisation(Date{2026, 11, 24});
  auto text = registry.outputs()[0].item->Render(org, 0, {});
  REQUIRE(text.ok());
  CHECK(Contains(*text, org.key_results.front().key + "\n"));
}

TEST_CASE("a wrong ABI major is refused before anything else", "[plugins]") {
  auto lib = LoadPluginLibrary(Fixture("wrong_major"));
  REQUIRE_FALSE(lib.ok());
  CHECK(Contains(lib.status().message(), "built for plugin ABI 2."));
  CHECK(Contains(lib.status().message(), "this okrd speaks ABI 1.x"));
}

TEST_CASE("a newer minor loads with a note", "[plugins]") {
  auto lib = LoadPluginLibrary(Fixture("newer_minor"));
  REQUIRE(lib.ok());
  REQUIRE((*lib)->notes.size() == 1);
  CHECK(Contains((*lib)->notes[0], "built for ABI 1.7"));
  Registry registry;
  REQUIRE(RegisterPlugin(*lib, {}, &registry).ok());
  CHECK(registry.importers().size() == 1);
}

TEST_CASE("a struct too short for its interface is refused", "[plugins]") {
  Registry registry;
  LoadAndRegister(Fixture("short_struct"), {}, &registry);
  REQUIRE(registry.problems().size() == 1);
  CHECK(Contains(registry.problems()[0], "okr.importer/1: struct_size"));
  CHECK(Contains(registry.problems()[0], "short or garbage"));
  CHECK(registry.importers().empty());
}

TEST_CASE("a plugin without interfaces loads and offers nothing", "[plugins]") {
  Registry registry;
  LoadAndRegister(Fixture("missing_interface"), {}, &registry);
  CHECK(registry.problems().empty());
  CHECK(registry.plugins().size() == 1);
  CHECK(registry.importers().empty());
  CHECK(registry.outputs().empty());
  CHECK(registry.notifiers().empty());
}

TEST_CASE("an exception or a garbage code is reported, not fatal",
          "[plugins]") {
  Registry registry;
  LoadAndRegister(Fixture("throwing"), {}, &registry);
  REQUIRE(registry.importers().size() == 1);
  auto outcome =
      registry.importers()[0].item->Import({.name = "a", .bytes = "x"});
  REQUIRE_FALSE(outcome.ok());
  CHECK(Contains(outcome.status().message(), "import: threw an exception"));
  CHECK(Contains(outcome.status().message(), "fixture import always throws"));
  auto page = registry.outputs()[0].item->Render(Organisation{}, 0, {});
  REQUIRE_FALSE(page.ok());
  CHECK(Contains(page.status().message(), "returned 99"));
  CHECK(Contains(page.status().message(), "garbage"));
}

TEST_CASE("files that are not plugins are refused with the reason",
          "[plugins]") {
  testing::TempDir dir;
  auto missing = LoadPluginLibrary(dir.path() + "/nope.so");
  CHECK(Contains(missing.status().message(), "no such file"));
  const std::string text = dir.File("text.so");
  REQUIRE(testing::WriteFile(text, "not an ELF file"));
  auto not_elf = LoadPluginLibrary(text);
  CHECK(Contains(not_elf.status().message(), "cannot load"));
  chmod(text.c_str(), 0666);
  auto writable = LoadPluginLibrary(text);
  CHECK(Contains(writable.status().message(), "world-writable"));
}

TEST_CASE("a directory is scanned for .so files", "[plugins]") {
  auto files = ListPluginFiles(OKR_FIXTURE_DIR);
  REQUIRE(files.ok());
  CHECK(files->size() == 9);
  CHECK_FALSE(ListPluginFiles("/nonexistent/dir").ok());
}

}  // namespace
}  // namespace okr
