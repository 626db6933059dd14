// Copyright 2026 The okrd Authors.
//
// Liveness / readiness endpoint for load balancers, systemd and monitoring:
// GET (and HEAD) /healthz answers 200 "ok\n" as text/plain, or 503 with the
// reason when the probe reports a problem. Responses are never cached.

#ifndef OKR_CORE_SERVER_HEALTH_H_
#define OKR_CORE_SERVER_HEALTH_H_

#include <functional>

#include "core/base/status.h"
#include "core/server/router.h"

namespace okr {

// Checks a dependency (typically the database). Called on a server worker
// thread for every health request, possibly from several threads at once:
// must be thread-safe, quick and must not throw.
using HealthProbe = std::function<Status()>;

// Registers GET /healthz on *router (not null). Without a probe the server
// is healthy whenever it answers. A failing probe gives 503 with body
// "unavailable: <message>\n" and a warning in the log.
void AddHealthRoutes(Router* router, HealthProbe probe = nullptr);

}  // namespace okr

#endif  // OKR_CORE_SERVER_HEALTH_H_
