// Copyright 2026 The okrd Authors.
//
// Analytics findings (core/analytics/finding.h) as JSON objects, the same
// shape for `okrd lint --format json` and the health API:
// {"rule", "level", "location" (null when none), "subjects": [...],
//  "message", "score" (null when none)}. Pure; thread-safe.

#ifndef OKR_CORE_WEB_FINDINGS_JSON_H_
#define OKR_CORE_WEB_FINDINGS_JSON_H_

#include <vector>

#include "core/analytics/finding.h"
#include "core/web/json.h"

namespace okr::web {

void WriteFinding(const Finding& f, JsonWriter* w);
void WriteFindings(const std::vector<Finding>& all, JsonWriter* w);  // Array.

}  // namespace okr::web

#endif  // OKR_CORE_WEB_FINDINGS_JSON_H_
