// Copyright 2026 The okrd Authors.
//
// Reading a new password for `okrd user add|passwd`: from the terminal with
// echo off, asked twice, when stdin is a terminal; else the first line of
// stdin (for scripts: `printf '%s\n' "$PW" | okrd user add ...`).

#ifndef OKR_CLI_PASSWORD_PROMPT_H_
#define OKR_CLI_PASSWORD_PROMPT_H_

#include <cstdio>
#include <string>

#include "core/base/result.h"

namespace okr {

// Prompts on `prompt_to` (stderr) only for a terminal. InvalidArgument when
// the two entries differ or stdin is empty.
Result<std::string> ReadNewPassword(std::FILE* prompt_to);

}  // namespace okr

#endif  // OKR_CLI_PASSWORD_PROMPT_H_
