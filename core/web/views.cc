// Copyright 2026 The okrd Authors.

#include "core/web/views.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "core/analytics/duplicates.h"
#include "core/analytics/early_warning.h"
#include "core/analytics/lint_rules.h"
#include "core/model/progress_inputs.h"
#include "core/web/views_internal.h"

namespace okr::web {
namespace internal {
namespace {

const std::vector<const KeyResult*> kNoKrs;
const std::vector<const CheckIn*> kNoCheckIns;
const std::vector<const Objective*> kNoObjectives;

double Weight(const KeyResult& kr) {
  return std::isfinite(kr.weight) ? std::max(kr.weight, 0.0) : 0.0;
}

// "67%".
std::string FormatShare(double share) {
  return std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
}

double ProgressAt(const KeyResult& kr, double value) {
  return KeyResultProgress(kr.kind, kr.start, kr.target, value);
}

// The early-warning assessment of a KR on `cycle` (the index's thresholds).
KrRisk AssessOnCycle(const OrgIndex& index, const KeyResult& kr,
                     const CycleInfo& cycle) {
  const Cycle c{.name = cycle.name, .start = cycle.start, .end = cycle.end};
  return AssessKrRisk(kr, index.CheckInsOn(TargetKind::kKeyResult, kr.key), c,
                      cycle.reference_day, index.risk());
}

// Whether a KR needs attention: any early-warning reason but staleness,
// which the health view shows per owner and unit.
bool NeedsAttention(const KrRisk& risk) {
  return std::any_of(risk.reasons.begin(), risk.reasons.end(),
                     [](RiskReason r) { return r != RiskReason::kStale; });
}

// Why a KR needs attention (NeedsAttention), as words.
std::vector<std::string> KrRisks(const OrgIndex& index, const KeyResult& kr,
                                 const KrView& view, const CycleInfo& cycle) {
  const KrRisk risk = AssessOnCycle(index, kr, cycle);
  std::vector<std::string> risks;
  for (RiskReason r : risk.reasons) {
    if (r == RiskReason::kStale) continue;
    if (r == RiskReason::kLowConfidence && view.band) {
      risks.push_back("confidence " +
                      std::string(ConfidenceBandName(*view.band)));
    } else {
      risks.emplace_back(RiskReasonName(r));
    }
  }
  return risks;
}

}  // namespace

OrgIndex::OrgIndex(const Organisation& org, const RiskThresholds& risk)
    : org_(org), risk_(risk) {
  for (const Unit& u : org.units) units_.emplace(u.key, &u);
  for (const Person& p : org.people) people_.emplace(p.email, &p);
  for (const Objective& o : org.objectives) objectives_.emplace(o.key, &o);
  for (const KeyResult& kr : org.key_results) {
    krs_.emplace(kr.key, &kr);
    krs_of_[kr.objective_key].push_back(&kr);
  }
  for (const CheckIn& c : org.check_ins) {
    check_ins_[{static_cast<int>(c.target_kind), c.target_key}].push_back(&c);
  }
  for (auto& [key, list] : check_ins_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const CheckIn* a, const CheckIn* b) {
                       return a->at < b->at;
                     });
  }
  for (const Objective& o : org.objectives) {
    by_unit_[UnitKeyOf(o)].push_back(&o);
    if (o.parent) {
      if (const Objective* p = ResolveLink(*o.parent)) {
        children_[p->key].push_back(&o);
      }
    }
    std::set<std::string> seen;
    for (const LinkTarget& link : o.supports) {
      const Objective* target = ResolveLink(link);
      if (target != nullptr && seen.insert(target->key).second) {
        supporters_[target->key].push_back(&o);
      }
    }
  }
}

OrgIndex::OrgIndex(std::shared_ptr<const Organisation> org,
                   const RiskThresholds& risk)
    : OrgIndex(*org, risk) {
  owned_ = std::move(org);
}

template <typename Map>
static auto FindIn(const Map& map, std::string_view key) ->
    typename Map::mapped_type {
  auto it = map.find(key);
  return it == map.end() ? nullptr : it->second;
}

