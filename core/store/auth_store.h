// Copyright 2026 The okrd Authors.
//
// AuthStore: the account rows in the Store's database (schema version 3):
// users, login sessions and API tokens. It borrows the Store's connections
// and follows its discipline: every change is one BEGIN IMMEDIATE
// transaction on the writer connection under the Store's write mutex; reads
// use a pooled read-only connection.
//
// It stores what it is given: password hashes are PHC strings made by
// PasswordHasher, session ids and API tokens arrive already hashed
// (core/auth/secret.h). E-mails must already be normalised (lower case);
// the schema refuses others. Lookups by hash are indexed; callers compare
// the returned hash in constant time.
//
// Ownership: borrows `store`, which must outlive it. Threads: thread-safe.

#ifndef OKR_CORE_STORE_AUTH_STORE_H_
#define OKR_CORE_STORE_AUTH_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/civil_time.h"
#include "core/base/result.h"
#include "core/store/store.h"

namespace okr {

struct UserRecord {
  int64_t id = 0;
  std::string email;
  std::string password_hash;  // "" for an account without a local password.
  bool admin = false;
  UnixSeconds created_at = 0;
};

struct SessionRecord {
  std::string id_hash;
  UserRecord user;
  UnixSeconds created_at = 0;
  UnixSeconds last_seen_at = 0;
};

struct ApiTokenRecord {
  int64_t id = 0;
  std::string token_hash;
  int64_t user_id = 0;
  std::string email;
  bool admin = false;
  std::string name;
  UnixSeconds created_at = 0;
  std::optional<UnixSeconds> last_used_at;
  std::optional<UnixSeconds> revoked_at;
};

class AuthStore {
 public:
  explicit AuthStore(Store* store) : store_(store) {}

  // Users. AddUser: AlreadyExists for a known e-mail. SetPasswordHash also
  // ends every session of the user. NotFound for an unknown e-mail.
  Result<int64_t> AddUser(std::string_view email,
                          std::string_view password_hash, bool admin,
                          UnixSeconds now);
  Status SetPasswordHash(std::string_view email, std::string_view hash);
  Status RemoveUser(std::string_view email);  // Cascades to sessions, tokens.
  Result<std::optional<UserRecord>> FindUser(std::string_view email);
  Result<std::vector<UserRecord>> ListUsers();  // By e-mail.

  // Sessions, keyed by the hash of their id.
  Status AddSession(std::string_view id_hash, int64_t user_id,
                    UnixSeconds now);
  Result<std::optional<SessionRecord>> FindSession(std::string_view id_hash);
  Status TouchSession(std::string_view id_hash, UnixSeconds now);
  Status DeleteSession(std::string_view id_hash);
  // Deletes sessions idle since before `idle_before` or created before
  // `created_before`; returns how many.
  Result<int64_t> DeleteExpiredSessions(UnixSeconds idle_before,
                                        UnixSeconds created_before);

  // API tokens. RevokeApiToken: NotFound for an unknown or revoked id.
  Result<int64_t> AddApiToken(int64_t user_id, std::string_view name,
                              std::string_view token_hash, UnixSeconds now);
  Status RevokeApiToken(int64_t id, UnixSeconds now);
  // The active (not revoked) token with this hash, or nullopt.
  Result<std::optional<ApiTokenRecord>> FindActiveApiToken(
      std::string_view token_hash);
  Status TouchApiToken(int64_t id, UnixSeconds now);
  Result<std::vector<ApiTokenRecord>> ListApiTokens();  // Revoked too, by id.

 private:
  // Runs `body(db)` in one write transaction under the write mutex.
  template <typename F>
  Status Write(F body);
  // Runs `body(db)` on a pooled reader.
  template <typename F>
  Status Read(F body);

  Store* store_;
};

}  // namespace okr

#endif  // OKR_CORE_STORE_AUTH_STORE_H_
