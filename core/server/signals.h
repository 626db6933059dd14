// Copyright 2026 The okrd Authors.
//
// Shutdown signals for `okrd serve`. The main thread blocks SIGINT, SIGTERM
// and SIGHUP before starting the server, so every thread CivetWeb creates
// inherits the mask and none of them is interrupted; the main thread then
// waits for one of the signals with sigwait() and stops the server:
//
//   OKR_RETURN_IF_ERROR(BlockShutdownSignals());
//   OKR_ASSIGN_OR_RETURN(auto server, HttpServer::Start(options, router));
//   OKR_ASSIGN_OR_RETURN(int signal, WaitForShutdownSignal());
//   server.reset();  // Stops and joins the workers.

#ifndef OKR_CORE_SERVER_SIGNALS_H_
#define OKR_CORE_SERVER_SIGNALS_H_

#include "core/base/result.h"
#include "core/base/status.h"

namespace okr {

// Adds SIGINT, SIGTERM and SIGHUP to the calling thread's signal mask.
// Threads created afterwards by this thread inherit it. Returns Internal if
// the mask cannot be changed.
Status BlockShutdownSignals();

// Blocks the calling thread until SIGINT, SIGTERM or SIGHUP is pending and
// returns its number, consuming it. The signals must already be blocked in
// every thread (BlockShutdownSignals() before any thread starts), or the
// default action may run first. Returns Internal if sigwait() fails.
Result<int> WaitForShutdownSignal();

}  // namespace okr

#endif  // OKR_CORE_SERVER_SIGNALS_H_
