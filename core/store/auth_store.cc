// Copyright 2026 The okrd Authors.

#include "core/store/auth_store.h"

#include <mutex>
#include <utility>

namespace okr {
namespace {

constexpr std::string_view kUserColumns =
    "users.id, users.email, users.password_hash, users.admin, "
    "users.created_at";

UserRecord ReadUser(const Statement& s, int first) {
  return {.id = s.ColumnInt(first),
          .email = s.ColumnText(first + 1),
          .password_hash = s.ColumnText(first + 2),
          .admin = s.ColumnInt(first + 3) != 0,
          .created_at = s.ColumnInt(first + 4)};
}

std::optional<UnixSeconds> OptionalInt(const Statement& s, int col) {
  if (s.ColumnIsNull(col)) return std::nullopt;
  return s.ColumnInt(col);
}

ApiTokenRecord ReadToken(const Statement& s) {
  return {.id = s.ColumnInt(0),
          .token_hash = s.ColumnText(1),
          .user_id = s.ColumnInt(2),
          .email = s.ColumnText(3),
          .admin = s.ColumnInt(4) != 0,
          .name = s.ColumnText(5),
          .created_at = s.ColumnInt(6),
          .last_used_at = OptionalInt(s, 7),
          .revoked_at = OptionalInt(s, 8)};
}

constexpr std::string_view kTokenSelect =
    "SELECT t.id, t.token_hash, t.user_id, u.email, u.admin, t.name, "
    "t.created_at, t.last_used_at, t.revoked_at FROM api_tokens t "
    "JOIN users u ON u.id = t.user_id ";

Status NotFoundUser(std::string_view email) {
  return NotFound("no user " + std::string(email));
}

}  // namespace

template <typename F>
Status AuthStore::Write(F body) {
  std::lock_guard<std::mutex> lock(store_->write_mu_);
  Database* db = store_->writer_.get();
  OKR_ASSIGN_OR_RETURN(auto txn,
                       Transaction::Begin(db, Transaction::Kind::kWrite));
  OKR_RETURN_IF_ERROR(body(db));
  return txn->Commit();
}

template <typename F>
Status AuthStore::Read(F body) {
  OKR_ASSIGN_OR_RETURN(auto db, store_->TakeReader());
  Status st = body(db.get());
  store_->ReturnReader(std::move(db));
  return st;
}

Result<int64_t> AuthStore::AddUser(std::string_view email,
                                   std::string_view password_hash, bool admin,
                                   UnixSeconds now) {
  int64_t id = 0;
  Status st = Write([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s, db->Prepare("INSERT INTO users (email, password_hash, "
                                 "admin, created_at) VALUES (?, ?, ?, ?)"));
    s.Bind(1, email).Bind(2, password_hash).Bind(3, int64_t{admin}).Bind(4, now);
    Status run = s.Run();
    if (run.code() == StatusCode::kAlreadyExists) {
      return AlreadyExists("user " + std::string(email) + " already exists");
    }
    OKR_RETURN_IF_ERROR(run);
    id = db->last_insert_rowid();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return id;
}

Status AuthStore::SetPasswordHash(std::string_view email,
                                  std::string_view hash) {
  return Write([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s,
        db->Prepare("UPDATE users SET password_hash = ? WHERE email = ?"));
    s.Bind(1, hash).Bind(2, email);
    OKR_RETURN_IF_ERROR(s.Run());
    if (db->changes() == 0) return NotFoundUser(email);
    OKR_ASSIGN_OR_RETURN(
        Statement d, db->Prepare("DELETE FROM sessions WHERE user_id = "
                                 "(SELECT id FROM users WHERE email = ?)"));
    d.Bind(1, email);
    return d.Run();
  });
}

Status AuthStore::RemoveUser(std::string_view email) {
  return Write([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(Statement s,
                         db->Prepare("DELETE FROM users WHERE email = ?"));
    s.Bind(1, email);
    OKR_RETURN_IF_ERROR(s.Run());
    return db->changes() == 0 ? NotFoundUser(email) : Status::Ok();
  });
}

Result<std::optional<UserRecord>> AuthStore::FindUser(std::string_view email) {
  std::optional<UserRecord> out;
  Status st = Read([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s, db->Prepare("SELECT " + std::string(kUserColumns) +
                                 " FROM users WHERE email = ?"));
    s.Bind(1, email);
    OKR_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) out = ReadUser(s, 0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<UserRecord>> AuthStore::ListUsers() {
  std::vector<UserRecord> out;
  Status st = Read([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s, db->Prepare("SELECT " + std::string(kUserColumns) +
                                 " FROM users ORDER BY email"));
    for (;;) {
      OKR_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) return Status::Ok();
      out.push_back(ReadUser(s, 0));
    }
  });
  if (!st.ok()) return st;
  return out;
}

Status AuthStore::AddSession(std::string_view id_hash, int64_t user_id,
                             UnixSeconds now) {
  return Write([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s, db->Prepare("INSERT INTO sessions (id_hash, user_id, "
                                 "created_at, last_seen_at) VALUES (?, ?, ?, ?)"));
    s.Bind(1, id_hash).Bind(2, user_id).Bind(3, now).Bind(4, now);
    return s.Run();
  });
}

