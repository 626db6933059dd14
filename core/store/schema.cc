// Copyright 2026 The okrd Authors.

#include "core/store/schema.h"

#include <cassert>
#include <string>

namespace okr {
namespace {

// Version 1: the organisation, its OKRs and the append-only check-in log.
// `position` keeps the order rows were given in, so exports reproduce it.
// Foreign keys are deferred so one transaction may insert in any order.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE units (
  key         TEXT PRIMARY KEY NOT NULL CHECK (key <> ''),
  name        TEXT NOT NULL,
  parent_key  TEXT REFERENCES units(key) DEFERRABLE INITIALLY DEFERRED,
  level       TEXT NOT NULL CHECK (level IN ('company','department','team')),
  lead_email  TEXT REFERENCES people(email) DEFERRABLE INITIALLY DEFERRED,
  position    INTEGER NOT NULL
);
CREATE TABLE people (
  email          TEXT PRIMARY KEY NOT NULL CHECK (email <> ''),
  name           TEXT NOT NULL,
  unit_key       TEXT REFERENCES units(key) DEFERRABLE INITIALLY DEFERRED,
  manager_email  TEXT REFERENCES people(email) DEFERRABLE INITIALLY DEFERRED,
  time_zone      TEXT NOT NULL DEFAULT '',
  position       INTEGER NOT NULL
);
CREATE TABLE cycles (
  name                TEXT PRIMARY KEY NOT NULL CHECK (name <> ''),
  start_date          TEXT NOT NULL,
  end_date            TEXT NOT NULL CHECK (end_date >= start_date),
  planning_days       INTEGER NOT NULL CHECK (planning_days >= 0),
  retrospective_days  INTEGER NOT NULL CHECK (retrospective_days >= 0),
  position            INTEGER NOT NULL
);
CREATE TABLE objectives (
  key             TEXT PRIMARY KEY NOT NULL CHECK (key <> ''),
  title           TEXT NOT NULL,
  description     TEXT NOT NULL DEFAULT '',
  level           TEXT NOT NULL
                  CHECK (level IN ('company','department','team','individual')),
  unit_key        TEXT REFERENCES units(key) DEFERRABLE INITIALLY DEFERRED,
  owner_email     TEXT REFERENCES people(email) DEFERRABLE INITIALLY DEFERRED,
  cycle           TEXT NOT NULL
                  REFERENCES cycles(name) DEFERRABLE INITIALLY DEFERRED,
  committed       INTEGER NOT NULL CHECK (committed IN (0, 1)),
  score_override  REAL CHECK (score_override BETWEEN 0 AND 1),
  score_reason    TEXT NOT NULL DEFAULT '',
  position        INTEGER NOT NULL
);
CREATE TABLE alignment_links (
  objective_key  TEXT NOT NULL
                 REFERENCES objectives(key) DEFERRABLE INITIALLY DEFERRED,
  relation       TEXT NOT NULL CHECK (relation IN ('parent','supports')),
  target_kind    TEXT NOT NULL CHECK (target_kind IN ('objective','kr')),
  target_key     TEXT NOT NULL,
  position       INTEGER NOT NULL,
  PRIMARY KEY (objective_key, relation, target_kind, target_key)
);
CREATE UNIQUE INDEX alignment_one_parent
  ON alignment_links(objective_key) WHERE relation = 'parent';
CREATE TABLE key_results (
  key            TEXT PRIMARY KEY NOT NULL CHECK (key <> ''),
  objective_key  TEXT NOT NULL
                 REFERENCES objectives(key) DEFERRABLE INITIALLY DEFERRED,
  title          TEXT NOT NULL,
  owner_email    TEXT REFERENCES people(email) DEFERRABLE INITIALLY DEFERRED,
  kind           TEXT NOT NULL CHECK (kind IN
                 ('increase','decrease','stay-above','stay-below','milestone')),
  start_value    REAL NOT NULL,
  target_value   REAL NOT NULL,
  current_value  REAL NOT NULL,
  unit           TEXT NOT NULL DEFAULT '',
  weight         REAL NOT NULL CHECK (weight >= 0),
  due_date       TEXT,
  position       INTEGER NOT NULL
);
CREATE INDEX key_results_by_objective ON key_results(objective_key, position);
CREATE TABLE check_ins (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  target_kind   TEXT NOT NULL CHECK (target_kind IN ('objective','kr')),
  target_key    TEXT NOT NULL,
  at            INTEGER NOT NULL,
  author_email  TEXT NOT NULL DEFAULT '',
  value         REAL,
  confidence    REAL CHECK (confidence BETWEEN 0 AND 1),
  status_text   TEXT NOT NULL DEFAULT '',
  learned       TEXT NOT NULL DEFAULT '',
  next_steps    TEXT NOT NULL DEFAULT '',
  challenges    TEXT NOT NULL DEFAULT '',
  source        TEXT NOT NULL
);
CREATE INDEX check_ins_by_target ON check_ins(target_kind, target_key, at);
-- One counter bumped by every change, whichever process makes it: caches
-- and ETags key on it.
CREATE TABLE revision (value INTEGER NOT NULL);
INSERT INTO revision VALUES (0);
CREATE TRIGGER units_revision_insert AFTER INSERT ON units
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER units_revision_update AFTER UPDATE ON units
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER units_revision_delete AFTER DELETE ON units
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER people_revision_insert AFTER INSERT ON people
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER people_revision_update AFTER UPDATE ON people
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER people_revision_delete AFTER DELETE ON people
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER cycles_revision_insert AFTER INSERT ON cycles
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER cycles_revision_update AFTER UPDATE ON cycles
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER cycles_revision_delete AFTER DELETE ON cycles
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER objectives_revision_insert AFTER INSERT ON objectives
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER objectives_revision_update AFTER UPDATE ON objectives
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER objectives_revision_delete AFTER DELETE ON objectives
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER alignment_links_revision_insert AFTER INSERT ON alignment_links
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER alignment_links_revision_update AFTER UPDATE ON alignment_links
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER alignment_links_revision_delete AFTER DELETE ON alignment_links
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER key_results_revision_insert AFTER INSERT ON key_results
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER key_results_revision_update AFTER UPDATE ON key_results
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER key_results_revision_delete AFTER DELETE ON key_results
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER check_ins_revision_insert AFTER INSERT ON check_ins
BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER check_ins_append_only_update BEFORE UPDATE ON check_ins
BEGIN SELECT RAISE(ABORT, 'check-ins are append-only'); END;
CREATE TRIGGER check_ins_append_only_delete BEFORE DELETE ON check_ins
BEGIN SELECT RAISE(ABORT, 'check-ins are append-only'); END;
)sql";

