// Copyright 2026 The okrd Authors.

#include "cli/import_planner.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/model/change_set.h"
#include "core/model/progress.h"
#include "core/model/text.h"
#include "importers/import_file.h"

namespace okr {

namespace {

// The latest check-in with a confidence of each key result among
// `check_ins` (the last one of equal times, as LatestCheckIn), as
// (time, confidence), by views of the keys; only the keys `wanted` has.
using LatestConfidences =
    std::unordered_map<std::string_view, std::pair<UnixSeconds, double>>;

LatestConfidences LatestConfidenceOf(
    const std::vector<CheckIn>& check_ins,
    const std::map<std::string, double>& wanted) {
  LatestConfidences latest;
  for (const CheckIn& c : check_ins) {
    if (c.target_kind != TargetKind::kKeyResult || !c.confidence ||
        !wanted.count(c.target_key)) {
      continue;
    }
    auto [it, added] = latest.try_emplace(c.target_key, c.at, *c.confidence);
    if (!added && c.at >= it->second.first) it->second = {c.at, *c.confidence};
  }
  return latest;
}

// Indexes of the key results whose key `wanted` has, ordered by key, then
// by position (the order AddConfidenceCheckIns adds check-ins in).
std::vector<size_t> KeyResultsByKey(
    const std::vector<KeyResult>& krs,
    const std::map<std::string, double>& wanted) {
  std::vector<size_t> order;
  for (size_t i = 0; i < krs.size(); ++i) {
    if (wanted.count(krs[i].key)) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return krs[a].key < krs[b].key; });
  return order;
}

}  // namespace

// Linear in the check-ins and key results (times log of the keys): a large
// file has a confidence per key result.
void AddConfidenceCheckIns(const Organisation& stored,
                           const std::map<std::string, double>& confidence,
                           UnixSeconds now, Organisation* incoming) {
  if (confidence.empty()) return;
  const LatestConfidences in_store =
      LatestConfidenceOf(stored.check_ins, confidence);
  std::vector<CheckIn> added;
  {
    // Views of `incoming`, which does not change until `added` is appended.
    const LatestConfidences in_file =
        LatestConfidenceOf(incoming->check_ins, confidence);
    const std::vector<size_t> order =
        KeyResultsByKey(incoming->key_results, confidence);
    for (size_t i : order) {
      const KeyResult& k = incoming->key_results[i];
      const double value = confidence.find(k.key)->second;
      // The latest known (time, confidence): the file's on equal times.
      const std::pair<UnixSeconds, double>* latest = nullptr;
      if (auto it = in_store.find(k.key); it != in_store.end()) {
        latest = &it->second;
      }
      if (auto it = in_file.find(k.key);
          it != in_file.end() &&
          (latest == nullptr || it->second.first >= latest->first)) {
        latest = &it->second;
      }
      if (latest != nullptr && latest->second == value) continue;
      added.push_back({.target_kind = TargetKind::kKeyResult,
                       .target_key = k.key,
                       .at = now,
                       .author_email = k.owner_email,
                       .value = k.current,
                       .confidence = value,
                       .source = "import"});
    }
  }
  incoming->check_ins.insert(incoming->check_ins.end(),
                             std::make_move_iterator(added.begin()),
                             std::make_move_iterator(added.end()));
}

void LintImportedFile(const FileImport& file, const Organisation& stored,
                      const LintSettings& settings, const FindingSink& sink) {
  // Where the file defined the item a subject names ("kr:KEY"); nothing for
  // a stored item.
  const SubjectLocator where(file.org, file.where);
  RunLint(
      file.org, settings,
      [&where, &sink](Finding&& f) {
        if (!f.subjects.empty() && f.subjects.front().starts_with("unit:") &&
            !where.Find(f.subjects.front())) {
          return;  // About a stored unit the file did not touch.
        }
        for (const std::string& s : f.subjects) {
          if (std::optional<std::string> at = where.Find(s)) {
            f.location = std::move(*at);
            break;
          }
        }
        sink(std::move(f));
      },
      &stored);
}

web::ImportPlanner MakeImportPlanner(LintSettings lint) {
  return [lint](const std::string& path, const Organisation& stored,
                UnixSeconds now,
                const Limits& limits) -> Result<web::ImportPreview> {
    const FileImportOptions options{.today = Date::FromUnixSeconds(now)};
    OKR_ASSIGN_OR_RETURN(FileImport file, ImportFile(path, options, limits));
    web::ImportPreview preview;
    preview.errors = std::move(file.errors);
    preview.warnings = std::move(file.warnings);
    if (!preview.errors.empty()) return preview;
    LintImportedFile(file, stored, lint, [&preview](Finding&& f) {
      preview.warnings.push_back(FormatFinding(f));
    });
    AddConfidenceCheckIns(stored, file.kr_confidence, now, &file.org);
    const PlanOptions plan_options{
        .prune = false,
        .now = now,
        .derived_objectives = std::move(file.derived_objectives),
        .derived_krs = std::move(file.derived_krs),
        .derived_units = std::move(file.derived_units),
        .derived_cycles = std::move(file.derived_cycles),
        .normalise_title = NormaliseTitle};
    Result<ImportPlan> plan = PlanImport(stored, std::move(file.org), plan_options);
    if (!plan.ok()) {
      std::string_view all = plan.status().message();
      while (!all.empty()) {
        const size_t nl = all.find('\n');
        preview.errors.push_back("error: " + std::string(all.substr(0, nl)));
        all = nl == std::string_view::npos ? "" : all.substr(nl + 1);
      }
      return preview;
    }
    preview.plan = std::move(plan).value();
    return preview;
  };
}

}  // namespace okr
