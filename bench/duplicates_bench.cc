// Copyright 2026 The okrd Authors.
//
// okr_bench_duplicates [OBJECTIVES] [--no-naive]: times the double-work
// detector (core/analytics/duplicates.h) on a generated organisation of
// OBJECTIVES objectives (default 10,000) in one cycle, 500 units, two key
// results each, titles drawn from verb x theme x qualifier lists so that
// common words are very common, each naming its own project (a generated
// name, as real titles name the specific thing), with every 50th objective
// a rewording of another unit's. The peer, measured in the same run on the same data, is
// the naive detector that compares every pair (FindDuplicatesAllPairs);
// both must report the same findings. Deterministic: the same arguments
// give the same organisation. Prints one line per detector: the best of
// three runs for the index, one run for the naive peer (it is slow).

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/analytics/duplicates.h"

namespace okr {
namespace {

constexpr const char* kVerbs[] = {"Grow", "Improve", "Reduce", "Launch",
                                  "Automate", "Expand", "Cut", "Raise",
                                  "Simplify", "Harden", "Modernise", "Scale"};
constexpr const char* kThemes[] = {
    "customer churn", "cloud costs", "API latency", "the patient portal",
    "trial conversion", "test coverage", "the support backlog",
    "partner revenue", "the onboarding funnel", "enterprise renewals",
    "checkout conversion", "mobile engagement", "the data platform",
    "the billing system", "developer experience", "hiring throughput",
    "brand awareness", "release reliability", "security posture",
    "warehouse operations", "the referral programme", "API adoption",
    "the SMB segment", "incident response", "clinic onboarding",
    "appointment no-shows", "video visit quality", "credentialing time",
    "invoice accuracy", "search relevance"};
constexpr const char* kQualifiers[] = {
    "", "in EMEA", "in North America", "in the Nordics", "for new customers",
    "for strategic accounts", "for clinics", "on mobile", "at lower cost",
    "without adding headcount", "before the spring launch", "for partners",
    "in France", "in Japan", "for the free tier", "with fewer handoffs"};
constexpr const char* kKrs[] = {"rate", "median time", "share", "count",
                                "cost per account", "weekly active accounts"};

// A pronounceable name for project i ("Kavo", "Mirelu", ...): titles name
// the specific thing they are about, as real ones do.
std::string ProjectName(int i) {
  static constexpr const char* kSyllables[] = {
      "ka", "vo", "mi", "re", "lu", "to", "san", "de", "ri", "no", "bel", "ta",
      "zu", "fi", "gor", "pa", "le", "xi", "mo", "ne"};
  std::string name;
  do {
    name += kSyllables[i % 20];
    i /= 20;
  } while (i > 0);
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

template <typename T, size_t N>
const T& Pick(const T (&list)[N], uint64_t* state) {
  *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
  return list[(*state >> 33) % N];
}

Organisation Generate(int n) {
  Organisation org;
  org.cycles = {{"2027-Q1", Date{2027, 1, 1}, Date{2027, 3, 31}}};
  uint64_t state = 42;
  for (int i = 0; i < n; ++i) {
    const std::string key = "o" + std::to_string(i);
    std::string title;
    if (i % 50 == 49) {  // A rewording of an earlier objective elsewhere.
      title = "Work to " + org.objectives[i - 37].title;
    } else {
      title = std::string(Pick(kVerbs, &state)) + " " + Pick(kThemes, &state);
      const std::string q = Pick(kQualifiers, &state);
      if (!q.empty()) title += " " + q;
      title += " with " + ProjectName(i) + " " + std::to_string(i % 97);
    }
    org.objectives.push_back({.key = key, .title = title,
                              .unit_key = "u" + std::to_string(i % 500),
                              .cycle = "2027-Q1"});
    for (int k = 0; k < 2; ++k) {
      org.key_results.push_back(
          {.key = key + "-" + std::to_string(k), .objective_key = key,
           .title = std::string(Pick(kThemes, &state)) + " " +
                    Pick(kKrs, &state) + " of " + ProjectName(i),
           .kind = k == 0 ? KrKind::kIncrease : KrKind::kDecrease,
           .target = 10, .unit = k == 0 ? "%" : "count"});
    }
  }
  return org;
}

template <typename F>
double BestOf(int runs, F run, size_t* found) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    *found = run().size();
    const std::chrono::duration<double> d = std::chrono::steady_clock::now() - t0;
    best = std::min(best, d.count());
  }
  return best;
}

}  // namespace
}  // namespace okr

int main(int argc, char** argv) {
  int n = 10000;
  bool naive = true;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--no-naive") == 0) {
      naive = false;
    } else {
      n = std::atoi(argv[i]);
    }
  }
  const okr::Organisation org = okr::Generate(n);
  std::printf("organisation: %d objectives, %zu key results, 500 units\n", n,
              org.key_results.size());
  size_t found = 0;
  const double indexed = okr::BestOf(
      3, [&] { return okr::FindDuplicates(org); }, &found);
  std::printf("FindDuplicates (inverted index): %.3f s, %zu findings\n",
              indexed, found);
  if (naive) {
    size_t naive_found = 0;
    const double all = okr::BestOf(
        1, [&] { return okr::FindDuplicatesAllPairs(org); }, &naive_found);
    std::printf("FindDuplicatesAllPairs (naive):  %.3f s, %zu findings\n", all,
                naive_found);
    if (naive_found != found) {
      std::printf("MISMATCH: the detectors disagree\n");
      return 1;
    }
  }
  return 0;
}
