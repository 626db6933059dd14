// Copyright 2026 The okrd Authors.
//
// Status: the outcome of an operation that can fail in an expected way (bad
// input, missing row, busy database). Bugs are asserted, never returned.
//
// A Status is a small value type: OK carries no allocation, an error carries
// a code and a one-line message meant for a person ("plan.xlsx:OKRs!D7:
// target "abc" is not a number"). Thread-compatible: distinct objects may be
// used from distinct threads.

#ifndef OKR_CORE_BASE_STATUS_H_
#define OKR_CORE_BASE_STATUS_H_

#include <memory>
#include <string>
#include <string_view>

namespace okr {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // The caller's input is wrong (bad value, bad flag).
  kNotFound,            // A named thing does not exist.
  kAlreadyExists,       // A unique key is taken.
  kFailedPrecondition,  // The system is not in a state for this (newer db).
  kPermissionDenied,    // The identity may not do this.
  kResourceExhausted,   // A configured limit was hit.
  kUnavailable,         // Transient: busy database, deadline; may retry.
  kIoError,             // The OS or a file failed.
  kCorruption,          // Stored or received data is malformed.
  kInternal,            // A dependency failed unexpectedly.
};

// Returns a short lowercase name such as "not found".
std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK.
  Status(StatusCode code, std::string message);

  static Status Ok() { return Status(); }

  bool ok() const { return rep_ == nullptr; }
  StatusCode code() const { return rep_ ? rep_->code : StatusCode::kOk; }
  // Empty for OK.
  const std::string& message() const;

  // Returns a copy whose message is "prefix: message"; OK stays OK.
  Status WithPrefix(std::string_view prefix) const;

  // "OK" or the message alone: errors are written for people.
  std::string ToString() const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code() == b.code() && a.message() == b.message();
  }

 private:
  struct Rep {
    StatusCode code;
    std::string message;
  };
  std::shared_ptr<const Rep> rep_;  // Null means OK; immutable once built.
};

inline Status InvalidArgument(std::string m) {
  return Status(StatusCode::kInvalidArgument, std::move(m));
}
inline Status NotFound(std::string m) {
  return Status(StatusCode::kNotFound, std::move(m));
}
inline Status AlreadyExists(std::string m) {
  return Status(StatusCode::kAlreadyExists, std::move(m));
}
inline Status FailedPrecondition(std::string m) {
  return Status(StatusCode::kFailedPrecondition, std::move(m));
}
inline Status PermissionDenied(std::string m) {
  return Status(StatusCode::kPermissionDenied, std::move(m));
}
inline Status ResourceExhausted(std::string m) {
  return Status(StatusCode::kResourceExhausted, std::move(m));
}
inline Status Unavailable(std::string m) {
  return Status(StatusCode::kUnavailable, std::move(m));
}
inline Status IoError(std::string m) {
  return Status(StatusCode::kIoError, std::move(m));
}
inline Status Corruption(std::string m) {
  return Status(StatusCode::kCorruption, std::move(m));
}
inline Status Internal(std::string m) {
  return Status(StatusCode::kInternal, std::move(m));
}

}  // namespace okr

// Evaluates `expr` (a Status) and returns it from the enclosing function if
// it is not OK.
#define OKR_RETURN_IF_ERROR(expr)              \
  do {                                         \
    ::okr::Status okr_status_tmp_ = (expr);    \
    if (!okr_status_tmp_.ok()) return okr_status_tmp_; \
  } while (0)

#endif  // OKR_CORE_BASE_STATUS_H_
