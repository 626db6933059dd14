// Copyright 2026 The okrd Authors.
//
// Feed settings from the configuration file, shared by `okrd feeds` and the
// server: the public base URL (a flag, else [server] base_url, else the
// fallback) and the [cadence] defaults. Pure.

#ifndef OKR_CLI_FEED_OPTIONS_H_
#define OKR_CLI_FEED_OPTIONS_H_

#include <optional>
#include <string>

#include "calendar/feeds.h"
#include "core/base/status.h"
#include "core/config/config.h"

namespace okr {

// `flag` if given, else config.base_url if set, else `fallback`; without
// trailing '/'. InvalidArgument unless it starts with http:// or https://
// (the message names the flag or the config key).
Result<std::string> FeedBaseUrl(const Config& config,
                                const std::optional<std::string>& flag,
                                const std::string& fallback);

// FeedOptions for `base_url` with the config's [cadence] defaults.
FeedOptions FeedOptionsFromConfig(const Config& config,
                                  const std::string& base_url);

}  // namespace okr

#endif  // OKR_CLI_FEED_OPTIONS_H_
