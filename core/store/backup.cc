// Copyright 2026 The okrd Authors.

#include "core/store/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>
#include <thread>
#include <utility>

#include "core/store/schema.h"

namespace okr {
namespace {

Status SqliteError(int rc, std::string_view what) {
  StatusCode code = StatusCode::kInternal;
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = StatusCode::kUnavailable;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
      code = StatusCode::kIoError;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = StatusCode::kCorruption;
      break;
    default:
      break;
  }
  return Status(code, std::string(what) + ": " + sqlite3_errstr(rc));
}

// Owns one sqlite3_backup (dest "main" <- source "main"); finishes it on
// destruction. Both connections must outlive it.
class OnlineBackup {
 public:
  static Result<std::unique_ptr<OnlineBackup>> Start(Database* dest,
                                                     Database* source) {
    sqlite3_backup* b =
        sqlite3_backup_init(dest->raw(), "main", source->raw(), "main");
    if (b == nullptr) return dest->LastError("backup");
    return std::unique_ptr<OnlineBackup>(new OnlineBackup(b));
  }
  ~OnlineBackup() {
    if (backup_ != nullptr) sqlite3_backup_finish(backup_);
  }
  OnlineBackup(const OnlineBackup&) = delete;
  OnlineBackup& operator=(const OnlineBackup&) = delete;

  // Copies every page in one step (one read transaction on the source),
  // retrying while the source or destination is busy, for up to
  // `timeout_ms`. Then finishes the backup.
  Status CopyAll(int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(timeout_ms);
    int rc = sqlite3_backup_step(backup_, -1);
    while (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY ||
           (rc & 0xff) == SQLITE_LOCKED) {
      if (rc != SQLITE_OK && std::chrono::steady_clock::now() > deadline) {
        return Unavailable("backup: the database stayed busy for " +
                           std::to_string(timeout_ms) + " ms");
      }
      if (rc != SQLITE_OK) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      rc = sqlite3_backup_step(backup_, -1);
    }
    const int finish_rc = sqlite3_backup_finish(backup_);
    backup_ = nullptr;
    if (rc != SQLITE_DONE) return SqliteError(rc, "backup");
    if (finish_rc != SQLITE_OK) return SqliteError(finish_rc, "backup");
    return Status::Ok();
  }

