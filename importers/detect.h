// Copyright 2026 The okrd Authors.
//
// Which reader a file needs, decided from its content (zip parts, XML root,
// OLE signature) rather than its name, and reading a whole input file within
// Limits::max_input_bytes. Pure functions apart from the file read;
// thread-safe.

#ifndef OKR_IMPORTERS_DETECT_H_
#define OKR_IMPORTERS_DETECT_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/base/limits.h"
#include "core/base/result.h"

namespace okr {

enum class FileFormat { kCsv, kXlsx, kOds, kXml };

std::string_view FileFormatName(FileFormat format);  // "csv", "xlsx", ...
std::optional<FileFormat> ParseFileFormat(std::string_view name);

// The format of `bytes`. Errors (InvalidArgument naming `file_name`): a
// password-protected or legacy binary Office file, a zip that is neither
// XLSX nor ODS, XML that is not okrd's format, an empty file.
Result<FileFormat> DetectFileFormat(std::string_view bytes,
                                    std::string_view file_name);

// The whole file; ResourceExhausted when it is larger than
// limits.max_input_bytes (checked before reading), IoError when it cannot
// be read. "-" reads standard input (also capped).
Result<std::string> ReadInputFile(const std::string& path,
                                  const Limits& limits);

}  // namespace okr

#endif  // OKR_IMPORTERS_DETECT_H_
