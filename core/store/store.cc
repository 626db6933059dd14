// Copyright 2026 The okrd Authors.

#include "core/store/store.h"

#include <unistd.h>

#include <utility>

#include "core/store/backup.h"
#include "core/store/schema.h"

namespace okr {

Status ConfigureConnection(Database* db, int busy_timeout_ms) {
  OKR_RETURN_IF_ERROR(db->Exec("PRAGMA busy_timeout = " +
                               std::to_string(busy_timeout_ms)));
  OKR_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  return db->Exec("PRAGMA synchronous = FULL");
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                           const StoreOptions& options) {
  const bool exists = access(path.c_str(), F_OK) == 0;
  if (!exists && !options.create_if_missing) {
    return NotFound("no database at " + path +
                    " (create one with `okrd init` or pass --db)");
  }
  OKR_ASSIGN_OR_RETURN(
      auto db, Database::Open(path, exists ? Database::Mode::kReadWrite
                                           : Database::Mode::kReadWriteCreate));
  OKR_RETURN_IF_ERROR(ConfigureConnection(db.get(), options.busy_timeout_ms));
  // Reading the schema first turns "file is not a database" into an error
  // before anything is written, and refuses a newer schema untouched.
  Status s = Migrate(db.get(), SchemaMigrations());
  if (!s.ok()) return s;
  OKR_ASSIGN_OR_RETURN(std::string mode,
                       db->QueryText("PRAGMA journal_mode = WAL"));
  if (mode != "wal") {
    return IoError("cannot switch " + path + " to WAL mode (got " + mode + ")");
  }
  return std::unique_ptr<Store>(
      new Store(path, std::move(db), options.busy_timeout_ms));
}

Store::Store(std::string path, std::unique_ptr<Database> writer,
             int busy_timeout_ms)
    : path_(std::move(path)),
      busy_timeout_ms_(busy_timeout_ms),
      writer_(std::move(writer)) {}

Store::~Store() = default;

Result<std::unique_ptr<Database>> Store::TakeReader() {
  {
    std::lock_guard<std::mutex> lock(readers_mu_);
    if (!readers_.empty()) {
      auto db = std::move(readers_.back());
      readers_.pop_back();
      return db;
    }
  }
  OKR_ASSIGN_OR_RETURN(auto db,
                       Database::Open(path_, Database::Mode::kReadOnly));
  OKR_RETURN_IF_ERROR(
      db->Exec("PRAGMA busy_timeout = " + std::to_string(busy_timeout_ms_)));
  return db;
}

void Store::ReturnReader(std::unique_ptr<Database> db) {
  std::lock_guard<std::mutex> lock(readers_mu_);
  readers_.push_back(std::move(db));
}

Result<int64_t> Store::Revision() {
  OKR_ASSIGN_OR_RETURN(auto db, TakeReader());
  Result<int64_t> revision = db->QueryInt("SELECT value FROM revision");
  ReturnReader(std::move(db));
  return revision;
}

Result<bool> Store::IsEmpty() {
  std::lock_guard<std::mutex> lock(write_mu_);
  OKR_ASSIGN_OR_RETURN(
      int64_t n,
      writer_->QueryInt("SELECT (SELECT count(*) FROM units) + "
                        "(SELECT count(*) FROM people) + "
                        "(SELECT count(*) FROM cycles) + "
                        "(SELECT count(*) FROM objectives)"));
  return n == 0;
}

Status Store::CheckIntegrity() {
  std::lock_guard<std::mutex> lock(write_mu_);
  return CheckDatabaseIntegrity(writer_.get());
}

}  // namespace okr