const Unit* OrgIndex::FindUnit(std::string_view key) const {
  return FindIn(units_, key);
}
const Person* OrgIndex::FindPerson(std::string_view email) const {
  return FindIn(people_, email);
}
const Objective* OrgIndex::FindObjective(std::string_view key) const {
  return FindIn(objectives_, key);
}
const KeyResult* OrgIndex::FindKr(std::string_view key) const {
  return FindIn(krs_, key);
}
const Cycle* OrgIndex::FindCycle(std::string_view name) const {
  for (const Cycle& c : org_.cycles) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

const std::vector<const KeyResult*>& OrgIndex::KrsOf(
    std::string_view objective) const {
  auto it = krs_of_.find(objective);
  return it == krs_of_.end() ? kNoKrs : it->second;
}

const std::vector<const CheckIn*>& OrgIndex::CheckInsOn(
    TargetKind kind, std::string_view key) const {
  auto it = check_ins_.find({static_cast<int>(kind), std::string(key)});
  return it == check_ins_.end() ? kNoCheckIns : it->second;
}

const std::vector<const Objective*>& OrgIndex::ObjectivesOf(
    std::string_view unit) const {
  auto it = by_unit_.find(unit);
  return it == by_unit_.end() ? kNoObjectives : it->second;
}

const std::vector<const Objective*>& OrgIndex::ChildrenOf(
    std::string_view objective) const {
  auto it = children_.find(objective);
  return it == children_.end() ? kNoObjectives : it->second;
}

const std::vector<const Objective*>& OrgIndex::SupportersOf(
    std::string_view objective) const {
  auto it = supporters_.find(objective);
  return it == supporters_.end() ? kNoObjectives : it->second;
}

const CheckIn* OrgIndex::LatestConfidence(TargetKind kind,
                                          std::string_view key) const {
  const auto& list = CheckInsOn(kind, key);  // Oldest first, stable.
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    if ((*it)->confidence) return *it;
  }
  return nullptr;
}

std::optional<double> OrgIndex::ProgressOf(const Objective& objective) const {
  return KrsProgress(KrsOf(objective.key));
}

std::optional<double> OrgIndex::ConfidenceOf(const Objective& objective) const {
  const auto& krs = KrsOf(objective.key);
  std::vector<const CheckIn*> latest;
  latest.reserve(krs.size());
  for (const KeyResult* kr : krs) {
    latest.push_back(LatestConfidence(TargetKind::kKeyResult, kr->key));
  }
  return CombinedConfidence(
      LatestConfidence(TargetKind::kObjective, objective.key), krs, latest);
}

const Objective* OrgIndex::ResolveLink(const LinkTarget& link) const {
  if (link.kind == TargetKind::kObjective) return FindObjective(link.key);
  const KeyResult* kr = FindKr(link.key);
  return kr == nullptr ? nullptr : FindObjective(kr->objective_key);
}

std::string OrgIndex::UnitKeyOf(const Objective& objective) const {
  if (!objective.unit_key.empty()) return objective.unit_key;
  const Person* owner = FindPerson(objective.owner_email);
  return owner == nullptr ? "" : owner->unit_key;
}

std::string OrgIndex::DepartmentOf(std::string_view unit_key) const {
  const Unit* unit = FindUnit(unit_key);
  // Bounded walk: the unit tree is acyclic when valid; never loop forever.
  for (size_t steps = 0; unit != nullptr && steps <= units_.size(); ++steps) {
    if (unit->level == Level::kDepartment) return unit->key;
    unit = FindUnit(unit->parent_key);
  }
  return "";
}

PersonRef OrgIndex::Ref(std::string_view email) const {
  const Person* p = FindPerson(email);
  return {std::string(email),
          p == nullptr || p->name.empty() ? std::string(email) : p->name};
}

std::string OrgIndex::UnitName(std::string_view key) const {
  const Unit* u = FindUnit(key);
  return u == nullptr ? std::string(key) : u->name;
}

std::string OrgIndex::OwnerOf(const KeyResult& kr) const {
  if (!kr.owner_email.empty()) return kr.owner_email;
  const Objective* o = FindObjective(kr.objective_key);
  return o == nullptr ? "" : o->owner_email;
}

