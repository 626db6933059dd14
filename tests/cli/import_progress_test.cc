// Copyright 2026 The okrd Authors.
//
// The import progress bar, seen for real: okrd runs on a pseudo-terminal
// (forkpty) for the terminal case and on pipes (RunProcess) for the other.

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/progress_bar.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::ProcessResult;
using testing::TempDir;

const std::vector<std::string> kEnv = {"OKRD_NOW=2026-11-24T10:00:00Z",
                                       "OKRD_DB="};

// Runs okrd with stdout and stderr on one pseudo-terminal; returns what the
// terminal received and the exit status.
ProcessResult RunOnTerminal(std::vector<std::string> args) {
  args.insert(args.begin(), OKRD_BINARY);
  int master = -1;
  const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    for (const std::string& e : kEnv) putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  ProcessResult r;
  char buf[4096];
  for (;;) {
    const ssize_t n = read(master, buf, sizeof buf);
    if (n > 0) {
      r.out.append(buf, static_cast<size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO: the child closed the terminal.
    }
  }
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A CSV of `rows` key results with a long Notes column (ignored by the
// mapper) to make up the size: 4,400 rows are above the bar's 4 MB.
std::string Csv(int rows) {
  const std::string notes(950, 'n');
  std::string csv =
      "Cycle,Unit,Objective,Key result,Owner,Start,Target,Current,Notes\n";
  for (int i = 0; i < rows; ++i) {
    csv += "2026-Q4,halden,Objective " + std::to_string(i / 4) + ",Result " +
           std::to_string(i) + ",amara.okafor@halden-health.example,0,10,3," +
           notes + "\n";
  }
  return csv;
}

// What a bar wrote to a temporary file.
std::string Written(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string out;
  char buf[256];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return out;
}

TEST_CASE("the bar redraws only a new percentage and erases itself",
          "[cli]") {
  std::FILE* f = std::tmpfile();
  REQUIRE(f != nullptr);
  {
    ProgressBar bar(f, "reading x.csv", /*enabled=*/true);
    bar.Update(42, 100);
    bar.Update(420, 1000);  // Same percentage: not drawn again.
    bar.Update(0, 0);       // No total: ignored.
  }
  CHECK(Written(f) == "\rokrd import: reading x.csv  42% [============>"
                      "                 ]\r\x1b[K");
  std::fclose(f);

  std::FILE* g = std::tmpfile();
  REQUIRE(g != nullptr);
  {
    ProgressBar off(g, "reading x.csv", /*enabled=*/false);
    off.Update(50, 100);
  }
  CHECK(Written(g).empty());
  std::fclose(g);
}

TEST_CASE("a large import shows a progress bar on a terminal, never on a pipe",
          "[cli]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(testing::RunProcess({OKRD_BINARY, "init", "--example", "--db", db},
                              kEnv).exit_code == 0);
  const std::string big = dir.File("big.csv");
  REQUIRE(testing::WriteFile(big, Csv(4400)));
  const std::string bar = "okrd import: reading " + big;

  ProcessResult tty = RunOnTerminal({"import", big, "--dry-run", "--db", db});
  INFO(tty.out.substr(0, 2000));
  CHECK(tty.exit_code == 0);
  CHECK(Contains(tty.out, "\r" + bar + "   0% ["));  // Drawn in place.
  CHECK(Contains(tty.out, "\r\x1b[K"));              // And erased.
  CHECK(Contains(tty.out, "dry run: nothing was written"));

  ProcessResult piped = testing::RunProcess(
      {OKRD_BINARY, "import", big, "--dry-run", "--db", db}, kEnv);
  CHECK(piped.exit_code == 0);
  CHECK(Contains(piped.out, "dry run: nothing was written"));
  CHECK_FALSE(Contains(piped.err, "okrd import: reading"));
  CHECK_FALSE(Contains(piped.err, "\r"));

  // A small file on a terminal: no bar.
  const std::string small = dir.File("small.csv");
  REQUIRE(testing::WriteFile(small, Csv(20)));
  ProcessResult small_tty =
      RunOnTerminal({"import", small, "--dry-run", "--db", db});
  CHECK(small_tty.exit_code == 0);
  CHECK_FALSE(Contains(small_tty.out, "okrd import: reading"));
}

}  // namespace
}  // namespace okr
