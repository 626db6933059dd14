// Copyright 2026 The okrd Authors.
//
// Backup and restore of an okrd database file, safe while the server runs.
//
// BackupDatabase copies a live database with SQLite's online backup API
// (sqlite3_backup_step(-1) from a read-only connection: every page is copied
// inside one read transaction, so the copy is one committed state and
// writers in WAL mode are never blocked). The copy is written to a temporary
// file next to the destination, switched to a rollback journal (one
// self-contained file, no -wal), checked with integrity_check and
// foreign_key_check, fsync'ed and only then renamed into place, so the
// destination never holds a partial or unchecked copy.
//
// RestoreDatabase goes the other way through SQLite too (never a file copy:
// a stale -wal next to the target would be replayed over a copied file). It
// checks the source first, refuses a target that another process has open
// (the running service), and replaces the target's content in one
// transaction under an exclusive lock.
//
// Threads: the functions are thread-safe; they open their own connections.

#ifndef OKR_CORE_STORE_BACKUP_H_
#define OKR_CORE_STORE_BACKUP_H_

#include <cstdint>
#include <string>

#include "core/base/result.h"
#include "core/store/sqlite.h"

namespace okr {

struct BackupOptions {
  // Replace an existing destination (a backup) or target (a restore).
  bool overwrite = false;
  // How long to keep retrying while the source is busy (a write lock held
  // during a WAL reset or recovery); also the source's busy_timeout.
  int busy_timeout_ms = 10'000;
};

// What was copied.
struct BackupInfo {
  int64_t bytes = 0;       // Size of the copy: page_count * page_size.
  int schema_version = 0;  // The copy's PRAGMA user_version.
};

// Copies the database at `source` to the file `dest` (mode 0600).
// Errors: NotFound (no source); InvalidArgument (dest is a directory, is the
// source itself, or has a -wal/-journal beside it); AlreadyExists (dest
// exists and !overwrite); FailedPrecondition (source is not an okrd
// database); Corruption (the copy fails its checks; dest is untouched);
// Unavailable (source stayed busy); IoError. On any error no temporary file
// is left behind and dest is unchanged.
Result<BackupInfo> BackupDatabase(const std::string& source,
                                  const std::string& dest,
                                  const BackupOptions& options);

// Replaces the database at `target` (created if missing) with the content
// of the backup `source`. `source` must pass integrity and foreign key
// checks and have a schema this build knows (older ones are migrated when
// the store next opens). Errors: NotFound (no source); AlreadyExists
// (target exists and !overwrite); Unavailable (another connection has
// target open: stop the service first); FailedPrecondition (source schema
// newer than this build or not an okrd database); Corruption (source fails
// its checks: target untouched); IoError. The revision counter ends above
// both the old target's and the source's, so caches and ETags taken before
// the restore never match restored data.
Result<BackupInfo> RestoreDatabase(const std::string& source,
                                   const std::string& target,
                                   const BackupOptions& options);

// PRAGMA integrity_check and foreign_key_check on `db`; Corruption naming the
// first problem.
Status CheckDatabaseIntegrity(Database* db);

}  // namespace okr

#endif  // OKR_CORE_STORE_BACKUP_H_
