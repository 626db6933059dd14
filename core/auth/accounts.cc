// Copyright 2026 The okrd Authors.

#include "core/auth/accounts.h"

#include "core/base/secret.h"
#include "core/base/ascii.h"

namespace okr {
namespace {

constexpr size_t kMaxEmailBytes = 254;
constexpr size_t kMaxTokenNameBytes = 100;

bool HasControlOrSpace(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return true;
  }
  return false;
}

}  // namespace

Result<std::string> NormaliseEmail(std::string_view email) {
  while (!email.empty() && (email.front() == ' ' || email.front() == '\t')) {
    email.remove_prefix(1);
  }
  while (!email.empty() && (email.back() == ' ' || email.back() == '\t')) {
    email.remove_suffix(1);
  }
  const size_t at = email.find('@');
  if (email.empty() || email.size() > kMaxEmailBytes || HasControlOrSpace(email) ||
      at == 0 || at == std::string_view::npos || at + 1 == email.size() ||
      email.find('@', at + 1) != std::string_view::npos) {
    return InvalidArgument("\"" + std::string(email.substr(0, 80)) +
                           "\" is not an e-mail address (local@domain)");
  }
  std::string out(email);
  for (char& c : out) c = AsciiToLower(c);
  return out;
}

Result<int64_t> Accounts::CreateUser(std::string_view email,
                                     std::string_view password, bool admin) {
  OKR_ASSIGN_OR_RETURN(std::string normal, NormaliseEmail(email));
  OKR_RETURN_IF_ERROR(CheckPasswordPolicy(password));
  OKR_ASSIGN_OR_RETURN(std::string hash, hasher_->Hash(password));
  return store_.AddUser(normal, hash, admin, clock_->Now());
}

Status Accounts::SetPassword(std::string_view email,
                             std::string_view password) {
  OKR_ASSIGN_OR_RETURN(std::string normal, NormaliseEmail(email));
  OKR_RETURN_IF_ERROR(CheckPasswordPolicy(password));
  OKR_ASSIGN_OR_RETURN(std::string hash, hasher_->Hash(password));
  return store_.SetPasswordHash(normal, hash);
}

Status Accounts::RemoveUser(std::string_view email) {
  OKR_ASSIGN_OR_RETURN(std::string normal, NormaliseEmail(email));
  return store_.RemoveUser(normal);
}

Result<std::vector<UserRecord>> Accounts::ListUsers() {
  return store_.ListUsers();
}

Result<NewApiToken> Accounts::CreateApiToken(std::string_view email,
                                             std::string_view name) {
  OKR_ASSIGN_OR_RETURN(std::string normal, NormaliseEmail(email));
  if (name.size() > kMaxTokenNameBytes) {
    return InvalidArgument("a token name has at most 100 bytes");
  }
  for (char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return InvalidArgument("a token name has no control characters");
    }
  }
  OKR_ASSIGN_OR_RETURN(auto user, store_.FindUser(normal));
  if (!user) return NotFound("no user " + normal);
  NewApiToken out;
  out.token = NewSecret(kApiTokenPrefix);
  OKR_ASSIGN_OR_RETURN(out.id, store_.AddApiToken(user->id, name,
                                                  HashSecret(out.token),
                                                  clock_->Now()));
  return out;
}

Status Accounts::RevokeApiToken(int64_t id) {
  return store_.RevokeApiToken(id, clock_->Now());
}

Result<std::vector<ApiTokenRecord>> Accounts::ListApiTokens() {
  return store_.ListApiTokens();
}

}  // namespace okr
