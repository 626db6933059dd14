// Copyright 2026 The okrd Authors.
//
// "/": the cycle at a glance.

#include "core/web/pages.h"
#include "core/web/pages_internal.h"
#include "core/web/text.h"

namespace okr::web {
namespace {

using namespace internal;  // NOLINT: the page helpers.

// "2 on track 1 at risk ..." as coloured badges with text. `all`: zeros
// too (the headline); else only the bands that occur (a row).
Html BandCounts(const ObjectiveTally& t, bool all) {
  Html h;
  auto badge = [&](int n, Markup css, Markup label) {
    if (n == 0 && !all) return;
    if (!h.str().empty()) h.Raw(" ");
    h.Raw("<span class=\"band ").Raw(css).Raw("\">").Int(n).Raw(label)
        .Raw("</span>");
  };
  badge(t.on_track, Markup("band-on"), Markup(" on track"));
  badge(t.at_risk, Markup("band-risk"), Markup(" at risk"));
  badge(t.off_track, Markup("band-off"), Markup(" off track"));
  if (t.no_confidence > 0) {
    badge(t.no_confidence, Markup("band-none"), Markup(" without confidence"));
  }
  return h;
}

Html Summary(const HomeView& view) {
  const ObjectiveTally& t = view.totals;
  Html h;
  h.Raw("<p class=\"lede\">")
      .Text(FormatDate(view.cycle.start) + " to " + FormatDate(view.cycle.end))
      .Raw(" · ")
      .Text(FormatPercent(view.cycle.elapsed))
      .Raw(" of the cycle elapsed · ")
      .Int(t.objectives)
      .Raw(" objectives");
  if (auto mean = t.MeanProgress()) {
    h.Raw(", average progress ").Text(FormatPercent(*mean));
  }
  return h.Raw("</p><p class=\"stats\">").Append(BandCounts(t, true))
      .Raw("</p>");
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
  const int in_rows = view.totals.need_attention - count;
  if (in_rows > 0) {
    h.Raw("<p>").Int(in_rows)
        .Raw(in_rows == 1 ? Markup(" objective") : Markup(" objectives"))
        .Raw(" of the units shown as rows below ")
        .Raw(in_rows == 1 ? Markup("needs") : Markup("need"))
        .Raw(" attention: see the rows' \"Need attention\" column and each "
             "unit's page.</p>");
  }
  if (count == 0) {
    return h.Raw(in_rows > 0 ? Markup("</section>")
                             : Markup("<p>No objective is at risk.</p>"
                                      "</section>"));
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

// The units summarised under `unit` (compact overview): one table row each
// with a link to the unit's page, where its objectives are in full.
Html UnitRows(const PageContext& ctx, const UnitSection& unit) {
  Html h;
  if (unit.rows.empty()) return h;
  h.Raw("<div class=\"table-wrap\"><table class=\"rows\"><caption>")
      .Int(static_cast<int64_t>(unit.rows.size()))
      .Raw(unit.rows.size() == 1 ? Markup(" unit in ") : Markup(" units in "))
      .Text(unit.name)
      .Raw("</caption><thead><tr><th scope=\"col\">Unit</th>"
           "<th scope=\"col\">Objectives</th><th scope=\"col\">Progress"
           "</th><th scope=\"col\">Confidence</th><th scope=\"col\">Need "
           "attention</th></tr></thead><tbody>");
  for (const UnitRow& row : unit.rows) {
    const ObjectiveTally& t = row.tally;
    h.Raw("<tr><th scope=\"row\">").Append(UnitLink(ctx, row.key, row.name))
        .Raw("</th><td>").Int(t.objectives).Raw("</td><td>")
        .Text(t.MeanProgress() ? FormatPercent(*t.MeanProgress()) : "–")
        .Raw("</td><td>").Append(BandCounts(t, false)).Raw("</td><td>");
    if (t.need_attention > 0) {
      h.Raw("<span class=\"band band-risk\">").Int(t.need_attention)
          .Raw("</span>");
    } else {
      h.Raw("0");
    }
    h.Raw("</td></tr>");
  }
  return h.Raw("</tbody></table></div>");
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
    h.Raw("<p class=\"muted\">No objectives in this cycle.</p>");
  } else {
    h.Raw("<div class=\"cards\">");
    for (const ObjectiveView& o : unit.objectives) {
      h.Append(ObjectiveCard(ctx, o));
    }
    h.Raw("</div>");
  }
  return h.Append(UnitRows(ctx, unit)).Raw("</section>");
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
