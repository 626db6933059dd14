// Copyright 2026 The okrd Authors.

#include "core/model/validate.h"

#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/model/meeting_time.h"

namespace okr {
namespace {

std::string Quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  out += s;
  out += '"';
  return out;
}

// Index of the keys of one kind of item, remembering duplicates. Holds
// views of the keys: the organisation must outlive it, unchanged.
class KeySet {
 public:
  KeySet(std::string_view kind, std::vector<std::string>* errors)
      : kind_(kind), errors_(errors) {}
  void Reserve(size_t n) { keys_.reserve(n); }
  void Add(std::string_view key) {
    if (key.empty()) {
      errors_->push_back(std::string(kind_) + " with an empty key");
    } else if (!keys_.insert(key).second) {
      errors_->push_back(std::string(kind_) + " " + Quoted(key) +
                         " is defined twice");
    }
  }
  bool Has(std::string_view key) const { return keys_.count(key) != 0; }

 private:
  std::string_view kind_;
  std::vector<std::string>* errors_;
  std::unordered_set<std::string_view> keys_;  // Only looked up, never listed.
};

// Parent links of a tree (unit -> parent unit, person -> manager), by key:
// views of the organisation. Ordered, so loops are reported in key order;
// for a key given twice, the last link counts.
using ParentLinks = std::map<std::string_view, std::string_view>;

struct Index {
  explicit Index(std::vector<std::string>* e)
      : units("unit", e), people("person", e), cycles("cycle", e),
        objectives("objective", e), key_results("key result", e) {}
  KeySet units, people, cycles, objectives, key_results;
};

class Checker {
 public:
  Checker(const Organisation& org, std::vector<std::string>* errors)
      : org_(org), errors_(errors), index_(errors) {}

  void Run() {
    BuildIndex();
    CheckUnits();
    CheckPeople();
    CheckCycles();
    CheckObjectives();
    CheckKeyResults();
    CheckCheckIns();
  }

 private:
  void Error(std::string_view kind, std::string_view key, std::string what) {
    errors_->push_back(std::string(kind) + " " + Quoted(key) + ": " + what);
  }

  void BuildIndex() {
    index_.units.Reserve(org_.units.size());
    index_.people.Reserve(org_.people.size());
    index_.cycles.Reserve(org_.cycles.size());
    index_.objectives.Reserve(org_.objectives.size());
    index_.key_results.Reserve(org_.key_results.size());
    for (const Unit& u : org_.units) index_.units.Add(u.key);
    for (const Person& p : org_.people) index_.people.Add(p.email);
    for (const Cycle& c : org_.cycles) index_.cycles.Add(c.name);
    for (const Objective& o : org_.objectives) index_.objectives.Add(o.key);
    for (const KeyResult& k : org_.key_results) {
      index_.key_results.Add(k.key);
    }
  }

  // `what` + `what_more` name the reference ("unit", "manager", "parent" +
  // " objective"); empty keys are allowed.
  void Ref(std::string_view kind, std::string_view key, const KeySet& set,
           std::string_view what, std::string_view target,
           std::string_view what_more = {}) {
    if (!target.empty() && !set.Has(target)) {
      Error(kind, key,
            std::string(what) + std::string(what_more) + " " + Quoted(target) +
                " does not exist");
    }
  }

  void CheckUnits() {
    int roots = 0;
    ParentLinks parent;
    for (const Unit& u : org_.units) {
      if (u.name.empty()) Error("unit", u.key, "has no name");
      if (u.parent_key.empty()) ++roots;
      Ref("unit", u.key, index_.units, "parent unit", u.parent_key);
      Ref("unit", u.key, index_.people, "lead", u.lead_email);
      if (u.level == Level::kIndividual) {
        Error("unit", u.key, "a unit cannot have the level individual");
      }
      for (const std::string& e : CadenceOverrideErrors(u.review)) {
        Error("unit", u.key, "review " + e);
      }
      parent.insert_or_assign(u.key, u.parent_key);
    }
    if (!org_.units.empty() && roots == 0) {
      errors_->push_back("units: no top-level unit (the company)");
    }
    CheckTree("unit", parent);
  }

