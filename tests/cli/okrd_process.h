// Copyright 2026 The okrd Authors.
//
// Running the okrd binary under test (OKRD_BINARY) with a fixed clock and
// no inherited database or config, and waiting for `okrd serve` to listen.

#ifndef OKR_TESTS_CLI_OKRD_PROCESS_H_
#define OKR_TESTS_CLI_OKRD_PROCESS_H_

#include <string>
#include <vector>

#include "tests/support/subprocess.h"

namespace okr::testing {

inline constexpr char kOkrdNow[] = "2026-11-24T10:00:00Z";

// The environment Okrd() adds first (the caller's entries win).
std::vector<std::string> OkrdEnv();

// Runs `okrd args...` to completion with OkrdEnv() plus `env`.
ProcessResult Okrd(std::vector<std::string> args,
                   std::vector<std::string> env = {});

// Reads the started server's "serving ... http://127.0.0.1:PORT/" line and
// returns PORT; fails the test if none comes.
int WaitForServerPort(ChildProcess* child);

bool Contains(const std::string& haystack, const std::string& needle);

}  // namespace okr::testing

#endif  // OKR_TESTS_CLI_OKRD_PROCESS_H_