 private:
  explicit OnlineBackup(sqlite3_backup* b) : backup_(b) {}
  sqlite3_backup* backup_;
};

// A file that is removed (with a rollback journal SQLite may have left)
// when this object dies, unless Keep() was called.
class TempFile {
 public:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  ~TempFile() {
    if (path_.empty()) return;
    ::unlink(path_.c_str());
    ::unlink((path_ + "-journal").c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }
  void Keep() { path_.clear(); }

 private:
  std::string path_;
};

std::string Errno(const std::string& what) {
  return what + ": " + std::strerror(errno);
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

bool IsDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

Status FsyncPath(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return IoError(Errno("cannot open " + path));
  const int rc = ::fsync(fd);
  const int saved = errno;
  ::close(fd);
  errno = saved;
  if (rc != 0) return IoError(Errno("cannot sync " + path));
  return Status::Ok();
}

Status RequireSource(const std::string& source) {
  if (Exists(source)) return Status::Ok();
  return NotFound("no database at " + source +
                  " (create one with `okrd init` or pass --db)");
}

// A read-only connection to an existing database.
Result<std::unique_ptr<Database>> OpenReader(const std::string& path,
                                             int busy_timeout_ms) {
  OKR_ASSIGN_OR_RETURN(auto db,
                       Database::Open(path, Database::Mode::kReadOnly));
  OKR_RETURN_IF_ERROR(
      db->Exec("PRAGMA busy_timeout = " + std::to_string(busy_timeout_ms)));
  return db;
}

// The schema version, after checking that `db` holds okrd's tables.
Result<int> OkrdSchemaVersion(Database* db) {
  OKR_ASSIGN_OR_RETURN(int64_t version, db->QueryInt("PRAGMA user_version"));
  OKR_ASSIGN_OR_RETURN(
      int64_t tables,
      db->QueryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                   "AND name IN ('units', 'check_ins')"));
  if (version <= 0 || tables != 2) {
    return FailedPrecondition(db->path() + " is not an okrd database");
  }
  return static_cast<int>(version);
}

Status SetJournalMode(Database* db, const std::string& mode) {
  OKR_ASSIGN_OR_RETURN(std::string got,
                       db->QueryText("PRAGMA journal_mode = " + mode));
  if (got != mode) {
    return IoError("cannot switch " + db->path() + " to journal mode " + mode +
                   " (got " + got + ")");
  }
  return Status::Ok();
}

Result<BackupInfo> Describe(Database* db) {
  BackupInfo info;
  OKR_ASSIGN_OR_RETURN(int64_t pages, db->QueryInt("PRAGMA page_count"));
  OKR_ASSIGN_OR_RETURN(int64_t page_size, db->QueryInt("PRAGMA page_size"));
  OKR_ASSIGN_OR_RETURN(int64_t version, db->QueryInt("PRAGMA user_version"));
  info.bytes = pages * page_size;
  info.schema_version = static_cast<int>(version);
  return info;
}

// The destination may be replaced only when it is a plain earlier copy.
Status CheckDestination(const std::string& source, const std::string& dest,
                        bool overwrite) {
  if (dest.empty()) return InvalidArgument("the backup file name is empty");
  if (IsDirectory(dest)) {
    return InvalidArgument(dest + " is a directory; name the backup file");
  }
  if (!Exists(dest)) return Status::Ok();
  if (SameFile(source, dest)) {
    return InvalidArgument(dest + " is the database itself");
  }
  if (!overwrite) {
    return AlreadyExists(dest + " exists (pass --force to replace it)");
  }
  for (const char* suffix : {"-wal", "-journal"}) {
    if (Exists(dest + suffix)) {
      return InvalidArgument(dest + " has a " + (suffix + 1) +
                             " file beside it: it looks like a database in "
                             "use, not a backup; choose another name");
    }
  }
  return Status::Ok();
}

Result<std::string> MakeTempFileFor(const std::string& dest) {
  std::string path = dest + ".tmp-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) return IoError(Errno("cannot create a file next to " + dest));
  ::close(fd);
  return path;
}

// Moves the finished copy to `dest`; without `overwrite` it never replaces
// a file that appeared meanwhile.
Status MoveIntoPlace(const std::string& temp, const std::string& dest,
                     bool overwrite) {
  if (!overwrite) {
    if (::link(temp.c_str(), dest.c_str()) == 0) {
      ::unlink(temp.c_str());
      return Status::Ok();
    }
    if (errno == EEXIST) {
      return AlreadyExists(dest + " exists (pass --force to replace it)");
    }
    // No hard links on this file system (FAT, some network mounts).
    if (Exists(dest)) {
      return AlreadyExists(dest + " exists (pass --force to replace it)");
    }
  }
  if (::rename(temp.c_str(), dest.c_str()) != 0) {
    return IoError(Errno("cannot rename " + temp + " to " + dest));
  }
  return Status::Ok();
}

// Copies `source` into the fresh file `temp` and checks the copy.
Result<BackupInfo> CopyInto(const std::string& source, const std::string& temp,
                            int busy_timeout_ms) {
  OKR_ASSIGN_OR_RETURN(auto from, OpenReader(source, busy_timeout_ms));
  OKR_RETURN_IF_ERROR(OkrdSchemaVersion(from.get()).status());
  OKR_ASSIGN_OR_RETURN(auto to,
                       Database::Open(temp, Database::Mode::kReadWrite));
  {
    OKR_ASSIGN_OR_RETURN(auto backup,
                         OnlineBackup::Start(to.get(), from.get()));
    OKR_RETURN_IF_ERROR(backup->CopyAll(busy_timeout_ms));
  }
  // One self-contained file: the copy carries the source's WAL flag.
  OKR_RETURN_IF_ERROR(SetJournalMode(to.get(), "delete"));
  Status checked = CheckDatabaseIntegrity(to.get());
  if (!checked.ok()) return checked.WithPrefix("the copy failed its check");
  return Describe(to.get());
}

// Locks `db` against every other connection for as long as it stays open;
// Unavailable when another connection (the service) has the file open.
Status LockExclusively(Database* db) {
  OKR_RETURN_IF_ERROR(db->Exec("PRAGMA busy_timeout = 1000"));
  OKR_RETURN_IF_ERROR(
      db->QueryText("PRAGMA locking_mode = EXCLUSIVE").status());
  Status s = db->Exec("BEGIN EXCLUSIVE; COMMIT;");
  if (s.code() == StatusCode::kUnavailable) {
    return Unavailable("database " + db->path() +
                       " is open in another process; stop the okrd service "
                       "before restoring");
  }
  return s;
}

Result<int64_t> RevisionOf(Database* db) {
  OKR_ASSIGN_OR_RETURN(
      int64_t has_table,
      db->QueryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                   "AND name = 'revision'"));
  if (has_table == 0) return int64_t{0};
  Result<int64_t> value = db->QueryInt("SELECT max(value) FROM revision");
  return value.ok() ? *value : 0;
}

Status SetRevision(Database* db, int64_t value) {
  OKR_ASSIGN_OR_RETURN(
      int64_t has_table,
      db->QueryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                   "AND name = 'revision'"));
  if (has_table == 0) return Status::Ok();
  OKR_ASSIGN_OR_RETURN(Statement update,
                       db->Prepare("UPDATE revision SET value = ?"));
  return update.Bind(1, value).Run();
}

