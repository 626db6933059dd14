// Copyright 2026 The okrd Authors.
//
// The write side of the JSON API:
//
//   POST /api/v1/key-results/{key}/check-ins
//     Content-Type: application/json
//     {"value": 42, "confidence": 0.7, "status": "...", "learned": "...",
//      "plans": "...", "challenges": "..."}
//
// "value" is required; the others may be missing or null ("next_steps" is
// accepted for "plans", the name GET /api/v1/check-ins uses). The request
// needs an identity (Auth::Identify) and must pass Auth::CheckWrite: a
// bearer token, or a session with a same-origin Origin and the CSRF token in
// the "X-CSRF-Token" header. It goes through SubmitCheckIns (checkin.h).
//
// Answers: 201 with the stored check-in (as GET /api/v1/check-ins shows it)
// and a Location; errors as {"error": "...", "field": "..."} ("field" is
// empty when no single field is at fault): 400 malformed JSON or an invalid
// field, 401 no identity, 403 not allowed (or CSRF/Origin refused), 404 no
// such key result, 409 the key result went away during the write (an
// import), 413 a body over Limits::max_form_body_bytes, 415 not JSON, 503
// the database stayed busy (with Retry-After).
//
// Threads: the handler is thread-safe; store, clock and auth must outlive
// the router and any server using it.

#ifndef OKR_CORE_WEB_CHECKIN_API_H_
#define OKR_CORE_WEB_CHECKIN_API_H_

#include "core/auth/auth.h"
#include "core/base/clock.h"
#include "core/base/limits.h"
#include "core/server/router.h"
#include "core/store/store.h"

namespace okr::web {

void AddCheckInApiRoutes(Router* router, Store* store, const Clock* clock,
                         const Auth* auth, const Limits& limits = Limits());

}  // namespace okr::web

namespace okr {
using web::AddCheckInApiRoutes;  // The name cli/ wires.
}  // namespace okr

#endif  // OKR_CORE_WEB_CHECKIN_API_H_
