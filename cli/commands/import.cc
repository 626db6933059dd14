// Copyright 2026 The okrd Authors.
//
// okrd import: spreadsheets and XML into the database, as one transaction,
// with a dry run that shows every change first.

#include <algorithm>
#include <cctype>

#include "cli/command.h"
#include "cli/import_planner.h"
#include "cli/store_access.h"
#include "core/base/limits.h"
#include "core/model/change_set.h"
#include "core/model/progress.h"
#include "core/model/text.h"
#include "importers/import_file.h"

namespace okr {
namespace {

Result<FileImportOptions> ParseOptions(const CliEnv& env,
                                       const ParsedFlags& flags) {
  FileImportOptions options{.today = env.clock->Today()};
  if (auto f = flags.Get("format")) {
    options.format = ParseFileFormat(*f);
    if (!options.format) {
      return UsageError::Make("--format: \"" + *f +
                              "\" is not one of xlsx, ods, csv, xml");
    }
  }
  options.sheet = flags.Get("sheet");
  options.default_cycle = flags.Get("cycle").value_or("");
  if (auto d = flags.Get("delimiter")) {
    if (*d == "\\t" || *d == "tab") *d = "\t";
    if (d->size() != 1) {
      return UsageError::Make("--delimiter takes one character (or \\t)");
    }
    options.delimiter = (*d)[0];
  }
  if (auto o = flags.Get("date-order")) {
    std::optional<DateOrder> order = ParseDateOrder(*o);
    if (!order) return UsageError::Make("--date-order: dmy, mdy or ymd");
    options.date_order = *order;
  }
  return options;
}

// Reads every file; merges them into one incoming organisation.
Result<FileImport> ReadAll(const std::vector<std::string>& files,
                           const FileImportOptions& options,
                           const CliEnv& env) {
  FileImport all;
  for (const std::string& file : files) {
    OKR_ASSIGN_OR_RETURN(FileImport one, ImportFile(file, options, Limits()));
    for (const std::string& w : one.warnings) std::fprintf(env.err, "%s\n", w.c_str());
    for (const std::string& e : one.errors) std::fprintf(env.err, "%s\n", e.c_str());
    all.errors.insert(all.errors.end(), one.errors.begin(), one.errors.end());
    auto append = [](auto& to, const auto& from) {
      to.insert(to.end(), from.begin(), from.end());
    };
    append(all.org.units, one.org.units);
    append(all.org.people, one.org.people);
    append(all.org.cycles, one.org.cycles);
    append(all.org.objectives, one.org.objectives);
    append(all.org.key_results, one.org.key_results);
    append(all.org.check_ins, one.org.check_ins);
    all.derived_objective_keys.merge(one.derived_objective_keys);
    all.derived_kr_keys.merge(one.derived_kr_keys);
    all.kr_confidence.merge(one.kr_confidence);
    all.derived_units.merge(one.derived_units);
    all.derived_cycles.merge(one.derived_cycles);
  }
  return all;
}

void PrintSummary(const ImportPlan& plan, bool dry_run, std::FILE* out) {
  if (dry_run) {
    for (const Change& c : plan.changes) {
      std::fprintf(out, "%s\n", c.ToString().c_str());
    }
  }
  std::fprintf(out, "%-12s %7s %8s %10s %8s\n", "", "added", "changed",
               "unchanged", "removed");
  for (const char* kind : {"unit", "person", "cycle", "objective",
                           "key result", "check-in"}) {
    auto it = plan.counts.find(kind);
    const ChangeCounts c = it == plan.counts.end() ? ChangeCounts{} : it->second;
    std::fprintf(out, "%-12s %7d %8d %10d %8d\n", kind, c.added, c.changed,
                 c.unchanged, c.removed);
  }
  if (dry_run) {
    std::fprintf(out, "dry run: nothing was written\n");
  } else if (!plan.HasChanges()) {
    std::fprintf(out, "nothing to change\n");
  }
}

// Plan errors are validation lines; show each, then one summary.
Status ReportPlanErrors(const Status& s, std::FILE* err) {
  std::string_view all = s.message();
  int n = 0;
  while (!all.empty()) {
    const size_t nl = all.find('\n');
    std::fprintf(err, "okrd: error: %.*s\n",
                 static_cast<int>(all.substr(0, nl).size()), all.data());
    ++n;
    all = nl == std::string_view::npos ? "" : all.substr(nl + 1);
  }
  return InvalidArgument("import refused: " + std::to_string(n) +
                         " problem(s) with the result; the database was not "
                         "changed");
}

Status RunImport(const CliEnv& env, const ParsedFlags& flags) {
  if (flags.positionals().empty()) return UsageError::Make("which file(s)?");
  OKR_ASSIGN_OR_RETURN(FileImportOptions options, ParseOptions(env, flags));
  OKR_ASSIGN_OR_RETURN(auto store, OpenStore(env, /*create=*/true));
  OKR_ASSIGN_OR_RETURN(FileImport file, ReadAll(flags.positionals(), options, env));
  if (!file.errors.empty()) {
    return InvalidArgument("import refused: " + std::to_string(file.errors.size()) +
                           " error(s); the database was not changed");
  }
  OKR_ASSIGN_OR_RETURN(Organisation stored, store->Load());
  AddConfidenceCheckIns(stored, file.kr_confidence, env.clock->Now(), &file.org);
  PlanOptions plan_options{.prune = flags.Has("prune"),
                           .now = env.clock->Now(),
                           .derived_objective_keys = file.derived_objective_keys,
                           .derived_kr_keys = file.derived_kr_keys,
                           .derived_units = file.derived_units,
                           .derived_cycles = file.derived_cycles,
                           .normalise_title = NormaliseTitle};
  Result<ImportPlan> plan = PlanImport(stored, file.org, plan_options);
  if (!plan.ok()) return ReportPlanErrors(plan.status(), env.err);
  const bool dry_run = flags.Has("dry-run");
  if (!dry_run && plan->HasChanges()) {
    OKR_RETURN_IF_ERROR(store->ApplyImport(*plan));
  }
  PrintSummary(*plan, dry_run, env.out);
  return Status::Ok();
}

}  // namespace

Command MakeImportCommand() {
  return {
      .name = "import",
      .summary = "import objectives from XLSX, ODS, CSV or okrd XML files",
      .usage = "okrd import FILE... [--dry-run] [--prune] [--format F] "
               "[--sheet NAME] [--cycle NAME] [--delimiter C] "
               "[--date-order dmy|mdy|ymd]",
      .details =
          "Reads the files (format detected from their content), checks "
          "everything, and applies\nthe changes in one transaction: either "
          "all of it lands or nothing. Items are matched\nby their ID column, "
          "else by cycle, owner and title. Items missing from the files "
          "stay\nunless --prune. Check-in history is never lost; current "
          "values an import changes are\nrecorded as check-ins. Problems are "
          "printed as file:sheet!cell: error: ... lines.",
      .flags = {{"dry-run", false, "show the changes, write nothing"},
                {"prune", false, "remove items the files no longer list"},
                {"format", true, "xlsx, ods, csv or xml (default: detect)",
                 "F"},
                {"sheet", true, "the sheet holding the OKRs", "NAME"},
                {"cycle", true, "cycle for rows that name none", "NAME"},
                {"delimiter", true, "CSV delimiter (default: detect)", "C"},
                {"date-order", true, "how to read 01/02/2027: dmy, mdy, ymd",
                 "ORDER"}},
      .run = RunImport};
}

}  // namespace okr
