// Copyright 2026 The okrd Authors.
//
// Pure parts of core/auth: the Argon2id concurrency bound, secrets and
// their hashes, the login rate limiter, address ranges, the form parser,
// cookies, e-mail normalisation and the password policy.

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/auth/accounts.h"
#include "core/auth/address.h"
#include "core/auth/auth.h"
#include "core/auth/auth_internal.h"
#include "core/auth/password.h"
#include "core/auth/rate_limiter.h"
#include "tests/core/server/log_capture.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

TEST_CASE("Argon2id: hashes verify, and at most N run at once", "[auth]") {
  PasswordHasher hasher(2);
  auto hash = hasher.Hash("correct horse battery");
  REQUIRE(hash.ok());
  CHECK(hash->rfind("$argon2id$", 0) == 0);
  CHECK(hash->find("m=65536,t=2") != std::string::npos);  // INTERACTIVE.
  CHECK(hasher.Verify(*hash, "correct horse battery"));
  CHECK(!hasher.Verify(*hash, "correct horse batterY"));
  CHECK(!hasher.Verify("not a hash", "x"));
  CHECK(!PasswordHasher::NeedsRehash(*hash));
  // Same password, new salt.
  CHECK(*hasher.Hash("correct horse battery") != *hash);

  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&hasher, i] {
      (void)hasher.Verify(*hasher.Hash("password number " + std::to_string(i)),
                          "x");
    });
  }
  for (auto& t : threads) t.join();
  CHECK(hasher.peak_concurrent() == 2);  // Reached, never exceeded.
}

TEST_CASE("password policy", "[auth]") {
  CHECK(CheckPasswordPolicy("ten chars!").ok());
  CHECK(!CheckPasswordPolicy("nine char").ok());
  CHECK(CheckPasswordPolicy("ääääääääää").ok());  // Characters, not bytes.
  CHECK(!CheckPasswordPolicy(std::string("long enough\0x", 13)).ok());
  CHECK(!CheckPasswordPolicy("long enough\npassword").ok());
  CHECK(!CheckPasswordPolicy(std::string(kMaxPasswordBytes + 1, 'a')).ok());
}

TEST_CASE("rate limiter: a window per key, bounded memory", "[auth]") {
  LoginRateLimiter limiter(3, 60, 4);
  CHECK(limiter.RetryAfter("a", 1000) == 0);
  limiter.RecordFailure("a", 1000);
  limiter.RecordFailure("a", 1010);
  CHECK(limiter.RetryAfter("a", 1010) == 0);
  limiter.RecordFailure("a", 1020);
  CHECK(limiter.RetryAfter("a", 1020) == 40);
  CHECK(limiter.RetryAfter("b", 1020) == 0);
  CHECK(limiter.RetryAfter("a", 1059) == 1);
  CHECK(limiter.RetryAfter("a", 1060) == 0);
  // A new window starts with the next failure.
  limiter.RecordFailure("a", 1061);
  CHECK(limiter.RetryAfter("a", 1061) == 0);
  limiter.Reset("a");
  CHECK(limiter.tracked_keys() == 0);
  // Attempt counts up front; Undo takes one back.
  CHECK(limiter.Attempt("c", 3000) == 0);
  CHECK(limiter.Attempt("c", 3000) == 0);
  limiter.Undo("c");
  CHECK(limiter.Attempt("c", 3000) == 0);
  CHECK(limiter.Attempt("c", 3000) == 0);
  CHECK(limiter.Attempt("c", 3000) == 60);
  limiter.Reset("c");
  for (int i = 0; i < 100; ++i) limiter.RecordFailure("k" + std::to_string(i), 2000 + i);
  CHECK(limiter.tracked_keys() == 4);
}

TEST_CASE("address ranges for trusted proxies", "[auth]") {
  auto ranges = ParseAddressRanges({"10.0.0.0/8", "192.168.1.7", "fd00::/8"});
  REQUIRE(ranges.ok());
  CHECK(AddressInRanges("10.200.3.4", *ranges));
  CHECK(!AddressInRanges("11.0.0.1", *ranges));
  CHECK(AddressInRanges("192.168.1.7", *ranges));
  CHECK(!AddressInRanges("192.168.1.8", *ranges));
  CHECK(AddressInRanges("fd12::1", *ranges));
  CHECK(!AddressInRanges("fe80::1", *ranges));
  CHECK(!AddressInRanges("", *ranges));
  CHECK(!AddressInRanges("10.0.0.1x", *ranges));
  auto odd = ParseAddressRanges({"10.1.2.3/12"});
  REQUIRE(odd.ok());
  CHECK(AddressInRanges("10.15.255.255", *odd));
  CHECK(!AddressInRanges("10.16.0.0", *odd));
  CHECK(ParseAddressRanges({"0.0.0.0/0"}).ok());
  for (const char* bad : {"10.0.0.0/33", "10.0.0", "example.org", "10.0.0.0/", "::1/129"}) {
    INFO(bad);
    CHECK(!ParseAddressRange(bad).ok());
  }
}

TEST_CASE("cookies and e-mails", "[auth]") {
  CHECK(FindCookie("a=1; okrd_session=xyz; b=2", "okrd_session") == "xyz");
  CHECK(FindCookie("okrd_session=\"q\"", "okrd_session") == "q");
  CHECK(!FindCookie("okrd_sessionx=1", "okrd_session"));
  CHECK(!FindCookie("okrd_session=1; okrd_session=2", "okrd_session"));
  CHECK(*NormaliseEmail("  Ann@Example.ORG ") == "ann@example.org");
  for (const char* bad : {"", "ann", "@x", "ann@", "a b@x", "a@b@c", "a\x01@x"}) {
    INFO(bad);
    CHECK(!NormaliseEmail(bad).ok());
  }
  CHECK(IsSafeRedirectPath("/people/ann%40example.org?cycle=2026-Q4"));
  CHECK(!IsSafeRedirectPath("//evil.example"));
  CHECK(!IsSafeRedirectPath("https://evil.example"));
  CHECK(!IsSafeRedirectPath("/\\evil"));
  CHECK(!IsSafeRedirectPath("/a\r\nSet-Cookie:x"));
}

TEST_CASE("auth options are validated", "[auth]") {
  AuthOptions o;
  CHECK(ValidateAuthOptions(o).ok());
  o.proxy_header = "X-Forwarded-Email";
  CHECK(!ValidateAuthOptions(o).ok());  // No trusted proxy.
  o.trusted_proxies = {"127.0.0.1"};
  CHECK(ValidateAuthOptions(o).ok());
  o.trusted_proxies = {"localhost"};
  CHECK(!ValidateAuthOptions(o).ok());
}

TEST_CASE("read_access = login without any account is logged", "[auth]") {
  testing::TempDir dir;
  auto store = Store::Open(dir.File("okrd.db"), {.create_if_missing = true});
  REQUIRE(store.ok());
  FixedClock clock(0);
  AuthOptions o;
  o.login_to_read = true;
  {
    testing::LogCapture log;
    Auth auth(store->get(), &clock, o);
    CHECK(log.Text().find("no account yet") != std::string::npos);
  }
  PasswordHasher hasher(1);
  Accounts accounts(store->get(), &clock, &hasher);
  REQUIRE(accounts.CreateUser("ann@example.org", "long enough!", false).ok());
  testing::LogCapture log;
  Auth auth(store->get(), &clock, o);
  CHECK(log.Text().find("no account yet") == std::string::npos);
}

}  // namespace
}  // namespace okr
