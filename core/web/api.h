// Copyright 2026 The okrd Authors.
//
// The JSON API under /api/v1/ (documented in the README): the same data the
// pages show, read-only.
//
//   GET /api/v1/                     the list of resources
//   GET /api/v1/cycles               every cycle with phase and days left
//   GET /api/v1/units[/{key}]        units (one unit adds its objectives)
//   GET /api/v1/people[/{email}]     people (one person adds objectives)
//   GET /api/v1/objectives[/{key}]   objectives of a cycle with computed
//                                    progress, confidence, band, trend,
//                                    risks and their key results
//   GET /api/v1/key-results[/{key}]  key results of a cycle, computed fields
//   GET /api/v1/check-ins            check-ins on a cycle's objectives and KRs
//
// Lists take ?cycle=NAME (default: the current cycle). Pure; thread-safe.

#ifndef OKR_CORE_WEB_API_H_
#define OKR_CORE_WEB_API_H_

#include <string>
#include <string_view>

#include "core/base/civil_time.h"
#include "core/model/organisation.h"
#include "core/web/json.h"

namespace okr::web {

namespace internal {
class OrgIndex;  // views_internal.h
}  // namespace internal

struct ApiResult {
  int status = 200;  // 200, or 404 with an {"error": ...} body.
  std::string json;
};

// `rest` is the path after "/api/v1/" (decoded); `cycle` the ?cycle= value
// or empty.
ApiResult RenderApi(const Organisation& org, std::string_view rest,
                    std::string_view cycle, const Date& today);
// The same from a prebuilt index (its early-warning thresholds apply).
ApiResult RenderApi(const internal::OrgIndex& index, std::string_view rest,
                    std::string_view cycle, const Date& today);

// One check-in as the API shows it (also the body of a 201 from the
// check-in POST, checkin_api.h).
void WriteCheckInJson(const CheckIn& check_in, JsonWriter* w);

}  // namespace okr::web

#endif  // OKR_CORE_WEB_API_H_