  void CheckPeople() {
    ParentLinks manager;
    for (const Person& p : org_.people) {
      for (char c : p.email) {
        if (c >= 'A' && c <= 'Z') {
          Error("person", p.email, "e-mail must be lowercase");
          break;
        }
      }
      if (p.email.find('@') == std::string::npos) {
        Error("person", p.email, "is not an e-mail address");
      }
      Ref("person", p.email, index_.units, "unit", p.unit_key);
      Ref("person", p.email, index_.people, "manager", p.manager_email);
      for (const std::string& e : CadenceOverrideErrors(p.one_on_one)) {
        Error("person", p.email, "one-on-one " + e);
      }
      manager.insert_or_assign(p.email, p.manager_email);
    }
    CheckTree("person", manager);
  }

  // Follows parent links from every node; reports each node on a loop once.
  void CheckTree(std::string_view kind, const ParentLinks& parent) {
    std::set<std::string_view> reported;
    std::set<std::string_view> seen;
    for (const auto& [start, unused] : parent) {
      seen.clear();
      std::string_view at = start;
      while (!at.empty() && seen.insert(at).second) {
        auto it = parent.find(at);
        at = it == parent.end() ? std::string_view() : it->second;
      }
      if (!at.empty() && at == start && reported.insert(start).second) {
        Error(kind, start, std::string("is its own ancestor (") +
                               (kind == "unit" ? "parent" : "manager") +
                               " chain loops)");
      }
    }
  }

  void CheckCycles() {
    for (const Cycle& c : org_.cycles) {
      if (c.end < c.start) {
        Error("cycle", c.name, "ends (" + c.end.ToString() +
                                   ") before it starts (" +
                                   c.start.ToString() + ")");
      }
      if (c.planning_days < 0 || c.retrospective_days < 0) {
        Error("cycle", c.name, "phase lengths must not be negative");
      }
    }
  }

  void CheckLink(const Objective& o, const LinkTarget& t, std::string_view what) {
    const bool is_kr = t.kind == TargetKind::kKeyResult;
    const KeySet& set = is_kr ? index_.key_results : index_.objectives;
    Ref("objective", o.key, set, what, t.key,
        is_kr ? " key result" : " objective");
    if (!is_kr && t.key == o.key) Error("objective", o.key, "links to itself");
  }

  void CheckObjectives() {
    for (const Objective& o : org_.objectives) {
      if (o.title.empty()) Error("objective", o.key, "has no title");
      if (o.cycle.empty()) Error("objective", o.key, "has no cycle");
      Ref("objective", o.key, index_.cycles, "cycle", o.cycle);
      Ref("objective", o.key, index_.units, "unit", o.unit_key);
      Ref("objective", o.key, index_.people, "owner", o.owner_email);
      if (o.level == Level::kIndividual && o.owner_email.empty()) {
        Error("objective", o.key, "an individual objective needs an owner");
      }
      if (o.level != Level::kIndividual && o.unit_key.empty()) {
        Error("objective", o.key, "needs an owning unit");
      }
      if (o.parent) CheckLink(o, *o.parent, "parent");
      for (const LinkTarget& t : o.supports) CheckLink(o, t, "supported");
      if (o.score_override && !(*o.score_override >= 0 &&
                                *o.score_override <= 1)) {
        Error("objective", o.key, "score must be between 0 and 1");
      }
    }
  }

  void CheckKeyResults() {
    for (const KeyResult& k : org_.key_results) {
      if (k.title.empty()) Error("key result", k.key, "has no title");
      Ref("key result", k.key, index_.objectives, "objective", k.objective_key);
      Ref("key result", k.key, index_.people, "owner", k.owner_email);
      if (!std::isfinite(k.start) || !std::isfinite(k.target) ||
          !std::isfinite(k.current)) {
        Error("key result", k.key, "start, target and current must be numbers");
      }
      if (!(std::isfinite(k.weight) && k.weight >= 0)) {
        Error("key result", k.key, "weight must be a number >= 0");
      }
    }
  }

