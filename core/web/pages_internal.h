// Copyright 2026 The okrd Authors.
//
// Internal to the pages_*.cc files: the layout and the fragments several
// pages share. Pure functions; thread-safe.

#ifndef OKR_CORE_WEB_PAGES_INTERNAL_H_
#define OKR_CORE_WEB_PAGES_INTERNAL_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/web/html.h"
#include "core/web/pages.h"

namespace okr::web::internal {

// The whole document around `main` (the page's content, with its <h1>).
std::string Layout(const PageContext& ctx, std::string_view title,
                   NavItem current, const Html& main);

// Local URLs. Unit and person links keep the context's cycle.
std::string UnitHref(const PageContext& ctx, std::string_view key);
std::string PersonHref(const PageContext& ctx, std::string_view email);
std::string ObjectiveHref(std::string_view key);
std::string PageHref(const PageContext& ctx, std::string_view path);

Html PersonLink(const PageContext& ctx, const PersonRef& person);
Html UnitLink(const PageContext& ctx, std::string_view key,
              std::string_view name);
// Title link, unit, level, progress and band on one line.
Html ObjectiveRefLine(const ObjectiveRef& ref);

// "On track (0.80)" with colour class and a dot; "No check-in" without.
Html BandBadge(std::optional<ConfidenceBand> band,
               std::optional<double> confidence);
// "▲ +5 pts since last check-in", or nothing without history.
Html TrendText(std::optional<double> trend);
Html ProgressLine(std::optional<double> progress);
// "current / target unit (start s)" for a KR.
std::string KrFigures(const KrView& kr);

// An objective card: title link (as <h3>), owner, unit, progress,
// confidence, trend, risks and its KRs with sparklines.
Html ObjectiveCard(const PageContext& ctx, const ObjectiveView& objective);
// KRs as a list with sparklines over the cycle.
Html KrList(const PageContext& ctx, const std::vector<KrView>& krs,
            bool show_objective);
// "Meetings and feeds": from the calendar wing when given, else a slot.
Html CadenceSection(const std::optional<CadenceInfo>& cadence);

std::string_view LevelLabel(Level level);  // "Company", "Team", ...

}  // namespace okr::web::internal

#endif  // OKR_CORE_WEB_PAGES_INTERNAL_H_
