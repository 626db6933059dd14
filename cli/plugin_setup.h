// Copyright 2026 The okrd Authors.
//
// The registry commands work with: the built-ins (registered through the
// same C ABI entry structs and adapters as loaded plugins), then every
// plugin in the [plugins] directory, then each --plugin PATH. A plugin
// that is refused is logged and listed in Registry::problems(); it never
// stops the command.

#ifndef OKR_CLI_PLUGIN_SETUP_H_
#define OKR_CLI_PLUGIN_SETUP_H_

#include <string>
#include <vector>

#include "cli/command.h"
#include "core/registry/registry.h"
#include "plugins/loader/adapters.h"

namespace okr {

// --plugin PATH, repeatable.
FlagSpec PluginFlag();

// The key = value configuration notifier plugins get: the [webhook] keys.
KeyValues NotifierConfig(const Config& config);

Registry BuildRegistry(const CliEnv& env, const ParsedFlags& flags);

}  // namespace okr

#endif  // OKR_CLI_PLUGIN_SETUP_H_
