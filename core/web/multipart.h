// Copyright 2026 The okrd Authors.
//
// A strict multipart/form-data parser (RFC 7578) for the admin upload. The
// whole body is already in memory (capped by the server); parts are views
// into it, so nothing is copied. Refused, as InvalidArgument saying what:
// a missing or malformed boundary, a preamble, a part without
// "Content-Disposition: form-data; name=...", a header block over 8 KiB or
// with a NUL or other control byte, a missing closing delimiter, more than
// `max_parts` parts. Part bodies may hold any bytes (files are binary).
// Pure; thread-safe.

#ifndef OKR_CORE_WEB_MULTIPART_H_
#define OKR_CORE_WEB_MULTIPART_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace okr::web {

struct MultipartPart {
  std::string name;          // The form field.
  std::string filename;      // Empty for plain fields.
  std::string content_type;  // As sent, or empty.
  std::string_view body;     // Into the parsed body.
};

// The boundary parameter of a "multipart/form-data; boundary=..." value
// (quoted or not, 1 to 70 characters of RFC 2046's set).
Result<std::string> MultipartBoundary(std::string_view content_type);

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body,
                                                  std::string_view boundary,
                                                  size_t max_parts = 16);

// The first part named `name`, or nullptr.
const MultipartPart* FindPart(const std::vector<MultipartPart>& parts,
                              std::string_view name);

}  // namespace okr::web

#endif  // OKR_CORE_WEB_MULTIPART_H_
