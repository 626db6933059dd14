// Copyright 2026 The okrd Authors.

#include "cli/import_planner.h"

#include <utility>

#include "core/model/change_set.h"
#include "core/model/progress.h"
#include "core/model/text.h"
#include "importers/import_file.h"

namespace okr {

void AddConfidenceCheckIns(const Organisation& stored,
                           const std::map<std::string, double>& confidence,
                           UnixSeconds now, Organisation* incoming) {
  for (const auto& [key, value] : confidence) {
    const CheckIn* latest = LatestCheckIn(stored, TargetKind::kKeyResult, key);
    const CheckIn* in_file =
        LatestCheckIn(*incoming, TargetKind::kKeyResult, key);
    if (in_file != nullptr && (latest == nullptr || in_file->at >= latest->at)) {
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

namespace {

// Where the file defined the item `subject` names ("kr:KEY"), or nullptr
// (a stored item, or none). Lint's one use of the file's location map.
const std::string* DefinedAt(const FileImport& file,
                             const std::string& subject) {
  auto it = file.where.find(subject);
  return it == file.where.end() ? nullptr : &it->second;
}

}  // namespace

void LintImportedFile(const FileImport& file, const Organisation& stored,
                      const LintSettings& settings, const FindingSink& sink) {
  RunLint(
      file.org, settings,
      [&file, &sink](Finding&& f) {
        if (!f.subjects.empty() && f.subjects.front().starts_with("unit:") &&
            DefinedAt(file, f.subjects.front()) == nullptr) {
          return;  // About a stored unit the file did not touch.
        }
        for (const std::string& s : f.subjects) {
          if (const std::string* at = DefinedAt(file, s)) {
            f.location = *at;
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
        .derived_objective_keys = file.derived_objective_keys,
        .derived_kr_keys = file.derived_kr_keys,
        .derived_units = file.derived_units,
        .derived_cycles = file.derived_cycles,
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
