// Copyright 2026 The okrd Authors.

#include "core/registry/output_routes.h"

#include "core/base/log.h"

namespace okr {

void AddOutputRoutes(Router* router, const Registry& registry, Store* store,
                     const Clock* clock, OutputRouteOptions options) {
  std::set<std::string> taken;
  for (const Registry::Entry<Output>& e : registry.outputs()) {
    const std::string path = e.item->path();
    if (options.skip.count(path) != 0) continue;
    if (!taken.insert(path).second || router->Describe(path).pattern == path) {
      LogWarn("output " + path + " from " + e.origin.ToString() +
              " is not served: the path is taken");
      continue;
    }
    std::shared_ptr<Output> output = e.item;
    const std::string origin = e.origin.ToString();
    router->Add(
        {HttpMethod::kGet}, path,
        [output, origin, store, clock, options](const HttpRequest&) {
          Result<Organisation> org = store->Load();
          Result<int64_t> revision = store->Revision();
          if (!org.ok() || !revision.ok()) {
            LogError("output: store: " +
                     (org.ok() ? revision.status() : org.status()).message());
            return TextResponse(503, "database unavailable\n");
          }
          Result<std::string> body = output->Render(
              *org, clock->Now(),
              {{"okrd_version", options.version},
               {"store_revision", std::to_string(*revision)},
               {"start_time", std::to_string(options.start_time)}});
          if (!body.ok()) {
            LogError("output from " + origin + ": " + body.status().message());
            return InternalErrorResponse();
          }
          HttpResponse r = TextResponse(200, std::move(*body));
          r.content_type = output->content_type();
          r.headers.Set("Cache-Control", "no-cache");
          return r;
        });
  }
}

}  // namespace okr
