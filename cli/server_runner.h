// Copyright 2026 The okrd Authors.
//
// Runs the embedded web server over a store until SIGINT/SIGTERM/SIGHUP:
// the shared tail of `okrd serve` and `okrd demo`. Must be called from the
// main thread before any other thread is started (it blocks the shutdown
// signals so the server's workers inherit the mask).

#ifndef OKR_CLI_SERVER_RUNNER_H_
#define OKR_CLI_SERVER_RUNNER_H_

#include <string>

#include "cli/command.h"
#include "core/registry/registry.h"
#include "core/store/store.h"

namespace okr {

inline constexpr char kDefaultListen[] = "127.0.0.1:8080";

// The flag every serving command takes.
FlagSpec ListenFlag();

// Serves `store` on `listen` ("host:port") until a shutdown signal; prints
// the URL to env.out once listening. Errors: the server could not start.
// `registry` (may be null): its outputs are served, and its notifiers get
// the events the scanner finds (core/registry/event_scanner.h).
Status ServeUntilSignal(Store* store, const std::string& listen,
                        const CliEnv& env, const Registry* registry = nullptr);

}  // namespace okr

#endif  // OKR_CLI_SERVER_RUNNER_H_
