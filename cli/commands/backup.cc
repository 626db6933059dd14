// Copyright 2026 The okrd Authors.
//
// okrd backup DEST: a consistent copy of the live database.
// okrd restore SRC: put a backup back (with the service stopped).
// Both work on the database of --db / $OKRD_DB / the config file.

#include "core/store/backup.h"

#include <string>

#include "cli/command.h"

namespace okr {
namespace {

Result<std::string> OnePath(const ParsedFlags& flags, const char* what) {
  const auto& args = flags.positionals();
  if (args.empty()) return UsageError::Make(std::string("missing ") + what);
  if (args.size() > 1) {
    return UsageError::Make("unexpected argument '" + args[1] + "'");
  }
  if (args[0].empty()) return UsageError::Make(std::string(what) + " is empty");
  return args[0];
}

std::string Describe(const BackupInfo& info) {
  return std::to_string(info.bytes) + " bytes, database schema " +
         std::to_string(info.schema_version);
}

Status RunBackup(const CliEnv& env, const ParsedFlags& flags) {
  OKR_ASSIGN_OR_RETURN(std::string dest, OnePath(flags, "DEST"));
  OKR_ASSIGN_OR_RETURN(
      BackupInfo info,
      BackupDatabase(env.db_path, dest, {.overwrite = flags.Has("force")}));
  std::fprintf(env.out, "backed up %s to %s (%s)\n", env.db_path.c_str(),
               dest.c_str(), Describe(info).c_str());
  return Status::Ok();
}

Status RunRestore(const CliEnv& env, const ParsedFlags& flags) {
  OKR_ASSIGN_OR_RETURN(std::string source, OnePath(flags, "SRC"));
  OKR_ASSIGN_OR_RETURN(
      BackupInfo info,
      RestoreDatabase(source, env.db_path, {.overwrite = flags.Has("force")}));
  std::fprintf(env.out, "restored %s from %s (%s)\n", env.db_path.c_str(),
               source.c_str(), Describe(info).c_str());
  return Status::Ok();
}

}  // namespace

Command MakeBackupCommand() {
  return {.name = "backup",
          .summary = "copy the database consistently, even while it is served",
          .usage = "okrd backup DEST [--force] [--db PATH] [--config PATH]",
          .details =
              "Writes a consistent copy of the database to the file DEST "
              "(mode 0600) while the\nserver may keep reading and writing. "
              "The copy is checked (integrity_check,\nforeign_key_check) "
              "before it replaces DEST, so DEST is never a partial copy.\n"
              "Run it as the user that owns the database (for the service: "
              "runuser -u okrd --).",
          .flags = {{"force", false, "replace DEST if it exists"}},
          .run = RunBackup};
}

Command MakeRestoreCommand() {
  return {.name = "restore",
          .summary = "replace the database with a backup (service stopped)",
          .usage = "okrd restore SRC [--force] [--db PATH] [--config PATH]",
          .details =
              "Checks the backup SRC (integrity_check, foreign_key_check, a "
              "schema this okrd\nknows), then replaces the database with it "
              "in one transaction. An existing\ndatabase is replaced only "
              "with --force, and never while another process (the\nservice) "
              "has it open: stop the service first, restore, start it again.",
          .flags = {{"force", false, "replace an existing database"}},
          .run = RunRestore};
}

}  // namespace okr
