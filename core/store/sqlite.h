// Copyright 2026 The okrd Authors.
//
// Thin RAII wrappers over the SQLite C API: Database owns a sqlite3*,
// Statement owns a sqlite3_stmt*, Transaction owns an open transaction.
// Every failure becomes a Status whose message carries SQLite's own text.
// SQLITE_BUSY / SQLITE_LOCKED map to kUnavailable, constraint violations to
// kAlreadyExists (unique) or kFailedPrecondition (others).
//
// Threads: a Database and its Statements are used by one thread at a time
// (the caller serialises); distinct Databases may be used concurrently.

#ifndef OKR_CORE_STORE_SQLITE_H_
#define OKR_CORE_STORE_SQLITE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace okr {

class Statement;

class Database {
 public:
  enum class Mode { kReadWriteCreate, kReadWrite, kReadOnly };

  // Opens (or creates, per mode) the database file at `path`.
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without results (schema, pragmas).
  Status Exec(std::string_view sql);
  // Compiles one statement; the Statement must not outlive this Database.
  Result<Statement> Prepare(std::string_view sql);

  // Reads one integer: "PRAGMA user_version", "SELECT count(*) ...".
  Result<int64_t> QueryInt(std::string_view sql);
  // Reads one text value.
  Result<std::string> QueryText(std::string_view sql);

  int64_t last_insert_rowid() const;
  int changes() const;
  const std::string& path() const { return path_; }
  sqlite3* raw() { return db_; }

  // A Status for the last error on this connection, prefixed by `what`.
  Status LastError(std::string_view what) const;

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  // Bind by 1-based index. Text is copied by SQLite.
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindNull(int index);
  // Binds NULL for an empty string, for optional foreign keys.
  Statement& BindTextOrNull(int index, std::string_view text);
  Statement& Bind(int index, std::optional<double> value);

  // Advances: true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion, expecting no rows.
  Status Run();
  // Resets for re-execution with new bindings.
  void Reset();

  int64_t ColumnInt(int col) const;
  double ColumnDouble(int col) const;
  std::string ColumnText(int col) const;  // "" for NULL.
  bool ColumnIsNull(int col) const;
  std::optional<double> ColumnOptionalDouble(int col) const;

 private:
  friend class Database;
  Statement(Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Database* db_;
  sqlite3_stmt* stmt_;
  int bind_error_ = 0;  // First failed bind, reported by Step.
};

// BEGIN IMMEDIATE (write) or BEGIN (read snapshot) on construction through
// Begin(); rolls back on destruction unless Commit() succeeded.
class Transaction {
 public:
  enum class Kind { kRead, kWrite };
  static Result<std::unique_ptr<Transaction>> Begin(Database* db, Kind kind);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
  bool open_ = true;
};

}  // namespace okr

#endif  // OKR_CORE_STORE_SQLITE_H_
