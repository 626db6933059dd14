// Copyright 2026 The okrd Authors.
//
// okrd version: what this binary is and what it was built with.

#include <sqlite3.h>

#include "cli/command.h"
#include "core/store/schema.h"

namespace okr {
namespace {

Status RunVersion(const CliEnv& env, const ParsedFlags& flags) {
  if (!flags.positionals().empty()) {
    return UsageError::Make("unexpected argument '" + flags.positionals()[0] +
                            "'");
  }
  std::fprintf(env.out, "okrd %s (database schema %d, SQLite %s)\n",
               OKR_VERSION, LatestSchemaVersion(), sqlite3_libversion());
  return Status::Ok();
}

}  // namespace

Command MakeVersionCommand() {
  return {.name = "version",
          .summary = "print the version",
          .usage = "okrd version",
          .run = RunVersion};
}

}  // namespace okr
