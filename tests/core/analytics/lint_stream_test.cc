// Copyright 2026 The okrd Authors.
//
// RunLint with a sink: the same findings, in the same order, as the
// collecting RunLint (and as the collecting implementation before it
// streamed), and `known` lends people, units and cycles exactly as copies
// of them appended to the organisation would.

#include <catch2/catch.hpp>
#include <cstdint>
#include <map>

#include "core/analytics/lint_rules.h"
#include "core/example/example_org.h"
#include "tests/core/analytics/large_org.h"
#include "tests/core/analytics/lint_reference.h"

namespace okr {
namespace {

using testing::LargeMessyOrg;
using testing::WithKnownCopied;

LintSettings AllOn() {
  LintSettings s;
  for (const LintRule& r : LintRules()) {
    if (r.default_level == Severity::kOff) {
      s.levels[std::string(r.id)] = Severity::kWarning;
    }
  }
  return s;
}

std::vector<Finding> Streamed(const Organisation& org, const LintSettings& s,
                              const Organisation* known = nullptr) {
  std::vector<Finding> out;
  RunLint(
      org, s, [&out](Finding&& f) { out.push_back(std::move(f)); }, known);
  return out;
}

// FNV-1a over each finding's text and subjects.
uint64_t Digest(const std::vector<Finding>& findings) {
  uint64_t h = 1469598103934665603ull;
  for (const Finding& f : findings) {
    std::string line = FormatFinding(f);
    for (const std::string& s : f.subjects) line += "|" + s;
    line += "\n";
    for (unsigned char c : line) {
      h ^= c;
      h *= 1099511628211ull;
    }
  }
  return h;
}

TEST_CASE("streamed lint equals collected lint on the example",
          "[analytics][lint][stream]") {
  const Organisation org = MakeExampleOrganisation(Date{2026, 11, 24});
  for (const LintSettings& s : {LintSettings{}, AllOn()}) {
    const std::vector<Finding> collected = RunLint(org, s);
    REQUIRE(collected.size() > 10);
    CHECK(Streamed(org, s) == collected);
  }
}

TEST_CASE("streamed lint equals collected lint on a large messy organisation",
          "[analytics][lint][stream]") {
  const Organisation org = LargeMessyOrg(4000);
  const std::vector<Finding> collected = RunLint(org, AllOn());
  const std::vector<Finding> streamed = Streamed(org, AllOn());
  CHECK(streamed == collected);
  std::map<std::string, int> per_rule;
  for (const Finding& f : streamed) ++per_rule[f.rule];
  CHECK(per_rule.size() == LintRules().size());  // Every rule fires.
  // Pinned to the collecting implementation before lint streamed (main at
  // b1cbaed, its RunLint over the same organisation): same findings, same
  // order, same text.
  CHECK(streamed.size() == 21626);
  CHECK(Digest(streamed) == 0x55a313b6b5745e7aull);
  CHECK(Digest(Streamed(LargeMessyOrg(2), AllOn())) == 0x930e3e2e2c009af1ull);
}

TEST_CASE("the sink gets each finding complete, as it is found",
          "[analytics][lint][stream]") {
  const Organisation org = LargeMessyOrg(400);
  LintSettings s = AllOn();
  REQUIRE(SetLintLevel(&s, "kr-unit-missing", "error").ok());
  REQUIRE(SetLintLevel(&s, "owner-missing", "off").ok());
  int64_t n = 0;
  std::string last_rule;
  RunLint(org, s, [&](Finding&& f) {
    ++n;
    CHECK(!f.rule.empty());
    CHECK(!f.subjects.empty());
    CHECK(!f.message.empty());
    CHECK(f.rule != "owner-missing");
    if (f.rule == "kr-unit-missing") CHECK(f.level == Severity::kError);
    last_rule = f.rule;
  });
  CHECK(n == static_cast<int64_t>(RunLint(org, s).size()));
  CHECK(last_rule == "objective-description-missing");  // Table order.
}

TEST_CASE("known people, units and cycles count as the organisation's own",
          "[analytics][lint][stream]") {
  const Organisation all = LargeMessyOrg(1200);
  // The file lists a third of the people and units and no cycle; the store
  // knows the rest, some of them differently (file wins), and has items
  // of its own that are not linted.
  Organisation file = all, known;
  file.people.clear();
  file.units.clear();
  file.cycles.clear();
  for (size_t i = 0; i < all.people.size(); ++i) {
    (i % 3 == 0 ? file.people : known.people).push_back(all.people[i]);
  }
  for (size_t i = 0; i < all.units.size(); ++i) {
    Unit u = all.units[i];
    if (i % 3 == 0) file.units.push_back(u);
    u.level = Level::kCompany;  // Differs from the file's where both have it.
    if (i % 2 == 0) known.units.push_back(u);
  }
  known.cycles = all.cycles;
  known.cycles[0].end = Date{2027, 1, 15};
  const Organisation stored_items = LargeMessyOrg(30);
  known.objectives = stored_items.objectives;
  known.key_results = stored_items.key_results;
  known.check_ins = stored_items.check_ins;

  const std::vector<Finding> lent = Streamed(file, AllOn(), &known);
  CHECK(lent == RunLint(WithKnownCopied(file, known), AllOn()));
  CHECK(lent != RunLint(file, AllOn()));  // The lending matters.
  CHECK(lent.size() > 1000);
}

TEST_CASE("owner-unknown runs when only known lists people",
          "[analytics][lint][stream]") {
  Organisation file = LargeMessyOrg(100), known;
  known.people = file.people;
  file.people.clear();
  auto owner_unknown = [](const std::vector<Finding>& all) {
    int n = 0;
    for (const Finding& f : all) n += f.rule == "owner-unknown";
    return n;
  };
  CHECK(owner_unknown(Streamed(file, AllOn())) == 0);
  const int lent = owner_unknown(Streamed(file, AllOn(), &known));
  CHECK(lent > 0);
  Organisation empty_known;
  CHECK(owner_unknown(Streamed(file, AllOn(), &empty_known)) == 0);
  file.people = known.people;
  CHECK(owner_unknown(RunLint(file, AllOn())) == lent);
}

}  // namespace
}  // namespace okr
