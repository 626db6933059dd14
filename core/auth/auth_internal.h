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

}  // namespace okr

#endif  // OKR_CORE_AUTH_AUTH_INTERNAL_H_
