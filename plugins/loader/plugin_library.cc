// Copyright 2026 The okrd Authors.

#include "plugins/loader/plugin_library.h"

#include <dirent.h>
#include <dlfcn.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>

#include "plugins/loader/guard.h"

namespace okr {
namespace {

// Group- or world-writable plugin files are code anyone may replace.
Status CheckFileTrust(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return NotFound(path + ": no such file");
  if (!S_ISREG(st.st_mode)) return InvalidArgument(path + ": not a file");
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    return PermissionDenied(path +
                            ": refused: group- or world-writable plugin file");
  }
  return Status::Ok();
}

Result<std::shared_ptr<const PluginLibrary>> Validate(
    okr_plugin_entry_fn entry_fn, const std::string& path) {
  const std::string what = path.empty() ? "built-in plugin" : path;
  OKR_ASSIGN_OR_RETURN(
      const okr_plugin* entry,
      Guarded(what + ": okr_plugin_entry()", [&] { return entry_fn(); }));
  if (entry == nullptr) {
    return FailedPrecondition(what + ": okr_plugin_entry() returned NULL");
  }
  if (entry->abi_major != OKR_ABI_MAJOR) {
    return FailedPrecondition(
        what + ": built for plugin ABI " + std::to_string(entry->abi_major) +
        "." + std::to_string(entry->abi_minor) + ", this okrd speaks ABI " +
        std::to_string(OKR_ABI_MAJOR) +
        ".x; rebuild it against this okrd's "
        "okr_plugin.h");
  }
  if (!StructHolds(entry->struct_size,
                   OKR_FIELD_END(okr_plugin, get_interface))) {
    return FailedPrecondition(what + ": okr_plugin.struct_size " +
                              std::to_string(entry->struct_size) +
                              " is not a valid size (garbage or truncated)");
  }
  auto lib = std::make_shared<PluginLibrary>();
  lib->entry = entry;
  lib->origin.path = path;
  lib->origin.plugin_id = FromCString(entry->id, 200);
  lib->origin.name = FromCString(entry->name, 200);
  lib->origin.version = FromCString(entry->version, 64);
  if (lib->origin.plugin_id.empty() || lib->origin.name.empty() ||
      lib->origin.version.empty() || entry->get_interface == nullptr) {
    return FailedPrecondition(what +
                              ": okr_plugin lacks id, name, version or "
                              "get_interface");
  }
  if (entry->abi_minor > OKR_ABI_MINOR) {
    lib->notes.push_back("built for ABI 1." + std::to_string(entry->abi_minor) +
                         ", newer than this okrd's 1." +
                         std::to_string(OKR_ABI_MINOR) +
                         ": fields this okrd does not know are ignored");
  }
  return std::shared_ptr<const PluginLibrary>(std::move(lib));
}

}  // namespace

Result<std::shared_ptr<const PluginLibrary>> LoadPluginLibrary(
    const std::string& path) {
  OKR_RETURN_IF_ERROR(CheckFileTrust(path));
  // A path without '/' would make dlopen search the library path.
  const std::string open_path =
      path.find('/') == std::string::npos ? "./" + path : path;
  void* handle =
      dlopen(open_path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
  if (handle == nullptr) {
    const char* error = dlerror();
    return FailedPrecondition(
        path + ": cannot load: " + (error ? error : "unknown dlopen error"));
  }
  void* symbol = dlsym(handle, OKR_PLUGIN_ENTRY_SYMBOL);
  if (symbol == nullptr) {
    dlclose(handle);
    return FailedPrecondition(path + ": not an okrd plugin: no " +
                              OKR_PLUGIN_ENTRY_SYMBOL + " symbol");
  }
  okr_plugin_entry_fn entry_fn;
  static_assert(sizeof(entry_fn) == sizeof(symbol));
  std::memcpy(&entry_fn, &symbol, sizeof(entry_fn));  // POSIX dlsym idiom.
  Result<std::shared_ptr<const PluginLibrary>> lib = Validate(entry_fn, path);
  if (!lib.ok()) dlclose(handle);  // RTLD_NODELETE keeps it mapped anyway.
  return lib;
}

Result<std::shared_ptr<const PluginLibrary>> FromStaticEntry(
    okr_plugin_entry_fn entry) {
  return Validate(entry, "");
}

Result<std::vector<std::string>> ListPluginFiles(const std::string& directory) {
  DIR* dir = opendir(directory.c_str());
  if (dir == nullptr) {
    return NotFound("plugin directory " + directory + ": cannot open");
  }
  std::vector<std::string> files;
  while (const dirent* e = readdir(dir)) {
    const std::string name = e->d_name;
    if (name.size() > 3 && name.ends_with(".so")) {
      files.push_back(directory + "/" + name);
    }
  }
  closedir(dir);
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace okr