// A checked read connection to the backup being restored.
Result<std::unique_ptr<Database>> OpenRestoreSource(const std::string& source,
                                                    int busy_timeout_ms) {
  OKR_RETURN_IF_ERROR(RequireSource(source));
  OKR_ASSIGN_OR_RETURN(auto db, OpenReader(source, busy_timeout_ms));
  OKR_ASSIGN_OR_RETURN(int version, OkrdSchemaVersion(db.get()));
  if (version > LatestSchemaVersion()) {
    return FailedPrecondition(
        source + " has database schema " + std::to_string(version) +
        ", newer than this okrd knows (" +
        std::to_string(LatestSchemaVersion()) + "); use a newer okrd");
  }
  Status checked = CheckDatabaseIntegrity(db.get());
  if (!checked.ok()) return checked.WithPrefix(source + " failed its check");
  return db;
}

// Replaces `target`'s content with `source`'s, holding the exclusive lock.
Status ReplaceContent(Database* target, Database* source, int timeout_ms) {
  OKR_ASSIGN_OR_RETURN(int64_t old_revision, RevisionOf(target));
  OKR_RETURN_IF_ERROR(SetJournalMode(target, "delete"));
  {
    OKR_ASSIGN_OR_RETURN(auto backup, OnlineBackup::Start(target, source));
    OKR_RETURN_IF_ERROR(backup->CopyAll(timeout_ms));
  }
  OKR_RETURN_IF_ERROR(SetJournalMode(target, "wal"));
  OKR_ASSIGN_OR_RETURN(int64_t new_revision, RevisionOf(target));
  OKR_RETURN_IF_ERROR(
      SetRevision(target, std::max(old_revision, new_revision) + 1));
  return CheckDatabaseIntegrity(target);
}

}  // namespace

Status CheckDatabaseIntegrity(Database* db) {
  OKR_ASSIGN_OR_RETURN(std::string result,
                       db->QueryText("PRAGMA integrity_check"));
  if (result != "ok") return Corruption("integrity_check: " + result);
  OKR_ASSIGN_OR_RETURN(Statement fk, db->Prepare("PRAGMA foreign_key_check"));
  OKR_ASSIGN_OR_RETURN(bool violation, fk.Step());
  if (violation) {
    return Corruption("foreign_key_check: table " + fk.ColumnText(0) + " row " +
                      fk.ColumnText(1) + " refers to a missing " +
                      fk.ColumnText(2));
  }
  return Status::Ok();
}

Result<BackupInfo> BackupDatabase(const std::string& source,
                                  const std::string& dest,
                                  const BackupOptions& options) {
  OKR_RETURN_IF_ERROR(RequireSource(source));
  OKR_RETURN_IF_ERROR(CheckDestination(source, dest, options.overwrite));
  OKR_ASSIGN_OR_RETURN(std::string temp_path, MakeTempFileFor(dest));
  TempFile temp(temp_path);
  OKR_ASSIGN_OR_RETURN(BackupInfo info,
                       CopyInto(source, temp.path(), options.busy_timeout_ms));
  OKR_RETURN_IF_ERROR(FsyncPath(temp.path(), O_RDONLY));
  OKR_RETURN_IF_ERROR(MoveIntoPlace(temp.path(), dest, options.overwrite));
  temp.Keep();
  OKR_RETURN_IF_ERROR(FsyncPath(DirectoryOf(dest), O_RDONLY | O_DIRECTORY));
  return info;
}

Result<BackupInfo> RestoreDatabase(const std::string& source,
                                   const std::string& target,
                                   const BackupOptions& options) {
  OKR_ASSIGN_OR_RETURN(auto from,
                       OpenRestoreSource(source, options.busy_timeout_ms));
  if (Exists(target)) {
    if (SameFile(source, target)) {
      return InvalidArgument(source + " is the database itself");
    }
    if (!options.overwrite) {
      return AlreadyExists("database " + target +
                           " exists; stop the okrd service, then pass --force "
                           "to replace it");
    }
  }
  OKR_ASSIGN_OR_RETURN(
      auto to, Database::Open(target, Database::Mode::kReadWriteCreate));
  OKR_RETURN_IF_ERROR(LockExclusively(to.get()));
  OKR_RETURN_IF_ERROR(
      ReplaceContent(to.get(), from.get(), options.busy_timeout_ms));
  return Describe(to.get());
}

}  // namespace okr
