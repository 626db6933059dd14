// Copyright 2026 The okrd Authors.

#include "core/model/change_set.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
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

// The detail of a change line, appended to `out` (no temporaries).
void Describe(const Unit& u, std::string* out) { *out += u.name; }
void Describe(const Person& p, std::string* out) { *out += p.name; }
void Describe(const Cycle& c, std::string* out) {
  *out += c.start.ToString();
  *out += " to ";
  *out += c.end.ToString();
}
void Describe(const Objective& o, std::string* out) { *out += o.title; }
void Describe(const KeyResult& k, std::string* out) { *out += k.title; }

void DescribeChange(const Unit&, const Unit&, std::string* out) {
  *out += "changed";
}
void DescribeChange(const Person&, const Person&, std::string* out) {
  *out += "changed";
}
void DescribeChange(const Cycle& a, const Cycle& b, std::string* out) {
  Describe(a, out);
  *out += " -> ";
  Describe(b, out);
}
void DescribeChange(const Objective& a, const Objective& b, std::string* out) {
  if (a.title == b.title) {
    *out += "changed";
    return;
  }
  *out += "title \"";
  *out += b.title;
  *out += '"';
}
void DescribeChange(const KeyResult& a, const KeyResult& b, std::string* out) {
  if (a.current == b.current) {
    *out += "changed";
    return;
  }
  *out += "current ";
  *out += Number(a.current);
  *out += " -> ";
  *out += Number(b.current);
}

// Where the changes of a plan go: kept in the plan, or passed to
// options.on_change. Passed changes are built in one reused Change, so a
// large import makes no Change (and no strings) per item.
class ChangeSink {
 public:
  ChangeSink(const PlanOptions& options, ImportPlan* plan)
      : options_(options), plan_(plan) {}

  // `describe(std::string* detail)` appends the change's detail.
  template <typename DescribeFn>
  void Add(char op, std::string_view kind, std::string_view key,
           DescribeFn describe) {
    ++plan_->change_count;
    Change* c = &scratch_;
    if (!options_.on_change) {
      plan_->changes.push_back({});
      c = &plan_->changes.back();
    }
    c->op = op;
    c->kind.assign(kind);
    c->key.assign(key);
    c->detail.clear();
    describe(&c->detail);
    if (options_.on_change) options_.on_change(scratch_);
  }

 private:
  const PlanOptions& options_;
  ImportPlan* plan_;
  Change scratch_;
};

// Merges one kind of item, moving the incoming items into the result and
// freeing `incoming`. `prunable(stored_item)` says whether a stored item the
// file does not mention goes away. Linear (hashed keys); the first incoming
// item with a key wins. When `from_file` is set, it gets one flag per item
// of the result: whether it came from `incoming`.

template <typename T>
void AddAdded(const T& item, const char* kind, ChangeSink* sink) {
  sink->Add('+', kind, KeyOf(item),
            [&](std::string* out) { Describe(item, out); });
}

