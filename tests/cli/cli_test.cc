// Copyright 2026 The okrd Authors.

#include <catch2/catch.hpp>

TEST_CASE("placeholder until the CLI lands") { CHECK(OKRD_BINARY[0] == '/'); }
