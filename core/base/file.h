// Copyright 2026 The okrd Authors.
//
// Reading a whole file into memory, bounded. Thread-safe.

#ifndef OKR_CORE_BASE_FILE_H_
#define OKR_CORE_BASE_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace okr {

// The contents of `path` ("-" is standard input). IoError naming the path
// when it cannot be read; ResourceExhausted naming `limit_name` when it is
// larger than `max_bytes` (it stops reading there).
Result<std::string> ReadWholeFile(const std::string& path, int64_t max_bytes,
                                  std::string_view limit_name);

}  // namespace okr

#endif  // OKR_CORE_BASE_FILE_H_
