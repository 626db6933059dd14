// Copyright 2026 The okrd Authors.

#include "tests/support/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>

#include "tests/support/temp_dir.h"

extern char** environ;

namespace okr::testing {
namespace {

std::vector<std::string> MergedEnv(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);
  for (const std::string& kv : extra) {
    const std::string name = kv.substr(0, kv.find('=') + 1);
    std::erase_if(env, [&](const std::string& s) { return s.rfind(name, 0) == 0; });
    if (kv.size() > name.size()) env.push_back(kv);
  }
  return env;
}

std::vector<char*> CStrings(std::vector<std::string>& v) {
  std::vector<char*> out;
  for (std::string& s : v) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Forks and execs with the given fds as stdin/stdout/stderr.
pid_t Spawn(std::vector<std::string> argv, const std::vector<std::string>& env,
            int in_fd, int out_fd, int err_fd) {
  std::vector<std::string> merged = MergedEnv(env);
  std::vector<char*> cargv = CStrings(argv);
  std::vector<char*> cenv = CStrings(merged);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    execve(cargv[0], cargv.data(), cenv.data());
    _exit(127);
  }
  return pid;
}

int DecodeStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::vector<std::string>& env,
                         const std::string& input) {
  TempDir dir;
  const std::string in_path = dir.File("in"), out_path = dir.File("out"),
                    err_path = dir.File("err");
  WriteFile(in_path, input);
  const int in = open(in_path.c_str(), O_RDONLY | O_CLOEXEC);
  const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  const pid_t pid = Spawn(argv, env, in, out, err);
  close(in);
  close(out);
  close(err);
  int status = 0;
  waitpid(pid, &status, 0);
  return {DecodeStatus(status), ReadFileOrEmpty(out_path),
          ReadFileOrEmpty(err_path)};
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::vector<std::string>& env) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) std::abort();
  char templ[] = "/tmp/okrd-child-err-XXXXXX";
  const int err = mkostemp(templ, O_CLOEXEC);
  err_path_ = templ;
  const int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
  pid_ = Spawn(argv, env, in, pipe_fds[1], err);
  close(in);
  close(err);
  close(pipe_fds[1]);
  out_fd_ = pipe_fds[0];
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    Wait();
  }
  if (out_fd_ >= 0) close(out_fd_);
  unlink(err_path_.c_str());
}

std::string ChildProcess::ReadLine(int timeout_ms) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const size_t nl = buffer_.find('\n');
    if (nl != std::string::npos) {
      std::string line = buffer_.substr(0, nl);
      buffer_.erase(0, nl + 1);
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return "";
    pollfd p{out_fd_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return "";
    char chunk[4096];
    const ssize_t n = read(out_fd_, chunk, sizeof chunk);
    if (n <= 0) return "";
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

void ChildProcess::Signal(int signal_number) {
  if (pid_ > 0) kill(pid_, signal_number);
}

int ChildProcess::Wait() {
  if (pid_ <= 0) return -1;
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return DecodeStatus(status);
}

std::string ChildProcess::Stderr() const { return ReadFileOrEmpty(err_path_); }

int ServedPort(ChildProcess* server) {
  for (int i = 0; i < 5; ++i) {
    const std::string line = server->ReadLine(20000);
    const size_t at = line.find("http://127.0.0.1:");
    if (at != std::string::npos) return std::stoi(line.substr(at + 17));
    if (line.empty()) break;
  }
  return 0;
}

}  // namespace okr::testing
