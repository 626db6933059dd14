// Copyright 2026 The okrd Authors.

#include "core/server/health.h"

#include <cassert>
#include <utility>

#include "core/base/log.h"

namespace okr {
namespace {

HttpResponse HealthResponse(const HealthProbe& probe) {
  Status status = probe ? probe() : Status::Ok();
  HttpResponse response;
  if (status.ok()) {
    response = TextResponse(200, "ok\n");
  } else {
    LogWarn("health check failed: " + status.ToString());
    response = TextResponse(503, "unavailable: " + status.ToString() + "\n");
  }
  response.headers.Set("Cache-Control", "no-store");
  return response;
}

}  // namespace

void AddHealthRoutes(Router* router, HealthProbe probe) {
  assert(router != nullptr);
  router->Add({HttpMethod::kGet}, "/healthz",
              [probe = std::move(probe)](const HttpRequest&) {
                return HealthResponse(probe);
              });
}

}  // namespace okr
