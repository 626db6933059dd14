// Copyright 2026 The okrd Authors.

#include "cli/plugin_setup.h"

#include "cli/builtin_plugins.h"
#include "core/base/log.h"

namespace okr {

FlagSpec PluginFlag() {
  return {"plugin", true, "also load this plugin (repeatable)", "PATH"};
}

KeyValues NotifierConfig(const Config& config) {
  return {{"urls", config.webhook_urls},
          {"secret", config.webhook_secret},
          {"format", config.webhook_format},
          {"timeout_ms", std::to_string(config.webhook_timeout_ms)},
          {"retries", std::to_string(config.webhook_retries)}};
}

Registry BuildRegistry(const CliEnv& env, const ParsedFlags& flags) {
  Registry registry;
  const KeyValues notifier_config = NotifierConfig(env.config);
  RegisterBuiltinPlugins(&registry);
  if (!env.config.plugin_directory.empty()) {
    Result<std::vector<std::string>> files =
        ListPluginFiles(env.config.plugin_directory);
    if (!files.ok()) {
      LogError(files.status().message());
      registry.AddProblem(files.status().message());
    } else {
      for (const std::string& f : *files) {
        LoadAndRegister(f, notifier_config, &registry);
      }
    }
  }
  for (const std::string& path : flags.GetAll("plugin")) {
    LoadAndRegister(path, notifier_config, &registry);
  }
  return registry;
}

}  // namespace okr
