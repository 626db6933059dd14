// Copyright 2026 The okrd Authors.

#include "core/server/signals.h"

#include <pthread.h>
#include <signal.h>

#include <cstring>
#include <string>

namespace okr {
namespace {

sigset_t ShutdownSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

}  // namespace

Status BlockShutdownSignals() {
  sigset_t set = ShutdownSignals();
  int rc = pthread_sigmask(SIG_BLOCK, &set, nullptr);
  if (rc != 0) {
    return Internal(std::string("cannot block shutdown signals: ") +
                    std::strerror(rc));
  }
  return Status::Ok();
}

Result<int> WaitForShutdownSignal() {
  sigset_t set = ShutdownSignals();
  int signal_number = 0;
  int rc = sigwait(&set, &signal_number);
  if (rc != 0) {
    return Internal(std::string("sigwait failed: ") + std::strerror(rc));
  }
  return signal_number;
}

}  // namespace okr
