// Copyright 2026 The okrd Authors.
//
// Charts drawn by the server as inline SVG: no script, no external request.
// Every chart carries a <title> naming what it shows (its accessible name);
// colours come from classes in the stylesheet. Progress values are 0..1;
// samples outside [from, to] are clamped to the edges. Pure; thread-safe.

#ifndef OKR_CORE_WEB_SVG_H_
#define OKR_CORE_WEB_SVG_H_

#include <string_view>
#include <vector>

#include "core/web/html.h"
#include "core/web/views.h"

namespace okr::web {

// A horizontal bar filled to `fraction`; decorative (aria-hidden), the page
// shows the number as text beside it.
Html ProgressBar(double fraction);

// A small line of progress over [from, to]; empty Html for no samples.
Html Sparkline(const std::vector<Sample>& samples, UnixSeconds from,
               UnixSeconds to, std::string_view title);

// Objective progress over the cycle against the straight line from 0% at
// the start to 100% at the end, with a marker for `now` when inside.
Html BurnUpChart(const std::vector<Sample>& samples, const Date& start,
                 const Date& end, UnixSeconds now, std::string_view title);

}  // namespace okr::web

#endif  // OKR_CORE_WEB_SVG_H_
