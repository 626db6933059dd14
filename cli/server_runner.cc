// Copyright 2026 The okrd Authors.

#include "cli/server_runner.h"

#include <csignal>
#include <utility>

#include "calendar/feed_service.h"
#include "cli/builtin_outputs.h"
#include "cli/cadence_provider.h"
#include "cli/feed_options.h"
#include "cli/import_planner.h"
#include "core/auth/auth.h"
#include "core/base/log.h"
#include "core/registry/event_scanner.h"
#include "core/registry/output_routes.h"
#include "core/server/health.h"
#include "core/server/http_server.h"
#include "core/server/signals.h"
#include "core/web/admin_import.h"
#include "core/web/checkin_api.h"
#include "core/web/checkin_forms.h"
#include "core/web/site.h"

namespace okr {
namespace {

Router BuildRouter(Store* store, const CliEnv& env, FeedService* feeds,
                   const Registry* registry, Auth* auth) {
  Router router;
  const Clock* clock = env.clock;
  AddHealthRoutes(&router, [store] { return store->IsEmpty().status(); });
  web::SiteOptions site;
  site.cadence = MakeCadenceProvider(feeds);
  site.private_pages = env.config.read_access == ReadAccess::kLogin;
  site.person_extension = MakeCheckInForms(store, clock, auth);
  // With a registry, the JSON API and the feeds are served through it, by
  // the built-in okr.feed/1 outputs wrapping these handlers.
  HttpHandler api;
  if (registry != nullptr) site.api_handler = &api;
  site.lint = env.config.lint;
  site.risk = env.config.risk;
  AddStatusPageRoutes(&router, store, clock, std::move(site));
  AddCheckInApiRoutes(&router, store, clock, auth);
  AddAdminImportRoutes(&router, store, clock, auth,
                       {.planner = MakeImportPlanner(env.config.lint)});
  if (registry != nullptr) {
    OutputRouteOptions options{.version = OKR_VERSION,
                               .start_time = SystemClock().Now()};
    options.backends = {{kApiOutputPath, std::move(api)},
                        {kFeedOutputPath, FeedHandler(feeds)}};
    if (!env.config.metrics_enabled) options.skip.insert("/metrics");
    AddOutputRoutes(&router, *registry, store, clock, options);
  } else {
    AddFeedRoutes(&router, feeds);
  }
  auth->AddRoutes(&router);
  router.SetGate([auth](const HttpRequest& r) { return auth->CheckRead(r); });
  return router;
}

// The scanner feeding notifiers; nullptr when there are none.
std::unique_ptr<EventScanner> StartEventScanner(Store* store, const CliEnv& env,
                                                const Registry* registry) {
  if (registry == nullptr || registry->notifiers().empty()) return nullptr;
  std::vector<std::shared_ptr<Notifier>> notifiers;
  for (const auto& e : registry->notifiers()) notifiers.push_back(e.item);
  auto scanner = std::make_unique<EventScanner>(
      store, env.clock, std::move(notifiers),
      EventScannerOptions{.interval_seconds = env.config.event_scan_seconds,
                          .risk = env.config.risk});
  scanner->Start();
  return scanner;
}

}  // namespace

FlagSpec ListenFlag() {
  return {"listen", true,
          std::string("address and port to serve on (default ") +
              kDefaultListen + ")",
          "ADDR:PORT"};
}

Status ServeUntilSignal(Store* store, const std::string& listen,
                        const CliEnv& env, const Registry* registry) {
  AuthOptions auth_options = env.config.auth;
  auth_options.login_to_read = env.config.read_access == ReadAccess::kLogin;
  if (auth_options.base_url.empty()) auth_options.base_url = env.config.base_url;
  if (Status s = ValidateAuthOptions(auth_options); !s.ok()) {
    return s.WithPrefix(env.config_path + ": [auth]");
  }
  OKR_RETURN_IF_ERROR(BlockShutdownSignals());
  ServerOptions options;
  options.listen_address = listen;
  options.num_threads = env.config.threads;
  options.request_timeout_ms = env.config.request_timeout_ms;
  options.max_body_bytes = env.config.limits.max_request_body_bytes;
  OKR_ASSIGN_OR_RETURN(std::string base_url,
                       FeedBaseUrl(env.config, std::nullopt, "http://" + listen));
  const FeedOptions feed_options = FeedOptionsFromConfig(env.config, base_url);
  FeedService feeds(store, feed_options, env.clock);  // Outlives the server.
  Auth auth(store, env.clock, auth_options);           // Likewise.
  std::unique_ptr<EventScanner> scanner = StartEventScanner(store, env, registry);
  OKR_ASSIGN_OR_RETURN(
      auto server,
      HttpServer::Start(options,
                        BuildRouter(store, env, &feeds, registry, &auth)));
  const std::string host = listen.substr(0, listen.rfind(':'));
  std::fprintf(env.out, "serving %s on http://%s:%d/ (Ctrl-C to stop)\n",
               store->path().c_str(), host.c_str(), server->port());
  std::fflush(env.out);
  OKR_ASSIGN_OR_RETURN(int signal_number, WaitForShutdownSignal());
  LogInfo("shutting down on signal " + std::to_string(signal_number));
  server.reset();  // Waits for in-flight requests.
  scanner.reset();  // Stops after the scan under way.
  return Status::Ok();
}

}  // namespace okr
