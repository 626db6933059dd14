// Copyright 2026 The okrd Authors.
//
// Helpers shared by auth.cc and login.cc. Pure, thread-safe.

#ifndef OKR_CORE_AUTH_AUTH_INTERNAL_H_
#define OKR_CORE_AUTH_AUTH_INTERNAL_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/result.h"

namespace okr {

// A path safe to put in a Location header after login: one leading '/',
// then only letters, digits and "/-._~%@?=&+".
bool IsSafeRedirectPath(std::string_view path);

// Parses an application/x-www-form-urlencoded body ("a=1&b=x+y%21") into
// (name, value) pairs, decoding '+' and %XX. InvalidArgument, naming the
// field, for a malformed escape, more than `max_fields` fields, or a byte
// below 0x20 (raw or decoded) other than CR/LF/tab in values when
// `allow_line_breaks`.
Result<std::vector<std::pair<std::string, std::string>>> ParseFormBody(
    std::string_view body, bool allow_line_breaks, size_t max_fields = 64);

// The first value of `name` in `fields`, or "".
std::string FormValue(
    const std::vector<std::pair<std::string, std::string>>& fields,
    std::string_view name);

}  // namespace okr

#endif  // OKR_CORE_AUTH_AUTH_INTERNAL_H_
