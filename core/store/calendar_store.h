// Copyright 2026 The okrd Authors.
//
// CalendarStore: the calendar wing's rows in the Store's database (schema
// version 2): sticky weekly slots, per-series UID/SEQUENCE state and feed
// tokens. It borrows the Store's connections and follows its discipline:
// every change is one BEGIN IMMEDIATE transaction on the writer connection
// under the Store's write mutex; reads use a pooled read-only connection.
//
// Feed tokens are 256 random bits (libsodium), given to the caller once as
// base64url text and stored only as the hex BLAKE2b-256 hash
// (crypto_generichash). Lookups go by hash and then compare the stored hash
// with sodium_memcmp. At most one active token per feed.
//
// Ownership: a CalendarStore borrows `store`, which must outlive it.
// Threads: all methods are thread-safe.

#ifndef OKR_CORE_STORE_CALENDAR_STORE_H_
#define OKR_CORE_STORE_CALENDAR_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/civil_time.h"
#include "core/base/result.h"
#include "core/store/store.h"

namespace okr {

// A weekly slot in the local time of the meeting's zone.
struct StoredSlot {
  int weekday = 0;         // 0 = Monday ... 6 = Sunday.
  int start_minute = 0;    // Minutes after local midnight.
  int length_minutes = 0;
  int interval_weeks = 1;  // 1 weekly, 2 biweekly, ...
  int week_offset = 0;     // Which week of the interval, 0..interval-1.
  friend bool operator==(const StoredSlot&, const StoredSlot&) = default;
};

// What a feed shows of a series besides its content.
struct SeriesState {
  std::string uid;            // Random UUID, never reused.
  int64_t sequence = 0;       // Bumped on every content change.
  std::string content_hash;   // Of everything the feed shows but the above.
  UnixSeconds modified_at = 0;  // LAST-MODIFIED = DTSTAMP.
  friend bool operator==(const SeriesState&, const SeriesState&) = default;
};

struct FeedTokenInfo {
  std::string feed_id;
  UnixSeconds created_at = 0;
};

class CalendarStore {
 public:
  explicit CalendarStore(Store* store) : store_(store) {}

  Result<std::map<std::string, StoredSlot>> LoadSlots();
  Result<std::map<std::string, SeriesState>> LoadSeries();

  // In one transaction: upserts `slots`, then for every (key, hash) of
  // `series_hashes`: inserts a new series (a fresh random UID, SEQUENCE 0,
  // modified_at = now) when the key is unknown, bumps SEQUENCE and sets
  // modified_at = now when the stored hash differs, else leaves it. The
  // comparison happens inside the transaction, so concurrent callers with
  // the same input bump once. Returns the state of every key given.
  Result<std::map<std::string, SeriesState>> SaveCadence(
      const std::map<std::string, StoredSlot>& slots,
      const std::map<std::string, std::string>& series_hashes,
      UnixSeconds now);

  // Revokes the feed's active token (if any) and issues a new one, in one
  // transaction. Returns the token text, which is not stored anywhere.
  Result<std::string> IssueToken(std::string_view feed_id, UnixSeconds now);
  // Revokes the feed's active token; NotFound if it has none.
  Status RevokeToken(std::string_view feed_id, UnixSeconds now);
  // The feed an active token opens, or nullopt for a malformed, unknown or
  // revoked token. Cheap: a format check, one hash, one indexed lookup.
  Result<std::optional<std::string>> FeedForToken(std::string_view token);
  // Feeds with an active token, by feed id.
  Result<std::map<std::string, FeedTokenInfo>> ActiveTokens();

  // A number that changes whenever a change to the database is committed,
  // by any connection of this or another process (token rotations and
  // revocations included): SQLite's PRAGMA data_version on a read-only
  // connection kept for this purpose, which never writes. Equal numbers
  // mean nothing changed in between. Cheap: no table is read.
  Result<int64_t> ChangeCounter();

  // A random (version 4) UUID in lowercase hex, from libsodium.
  static std::string NewUuid();
  // True when `token` has the shape IssueToken produces (43 base64url
  // characters). Pure.
  static bool IsWellFormedToken(std::string_view token);
  // The hex BLAKE2b-256 hash under which a token is stored. Pure.
  static std::string TokenHash(std::string_view token);

 private:
  Store* store_;
  std::mutex watcher_mu_;
  std::unique_ptr<Database> watcher_;  // For ChangeCounter; guarded.
};

}  // namespace okr

#endif  // OKR_CORE_STORE_CALENDAR_STORE_H_
