// Copyright 2026 The okrd Authors.
//
// okrd import: spreadsheets and XML into the database, as one transaction,
// with a dry run that shows every change first.

#include <algorithm>
#include <cctype>
#include <iterator>
#include <set>
#include <utility>

#include "cli/cadence_warnings.h"
#include "cli/command.h"
#include "cli/plugin_setup.h"
#include "cli/import_planner.h"
#include "cli/line_spool.h"
#include "cli/progress_bar.h"
#include "cli/store_access.h"
#include "core/analytics/lint_rules.h"
#include "core/base/limits.h"
#include "core/model/change_set.h"
#include "core/model/progress.h"
#include "core/model/text.h"
#include "importers/import_file.h"
#include "importers/template/value_parsing.h"

namespace okr {
namespace {

Result<FileImportOptions> ParseOptions(const CliEnv& env,
                                       const ParsedFlags& flags,
                                       const Registry& registry) {
  FileImportOptions options{.today = env.clock->Today()};
  if (auto f = flags.Get("format")) {
    options.format = ParseFileFormat(*f);
    if (!options.format && registry.FindImporter(*f, "", "") == nullptr) {
      return UsageError::Make("--format: \"" + *f +
                              "\" is not one of xlsx, ods, csv, xml or a "
                              "plugin's format");
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

// The registry's importer for `file` when it is a plugin: the one --format
// names, else the best probe of the file's head. nullptr: a built-in won
// (or nothing fits), and ImportFile handles the file with everything it
// reads (people, check-ins, derived keys), as before plugins existed.
const Registry::Entry<Importer>* PluginImporterFor(
    const Registry& registry, const std::string& file,
    const ParsedFlags& flags) {
  const Registry::Entry<Importer>* entry = nullptr;
  if (auto f = flags.Get("format")) {
    entry = registry.FindImporter(*f, "", "");
  } else {
    // A built-in extension: the built-in's probe says 90, and reading the
    // file twice is not worth it.
    const size_t dot = file.rfind('.');
    if (dot != std::string::npos && ParseFileFormat(file.substr(dot + 1))) {
      return nullptr;
    }
    Result<std::string> bytes = ReadInputFile(file, Limits());
    if (!bytes.ok()) return nullptr;
    entry = registry.FindImporter("", file,
                                  std::string_view(*bytes).substr(0, 4096));
  }
  return entry != nullptr && !entry->origin.built_in() ? entry : nullptr;
}

Result<FileImport> ImportWithPlugin(const Importer& importer,
                                    const std::string& file,
                                    const FileImportOptions& options) {
  OKR_ASSIGN_OR_RETURN(std::string bytes, ReadInputFile(file, Limits()));
  OKR_ASSIGN_OR_RETURN(ImportOutcome outcome,
                       importer.Import({.name = file,
                                        .bytes = bytes,
                                        .default_cycle = options.default_cycle,
                                        .today = options.today}));
  FileImport out{.org = std::move(outcome.org)};
  // Cycles and units a plugin only names are resolved like a spreadsheet's:
  // a quarter name ("2027-Q1") is created when unknown, others must exist.
  std::set<std::string> cycles, units;
  for (const Cycle& c : out.org.cycles) cycles.insert(c.name);
  for (const Unit& u : out.org.units) units.insert(u.key);
  for (const Objective& o : out.org.objectives) {
    if (!o.unit_key.empty() && !units.count(o.unit_key)) {
      out.derived_units.insert(o.unit_key);
    }
    if (o.cycle.empty() || !cycles.insert(o.cycle).second) continue;
    out.derived_cycles.insert(o.cycle);
    if (std::optional<Cycle> quarter = ParseQuarterCycle(o.cycle)) {
      quarter->name = o.cycle;
      out.org.cycles.push_back(*quarter);
    }
  }
  for (const ImportDiagnostic& d : outcome.diagnostics) {
    (d.severity == DiagnosticSeverity::kError ? out.errors : out.warnings)
        .push_back(d.ToString());
  }
  return out;
}

// Appends a file's flags (one per item, see FileImport) to those of the
// `count` items read before it.
void AppendFlags(size_t count, const std::vector<bool>& more,
                 std::vector<bool>* all) {
  if (more.empty()) return;
  all->resize(count);
  all->insert(all->end(), more.begin(), more.end());
}

// Reads every file; merges them into one incoming organisation.
Result<FileImport> ReadAll(const std::vector<std::string>& files,
                           const FileImportOptions& options,
                           const CliEnv& env, const Registry& registry,
                           const ParsedFlags& flags) {
  FileImport all;
  for (const std::string& file : files) {
    const auto* plugin = PluginImporterFor(registry, file, flags);
    ProgressBar bar(env.err, "reading " + file,
                    plugin == nullptr && ShouldShowProgress(env.err, file));
    FileImportOptions file_options = options;
    file_options.progress = [&bar](int64_t done, int64_t total) {
      bar.Update(done, total);
    };
    Result<FileImport> read =
        plugin ? ImportWithPlugin(*plugin->item, file, options)
               : ImportFile(file, file_options, env.config.limits);
    bar.Clear();
    OKR_ASSIGN_OR_RETURN(FileImport one, std::move(read));
    for (const std::string& w : one.warnings) std::fprintf(env.err, "%s\n", w.c_str());
    for (const std::string& e : one.errors) std::fprintf(env.err, "%s\n", e.c_str());
    all.errors.insert(all.errors.end(), one.errors.begin(), one.errors.end());
    // Before org grows: aligned with its vectors.
    all.where.Append(std::move(one.where), all.org);
    AppendFlags(all.org.objectives.size(), one.derived_objectives,
                &all.derived_objectives);
    AppendFlags(all.org.key_results.size(), one.derived_krs, &all.derived_krs);
    // Moved, not copied: a large file's items are most of the memory.
    auto append = [](auto& to, auto& from) {
      if (to.empty()) {
        to = std::move(from);
      } else {
        to.insert(to.end(), std::make_move_iterator(from.begin()),
                  std::make_move_iterator(from.end()));
      }
    };
    append(all.org.units, one.org.units);
    append(all.org.people, one.org.people);
    append(all.org.cycles, one.org.cycles);
    append(all.org.objectives, one.org.objectives);
    append(all.org.key_results, one.org.key_results);
    append(all.org.check_ins, one.org.check_ins);
    all.kr_confidence.merge(one.kr_confidence);
    all.derived_units.merge(one.derived_units);
    all.derived_cycles.merge(one.derived_cycles);
  }
  return all;
}

// `changes`: the dry run's change lines, spooled while planning.
void PrintSummary(const ImportPlan& plan, bool dry_run, LineSpool* changes,
                  std::FILE* out) {
  if (dry_run) changes->WriteTo(out);
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
  const Registry registry = BuildRegistry(env, flags);
  OKR_ASSIGN_OR_RETURN(FileImportOptions options,
                       ParseOptions(env, flags, registry));
  OKR_ASSIGN_OR_RETURN(auto store, OpenStore(env, /*create=*/true));
  OKR_ASSIGN_OR_RETURN(FileImport file, ReadAll(flags.positionals(), options,
                                                env, registry, flags));
  if (!file.errors.empty()) {
    return InvalidArgument("import refused: " + std::to_string(file.errors.size()) +
                           " error(s); the database was not changed");
  }
  OKR_ASSIGN_OR_RETURN(Organisation stored, store->Load());
  AddConfidenceCheckIns(stored, file.kr_confidence, env.clock->Now(), &file.org);
  // Linted before planning, so the file's organisation, keys and cell
  // locations can move into the plan instead of being copied (they are most
  // of the memory of a large import). Findings are advisory: printed after
  // the summary, never a reason to refuse the import, and spooled as lines
  // as they are found (a large file has hundreds of thousands).
  LineSpool lint;
  LintImportedFile(file, stored, env.config.lint,
                   [&lint](Finding&& f) { lint.Add(FormatFinding(f)); });
  file.where = {};
  file.kr_confidence.clear();
  const bool dry_run = flags.Has("dry-run");
  // The change list is only printed (dry run), never kept: a large file
  // has a change per item.
  LineSpool changes;
  PlanOptions plan_options{
      .prune = flags.Has("prune"),
      .now = env.clock->Now(),
      .derived_objectives = std::move(file.derived_objectives),
      .derived_krs = std::move(file.derived_krs),
      .derived_units = std::move(file.derived_units),
      .derived_cycles = std::move(file.derived_cycles),
      .normalise_title = NormaliseTitle,
      .on_change = [&changes, dry_run,
                    line = std::string()](const Change& c) mutable {
        if (!dry_run) return;
        line.clear();  // One buffer for every line.
        c.AppendTo(&line);
        changes.Add(line);
      }};
  Result<ImportPlan> plan =
      PlanImport(stored, std::move(file.org), plan_options);
  if (!plan.ok()) return ReportPlanErrors(plan.status(), env.err);
  if (!dry_run && plan->HasChanges()) {
    OKR_RETURN_IF_ERROR(store->ApplyImport(*plan));
  }
  PrintSummary(*plan, dry_run, &changes, env.out);
  std::fflush(env.out);
  lint.WriteTo(env.err);
  PrintCadenceWarnings(plan->merged, store.get(), env);
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
          "printed as file:sheet!cell: error: ... lines.\nWhile a file of "
          "4 MB or more is read, a progress bar is drawn on stderr if it is "
          "a terminal.",
      .flags = {{"dry-run", false, "show the changes, write nothing"},
                {"prune", false, "remove items the files no longer list"},
                {"format", true, "xlsx, ods, csv, xml or a plugin's (default: detect)",
                 "F"},
                {"sheet", true, "the sheet holding the OKRs", "NAME"},
                {"cycle", true, "cycle for rows that name none", "NAME"},
                {"delimiter", true, "CSV delimiter (default: detect)", "C"},
                {"date-order", true, "how to read 01/02/2027: dmy, mdy, ymd",
                 "ORDER"},
                PluginFlag()},
      .run = RunImport};
}

}  // namespace okr
