// Copyright 2026 The okrd Authors.
//
// okrd serve: serve an existing database until stopped.

#include "cli/command.h"
#include "cli/server_runner.h"
#include "cli/store_access.h"

namespace okr {
namespace {

Status RunServe(const CliEnv& env, const ParsedFlags& flags) {
  if (!flags.positionals().empty()) {
    return UsageError::Make("unexpected argument '" + flags.positionals()[0] +
                            "'");
  }
  OKR_ASSIGN_OR_RETURN(auto store, OpenStore(env, /*create=*/false));
  return ServeUntilSignal(store.get(), flags.Get("listen").value_or(kDefaultListen),
                          env);
}

}  // namespace

Command MakeServeCommand() {
  return {.name = "serve",
          .summary = "serve the status page and feeds for a database",
          .usage = "okrd serve [--listen ADDR:PORT] [--db PATH]",
          .details = "Serves until SIGINT or SIGTERM. Binds 127.0.0.1 by "
                     "default: put a reverse proxy\nin front to reach it "
                     "from other machines.",
          .flags = {ListenFlag()},
          .run = RunServe};
}

}  // namespace okr
