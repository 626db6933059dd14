// Copyright 2026 The okrd Authors.
//
// The example's cadence overrides, so the demo shows both kinds: Tomasz
// meets Katharina (his manager, Europe/Berlin) every other Tuesday at 14:30
// for 45 minutes; the Platform team reviews on Wednesdays at 10:00 for 45
// minutes (the interval stays the config's default).

#include "core/example/example_internal.h"

namespace okr::example_internal {

void AddCadenceOverrides(Organisation* org) {
  for (Person& p : org->people) {
    if (p.email == Email("tomasz.wisniewski")) {
      p.one_on_one = {.weekday = 1, .start_minute = 14 * 60 + 30,
                      .length_minutes = 45, .interval_weeks = 2};
    }
  }
  for (Unit& u : org->units) {
    if (u.key == "eng-platform") {
      u.review = {.weekday = 2, .start_minute = 10 * 60, .length_minutes = 45};
    }
  }
}

}  // namespace okr::example_internal
