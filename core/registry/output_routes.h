// Copyright 2026 The okrd Authors.
//
// Serves the registry's outputs: one GET route per Output::path(), which
// loads the organisation from the store, renders, and answers with the
// output's content type. A failing output answers 500 and logs why; it
// never takes the server down. Outputs whose path another route already
// has, or that `skip` names, are not served (logged). Thread-safe
// handlers; `store`, `clock` and the registry outlive the router.

#ifndef OKR_CORE_REGISTRY_OUTPUT_ROUTES_H_
#define OKR_CORE_REGISTRY_OUTPUT_ROUTES_H_

#include <map>
#include <set>
#include <string>

#include "core/base/clock.h"
#include "core/registry/registry.h"
#include "core/server/router.h"
#include "core/store/store.h"

namespace okr {

// Request-aware outputs (Output::serves_requests) answer with the status
// and headers they set (an ETag and 304, say); prefix outputs get every
// path below theirs. A built-in request-aware output wraps a host handler
// from `backends` (by output path) and is not served without one.
struct OutputRouteOptions {
  std::string version;         // okrd_version fact.
  UnixSeconds start_time = 0;  // start_time fact.
  std::set<std::string> skip;  // Paths not to serve (e.g. disabled).
  std::map<std::string, HttpHandler> backends;  // For built-in outputs.
};

void AddOutputRoutes(Router* router, const Registry& registry, Store* store,
                     const Clock* clock, OutputRouteOptions options);

}  // namespace okr

#endif  // OKR_CORE_REGISTRY_OUTPUT_ROUTES_H_
