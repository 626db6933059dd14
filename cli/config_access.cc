// Copyright 2026 The okrd Authors.

#include "cli/config_access.h"

#include <cstdlib>
#include <string_view>
#include <utility>

#include "core/base/log.h"

namespace okr {

FlagSpec ConfigFlag() {
  return {"config", true,
          "configuration file (default: $OKRD_CONFIG, else none)", "PATH"};
}

Status LoadConfigInto(CliEnv* env) {
  std::string path = env->config_path;
  if (path.empty()) {
    const char* from_env = std::getenv("OKRD_CONFIG");
    if (from_env != nullptr) path = from_env;
  }
  if (path.empty()) return Status::Ok();
  OKR_ASSIGN_OR_RETURN(Config config, LoadConfig(path));
  if (config.database.empty()) {
    return InvalidArgument(path + ": [database] path is empty");
  }
  env->config_path = path;
  if (!env->db_path_given) env->db_path = config.database;
  SetMinLogLevel(config.log_level);
  env->config = std::move(config);
  return Status::Ok();
}

void PrintConfigError(std::FILE* err, const Status& status) {
  std::string_view text = status.message();
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const std::string line(text.substr(0, nl));
    std::fprintf(err, "okrd: %s\n", line.c_str());
    text = nl == std::string_view::npos ? "" : text.substr(nl + 1);
  }
}

}  // namespace okr
