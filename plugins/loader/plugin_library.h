// Copyright 2026 The okrd Authors.
//
// One plugin as the host sees it: the okr_plugin entry, validated, and the
// shared object that holds it. LoadPluginLibrary dlopens a file
// (RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE: never unloaded, so a C++ plugin's
// static state and our sanitizers stay sane), finds the one entry symbol,
// calls it under a guard and checks the ABI major before reading anything
// else. Built-ins use FromStaticEntry with an entry linked into okrd.
//
// Errors (FailedPrecondition/InvalidArgument, message naming the file):
// not loadable, no entry, entry threw or returned NULL, wrong ABI major,
// a struct too short or absurdly long, missing id/name/version, a file
// that others may write. Notes (non-fatal) say e.g. "built for a newer
// minor". Thread-compatible; the entry is immutable once loaded.

#ifndef OKR_PLUGINS_LOADER_PLUGIN_LIBRARY_H_
#define OKR_PLUGINS_LOADER_PLUGIN_LIBRARY_H_

#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/registry/registry.h"
#include "okr_plugin.h"

namespace okr {

struct PluginLibrary {
  const okr_plugin* entry = nullptr;  // Valid for the process lifetime.
  Origin origin;                      // path "" for built-ins.
  std::vector<std::string> notes;     // Accepted, but worth saying.
};

Result<std::shared_ptr<const PluginLibrary>> LoadPluginLibrary(
    const std::string& path);

// For an entry linked into okrd (a built-in): same checks, origin built-in.
Result<std::shared_ptr<const PluginLibrary>> FromStaticEntry(
    okr_plugin_entry_fn entry);

// The "*.so" files in `directory`, sorted. Missing directory: error.
Result<std::vector<std::string>> ListPluginFiles(const std::string& directory);

}  // namespace okr

#endif  // OKR_PLUGINS_LOADER_PLUGIN_LIBRARY_H_
