// Copyright 2026 The okrd Authors.
//
// Running the real okrd binary from tests: to completion with captured
// output, or in the background (for `serve`) with line reads from its
// stdout and a signal to stop it. POSIX only.

#ifndef OKR_TESTS_SUPPORT_SUBPROCESS_H_
#define OKR_TESTS_SUPPORT_SUBPROCESS_H_

#include <string>
#include <sys/types.h>
#include <vector>

namespace okr::testing {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal number when killed by a signal.
  std::string out;
  std::string err;
};

// Runs argv[0] (a path) with argv, the current environment plus `env`
// ("NAME=value" entries; "NAME=" removes NAME), and `input` on stdin.
ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::vector<std::string>& env = {},
                         const std::string& input = "");

// A child running in the background. The destructor kills it (SIGKILL) if
// it is still running.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv,
               const std::vector<std::string>& env = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The next line of stdout without its newline; "" on EOF or after
  // `timeout_ms` without a whole line.
  std::string ReadLine(int timeout_ms);
  void Signal(int signal_number);
  // Waits for exit; returns the exit code as ProcessResult does.
  int Wait();
  // Whatever the child wrote to stderr so far (after Wait: all of it).
  std::string Stderr() const;

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string err_path_;
  std::string buffer_;
};

// Reads the "serving ... on http://127.0.0.1:PORT/" line of `okrd serve`
// (skipping up to four other lines); returns PORT, or 0 when the server
// exits or stays silent for 20 s.
int ServedPort(ChildProcess* server);

}  // namespace okr::testing

#endif  // OKR_TESTS_SUPPORT_SUBPROCESS_H_