KrView MakeKrView(const OrgIndex& index, const KeyResult& kr,
                  const CycleInfo& cycle) {
  KrView v;
  v.key = kr.key;
  v.objective_key = kr.objective_key;
  if (const Objective* o = index.FindObjective(kr.objective_key)) {
    v.objective_title = o->title;
  }
  v.title = kr.title;
  v.owner = index.Ref(index.OwnerOf(kr));
  v.kind = kr.kind;
  v.start = kr.start;
  v.target = kr.target;
  v.current = kr.current;
  v.unit = kr.unit;
  v.weight = kr.weight;
  v.due = kr.due;
  v.progress = KeyResultProgress(kr);
  std::vector<double> values;  // Of valued check-ins, oldest first.
  for (const CheckIn* c : index.CheckInsOn(TargetKind::kKeyResult, kr.key)) {
    v.last_check_in = c->at;
    if (c->confidence) v.confidence = std::clamp(*c->confidence, 0.0, 1.0);
    if (!c->value) continue;
    values.push_back(*c->value);
    v.history.push_back({c->at, ProgressAt(kr, *c->value)});
  }
  if (!values.empty()) {
    // Back to the value before the latest valued check-in (or the start).
    const double before = values.size() >= 2 ? values[values.size() - 2]
                                             : kr.start;
    v.trend = v.progress - ProgressAt(kr, before);
  }
  if (v.confidence) v.band = BandOf(*v.confidence);
  v.risks = KrRisks(index, kr, v, cycle);
  return v;
}

std::optional<UnixSeconds> LastCheckInOn(const OrgIndex& index,
                                         const Objective& objective) {
  std::optional<UnixSeconds> last;
  auto consider = [&last](const std::vector<const CheckIn*>& list) {
    if (!list.empty() && (!last || list.back()->at > *last)) {
      last = list.back()->at;
    }
  };
  consider(index.CheckInsOn(TargetKind::kObjective, objective.key));
  for (const KeyResult* kr : index.KrsOf(objective.key)) {
    consider(index.CheckInsOn(TargetKind::kKeyResult, kr->key));
  }
  return last;
}

ObjectiveView MakeObjectiveView(const OrgIndex& index,
                                const Objective& objective,
                                const CycleInfo& cycle, bool with_krs) {
  ObjectiveView v;
  v.key = objective.key;
  v.title = objective.title;
  v.description = objective.description;
  v.cycle = objective.cycle;
  v.level = objective.level;
  v.unit_key = index.UnitKeyOf(objective);
  v.unit_name = index.UnitName(v.unit_key);
  v.owner = index.Ref(objective.owner_email);
  v.committed = objective.committed;
  v.progress = index.ProgressOf(objective);
  v.confidence = index.ConfidenceOf(objective);
  if (v.confidence) v.band = BandOf(*v.confidence);
  v.score_override = objective.score_override;
  v.score_reason = objective.score_reason;
  v.last_check_in = LastCheckInOn(index, objective);
  double weights = 0, trend = 0;
  bool any_trend = false;
  std::vector<WeightedKrRisk> kr_risks;
  for (const KeyResult* kr : index.KrsOf(objective.key)) {
    if (!with_krs) {  // Only the risk: no KR view to build.
      kr_risks.push_back(
          {kr->weight, NeedsAttention(AssessOnCycle(index, *kr, cycle))});
      continue;
    }
    v.krs.push_back(MakeKrView(index, *kr, cycle));
    const KrView& row = v.krs.back();
    kr_risks.push_back({row.weight, !row.risks.empty()});  // Not stale.
    weights += Weight(*kr);
    if (row.trend) {
      trend += Weight(*kr) * *row.trend;
      any_trend = true;
    }
  }
  if (any_trend && weights > 0) v.trend = trend / weights;
  const ObjectiveRisk risk =
      AssessObjectiveRisk(v.key, kr_risks, index.risk());
  v.at_risk_share = risk.at_risk_share;
  if (risk.at_risk) {
    v.risks.push_back(FormatShare(risk.at_risk_share) +
                      " of the key results' weight at risk");
  }
  return v;
}

ObjectiveRef MakeObjectiveRef(const OrgIndex& index,
                              const Objective& objective) {
  ObjectiveRef r;
  r.key = objective.key;
  r.title = objective.title;
  const std::string unit = index.UnitKeyOf(objective);
  r.unit_name = index.UnitName(unit);
  r.department = index.DepartmentOf(unit);
  r.level = objective.level;
  r.progress = index.ProgressOf(objective);
  if (auto c = index.ConfidenceOf(objective)) r.band = BandOf(*c);
  return r;
}

