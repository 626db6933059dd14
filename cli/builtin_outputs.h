// Copyright 2026 The okrd Authors.
//
// The built-in request-aware outputs, as okr_plugin entries with an
// okr.feed/1 vtable whose serve() wraps a host handler:
//   org.okrd.builtin.ical      /feeds/   the iCalendar feeds (FeedHandler)
//   org.okrd.builtin.api-json  /api/v1/  the JSON API (SiteOptions)
// The registry serves them like any plugin output (AddOutputRoutes): the
// request crosses as an okr_request, the answer (status, headers such as
// ETag, body) comes back through the okr_response sink. The host handler
// arrives in okr_host::host_data (OutputRouteOptions::backends); without
// one, serve() answers OKR_E_UNAVAILABLE. Thread-safe.

#ifndef OKR_CLI_BUILTIN_OUTPUTS_H_
#define OKR_CLI_BUILTIN_OUTPUTS_H_

#include "okr_plugin.h"

namespace okr {

inline constexpr const char* kApiOutputPath = "/api/v1/";
inline constexpr const char* kFeedOutputPath = "/feeds/";

const okr_plugin* IcalFeedsEntry();
const okr_plugin* ApiJsonEntry();

}  // namespace okr

#endif  // OKR_CLI_BUILTIN_OUTPUTS_H_
