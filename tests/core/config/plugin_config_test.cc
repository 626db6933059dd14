// Copyright 2026 The okrd Authors.
//
// The [events], [webhook] and [metrics] sections (issue 7).

#include <catch2/catch.hpp>

#include "core/config/config.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

TEST_CASE("plugin sections are read and checked", "[config]") {
  auto c = ParseConfig(
      "[events]\nscan_seconds = 5\n"
      "[webhook]\nurls = http://a/x https://b/y\nsecret = s\nformat = slack\n"
      "timeout_ms = 250\nretries = 0\n[metrics]\nenabled = false\n",
      "okrd.conf");
  REQUIRE(c.ok());
  CHECK(c->event_scan_seconds == 5);
  CHECK(c->webhook_urls == "http://a/x https://b/y");
  CHECK(c->webhook_format == "slack");
  CHECK(c->webhook_timeout_ms == 250);
  CHECK(c->webhook_retries == 0);
  CHECK_FALSE(c->metrics_enabled);

  auto bad = ParseConfig(
      "[events]\nscan_seconds = 0\n[webhook]\nformat = xml\n"
      "[metrics]\nenabled = maybe\n",
      "okrd.conf");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() ==
        "okrd.conf:2: scan_seconds: expected a whole number from 1 to 86400\n"
        "okrd.conf:4: format: expected json, slack or mattermost\n"
        "okrd.conf:6: enabled: expected true or false");
}

TEST_CASE("the shipped file documents the plugin keys", "[config]") {
  const std::string text =
      testing::ReadFileOrEmpty(OKR_SOURCE_DIR "/packaging/okrd.conf");
  for (const char* key :
       {"scan_seconds", "urls", "secret",
        "format", "timeout_ms", "retries", "enabled"}) {
    CHECK(text.find(std::string("\n# ") + key + " =") != std::string::npos);
  }
}

}  // namespace
}  // namespace okr