LinkRef MakeLinkRef(const OrgIndex& index, const Objective& from,
                    const LinkTarget& link) {
  LinkRef r;
  r.kind = link.kind;
  r.key = link.key;
  if (link.kind == TargetKind::kKeyResult) {
    if (const KeyResult* kr = index.FindKr(link.key)) r.kr_title = kr->title;
  }
  if (const Objective* target = index.ResolveLink(link)) {
    r.objective = MakeObjectiveRef(index, *target);
    const std::string mine = index.DepartmentOf(index.UnitKeyOf(from));
    r.across_departments = !mine.empty() && !r.objective->department.empty() &&
                           mine != r.objective->department;
  }
  return r;
}

}  // namespace internal

using internal::OrgIndex;

const Cycle* FindCycle(const Organisation& org, std::string_view name,
                       const Date& today) {
  if (name.empty()) return CurrentCycle(org.cycles, today);
  for (const Cycle& c : org.cycles) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

CycleInfo MakeCycleInfo(const Organisation& org, const Cycle& cycle,
                        const Date& today) {
  CycleInfo info;
  info.name = cycle.name;
  info.start = cycle.start;
  info.end = cycle.end;
  info.phase = PhaseOn(cycle, today);
  info.reference_day = std::min(today, cycle.end);
  info.days_left = std::max<int64_t>(0, DaysBetween(today, cycle.end));
  const double total = static_cast<double>(DaysBetween(cycle.start, cycle.end) + 1);
  const double done =
      static_cast<double>(DaysBetween(cycle.start, info.reference_day) + 1);
  info.elapsed = total > 0 ? std::clamp(done / total, 0.0, 1.0) : 0;
  const Cycle* current = CurrentCycle(org.cycles, today);
  info.is_current = current != nullptr && current->name == cycle.name;
  return info;
}

namespace {

// Units in tree order (parents before children, siblings as stored), with
// depth; units whose parent is unknown start new trees. Iterative.
std::vector<std::pair<const Unit*, int>> UnitsInTreeOrder(
    const OrgIndex& index) {
  const Organisation& org = index.org();
  std::map<std::string, std::vector<const Unit*>> children;
  std::vector<const Unit*> roots;
  for (const Unit& u : org.units) {
    if (u.parent_key.empty() || index.FindUnit(u.parent_key) == nullptr) {
      roots.push_back(&u);
    } else {
      children[u.parent_key].push_back(&u);
    }
  }
  std::vector<std::pair<const Unit*, int>> out;
  std::set<std::string> seen;
  std::vector<std::pair<const Unit*, int>> stack;
  for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.push_back({*it, 0});
  while (!stack.empty()) {
    auto [unit, depth] = stack.back();
    stack.pop_back();
    if (!seen.insert(unit->key).second) continue;
    out.push_back({unit, depth});
    const auto& kids = children[unit->key];
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
      stack.push_back({*it, depth + 1});
    }
  }
  return out;
}

bool InCycle(const Objective& o, const Cycle& cycle) {
  return o.cycle == cycle.name;
}

}  // namespace

namespace {

// The unit's objectives in the cycle: unit level ones first, then the
// individual objectives of its people, each in stored order.
std::vector<ObjectiveView> UnitObjectives(const OrgIndex& index,
                                          const Unit& unit, const Cycle& cycle,
                                          const CycleInfo& info,
                                          bool with_krs) {
  std::vector<ObjectiveView> out;
  const auto& all = index.ObjectivesOf(unit.key);
  for (int individual = 0; individual < 2; ++individual) {
    for (const Objective* o : all) {
      if (InCycle(*o, cycle) &&
          (o->level == Level::kIndividual) == (individual == 1)) {
        out.push_back(internal::MakeObjectiveView(index, *o, info, with_krs));
      }
    }
  }
  return out;
}

bool ShownInFull(const Unit& unit, int depth) {
  return depth == 0 || unit.level == Level::kCompany ||
         unit.level == Level::kDepartment;
}

}  // namespace

void ObjectiveTally::Add(const ObjectiveView& o) {
  ++objectives;
  if (o.progress) {
    progress_sum += *o.progress;
    ++measured;
  }
  if (!o.band) {
    ++no_confidence;
  } else if (*o.band == ConfidenceBand::kOnTrack) {
    ++on_track;
  } else if (*o.band == ConfidenceBand::kAtRisk) {
    ++at_risk;
  } else {
    ++off_track;
  }
  if (!o.risks.empty()) ++need_attention;
}

