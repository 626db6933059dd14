// Copyright 2026 The okrd Authors.
//
// The one write path for check-ins, used by the JSON API, the person page's
// weekly check-in form and `okrd checkin`:
//
//   1. every input is validated on its own (value finite and within
//      Limits::max_abs_checkin_value, confidence within [0, 1], each of the
//      four answers valid UTF-8, no control byte but tab/CR/LF, at most
//      Limits::max_checkin_text_bytes); every problem is reported as a
//      FieldError naming the input and the field;
//   2. the writer must be allowed to update each key result (MayUpdate);
//   3. all inputs are stored in one transaction (Store::AddCheckIns:
//      BEGIN IMMEDIATE on the single writer, bounded busy wait), so a weekly
//      check-in lands whole or not at all.
//
// Authorization is checked against `org`, a snapshot of the stored
// organisation; the store re-checks inside the transaction that every key
// result still exists (an import may have removed it meanwhile).
//
// Threads: the functions are pure or go through Store (thread-safe).

#ifndef OKR_CORE_CHECKIN_CHECKIN_H_
#define OKR_CORE_CHECKIN_CHECKIN_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/auth.h"
#include "core/base/limits.h"
#include "core/base/result.h"
#include "core/model/organisation.h"
#include "core/store/store.h"

namespace okr {

// One key result's check-in as a writer submits it.
struct CheckInInput {
  std::string kr_key;
  std::optional<double> value;       // Required.
  std::optional<double> confidence;  // Optional, 0..1.
  std::string status;                // The four weekly answers.
  std::string learned;
  std::string next_steps;
  std::string challenges;
};

// A problem with one field of one input. `field` is one of "key", "value",
// "confidence", "status", "learned", "plans", "challenges" (the names of the
// JSON API and the form) or "check-ins" for the submission as a whole.
struct FieldError {
  size_t index = 0;  // Which input.
  std::string kr_key;
  std::string field;
  std::string message;
};

struct CheckInOutcome {
  // Ok; InvalidArgument (see errors); NotFound (an unknown key result, also
  // in errors); PermissionDenied (the writer may not update one of them, in
  // errors); Unavailable (the database stayed busy: retry); other store
  // errors. Nothing was stored unless ok().
  Status status;
  std::vector<FieldError> errors;
  std::vector<CheckIn> stored;  // With ids, in input order, when ok().

  bool ok() const { return status.ok(); }
};

// Checks the values and texts of `input` (not the key result or the writer),
// appending to *errors. Pure.
void ValidateCheckInInput(const CheckInInput& input, size_t index,
                          const Limits& limits, std::vector<FieldError>* errors);

// Whether `who` may write check-ins for `kr`: admins; the key result's
// owner; its objective's owner; the manager of either owner; the lead of
// the objective's unit (for an individual objective, of the owner's unit).
// Emails compare case-insensitively.
bool MayUpdate(const Organisation& org, const KeyResult& kr,
               const Identity& who);

// The key results of `org` that `who` may update, in stored order.
std::vector<const KeyResult*> UpdatableKeyResults(const Organisation& org,
                                                  const Identity& who);

// Validates, authorizes and stores `inputs` as check-ins at `now`. The
// author is who.email when it names a person of `org`, else empty (an
// admin account that is not a person); `source` says where it came from
// ("api", "web", "cli").
CheckInOutcome SubmitCheckIns(Store* store, const Organisation& org,
                              const Identity& who,
                              const std::vector<CheckInInput>& inputs,
                              UnixSeconds now, std::string_view source,
                              const Limits& limits = Limits());

}  // namespace okr

#endif  // OKR_CORE_CHECKIN_CHECKIN_H_
