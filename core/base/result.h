// Copyright 2026 The okrd Authors.
//
// Result<T>: either a value or a non-OK Status. Use for functions that
// produce something and can fail in an expected way. Accessing value() on an
// error is a bug (asserted). Thread-compatible.

#ifndef OKR_CORE_BASE_RESULT_H_
#define OKR_CORE_BASE_RESULT_H_

#include <cassert>
#include <utility>
#include <variant>

#include "core/base/status.h"

namespace okr {

template <typename T>
class Result {
 public:
  // Implicit on purpose: `return value;` and `return NotFound(...);` both work.
  Result(T value) : data_(std::move(value)) {}  // NOLINT
  Result(Status status) : data_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(data_).ok() && "Result needs a value or error");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }

  // OK when a value is held.
  Status status() const { return ok() ? Status() : std::get<Status>(data_); }

  T& value() & {
    assert(ok());
    return std::get<T>(data_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(data_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(data_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace okr

#define OKR_CONCAT_INNER_(a, b) a##b
#define OKR_CONCAT_(a, b) OKR_CONCAT_INNER_(a, b)

// Declares or assigns `lhs` from a Result expression, returning its Status
// from the enclosing function on error. Example:
//   OKR_ASSIGN_OR_RETURN(auto db, Database::Open(path));
#define OKR_ASSIGN_OR_RETURN(lhs, expr) \
  OKR_ASSIGN_OR_RETURN_IMPL_(OKR_CONCAT_(okr_result_, __LINE__), lhs, expr)
#define OKR_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                               \
  if (!tmp.ok()) return tmp.status();              \
  lhs = std::move(tmp).value()

#endif  // OKR_CORE_BASE_RESULT_H_
