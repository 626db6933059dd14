// Copyright 2026 The okrd Authors.

#include "plugins/loader/model_view.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>

#include "core/model/progress.h"
#include "plugins/loader/guard.h"

namespace okr {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct CheckInStats {
  int64_t count = 0;
  int64_t last = 0;
};

std::map<std::pair<TargetKind, std::string>, CheckInStats> StatsOf(
    const Organisation& org) {
  std::map<std::pair<TargetKind, std::string>, CheckInStats> stats;
  for (const CheckIn& c : org.check_ins) {
    CheckInStats& s = stats[{c.target_kind, c.target_key}];
    ++s.count;
    s.last = std::max<int64_t>(s.last, c.at);
  }
  return stats;
}

// Copies the prefix of `full` that fits the plugin's struct_size.
template <typename T>
int32_t CopyOut(const T& full, T* out) {
  if (out == nullptr || out->struct_size < sizeof(uint32_t)) return OKR_E_LIMIT;
  const uint32_t n = std::min<uint32_t>(out->struct_size, sizeof(T));
  const uint32_t asked = out->struct_size;
  std::memcpy(static_cast<void*>(out), &full, n);
  out->struct_size = std::min<uint32_t>(asked, sizeof(T));
  return OKR_OK;
}

}  // namespace

ModelView::ModelView(const Organisation& org, UnixSeconds now,
                     std::vector<std::pair<std::string, std::string>> facts)
    : facts_(std::move(facts)) {
  const auto stats = StatsOf(org);
  std::map<std::string, std::string> unit_names;
  for (const Unit& u : org.units) unit_names[u.key] = u.name;
  std::map<std::string, const Objective*> objectives;
  for (const Objective& o : org.objectives) {
    objectives[o.key] = &o;
    Item item{.key = o.key,
              .title = o.title,
              .cycle = o.cycle,
              .unit_key = o.unit_key,
              .unit_name = unit_names[o.unit_key]};
    item.progress = ObjectiveProgress(org, o.key).value_or(kNaN);
    item.confidence = ObjectiveConfidence(org, o).value_or(kNaN);
    auto s = stats.find({TargetKind::kObjective, o.key});
    if (s != stats.end())
      item.checkins = s->second.count, item.last_checkin = s->second.last;
    objectives_.push_back(std::move(item));
  }
  for (const KeyResult& k : org.key_results) {
    Item item{.key = k.key,
              .title = k.title,
              .parent = k.objective_key,
              .measure = k.unit,
              .start = k.start,
              .target = k.target,
              .current = k.current};
    if (auto o = objectives.find(k.objective_key); o != objectives.end()) {
      item.cycle = o->second->cycle;
      item.unit_key = o->second->unit_key;
    }
    item.progress = KeyResultProgress(k);
    const CheckIn* latest = LatestCheckIn(org, TargetKind::kKeyResult, k.key);
    item.confidence = latest ? latest->confidence.value_or(kNaN) : kNaN;
    auto s = stats.find({TargetKind::kKeyResult, k.key});
    if (s != stats.end())
      item.checkins = s->second.count, item.last_checkin = s->second.last;
    krs_.push_back(std::move(item));
  }
  for (const auto& [k, v] : facts_)
    fact_kvs_.push_back({ToOkrStr(k), ToOkrStr(v)});
  view_ = {sizeof(okr_model_view), this,     now,   &ObjectiveCount,
           &ObjectiveAt,           &KrCount, &KrAt, fact_kvs_.data(),
           fact_kvs_.size()};
}

size_t ModelView::ObjectiveCount(void* ctx) {
  return static_cast<ModelView*>(ctx)->objectives_.size();
}

size_t ModelView::KrCount(void* ctx) {
  return static_cast<ModelView*>(ctx)->krs_.size();
}

int32_t ModelView::ObjectiveAt(void* ctx, size_t i, okr_objective_view* out) {
  const auto& items = static_cast<ModelView*>(ctx)->objectives_;
  if (i >= items.size()) return OKR_E_LIMIT;
  const Item& it = items[i];
  const okr_objective_view full = {sizeof(okr_objective_view),
                                   ToOkrStr(it.key),
                                   ToOkrStr(it.title),
                                   ToOkrStr(it.cycle),
                                   ToOkrStr(it.unit_key),
                                   ToOkrStr(it.unit_name),
                                   it.progress,
                                   it.confidence,
                                   it.checkins,
                                   it.last_checkin};
  return CopyOut(full, out);
}

int32_t ModelView::KrAt(void* ctx, size_t i, okr_kr_view* out) {
  const auto& items = static_cast<ModelView*>(ctx)->krs_;
  if (i >= items.size()) return OKR_E_LIMIT;
  const Item& it = items[i];
  const okr_kr_view full = {
      sizeof(okr_kr_view),  ToOkrStr(it.key),   ToOkrStr(it.title),
      ToOkrStr(it.parent),  ToOkrStr(it.cycle), ToOkrStr(it.unit_key),
      ToOkrStr(it.measure), it.start,           it.target,
      it.current,           it.progress,        it.confidence,
      it.checkins,          it.last_checkin};
  return CopyOut(full, out);
}

}  // namespace okr
