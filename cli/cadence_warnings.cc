// Copyright 2026 The okrd Authors.

#include "cli/cadence_warnings.h"

#include <cstdio>
#include <map>

#include "calendar/cadence.h"
#include "cli/feed_options.h"
#include "core/store/calendar_store.h"

namespace okr {
namespace {

bool GivesDayAndTime(const CadenceOverride& o) {
  return o.weekday.has_value() && o.start_minute.has_value();
}

bool HasFixedOverride(const Organisation& org, const CadenceConfig& config) {
  for (const Person& p : org.people) {
    if (GivesDayAndTime(p.one_on_one)) return true;
  }
  for (const Unit& u : org.units) {
    if (GivesDayAndTime(u.review)) return true;
  }
  for (const auto* overrides :
       {&config.person_overrides, &config.unit_overrides}) {
    for (const auto& [key, o] : *overrides) {
      if (GivesDayAndTime(o)) return true;
    }
  }
  return false;
}

}  // namespace

Result<std::vector<std::string>> CadenceWarnings(const Organisation& org,
                                                 const Date& today,
                                                 const FeedOptions& options,
                                                 Store* store) {
  if (!HasFixedOverride(org, options.cadence)) {
    return std::vector<std::string>();
  }
  CalendarStore calendar(store);
  OKR_ASSIGN_OR_RETURN(auto slots, calendar.LoadSlots());
  return ComputeCadence(org, PlannedCycles(org, today, options.max_cycles),
                        options.cadence, slots)
      .warnings;
}

void PrintCadenceWarnings(const Organisation& org, Store* store,
                          const CliEnv& env) {
  Result<std::vector<std::string>> warnings =
      CadenceWarnings(org, env.clock->Today(),
                      FeedOptionsFromConfig(env.config, ""), store);
  if (!warnings.ok()) {
    std::fprintf(env.err, "okrd: warning: cadence not checked: %s\n",
                 warnings.status().ToString().c_str());
    return;
  }
  for (const std::string& w : *warnings) {
    std::fprintf(env.err, "okrd: warning: cadence: %s\n", w.c_str());
  }
}

}  // namespace okr
