// Copyright 2026 The okrd Authors.
//
// Hand-written organisations for tests that need a valid one.

#ifndef OKR_TESTS_SUPPORT_FIXTURES_H_
#define OKR_TESTS_SUPPORT_FIXTURES_H_

#include "core/model/organisation.h"

namespace okr::testing {

// Two units (company, one department), two people, one cycle 2027-Q1,
// two objectives (the department's parent is a company KR, and it supports
// nothing), three key results of different kinds and two check-ins.
// Validates cleanly.
Organisation SmallOrganisation();

// SmallOrganisation() plus `teams` teams under "eng" ("team-0", ...), each
// with a lead ("lead-N@acme.test"), three team objectives
// ("o-team-N-M", "Team N goal M") of one KR each ("kr-team-N-M", 0 to 10,
// at 5) in 2027-Q1. Team N's first KR has a check-in at confidence 0.2
// (off track) when N is odd, 0.9 (on track) when even. Validates cleanly.
Organisation LargeOrganisation(int teams);

}  // namespace okr::testing

#endif  // OKR_TESTS_SUPPORT_FIXTURES_H_
