// Copyright 2026 The okrd Authors.
//
// okr_bench_lint [KRS] [--collect]: times lint (core/analytics/lint_rules.h)
// on a generated organisation shaped like the import benchmark's workbook
// (bench/make_big_xlsx.cc: KRS key results, default 200,000, four per
// objective, 200 units, 2,000 people, one cycle, long derived keys, no unit
// of measure, nine check-ins in ten), where every key result and objective
// has a finding. Each finding is formatted as `okrd import` prints it.
// Default: findings streamed to a sink; --collect: collected in a vector
// first (the wrapper), to compare in the same run. Prints the findings,
// seconds, and the peak RSS lint added over the organisation (VmHWM after
// minus VmRSS before, from /proc/self/status).

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include "core/analytics/lint_rules.h"

namespace okr {
namespace {

// "VmHWM" or "VmRSS" of this process, in KB.
long StatusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0)
      return std::atol(line.c_str() + std::strlen(field) + 1);
  }
  return -1;
}

Organisation MakeOrg(int krs) {
  Organisation org;
  org.units.push_back({"company", "Company", "", Level::kCompany, ""});
  for (int u = 0; u < 200; ++u) {
    org.units.push_back(
        {"unit-" + std::to_string(u), "Unit", "company", Level::kTeam, ""});
  }
  for (int p = 0; p < 2000; ++p) {
    org.people.push_back({"person" + std::to_string(p) + "@example.test", "P",
                          "unit-" + std::to_string(p % 200), "", "UTC"});
  }
  org.cycles = {{"2027-Q1", Date{2027, 1, 1}, Date{2027, 3, 31}}};
  for (int i = 0; i < krs / 4; ++i) {
    const std::string unit = "unit-" + std::to_string(i % 200);
    const std::string title =
        "Grow self-serve revenue in EMEA for mid-market " + std::to_string(i);
    org.objectives.push_back(
        {.key = "o-2027-q1-" + unit + "-grow-self-serve-revenue-" +
                std::to_string(i),
         .title = title,
         .description = "Why " + title,
         .level = Level::kTeam,
         .unit_key = unit,
         .owner_email = "person" + std::to_string(i % 2000) + "@example.test",
         .cycle = "2027-Q1"});
    for (int k = 0; k < 4; ++k) {
      const std::string key =
          "kr-" + org.objectives.back().key.substr(2) + "-" + std::to_string(k);
      org.key_results.push_back({.key = key,
                                 .objective_key = org.objectives.back().key,
                                 .title = "Reduce P1 incidents per month",
                                 .start = 10,
                                 .target = 40,
                                 .current = 20});
      if ((i * 4 + k) % 10 != 0) {
        org.check_ins.push_back({.target_key = key,
                                 .at = 1798761600,
                                 .value = 20,
                                 .source = "import"});
      }
    }
  }
  return org;
}

int Run(int krs, bool collect) {
  const Organisation org = MakeOrg(krs);
  const long rss_before = StatusKb("VmRSS");
  const auto start = std::chrono::steady_clock::now();
  size_t findings = 0, bytes = 0;
  if (collect) {
    for (const Finding& f : RunLint(org)) {
      ++findings;
      bytes += FormatFinding(f).size();
    }
  } else {
    RunLint(org, LintSettings{}, [&](Finding&& f) {
      ++findings;
      bytes += FormatFinding(f).size();
    });
  }
  const double s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf(
      "%s: %d key results, %zu findings (%zu bytes), %.3f s, lint "
      "peak %.1f MB over the organisation's %.1f MB\n",
      collect ? "collect" : "stream", krs, findings, bytes, s,
      (StatusKb("VmHWM") - rss_before) / 1024.0, rss_before / 1024.0);
  return 0;
}

}  // namespace
}  // namespace okr

int main(int argc, char** argv) {
  int krs = 200000;
  bool collect = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--collect") == 0) {
      collect = true;
    } else {
      krs = std::atoi(argv[i]);
    }
  }
  if (krs <= 0) {
    std::fprintf(stderr, "usage: okr_bench_lint [KRS] [--collect]\n");
    return 2;
  }
  return okr::Run(krs, collect);
}
