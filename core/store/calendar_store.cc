// Copyright 2026 The okrd Authors.

#include "core/store/calendar_store.h"

#include <utility>

#include "core/base/secret.h"

namespace okr {
namespace {

// Runs `sql` and calls `read(row)` for every row.
template <typename F>
Status EachRow(Statement* stmt, F read) {
  for (;;) {
    OKR_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) return Status::Ok();
    read(*stmt);
  }
}

Status UpsertSlots(Database* db, const std::map<std::string, StoredSlot>& slots) {
  OKR_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("INSERT INTO calendar_slots (slot_key, weekday, "
                  "start_minute, length_minutes, interval_weeks, week_offset) "
                  "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(slot_key) DO UPDATE "
                  "SET weekday = excluded.weekday, start_minute = "
                  "excluded.start_minute, length_minutes = "
                  "excluded.length_minutes, interval_weeks = "
                  "excluded.interval_weeks, week_offset = excluded.week_offset"));
  for (const auto& [key, slot] : slots) {
    s.Bind(1, key).Bind(2, int64_t{slot.weekday});
    s.Bind(3, int64_t{slot.start_minute}).Bind(4, int64_t{slot.length_minutes});
    s.Bind(5, int64_t{slot.interval_weeks}).Bind(6, int64_t{slot.week_offset});
    OKR_RETURN_IF_ERROR(s.Run().WithPrefix("calendar slot \"" + key + "\""));
    s.Reset();
  }
  return Status::Ok();
}

Result<std::map<std::string, SeriesState>> ReadSeries(Database* db) {
  OKR_ASSIGN_OR_RETURN(
      Statement s, db->Prepare("SELECT series_key, uid, sequence, "
                               "content_hash, modified_at FROM calendar_series"));
  std::map<std::string, SeriesState> out;
  OKR_RETURN_IF_ERROR(EachRow(&s, [&](const Statement& r) {
    out[r.ColumnText(0)] = {.uid = r.ColumnText(1),
                            .sequence = r.ColumnInt(2),
                            .content_hash = r.ColumnText(3),
                            .modified_at = r.ColumnInt(4)};
  }));
  return out;
}

// Brings the stored series in line with `hashes`; see SaveCadence.
Result<std::map<std::string, SeriesState>> UpdateSeries(
    Database* db, const std::map<std::string, std::string>& hashes,
    UnixSeconds now) {
  OKR_ASSIGN_OR_RETURN(auto stored, ReadSeries(db));
  OKR_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("INSERT INTO calendar_series (series_key, uid, sequence, "
                  "content_hash, modified_at) VALUES (?, ?, ?, ?, ?) "
                  "ON CONFLICT(series_key) DO UPDATE SET sequence = "
                  "excluded.sequence, content_hash = excluded.content_hash, "
                  "modified_at = excluded.modified_at"));
  std::map<std::string, SeriesState> out;
  for (const auto& [key, hash] : hashes) {
    auto it = stored.find(key);
    SeriesState state;
    if (it == stored.end()) {
      state = {.uid = CalendarStore::NewUuid(), .sequence = 0,
               .content_hash = hash, .modified_at = now};
    } else if (it->second.content_hash != hash) {
      state = it->second;
      ++state.sequence;
      state.content_hash = hash;
      state.modified_at = now;
    } else {
      out[key] = it->second;
      continue;
    }
    s.Bind(1, key).Bind(2, state.uid).Bind(3, state.sequence);
    s.Bind(4, state.content_hash).Bind(5, state.modified_at);
    OKR_RETURN_IF_ERROR(s.Run().WithPrefix("calendar series \"" + key + "\""));
    s.Reset();
    out[key] = std::move(state);
  }
  return out;
}

Status RevokeActive(Database* db, std::string_view feed_id, UnixSeconds now) {
  OKR_ASSIGN_OR_RETURN(
      Statement s, db->Prepare("UPDATE feed_tokens SET revoked_at = ? WHERE "
                               "feed_id = ? AND revoked_at IS NULL"));
  s.Bind(1, now).Bind(2, feed_id);
  return s.Run();
}

}  // namespace

std::string CalendarStore::NewUuid() { return NewUuidV4(); }

bool CalendarStore::IsWellFormedToken(std::string_view token) {
  return IsWellFormedSecret(token);
}

Result<std::map<std::string, StoredSlot>> CalendarStore::LoadSlots() {
  OKR_ASSIGN_OR_RETURN(auto db, store_->TakeReader());
  std::map<std::string, StoredSlot> out;
  Status st = [&]() -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s,
        db->Prepare("SELECT slot_key, weekday, start_minute, length_minutes, "
                    "interval_weeks, week_offset FROM calendar_slots"));
    return EachRow(&s, [&](const Statement& r) {
      out[r.ColumnText(0)] = {
          .weekday = static_cast<int>(r.ColumnInt(1)),
          .start_minute = static_cast<int>(r.ColumnInt(2)),
          .length_minutes = static_cast<int>(r.ColumnInt(3)),
          .interval_weeks = static_cast<int>(r.ColumnInt(4)),
          .week_offset = static_cast<int>(r.ColumnInt(5))};
    });
  }();
  store_->ReturnReader(std::move(db));
  if (!st.ok()) return st;
  return out;
}

