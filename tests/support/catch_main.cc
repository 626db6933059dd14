// Copyright 2026 The okrd Authors.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