Result<std::optional<SessionRecord>> AuthStore::FindSession(
    std::string_view id_hash) {
  std::optional<SessionRecord> out;
  Status st = Read([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s,
        db->Prepare("SELECT s.id_hash, s.created_at, s.last_seen_at, " +
                    std::string(kUserColumns) +
                    " FROM sessions s JOIN users ON users.id = s.user_id "
                    "WHERE s.id_hash = ?"));
    s.Bind(1, id_hash);
    OKR_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) {
      out = SessionRecord{.id_hash = s.ColumnText(0),
                          .user = ReadUser(s, 3),
                          .created_at = s.ColumnInt(1),
                          .last_seen_at = s.ColumnInt(2)};
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status AuthStore::TouchSession(std::string_view id_hash, UnixSeconds now) {
  return Write([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s,
        db->Prepare("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?"));
    s.Bind(1, now).Bind(2, id_hash);
    return s.Run();
  });
}

Status AuthStore::DeleteSession(std::string_view id_hash) {
  return Write([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(Statement s,
                         db->Prepare("DELETE FROM sessions WHERE id_hash = ?"));
    s.Bind(1, id_hash);
    return s.Run();
  });
}

Result<int64_t> AuthStore::DeleteExpiredSessions(UnixSeconds idle_before,
                                                 UnixSeconds created_before) {
  int64_t n = 0;
  Status st = Write([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s, db->Prepare("DELETE FROM sessions WHERE last_seen_at < ? "
                                 "OR created_at < ?"));
    s.Bind(1, idle_before).Bind(2, created_before);
    OKR_RETURN_IF_ERROR(s.Run());
    n = db->changes();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Result<int64_t> AuthStore::AddApiToken(int64_t user_id, std::string_view name,
                                       std::string_view token_hash,
                                       UnixSeconds now) {
  int64_t id = 0;
  Status st = Write([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s, db->Prepare("INSERT INTO api_tokens (token_hash, user_id, "
                                 "name, created_at) VALUES (?, ?, ?, ?)"));
    s.Bind(1, token_hash).Bind(2, user_id).Bind(3, name).Bind(4, now);
    OKR_RETURN_IF_ERROR(s.Run());
    id = db->last_insert_rowid();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return id;
}

Status AuthStore::RevokeApiToken(int64_t id, UnixSeconds now) {
  return Write([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s, db->Prepare("UPDATE api_tokens SET revoked_at = ? WHERE "
                                 "id = ? AND revoked_at IS NULL"));
    s.Bind(1, now).Bind(2, id);
    OKR_RETURN_IF_ERROR(s.Run());
    if (db->changes() == 0) {
      return NotFound("no active API token with id " + std::to_string(id));
    }
    return Status::Ok();
  });
}

Result<std::optional<ApiTokenRecord>> AuthStore::FindActiveApiToken(
    std::string_view token_hash) {
  std::optional<ApiTokenRecord> out;
  Status st = Read([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s,
        db->Prepare(std::string(kTokenSelect) +
                    "WHERE t.token_hash = ? AND t.revoked_at IS NULL"));
    s.Bind(1, token_hash);
    OKR_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) out = ReadToken(s);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status AuthStore::TouchApiToken(int64_t id, UnixSeconds now) {
  return Write([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s,
        db->Prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?"));
    s.Bind(1, now).Bind(2, id);
    return s.Run();
  });
}

Result<std::vector<ApiTokenRecord>> AuthStore::ListApiTokens() {
  std::vector<ApiTokenRecord> out;
  Status st = Read([&](Database* db) -> Status {
    OKR_ASSIGN_OR_RETURN(Statement s, db->Prepare(std::string(kTokenSelect) +
                                                  "ORDER BY t.id"));
    for (;;) {
      OKR_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) return Status::Ok();
      out.push_back(ReadToken(s));
    }
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace okr
