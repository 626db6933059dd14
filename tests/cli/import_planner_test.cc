// Copyright 2026 The okrd Authors.

#include "cli/import_planner.h"

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/model/progress.h"

namespace okr {
namespace {

constexpr UnixSeconds kNow = 1800000000;

// AddConfidenceCheckIns as it was before it was indexed (a scan of every
// check-in and key result per key): the behaviour the indexed one keeps.
void ScanningConfidenceCheckIns(const Organisation& stored,
                                const std::map<std::string, double>& confidence,
                                UnixSeconds now, Organisation* incoming) {
  for (const auto& [key, value] : confidence) {
    const CheckIn* latest = LatestCheckIn(stored, TargetKind::kKeyResult, key);
    const CheckIn* in_file =
        LatestCheckIn(*incoming, TargetKind::kKeyResult, key);
    if (in_file != nullptr &&
        (latest == nullptr || in_file->at >= latest->at)) {
      latest = in_file;
    }
    if (latest != nullptr && latest->confidence == value) continue;
    for (const KeyResult& k : incoming->key_results) {
      if (k.key != key) continue;
      incoming->check_ins.push_back({.target_kind = TargetKind::kKeyResult,
                                     .target_key = key,
                                     .at = now,
                                     .author_email = k.owner_email,
                                     .value = k.current,
                                     .confidence = value,
                                     .source = "import"});
    }
  }
}

CheckIn Confidence(std::string key, UnixSeconds at, double confidence) {
  return {.target_key = std::move(key), .at = at, .confidence = confidence};
}

KeyResult Kr(std::string key, std::string owner, double current) {
  return {.key = std::move(key),
          .objective_key = "o",
          .title = "t",
          .owner_email = std::move(owner),
          .current = current};
}

TEST_CASE("a Confidence column adds a check-in only where the latest differs",
          "[cli][import]") {
  Organisation stored;
  stored.check_ins = {
      Confidence("kr-a", 100, 0.5),  // Same as the file says: nothing.
      Confidence("kr-b", 100, 0.5),  // Older than the file's own 0.7.
      Confidence("kr-c", 300, 0.9),  // Newer than the file's 0.4.
      Confidence("kr-c", 200, 0.1),
      {.target_key = "kr-d", .at = 400, .value = 3},  // No confidence.
  };
  stored.check_ins.push_back(Confidence("kr-e", 100, 0.2));
  stored.check_ins.back().target_kind = TargetKind::kObjective;  // Not a KR.
  Organisation file;
  file.key_results = {Kr("kr-e", "e@x.test", 5), Kr("kr-a", "a@x.test", 1),
                      Kr("kr-b", "b@x.test", 2), Kr("kr-c", "c@x.test", 3),
                      Kr("kr-d", "d@x.test", 4), Kr("kr-e", "e2@x.test", 6)};
  file.check_ins = {Confidence("kr-b", 200, 0.7), Confidence("kr-c", 150, 0.4)};
  const std::map<std::string, double> confidence = {
      {"kr-a", 0.5}, {"kr-b", 0.7}, {"kr-c", 0.3},
      {"kr-d", 0.6}, {"kr-e", 0.2}, {"kr-gone", 0.1}};

  AddConfidenceCheckIns(stored, confidence, kNow, &file);

  // kr-c (0.9 stored is the latest), kr-d (none known), kr-e twice (a KR
  // of that key per row; the stored 0.2 is an objective's): in key order.
  REQUIRE(file.check_ins.size() == 2 + 4);
  const std::vector<std::pair<std::string, std::string>> added = {
      {"kr-c", "c@x.test"},
      {"kr-d", "d@x.test"},
      {"kr-e", "e@x.test"},
      {"kr-e", "e2@x.test"}};
  for (size_t i = 0; i < added.size(); ++i) {
    const CheckIn& c = file.check_ins[2 + i];
    CHECK(c.target_key == added[i].first);
    CHECK(c.author_email == added[i].second);
    CHECK(c.at == kNow);
    CHECK(c.source == "import");
    CHECK(c.confidence == confidence.at(c.target_key));
  }
  CHECK(file.check_ins[2].value == 3);  // The KR's current value.
  CHECK(file.check_ins[5].value == 6);
}

TEST_CASE("the indexed confidence check-ins equal a scan of every key",
          "[cli][import]") {
  std::mt19937 random(7);
  auto pick = [&random](int n) {
    return static_cast<int>(random() % static_cast<unsigned>(n));
  };
  size_t added = 0, unchanged = 0;
  for (int round = 0; round < 50; ++round) {
    const int keys = 1 + pick(12);
    auto key = [&] { return "kr-" + std::to_string(pick(keys)); };
    auto level = [&] { return pick(4) / 4.0; };
    Organisation stored, file;
    for (int i = pick(15); i > 0; --i) {
      stored.check_ins.push_back(Confidence(key(), pick(5), level()));
      if (pick(4) == 0) stored.check_ins.back().confidence.reset();
    }
    for (int i = pick(15); i > 0; --i) {
      file.check_ins.push_back(Confidence(key(), pick(5), level()));
    }
    for (int i = pick(15); i > 0; --i) {
      file.key_results.push_back(
          Kr(key(), "p" + std::to_string(i) + "@x.test", pick(9)));
    }
    std::map<std::string, double> confidence;
    for (int i = pick(15); i > 0; --i) confidence[key()] = level();

    size_t asked = 0;  // Key results the column gives a confidence.
    for (const KeyResult& k : file.key_results)
      asked += confidence.count(k.key);
    Organisation expected = file;
    ScanningConfidenceCheckIns(stored, confidence, kNow, &expected);
    const size_t before = file.check_ins.size();
    AddConfidenceCheckIns(stored, confidence, kNow, &file);
    INFO("round " << round);
    CHECK(file == expected);
    added += file.check_ins.size() - before;
    unchanged += asked - (file.check_ins.size() - before);
  }
  // Both outcomes were exercised.
  CHECK(added > 0);
  CHECK(unchanged > 0);
}

}  // namespace
}  // namespace okr
