// Copyright 2026 The okrd Authors.
//
// Planning an import: what changes when an incoming organisation (from a
// spreadsheet or XML file) is merged into the stored one. Pure and
// deterministic; the store applies a plan in one transaction.
//
// Merge rules:
//  - Items are matched by key. Incoming items are added or replace the
//    stored item of the same key; stored items the file does not mention
//    are kept, unless `prune` is set. Pruning only touches what the file
//    covers: a kind of item the file carries none of (no People sheet) is
//    left alone, objectives only in the file's cycles, key results only
//    under objectives the file lists (and those of pruned objectives).
//  - Keys an importer derived (no ID column) are provisional: such an item
//    takes the key of the stored item with the same identity, (cycle, owner,
//    normalised title) for objectives and (objective, owner, normalised
//    title) for key results, and references to it are rewritten.
//  - Units and cycles a file only refers to resolve to stored ones by key,
//    then by name, and leave them unchanged.
//  - Check-in history is never lost: stored check-ins stay; incoming ones
//    not already stored are appended; a key result whose current value an
//    import changes gets a check-in with source "import" recording it.
//  - The merged result must validate (core/model/validate.h); otherwise
//    the plan is an error listing the problems.

#ifndef OKR_CORE_MODEL_CHANGE_SET_H_
#define OKR_CORE_MODEL_CHANGE_SET_H_

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/base/result.h"
#include "core/model/organisation.h"

namespace okr {

struct Change;

struct PlanOptions {
  bool prune = false;
  UnixSeconds now = 0;  // Time stamp of synthesised "import" check-ins.
  // Which incoming items have a key the importer made up because the file
  // had no ID for them: element i is about incoming.objectives[i] (and
  // incoming.key_results[i]); missing elements are false. Flags by
  // position, not a set of keys: a large file derives a key per item.
  std::vector<bool> derived_objectives;
  std::vector<bool> derived_krs;
  // Units and cycles the file only referred to by key or name (no Units or
  // Cycles row): a stored one with that key, else that name, is used as it
  // is; only unknown ones are added. They never make pruning apply.
  std::set<std::string> derived_units;
  std::set<std::string> derived_cycles;
  // Title normalisation used for identity; defaults to exact comparison.
  std::function<std::string(std::string_view)> normalise_title;
  // When set, each change is passed here, in the order of
  // ImportPlan::changes, instead of being kept there (a large import has one
  // per item: a caller that only prints them need not hold them all).
  // Called on the planning thread, as changes are found: a plan that then
  // fails to validate (an error) may have passed some already. The Change
  // is only valid during the call (the planner reuses one).
  std::function<void(const Change&)> on_change;
};

struct ChangeCounts {
  int added = 0;
  int changed = 0;
  int unchanged = 0;
  int removed = 0;
  friend bool operator==(const ChangeCounts&, const ChangeCounts&) = default;
};

// One line of a dry run: "+ objective o-eng-1: Ship the platform",
// "~ key result kr-1: current 40 -> 55", "- person x@y.z".
struct Change {
  char op;           // '+', '~' or '-'.
  std::string kind;  // "unit", "person", "cycle", "objective", "key result",
                     // "check-in".
  std::string key;
  std::string detail;
  std::string ToString() const;
  // Appends ToString() to `line` (a caller printing many reuses one).
  void AppendTo(std::string* line) const;
};

struct ImportPlan {
  Organisation merged;  // The whole resulting organisation, check-ins too.
  std::vector<CheckIn> new_check_ins;  // Part of merged.check_ins.
  std::vector<Change> changes;  // Empty when PlanOptions::on_change is set.
  int64_t change_count = 0;     // All changes, kept or passed on.
  // Keyed by Change::kind, in a stable order.
  std::map<std::string, ChangeCounts> counts;
  bool HasChanges() const { return change_count > 0 || !changes.empty(); }
};

// InvalidArgument (with every validation problem, one per line) when the
// merge would produce an invalid organisation.
Result<ImportPlan> PlanImport(const Organisation& stored, Organisation incoming,
                              const PlanOptions& options);

}  // namespace okr

#endif  // OKR_CORE_MODEL_CHANGE_SET_H_
