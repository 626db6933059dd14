// Copyright 2026 The okrd Authors.
//
// Store: the one way to read and change an organisation kept in a SQLite
// file. One writer connection (serialised by a mutex, BEGIN IMMEDIATE, so
// writers from other processes queue on busy_timeout instead of failing
// mid-transaction) and a pool of read-only connections, so readers never
// block the writer (WAL). Every change is a single transaction: it lands
// whole or not at all.
//
// Threads: all methods are thread-safe.

#ifndef OKR_CORE_STORE_STORE_H_
#define OKR_CORE_STORE_STORE_H_

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/organisation.h"
#include "core/store/sqlite.h"

namespace okr {

struct StoreOptions {
  // Create the file (and schema) when it does not exist.
  bool create_if_missing = false;
  // How long a write waits for another process's write to finish.
  int busy_timeout_ms = 10'000;
};

class Store {
 public:
  // Opens the database at `path`, applying pending migrations. Errors:
  // NotFound when the file is missing and !create_if_missing;
  // FailedPrecondition for a schema newer than this build (file untouched);
  // Corruption for a file that is not a database.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }

  // A consistent snapshot of everything, in stored order; check-ins oldest
  // first. Check-ins of key results or objectives that an import removed
  // stay in the file (history is never deleted) but are not part of the
  // snapshot; they come back if an item with that key returns.
  Result<Organisation> Load();

  // Adds every item of `org` (which must validate on its own) in one
  // transaction. On any error, including a key that is already stored,
  // nothing is written. Check-in ids are assigned; the given ones ignored.
  Status Insert(const Organisation& org);

  // Makes the stored organisation equal to plan.merged and appends
  // plan.new_check_ins, in one transaction; stored check-ins are untouched.
  // The plan must have been computed against the current stored state
  // (PlanImport on Load()); the revision is the caller's guard for that.
  Status ApplyImport(const ImportPlan& plan);
  // ApplyImport that first checks, inside its transaction, that the
  // revision is still `expected_revision` (the one read before the Load()
  // the plan was computed on); FailedPrecondition, writing nothing, when any
  // change (a check-in, say) came in between: plan again and retry.
  Status ApplyImportAt(const ImportPlan& plan, int64_t expected_revision);

  // Loads and plans and applies in one write transaction: `plan` sees the
  // stored organisation with every other writer held off (check-ins wait,
  // within busy_timeout), so nothing lands between planning and applying.
  // `plan` returns nullopt for nothing to apply (the transaction is rolled
  // back), or an error (returned as is). For imports that must not be
  // overtaken by a steady stream of check-ins; keep `plan` quick.
  using Planner =
      std::function<Result<std::optional<ImportPlan>>(const Organisation&)>;
  Status ApplyImportPlannedBy(const Planner& plan);

  // Appends a check-in and, when it carries a value for a key result,
  // updates that KR's current value, in one transaction. The target must
  // exist, the author (when given) must be a known person, confidence must
  // be within [0, 1] and the value finite. Returns the stored check-in with
  // its id.
  Result<CheckIn> AddCheckIn(CheckIn check_in);

  // AddCheckIn for several check-ins in one transaction: all are stored or
  // none. Returns them with their ids, in the given order.
  Result<std::vector<CheckIn>> AddCheckIns(std::vector<CheckIn> check_ins);

  // A number that grows with every committed change, made by any process.
  // Equal revisions mean equal data: cache keys and ETags use it.
  Result<int64_t> Revision();

  // True when no unit, person, cycle or objective is stored.
  Result<bool> IsEmpty();

  // Runs PRAGMA integrity_check and foreign_key_check.
  Status CheckIntegrity();

 private:
  friend class CalendarStore;  // Borrows the connections (calendar_store.h).
  friend class AuthStore;      // Likewise (auth_store.h).
  Store(std::string path, std::unique_ptr<Database> writer,
        int busy_timeout_ms);

  Status ApplyImportIf(const ImportPlan& plan,
                       std::optional<int64_t> expected_revision);

  // Borrow and return a read-only connection.
  Result<std::unique_ptr<Database>> TakeReader();
  void ReturnReader(std::unique_ptr<Database> db);

  const std::string path_;
  const int busy_timeout_ms_;
  std::mutex write_mu_;
  std::unique_ptr<Database> writer_;  // Guarded by write_mu_.
  std::mutex readers_mu_;
  std::vector<std::unique_ptr<Database>> readers_;  // Guarded by readers_mu_.
};

// Store internals (store_read.cc): the organisation as `db` sees it, inside
// a transaction the caller holds.
Result<Organisation> LoadInTransaction(Database* db);

// Applies okrd's connection settings: WAL, synchronous=FULL, foreign keys,
// busy timeout.
Status ConfigureConnection(Database* db, int busy_timeout_ms);

}  // namespace okr

#endif  // OKR_CORE_STORE_STORE_H_
