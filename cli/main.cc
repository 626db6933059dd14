// Copyright 2026 The okrd Authors.

#include "cli/cli.h"

int main(int argc, char** argv) { return okr::RunCli(argc, argv); }
