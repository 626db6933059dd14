// Copyright 2026 The okrd Authors.
//
// The double-work rules over the pairs the finder returns.

#include <cstdio>
#include <map>
#include <set>

#include "core/analytics/duplicates_internal.h"
#include "core/model/text.h"

namespace okr::dup_internal {
namespace {

class Links {
 public:
  explicit Links(const Organisation& org) {
    for (const Objective& o : org.objectives) objectives_.emplace(o.key, &o);
    for (const KeyResult& k : org.key_results) kr_objective_[k.key] = k.objective_key;
  }

  const Objective* Find(const std::string& key) const {
    auto it = objectives_.find(key);
    return it == objectives_.end() ? nullptr : it->second;
  }

  // The objective a link points at (a KR's objective for a KR link).
  std::string TargetKey(const LinkTarget& t) const {
    if (t.kind == TargetKind::kObjective) return t.key;
    auto it = kr_objective_.find(t.key);
    return it == kr_objective_.end() ? "" : it->second;
  }

  std::string ParentKey(const Objective& o) const {
    return o.parent ? TargetKey(*o.parent) : "";
  }

  // `to` is reached from `from` through parent links, or `from` supports it.
  bool Reaches(const Objective& from, const std::string& to) const {
    for (const LinkTarget& s : from.supports) {
      if (TargetKey(s) == to) return true;
    }
    std::set<std::string> visited;
    const Objective* at = &from;
    while (at != nullptr && visited.insert(at->key).second) {
      const std::string parent = ParentKey(*at);
      if (parent == to) return true;
      at = Find(parent);
    }
    return false;
  }

  bool Linked(const Objective& a, const Objective& b) const {
    return Reaches(a, b.key) || Reaches(b, a.key);
  }

 private:
  std::map<std::string, const Objective*> objectives_;
  std::map<std::string, std::string> kr_objective_;
};

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

std::string Score(double s) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

// The unit an objective is worked in (the owner's for individual ones).
std::map<std::string, std::string> UnitOfObjectives(const Organisation& org) {
  std::map<std::string, std::string> person_unit;
  for (const Person& p : org.people) person_unit[p.email] = p.unit_key;
  std::map<std::string, std::string> unit;
  for (const Objective& o : org.objectives) {
    unit[o.key] = o.level == Level::kIndividual && o.unit_key.empty()
                      ? person_unit[o.owner_email]
                      : o.unit_key;
  }
  return unit;
}

void ObjectivePairs(const Organisation& org, const TokenWeights& weights,
                    const std::map<std::string, std::string>& unit_of,
                    const DuplicateOptions& options, PairFinder find,
                    std::vector<Finding>* out) {
  std::vector<Item> items;
  for (const Objective& o : org.objectives) {
    items.push_back({TitleTokens(o.title), o.cycle, unit_of.at(o.key)});
  }
  for (auto [i, j] : find(items, weights, options.title_threshold)) {
    const Objective& a = org.objectives[i];
    const Objective& b = org.objectives[j];
    const double s = TitleSimilarity(items[i].tokens, items[j].tokens, weights);
    out->push_back(
        {.rule = "duplicate-objective",
         .subjects = {"objective:" + a.key, "objective:" + b.key},
         .message = "objectives " + Quote(a.title) + " (" + items[i].owner +
                    ") and " + Quote(b.title) + " (" + items[j].owner +
                    ") look like the same work: title similarity " + Score(s),
         .score = s});
  }
}

void MetricPairs(const Organisation& org, const TokenWeights& weights,
                 const std::map<std::string, std::string>& unit_of,
                 const DuplicateOptions& options, PairFinder find,
                 std::vector<Finding>* out) {
  const Links links(org);
  std::vector<const KeyResult*> krs;
  std::vector<Item> items;
  for (const KeyResult& k : org.key_results) {
    const Objective* o = links.Find(k.objective_key);
    if (o == nullptr || k.kind == KrKind::kMilestone) continue;
    krs.push_back(&k);
    items.push_back({TitleTokens(k.title),
                     o->cycle + '\x1e' + AsciiLower(TrimSpaces(k.unit)) +
                         '\x1e' + std::string(KrKindName(k.kind)),
                     unit_of.at(o->key)});
  }
  for (auto [i, j] : find(items, weights, options.metric_threshold)) {
    const KeyResult& a = *krs[i];
    const KeyResult& b = *krs[j];
    const Objective& oa = *links.Find(a.objective_key);
    const Objective& ob = *links.Find(b.objective_key);
    // A cascade (one reaches the other) shares the metric on purpose.
    if (links.Linked(oa, ob)) continue;
    const std::string pa = links.ParentKey(oa), pb = links.ParentKey(ob);
    const bool both_aligned = !pa.empty() && !pb.empty() && pa != pb;
    const double s = TitleSimilarity(items[i].tokens, items[j].tokens, weights);
    const std::string what =
        "key results " + Quote(a.title) + " (" + items[i].owner + ") and " +
        Quote(b.title) + " (" + items[j].owner + ") measure the same metric (" +
        std::string(KrKindName(a.kind)) + ", unit " + Quote(a.unit) +
        ", similarity " + Score(s) + ")";
    out->push_back(
        {.rule = both_aligned ? "duplicate-metric" : "kpi-unlinked",
         .subjects = {"kr:" + a.key, "kr:" + b.key},
         .message = what + (both_aligned
                                ? " under different parents"
                                : " and no alignment link joins their "
                                  "objectives"),
         .score = s});
  }
}

}  // namespace

std::vector<Finding> Detect(const Organisation& org,
                            const DuplicateOptions& options, PairFinder find) {
  std::vector<std::vector<std::string>> docs;
  for (const Objective& o : org.objectives) docs.push_back(TitleTokens(o.title));
  for (const KeyResult& k : org.key_results) docs.push_back(TitleTokens(k.title));
  const TokenWeights weights(docs);
  const auto unit_of = UnitOfObjectives(org);
  std::vector<Finding> out;
  ObjectivePairs(org, weights, unit_of, options, find, &out);
  MetricPairs(org, weights, unit_of, options, find, &out);
  for (Finding& f : out) f.level = Severity::kWarning;
  return out;
}

}  // namespace okr::dup_internal
