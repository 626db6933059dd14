// Copyright 2026 The okrd Authors.
//
// The configuration file as commands see it. `--config PATH` (before or
// after the command) or $OKRD_CONFIG names the file; without either no file
// is read and every setting keeps its built-in default. Precedence, highest
// first: command-line flags (--db, --listen), $OKRD_DB, the file, the
// defaults. A relative [database] path is relative to the working
// directory, like --db.

#ifndef OKR_CLI_CONFIG_ACCESS_H_
#define OKR_CLI_CONFIG_ACCESS_H_

#include <cstdio>

#include "cli/command.h"

namespace okr {

// The --config flag every command accepts.
FlagSpec ConfigFlag();

// Reads the file named by env->config_path, else by $OKRD_CONFIG (then
// recorded in env->config_path), into env->config, and applies the settings
// every command shares: the database path (unless --db or $OKRD_DB gave one)
// and the log level. Does nothing when neither names a file. Errors (an
// unreadable file, an unknown section or key, a bad value) name the file and
// line, one problem per line of the message; env is then unchanged.
Status LoadConfigInto(CliEnv* env);

// Prints each line of a configuration error as "okrd: LINE" to `err`.
void PrintConfigError(std::FILE* err, const Status& status);

}  // namespace okr

#endif  // OKR_CLI_CONFIG_ACCESS_H_
