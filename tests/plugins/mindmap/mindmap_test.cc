// Copyright 2026 The okrd Authors.
//
// The mind-map plugin (okrd_mindmap.so) through the loader and through
// `okrd import`: a FreeMind 1.0.1 map, a Freeplane 1.9.13 map and an OPML
// 2.0 outline (tests/plugins/mindmap/data), and the shapes it refuses.

#include <catch2/catch.hpp>
#include <string>

#include "core/store/store.h"
#include "plugins/loader/adapters.h"
#include "tests/plugins/served_okrd.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

const Importer& MindMap() {
  static Registry* registry = [] {
    auto* r = new Registry;
    LoadAndRegister(testing::PluginPath("okrd_mindmap"), {}, r);
    return r;
  }();
  REQUIRE(registry->importers().size() == 1);
  return *registry->importers()[0].item;
}

ImportOutcome Import(const std::string& name, const std::string& bytes) {
  auto outcome = MindMap().Import(
      {.name = name, .bytes = bytes, .default_cycle = "2027-Q1"});
  REQUIRE(outcome.ok());
  return *outcome;
}

ImportOutcome ImportData(const std::string& file) {
  const std::string path = std::string(OKR_MINDMAP_DATA) + "/" + file;
  const std::string bytes = testing::ReadFileOrEmpty(path);
  REQUIRE_FALSE(bytes.empty());
  CHECK(MindMap().Probe(file, bytes) == 90);
  return Import(file, bytes);
}

const KeyResult& Kr(const Organisation& org, const std::string& title) {
  for (const KeyResult& k : org.key_results) {
    if (k.title == title) return k;
  }
  FAIL("no key result " << title);
  throw 0;
}

TEST_CASE("a FreeMind 1.0.1 map: root company, objectives, key results",
          "[mindmap]") {
  ImportOutcome o = ImportData("halden-freemind.mm");
  CHECK_FALSE(o.HasErrors());
  REQUIRE(o.org.units.size() == 1);
  CHECK(o.org.units[0].name == "Halden Health");
  CHECK(o.org.units[0].level == Level::kCompany);
  REQUIRE(o.org.objectives.size() == 2);
  CHECK(o.org.objectives[0].title == "Patients wait less");
  CHECK(o.org.objectives[0].cycle == "2027-Q1");
  REQUIRE(o.org.key_results.size() == 4);
  const KeyResult& wait = Kr(o.org, "Median wait for a first appointment");
  CHECK(wait.start == 21);
  CHECK(wait.target == 10);
  CHECK(wait.unit == "days");
  CHECK(wait.kind == KrKind::kDecrease);
  const KeyResult& admin = Kr(o.org, "Admin hours per clinician per week");
  CHECK(admin.start == 9.5);  // "9,5 → 6 h" as a character reference.
  CHECK(admin.unit == "h");
  CHECK(Kr(o.org, "Roll out dictation in every ward").kind ==
        KrKind::kMilestone);
  REQUIRE(o.diagnostics.size() == 1);
  CHECK(o.diagnostics[0].ToString().starts_with(
      "halden-freemind.mm:10:1: warning: key result \"Roll out dictation"));
}

TEST_CASE("a Freeplane 1.9 map: attributes and rich-text nodes", "[mindmap]") {
  ImportOutcome o = ImportData("halden-freeplane.mm");
  CHECK(o.diagnostics.empty());
  REQUIRE(o.org.objectives.size() == 2);
  CHECK(o.org.objectives[0].key == "waits");  // key attribute
  const KeyResult& wait = Kr(o.org, "Median wait for a first appointment");
  CHECK(wait.current == 17);
  CHECK(wait.unit == "days");
  const KeyResult& triage = Kr(o.org, "Referrals triaged within 48 h");
  CHECK(triage.start == 60);
  CHECK(triage.target == 90);
  CHECK(triage.unit == "%");
}

TEST_CASE("an OPML 2.0 outline with several top-level outlines", "[mindmap]") {
  ImportOutcome o = ImportData("halden.opml");
  CHECK_FALSE(o.HasErrors());
  CHECK(o.org.units[0].name == "Halden Health");  // From <head><title>.
  REQUIRE(o.org.key_results.size() == 3);
  CHECK(Kr(o.org, "Referrals triaged within 48 h").target == 90);
  REQUIRE(o.diagnostics.size() == 1);
  CHECK(o.diagnostics[0].ToString() ==
        "halden.opml:15:9: warning: \"ask the ward leads first\" is below key "
        "result \"Admin hours per clinician per week: 9.5 → 6 h\": deeper "
        "nodes are not read; ignored");
}

TEST_CASE("unknown shapes get diagnostics that say where", "[mindmap]") {
  auto first_error = [](const ImportOutcome& o) {
    for (const ImportDiagnostic& d : o.diagnostics) {
      if (d.severity == DiagnosticSeverity::kError) return d.ToString();
    }
    return std::string("(none)");
  };
  CHECK(first_error(
            Import("a.mm", "<map version=\"1.0.1\">\n<node TEXT=\"A\">\n")) ==
        "a.mm:2:16: error: not well-formed XML: Start-end tags mismatch");
  CHECK(first_error(Import("a.mm", "<svg/>")) ==
        "a.mm:1:1: error: the root element is <svg>: not a FreeMind/Freeplane "
        "<map> or an OPML <opml>");
  CHECK(first_error(Import(
            "a.mm", "<map version=\"1.0.1\">\n<node TEXT=\"A\"/>\n</map>")) ==
        "a.mm:2:1: error: the root node has no children: there are no "
        "objectives");
  CHECK(first_error(Import(
            "a.mm",
            "<map version=\"1.0.1\"><node TEXT=\"A\">\n<node TEXT=\"O\">\n"
            "<node TEXT=\"Revenue 40 -&gt; lots\"/></node></node></map>")) ==
        "a.mm:3:1: error: key result \"Revenue 40 -> lots\": cannot read "
        "\"40\" -> \"lots\" as start -> target numbers");
  auto no_cycle = MindMap().Import(
      {.name = "b.opml",
       .bytes = "<opml version=\"2.0\"><body><outline text=\"A\">"
                "<outline text=\"O\"/></outline></body></opml>"});
  REQUIRE(no_cycle.ok());
  CHECK(first_error(*no_cycle) ==
        "b.opml:1:27: error: no cycle: give the root node a 'cycle' attribute "
        "or pass --cycle");
}

TEST_CASE("okrd import reads a mind map into the database", "[mindmap]") {
  testing::TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(testing::RunProcess({OKRD_BINARY, "init", "--db", db}).exit_code ==
          0);
  testing::ProcessResult r = testing::RunProcess(
      {OKRD_BINARY, "import",
       std::string(OKR_MINDMAP_DATA) + "/halden-freeplane.mm", "--db", db,
       "--plugin", testing::PluginPath("okrd_mindmap")},
      {"OKRD_NOW=2026-11-24T10:00:00Z"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto store = Store::Open(db, {});
  REQUIRE(store.ok());
  auto org = (*store)->Load();
  REQUIRE(org.ok());
  CHECK(org->objectives.size() == 2);
  CHECK(org->key_results.size() == 3);
  REQUIRE(org->cycles.size() == 1);
  CHECK(org->cycles[0].name == "2027-Q1");  // From the root's attribute.
  // Without the plugin the file is not an importable format.
  testing::ProcessResult without = testing::RunProcess(
      {OKRD_BINARY, "import", std::string(OKR_MINDMAP_DATA) + "/halden.opml",
       "--db", db});
  CHECK(without.exit_code != 0);
}

}  // namespace
}  // namespace okr
