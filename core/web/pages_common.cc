// Copyright 2026 The okrd Authors.
//
// The layout and the fragments pages share.

#include <cmath>

#include "core/web/pages_internal.h"
#include "core/web/svg.h"
#include "core/web/text.h"

namespace okr::web::internal {
namespace {

std::string PhaseText(const CycleInfo& c) {
  if (c.name.empty()) return "No cycle yet";
  switch (c.phase) {
    case Phase::kBefore:
      return "Not started · starts " + FormatDate(c.start);
    case Phase::kPlanning:
      return "Planning · starts " + FormatDate(c.start);
    case Phase::kExecution:
      return "Execution · " + std::to_string(c.days_left) +
             (c.days_left == 1 ? " day left" : " days left");
    case Phase::kRetrospective:
      return "Retrospective · ended " + FormatDate(c.end);
    case Phase::kAfter:
      return "Closed · ended " + FormatDate(c.end);
  }
  return "";
}

void NavLink(const PageContext& ctx, std::string_view path,
             std::string_view label, bool current, Html* h) {
  h->Raw("<li><a").Attr("href", PageHref(ctx, path));
  if (current) h->Raw(" aria-current=\"page\"");
  h->Raw(">").Text(label).Raw("</a></li>");
}

Html Header(const PageContext& ctx, NavItem current) {
  Html h;
  h.Raw("<header class=\"site\"><div class=\"inner\"><p class=\"brand\">"
        "<a href=\"/\">")
      .Text(ctx.organisation.empty() ? "okrd" : ctx.organisation)
      .Raw("</a> <span class=\"muted\">OKRs</span></p>"
           "<p class=\"cycle-line\"><strong>")
      .Text(ctx.cycle.name)
      .Raw("</strong> · ")
      .Text(PhaseText(ctx.cycle))
      .Raw("</p><nav aria-label=\"Main\"><ul>");
  NavLink(ctx, "/", "Overview", current == NavItem::kHome, &h);
  NavLink(ctx, "/alignment", "Alignment", current == NavItem::kAlignment, &h);
  NavLink(ctx, "/health", "Health", current == NavItem::kHealth, &h);
  h.Raw("</ul></nav></div></header>");
  return h;
}

Html Footer(const PageContext& ctx) {
  Html h;
  h.Raw("<footer class=\"foot\"><div class=\"inner\">");
  if (ctx.cycles.size() > 1) {
    h.Raw("<nav aria-label=\"Cycles\"><ul>");
    for (const CycleInfo& c : ctx.cycles) {
      h.Raw("<li><a").Attr("href", "/?cycle=" + EncodeQueryValue(c.name));
      if (c.name == ctx.cycle.name) h.Raw(" aria-current=\"page\"");
      h.Raw(">").Text(c.name).Raw(c.is_current ? Markup(" (current)</a></li>")
                                               : Markup("</a></li>"));
    }
    h.Raw("</ul></nav>");
  }
  h.Raw("<p>Permanent link to this cycle: <a")
      .Attr("href", "/?cycle=" + EncodeQueryValue(ctx.cycle.name))
      .Raw(">")
      .Text(ctx.cycle.name)
      .Raw("</a> · Data as JSON: <a href=\"/api/v1/cycles\">/api/v1</a>"
           " · Today is ")
      .Text(FormatDate(Date::FromUnixSeconds(ctx.now)))
      .Raw("</p></div></footer>");
  return h;
}

}  // namespace

std::string Layout(const PageContext& ctx, std::string_view title,
                   NavItem current, const Html& main) {
  Html h;
  h.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n<title>")
      .Text(title)
      .Raw(" · ")
      .Text(ctx.cycle.name)
      .Raw(" · okrd</title>\n<link rel=\"stylesheet\"")
      .Attr("href", ctx.stylesheet_href)
      .Raw(">\n<link rel=\"icon\" type=\"image/svg+xml\"")
      .Attr("href", ctx.icon_href)
      .Raw(">\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to "
           "content</a>\n")
      .Append(Header(ctx, current))
      .Raw("\n<main id=\"main\">\n")
      .Append(main)
      .Raw("\n</main>\n")
      .Append(Footer(ctx))
      .Raw("\n</body>\n</html>\n");
  return std::move(h).Take();
}

std::string UnitHref(const PageContext& ctx, std::string_view key) {
  return "/units/" + EncodePathSegment(key) + ctx.cycle_query;
}

std::string PersonHref(const PageContext& ctx, std::string_view email) {
  return "/people/" + EncodePathSegment(email) + ctx.cycle_query;
}

std::string ObjectiveHref(std::string_view key) {
  return "/objectives/" + EncodePathSegment(key);
}

std::string PageHref(const PageContext& ctx, std::string_view path) {
  return std::string(path) + ctx.cycle_query;
}

Html PersonLink(const PageContext& ctx, const PersonRef& person) {
  Html h;
  if (person.email.empty()) return h.Text("nobody");
  return h.Link(PersonHref(ctx, person.email), person.name);
}

Html UnitLink(const PageContext& ctx, std::string_view key,
              std::string_view name) {
  Html h;
  if (key.empty()) return h.Text(name.empty() ? "no unit" : name);
  return h.Link(UnitHref(ctx, key), name);
}

Html ObjectiveRefLine(const ObjectiveRef& ref) {
  Html h;
  h.Raw("<span class=\"node\">")
      .Link(ObjectiveHref(ref.key), ref.title)
      .Raw("<span class=\"muted\">")
      .Text(ref.unit_name)
      .Raw(" · ")
      .Text(LevelLabel(ref.level))
      .Raw(" · ")
      .Text(ref.progress ? FormatPercent(*ref.progress) : "no KRs")
      .Raw("</span>")
      .Append(BandBadge(ref.band, std::nullopt))
      .Raw("</span>");
  return h;
}

Html BandBadge(std::optional<ConfidenceBand> band,
               std::optional<double> confidence) {
  Html h;
  if (!band) {
    return h.Raw("<span class=\"band band-none\">No confidence yet</span>");
  }
  switch (*band) {
    case ConfidenceBand::kOnTrack:
      h.Raw("<span class=\"band band-on\">On track");
      break;
    case ConfidenceBand::kAtRisk:
      h.Raw("<span class=\"band band-risk\">At risk");
      break;
    case ConfidenceBand::kOffTrack:
      h.Raw("<span class=\"band band-off\">Off track");
      break;
  }
  if (confidence) h.Raw(" (").Number(*confidence, 2).Raw(")");
  return h.Raw("</span>");
}

Html TrendText(std::optional<double> trend) {
  Html h;
  if (!trend) return h;
  const long points = std::lround(*trend * 100);
  if (points > 0) {
    h.Raw("<span class=\"trend trend-up\">▲ ");
  } else if (points < 0) {
    h.Raw("<span class=\"trend trend-down\">▼ ");
  } else {
    h.Raw("<span class=\"trend\">■ ");
  }
  return h.Text(FormatPoints(*trend))
      .Raw(" pts since last check-in</span>");
}

Html ProgressLine(std::optional<double> progress) {
  Html h;
  h.Raw("<p class=\"progress\">");
  if (progress) {
    h.Append(ProgressBar(*progress))
        .Raw("<span class=\"value\">")
        .Text(FormatPercent(*progress))
        .Raw("</span><span class=\"sr\"> progress</span>");
  } else {
    h.Raw("<span class=\"muted\">No key results to measure</span>");
  }
  return h.Raw("</p>");
}

std::string KrFigures(const KrView& kr) {
  const std::string unit = kr.unit.empty() ? "" : " " + kr.unit;
  switch (kr.kind) {
    case KrKind::kMilestone:
      return kr.progress >= 1 ? "done" : "not done";
    case KrKind::kStayAbove:
      return FormatValue(kr.current) + unit + " (stay at or above " +
             FormatValue(kr.target) + unit + ")";
    case KrKind::kStayBelow:
      return FormatValue(kr.current) + unit + " (stay at or below " +
             FormatValue(kr.target) + unit + ")";
    case KrKind::kIncrease:
    case KrKind::kDecrease:
      break;
  }
  return FormatValue(kr.current) + " of " + FormatValue(kr.target) + unit +
         " (from " + FormatValue(kr.start) + ")";
}

Html KrList(const PageContext& ctx, const std::vector<KrView>& krs,
            bool show_objective) {
  Html h;
  if (krs.empty()) return h;
  h.Raw("<ul class=\"krs\">");
  for (const KrView& kr : krs) {
    h.Raw("<li><div class=\"kr-title\">").Text(kr.title);
    if (show_objective) {
      h.Raw(" <span class=\"muted\">in ")
          .Link(ObjectiveHref(kr.objective_key), kr.objective_title)
          .Raw("</span>");
    }
    h.Raw("</div><div class=\"kr-row\"><span class=\"kr-figures\"><strong>")
        .Text(FormatPercent(kr.progress))
        .Raw("</strong> · ")
        .Text(KrFigures(kr))
        .Raw(" · ")
        .Append(PersonLink(ctx, kr.owner))
        .Raw("</span>")
        .Append(BandBadge(kr.band, kr.confidence))
        .Append(TrendText(kr.trend))
        .Append(Sparkline(kr.history, ctx.cycle.start.ToUnixSeconds(),
                          ctx.cycle.end.AddDays(1).ToUnixSeconds(),
                          "Progress of \"" + kr.title + "\" over the cycle"))
        .Raw("</div>");
    if (!kr.risks.empty()) {
      h.Raw("<div class=\"risks\">Needs attention: ");
      for (size_t i = 0; i < kr.risks.size(); ++i) {
        if (i > 0) h.Raw(", ");
        h.Text(kr.risks[i]);
      }
      h.Raw("</div>");
    }
    h.Raw("</li>");
  }
  return h.Raw("</ul>");
}

Html ObjectiveCard(const PageContext& ctx, const ObjectiveView& o) {
  Html h;
  h.Raw("<article class=\"card\"><h3>")
      .Link(ObjectiveHref(o.key), o.title)
      .Raw("</h3><p class=\"meta\">")
      .Append(PersonLink(ctx, o.owner))
      .Raw(" · ")
      .Append(UnitLink(ctx, o.unit_key, o.unit_name))
      .Raw(" · ")
      .Text(LevelLabel(o.level))
      .Raw(o.committed ? Markup(" · committed") : Markup(" · aspirational"))
      .Raw("</p><div class=\"stats\">")
      .Append(ProgressLine(o.progress))
      .Raw("<p>")
      .Append(BandBadge(o.band, o.confidence))
      .Raw("</p>");
  if (o.trend) h.Raw("<p>").Append(TrendText(o.trend)).Raw("</p>");
  h.Raw("</div>");
  if (!o.risks.empty()) {
    h.Raw("<p class=\"risks\">Needs attention: ");
    for (size_t i = 0; i < o.risks.size(); ++i) {
      if (i > 0) h.Raw(", ");
      h.Text(o.risks[i]);
    }
    h.Raw("</p>");
  }
  return h.Append(KrList(ctx, o.krs, false)).Raw("</article>");
}

Html CadenceSection(const std::optional<CadenceInfo>& cadence) {
  Html h;
  h.Raw("<section aria-labelledby=\"cadence\"><h2 id=\"cadence\">Meetings and "
        "calendar feeds</h2>");
  if (!cadence) {
    // Slot for the calendar wing (calendar/): filled once it provides a
    // CadenceProvider (site.h).
    return h.Raw("<p class=\"slot\">The next one-on-one, the next team review "
                 "and the calendar feed links will appear here once calendar "
                 "feeds are set up.</p></section>");
  }
  const bool list = !cadence->meetings.empty() || !cadence->feeds.empty();
  if (list) h.Raw("<ul>");
  for (const CadenceInfo::Meeting& m : cadence->meetings) {
    h.Raw("<li>").Text(m.label).Raw(": ").Text(m.when).Raw("</li>");
  }
  for (const CadenceInfo::Feed& f : cadence->feeds) {
    if (!f.href.starts_with("/") || f.href.starts_with("//")) continue;
    h.Raw("<li>").Link(f.href, f.label).Raw("</li>");
  }
  if (list) h.Raw("</ul>");
  if (!cadence->note.empty()) h.Raw("<p>").Text(cadence->note).Raw("</p>");
  return h.Raw("</section>");
}

std::string_view LevelLabel(Level level) {
  switch (level) {
    case Level::kCompany: return "Company";
    case Level::kDepartment: return "Department";
    case Level::kTeam: return "Team";
    case Level::kIndividual: return "Individual";
  }
  return "";
}

}  // namespace okr::web::internal
