// Copyright 2026 The okrd Authors.

#include "core/base/file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace okr {

Result<std::string> ReadWholeFile(const std::string& path, int64_t max_bytes,
                                  std::string_view limit_name) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) return IoError(path + ": " + std::strerror(errno));
  std::string data;
  char chunk[1 << 14];
  size_t n = 0;
  Status status;
  while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0) {
    data.append(chunk, n);
    if (static_cast<int64_t>(data.size()) > max_bytes) {
      status = ResourceExhausted(path + ": larger than " +
                                 std::string(limit_name) + " (" +
                                 std::to_string(max_bytes) + ")");
      break;
    }
  }
  if (status.ok() && std::ferror(f)) status = IoError(path + ": read error");
  if (f != stdin) std::fclose(f);
  if (!status.ok()) return status;
  return data;
}

}  // namespace okr
