// Copyright 2026 The okrd Authors.

#include "cli/feed_options.h"

namespace okr {

Result<std::string> FeedBaseUrl(const Config& config,
                                const std::optional<std::string>& flag,
                                const std::string& fallback) {
  std::string url = flag ? *flag : !config.base_url.empty() ? config.base_url
                                                            : fallback;
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (!url.starts_with("https://") && !url.starts_with("http://")) {
    return InvalidArgument(
        std::string(flag ? "--base-url" : "[server] base_url") +
        " must start with https:// or http://, not \"" + url + "\"");
  }
  return url;
}

FeedOptions FeedOptionsFromConfig(const Config& config,
                                  const std::string& base_url) {
  FeedOptions options;
  options.status_base_url = base_url;
  options.cadence = CadenceConfigFrom(config.cadence);
  options.risk = config.risk;
  return options;
}

}  // namespace okr
