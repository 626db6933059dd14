// Copyright 2026 The okrd Authors.
//
// The arithmetic of ObjectiveProgress and ObjectiveConfidence (progress.h)
// over inputs a caller has already selected, for callers that keep an
// index (the status page) instead of scanning the organisation per
// objective. Defined in progress.cc, which uses them itself. Pure;
// thread-safe.

#ifndef OKR_CORE_MODEL_PROGRESS_INPUTS_H_
#define OKR_CORE_MODEL_PROGRESS_INPUTS_H_

#include <optional>
#include <vector>

#include "core/model/organisation.h"

namespace okr {

// ObjectiveProgress without children: `krs` are the objective's key
// results.
std::optional<double> KrsProgress(const std::vector<const KeyResult*>& krs);

// ObjectiveConfidence: `own` is the objective's latest check-in with a
// confidence (LatestCheckIn), `kr_latest[i]` that of krs[i]; nullptr when
// none.
std::optional<double> CombinedConfidence(
    const CheckIn* own, const std::vector<const KeyResult*>& krs,
    const std::vector<const CheckIn*>& kr_latest);

}  // namespace okr

#endif  // OKR_CORE_MODEL_PROGRESS_INPUTS_H_