std::optional<double> ObjectiveTally::MeanProgress() const {
  if (measured == 0) return std::nullopt;
  return progress_sum / measured;
}

std::shared_ptr<const OrgIndex> BuildOrgIndex(
    std::shared_ptr<const Organisation> org, const RiskThresholds& risk) {
  assert(org != nullptr);
  return std::make_shared<const OrgIndex>(std::move(org), risk);
}

HomeView BuildHomeView(const Organisation& org, const Cycle& cycle,
                       const Date& today) {
  return BuildHomeView(OrgIndex(org), cycle, today);
}

HomeView BuildHomeView(const OrgIndex& index, const Cycle& cycle,
                       const Date& today) {
  const Organisation& org = index.org();
  HomeView view;
  view.cycle = MakeCycleInfo(org, cycle, today);
  for (const Cycle& c : org.cycles) {
    view.cycles.push_back(MakeCycleInfo(org, c, today));
  }
  int in_cycle = 0;
  for (const Objective& o : org.objectives) in_cycle += InCycle(o, cycle);
  view.compact = in_cycle > kHomeFullObjectives;
  for (auto [unit, depth] : UnitsInTreeOrder(index)) {
    const bool as_row =
        view.compact && !view.units.empty() && !ShownInFull(*unit, depth);
    std::vector<ObjectiveView> objectives =
        UnitObjectives(index, *unit, cycle, view.cycle, !as_row);
    for (const ObjectiveView& o : objectives) view.totals.Add(o);
    if (as_row) {
      UnitRow row{unit->key, unit->name, unit->level, depth, {}};
      for (const ObjectiveView& o : objectives) row.tally.Add(o);
      view.units.back().rows.push_back(std::move(row));
      continue;
    }
    UnitSection section;
    section.key = unit->key;
    section.name = unit->name;
    section.level = unit->level;
    section.depth = depth;
    if (!unit->lead_email.empty()) section.lead = index.Ref(unit->lead_email);
    section.objectives = std::move(objectives);
    view.units.push_back(std::move(section));
  }
  return view;
}

std::vector<ObjectiveView> BuildObjectiveViews(const Organisation& org,
                                               const Cycle& cycle,
                                               const Date& today) {
  return BuildObjectiveViews(OrgIndex(org), cycle, today);
}

std::vector<ObjectiveView> BuildObjectiveViews(const OrgIndex& index,
                                               const Cycle& cycle,
                                               const Date& today) {
  const Organisation& org = index.org();
  const CycleInfo info = MakeCycleInfo(org, cycle, today);
  std::vector<ObjectiveView> out;
  for (const Objective& o : org.objectives) {
    if (InCycle(o, cycle)) out.push_back(internal::MakeObjectiveView(index, o, info));
  }
  return out;
}

namespace {

// Pre-order rows of the subtree under `root`, marking visited objectives.
void AppendSubtree(const OrgIndex& index, const Objective& root,
                   const Cycle& cycle, std::set<std::string>* visited,
                   std::vector<TreeRow>* rows) {
  std::vector<std::pair<const Objective*, int>> stack = {{&root, 0}};
  while (!stack.empty()) {
    auto [o, depth] = stack.back();
    stack.pop_back();
    if (!visited->insert(o->key).second) continue;
    TreeRow row;
    row.depth = depth;
    row.objective = internal::MakeObjectiveRef(index, *o);
    if (depth > 0 && o->parent && o->parent->kind == TargetKind::kKeyResult) {
      if (const KeyResult* kr = index.FindKr(o->parent->key)) {
        row.via_kr_title = kr->title;
      }
    }
    for (const LinkTarget& link : o->supports) {
      row.supports.push_back(internal::MakeLinkRef(index, *o, link));
    }
    rows->push_back(std::move(row));
    const auto& kids = index.ChildrenOf(o->key);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
      if (InCycle(**it, cycle)) stack.push_back({*it, depth + 1});
    }
  }
}

// Why a root of the cascade that is not a company objective is flagged.
std::string RootFlag(const OrgIndex& index, const Objective& o) {
  if (o.parent) {
    const Objective* p = index.ResolveLink(*o.parent);
    if (p == nullptr) return "its parent does not exist";
    return "its parent is in cycle " + p->cycle;
  }
  if (o.supports.empty()) return "aligned to nothing";
  return "no parent (supports only)";
}

