// Copyright 2026 The okrd Authors.

#include "core/auth/password.h"

#include <sodium.h>

#include <algorithm>
#include <cassert>

#include "core/base/secret.h"

namespace okr {

class PasswordHasher::Slot {
 public:
  explicit Slot(const PasswordHasher* h) : h_(h) {
    std::unique_lock<std::mutex> lock(h_->mu_);
    h_->cv_.wait(lock, [this] { return h_->running_ < h_->max_concurrent_; });
    ++h_->running_;
    h_->peak_ = std::max(h_->peak_, h_->running_);
  }
  ~Slot() {
    {
      std::lock_guard<std::mutex> lock(h_->mu_);
      --h_->running_;
    }
    h_->cv_.notify_one();
  }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;

 private:
  const PasswordHasher* h_;
};

Status CheckPasswordPolicy(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) {
    return InvalidArgument("the password is longer than " +
                           std::to_string(kMaxPasswordBytes) + " bytes");
  }
  if (password.find_first_of(std::string_view("\0\r\n", 3)) !=
      std::string_view::npos) {
    return InvalidArgument("the password contains a NUL byte or line break");
  }
  // Count code points, not bytes: continuation bytes are 10xxxxxx.
  const size_t chars = std::count_if(password.begin(), password.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
  if (chars < kMinPasswordChars) {
    return InvalidArgument("the password must have at least " +
                           std::to_string(kMinPasswordChars) + " characters");
  }
  return Status::Ok();
}

PasswordHasher::PasswordHasher(int max_concurrent)
    : max_concurrent_(std::max(1, max_concurrent)) {
  [[maybe_unused]] const int rc = sodium_init();
  assert(rc >= 0);
}

Result<std::string> PasswordHasher::Hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  int rc;
  {
    Slot slot(this);
    rc = crypto_pwhash_str(out, password.data(), password.size(),
                           crypto_pwhash_OPSLIMIT_INTERACTIVE,
                           crypto_pwhash_MEMLIMIT_INTERACTIVE);
  }
  if (rc != 0) {
    return ResourceExhausted("cannot hash the password: out of memory");
  }
  return std::string(out);
}

bool PasswordHasher::Verify(std::string_view hash,
                            std::string_view password) const {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string terminated(hash);  // The API wants a C string.
  Slot slot(this);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(),
                                  password.size()) == 0;
}

void PasswordHasher::VerifyDummy(std::string_view password) const {
  std::call_once(dummy_once_, [this] {
    Result<std::string> dummy = Hash(NewSecret());
    if (dummy.ok()) dummy_hash_ = *dummy;
  });
  (void)Verify(dummy_hash_, password);
}

bool PasswordHasher::NeedsRehash(std::string_view hash) {
  const std::string terminated(hash);
  return crypto_pwhash_str_needs_rehash(terminated.c_str(),
                                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

int PasswordHasher::peak_concurrent() const {
  std::lock_guard<std::mutex> lock(mu_);
  return peak_;
}

}  // namespace okr
