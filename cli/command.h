// Copyright 2026 The okrd Authors.
//
// The subcommand table. Each command lives in cli/commands/<name>.cc and
// exposes one factory; cli.cc lists them. A command reports an expected
// failure by returning a non-OK Status (printed as one "okrd: ..." line,
// exit 1); a usage problem by returning a Status with code
// kInvalidArgument from flag parsing (exit 2, handled by cli.cc).

#ifndef OKR_CLI_COMMAND_H_
#define OKR_CLI_COMMAND_H_

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "cli/flags.h"
#include "core/base/clock.h"
#include "core/base/status.h"
#include "core/config/config.h"

namespace okr {

// What every command may use. Not owned.
struct CliEnv {
  std::string db_path;  // From --db, OKRD_DB, the config file, or "okrd.db".
  bool db_path_given = false;  // --db or OKRD_DB was set explicitly.
  std::string config_path;  // --config or $OKRD_CONFIG; "" when none.
  Config config;  // From config_path, else the defaults (config_access.h).
  std::FILE* out = stdout;
  std::FILE* err = stderr;
  const Clock* clock = &SystemClock();
};

// A usage error found after flag parsing (a missing positional, a value out
// of range): printed like a flag error, exit 2.
class UsageError {
 public:
  static Status Make(std::string message);
  static bool Is(const Status& s);
  // The message without the marker.
  static std::string Text(const Status& s);
};

struct Command {
  std::string name;
  std::string summary;  // One line for `okrd --help`.
  std::string usage;    // "okrd checkin KR --value V [...]".
  std::string details;  // Paragraphs after the usage line; may be empty.
  std::vector<FlagSpec> flags;
  std::function<Status(const CliEnv&, const ParsedFlags&)> run;
};

Command MakeInitCommand();
Command MakeDemoCommand();
Command MakeServeCommand();
Command MakeStatusCommand();
Command MakeCheckinCommand();
Command MakeVersionCommand();
Command MakeBackupCommand();
Command MakeRestoreCommand();
Command MakeImportCommand();
Command MakeExportCommand();
Command MakeFeedsCommand();
Command MakePluginsCommand();
Command MakePluginCommand();
Command MakeLintCommand();
Command MakeUserCommand();
Command MakeTokenCommand();

}  // namespace okr

#endif  // OKR_CLI_COMMAND_H_
