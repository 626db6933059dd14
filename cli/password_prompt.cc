// Copyright 2026 The okrd Authors.

#include "cli/password_prompt.h"

#include <termios.h>
#include <unistd.h>

#include <optional>

#include <string>

#include "core/auth/password.h"

namespace okr {
namespace {

// Echo off on stdin while alive (RAII over the terminal settings).
class NoEcho {
 public:
  NoEcho() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~NoEcho() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  NoEcho(const NoEcho&) = delete;
  NoEcho& operator=(const NoEcho&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

// One line of stdin without its line break; nullopt at end of input.
// Reads at most kMaxPasswordBytes + 1 bytes of it, so the policy check sees
// an over-long password as too long.
std::optional<std::string> ReadLine() {
  std::string line;
  int c;
  bool any = false;
  while ((c = std::fgetc(stdin)) != EOF) {
    any = true;
    if (c == '\n') break;
    if (line.size() <= kMaxPasswordBytes) line.push_back(static_cast<char>(c));
  }
  if (!any) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

Result<std::string> ReadNewPassword(std::FILE* prompt_to) {
  if (!isatty(STDIN_FILENO)) {
    std::optional<std::string> line = ReadLine();
    if (!line) return InvalidArgument("no password on stdin");
    return *line;
  }
  std::optional<std::string> first, second;
  {
    NoEcho quiet;
    std::fputs("New password: ", prompt_to);
    std::fflush(prompt_to);
    first = ReadLine();
    std::fputs("\nRepeat it: ", prompt_to);
    std::fflush(prompt_to);
    second = ReadLine();
    std::fputs("\n", prompt_to);
  }
  if (!first || !second) return InvalidArgument("no password entered");
  if (*first != *second) return InvalidArgument("the passwords differ");
  return *first;
}

}  // namespace okr
