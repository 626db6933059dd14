// Copyright 2026 The okrd Authors.

#include "tests/cli/okrd_process.h"

#include <catch2/catch.hpp>

namespace okr::testing {

std::vector<std::string> OkrdEnv() {
  return {std::string("OKRD_NOW=") + kOkrdNow, "OKRD_DB=", "OKRD_CONFIG="};
}

ProcessResult Okrd(std::vector<std::string> args, std::vector<std::string> env) {
  args.insert(args.begin(), OKRD_BINARY);
  const std::vector<std::string> defaults = OkrdEnv();
  env.insert(env.begin(), defaults.begin(), defaults.end());
  return RunProcess(args, env);
}

int WaitForServerPort(ChildProcess* child) {
  for (int i = 0; i < 5; ++i) {
    const std::string line = child->ReadLine(20000);
    const size_t at = line.find("http://127.0.0.1:");
    if (at != std::string::npos) return std::stoi(line.substr(at + 17));
    if (line.empty()) break;
  }
  FAIL("server did not report its address; stderr: " << child->Stderr());
  return 0;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace okr::testing
