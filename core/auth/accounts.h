// Copyright 2026 The okrd Authors.
//
// Accounts: creating and managing users and API tokens, for the CLI
// (okrd user, okrd token) and for tests. Passwords are checked against the
// policy (password.h) and hashed with Argon2id; API tokens are "okrd_" plus
// 256 random bits, returned once and stored only as their hash.
//
// Ownership: borrows `store`, `clock` and `hasher`, which must outlive it.
// Threads: thread-safe.

#ifndef OKR_CORE_AUTH_ACCOUNTS_H_
#define OKR_CORE_AUTH_ACCOUNTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/password.h"
#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/store/auth_store.h"

namespace okr {

// Trims and lower-cases (ASCII) an e-mail address; InvalidArgument unless
// it looks like local@domain without spaces or control bytes and has at most
// 254 bytes.
Result<std::string> NormaliseEmail(std::string_view email);

struct NewApiToken {
  int64_t id = 0;
  std::string token;  // The only copy of the plaintext.
};

class Accounts {
 public:
  Accounts(Store* store, const Clock* clock, const PasswordHasher* hasher)
      : store_(store), clock_(clock), hasher_(hasher) {}

  // Creates a user; returns its id. InvalidArgument for a bad e-mail or
  // password, AlreadyExists for a known e-mail.
  Result<int64_t> CreateUser(std::string_view email, std::string_view password,
                             bool admin);
  // Sets a new password and ends the user's sessions. NotFound if unknown.
  Status SetPassword(std::string_view email, std::string_view password);
  // Deletes the user with their sessions and tokens. NotFound if unknown.
  Status RemoveUser(std::string_view email);
  Result<std::vector<UserRecord>> ListUsers();

  // A new API token for the user (NotFound if unknown). `name` is a label
  // for `okrd token list` (at most 100 bytes, no control bytes).
  Result<NewApiToken> CreateApiToken(std::string_view email,
                                     std::string_view name);
  Status RevokeApiToken(int64_t id);  // NotFound if unknown or revoked.
  Result<std::vector<ApiTokenRecord>> ListApiTokens();

 private:
  AuthStore store_;
  const Clock* clock_;
  const PasswordHasher* hasher_;
};

}  // namespace okr

#endif  // OKR_CORE_AUTH_ACCOUNTS_H_
