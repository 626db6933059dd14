// Copyright 2026 The okrd Authors.
//
// The weekly check-in form on person pages (a PersonPageExtension, site.h).
//
// GET /people/{email}: a viewer who may update some of that person's key
// results in the cycle shown (checkin.h, MayUpdate) sees one form with a
// fieldset per key result: value and confidence prefilled with the last
// values, and the four weekly questions (last week's answers as
// placeholders). The form carries Auth::CsrfToken. Other viewers get the
// shared, cached page.
//
// POST /people/{email}/check-ins (application/x-www-form-urlencoded, parsed
// by ParseFormUrlEncoded: never CivetWeb's form handler): fields "csrf",
// then per key result i = 0, 1, ...: "kr.i" (its key), "value.i",
// "confidence.i" (0..1 or "70%", may be empty), "status.i", "learned.i",
// "plans.i", "challenges.i". All key results go through SubmitCheckIns in
// one transaction. Success: 303 to the person page with "?saved=N", which
// shows a confirmation. Errors: the page again with the form as submitted
// and messages naming the key result and field (400; 403 when not allowed,
// 404 unknown key result, 409 removed meanwhile, 503 busy); 401 without an
// identity, 403 when Auth::CheckWrite refuses, 413 over
// Limits::max_form_body_bytes, 415 another content type, 400 a malformed
// body (a NUL byte, a bad escape).
//
// Threads: thread-safe; store, clock and auth must outlive it.

#ifndef OKR_CORE_WEB_CHECKIN_FORMS_H_
#define OKR_CORE_WEB_CHECKIN_FORMS_H_

#include <memory>

#include "core/auth/auth.h"
#include "core/base/clock.h"
#include "core/base/limits.h"
#include "core/store/store.h"
#include "core/web/site.h"

namespace okr::web {

std::shared_ptr<const PersonPageExtension> MakeCheckInForms(
    Store* store, const Clock* clock, const Auth* auth,
    const Limits& limits = Limits());

}  // namespace okr::web

namespace okr {
using web::MakeCheckInForms;  // The name cli/ wires.
}  // namespace okr

#endif  // OKR_CORE_WEB_CHECKIN_FORMS_H_
