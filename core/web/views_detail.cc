// Copyright 2026 The okrd Authors.
//
// The detail views: one objective, one unit, one person.

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/web/views.h"
#include "core/web/views_internal.h"

namespace okr::web {
namespace {

using internal::OrgIndex;

double Weight(const KeyResult& kr) {
  return std::isfinite(kr.weight) ? std::max(kr.weight, 0.0) : 0.0;
}

// Objective progress after every valued check-in on its KRs, starting from
// the KRs' start values at the cycle start.
std::vector<Sample> BurnUp(const OrgIndex& index, const Objective& objective,
                           const Cycle& cycle) {
  const auto& krs = index.KrsOf(objective.key);
  double weights = 0;
  for (const KeyResult* kr : krs) weights += Weight(*kr);
  if (weights <= 0) return {};
  std::map<std::string, double> value;
  std::vector<std::pair<UnixSeconds, const CheckIn*>> events;
  for (const KeyResult* kr : krs) {
    value[kr->key] = kr->start;
    for (const CheckIn* c : index.CheckInsOn(TargetKind::kKeyResult, kr->key)) {
      if (c->value) events.push_back({c->at, c});
    }
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  auto progress = [&] {
    double sum = 0;
    for (const KeyResult* kr : krs) {
      sum += Weight(*kr) *
             KeyResultProgress(kr->kind, kr->start, kr->target, value[kr->key]);
    }
    return sum / weights;
  };
  std::vector<Sample> out = {{cycle.start.ToUnixSeconds(), progress()}};
  for (const auto& [at, c] : events) {
    value[c->target_key] = *c->value;
    out.push_back({at, progress()});
  }
  return out;
}

CheckInView MakeCheckInView(const OrgIndex& index, const CheckIn& c) {
  CheckInView v;
  v.at = c.at;
  if (!c.author_email.empty()) v.author = index.Ref(c.author_email);
  v.target_kind = c.target_kind;
  v.target_key = c.target_key;
  if (c.target_kind == TargetKind::kKeyResult) {
    if (const KeyResult* kr = index.FindKr(c.target_key)) {
      v.target_title = kr->title;
      v.unit = kr->unit;
    }
  } else if (const Objective* o = index.FindObjective(c.target_key)) {
    v.target_title = o->title;
  }
  v.value = c.value;
  if (c.confidence) {
    v.confidence = std::clamp(*c.confidence, 0.0, 1.0);
    v.band = BandOf(*v.confidence);
  }
  v.status = c.status;
  v.learned = c.learned;
  v.next_steps = c.next_steps;
  v.challenges = c.challenges;
  return v;
}

std::vector<CheckInView> CheckInsNewestFirst(const OrgIndex& index,
                                             const Objective& objective) {
  std::vector<const CheckIn*> all =
      index.CheckInsOn(TargetKind::kObjective, objective.key);
  for (const KeyResult* kr : index.KrsOf(objective.key)) {
    const auto& list = index.CheckInsOn(TargetKind::kKeyResult, kr->key);
    all.insert(all.end(), list.begin(), list.end());
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const CheckIn* a, const CheckIn* b) { return a->at > b->at; });
  std::vector<CheckInView> out;
  out.reserve(all.size());
  for (const CheckIn* c : all) out.push_back(MakeCheckInView(index, *c));
  return out;
}

std::vector<ObjectiveRef> Refs(const OrgIndex& index,
                               const std::vector<const Objective*>& list) {
  std::vector<ObjectiveRef> out;
  for (const Objective* o : list) {
    out.push_back(internal::MakeObjectiveRef(index, *o));
  }
  return out;
}

}  // namespace

std::optional<ObjectiveView> BuildObjectiveView(const Organisation& org,
                                                std::string_view key,
                                                const Date& today) {
  return BuildObjectiveView(OrgIndex(org), key, today);
}

std::optional<ObjectiveView> BuildObjectiveView(const OrgIndex& index,
                                                std::string_view key,
                                                const Date& today) {
  const Organisation& org = index.org();
  const Objective* o = index.FindObjective(key);
  if (o == nullptr) return std::nullopt;
  const Cycle* cycle = index.FindCycle(o->cycle);
  if (cycle == nullptr) return std::nullopt;
  return internal::MakeObjectiveView(index, *o,
                                     MakeCycleInfo(org, *cycle, today));
}

std::optional<ObjectiveDetail> BuildObjectiveDetail(const Organisation& org,
                                                    std::string_view key,
                                                    const Date& today) {
  return BuildObjectiveDetail(OrgIndex(org), key, today);
}

std::optional<ObjectiveDetail> BuildObjectiveDetail(const OrgIndex& index,
                                                    std::string_view key,
                                                    const Date& today) {
  const Organisation& org = index.org();
  const Objective* o = index.FindObjective(key);
  if (o == nullptr) return std::nullopt;
  const Cycle* cycle = index.FindCycle(o->cycle);
  if (cycle == nullptr) return std::nullopt;
  ObjectiveDetail d;
  d.cycle = MakeCycleInfo(org, *cycle, today);
  d.objective = internal::MakeObjectiveView(index, *o, d.cycle);
  if (o->parent) d.parent = internal::MakeLinkRef(index, *o, *o->parent);
  for (const LinkTarget& link : o->supports) {
    d.supports.push_back(internal::MakeLinkRef(index, *o, link));
  }
  d.children = Refs(index, index.ChildrenOf(o->key));
  d.supported_by = Refs(index, index.SupportersOf(o->key));
  d.burn_up = BurnUp(index, *o, *cycle);
  d.check_ins = CheckInsNewestFirst(index, *o);
  return d;
}

std::optional<UnitDetail> BuildUnitDetail(const Organisation& org,
                                          const Cycle& cycle,
                                          std::string_view key,
                                          const Date& today) {
  return BuildUnitDetail(OrgIndex(org), cycle, key, today);
}

std::optional<UnitDetail> BuildUnitDetail(const OrgIndex& index,
                                          const Cycle& cycle,
                                          std::string_view key,
                                          const Date& today) {
  const Organisation& org = index.org();
  const Unit* unit = index.FindUnit(key);
  if (unit == nullptr) return std::nullopt;
  UnitDetail d;
  d.cycle = MakeCycleInfo(org, cycle, today);
  d.unit = *unit;
  if (!unit->lead_email.empty()) d.lead = index.Ref(unit->lead_email);
  if (const Unit* parent = index.FindUnit(unit->parent_key)) d.parent = *parent;
  for (const Unit& u : org.units) {
    if (u.parent_key == unit->key) d.children.push_back(u);
  }
  for (const Person& p : org.people) {
    if (p.unit_key == unit->key) d.members.push_back(index.Ref(p.email));
  }
  for (const Objective* o : index.ObjectivesOf(unit->key)) {
    if (o->cycle == cycle.name) {
      d.objectives.push_back(internal::MakeObjectiveView(index, *o, d.cycle));
    }
  }
  std::stable_partition(d.objectives.begin(), d.objectives.end(),
                        [](const ObjectiveView& v) {
                          return v.level != Level::kIndividual;
                        });
  return d;
}

std::optional<PersonDetail> BuildPersonDetail(const Organisation& org,
                                              const Cycle& cycle,
                                              std::string_view email,
                                              const Date& today) {
  return BuildPersonDetail(OrgIndex(org), cycle, email, today);
}

std::optional<PersonDetail> BuildPersonDetail(const OrgIndex& index,
                                              const Cycle& cycle,
                                              std::string_view email,
                                              const Date& today) {
  const Organisation& org = index.org();
  const Person* person = index.FindPerson(email);
  if (person == nullptr) return std::nullopt;
  PersonDetail d;
  d.cycle = MakeCycleInfo(org, cycle, today);
  d.person = *person;
  d.unit_name = index.UnitName(person->unit_key);
  if (!person->manager_email.empty()) {
    d.manager = index.Ref(person->manager_email);
  }
  for (const Person& p : org.people) {
    if (p.manager_email == person->email) d.reports.push_back(index.Ref(p.email));
  }
  std::set<std::string> own_objectives;
  for (const Objective& o : org.objectives) {
    if (o.cycle == cycle.name && o.owner_email == person->email) {
      d.objectives.push_back(internal::MakeObjectiveView(index, o, d.cycle));
      own_objectives.insert(o.key);
    }
  }
  for (const KeyResult& kr : org.key_results) {
    const Objective* o = index.FindObjective(kr.objective_key);
    if (o == nullptr || o->cycle != cycle.name ||
        own_objectives.count(o->key) != 0 || kr.owner_email != person->email) {
      continue;
    }
    d.key_results.push_back(internal::MakeKrView(index, kr, d.cycle));
  }
  for (const CheckIn& c : org.check_ins) {
    if (c.author_email == person->email &&
        (!d.last_check_in || c.at > *d.last_check_in)) {
      d.last_check_in = c.at;
    }
  }
  return d;
}

}  // namespace okr::web
