// Copyright 2026 The okrd Authors.
//
// ModelView: an Organisation snapshot lent to a feed plugin as an
// okr_model_view. Computes progress, confidence and check-in counts once;
// the strings it hands out live as long as the ModelView. Immutable after
// construction, so render calls may share one from several threads.

#ifndef OKR_PLUGINS_LOADER_MODEL_VIEW_H_
#define OKR_PLUGINS_LOADER_MODEL_VIEW_H_

#include <string>
#include <utility>
#include <vector>

#include "core/base/civil_time.h"
#include "core/model/organisation.h"
#include "okr_plugin.h"

namespace okr {

class ModelView {
 public:
  ModelView(const Organisation& org, UnixSeconds now,
            std::vector<std::pair<std::string, std::string>> facts);
  ModelView(const ModelView&) = delete;
  ModelView& operator=(const ModelView&) = delete;

  const okr_model_view* view() const { return &view_; }

 private:
  struct Item {  // One objective or key result, flattened.
    std::string key, title, parent, cycle, unit_key, unit_name, measure;
    double start = 0, target = 0, current = 0, progress = 0, confidence = 0;
    int64_t checkins = 0, last_checkin = 0;
  };
  static size_t ObjectiveCount(void* ctx);
  static int32_t ObjectiveAt(void* ctx, size_t i, okr_objective_view* out);
  static size_t KrCount(void* ctx);
  static int32_t KrAt(void* ctx, size_t i, okr_kr_view* out);

  std::vector<Item> objectives_;
  std::vector<Item> krs_;
  std::vector<std::pair<std::string, std::string>> facts_;
  std::vector<okr_kv> fact_kvs_;
  okr_model_view view_;
};

}  // namespace okr

#endif  // OKR_PLUGINS_LOADER_MODEL_VIEW_H_
