// Copyright 2026 The okrd Authors.

#include "cli/cli.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/config_access.h"

namespace okr {
namespace {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      MakeInitCommand(),   MakeDemoCommand(),    MakeServeCommand(),
      MakeStatusCommand(), MakeCheckinCommand(), MakeVersionCommand(),
      MakeFeedsCommand(),  MakeBackupCommand(),  MakeRestoreCommand(),
      MakeImportCommand(), MakeExportCommand(),  MakePluginsCommand(),
      MakePluginCommand(), MakeLintCommand(),    MakeUserCommand(),
      MakeTokenCommand(),
  };
  return kCommands;
}

const Command* FindCommand(std::string_view name) {
  for (const Command& c : Commands()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::vector<FlagSpec> CommonFlags() {
  return {{"db", true,
           "database file (default: $OKRD_DB, the config file's, ./okrd.db)",
           "PATH"},
          ConfigFlag(), {"help", false, "show this help"}};
}

void PrintTopHelp(std::FILE* out) {
  std::fprintf(out,
               "okrd: objectives and key results, kept current.\n\n"
               "Usage: okrd [--config PATH] [--db PATH] COMMAND [OPTIONS]"
               "\n\nCommands:\n");
  for (const Command& c : Commands()) {
    std::fprintf(out, "  %-10s %s\n", c.name.c_str(), c.summary.c_str());
  }
  std::fprintf(out,
               "\nRun 'okrd COMMAND --help' for a command's options.\n");
}

void PrintCommandHelp(const Command& c, std::FILE* out) {
  std::vector<FlagSpec> flags = c.flags;
  for (const FlagSpec& f : CommonFlags()) flags.push_back(f);
  std::fprintf(out, "Usage: %s\n\n%s\n", c.usage.c_str(), c.summary.c_str());
  if (!c.details.empty()) std::fprintf(out, "\n%s\n", c.details.c_str());
  std::fprintf(out, "\nOptions:\n%s", FormatFlagHelp(flags).c_str());
}

int UsageFailure(std::FILE* err, const std::string& message,
                 const std::string& command) {
  std::fprintf(err, "okrd: %s\n", message.c_str());
  std::fprintf(err, "Try 'okrd %s--help'.\n",
               command.empty() ? "" : (command + " ").c_str());
  return kExitUsage;
}

// Splits "--db PATH" and "--config PATH" given before the command from the
// rest.
bool TakeLeadingOptions(std::vector<std::string>* args, std::string* db,
                        std::string* config, std::string* error) {
  while (!args->empty() && (args->front().rfind("--db", 0) == 0 ||
                            args->front().rfind("--config", 0) == 0)) {
    const std::string first = args->front();
    args->erase(args->begin());
    const std::string name = first.rfind("--db", 0) == 0 ? "--db" : "--config";
    std::string* value = name == "--db" ? db : config;
    if (first.rfind(name + "=", 0) == 0) {
      *value = first.substr(name.size() + 1);
    } else if (first == name && !args->empty()) {
      *value = args->front();
      args->erase(args->begin());
    } else {
      *error = first == name ? name + " needs a value"
                             : "unknown option " + first;
      return false;
    }
  }
  return true;
}

int RunCommand(const Command& command, const std::vector<std::string>& args,
               CliEnv env) {
  std::vector<FlagSpec> specs = command.flags;
  for (const FlagSpec& f : CommonFlags()) specs.push_back(f);
  Result<ParsedFlags> flags = ParseFlags(args, specs);
  if (!flags.ok()) {
    return UsageFailure(env.err, flags.status().message(), command.name);
  }
  if (flags->Has("help")) {
    PrintCommandHelp(command, env.out);
    return kExitOk;
  }
  if (auto db = flags->Get("db")) {
    if (db->empty()) return UsageFailure(env.err, "--db is empty", command.name);
    env.db_path = *db;
    env.db_path_given = true;
  }
  if (auto config = flags->Get("config")) {
    if (config->empty()) {
      return UsageFailure(env.err, "--config is empty", command.name);
    }
    env.config_path = *config;
  }
  if (Status loaded = LoadConfigInto(&env); !loaded.ok()) {
    PrintConfigError(env.err, loaded);
    return kExitUsage;
  }
  Status s = command.run(env, *flags);
  if (s.ok()) return kExitOk;
  if (UsageError::Is(s)) {
    return UsageFailure(env.err, UsageError::Text(s), command.name);
  }
  std::fprintf(env.err, "okrd: %s\n", s.message().c_str());
  return kExitFailure;
}

}  // namespace

// A usage error is kInvalidArgument whose message starts with a marker
// that cannot come from input text (it is a control character).
constexpr std::string_view kUsageMarker = "\x01usage:";

Status UsageError::Make(std::string message) {
  return InvalidArgument(std::string(kUsageMarker) + std::move(message));
}

bool UsageError::Is(const Status& s) {
  return s.code() == StatusCode::kInvalidArgument &&
         s.message().rfind(kUsageMarker, 0) == 0;
}

std::string UsageError::Text(const Status& s) {
  return Is(s) ? s.message().substr(kUsageMarker.size()) : s.message();
}

namespace {

// $OKRD_NOW pins the clock ("2026-11-24T09:00:00Z"), for reproducible demos,
// screenshots and tests.
Result<const Clock*> ClockFromEnvironment() {
  const char* now = std::getenv("OKRD_NOW");
  if (now == nullptr || *now == '\0') return &SystemClock();
  Result<UnixSeconds> t = ParseUtcTimestamp(now);
  if (!t.ok()) return t.status().WithPrefix("OKRD_NOW");
  static FixedClock fixed(0);
  fixed.Set(*t);
  return &fixed;
}

}  // namespace

int RunCli(int argc, char** argv) {
  std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  CliEnv env;
  Result<const Clock*> clock = ClockFromEnvironment();
  if (!clock.ok()) return UsageFailure(env.err, clock.status().message(), "");
  env.clock = *clock;
  const char* from_env = std::getenv("OKRD_DB");
  env.db_path = from_env && *from_env ? from_env : "okrd.db";
  env.db_path_given = from_env && *from_env;
  std::string error;
  std::string db;
  if (!TakeLeadingOptions(&args, &db, &env.config_path, &error)) {
    return UsageFailure(env.err, error, "");
  }
  if (!db.empty()) {
    env.db_path = db;
    env.db_path_given = true;
  }
  if (args.empty()) return UsageFailure(env.err, "no command given", "");
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    PrintTopHelp(env.out);
    return kExitOk;
  }
  if (args[0] == "--version") args[0] = "version";
  const Command* command = FindCommand(args[0]);
  if (command == nullptr) {
    return UsageFailure(env.err, "unknown command '" + args[0] + "'", "");
  }
  return RunCommand(*command, {args.begin() + 1, args.end()}, env);
}

}  // namespace okr
