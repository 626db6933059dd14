// Copyright 2026 The okrd Authors.
//
// Small hand-written organisations for tests that need a valid one.

#ifndef OKR_TESTS_SUPPORT_FIXTURES_H_
#define OKR_TESTS_SUPPORT_FIXTURES_H_

#include "core/model/organisation.h"

namespace okr::testing {

// Two units (company, one department), two people, one cycle 2027-Q1,
// two objectives (the department's parent is a company KR, and it supports
// nothing), three key results of different kinds and two check-ins.
// Validates cleanly.
Organisation SmallOrganisation();

}  // namespace okr::testing

#endif  // OKR_TESTS_SUPPORT_FIXTURES_H_
