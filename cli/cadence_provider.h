// Copyright 2026 The okrd Authors.
//
// Wires the calendar wing into the status page: person and unit pages show
// the next one-on-ones and team review (FeedService::Upcoming, from the
// page's own organisation when the store has not moved since), the
// person's one-on-one or the unit's review override when the organisation
// sets one, and how to subscribe. Feed URLs carry secret tokens that are stored only as hashes,
// and pages are readable by anyone who reaches the server, so no feed link
// is ever shown; the note points to `okrd feeds list`.
// Threads: the provider is thread-safe; `feeds` must outlive it.

#ifndef OKR_CLI_CADENCE_PROVIDER_H_
#define OKR_CLI_CADENCE_PROVIDER_H_

#include "calendar/feed_service.h"
#include "core/web/site.h"

namespace okr {

web::CadenceProvider MakeCadenceProvider(FeedService* feeds);

}  // namespace okr

#endif  // OKR_CLI_CADENCE_PROVIDER_H_
