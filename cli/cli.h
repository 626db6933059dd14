// Copyright 2026 The okrd Authors.
//
// The okrd command line. RunCli parses argv, runs one subcommand and returns
// the process exit code: 0 success, 1 the operation failed, 2 usage error.
// Errors go to stderr as single lines starting with "okrd: ".

#ifndef OKR_CLI_CLI_H_
#define OKR_CLI_CLI_H_

namespace okr {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

int RunCli(int argc, char** argv);

}  // namespace okr

#endif  // OKR_CLI_CLI_H_
