// Copyright 2026 The okrd Authors.
//
// Random secrets and their stored form: API tokens, session ids, calendar
// feed tokens. A secret is 32 random bytes from libsodium, shown as
// base64url (43 characters) after an optional prefix; only its BLAKE2b-256
// hash (crypto_generichash, 64 hex digits) is stored, and stored hashes are
// compared in constant time. Also random (version 4) UUIDs. Pure functions,
// thread-safe.

#ifndef OKR_CORE_BASE_SECRET_H_
#define OKR_CORE_BASE_SECRET_H_

#include <string>
#include <string_view>

namespace okr {

inline constexpr size_t kSecretBytes = 32;   // 256 bits.
inline constexpr size_t kSecretChars = 43;   // base64url without padding.
inline constexpr std::string_view kApiTokenPrefix = "okrd_";

// `prefix` + 43 base64url characters of fresh randomness.
std::string NewSecret(std::string_view prefix = "");
// True when `text` is `prefix` followed by exactly 43 base64url characters.
bool IsWellFormedSecret(std::string_view text, std::string_view prefix = "");
// Lower-case hex BLAKE2b-256 of `text` (64 characters).
std::string HashSecret(std::string_view text);
// Lower-case hex BLAKE2b-256 of `text` keyed with `key` (any length up to
// 64 bytes; longer keys are hashed first).
std::string KeyedHash(std::string_view key, std::string_view text);
// A random version 4 UUID, lower-case: "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".
std::string NewUuidV4();
// Equal length and equal bytes, in time independent of where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace okr

#endif  // OKR_CORE_BASE_SECRET_H_