  void CheckCheckIns() {
    for (const CheckIn& c : org_.check_ins) {
      const bool kr = c.target_kind == TargetKind::kKeyResult;
      // "check-in of "KEY": WHAT", built only for an error.
      auto error = [&](std::string_view what) {
        errors_->push_back("check-in of " + Quoted(c.target_key) + ": " +
                           std::string(what));
      };
      if (!(kr ? index_.key_results : index_.objectives).Has(c.target_key)) {
        error(kr ? "no such key result" : "no such objective");
      }
      if (c.confidence && !(*c.confidence >= 0 && *c.confidence <= 1)) {
        error("confidence must be between 0 and 1");
      }
      if (c.value && !std::isfinite(*c.value)) {
        error("value must be a number");
      }
    }
  }

  const Organisation& org_;
  std::vector<std::string>* errors_;
  Index index_;
};

// Alignment edges: objective -> objectives it points at, as views of `org`.
// Only objectives that point somewhere are nodes: one without a link cannot
// be on a cycle, and the search skips targets that are not nodes (same cycle
// found, without a node per objective of a large organisation).
using Edges = std::map<std::string_view, std::vector<std::string_view>>;

Edges AlignmentEdges(const Organisation& org) {
  bool kr_links = false;
  for (const Objective& o : org.objectives) {
    if (o.parent && o.parent->kind != TargetKind::kObjective) kr_links = true;
    for (const LinkTarget& t : o.supports) {
      if (t.kind != TargetKind::kObjective) kr_links = true;
    }
  }
  // KR -> its objective; for a key given twice, the last one counts.
  std::unordered_map<std::string_view, std::string_view> kr_objective;
  if (kr_links) kr_objective.reserve(org.key_results.size());
  for (size_t i = 0; kr_links && i < org.key_results.size(); ++i) {
    kr_objective.insert_or_assign(org.key_results[i].key,
                                  org.key_results[i].objective_key);
  }
  auto resolve = [&](const LinkTarget& t) -> std::string_view {
    if (t.kind == TargetKind::kObjective) return t.key;
    auto it = kr_objective.find(t.key);
    return it == kr_objective.end() ? std::string_view() : it->second;
  };
  Edges edges;
  for (const Objective& o : org.objectives) {
    if (!o.parent && o.supports.empty()) continue;
    auto& out = edges[o.key];
    if (o.parent) out.push_back(resolve(*o.parent));
    for (const LinkTarget& t : o.supports) out.push_back(resolve(t));
  }
  return edges;
}

}  // namespace

std::vector<std::string> FindAlignmentCycle(const Organisation& org) {
  const Edges edges = AlignmentEdges(org);
  enum Color { kWhite, kGrey, kBlack };
  std::unordered_map<std::string_view, Color> color;  // Only looked up.
  color.reserve(edges.size());
  for (const auto& [root, unused] : edges) {
    if (color[root] != kWhite) continue;
    // Iterative DFS: stack of (node, next edge index).
    std::vector<std::pair<std::string_view, size_t>> stack{{root, 0}};
    color[root] = kGrey;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      auto it = edges.find(node);
      if (it == edges.end() || next >= it->second.size()) {
        color[node] = kBlack;
        stack.pop_back();
        continue;
      }
      const std::string_view to = it->second[next++];
      if (to.empty() || edges.count(to) == 0) continue;
      if (color[to] == kGrey) {
        std::vector<std::string> cycle;
        size_t i = 0;
        while (stack[i].first != to) ++i;
        for (; i < stack.size(); ++i) cycle.emplace_back(stack[i].first);
        cycle.emplace_back(to);
        return cycle;
      }
      if (color[to] == kWhite) {
        color[to] = kGrey;
        stack.emplace_back(to, 0);
      }
    }
  }
  return {};
}

std::vector<std::string> FindModelErrors(const Organisation& org) {
  std::vector<std::string> errors;
  Checker(org, &errors).Run();
  const std::vector<std::string> cycle = FindAlignmentCycle(org);
  if (!cycle.empty()) {
    std::string path;
    for (const std::string& key : cycle) {
      path += (path.empty() ? "" : " -> ") + Quoted(key);
    }
    errors.push_back("alignment cycle: " + path);
  }
  return errors;
}

Status ValidateOrganisation(const Organisation& org) {
  const std::vector<std::string> errors = FindModelErrors(org);
  if (errors.empty()) return Status::Ok();
  std::string message = errors.front();
  if (errors.size() > 1) {
    message += " (and " + std::to_string(errors.size() - 1) + " more)";
  }
  return InvalidArgument(message);
}

}  // namespace okr