// Version 2: the calendar wing's state. Sticky weekly slots per meeting
// (kept across re-imports), one stable random UID and SEQUENCE per series,
// and feed tokens, stored only as a hash. None of these tables bumps the
// revision: they follow the organisation, they do not change it.
constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE calendar_slots (
  slot_key        TEXT PRIMARY KEY NOT NULL CHECK (slot_key <> ''),
  weekday         INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  start_minute    INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  length_minutes  INTEGER NOT NULL CHECK (length_minutes BETWEEN 1 AND 1440),
  interval_weeks  INTEGER NOT NULL CHECK (interval_weeks BETWEEN 1 AND 52),
  week_offset     INTEGER NOT NULL
                  CHECK (week_offset >= 0 AND week_offset < interval_weeks)
);
CREATE TABLE calendar_series (
  series_key    TEXT PRIMARY KEY NOT NULL CHECK (series_key <> ''),
  uid           TEXT NOT NULL UNIQUE CHECK (uid <> ''),
  sequence      INTEGER NOT NULL CHECK (sequence >= 0),
  content_hash  TEXT NOT NULL,
  modified_at   INTEGER NOT NULL
);
CREATE TABLE feed_tokens (
  token_hash  TEXT PRIMARY KEY NOT NULL CHECK (length(token_hash) = 64),
  feed_id     TEXT NOT NULL CHECK (feed_id <> ''),
  created_at  INTEGER NOT NULL,
  revoked_at  INTEGER
);
CREATE UNIQUE INDEX feed_tokens_one_active
  ON feed_tokens(feed_id) WHERE revoked_at IS NULL;
)sql";

