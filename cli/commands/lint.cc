// Copyright 2026 The okrd Authors.
//
// okrd lint: the OKR lint rules (and, with --duplicates, the double-work
// detector) on files before import, or on the database.
// Exit 0: no error-level finding; 1: at least one; 2: usage or I/O error.

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/command.h"
#include "cli/store_access.h"
#include "core/analytics/duplicates.h"
#include "core/analytics/lint_rules.h"
#include "core/web/findings_json.h"
#include "importers/import_file.h"

namespace okr {
namespace {

struct Options {
  bool json = false;
  bool duplicates = false;
};

// Findings of one organisation, located through `where` (may be empty).
std::vector<Finding> Analyse(const Organisation& org, const CliEnv& env,
                             const Options& options) {
  std::vector<Finding> all = RunLint(org, env.config.lint);
  if (options.duplicates) {
    std::vector<Finding> dup = FindDuplicates(org);
    all.insert(all.end(), dup.begin(), dup.end());
  }
  return all;
}

void Locate(const std::string& file, const FileImport& import,
            std::vector<Finding>* all) {
  const SubjectLocator where(import.org, import.where);
  for (Finding& f : *all) {
    for (const std::string& s : f.subjects) {
      if (std::optional<std::string> at = where.Find(s)) {
        f.location = std::move(*at);
        break;
      }
    }
    if (f.location.empty() && !f.subjects.empty()) {
      f.location = file + ":" + f.subjects.front();
    }
  }
}

// The file's own import errors, as findings of the rule "import".
void AddImportProblems(const FileImport& file, std::vector<Finding>* all) {
  for (const std::string& e : file.errors) {
    all->push_back({.rule = "import", .level = Severity::kError, .message = e});
  }
}

Result<std::vector<Finding>> LintFiles(const CliEnv& env,
                                       const ParsedFlags& flags,
                                       const Options& options) {
  std::vector<Finding> all;
  FileImportOptions import_options{.today = env.clock->Today()};
  for (const std::string& path : flags.positionals()) {
    Result<FileImport> file = ImportFile(path, import_options, env.config.limits);
    if (!file.ok()) return UsageError::Make(file.status().message());
    std::vector<Finding> found = Analyse(file->org, env, options);
    Locate(path, *file, &found);
    AddImportProblems(*file, &all);
    all.insert(all.end(), found.begin(), found.end());
  }
  return all;
}

void Print(const std::vector<Finding>& all, const Options& options,
           std::FILE* out) {
  if (options.json) {
    web::JsonWriter w;
    w.BeginObject().Key("findings");
    web::WriteFindings(all, &w);
    int errors = 0;
    for (const Finding& f : all) errors += f.level == Severity::kError;
    w.Key("errors").Int(errors);
    w.Key("warnings").Int(static_cast<int64_t>(all.size()) - errors);
    w.EndObject();
    std::fprintf(out, "%s\n", std::move(w).Take().c_str());
    return;
  }
  for (const Finding& f : all) {
    // Import problems are complete lines already.
    const std::string line = f.rule == "import" ? f.message : FormatFinding(f);
    std::fprintf(out, "%s\n", line.c_str());
  }
}

Status RunLintCommand(const CliEnv& env, const ParsedFlags& flags) {
  Options options{.duplicates = flags.Has("duplicates")};
  if (auto f = flags.Get("format")) {
    if (*f != "text" && *f != "json") {
      return UsageError::Make("--format: \"" + *f + "\" is not text or json");
    }
    options.json = *f == "json";
  }
  std::vector<Finding> all;
  if (!flags.positionals().empty()) {
    OKR_ASSIGN_OR_RETURN(all, LintFiles(env, flags, options));
  } else {
    auto store = OpenStore(env, /*create=*/false);
    if (!store.ok()) return UsageError::Make(store.status().message());
    OKR_ASSIGN_OR_RETURN(Organisation org, (*store)->Load());
    all = Analyse(org, env, options);
  }
  Print(all, options, env.out);
  if (HasErrors(all)) {
    int errors = 0;
    for (const Finding& f : all) errors += f.level == Severity::kError;
    return FailedPrecondition("lint: " + std::to_string(errors) +
                              " error(s)");
  }
  return Status::Ok();
}

}  // namespace

Command MakeLintCommand() {
  return {
      .name = "lint",
      .summary = "check OKRs against the lint rules, in files or the database",
      .usage = "okrd lint [FILE...] [--format text|json] [--duplicates]",
      .details =
          "Runs the OKR lint rules (docs/analytics.md; levels in the [lint] "
          "section of okrd.conf)\non spreadsheet or XML files before import, "
          "or on the database when no file is given.\nFindings are printed as "
          "file:sheet!cell: warning|error: rule-id: message (database\n"
          "findings name the objective or key result). --duplicates adds the "
          "double-work\ndetector. Exit status: 0 without errors, 1 with an "
          "error-level finding, 2 on a usage\nor I/O error.",
      .flags = {{"format", true, "text (default) or json", "F"},
                {"duplicates", false, "also look for double work across units"}},
      .run = RunLintCommand};
}

}  // namespace okr
