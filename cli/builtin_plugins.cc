// Copyright 2026 The okrd Authors.

#include "cli/builtin_plugins.h"

namespace okr {

void RegisterBuiltinPlugins(Registry* /*registry*/) {}

}  // namespace okr
