// Copyright 2026 The okrd Authors.
//
// okrd init: create the database, optionally with the example organisation.

#include "cli/command.h"
#include "cli/store_access.h"
#include "core/example/example_org.h"

namespace okr {
namespace {

Status RunInit(const CliEnv& env, const ParsedFlags& flags) {
  if (!flags.positionals().empty()) {
    return UsageError::Make("unexpected argument '" + flags.positionals()[0] +
                            "'");
  }
  OKR_ASSIGN_OR_RETURN(auto store, OpenStore(env, /*create=*/true));
  if (flags.Has("example")) {
    OKR_RETURN_IF_ERROR(LoadExampleInto(store.get(), env));
  }
  std::fprintf(env.out, "initialised %s\n", env.db_path.c_str());
  return Status::Ok();
}

}  // namespace

Command MakeInitCommand() {
  return {.name = "init",
          .summary = "create the database file (with --example: and fill it)",
          .usage = "okrd init [--example] [--db PATH]",
          .details = "Creates the SQLite database with the current schema, or "
                     "upgrades an existing one.\nWith --example it also loads "
                     "the bundled example organisation, dated around today.",
          .flags = {{"example", false,
                     "load the example organisation into an empty database"}},
          .run = RunInit};
}

}  // namespace okr
