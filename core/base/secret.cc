// Copyright 2026 The okrd Authors.

#include "core/base/secret.h"

#include <sodium.h>

#include <array>
#include <cassert>

namespace okr {
namespace {

std::string ToHex(const unsigned char* bytes, size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, n);
  hex.pop_back();
  return hex;
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

void EnsureSodium() {
  // Idempotent and thread-safe; fails only without any entropy source.
  [[maybe_unused]] const int rc = sodium_init();
  assert(rc >= 0);
}

bool IsBase64Url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_';
}

}  // namespace

std::string NewSecret(std::string_view prefix) {
  EnsureSodium();
  std::array<unsigned char, kSecretBytes> raw{};
  randombytes_buf(raw.data(), raw.size());
  std::string text(sodium_base64_ENCODED_LEN(
                       kSecretBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                   '\0');
  sodium_bin2base64(text.data(), text.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  text.resize(kSecretChars);
  sodium_memzero(raw.data(), raw.size());
  return std::string(prefix) + text;
}

bool IsWellFormedSecret(std::string_view text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return false;
  text.remove_prefix(prefix.size());
  if (text.size() != kSecretChars) return false;
  for (char c : text) {
    if (!IsBase64Url(c)) return false;
  }
  return true;
}

std::string HashSecret(std::string_view text) { return KeyedHash("", text); }

std::string KeyedHash(std::string_view key, std::string_view text) {
  std::array<unsigned char, crypto_generichash_BYTES> hash{};
  std::array<unsigned char, crypto_generichash_BYTES> short_key{};
  if (key.size() > crypto_generichash_KEYBYTES_MAX) {
    crypto_generichash(short_key.data(), short_key.size(), Bytes(key),
                       key.size(), nullptr, 0);
    key = std::string_view(reinterpret_cast<const char*>(short_key.data()),
                           short_key.size());
  }
  crypto_generichash(hash.data(), hash.size(), Bytes(text), text.size(),
                     key.empty() ? nullptr : Bytes(key), key.size());
  return ToHex(hash.data(), hash.size());
}

std::string NewUuidV4() {
  EnsureSodium();
  std::array<unsigned char, 16> b{};
  randombytes_buf(b.data(), b.size());
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // Version 4.
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122.
  const std::string hex = ToHex(b.data(), b.size());
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) +
         "-" + hex.substr(16, 4) + "-" + hex.substr(20);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace okr
