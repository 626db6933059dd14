// Copyright 2026 The okrd Authors.

#include "core/web/views.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <set>
#include <string>

#include "core/example/example_org.h"
#include "tests/support/fixtures.h"

namespace okr::web {
namespace {

using Catch::Matchers::VectorContains;

const KrView* FindKr(const std::vector<ObjectiveView>& list,
                     std::string_view key) {
  for (const ObjectiveView& o : list) {
    for (const KrView& kr : o.krs) {
      if (kr.key == key) return &kr;
    }
  }
  return nullptr;
}

const ObjectiveView* FindObjective(const std::vector<ObjectiveView>& list,
                                   std::string_view key) {
  for (const ObjectiveView& o : list) {
    if (o.key == key) return &o;
  }
  return nullptr;
}

TEST_CASE("Cycle info: phase, days left and elapsed share", "[web][views]") {
  const Organisation org = testing::SmallOrganisation();
  const Cycle& cycle = org.cycles[0];  // 2027-01-04 .. 2027-03-31: 87 days.
  const CycleInfo mid = MakeCycleInfo(org, cycle, {2027, 2, 15});
  CHECK(mid.phase == Phase::kExecution);
  CHECK(mid.days_left == 44);
  CHECK(mid.elapsed == Approx(43.0 / 87));
  CHECK(mid.is_current);
  const CycleInfo after = MakeCycleInfo(org, cycle, {2027, 6, 1});
  CHECK(after.reference_day == Date{2027, 3, 31});
  CHECK(after.elapsed == 1);
  CHECK(after.days_left == 0);
  const CycleInfo before = MakeCycleInfo(org, cycle, {2026, 12, 28});
  CHECK(before.phase == Phase::kPlanning);
  CHECK(before.elapsed == 0);
}

TEST_CASE("Objective and KR views on the small organisation",
          "[web][views]") {
  const Organisation org = testing::SmallOrganisation();
  const auto views = BuildObjectiveViews(org, org.cycles[0], {2027, 2, 15});
  REQUIRE(views.size() == 2);

  const KrView* arr = FindKr(views, "kr-co-1-1");
  REQUIRE(arr != nullptr);
  CHECK(arr->progress == Approx(0.25));
  CHECK(arr->confidence == Approx(0.7));
  CHECK(arr->band == ConfidenceBand::kOnTrack);
  CHECK(arr->trend == Approx(0.25));  // From start 8 to 9 of 8..12.
  CHECK(arr->history.size() == 1);
  CHECK(arr->risks.empty());          // 0.49 elapsed - 0.25 < 0.25.
  CHECK(arr->owner.name == "Ada");

  const KrView* latency = FindKr(views, "kr-eng-1-1");
  REQUIRE(latency != nullptr);
  CHECK(latency->progress == 1);
  CHECK(!latency->band);
  CHECK(!latency->trend);
  CHECK(latency->risks.empty());

  const KrView* launch = FindKr(views, "kr-eng-1-2");
  REQUIRE(launch != nullptr);
  CHECK(launch->owner.email == "bo@acme.test");  // The objective's owner.
  CHECK(launch->risks.empty());                  // No due date.

  const ObjectiveView* eng = FindObjective(views, "o-eng-1");
  REQUIRE(eng != nullptr);
  CHECK(eng->band == ConfidenceBand::kAtRisk);  // Own check-in, 0.4.
  // Its own low confidence shows in the band; at risk is decided by its
  // KRs' weight (early_warning.h), and neither KR is at risk.
  CHECK(eng->risks.empty());
  CHECK(eng->unit_name == "Engineering");
  CHECK(eng->owner.name == "Bo Ørsted");
  CHECK(!eng->committed);
  CHECK(eng->score_override == Approx(0.6));
}

TEST_CASE("Behind pace once the elapsed share runs ahead", "[web][views]") {
  const Organisation org = testing::SmallOrganisation();
  const auto views = BuildObjectiveViews(org, org.cycles[0], {2027, 3, 1});
  const KrView* arr = FindKr(views, "kr-co-1-1");
  REQUIRE(arr != nullptr);
  CHECK_THAT(arr->risks, VectorContains(std::string("behind pace")));
}

TEST_CASE("KR rules: stay-below not held, milestone overdue", "[web][views]") {
  Organisation org = testing::SmallOrganisation();
  org.key_results[1].current = 320;       // Above the 300 ms limit.
  org.key_results[2].due = Date{2027, 2, 1};
  const auto views = BuildObjectiveViews(org, org.cycles[0], {2027, 2, 15});
  CHECK_THAT(FindKr(views, "kr-eng-1-1")->risks,
             VectorContains(std::string("target not held")));
  CHECK_THAT(FindKr(views, "kr-eng-1-2")->risks,
             VectorContains(std::string("milestone overdue")));
}

TEST_CASE("Trend is the change made by the latest check-in", "[web][views]") {
  Organisation org = testing::SmallOrganisation();
  CheckIn second = org.check_ins[0];
  second.at += 7 * 86400;
  second.value = 10;
  org.check_ins.insert(org.check_ins.begin() + 1, second);
  org.key_results[0].current = 10;
  const auto views = BuildObjectiveViews(org, org.cycles[0], {2027, 2, 15});
  const KrView* arr = FindKr(views, "kr-co-1-1");
  CHECK(arr->progress == Approx(0.5));
  CHECK(arr->trend == Approx(0.25));  // 9 -> 10 of 8..12.
  CHECK(arr->history.size() == 2);
  const ObjectiveView* co = FindObjective(views, "o-co-1");
  CHECK(co->trend == Approx(0.25));  // Its only KR.
}

TEST_CASE("Home view: units in tree order with their objectives",
          "[web][views]") {
  const Organisation org = testing::SmallOrganisation();
  const HomeView home = BuildHomeView(org, org.cycles[0], {2027, 2, 15});
  REQUIRE(home.units.size() == 2);
  CHECK(home.units[0].key == "co");
  CHECK(home.units[0].depth == 0);
  CHECK(home.units[1].key == "eng");
  CHECK(home.units[1].depth == 1);
  REQUIRE(home.units[1].objectives.size() == 1);
  CHECK(home.units[1].objectives[0].key == "o-eng-1");
  CHECK(home.units[0].lead.name == "Ada");
}

TEST_CASE("Home view of a small cycle shows every objective in full",
          "[web][views]") {
  const Organisation org = testing::LargeOrganisation(10);  // 32 objectives.
  const HomeView home = BuildHomeView(org, org.cycles[0], {2027, 2, 15});
  CHECK_FALSE(home.compact);
  REQUIRE(home.units.size() == 12);
  CHECK(home.units[2].key == "team-0");
  CHECK(home.units[2].objectives.size() == 3);
  for (const UnitSection& u : home.units) CHECK(u.rows.empty());
  CHECK(home.totals.objectives == 32);
}

TEST_CASE("Home view of a large cycle: teams as rows under the department",
          "[web][views]") {
  const int teams = kHomeFullObjectives / 3 + 1;  // Above the threshold.
  const Organisation org = testing::LargeOrganisation(teams);
  const HomeView home = BuildHomeView(org, org.cycles[0], {2027, 2, 15});
  CHECK(home.compact);
  REQUIRE(home.units.size() == 2);  // Company and department in full.
  CHECK(home.units[0].key == "co");
  CHECK(home.units[0].objectives.size() == 1);
  CHECK(home.units[0].rows.empty());
  const UnitSection& eng = home.units[1];
  CHECK(eng.key == "eng");
  REQUIRE(eng.objectives.size() == 1);
  CHECK(eng.objectives[0].krs.size() == 2);  // Objectives in full keep KRs.
  REQUIRE(eng.rows.size() == static_cast<size_t>(teams));
  CHECK(eng.rows[0].key == "team-0");
  CHECK(eng.rows[0].name == "Team 0");
  CHECK(eng.rows[0].depth == 2);
  for (int n = 0; n < 2; ++n) {
    const ObjectiveTally& t = eng.rows[n].tally;
    INFO("team " << n);
    CHECK(t.objectives == 3);
    CHECK(t.measured == 3);
    REQUIRE(t.MeanProgress().has_value());
    CHECK(*t.MeanProgress() == Approx(0.5));
    CHECK(t.on_track == (n % 2 ? 0 : 1));
    CHECK(t.off_track == (n % 2 ? 1 : 0));
    CHECK(t.no_confidence == 2);
  }
  CHECK(eng.rows[1].tally.need_attention > eng.rows[0].tally.need_attention);
  CHECK(home.totals.objectives == 2 + 3 * teams);
  CHECK(home.totals.off_track == teams / 2);
  // The index-taking overload answers the same.
  const auto shared = std::make_shared<const Organisation>(org);
  const HomeView again =
      BuildHomeView(*BuildOrgIndex(shared), org.cycles[0], {2027, 2, 15});
  CHECK(again.units.size() == home.units.size());
  CHECK(again.totals.need_attention == home.totals.need_attention);
}

TEST_CASE("Alignment tree: children through KRs, unaligned flagged",
          "[web][views]") {
  Organisation org = testing::SmallOrganisation();
  Objective lone = org.objectives[1];
  lone.key = "o-eng-2";
  lone.title = "Lone";
  lone.parent.reset();
  lone.supports.clear();
  org.objectives.push_back(lone);
  const AlignmentView view =
      BuildAlignmentView(org, org.cycles[0], {2027, 2, 15});
  REQUIRE(view.cascade.size() == 2);
  CHECK(view.cascade[0].objective.key == "o-co-1");
  CHECK(view.cascade[0].flag.empty());
  CHECK(view.cascade[1].objective.key == "o-eng-1");
  CHECK(view.cascade[1].depth == 1);
  CHECK(view.cascade[1].via_kr_title == "Grow ARR to 12 M EUR");
  REQUIRE(view.cascade[1].supports.size() == 1);
  CHECK(!view.cascade[1].supports[0].across_departments);
  REQUIRE(view.flagged.size() == 1);
  CHECK(view.flagged[0].objective.key == "o-eng-2");
  CHECK(view.flagged[0].flag == "aligned to nothing");
}

TEST_CASE("Health view: stale owners and units, objective counts",
          "[web][views]") {
  const Organisation org = testing::SmallOrganisation();
  const Date last = Date::FromUnixSeconds(org.check_ins[1].at);
  const HealthView fresh = BuildHealthView(org, org.cycles[0], last.AddDays(3));
  CHECK(fresh.stale.empty());
  const HealthView late = BuildHealthView(org, org.cycles[0], last.AddDays(9));
  std::set<std::string> stale;
  for (const StaleItem& s : late.stale) stale.insert(s.key);
  CHECK(stale == std::set<std::string>{"co", "eng", "ada@acme.test",
                                       "bo@acme.test"});
  REQUIRE(late.unit_counts.size() == 2);  // One objective each.
  CHECK(late.unit_counts[0].count == 1);
  CHECK(late.unit_counts[0].rule == "objectives-per-unit");
  // The counts are the lint rule's: its bounds and its level.
  LintSettings lint;
  lint.min_objectives_per_unit = 1;
  CHECK(BuildHealthView(org, org.cycles[0], last, lint).unit_counts.empty());
  LintSettings off;
  REQUIRE(SetLintLevel(&off, "objectives-per-unit", "off").ok());
  const HealthView quiet = BuildHealthView(org, org.cycles[0], last, off);
  CHECK(quiet.unit_counts.empty());
  for (const Finding& f : quiet.lint) CHECK(f.rule != "objectives-per-unit");
}

TEST_CASE("An objective is at risk when its at-risk KRs carry half the weight",
          "[web][views]") {
  Organisation org = testing::SmallOrganisation();
  const Date today{2027, 2, 15};
  // kr-eng-1-1 (stay below 300) is not held; the milestone is fine. The
  // objective's own confidence (0.4) no longer decides.
  org.key_results[1].current = 320;
  org.key_results[1].weight = 3;
  auto at_risk = BuildObjectiveView(org, "o-eng-1", today);
  REQUIRE(at_risk);
  CHECK(at_risk->at_risk_share == Approx(0.75));
  CHECK(at_risk->risks ==
        std::vector<std::string>{"75% of the key results' weight at risk"});
  HealthView health = BuildHealthView(org, org.cycles[0], today);
  REQUIRE(health.objectives_at_risk.size() == 1);
  CHECK(health.objectives_at_risk[0].key == "o-eng-1");
  CHECK(health.objectives_at_risk[0].krs.empty());
  auto detail = BuildObjectiveDetail(org, "o-eng-1", today);
  REQUIRE(detail);
  CHECK(detail->objective.risks == at_risk->risks);

  org.key_results[1].weight = 1;
  org.key_results[2].weight = 3;  // Now a quarter of the weight.
  auto fine = BuildObjectiveView(org, "o-eng-1", today);
  REQUIRE(fine);
  CHECK(fine->at_risk_share == Approx(0.25));
  CHECK(fine->risks.empty());
  health = BuildHealthView(org, org.cycles[0], today);
  CHECK(health.objectives_at_risk.empty());
  CHECK(health.krs_at_risk.size() == 1);
}

TEST_CASE("Indexed progress and confidence equal the model's arithmetic",
          "[web][views]") {
  const Date today{2026, 11, 24};
  Organisation org = MakeExampleOrganisation(today);
  // Same-second check-ins on one KR: the later one in stored order wins.
  CheckIn tie = org.check_ins.back();
  tie.confidence = 0.05;
  org.check_ins.push_back(tie);
  int with_confidence = 0, compared = 0;
  for (const Cycle& cycle : org.cycles) {
    for (const ObjectiveView& v : BuildObjectiveViews(org, cycle, today)) {
      const Objective* o = nullptr;
      for (const Objective& candidate : org.objectives) {
        if (candidate.key == v.key) o = &candidate;
      }
      REQUIRE(o != nullptr);
      INFO(v.key);
      const auto progress = ObjectiveProgress(org, v.key);
      const auto confidence = ObjectiveConfidence(org, *o);
      REQUIRE(v.progress.has_value() == progress.has_value());
      if (progress) CHECK(*v.progress == Approx(*progress));
      REQUIRE(v.confidence.has_value() == confidence.has_value());
      if (confidence) CHECK(*v.confidence == Approx(*confidence));
      with_confidence += confidence.has_value();
      ++compared;
    }
  }
  CHECK(compared == static_cast<int>(org.objectives.size()));
  CHECK(with_confidence > 10);
}

TEST_CASE("Detail views for an objective, a unit and a person",
          "[web][views]") {
  const Organisation org = testing::SmallOrganisation();
  const Date today{2027, 2, 15};
  auto objective = BuildObjectiveDetail(org, "o-eng-1", today);
  REQUIRE(objective);
  REQUIRE(objective->parent);
  CHECK(objective->parent->kr_title == "Grow ARR to 12 M EUR");
  CHECK(objective->parent->objective->key == "o-co-1");
  CHECK(objective->check_ins.size() == 1);
  CHECK(objective->check_ins[0].status == "Slipping");
  auto company = BuildObjectiveDetail(org, "o-co-1", today);
  REQUIRE(company);
  REQUIRE(company->children.size() == 1);
  CHECK(company->children[0].key == "o-eng-1");
  REQUIRE(company->supported_by.size() == 1);
  REQUIRE(company->burn_up.size() == 2);
  CHECK(company->burn_up.back().progress == Approx(0.25));
  CHECK(!BuildObjectiveDetail(org, "o-missing", today));

  auto unit = BuildUnitDetail(org, org.cycles[0], "eng", today);
  REQUIRE(unit);
  CHECK(unit->parent->key == "co");
  CHECK(unit->members.size() == 1);
  CHECK(!BuildUnitDetail(org, org.cycles[0], "nope", today));

  auto person = BuildPersonDetail(org, org.cycles[0], "ada@acme.test", today);
  REQUIRE(person);
  CHECK(person->objectives.size() == 1);
  CHECK(person->reports.size() == 1);
  CHECK(person->last_check_in == org.check_ins[0].at);
}

TEST_CASE("The example organisation's deliberate cases show up",
          "[web][views][example]") {
  const Date today{2026, 11, 24};
  const Organisation org = MakeExampleOrganisation(today);
  const Cycle* cycle = FindCycle(org, "", today);
  REQUIRE(cycle != nullptr);
  CHECK(cycle == &org.cycles.back());

  const HealthView health = BuildHealthView(org, *cycle, today);
  std::set<std::string> counted, stale;
  for (const UnitCount& u : health.unit_counts) counted.insert(u.key);
  for (const StaleItem& s : health.stale) stale.insert(s.key);
  CHECK(counted.count(std::string(ExampleCases::kTeamWithOneObjective)) == 1);
  CHECK(counted.count(std::string(ExampleCases::kTeamWithSixObjectives)) == 1);
  CHECK(stale.count(std::string(ExampleCases::kStaleTeam)) == 1);
  CHECK(stale.count(std::string(ExampleCases::kStalePersonA)) == 1);
  CHECK(stale.count(std::string(ExampleCases::kStalePersonB)) == 1);
  CHECK(!health.krs_at_risk.empty());
  // Double work and lint findings of the cycle, from core/analytics.
  bool pair = false;
  for (const Finding& f : health.double_work) {
    pair = pair || (f.rule == "duplicate-objective" &&
                    f.subjects == std::vector<std::string>{
                                      "objective:" + std::string(ExampleCases::kDuplicateA),
                                      "objective:" + std::string(ExampleCases::kDuplicateB)});
  }
  CHECK(pair);
  std::set<std::string> rules;
  for (const Finding& f : health.lint) rules.insert(f.rule);
  CHECK(rules.count("objectives-per-unit") == 1);
  CHECK(rules.count("kr-start-equals-target") == 1);
  CHECK(rules.count("objective-unaligned") == 1);
  for (const Finding& f : health.lint) {
    // Only the shown cycle: nothing about the previous one.
    CHECK(f.message.find("-prev-") == std::string::npos);
  }

  const AlignmentView alignment = BuildAlignmentView(org, *cycle, today);
  bool flagged = false;
  for (const TreeRow& row : alignment.flagged) {
    if (row.objective.key == ExampleCases::kTeamObjectiveWithoutParent) {
      flagged = !row.flag.empty();
    }
  }
  CHECK(flagged);
  CHECK(!alignment.cascade.empty());
  CHECK(alignment.cascade[0].objective.level == Level::kCompany);

  // Every objective of the cycle appears once on the home page and once in
  // the alignment page.
  const auto all = BuildObjectiveViews(org, *cycle, today);
  const HomeView home = BuildHomeView(org, *cycle, today);
  size_t on_home = 0;
  for (const UnitSection& u : home.units) on_home += u.objectives.size();
  CHECK(on_home == all.size());
  CHECK(alignment.cascade.size() + alignment.flagged.size() == all.size());
  CHECK(home.units[0].level == Level::kCompany);

  const ObjectiveView* silent =
      FindObjective(all, ExampleCases::kObjectiveWithoutCheckIns);
  REQUIRE(silent != nullptr);
  CHECK(!silent->band);
  CHECK(silent->progress == Approx(0));
  CHECK(!silent->trend);

  auto previous = BuildObjectiveView(org, ExampleCases::kScoreOverride, today);
  REQUIRE(previous);
  CHECK(previous->score_override.has_value());
  CHECK(!previous->score_reason.empty());

  for (const ObjectiveView& o : all) {
    auto detail = BuildObjectiveDetail(org, o.key, today);
    REQUIRE(detail);
    if (!detail->burn_up.empty() && o.progress) {
      CHECK(detail->burn_up.back().progress == Approx(*o.progress));
    }
  }
}

}  // namespace
}  // namespace okr::web
