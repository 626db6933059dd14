// Copyright 2026 The okrd Authors.

#include "core/base/secret.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

namespace okr {
namespace {

TEST_CASE("secrets: 256 bits, well-formed, hashed", "[base]") {
  const std::string a = NewSecret("okrd_"), b = NewSecret("okrd_");
  CHECK(a != b);
  CHECK(IsWellFormedSecret(a, "okrd_"));
  CHECK(!IsWellFormedSecret(a, "feed_"));
  CHECK(!IsWellFormedSecret(a.substr(0, a.size() - 1), "okrd_"));
  CHECK(!IsWellFormedSecret(a + "=", "okrd_"));
  CHECK(!IsWellFormedSecret("okrd_" + std::string(43, '+'), "okrd_"));
  CHECK(HashSecret(a).size() == 64);
  CHECK(HashSecret(a) == HashSecret(a));
  CHECK(HashSecret(a) != HashSecret(b));
  // BLAKE2b-256 of "" (RFC 7693 / libsodium test vector).
  CHECK(HashSecret("") ==
        "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  CHECK(KeyedHash("k", a) != HashSecret(a));
  CHECK(KeyedHash(std::string(100, 'k'), a).size() == 64);
  CHECK(ConstantTimeEquals("abc", "abc"));
  CHECK(!ConstantTimeEquals("abc", "abd"));
  CHECK(!ConstantTimeEquals("abc", "abcd"));
}

TEST_CASE("UUIDs: version 4, random, lower-case hex", "[base]") {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string u = NewUuidV4();
    REQUIRE(u.size() == 36);
    for (size_t k = 0; k < u.size(); ++k) {
      INFO(u << " at " << k);
      if (k == 8 || k == 13 || k == 18 || k == 23) {
        CHECK(u[k] == '-');
      } else {
        CHECK(std::string("0123456789abcdef").find(u[k]) != std::string::npos);
      }
    }
    CHECK(u[14] == '4');
    CHECK(std::string("89ab").find(u[19]) != std::string::npos);
    seen.insert(u);
  }
  CHECK(seen.size() == 100);
}

}  // namespace
}  // namespace okr
