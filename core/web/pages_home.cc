// Copyright 2026 The okrd Authors.
//
// "/": the cycle at a glance.

#include "core/web/pages.h"
#include "core/web/pages_internal.h"
#include "core/web/text.h"

namespace okr::web {
namespace {

using namespace internal;  // NOLINT: the page helpers.

struct Tally {
  int objectives = 0, on = 0, risk = 0, off = 0, unknown = 0;
  double progress_sum = 0;
  int measured = 0;
};

Tally Count(const HomeView& view) {
  Tally t;
  for (const UnitSection& unit : view.units) {
    for (const ObjectiveView& o : unit.objectives) {
      ++t.objectives;
      if (o.progress) {
        t.progress_sum += *o.progress;
        ++t.measured;
      }
      if (!o.band) {
        ++t.unknown;
      } else if (*o.band == ConfidenceBand::kOnTrack) {
        ++t.on;
      } else if (*o.band == ConfidenceBand::kAtRisk) {
        ++t.risk;
      } else {
        ++t.off;
      }
    }
  }
  return t;
}

Html Summary(const HomeView& view) {
  const Tally t = Count(view);
  Html h;
  h.Raw("<p class=\"lede\">")
      .Text(FormatDate(view.cycle.start) + " to " + FormatDate(view.cycle.end))
      .Raw(" · ")
      .Text(FormatPercent(view.cycle.elapsed))
      .Raw(" of the cycle elapsed · ")
      .Int(t.objectives)
      .Raw(" objectives");
  if (t.measured > 0) {
    h.Raw(", average progress ").Text(FormatPercent(t.progress_sum / t.measured));
  }
  h.Raw("</p><p class=\"stats\"><span class=\"band band-on\">")
      .Int(t.on)
      .Raw(" on track</span> <span class=\"band band-risk\">")
      .Int(t.risk)
      .Raw(" at risk</span> <span class=\"band band-off\">")
      .Int(t.off)
      .Raw(" off track</span>");
  if (t.unknown > 0) {
    h.Raw(" <span class=\"band band-none\">").Int(t.unknown)
        .Raw(" without confidence</span>");
  }
  return h.Raw("</p>");
}

Html Attention(const PageContext& ctx, const HomeView& view) {
  Html items;
  int count = 0;
  for (const UnitSection& unit : view.units) {
    for (const ObjectiveView& o : unit.objectives) {
      if (o.risks.empty()) continue;
      ++count;
      items.Raw("<li>").Link(ObjectiveHref(o.key), o.title)
          .Raw(" <span class=\"muted\">")
          .Text(o.unit_name)
          .Raw("</span> ")
          .Append(BandBadge(o.band, o.confidence))
          .Raw(" <span class=\"risks\">");
      for (size_t i = 0; i < o.risks.size(); ++i) {
        if (i > 0) items.Raw(", ");
        items.Text(o.risks[i]);
      }
      items.Raw("</span></li>");
    }
  }
  Html h;
  h.Raw("<section class=\"attention\" aria-labelledby=\"attention\">"
        "<h2 id=\"attention\">At risk</h2>");
  if (count == 0) {
    return h.Raw("<p>No objective is at risk.</p></section>");
  }
  h.Raw("<p>").Int(count)
      .Raw(count == 1 ? Markup(" objective needs") : Markup(" objectives need"))
      .Raw(" attention (confidence below on track, or progress well behind "
           "the time elapsed). Key results: see ")
      .Link(PageHref(ctx, "/health"), "Health")
      .Raw(".</p><ul id=\"at-risk\">")
      .Append(items)
      .Raw("</ul></section>");
  return h;
}

Html UnitBlock(const PageContext& ctx, const UnitSection& unit, size_t index) {
  const std::string id = "unit-" + std::to_string(index);
  Html h;
  h.Raw("<section").Attr("aria-labelledby", id).Raw("><h2").Attr("id", id)
      .Raw(">")
      .Link(UnitHref(ctx, unit.key), unit.name)
      .Raw("<span class=\"level\">")
      .Text(LevelLabel(unit.level))
      .Raw("</span></h2>");
  if (!unit.lead.email.empty()) {
    h.Raw("<p class=\"meta\">Lead: ").Append(PersonLink(ctx, unit.lead))
        .Raw("</p>");
  }
  if (unit.objectives.empty()) {
    return h.Raw("<p class=\"muted\">No objectives in this cycle.</p>"
                 "</section>");
  }
  h.Raw("<div class=\"cards\">");
  for (const ObjectiveView& o : unit.objectives) h.Append(ObjectiveCard(ctx, o));
  return h.Raw("</div></section>");
}

}  // namespace

std::string RenderHomePage(const HomeView& view, const PageContext& ctx) {
  Html main;
  main.Raw("<h1>").Text(view.cycle.name).Raw(" at a glance</h1>")
      .Append(Summary(view))
      .Append(Attention(ctx, view));
  for (size_t i = 0; i < view.units.size(); ++i) {
    main.Append(UnitBlock(ctx, view.units[i], i));
  }
  return Layout(ctx, "Overview", NavItem::kHome, main);
}

std::string RenderNotFoundPage(std::string_view message,
                               const PageContext& ctx) {
  Html main;
  main.Raw("<h1>Not found</h1><p>").Text(message)
      .Raw("</p><p><a href=\"/\">Back to the overview</a></p>");
  return Layout(ctx, "Not found", NavItem::kNone, main);
}

}  // namespace okr::web
