// Copyright 2026 The okrd Authors.

#include "core/server/signals.h"

#include <pthread.h>
#include <signal.h>

#include <catch2/catch.hpp>

namespace okr {
namespace {

// Restores the calling thread's signal mask when it goes out of scope.
class MaskRestorer {
 public:
  MaskRestorer() { pthread_sigmask(SIG_SETMASK, nullptr, &saved_); }
  ~MaskRestorer() { pthread_sigmask(SIG_SETMASK, &saved_, nullptr); }

 private:
  sigset_t saved_;
};

bool IsBlocked(int signal_number) {
  sigset_t current;
  pthread_sigmask(SIG_SETMASK, nullptr, &current);
  return sigismember(&current, signal_number) == 1;
}

TEST_CASE("BlockShutdownSignals blocks INT, TERM and HUP", "[server]") {
  MaskRestorer restore;
  REQUIRE(BlockShutdownSignals().ok());
  CHECK(IsBlocked(SIGINT));
  CHECK(IsBlocked(SIGTERM));
  CHECK(IsBlocked(SIGHUP));
  CHECK_FALSE(IsBlocked(SIGUSR1));
}

TEST_CASE("Threads started after BlockShutdownSignals inherit the mask",
          "[server]") {
  MaskRestorer restore;
  REQUIRE(BlockShutdownSignals().ok());
  bool blocked_in_thread = false;
  pthread_t thread;
  auto body = [](void* arg) -> void* {
    *static_cast<bool*>(arg) = IsBlocked(SIGTERM) && IsBlocked(SIGINT);
    return nullptr;
  };
  REQUIRE(pthread_create(&thread, nullptr, body, &blocked_in_thread) == 0);
  pthread_join(thread, nullptr);
  CHECK(blocked_in_thread);
}

TEST_CASE("WaitForShutdownSignal returns the pending signal", "[server]") {
  MaskRestorer restore;
  REQUIRE(BlockShutdownSignals().ok());
  // Pending on this thread only, because it is blocked; sigwait consumes it.
  REQUIRE(pthread_kill(pthread_self(), SIGTERM) == 0);
  Result<int> first = WaitForShutdownSignal();
  REQUIRE(first.ok());
  CHECK(*first == SIGTERM);

  REQUIRE(pthread_kill(pthread_self(), SIGHUP) == 0);
  Result<int> second = WaitForShutdownSignal();
  REQUIRE(second.ok());
  CHECK(*second == SIGHUP);
}

}  // namespace
}  // namespace okr
