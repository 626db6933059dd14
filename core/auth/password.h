// Copyright 2026 The okrd Authors.
//
// PasswordHasher: Argon2id password hashes (libsodium crypto_pwhash_str with
// the INTERACTIVE limits: 64 MiB, 2 passes, about 160 ms on a small VM),
// with at most `max_concurrent` hashes computed at once so that a burst of
// logins cannot take the machine's memory (64 MiB each). Callers beyond the
// bound wait their turn.
//
// Threads: thread-safe. Every call may block for the hash time plus the
// wait for a slot.

#ifndef OKR_CORE_AUTH_PASSWORD_H_
#define OKR_CORE_AUTH_PASSWORD_H_

#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace okr {

// Passwords shorter than this are refused by CheckPasswordPolicy; longer
// than kMaxPasswordBytes too (bounds the work per login).
inline constexpr size_t kMinPasswordChars = 10;
inline constexpr size_t kMaxPasswordBytes = 1024;

// InvalidArgument when `password` is too short, too long or holds a NUL or
// a line break.
Status CheckPasswordPolicy(std::string_view password);

class PasswordHasher {
 public:
  explicit PasswordHasher(int max_concurrent = 2);
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;

  // The PHC string ("$argon2id$v=19$m=65536,t=2,p=1$...") of `password`.
  // ResourceExhausted when libsodium cannot get the memory.
  Result<std::string> Hash(std::string_view password) const;
  // True when `password` matches `hash`. A malformed hash is no match.
  bool Verify(std::string_view hash, std::string_view password) const;
  // Spends the time of a Verify without any account, so a login for an
  // unknown e-mail answers as slowly as one for a known e-mail.
  void VerifyDummy(std::string_view password) const;
  // True when `hash` was made with other limits than the current ones.
  static bool NeedsRehash(std::string_view hash);

  int max_concurrent() const { return max_concurrent_; }
  // The most hashes ever computed at the same time (for tests).
  int peak_concurrent() const;

 private:
  class Slot;  // RAII: holds one of the max_concurrent_ slots.

  const int max_concurrent_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  mutable int running_ = 0;  // Guarded by mu_.
  mutable int peak_ = 0;     // Guarded by mu_.
  mutable std::once_flag dummy_once_;
  mutable std::string dummy_hash_;  // Set once, on first VerifyDummy.
};

}  // namespace okr

#endif  // OKR_CORE_AUTH_PASSWORD_H_
