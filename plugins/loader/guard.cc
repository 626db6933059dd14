// Copyright 2026 The okrd Authors.

#include "plugins/loader/guard.h"

#include <cstring>

#include "core/base/log.h"

namespace okr {

std::string_view CodeName(int32_t code) {
  switch (code) {
    case OKR_OK:
      return "ok";
    case OKR_E_INVALID_INPUT:
      return "invalid input";
    case OKR_E_UNSUPPORTED:
      return "unsupported";
    case OKR_E_LIMIT:
      return "limit reached";
    case OKR_E_CONFIG:
      return "bad configuration";
    case OKR_E_UNAVAILABLE:
      return "remote end unavailable";
    case OKR_E_INTERNAL:
      return "internal error";
    default:
      return "";
  }
}

Status CodeStatus(const std::string& what, int32_t code) {
  if (code == OKR_OK) return Status::Ok();
  std::string_view name = CodeName(code);
  if (name.empty()) {
    return Internal(what + ": returned " + std::to_string(code) +
                    ", which is not an okr_plugin.h code (garbage)");
  }
  if (code == OKR_E_INVALID_INPUT || code == OKR_E_CONFIG) {
    return InvalidArgument(what + ": " + std::string(name));
  }
  if (code == OKR_E_UNAVAILABLE)
    return Unavailable(what + ": " + std::string(name));
  return Internal(what + ": " + std::string(name));
}

bool StructHolds(uint32_t size, size_t end) {
  return size <= kMaxStructSize && size >= end;
}

std::string FromCString(const char* s, size_t max) {
  if (s == nullptr) return "";
  return std::string(s, strnlen(s, max));
}

namespace {

void HostLog(const okr_host* /*host*/, int32_t level, okr_str msg) {
  const std::string text = "plugin: " + FromOkrStr(msg);
  if (level >= OKR_SEV_ERROR) {
    LogError(text);
  } else if (level == OKR_SEV_WARNING) {
    LogWarn(text);
  } else {
    LogInfo(text);
  }
}

}  // namespace

const okr_host* HostServices() {
  static const okr_host kHost = {sizeof(okr_host), OKR_ABI_MAJOR, OKR_ABI_MINOR,
                                 nullptr, HostLog};
  return &kHost;
}

}  // namespace okr