bool IsCascadeRoot(const OrgIndex& index, const Objective& o) {
  if (!o.parent) return true;
  const Objective* p = index.ResolveLink(*o.parent);
  return p == nullptr || p->cycle != o.cycle;
}

}  // namespace

AlignmentView BuildAlignmentView(const Organisation& org, const Cycle& cycle,
                                 const Date& today) {
  return BuildAlignmentView(OrgIndex(org), cycle, today);
}

AlignmentView BuildAlignmentView(const OrgIndex& index, const Cycle& cycle,
                                 const Date& today) {
  const Organisation& org = index.org();
  AlignmentView view;
  view.cycle = MakeCycleInfo(org, cycle, today);
  std::set<std::string> visited;
  for (const Objective& o : org.objectives) {
    if (InCycle(o, cycle) && o.level == Level::kCompany &&
        IsCascadeRoot(index, o)) {
      AppendSubtree(index, o, cycle, &visited, &view.cascade);
      if (o.supports.empty() && index.ChildrenOf(o.key).empty()) {
        view.cascade.back().flag = "aligned to nothing";
      }
    }
  }
  for (const Objective& o : org.objectives) {
    if (!InCycle(o, cycle) || visited.count(o.key) != 0) continue;
    const bool root = IsCascadeRoot(index, o);
    const size_t first = view.flagged.size();
    AppendSubtree(index, o, cycle, &visited, &view.flagged);
    view.flagged[first].flag =
        root ? RootFlag(index, o) : "part of an alignment cycle";
  }
  return view;
}

namespace {

struct LastSeen {
  std::map<std::string, UnixSeconds> by_person;
  std::map<std::string, UnixSeconds> by_unit;
  std::vector<std::string> people;  // Owners, first-seen order.
  std::vector<std::string> units;   // Units with objectives, tree order.
};

void Note(std::map<std::string, UnixSeconds>* map, const std::string& key,
          UnixSeconds at) {
  auto [it, inserted] = map->emplace(key, at);
  if (!inserted) it->second = std::max(it->second, at);
}

void AddOwner(LastSeen* seen, std::set<std::string>* known,
              const std::string& email) {
  if (!email.empty() && known->insert(email).second) {
    seen->people.push_back(email);
  }
}

void NoteCheckIns(const OrgIndex& index, const Objective& o,
                  const std::string& unit, const std::string& owner,
                  const std::vector<const CheckIn*>& list, LastSeen* seen) {
  (void)index;
  for (const CheckIn* c : list) {
    Note(&seen->by_person, c->author_email.empty() ? owner : c->author_email,
         c->at);
    if (o.level != Level::kIndividual) Note(&seen->by_unit, unit, c->at);
  }
}

LastSeen CollectLastSeen(const OrgIndex& index, const Cycle& cycle) {
  LastSeen seen;
  std::set<std::string> owners;
  std::set<std::string> units;
  for (const Objective& o : index.org().objectives) {
    if (!InCycle(o, cycle)) continue;
    if (o.level != Level::kIndividual) units.insert(o.unit_key);
    AddOwner(&seen, &owners, o.owner_email);
    NoteCheckIns(index, o, o.unit_key, o.owner_email,
                 index.CheckInsOn(TargetKind::kObjective, o.key), &seen);
    for (const KeyResult* kr : index.KrsOf(o.key)) {
      const std::string owner = index.OwnerOf(*kr);
      AddOwner(&seen, &owners, owner);
      NoteCheckIns(index, o, o.unit_key, owner,
                   index.CheckInsOn(TargetKind::kKeyResult, kr->key), &seen);
    }
  }
  for (auto [unit, depth] : UnitsInTreeOrder(index)) {
    if (units.count(unit->key) != 0) seen.units.push_back(unit->key);
  }
  return seen;
}

// Never checked in is stale; otherwise the early-warning stale rule.
bool IsStale(const std::map<std::string, UnixSeconds>& map,
             const std::string& key, const Cycle& cycle, const Date& reference,
             int stale_after_days, std::optional<UnixSeconds>* last) {
  auto it = map.find(key);
  if (it == map.end()) return true;
  *last = it->second;
  return IsStaleOn(it->second, cycle, reference, stale_after_days);
}

// Findings about the cycle: a subject is one of its objectives or KRs, or
// the cycle itself (per-cycle counts).
std::vector<Finding> InCycleFindings(const OrgIndex& index, const Cycle& cycle,
                                     std::vector<Finding> all) {
  auto about_cycle = [&](const std::string& s) {
    if (s == "cycle:" + cycle.name) return true;
    std::string key;
    if (s.rfind("objective:", 0) == 0) {
      key = s.substr(10);
    } else if (s.rfind("kr:", 0) == 0) {
      const KeyResult* kr = index.FindKr(s.substr(3));
      if (kr != nullptr) key = kr->objective_key;
    }
    const Objective* o = index.FindObjective(key);
    return o != nullptr && o->cycle == cycle.name;
  };
  std::vector<Finding> out;
  for (Finding& f : all) {
    if (std::any_of(f.subjects.begin(), f.subjects.end(), about_cycle)) {
      out.push_back(std::move(f));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return a.level > b.level;
  });
  return out;
}

// The units the objective-count rules flag in `findings` (of `cycle`), in
// tree order, with their count of own objectives.
std::vector<UnitCount> UnitCounts(const OrgIndex& index, const Cycle& cycle,
                                  const std::vector<Finding>& findings) {
  std::map<std::string, const Finding*> flagged;
  for (const Finding& f : findings) {
    if (f.rule != "objectives-per-unit" && f.rule != "objectives-per-unit-max") {
      continue;
    }
    for (const std::string& s : f.subjects) {
      if (s.rfind("unit:", 0) == 0) flagged.emplace(s.substr(5), &f);
    }
  }
  std::vector<UnitCount> out;
  for (auto [unit, depth] : UnitsInTreeOrder(index)) {
    auto it = flagged.find(unit->key);
    if (it == flagged.end()) continue;
    int count = 0;
    for (const Objective& o : index.org().objectives) {
      count += InCycle(o, cycle) && o.level != Level::kIndividual &&
               o.unit_key == unit->key;
    }
    out.push_back({unit->key, unit->name, unit->level, count, it->second->rule,
                   it->second->level, it->second->message});
  }
  return out;
}

}  // namespace

