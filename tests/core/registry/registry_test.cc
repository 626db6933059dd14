// Copyright 2026 The okrd Authors.

#include "core/registry/registry.h"

#include <catch2/catch.hpp>

namespace okr {
namespace {

class FakeFormat : public Importer {
 public:
  FakeFormat(std::string format, int score) : format_(format), score_(score) {}
  std::string format() const override { return format_; }
  std::vector<std::string> extensions() const override { return {}; }
  int Probe(std::string_view, std::string_view) const override {
    return score_;
  }
  Result<ImportOutcome> Import(const ImportRequest&) const override {
    return ImportOutcome{};
  }

 private:
  std::string format_;
  int score_;
};

TEST_CASE("the importer with the best probe score wins", "[registry]") {
  Registry r;
  r.AddImporter(std::make_shared<FakeFormat>("a", 10), {});
  r.AddImporter(std::make_shared<FakeFormat>("b", 80), {.path = "/p/b.so"});
  r.AddImporter(std::make_shared<FakeFormat>("c", 0), {});
  const auto* best = r.FindImporter("", "x", "");
  REQUIRE(best != nullptr);
  CHECK(best->item->format() == "b");
  CHECK(best->origin.ToString() == "/p/b.so");
  CHECK(r.FindImporter("c", "x", "")->origin.ToString() == "built-in");
  CHECK(r.FindImporter("zzz", "x", "") == nullptr);
}

TEST_CASE("diagnostics print their location", "[registry]") {
  CHECK(ImportDiagnostic{DiagnosticSeverity::kError, "a.mm", 3, 7, "bad"}.ToString() ==
        "a.mm:3:7: error: bad");
  CHECK(ImportDiagnostic{DiagnosticSeverity::kWarning, "a.mm", 0, 0, "odd"}.ToString() ==
        "a.mm: warning: odd");
  ImportOutcome o;
  o.diagnostics.push_back({DiagnosticSeverity::kWarning, "", 0, 0, "w"});
  CHECK_FALSE(o.HasErrors());
  o.diagnostics.push_back({DiagnosticSeverity::kError, "", 0, 0, "e"});
  CHECK(o.HasErrors());
}

}  // namespace
}  // namespace okr
