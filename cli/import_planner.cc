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
        .derived_objectives = file.derived_objectives,
        .derived_krs = file.derived_krs,
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