Result<std::map<std::string, SeriesState>> CalendarStore::LoadSeries() {
  OKR_ASSIGN_OR_RETURN(auto db, store_->TakeReader());
  Result<std::map<std::string, SeriesState>> out = ReadSeries(db.get());
  store_->ReturnReader(std::move(db));
  return out;
}

Result<std::map<std::string, SeriesState>> CalendarStore::SaveCadence(
    const std::map<std::string, StoredSlot>& slots,
    const std::map<std::string, std::string>& series_hashes, UnixSeconds now) {
  std::lock_guard<std::mutex> lock(store_->write_mu_);
  Database* db = store_->writer_.get();
  OKR_ASSIGN_OR_RETURN(auto txn,
                       Transaction::Begin(db, Transaction::Kind::kWrite));
  OKR_RETURN_IF_ERROR(UpsertSlots(db, slots));
  OKR_ASSIGN_OR_RETURN(auto states, UpdateSeries(db, series_hashes, now));
  OKR_RETURN_IF_ERROR(txn->Commit());
  return states;
}

Result<std::string> CalendarStore::IssueToken(std::string_view feed_id,
                                              UnixSeconds now) {
  if (feed_id.empty()) return InvalidArgument("empty feed id");
  std::string token = NewSecret();
  std::lock_guard<std::mutex> lock(store_->write_mu_);
  Database* db = store_->writer_.get();
  OKR_ASSIGN_OR_RETURN(auto txn,
                       Transaction::Begin(db, Transaction::Kind::kWrite));
  OKR_RETURN_IF_ERROR(RevokeActive(db, feed_id, now));
  OKR_ASSIGN_OR_RETURN(
      Statement s, db->Prepare("INSERT INTO feed_tokens (token_hash, feed_id, "
                               "created_at) VALUES (?, ?, ?)"));
  s.Bind(1, HashSecret(token)).Bind(2, feed_id).Bind(3, now);
  OKR_RETURN_IF_ERROR(s.Run());
  OKR_RETURN_IF_ERROR(txn->Commit());
  return token;
}

Status CalendarStore::RevokeToken(std::string_view feed_id, UnixSeconds now) {
  std::lock_guard<std::mutex> lock(store_->write_mu_);
  Database* db = store_->writer_.get();
  OKR_ASSIGN_OR_RETURN(auto txn,
                       Transaction::Begin(db, Transaction::Kind::kWrite));
  OKR_RETURN_IF_ERROR(RevokeActive(db, feed_id, now));
  if (db->changes() == 0) {
    return NotFound("feed " + std::string(feed_id) + " has no active token");
  }
  return txn->Commit();
}

Result<std::optional<std::string>> CalendarStore::FeedForToken(
    std::string_view token) {
  if (!IsWellFormedToken(token)) return std::optional<std::string>();
  const std::string hash = HashSecret(token);
  OKR_ASSIGN_OR_RETURN(auto db, store_->TakeReader());
  std::optional<std::string> feed;
  Status st = [&]() -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s, db->Prepare("SELECT token_hash, feed_id FROM feed_tokens "
                                 "WHERE token_hash = ? AND revoked_at IS NULL"));
    s.Bind(1, hash);
    OKR_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::Ok();
    const std::string stored = s.ColumnText(0);
    if (ConstantTimeEquals(stored, hash)) {
      feed = s.ColumnText(1);
    }
    return Status::Ok();
  }();
  store_->ReturnReader(std::move(db));
  if (!st.ok()) return st;
  return feed;
}

Result<int64_t> CalendarStore::ChangeCounter() {
  std::lock_guard<std::mutex> lock(watcher_mu_);
  if (watcher_ == nullptr) {
    OKR_ASSIGN_OR_RETURN(watcher_, Database::Open(store_->path(),
                                                  Database::Mode::kReadOnly));
    // Like the pooled readers: wait out a checkpoint instead of failing.
    Status timeout = watcher_->Exec("PRAGMA busy_timeout = " +
                                    std::to_string(store_->busy_timeout_ms_));
    if (!timeout.ok()) {
      watcher_.reset();
      return timeout;
    }
  }
  Result<int64_t> version = watcher_->QueryInt("PRAGMA data_version");
  if (!version.ok()) watcher_.reset();  // Reopen on the next call.
  return version;
}

std::string CalendarStore::TokenHash(std::string_view token) {
  return HashSecret(token);
}

Result<std::map<std::string, FeedTokenInfo>> CalendarStore::ActiveTokens() {
  OKR_ASSIGN_OR_RETURN(auto db, store_->TakeReader());
  std::map<std::string, FeedTokenInfo> out;
  Status st = [&]() -> Status {
    OKR_ASSIGN_OR_RETURN(
        Statement s, db->Prepare("SELECT feed_id, created_at FROM feed_tokens "
                                 "WHERE revoked_at IS NULL"));
    return EachRow(&s, [&](const Statement& r) {
      out[r.ColumnText(0)] = {.feed_id = r.ColumnText(0),
                              .created_at = r.ColumnInt(1)};
    });
  }();
  store_->ReturnReader(std::move(db));
  if (!st.ok()) return st;
  return out;
}

}  // namespace okr
