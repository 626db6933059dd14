// Copyright 2026 The okrd Authors.

#include "cli/import_planner.h"

#include <set>
#include <unordered_set>
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

std::vector<Finding> LintImportedFile(FileImport* file,
                                      const Organisation& stored,
                                      const LintSettings& settings) {
  Organisation& org = file->org;
  const size_t people = org.people.size(), units = org.units.size(),
               cycles = org.cycles.size();
  auto add_missing = [](auto& to, const auto& from, auto key) {
    std::unordered_set<std::string> have;
    for (const auto& x : to) have.insert(key(x));
    for (const auto& x : from) {
      if (!have.count(key(x))) to.push_back(x);
    }
  };
  add_missing(org.people, stored.people, [](const Person& p) { return p.email; });
  add_missing(org.units, stored.units, [](const Unit& u) { return u.key; });
  add_missing(org.cycles, stored.cycles, [](const Cycle& c) { return c.name; });
  std::vector<Finding> findings = RunLint(org, settings);
  org.people.resize(people);
  org.units.resize(units);
  org.cycles.resize(cycles);
  // Built once the organisation is back to the file's items.
  const SubjectLocator where(org, file->where);
  // Filtered in place: a large file has a finding per key result.
  std::erase_if(findings, [&where](const Finding& f) {
    // About a stored unit the file did not touch.
    return !f.subjects.empty() && f.subjects.front().rfind("unit:", 0) == 0 &&
           !where.Find(f.subjects.front());
  });
  for (Finding& f : findings) {
    for (const std::string& s : f.subjects) {
      if (std::optional<std::string> at = where.Find(s)) {
        f.location = std::move(*at);
        break;
      }
    }
  }
  return findings;
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
    for (const Finding& f : LintImportedFile(&file, stored, lint)) {
      preview.warnings.push_back(FormatFinding(f));
    }
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