// MergeKind into an empty store: every first item of a key is added, in
// place (no second vector of items).
template <typename T>
std::vector<T> AddAll(std::vector<T>&& incoming, const char* kind,
                      ChangeCounts* counts, ChangeSink* sink,
                      std::vector<bool>* from_file) {
  std::vector<bool> first(incoming.size());
  {
    std::unordered_set<std::string_view> keys;  // Views of `incoming`.
    keys.reserve(incoming.size());
    for (size_t i = 0; i < incoming.size(); ++i) {
      first[i] = keys.insert(KeyOf(incoming[i])).second;
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < incoming.size(); ++i) {
    if (!first[i]) continue;  // A duplicate: the first one wins.
    AddAdded(incoming[i], kind, sink);
    if (kept != i) incoming[kept] = std::move(incoming[i]);
    ++kept;
  }
  incoming.erase(incoming.begin() + kept, incoming.end());
  counts->added += static_cast<int>(kept);
  if (from_file) from_file->assign(kept, true);
  return std::move(incoming);
}

template <typename T, typename Prunable>
std::vector<T> MergeKind(const std::vector<T>& stored,
                         std::vector<T>&& incoming, const char* kind,
                         Prunable prunable, ChangeSink* sink, ImportPlan* plan,
                         std::vector<bool>* from_file = nullptr) {
  ChangeCounts& counts = plan->counts[kind];
  if (stored.empty()) {
    return AddAll(std::move(incoming), kind, &counts, sink, from_file);
  }
  std::unordered_map<std::string_view, size_t> in_by_key;
  in_by_key.reserve(incoming.size());
  for (size_t i = 0; i < incoming.size(); ++i) {
    in_by_key.emplace(KeyOf(incoming[i]), i);
  }
  std::vector<bool> taken(incoming.size());
  std::vector<T> out;
  out.reserve(stored.size() + incoming.size());
  if (from_file) from_file->clear();
  auto keep = [&](bool file) {
    if (from_file) from_file->push_back(file);
  };
  for (const T& s : stored) {
    auto it = in_by_key.find(KeyOf(s));
    if (it == in_by_key.end()) {
      if (prunable(s)) {
        sink->Add('-', kind, KeyOf(s),
                  [&](std::string* detail) { Describe(s, detail); });
        ++counts.removed;
      } else {
        out.push_back(s);
        keep(false);
      }
      continue;
    }
    T& in = incoming[it->second];
    if (in == s) {
      ++counts.unchanged;
    } else {
      sink->Add('~', kind, KeyOf(s),
                [&](std::string* detail) { DescribeChange(s, in, detail); });
      ++counts.changed;
    }
    taken[it->second] = true;
    in_by_key.erase(it);  // Its view would dangle after the move.
    out.push_back(std::move(in));
    keep(true);
  }
  for (size_t i = 0; i < incoming.size(); ++i) {
    if (taken[i]) continue;
    auto it = in_by_key.find(KeyOf(incoming[i]));
    if (it == in_by_key.end() || it->second != i) continue;  // A duplicate.
    in_by_key.erase(it);
    AddAdded(incoming[i], kind, sink);
    ++counts.added;
    out.push_back(std::move(incoming[i]));
    keep(true);
  }
  incoming = std::vector<T>();  // Moved-from shells: free them now.
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
  if (incoming.empty()) return {};  // No identities of the stored history.
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

// The latest value each KR's new check-ins give it; views of `check_ins`.
std::unordered_map<std::string_view, std::pair<UnixSeconds, double>>
LatestValues(const std::vector<CheckIn>& check_ins) {
  std::unordered_map<std::string_view, std::pair<UnixSeconds, double>> latest;
  for (const CheckIn& c : check_ins) {
    if (c.target_kind != TargetKind::kKeyResult || !c.value) continue;
    auto [it, added] = latest.try_emplace(c.target_key, c.at, *c.value);
    if (!added && c.at >= it->second.first) it->second = {c.at, *c.value};
  }
  return latest;
}

// The merged KRs (indexes, in order) whose current value the import moves
// and whose new history does not already say so.
std::vector<size_t> MovedValues(const Organisation& stored,
                                const ImportPlan& plan) {
  std::unordered_map<std::string_view, double> before;  // Views of `stored`.
  before.reserve(stored.key_results.size());
  for (const KeyResult& k : stored.key_results) {
    before.insert_or_assign(k.key, k.current);  // The last one wins.
  }
  const auto history = LatestValues(plan.new_check_ins);
  std::vector<size_t> moved;
  const std::vector<KeyResult>& krs = plan.merged.key_results;
  for (size_t i = 0; i < krs.size(); ++i) {
    const KeyResult& k = krs[i];
    auto it = before.find(k.key);
    const double old_value = it == before.end() ? k.start : it->second;
    if (k.current == old_value) continue;
    auto said = history.find(k.key);
    if (said != history.end() && said->second.second == k.current) continue;
    moved.push_back(i);
  }
  return moved;
}

// A check-in for every KR whose current value the import moves and whose
// history does not already say so.
void RecordValueChanges(const Organisation& stored, ImportPlan* plan,
                        UnixSeconds now) {
  const std::vector<size_t> moved = MovedValues(stored, *plan);
  plan->new_check_ins.reserve(plan->new_check_ins.size() + moved.size());
  for (size_t i : moved) {
    const KeyResult& k = plan->merged.key_results[i];
    plan->new_check_ins.push_back({.target_kind = TargetKind::kKeyResult,
                                   .target_key = k.key,
                                   .at = now,
                                   .author_email = k.owner_email,
                                   .value = k.current,
                                   .source = "import"});
  }
}

// The cycles `objectives` name (a handful: copied, as the objectives move).
std::set<std::string> CyclesOf(const std::vector<Objective>& objectives) {
  std::set<std::string> cycles;
  for (const Objective& o : objectives) cycles.insert(o.cycle);
  return cycles;
}

// Views of the keys of the `items` that came from the file (MergeKind's
// `from_file`); valid while `items` is not changed.
template <typename T>
std::unordered_set<std::string_view> FileKeyViews(
    const std::vector<T>& items, const std::vector<bool>& from_file) {
  std::unordered_set<std::string_view> keys;
  keys.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    if (from_file[i]) keys.insert(KeyOf(items[i]));
  }
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

// Moves the incoming items into plan->merged (see MergeKind), freeing
// those of `in`.
void MergeItems(const Organisation& stored, Organisation& in,
                const PlanOptions& options, ChangeSink* sink,
                ImportPlan* plan) {
  const bool prune = options.prune;
  Organisation& m = plan->merged;
  const bool lists_units = Lists(in.units, options.derived_units);
  const bool lists_cycles = Lists(in.cycles, options.derived_cycles);
  const bool lists_people = !in.people.empty();
  m.units = MergeKind(
      stored.units, std::move(in.units), "unit",
      [&](const Unit&) { return prune && lists_units; }, sink, plan);
  m.people = MergeKind(
      stored.people, std::move(in.people), "person",
      [&](const Person&) { return prune && lists_people; }, sink, plan);
  m.cycles = MergeKind(
      stored.cycles, std::move(in.cycles), "cycle",
      [&](const Cycle&) { return prune && lists_cycles; }, sink, plan);
  // Only pruning asks which cycles and objectives the file listed.
  const std::set<std::string> file_cycles =
      prune ? CyclesOf(in.objectives) : std::set<std::string>{};
  std::vector<bool> from_file;
  m.objectives = MergeKind(
      stored.objectives, std::move(in.objectives), "objective",
      [&](const Objective& o) {
        return prune && file_cycles.count(o.cycle) > 0;
      },
      sink, plan, prune ? &from_file : nullptr);
  const std::unordered_set<std::string_view> file_objectives =
      prune ? FileKeyViews(m.objectives, from_file)
            : std::unordered_set<std::string_view>{};
  from_file = {};
  // Only stored KRs are asked about (none: nothing to look up).
  const std::unordered_set<std::string_view> kept_objectives =
      stored.key_results.empty() ? std::unordered_set<std::string_view>{}
                                 : KeyViews(m.objectives);
  m.key_results = MergeKind(
      stored.key_results, std::move(in.key_results), "key result",
      [&](const KeyResult& k) {
        return kept_objectives.count(k.objective_key) == 0 ||
               (prune && file_objectives.count(k.objective_key));
      },
      sink, plan);
}

// plan->merged.check_ins: the stored history of the items that stay (that
// of removed items stays stored but leaves the live organisation, as
// Store::Load does) and the new check-ins, oldest first.
void MergeCheckIns(const Organisation& stored, ImportPlan* plan) {
  std::vector<CheckIn>& merged = plan->merged.check_ins;
  std::vector<const CheckIn*> live;
  if (!stored.check_ins.empty()) {
    const auto objectives = KeyViews(plan->merged.objectives);
    const auto krs = KeyViews(plan->merged.key_results);
    for (const CheckIn& c : stored.check_ins) {
      const auto& keys =
          c.target_kind == TargetKind::kKeyResult ? krs : objectives;
      if (keys.count(c.target_key)) live.push_back(&c);
    }
  }
  merged.reserve(live.size() + plan->new_check_ins.size());
  for (const CheckIn* c : live) merged.push_back(*c);
  live = {};
  merged.insert(merged.end(), plan->new_check_ins.begin(),
                plan->new_check_ins.end());
  auto older = [](const CheckIn& a, const CheckIn& b) { return a.at < b.at; };
  // Already in order when stored and new check-ins do not interleave (an
  // import's own check-ins are the newest): the sort's buffer is not needed.
  if (!std::is_sorted(merged.begin(), merged.end(), older)) {
    std::stable_sort(merged.begin(), merged.end(), older);
  }
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

}  // namespace

void Change::AppendTo(std::string* line) const {
  line->reserve(line->size() + 4 + kind.size() + key.size() + detail.size() +
                (detail.empty() ? 0 : 2));
  line->push_back(op);
  line->push_back(' ');
  line->append(kind);
  line->push_back(' ');
  line->append(key);
  if (detail.empty()) return;
  line->append(": ");
  line->append(detail);
}

std::string Change::ToString() const {
  std::string line;
  AppendTo(&line);
  return line;
}

Result<ImportPlan> PlanImport(const Organisation& stored, Organisation incoming,
                              const PlanOptions& options) {
  Rekey(stored, &incoming, options);
  ImportPlan plan;
  ChangeSink sink(options, &plan);
  MergeItems(stored, incoming, options, &sink, &plan);
  plan.new_check_ins = NewCheckIns(stored.check_ins, incoming.check_ins);
  incoming.check_ins = std::vector<CheckIn>();  // Moved-from shells.
  RecordValueChanges(stored, &plan, options.now);
  // The import's own check-ins share one time: formatted once.
  std::optional<UnixSeconds> stamp_at;
  std::string stamp;
  for (const CheckIn& c : plan.new_check_ins) {
    if (stamp_at != c.at) {
      stamp_at = c.at;
      stamp = FormatUtcTimestamp(c.at);
    }
    sink.Add('+', "check-in", c.target_key, [&](std::string* out) {
      *out += stamp;
      if (c.source == "import") *out += " (value change)";
    });
  }
  plan.counts["check-in"].added = static_cast<int>(plan.new_check_ins.size());
  plan.counts["check-in"].unchanged = static_cast<int>(stored.check_ins.size());
  MergeCheckIns(stored, &plan);
  const std::vector<std::string> errors = FindModelErrors(plan.merged);
  if (!errors.empty()) return InvalidArgument(JoinLines(errors));
  return plan;
}

}  // namespace okr
