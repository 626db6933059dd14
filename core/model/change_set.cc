// Copyright 2026 The okrd Authors.

#include "core/model/change_set.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/model/validate.h"

namespace okr {
namespace {

using Renames = std::map<std::string, std::string>;

std::string Norm(const PlanOptions& o, std::string_view title) {
  return o.normalise_title ? o.normalise_title(title) : std::string(title);
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

void RenameTarget(const Renames& renames, TargetKind kind, TargetKind which,
                  std::string* key) {
  if (kind != which) return;
  auto it = renames.find(*key);
  if (it != renames.end()) *key = it->second;
}

// Rewrites every reference to a renamed objective (which = kObjective) or
// key result (which = kKeyResult) in `org`.
void ApplyRenames(const Renames& renames, TargetKind which, Organisation* org) {
  if (renames.empty()) return;
  for (Objective& o : org->objectives) {
    if (which == TargetKind::kObjective) RenameTarget(renames, which, which, &o.key);
    if (o.parent) RenameTarget(renames, o.parent->kind, which, &o.parent->key);
    for (LinkTarget& t : o.supports) RenameTarget(renames, t.kind, which, &t.key);
  }
  for (KeyResult& k : org->key_results) {
    if (which == TargetKind::kObjective) {
      RenameTarget(renames, which, which, &k.objective_key);
    } else {
      RenameTarget(renames, which, which, &k.key);
    }
  }
  for (CheckIn& c : org->check_ins) {
    RenameTarget(renames, c.target_kind, which, &c.target_key);
  }
}

// Derived keys take the stored key of the item with the same identity.
// derived[i] says whether in[i]'s key was derived.
template <typename T, typename IdentityFn>
Renames MatchDerived(const std::vector<T>& stored, const std::vector<T>& in,
                     const std::vector<bool>& derived, IdentityFn identity) {
  if (stored.empty() ||
      std::find(derived.begin(), derived.end(), true) == derived.end()) {
    return {};
  }
  std::map<std::tuple<std::string, std::string, std::string>, std::string> ids;
  for (const T& s : stored) ids.emplace(identity(s), s.key);
  std::unordered_set<std::string_view> taken;  // Views of in and ids.
  taken.reserve(in.size());
  for (const T& i : in) taken.insert(i.key);
  Renames renames;
  for (size_t n = 0; n < in.size() && n < derived.size(); ++n) {
    if (!derived[n]) continue;
    const T& i = in[n];
    auto it = ids.find(identity(i));
    if (it == ids.end() || it->second == i.key || taken.count(it->second)) {
      continue;
    }
    renames[i.key] = it->second;
    taken.insert(it->second);
  }
  return renames;
}

// Derived units resolve to a stored unit with the same key or name; the
// stored one stays as it is.
void ResolveDerivedUnits(const Organisation& stored, Organisation* in,
                         const PlanOptions& o) {
  Renames renames;
  std::erase_if(in->units, [&](const Unit& u) {
    if (!o.derived_units.count(u.key)) return false;
    for (const Unit& s : stored.units) {
      if (s.key == u.key) return true;
      if (Norm(o, s.name) == Norm(o, u.name)) {
        renames[u.key] = s.key;
        return true;
      }
    }
    return false;
  });
  auto rename = [&](std::string* key) {
    auto it = renames.find(*key);
    if (it != renames.end()) *key = it->second;
  };
  for (Unit& u : in->units) rename(&u.parent_key);
  for (Person& p : in->people) rename(&p.unit_key);
  for (Objective& x : in->objectives) rename(&x.unit_key);
}

void ResolveDerivedCycles(const Organisation& stored, Organisation* in,
                          const PlanOptions& o) {
  std::erase_if(in->cycles, [&](const Cycle& c) {
    return o.derived_cycles.count(c.name) &&
           std::any_of(stored.cycles.begin(), stored.cycles.end(),
                       [&](const Cycle& s) { return s.name == c.name; });
  });
}

void Rekey(const Organisation& stored, Organisation* in, const PlanOptions& o) {
  ResolveDerivedUnits(stored, in, o);
  ResolveDerivedCycles(stored, in, o);
  auto objective_identity = [&](const Objective& x) {
    return std::make_tuple(x.cycle, x.owner_email, Norm(o, x.title));
  };
  ApplyRenames(MatchDerived(stored.objectives, in->objectives,
                            o.derived_objectives, objective_identity),
               TargetKind::kObjective, in);
  auto kr_identity = [&](const KeyResult& x) {
    return std::make_tuple(x.objective_key, x.owner_email, Norm(o, x.title));
  };
  ApplyRenames(MatchDerived(stored.key_results, in->key_results,
                            o.derived_krs, kr_identity),
               TargetKind::kKeyResult, in);
}

const std::string& KeyOf(const Unit& u) { return u.key; }
const std::string& KeyOf(const Person& p) { return p.email; }
const std::string& KeyOf(const Cycle& c) { return c.name; }
const std::string& KeyOf(const Objective& o) { return o.key; }
const std::string& KeyOf(const KeyResult& k) { return k.key; }

std::string Describe(const Unit& u) { return u.name; }
std::string Describe(const Person& p) { return p.name; }
std::string Describe(const Cycle& c) {
  return c.start.ToString() + " to " + c.end.ToString();
}
std::string Describe(const Objective& o) { return o.title; }
std::string Describe(const KeyResult& k) { return k.title; }

std::string DescribeChange(const Unit&, const Unit&) { return "changed"; }
std::string DescribeChange(const Person&, const Person&) { return "changed"; }
std::string DescribeChange(const Cycle& a, const Cycle& b) {
  return Describe(a) + " -> " + Describe(b);
}
std::string DescribeChange(const Objective& a, const Objective& b) {
  return a.title == b.title ? "changed" : "title \"" + b.title + "\"";
}
std::string DescribeChange(const KeyResult& a, const KeyResult& b) {
  if (a.current != b.current) {
    return "current " + Number(a.current) + " -> " + Number(b.current);
  }
  return "changed";
}

// Merges one kind of item, moving the incoming items into the result (the
// caller's `incoming` is left with moved-from items). `prunable(stored_item)`
// says whether a stored item the file does not mention goes away. Linear
// (hashed keys); the first incoming item with a key wins.
// Keeps `change` in the plan, or passes it to options.on_change.
void AddChange(const PlanOptions& options, ImportPlan* plan, Change change) {
  ++plan->change_count;
  if (options.on_change) {
    options.on_change(change);
  } else {
    plan->changes.push_back(std::move(change));
  }
}

template <typename T, typename Prunable>
std::vector<T> MergeKind(const std::vector<T>& stored, std::vector<T>& incoming,
                         const char* kind, Prunable prunable,
                         const PlanOptions& options, ImportPlan* plan) {
  std::unordered_map<std::string_view, size_t> in_by_key;
  in_by_key.reserve(incoming.size());
  for (size_t i = 0; i < incoming.size(); ++i) {
    in_by_key.emplace(KeyOf(incoming[i]), i);
  }
  std::vector<bool> taken(incoming.size());
  ChangeCounts& counts = plan->counts[kind];
  std::vector<T> out;
  out.reserve(stored.size() + incoming.size());
  for (const T& s : stored) {
    auto it = in_by_key.find(KeyOf(s));
    if (it == in_by_key.end()) {
      if (prunable(s)) {
        AddChange(options, plan, {'-', kind, KeyOf(s), Describe(s)});
        ++counts.removed;
      } else {
        out.push_back(s);
      }
      continue;
    }
    T& in = incoming[it->second];
    if (in == s) {
      ++counts.unchanged;
    } else {
      AddChange(options, plan, {'~', kind, KeyOf(s), DescribeChange(s, in)});
      ++counts.changed;
    }
    taken[it->second] = true;
    in_by_key.erase(it);  // Its view would dangle after the move.
    out.push_back(std::move(in));
  }
  for (size_t i = 0; i < incoming.size(); ++i) {
    if (taken[i]) continue;
    auto it = in_by_key.find(KeyOf(incoming[i]));
    if (it == in_by_key.end() || it->second != i) continue;  // A duplicate.
    in_by_key.erase(it);
    AddChange(options, plan,
              {'+', kind, KeyOf(incoming[i]), Describe(incoming[i])});
    ++counts.added;
    out.push_back(std::move(incoming[i]));
  }
  return out;
}

// Shortest text that reads back as exactly `v`.
std::string ExactNumber(double v) {
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, ptr) : "?";
}

// Everything that makes two check-ins the same statement, as one string.
std::string CheckInIdentity(const CheckIn& c) {
  std::string id;
  auto add = [&id](std::string_view part) {
    id += std::to_string(part.size());
    id += ':';
    id += part;
  };
  add(TargetKindName(c.target_kind));
  add(c.target_key);
  add(std::to_string(c.at));
  add(c.author_email);
  add(c.value ? ExactNumber(*c.value) : "-");
  add(c.confidence ? ExactNumber(*c.confidence) : "-");
  add(c.status);
  add(c.learned);
  add(c.next_steps);
  add(c.challenges);
  return id;
}

// Incoming check-ins not stored yet. Linear: identities are hashed.
// Moves them out of `incoming`.
std::vector<CheckIn> NewCheckIns(const std::vector<CheckIn>& stored,
                                 std::vector<CheckIn>& incoming) {
  std::unordered_set<std::string> seen;
  seen.reserve(stored.size() + incoming.size());
  for (const CheckIn& s : stored) seen.insert(CheckInIdentity(s));
  std::vector<CheckIn> out;
  for (CheckIn& c : incoming) {
    if (!seen.insert(CheckInIdentity(c)).second) continue;
    out.push_back(std::move(c));
    out.back().id = 0;
  }
  return out;
}

// The latest value each KR's new check-ins give it.
std::unordered_map<std::string, std::pair<UnixSeconds, double>> LatestValues(
    const std::vector<CheckIn>& check_ins) {
  std::unordered_map<std::string, std::pair<UnixSeconds, double>> latest;
  for (const CheckIn& c : check_ins) {
    if (c.target_kind != TargetKind::kKeyResult || !c.value) continue;
    auto [it, added] = latest.try_emplace(c.target_key, c.at, *c.value);
    if (!added && c.at >= it->second.first) it->second = {c.at, *c.value};
  }
  return latest;
}

// A check-in for every KR whose current value the import moves and whose
// history does not already say so.
void RecordValueChanges(const Organisation& stored, ImportPlan* plan,
                        UnixSeconds now) {
  std::unordered_map<std::string, const KeyResult*> before;
  for (const KeyResult& k : stored.key_results) before[k.key] = &k;
  const auto history = LatestValues(plan->new_check_ins);
  for (const KeyResult& k : plan->merged.key_results) {
    auto it = before.find(k.key);
    const double old_value = it == before.end() ? k.start : it->second->current;
    if (k.current == old_value) continue;
    auto said = history.find(k.key);
    if (said != history.end() && said->second.second == k.current) continue;
    plan->new_check_ins.push_back({.target_kind = TargetKind::kKeyResult,
                                   .target_key = k.key,
                                   .at = now,
                                   .author_email = k.owner_email,
                                   .value = k.current,
                                   .source = "import"});
  }
}

std::set<std::string> CyclesOf(const std::vector<Objective>& objectives) {
  std::set<std::string> cycles;
  for (const Objective& o : objectives) cycles.insert(o.cycle);
  return cycles;
}

std::set<std::string> KeysOf(const std::vector<Objective>& objectives) {
  std::set<std::string> keys;
  for (const Objective& o : objectives) keys.insert(o.key);
  return keys;
}

// Views of the keys of `items`, valid while `items` is not changed.
template <typename T>
std::unordered_set<std::string_view> KeyViews(const std::vector<T>& items) {
  std::unordered_set<std::string_view> keys;
  keys.reserve(items.size());
  for (const T& i : items) keys.insert(KeyOf(i));
  return keys;
}

// Whether the file listed items of a kind itself (not only referred to them).
template <typename T>
bool Lists(const std::vector<T>& items, const std::set<std::string>& derived) {
  return std::any_of(items.begin(), items.end(),
                     [&](const T& i) { return !derived.count(KeyOf(i)); });
}

// Moves the incoming items into plan->merged (see MergeKind).
void MergeItems(const Organisation& stored, Organisation& in,
                const PlanOptions& options, ImportPlan* plan) {
  const bool prune = options.prune;
  Organisation& m = plan->merged;
  const bool lists_units = Lists(in.units, options.derived_units);
  const bool lists_cycles = Lists(in.cycles, options.derived_cycles);
  const bool lists_people = !in.people.empty();
  m.units = MergeKind(stored.units, in.units, "unit", [&](const Unit&) {
    return prune && lists_units;
  }, options, plan);
  m.people = MergeKind(stored.people, in.people, "person", [&](const Person&) {
    return prune && lists_people;
  }, options, plan);
  m.cycles = MergeKind(stored.cycles, in.cycles, "cycle", [&](const Cycle&) {
    return prune && lists_cycles;
  }, options, plan);
  const std::set<std::string> file_cycles = CyclesOf(in.objectives);
  // Only pruning asks which objectives the file listed.
  const std::set<std::string> file_objectives =
      prune ? KeysOf(in.objectives) : std::set<std::string>{};
  m.objectives = MergeKind(stored.objectives, in.objectives, "objective",
                           [&](const Objective& o) {
                             return prune && file_cycles.count(o.cycle) > 0;
                           }, options, plan);
  const std::unordered_set<std::string_view> kept_objectives =
      KeyViews(m.objectives);
  m.key_results = MergeKind(stored.key_results, in.key_results, "key result",
                            [&](const KeyResult& k) {
                              return kept_objectives.count(k.objective_key) == 0 ||
                                     (prune && file_objectives.count(k.objective_key));
                            }, options, plan);
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

}  // namespace

std::string Change::ToString() const {
  return std::string(1, op) + " " + kind + " " + key +
         (detail.empty() ? "" : ": " + detail);
}

Result<ImportPlan> PlanImport(const Organisation& stored, Organisation incoming,
                              const PlanOptions& options) {
  Rekey(stored, &incoming, options);
  ImportPlan plan;
  MergeItems(stored, incoming, options, &plan);
  // The items moved into the plan leave moved-from shells: free them now.
  incoming.units = {};
  incoming.people = {};
  incoming.cycles = {};
  incoming.objectives = {};
  incoming.key_results = {};
  plan.new_check_ins = NewCheckIns(stored.check_ins, incoming.check_ins);
  RecordValueChanges(stored, &plan, options.now);
  for (const CheckIn& c : plan.new_check_ins) {
    AddChange(options, &plan,
              {'+', "check-in", c.target_key,
               FormatUtcTimestamp(c.at) +
                   (c.source == "import" ? " (value change)" : "")});
  }
  plan.counts["check-in"].added = static_cast<int>(plan.new_check_ins.size());
  plan.counts["check-in"].unchanged = static_cast<int>(stored.check_ins.size());
  // History of removed items stays stored but leaves the live organisation
  // (Store::Load does the same).
  if (!stored.check_ins.empty()) {
    const auto objectives = KeyViews(plan.merged.objectives);
    const auto krs = KeyViews(plan.merged.key_results);
    for (const CheckIn& c : stored.check_ins) {
      const auto& live =
          c.target_kind == TargetKind::kKeyResult ? krs : objectives;
      if (live.count(c.target_key)) plan.merged.check_ins.push_back(c);
    }
  }
  plan.merged.check_ins.reserve(plan.merged.check_ins.size() +
                                plan.new_check_ins.size());
  for (const CheckIn& c : plan.new_check_ins) plan.merged.check_ins.push_back(c);
  std::stable_sort(plan.merged.check_ins.begin(), plan.merged.check_ins.end(),
                   [](const CheckIn& a, const CheckIn& b) { return a.at < b.at; });
  const std::vector<std::string> errors = FindModelErrors(plan.merged);
  if (!errors.empty()) return InvalidArgument(JoinLines(errors));
  return plan;
}

}  // namespace okr
