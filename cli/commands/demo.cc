// Copyright 2026 The okrd Authors.
//
// okrd demo: the example organisation in a fresh database, served.

#include <cstdlib>
#include <string>

#include "cli/command.h"
#include "cli/plugin_setup.h"
#include "cli/server_runner.h"
#include "cli/store_access.h"

namespace okr {
namespace {

// A fresh directory for the demo database when no --db was given.
Result<std::string> MakeDemoDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/okrd-demo-XXXXXX";
  if (mkdtemp(templ.data()) == nullptr) {
    return IoError("cannot create a directory for the demo in " + templ);
  }
  return templ;
}

Status RunDemo(const CliEnv& env, const ParsedFlags& flags) {
  if (!flags.positionals().empty()) {
    return UsageError::Make("unexpected argument '" + flags.positionals()[0] +
                            "'");
  }
  // Only an explicit --db is used; $OKRD_DB is for real data, not demos.
  CliEnv demo_env = env;
  if (!flags.Has("db")) {
    OKR_ASSIGN_OR_RETURN(std::string dir, MakeDemoDir());
    demo_env.db_path = dir + "/okrd.db";
  }
  OKR_ASSIGN_OR_RETURN(auto store, OpenStore(demo_env, /*create=*/true));
  OKR_ASSIGN_OR_RETURN(bool empty, store->IsEmpty());
  if (empty) OKR_RETURN_IF_ERROR(LoadExampleInto(store.get(), demo_env));
  std::fprintf(env.out,
               "demo database: %s\n(try: okrd status --db %s)\n",
               demo_env.db_path.c_str(), demo_env.db_path.c_str());
  const Registry registry = BuildRegistry(env, flags);  // Built-ins, [plugins].
  return ServeUntilSignal(store.get(),
                          flags.Get("listen").value_or(env.config.listen), env,
                          &registry);
}

}  // namespace

Command MakeDemoCommand() {
  return {.name = "demo",
          .summary = "serve the example organisation from a fresh database",
          .usage = "okrd demo [--listen ADDR:PORT] [--db PATH]",
          .details = "Creates a database in a new temporary directory (or "
                     "uses --db, loading the\nexample only if it is empty), "
                     "fills it with the bundled example organisation\ndated "
                     "around today, and serves it like `okrd serve`.",
          .flags = {ListenFlag()},
          .run = RunDemo};
}

}  // namespace okr
