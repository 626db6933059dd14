// Copyright 2026 The okrd Authors.

#include "tests/plugins/served_okrd.h"

#include <signal.h>

#include <catch2/catch.hpp>

namespace okr::testing {

constexpr char kNow[] = "OKRD_NOW=2026-11-24T10:00:00Z";

ServedOkrd::ServedOkrd(const std::vector<std::string>& extra,
                       const std::vector<std::string>& env)
    : db_(dir_.File("okrd.db")) {
  ProcessResult init =
      RunProcess({OKRD_BINARY, "init", "--example", "--db", db_}, {kNow});
  REQUIRE(init.exit_code == 0);
  std::vector<std::string> argv = {OKRD_BINARY, "serve",    "--db",
                                   db_,         "--listen", "127.0.0.1:0"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  std::vector<std::string> all_env = {kNow};
  all_env.insert(all_env.end(), env.begin(), env.end());
  child_ = std::make_unique<ChildProcess>(argv, all_env);
  for (int i = 0; i < 5 && port_ == 0; ++i) {
    const std::string line = child_->ReadLine(20000);
    const size_t at = line.find("http://127.0.0.1:");
    if (at != std::string::npos) port_ = std::stoi(line.substr(at + 17));
    if (line.empty()) break;
  }
  REQUIRE(port_ != 0);
}

ServedOkrd::~ServedOkrd() = default;

int ServedOkrd::Stop() {
  child_->Signal(SIGTERM);
  return child_->Wait();
}

}  // namespace okr::testing
