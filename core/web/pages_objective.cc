// Copyright 2026 The okrd Authors.
//
// "/objectives/{key}": one objective, its KRs, alignment, burn-up and
// check-in history.

#include "core/web/pages.h"
#include "core/web/pages_internal.h"
#include "core/web/svg.h"
#include "core/web/text.h"

namespace okr::web {
namespace {

using namespace internal;  // NOLINT: the page helpers.

Html LinkItem(const LinkRef& link) {
  Html h;
  h.Raw("<li>");
  if (!link.objective) {
    return h.Text("\"" + link.key + "\" (not found)").Raw("</li>");
  }
  if (!link.kr_title.empty()) {
    h.Raw("Key result ").Text("\"" + link.kr_title + "\"").Raw(" of ");
  }
  h.Append(ObjectiveRefLine(*link.objective));
  if (link.across_departments) {
    h.Raw(" <span class=\"level\">across departments</span>");
  }
  return h.Raw("</li>");
}

Html RefList(const std::vector<ObjectiveRef>& refs) {
  Html h;
  h.Raw("<ul>");
  for (const ObjectiveRef& r : refs) {
    h.Raw("<li>").Append(ObjectiveRefLine(r)).Raw("</li>");
  }
  return h.Raw("</ul>");
}

Html Alignment(const ObjectiveDetail& d) {
  Html h;
  h.Raw("<section aria-labelledby=\"alignment\"><h2 id=\"alignment\">"
        "Alignment</h2><div class=\"cols\"><div><h3>Contributes to</h3>");
  if (d.parent) {
    h.Raw("<ul>").Append(LinkItem(*d.parent)).Raw("</ul>");
  } else {
    h.Raw("<p class=\"flag\">No parent: aligned to nothing above it.</p>");
  }
  h.Raw("<h3>Supports</h3>");
  if (d.supports.empty()) {
    h.Raw("<p class=\"muted\">No supports links.</p>");
  } else {
    h.Raw("<ul>");
    for (const LinkRef& l : d.supports) h.Append(LinkItem(l));
    h.Raw("</ul>");
  }
  h.Raw("</div><div><h3>Contributing objectives</h3>");
  if (d.children.empty()) {
    h.Raw("<p class=\"muted\">None.</p>");
  } else {
    h.Append(RefList(d.children));
  }
  h.Raw("<h3>Supported by</h3>");
  if (d.supported_by.empty()) {
    h.Raw("<p class=\"muted\">None.</p>");
  } else {
    h.Append(RefList(d.supported_by));
  }
  return h.Raw("</div></div></section>");
}

void Answer(Markup label, const std::string& text, Html* h) {
  if (text.empty()) return;
  h->Raw("<dt>").Raw(label).Raw("</dt><dd>").Text(text).Raw("</dd>");
}

Html CheckIns(const PageContext& ctx, const ObjectiveDetail& d) {
  Html h;
  h.Raw("<section aria-labelledby=\"history\"><h2 id=\"history\">Check-ins"
        "</h2>");
  if (d.check_ins.empty()) {
    return h.Raw("<p class=\"muted\">No check-ins yet.</p></section>");
  }
  h.Raw("<ol class=\"checkins\" reversed>");
  for (const CheckInView& c : d.check_ins) {
    h.Raw("<li><p class=\"meta\"><strong>").Text(FormatInstant(c.at))
        .Raw("</strong> · ");
    if (c.author.email.empty()) {
      h.Raw("unknown author");
    } else {
      h.Append(PersonLink(ctx, c.author));
    }
    h.Raw(" · ")
        .Text(c.target_kind == TargetKind::kObjective ? "objective"
                                                       : c.target_title)
        .Raw("</p><p class=\"stats\">");
    if (c.value) {
      h.Raw("<span>Value <strong>")
          .Text(FormatValue(*c.value) + (c.unit.empty() ? "" : " " + c.unit))
          .Raw("</strong></span> ");
    }
    if (c.band) h.Append(BandBadge(c.band, c.confidence));
    h.Raw("</p>");
    if (!c.status.empty() || !c.learned.empty() || !c.next_steps.empty() ||
        !c.challenges.empty()) {
      h.Raw("<dl>");
      Answer("Status and confidence", c.status, &h);
      Answer("Learned last week", c.learned, &h);
      Answer("Plans for next week", c.next_steps, &h);
      Answer("Significant challenges", c.challenges, &h);
      h.Raw("</dl>");
    }
    h.Raw("</li>");
  }
  return h.Raw("</ol></section>");
}

}  // namespace

std::string RenderObjectivePage(const ObjectiveDetail& d,
                                const PageContext& ctx) {
  const ObjectiveView& o = d.objective;
  Html main;
  main.Raw("<h1>").Text(o.title).Raw("</h1><p class=\"meta\">")
      .Append(PersonLink(ctx, o.owner))
      .Raw(" · ")
      .Append(UnitLink(ctx, o.unit_key, o.unit_name))
      .Raw(" · ")
      .Text(LevelLabel(o.level))
      .Raw(o.committed ? Markup(" objective · committed") : Markup(" objective · aspirational"))
      .Raw(" · ")
      .Text(o.cycle)
      .Raw("</p>");
  if (!o.description.empty()) {
    main.Raw("<p class=\"description\">").Text(o.description).Raw("</p>");
  }
  main.Raw("<div class=\"card detail\"><div class=\"stats\">")
      .Append(ProgressLine(o.progress))
      .Raw("<p>")
      .Append(BandBadge(o.band, o.confidence))
      .Raw("</p>");
  if (o.trend) main.Raw("<p>").Append(TrendText(o.trend)).Raw("</p>");
  main.Raw("</div>");
  if (o.score_override) {
    main.Raw("<p>Score ").Number(*o.score_override, 2).Raw(": ")
        .Text(o.score_reason).Raw("</p>");
  }
  if (!o.risks.empty()) {
    main.Raw("<p class=\"risks\">Needs attention: ");
    for (size_t i = 0; i < o.risks.size(); ++i) {
      if (i > 0) main.Raw(", ");
      main.Text(o.risks[i]);
    }
    main.Raw("</p>");
  }
  main.Raw("</div><section aria-labelledby=\"krs\"><h2 id=\"krs\">Key results"
           "</h2>");
  if (o.krs.empty()) main.Raw("<p class=\"muted\">No key results.</p>");
  main.Append(KrList(ctx, o.krs, false))
      .Raw("</section><section aria-labelledby=\"burnup\"><h2 id=\"burnup\">"
           "Progress over the cycle</h2>");
  if (d.burn_up.empty()) {
    main.Raw("<p class=\"muted\">Nothing to chart yet.</p>");
  } else {
    main.Append(BurnUpChart(d.burn_up, d.cycle.start, d.cycle.end, ctx.now,
                            "Progress of \"" + o.title +
                                "\" against an even pace over " + d.cycle.name))
        .Raw("<p class=\"muted\">Solid line: progress after each check-in. "
             "Dashed line: an even pace from start to end.</p>");
  }
  main.Raw("</section>").Append(Alignment(d)).Append(CheckIns(ctx, d));
  return Layout(ctx, o.title, NavItem::kNone, main);
}

}  // namespace okr::web
