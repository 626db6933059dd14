// Copyright 2026 The okrd Authors.

#include "core/store/sqlite.h"

#include <sqlite3.h>

#include <cassert>
#include <climits>

namespace okr {
namespace {

StatusCode CodeFor(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StatusCode::kUnavailable;
    case SQLITE_CONSTRAINT:
      return (rc == SQLITE_CONSTRAINT_UNIQUE ||
              rc == SQLITE_CONSTRAINT_PRIMARYKEY)
                 ? StatusCode::kAlreadyExists
                 : StatusCode::kFailedPrecondition;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
      return StatusCode::kIoError;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return StatusCode::kCorruption;
    default:
      return StatusCode::kInternal;
  }
}

int ToInt(size_t n) { return n > INT_MAX ? INT_MAX : static_cast<int>(n); }

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                 Mode mode) {
  int flags = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
    case Mode::kReadWriteCreate:
      flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
    case Mode::kReadWrite:
      flags |= SQLITE_OPEN_READWRITE;
      break;
    case Mode::kReadOnly:
      flags |= SQLITE_OPEN_READONLY;
      break;
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s(CodeFor(rc), "cannot open database " + path + ": " +
                              (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    sqlite3_close(raw);
    return s;
  }
  sqlite3_extended_result_codes(raw, 1);
  return std::unique_ptr<Database>(new Database(raw, path));
}

Database::~Database() {
  // All statements are finalized by their owners first; close_v2 would defer.
  const int rc = sqlite3_close(db_);
  assert(rc == SQLITE_OK && "a Statement outlived its Database");
  (void)rc;
}

Status Database::Exec(std::string_view sql) {
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return LastError("sql");
  }
  return Status::Ok();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), ToInt(sql.size()), &stmt,
                         nullptr) != SQLITE_OK) {
    return LastError("prepare");
  }
  return Statement(this, stmt);
}

Result<int64_t> Database::QueryInt(std::string_view sql) {
  OKR_ASSIGN_OR_RETURN(Statement stmt, Prepare(sql));
  OKR_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NotFound("query returned no row: " + std::string(sql));
  return stmt.ColumnInt(0);
}

Result<std::string> Database::QueryText(std::string_view sql) {
  OKR_ASSIGN_OR_RETURN(Statement stmt, Prepare(sql));
  OKR_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NotFound("query returned no row: " + std::string(sql));
  return stmt.ColumnText(0);
}

int64_t Database::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const { return sqlite3_changes(db_); }

Status Database::LastError(std::string_view what) const {
  const int rc = sqlite3_extended_errcode(db_);
  return Status(CodeFor(rc), std::string(what) + ": " + sqlite3_errmsg(db_));
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), bind_error_(other.bind_error_) {
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    bind_error_ = other.bind_error_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

namespace {
void Note(int rc, int* first_error) {
  if (rc != SQLITE_OK && *first_error == 0) *first_error = rc;
}
}  // namespace

Statement& Statement::Bind(int index, int64_t value) {
  Note(sqlite3_bind_int64(stmt_, index, value), &bind_error_);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  Note(sqlite3_bind_double(stmt_, index, value), &bind_error_);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  Note(sqlite3_bind_text64(stmt_, index, text.data(), text.size(),
                           SQLITE_TRANSIENT, SQLITE_UTF8),
       &bind_error_);
  return *this;
}

Statement& Statement::BindNull(int index) {
  Note(sqlite3_bind_null(stmt_, index), &bind_error_);
  return *this;
}

Statement& Statement::BindTextOrNull(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

Statement& Statement::Bind(int index, std::optional<double> value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Result<bool> Statement::Step() {
  if (bind_error_ != 0) {
    return Status(StatusCode::kInternal,
                  std::string("bind: ") + sqlite3_errstr(bind_error_));
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->LastError("step");
}

Status Statement::Run() {
  OKR_ASSIGN_OR_RETURN(bool row, Step());
  (void)row;
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = 0;
}

int64_t Statement::ColumnInt(int col) const {
  return sqlite3_column_int64(stmt_, col);
}

double Statement::ColumnDouble(int col) const {
  return sqlite3_column_double(stmt_, col);
}

std::string Statement::ColumnText(int col) const {
  const unsigned char* text = sqlite3_column_text(stmt_, col);
  if (text == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

bool Statement::ColumnIsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

std::optional<double> Statement::ColumnOptionalDouble(int col) const {
  if (ColumnIsNull(col)) return std::nullopt;
  return ColumnDouble(col);
}

Result<std::unique_ptr<Transaction>> Transaction::Begin(Database* db,
                                                        Kind kind) {
  OKR_RETURN_IF_ERROR(db->Exec(kind == Kind::kWrite ? "BEGIN IMMEDIATE"
                                                    : "BEGIN DEFERRED"));
  return std::unique_ptr<Transaction>(new Transaction(db));
}

Transaction::~Transaction() {
  if (open_) (void)db_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  assert(open_);
  Status s = db_->Exec("COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace okr
