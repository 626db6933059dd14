// Copyright 2026 The okrd Authors.
//
// Adapters from the C vtables of okr_plugin.h to core's Importer, Output
// and Notifier (core/registry/registry.h), used alike for loaded plugins
// and for the built-ins linked into okrd. Each adapter keeps its
// PluginLibrary alive, checks struct sizes before use, and calls the
// plugin only through Guarded(), so an exception or a garbage return code
// becomes a Status (and a diagnostic), never a crash of the host.

#ifndef OKR_PLUGINS_LOADER_ADAPTERS_H_
#define OKR_PLUGINS_LOADER_ADAPTERS_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/base/result.h"
#include "core/registry/registry.h"
#include "plugins/loader/plugin_library.h"

namespace okr {

using KeyValues = std::vector<std::pair<std::string, std::string>>;

// The plugin's vtable for `iface_id`, checked to hold at least the fields
// up to `min_size`; nullptr (with OK) when the plugin lacks the interface.
Result<const void*> LookUpInterface(const PluginLibrary& lib,
                                    const char* iface_id, size_t min_size);

Result<std::shared_ptr<Importer>> MakeImporter(
    std::shared_ptr<const PluginLibrary> lib);  // nullptr: none offered.
Result<std::shared_ptr<Output>> MakeOutput(
    std::shared_ptr<const PluginLibrary> lib);
// `config`: the key/values handed to the notifier's create().
Result<std::shared_ptr<Notifier>> MakeNotifier(
    std::shared_ptr<const PluginLibrary> lib, const KeyValues& config);

// Registers every interface `lib` offers. A refused interface is an error
// naming the plugin; what was registered before it stays.
Status RegisterPlugin(std::shared_ptr<const PluginLibrary> lib,
                      const KeyValues& notifier_config, Registry* registry);

// Loads `path` and registers it; failures go to registry->problems() and
// the log, never further (a bad plugin must not stop the server).
void LoadAndRegister(const std::string& path, const KeyValues& notifier_config,
                     Registry* registry);

}  // namespace okr

#endif  // OKR_PLUGINS_LOADER_ADAPTERS_H_
