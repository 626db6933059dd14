// Copyright 2026 The okrd Authors.

#include "core/base/status.h"

#include <catch2/catch.hpp>
#include <string>

#include "core/base/result.h"

namespace okr {
namespace {

Result<int> ParsePositive(int v) {
  if (v <= 0) return InvalidArgument("value " + std::to_string(v) + " is not positive");
  return v;
}

Result<int> Doubled(int v) {
  OKR_ASSIGN_OR_RETURN(int x, ParsePositive(v));
  return 2 * x;
}

Status Check(int v) {
  OKR_RETURN_IF_ERROR(ParsePositive(v).status());
  return Status::Ok();
}

TEST_CASE("Status default is OK and carries no message") {
  Status s;
  CHECK(s.ok());
  CHECK(s.code() == StatusCode::kOk);
  CHECK(s.message().empty());
  CHECK(s.ToString() == "OK");
}

TEST_CASE("Status error keeps code and message, prefix composes") {
  Status s = NotFound("no key result \"kr-9\"");
  CHECK_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kNotFound);
  CHECK(s.WithPrefix("checkin").message() == "checkin: no key result \"kr-9\"");
  CHECK(Status().WithPrefix("x").ok());
  CHECK(StatusCodeName(StatusCode::kCorruption) == "corruption");
}

TEST_CASE("Status constructed with kOk is OK whatever the message") {
  CHECK(Status(StatusCode::kOk, "ignored").ok());
}

TEST_CASE("Result holds a value or an error and the macros propagate") {
  Result<int> good = Doubled(21);
  REQUIRE(good.ok());
  CHECK(*good == 42);
  Result<int> bad = Doubled(-1);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().message() == "value -1 is not positive");
  CHECK(Check(3).ok());
  CHECK(Check(0).code() == StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace okr
