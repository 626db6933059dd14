// Copyright 2026 The okrd Authors.
//
// The built-in importers and feeds, registered through okr_plugin entry
// structs linked into okrd and the same adapters loaded plugins go
// through, so the product itself exercises the C ABI.

#ifndef OKR_CLI_BUILTIN_PLUGINS_H_
#define OKR_CLI_BUILTIN_PLUGINS_H_

#include "core/registry/registry.h"

namespace okr {

void RegisterBuiltinPlugins(Registry* registry);

}  // namespace okr

#endif  // OKR_CLI_BUILTIN_PLUGINS_H_