HealthView BuildHealthView(const Organisation& org, const Cycle& cycle,
                           const Date& today, const LintSettings& lint,
                           const RiskThresholds& risk) {
  return BuildHealthView(OrgIndex(org, risk), cycle, today, lint);
}

HealthView BuildHealthView(const OrgIndex& index, const Cycle& cycle,
                           const Date& today, const LintSettings& lint) {
  const Organisation& org = index.org();
  const RiskThresholds& risk = index.risk();
  HealthView view;
  view.cycle = MakeCycleInfo(org, cycle, today);
  view.risk = risk;
  for (const Objective& o : org.objectives) {
    if (!InCycle(o, cycle)) continue;
    ObjectiveView ov = internal::MakeObjectiveView(index, o, view.cycle);
    for (KrView& row : ov.krs) {
      if (!row.risks.empty()) view.krs_at_risk.push_back(std::move(row));
    }
    ov.krs.clear();
    if (!ov.risks.empty()) view.objectives_at_risk.push_back(std::move(ov));
  }
  if (view.cycle.reference_day >= cycle.start) {
    const LastSeen seen = CollectLastSeen(index, cycle);
    for (const std::string& unit : seen.units) {
      StaleItem item{false, unit, index.UnitName(unit), std::nullopt};
      if (IsStale(seen.by_unit, unit, cycle, view.cycle.reference_day,
                  risk.stale_after_days,
                  &item.last_check_in)) {
        view.stale.push_back(std::move(item));
      }
    }
    for (const std::string& email : seen.people) {
      StaleItem item{true, email, index.Ref(email).name, std::nullopt};
      if (IsStale(seen.by_person, email, cycle, view.cycle.reference_day,
                  risk.stale_after_days,
                  &item.last_check_in)) {
        view.stale.push_back(std::move(item));
      }
    }
  }
  view.lint = InCycleFindings(index, cycle, RunLint(org, lint));
  view.unit_counts = UnitCounts(index, cycle, view.lint);
  view.double_work = InCycleFindings(index, cycle, FindDuplicates(org));
  return view;
}

}  // namespace okr::web
