// Copyright 2026 The okrd Authors.
//
// FUZZ_CHECK(cond): a check that stays on in every build and aborts, which
// libFuzzer reports as a crash and keeps the input for.

#ifndef OKR_TESTS_FUZZ_FUZZ_CHECK_H_
#define OKR_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                       \
  do {                                                                         \
    if (!(cond)) {                                                             \
      std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s:%d)\n", #cond, __FILE__, \
                   __LINE__);                                                  \
      std::abort();                                                            \
    }                                                                          \
  } while (0)

#endif  // OKR_TESTS_FUZZ_FUZZ_CHECK_H_
