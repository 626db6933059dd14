// Copyright 2026 The okrd Authors.
//
// For the shipped-plugin tests: the real okrd binary serving an example
// database with plugins loaded, on a loopback port.

#ifndef OKR_TESTS_PLUGINS_SERVED_OKRD_H_
#define OKR_TESTS_PLUGINS_SERVED_OKRD_H_

#include <memory>
#include <string>
#include <vector>

#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr::testing {

// A shipped plugin built with the project: "okrd_metrics" -> its .so path.
inline std::string PluginPath(const std::string& name) {
  return std::string(OKR_PLUGIN_DIR) + "/" + name + ".so";
}

class ServedOkrd {
 public:
  // `extra`: more arguments for `okrd serve` (e.g. --plugin PATH).
  explicit ServedOkrd(const std::vector<std::string>& extra,
                      const std::vector<std::string>& env = {});
  ~ServedOkrd();
  int port() const { return port_; }
  const std::string& db() const { return db_; }
  // Stops the server (SIGTERM) and returns its exit code.
  int Stop();
  std::string Stderr() const { return child_->Stderr(); }

 private:
  TempDir dir_;
  std::string db_;
  std::unique_ptr<ChildProcess> child_;
  int port_ = 0;
};

}  // namespace okr::testing

#endif  // OKR_TESTS_PLUGINS_SERVED_OKRD_H_
