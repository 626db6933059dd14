// Copyright 2026 The okrd Authors.

#include "cli/cli.h"

#include <cstdio>

namespace okr {

int RunCli(int, char**) {
  std::printf("okrd %s\n", OKR_VERSION);
  return kExitOk;
}

}  // namespace okr
