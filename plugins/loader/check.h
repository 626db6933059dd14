// Copyright 2026 The okrd Authors.
//
// CheckPlugin: what `okrd plugin check` does inside its child process.
// Loads the file, looks up every interface, runs the plugin's self-test,
// feeds the importer its own sample, renders the feed over `sample_org`,
// creates and destroys a notifier with an empty configuration. Writes one
// line per step to `out` ("ok ...", "problem ...", "note ..."), flushing
// before each call into the plugin so that the parent knows the step a
// crash happened in. Returns the number of problems.

#ifndef OKR_PLUGINS_LOADER_CHECK_H_
#define OKR_PLUGINS_LOADER_CHECK_H_

#include <cstdio>
#include <string>

#include "core/model/organisation.h"

namespace okr {

int CheckPlugin(const std::string& path, const Organisation& sample_org,
                std::FILE* out);

}  // namespace okr

#endif  // OKR_PLUGINS_LOADER_CHECK_H_
