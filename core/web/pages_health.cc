// Copyright 2026 The okrd Authors.
//
// "/health": objectives and key results at risk, stale check-ins, objective counts,
// possible double work and lint findings.

#include <cmath>
#include <string>

#include "core/web/pages.h"
#include "core/web/pages_internal.h"
#include "core/web/text.h"

namespace okr::web {
namespace {

using namespace internal;  // NOLINT: the page helpers.

Html AtRisk(const PageContext& ctx, const HealthView& view) {
  Html h;
  h.Raw("<section aria-labelledby=\"at-risk\"><h2 id=\"at-risk\">Key results "
        "at risk</h2>");
  if (view.krs_at_risk.empty()) {
    return h.Raw("<p>No key result is at risk.</p></section>");
  }
  const RiskThresholds& t = view.risk;
  h.Raw("<p class=\"lede\">Confidence below ")
      .Text(FormatPercent(t.low_confidence))
      .Raw(" or down by ").Text(FormatPercent(t.confidence_drop))
      .Raw(" since the previous check-in, progress more than ")
      .Text(std::to_string(std::lround(t.behind_margin * 100)))
      .Raw(" points behind the time elapsed (")
      .Text(FormatPercent(view.cycle.elapsed))
      .Raw("), a target not held, or a milestone overdue.</p>"
           "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Key "
           "result</th><th scope=\"col\">Owner</th><th scope=\"col\">"
           "Progress</th><th scope=\"col\">Confidence</th><th scope=\"col\">"
           "Why</th></tr></thead><tbody>");
  for (const KrView& kr : view.krs_at_risk) {
    h.Raw("<tr><td>").Text(kr.title).Raw("<br><span class=\"muted\">in ")
        .Link(ObjectiveHref(kr.objective_key), kr.objective_title)
        .Raw("</span></td><td>").Append(PersonLink(ctx, kr.owner))
        .Raw("</td><td>").Text(FormatPercent(kr.progress))
        .Raw("</td><td>").Append(BandBadge(kr.band, kr.confidence))
        .Raw("</td><td>");
    for (size_t i = 0; i < kr.risks.size(); ++i) {
      if (i > 0) h.Raw(", ");
      h.Text(kr.risks[i]);
    }
    h.Raw("</td></tr>");
  }
  return h.Raw("</tbody></table></div></section>");
}

Html Stale(const PageContext& ctx, const HealthView& view) {
  Html h;
  h.Raw("<section aria-labelledby=\"stale\"><h2 id=\"stale\">No check-in for "
        "more than a week</h2>");
  if (view.stale.empty()) {
    return h.Raw("<p>Everyone checked in within the last week.</p></section>");
  }
  h.Raw("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Who"
        "</th><th scope=\"col\">Last check-in</th></tr></thead><tbody>");
  for (const StaleItem& s : view.stale) {
    h.Raw("<tr><td>");
    if (s.is_person) {
      h.Append(PersonLink(ctx, {s.key, s.name}));
    } else {
      h.Append(UnitLink(ctx, s.key, s.name)).Raw(" <span class=\"muted\">(unit)"
                                                  "</span>");
    }
    h.Raw("</td><td>");
    if (s.last_check_in) {
      const int64_t days = DaysBetween(Date::FromUnixSeconds(*s.last_check_in),
                                       view.cycle.reference_day);
      h.Text(FormatDate(Date::FromUnixSeconds(*s.last_check_in)) + " (" +
             FormatDaysAgo(days) + ")");
    } else {
      h.Raw("never");
    }
    h.Raw("</td></tr>");
  }
  return h.Raw("</tbody></table></div></section>");
}

Html Counts(const PageContext& ctx, const HealthView& view) {
  Html h;
  h.Raw("<section aria-labelledby=\"counts\"><h2 id=\"counts\">Units with too "
        "many or too few objectives</h2><p class=\"lede\">A few objectives "
        "per unit keep focus.</p>");
  if (view.unit_counts.empty()) {
    return h.Raw("<p>No unit has too many or too few objectives.</p>"
                 "</section>");
  }
  h.Raw("<ul>");
  for (const UnitCount& u : view.unit_counts) {
    h.Raw("<li>").Append(UnitLink(ctx, u.key, u.name)).Raw(": ").Int(u.count)
        .Raw(u.count == 1 ? Markup(" objective") : Markup(" objectives"))
        .Raw(" <span class=\"muted\">(").Text(SeverityName(u.severity))
        .Raw(": ").Text(u.message).Raw(")</span></li>");
  }
  return h.Raw("</ul></section>");
}

Html ObjectivesAtRisk(const PageContext& ctx, const HealthView& view) {
  Html h;
  h.Raw("<section aria-labelledby=\"objectives-at-risk\"><h2 "
        "id=\"objectives-at-risk\">Objectives at risk</h2>");
  if (view.objectives_at_risk.empty()) {
    return h.Raw("<p>No objective is at risk.</p></section>");
  }
  h.Raw("<p class=\"lede\">Key results at risk carry at least ")
      .Text(FormatPercent(view.risk.objective_share))
      .Raw(" of the objective's weight.</p><div class=\"table-wrap\"><table>"
           "<thead><tr><th scope=\"col\">Objective</th>"
           "<th scope=\"col\">Owner</th>"
           "<th scope=\"col\">Progress</th><th scope=\"col\">Weight at risk"
           "</th></tr></thead><tbody>");
  for (const ObjectiveView& o : view.objectives_at_risk) {
    h.Raw("<tr><td>").Link(ObjectiveHref(o.key), o.title)
        .Raw("<br><span class=\"muted\">").Text(o.unit_name)
        .Raw("</span></td><td>").Append(PersonLink(ctx, o.owner))
        .Raw("</td><td>")
        .Text(o.progress ? FormatPercent(*o.progress) : std::string("-"))
        .Raw("</td><td>").Text(FormatPercent(o.at_risk_share))
        .Raw("</td></tr>");
  }
  return h.Raw("</tbody></table></div></section>");
}

// The objective a finding subject is about, for a link; "" for others.
std::string SubjectHref(const std::string& subject) {
  if (subject.rfind("objective:", 0) == 0) {
    return ObjectiveHref(subject.substr(10));
  }
  return "";
}

Html FindingList(const std::vector<Finding>& all) {
  Html h;
  h.Raw("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">"
        "Level</th><th scope=\"col\">Rule</th><th scope=\"col\">Finding"
        "</th></tr></thead><tbody>");
  for (const Finding& f : all) {
    h.Raw("<tr><td>").Text(SeverityName(f.level)).Raw("</td><td><code>")
        .Text(f.rule).Raw("</code></td><td>").Text(f.message);
    bool first = true;
    for (const std::string& s : f.subjects) {
      const std::string href = SubjectHref(s);
      if (href.empty()) continue;
      if (first) {
        h.Raw(" <span class=\"muted\">(");
      } else {
        h.Raw(", ");
      }
      h.Link(href, s.substr(10));
      first = false;
    }
    if (!first) h.Raw(")</span>");
    h.Raw("</td></tr>");
  }
  return h.Raw("</tbody></table></div>");
}

Html DoubleWork(const HealthView& view) {
  Html h;
  h.Raw("<section aria-labelledby=\"double-work\"><h2 id=\"double-work\">"
        "Possible double work</h2><p class=\"lede\">Objectives or key results "
        "in different units that look like the same work: similar titles, or "
        "the same metric without an alignment link.</p>");
  if (view.double_work.empty()) {
    return h.Raw("<p>No two units seem to work on the same thing.</p>"
                 "</section>");
  }
  return h.Append(FindingList(view.double_work)).Raw("</section>");
}

Html Lint(const HealthView& view) {
  Html h;
  h.Raw("<section aria-labelledby=\"lint\"><h2 id=\"lint\">OKR lint</h2>"
        "<p class=\"lede\">How the objectives are set: focus, measurable key "
        "results, owners, alignment, dates (<code>okrd lint</code>).</p>");
  if (view.lint.empty()) {
    return h.Raw("<p>No lint findings.</p></section>");
  }
  return h.Append(FindingList(view.lint)).Raw("</section>");
}

}  // namespace

std::string RenderHealthPage(const HealthView& view, const PageContext& ctx) {
  Html main;
  main.Raw("<h1>Health of ").Text(view.cycle.name).Raw("</h1>")
      .Append(ObjectivesAtRisk(ctx, view))
      .Append(AtRisk(ctx, view))
      .Append(Stale(ctx, view))
      .Append(Counts(ctx, view))
      .Append(DoubleWork(view))
      .Append(Lint(view));
  return Layout(ctx, "Health", NavItem::kHealth, main);
}

}  // namespace okr::web
