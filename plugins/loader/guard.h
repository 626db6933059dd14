// Copyright 2026 The okrd Authors.
//
// Calling into plugin code: every call goes through Guarded(), which turns
// a C++ exception that escaped the plugin into a Status instead of letting
// it unwind through the host; CodeStatus() turns OKR_* codes, and garbage
// ones, into Status. The host services a plugin gets (HostServices()).
// A crash (SIGSEGV) cannot be guarded in-process: `okrd plugin check` runs
// a plugin in a child for that. Thread-safe.

#ifndef OKR_PLUGINS_LOADER_GUARD_H_
#define OKR_PLUGINS_LOADER_GUARD_H_

#include <cstddef>
#include <exception>
#include <string>
#include <string_view>
#include <utility>

#include "core/base/result.h"
#include "okr_plugin.h"

namespace okr {

// Runs f(); an exception from inside becomes Internal("<what>: threw ...").
template <typename F>
auto Guarded(const std::string& what, F&& f) -> Result<decltype(f())> {
  try {
    return std::forward<F>(f)();
  } catch (const std::exception& e) {
    return Internal(what + ": threw an exception across the plugin ABI (" +
                    e.what() + ")");
  } catch (...) {
    return Internal(what + ": threw an exception across the plugin ABI");
  }
}

// OKR_OK -> Ok; known codes -> their meaning; others -> "garbage".
Status CodeStatus(const std::string& what, int32_t code);
std::string_view CodeName(int32_t code);

// True when a struct of `size` bytes holds the field ending at `end`.
// Sizes above 64 KiB are garbage.
bool StructHolds(uint32_t size, size_t end);
inline constexpr uint32_t kMaxStructSize = 64 * 1024;

#define OKR_FIELD_END(type, field) \
  (offsetof(type, field) + sizeof(((type*)0)->field))

const okr_host* HostServices();

inline okr_str ToOkrStr(std::string_view s) { return {s.data(), s.size()}; }
inline std::string FromOkrStr(okr_str s) {
  return s.ptr == nullptr ? std::string() : std::string(s.ptr, s.len);
}
// A NUL-terminated C string from a plugin, bounded; "" for NULL.
std::string FromCString(const char* s, size_t max = 1024);

}  // namespace okr

#endif  // OKR_PLUGINS_LOADER_GUARD_H_
