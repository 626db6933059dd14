// Copyright 2026 The okrd Authors.
//
// "/units/{key}": a unit's OKRs, people and cadence.

#include "core/web/pages.h"
#include "core/web/pages_internal.h"

namespace okr::web {

using namespace internal;  // NOLINT: the page helpers.

std::string RenderUnitPage(const UnitDetail& d,
                           const std::optional<CadenceInfo>& cadence,
                           const PageContext& ctx) {
  Html main;
  main.Raw("<h1>").Text(d.unit.name).Raw("<span class=\"level\">")
      .Text(LevelLabel(d.unit.level)).Raw("</span></h1><p class=\"meta\">");
  if (d.parent) {
    main.Raw("Part of ").Append(UnitLink(ctx, d.parent->key, d.parent->name));
  } else {
    main.Raw("The whole organisation");
  }
  if (!d.lead.email.empty()) {
    main.Raw(" · Lead: ").Append(PersonLink(ctx, d.lead));
  }
  main.Raw("</p><section aria-labelledby=\"objectives\"><h2 id=\"objectives\">"
           "Objectives in ")
      .Text(d.cycle.name)
      .Raw("</h2>");
  if (d.objectives.empty()) {
    main.Raw("<p class=\"muted\">No objectives in this cycle.</p>");
  } else {
    main.Raw("<div class=\"cards\">");
    for (const ObjectiveView& o : d.objectives) main.Append(ObjectiveCard(ctx, o));
    main.Raw("</div>");
  }
  main.Raw("</section>").Append(CadenceSection(cadence));
  main.Raw("<section aria-labelledby=\"people\"><h2 id=\"people\">People</h2>"
           "<div class=\"cols\"><div><h3>Members</h3>");
  if (d.members.empty()) {
    main.Raw("<p class=\"muted\">Nobody directly in this unit.</p>");
  } else {
    main.Raw("<ul>");
    for (const PersonRef& p : d.members) {
      main.Raw("<li>").Append(PersonLink(ctx, p)).Raw("</li>");
    }
    main.Raw("</ul>");
  }
  main.Raw("</div><div><h3>Units within</h3>");
  if (d.children.empty()) {
    main.Raw("<p class=\"muted\">None.</p>");
  } else {
    main.Raw("<ul>");
    for (const Unit& u : d.children) {
      main.Raw("<li>").Append(UnitLink(ctx, u.key, u.name)).Raw("</li>");
    }
    main.Raw("</ul>");
  }
  main.Raw("</div></div></section>");
  return Layout(ctx, d.unit.name, NavItem::kNone, main);
}

}  // namespace okr::web
