// Copyright 2026 The okrd Authors.
//
// CheckPlugin: what `okrd plugin check` does inside its child process.
// Loads the file, looks up every interface, runs the plugin's self-test,
// feeds the importer its own sample, renders the feed over `sample_org`
// (or serves it a GET), creates a notifier from `notifier_config`, sends
// it a sample event of each kind (check-in submitted, KR at risk, check-in
// overdue, phase started), waits for their delivery (flush, up to 30 s)
// and destroys it. Writes one
// line per step to `out` ("ok ...", "problem ...", "note ..."), flushing
// before each call into the plugin so that the parent knows the step a
// crash happened in. Returns the number of problems.

#ifndef OKR_PLUGINS_LOADER_CHECK_H_
#define OKR_PLUGINS_LOADER_CHECK_H_

#include <cstdio>
#include <string>

#include "core/model/organisation.h"
#include "plugins/loader/adapters.h"

namespace okr {

// `notifier_config`: what a notifier is created with (okrd.conf's
// [webhook] section, say).
int CheckPlugin(const std::string& path, const Organisation& sample_org,
                const KeyValues& notifier_config, std::FILE* out);

}  // namespace okr

#endif  // OKR_PLUGINS_LOADER_CHECK_H_
