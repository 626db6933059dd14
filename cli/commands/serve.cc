// Copyright 2026 The okrd Authors.
//
// okrd serve: serve an existing database until stopped.

#include "cli/command.h"
#include "cli/plugin_setup.h"
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
  const Registry registry = BuildRegistry(env, flags);
  return ServeUntilSignal(store.get(),
                          flags.Get("listen").value_or(env.config.listen), env,
                          &registry);
}

}  // namespace

Command MakeServeCommand() {
  return {.name = "serve",
          .summary = "serve the status page and feeds for a database",
          .usage = "okrd serve [--listen ADDR:PORT] [--plugin PATH]... "
                   "[--db PATH] [--config PATH]",
          .details = "Serves until SIGINT or SIGTERM. Binds 127.0.0.1 by "
                     "default: put a reverse proxy\nin front to reach it "
                     "from other machines. With --config, the [server],\n"
                     "[database], [log] and [limits] settings apply; --listen "
                     "and --db override them.",
          .flags = {ListenFlag(), PluginFlag()},
          .run = RunServe};
}

}  // namespace okr