// Version 3: accounts. Passwords are Argon2id PHC strings; sessions and
// API tokens are stored only as BLAKE2b-256 hashes of their secrets.
// Deleting a user deletes their sessions and tokens.
constexpr std::string_view kSchemaV3 = R"sql(
CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE
                 CHECK (email <> '' AND email = lower(email)),
  password_hash  TEXT NOT NULL,
  admin          INTEGER NOT NULL CHECK (admin IN (0, 1)),
  created_at     INTEGER NOT NULL
);
CREATE TABLE sessions (
  id_hash       TEXT PRIMARY KEY NOT NULL CHECK (length(id_hash) = 64),
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at    INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE TABLE api_tokens (
  id            INTEGER PRIMARY KEY,
  token_hash    TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER,
  revoked_at    INTEGER
);
CREATE INDEX api_tokens_by_user ON api_tokens(user_id);
)sql";

// Version 4: cadence overrides from the import (issue 4). A person's
// one-on-one with their manager and a unit's team review: weekday (0 =
// Monday), local start minute, length and interval; NULL = the config's
// default (or the planner's search for day and time). Added columns do
// not fire the revision triggers: the migration changes no data.
constexpr std::string_view kSchemaV4 = R"sql(
ALTER TABLE people ADD COLUMN one_on_one_weekday INTEGER
  CHECK (one_on_one_weekday BETWEEN 0 AND 6);
ALTER TABLE people ADD COLUMN one_on_one_start_minute INTEGER
  CHECK (one_on_one_start_minute BETWEEN 0 AND 1439);
ALTER TABLE people ADD COLUMN one_on_one_minutes INTEGER
  CHECK (one_on_one_minutes BETWEEN 5 AND 240);
ALTER TABLE people ADD COLUMN one_on_one_weeks INTEGER
  CHECK (one_on_one_weeks BETWEEN 1 AND 8);
ALTER TABLE units ADD COLUMN review_weekday INTEGER
  CHECK (review_weekday BETWEEN 0 AND 6);
ALTER TABLE units ADD COLUMN review_start_minute INTEGER
  CHECK (review_start_minute BETWEEN 0 AND 1439);
ALTER TABLE units ADD COLUMN review_minutes INTEGER
  CHECK (review_minutes BETWEEN 5 AND 240);
ALTER TABLE units ADD COLUMN review_weeks INTEGER
  CHECK (review_weeks BETWEEN 1 AND 8);
)sql";

Status ApplyOne(Database* db, const Migration& m) {
  OKR_ASSIGN_OR_RETURN(auto txn,
                       Transaction::Begin(db, Transaction::Kind::kWrite));
  // Re-read inside the write lock: another process may have migrated.
  OKR_ASSIGN_OR_RETURN(int64_t current, db->QueryInt("PRAGMA user_version"));
  if (current >= m.version) return Status::Ok();
  Status s = db->Exec(m.sql);
  if (!s.ok()) {
    return s.WithPrefix("migration to schema version " +
                        std::to_string(m.version) + " failed");
  }
  OKR_RETURN_IF_ERROR(
      db->Exec("PRAGMA user_version = " + std::to_string(m.version)));
  return txn->Commit();
}

}  // namespace

const std::vector<Migration>& SchemaMigrations() {
  static const std::vector<Migration> kMigrations = {{1, kSchemaV1},
                                                        {2, kSchemaV2},
                                                        {3, kSchemaV3},
                                                        {4, kSchemaV4}};
  return kMigrations;
}

int LatestSchemaVersion() { return SchemaMigrations().back().version; }

Status Migrate(Database* db, const std::vector<Migration>& migrations) {
  assert(!migrations.empty());
  OKR_ASSIGN_OR_RETURN(int64_t version, db->QueryInt("PRAGMA user_version"));
  const int latest = migrations.back().version;
  if (version > latest) {
    return FailedPrecondition(
        "database " + db->path() + " has schema version " +
        std::to_string(version) + ", written by a newer okrd; this okrd " +
        "understands up to version " + std::to_string(latest) +
        ": upgrade okrd (the database was not changed)");
  }
  for (const Migration& m : migrations) {
    if (m.version <= version) continue;
    OKR_RETURN_IF_ERROR(ApplyOne(db, m));
  }
  return Status::Ok();
}

}  // namespace okr
