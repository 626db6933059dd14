// Copyright 2026 The okrd Authors.

#include "core/registry/output_routes.h"

#include <memory>

#include "core/base/log.h"

namespace okr {
namespace {

using Facts = std::vector<std::pair<std::string, std::string>>;

struct Shared {
  Store* store;
  const Clock* clock;
  OutputRouteOptions options;
};

// The facts every output gets; nullopt (logged) when the store failed.
std::optional<Facts> LoadFacts(const Shared& shared) {
  Result<int64_t> revision = shared.store->Revision();
  if (!revision.ok()) {
    LogError("output: store: " + revision.status().message());
    return std::nullopt;
  }
  return Facts{{"okrd_version", shared.options.version},
               {"store_revision", std::to_string(*revision)},
               {"start_time", std::to_string(shared.options.start_time)}};
}

HttpHandler RenderHandler(std::shared_ptr<Output> output, std::string origin,
                          std::shared_ptr<const Shared> shared) {
  return [output, origin, shared](const HttpRequest&) {
    Result<Organisation> org = shared->store->Load();
    std::optional<Facts> facts = LoadFacts(*shared);
    if (!org.ok() || !facts) {
      if (!org.ok()) LogError("output: store: " + org.status().message());
      return TextResponse(503, "database unavailable\n");
    }
    Result<std::string> body =
        output->Render(*org, shared->clock->Now(), *facts);
    if (!body.ok()) {
      LogError("output from " + origin + ": " + body.status().message());
      return InternalErrorResponse();
    }
    HttpResponse r = TextResponse(200, std::move(*body));
    r.content_type = output->content_type();
    r.headers.Set("Cache-Control", "no-cache");
    return r;
  };
}

HttpHandler ServeHandler(std::shared_ptr<Output> output, std::string origin,
                         std::shared_ptr<const Shared> shared,
                         const HttpHandler* backend) {
  return [output, origin, shared, backend](const HttpRequest& request) {
    OutputServeContext context{
        .load = [shared] { return shared->store->Load(); },
        .now = shared->clock->Now(),
        .backend = backend};
    if (backend == nullptr) {  // Built-ins need no facts.
      std::optional<Facts> facts = LoadFacts(*shared);
      if (!facts) return TextResponse(503, "database unavailable\n");
      context.facts = std::move(*facts);
    }
    Result<HttpResponse> r = output->Serve(request, context);
    if (!r.ok()) {
      LogError("output from " + origin + ": " + r.status().message());
      return InternalErrorResponse();
    }
    return std::move(*r);
  };
}

}  // namespace

void AddOutputRoutes(Router* router, const Registry& registry, Store* store,
                     const Clock* clock, OutputRouteOptions options) {
  auto shared = std::make_shared<const Shared>(
      Shared{store, clock, std::move(options)});
  std::set<std::string> taken;
  for (const Registry::Entry<Output>& e : registry.outputs()) {
    const std::string path = e.item->path();
    if (shared->options.skip.count(path) != 0) continue;
    const auto backend = shared->options.backends.find(path);
    const bool wraps_host = e.origin.built_in() && e.item->serves_requests();
    if (wraps_host && backend == shared->options.backends.end()) continue;
    if (!taken.insert(path).second || router->Describe(path).pattern == path) {
      LogWarn("output " + path + " from " + e.origin.ToString() +
              " is not served: the path is taken");
      continue;
    }
    const std::string origin = e.origin.ToString();
    HttpHandler handler =
        e.item->serves_requests()
            ? ServeHandler(e.item, origin, shared,
                           wraps_host ? &backend->second : nullptr)
            : RenderHandler(e.item, origin, shared);
    const RouteOptions route{.secret_path = e.item->secret_path()};
    if (e.item->is_prefix()) {
      router->AddPrefix({HttpMethod::kGet}, path, std::move(handler), route);
    } else {
      router->Add({HttpMethod::kGet}, path, std::move(handler), route);
    }
  }
}

}  // namespace okr
