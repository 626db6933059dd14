// Copyright 2026 The okrd Authors.
//
// The way `okrd import` lent the stored organisation to lint before lint
// took a `known` organisation: copies of the people, units and cycles the
// file lacks appended to the file's organisation. The reference the
// streaming lint is compared with.

#ifndef OKR_TESTS_CORE_ANALYTICS_LINT_REFERENCE_H_
#define OKR_TESTS_CORE_ANALYTICS_LINT_REFERENCE_H_

#include <set>
#include <string>

#include "core/model/organisation.h"

namespace okr::testing {

inline Organisation WithKnownCopied(Organisation org,
                                    const Organisation& known) {
  auto add_missing = [](auto& to, const auto& from, auto key) {
    std::set<std::string> have;
    for (const auto& x : to) have.insert(key(x));
    for (const auto& x : from) {
      if (!have.count(key(x))) to.push_back(x);
    }
  };
  add_missing(org.people, known.people,
              [](const Person& p) { return p.email; });
  add_missing(org.units, known.units, [](const Unit& u) { return u.key; });
  add_missing(org.cycles, known.cycles, [](const Cycle& c) { return c.name; });
  return org;
}

}  // namespace okr::testing

#endif  // OKR_TESTS_CORE_ANALYTICS_LINT_REFERENCE_H_
