// Copyright 2026 The okrd Authors.
//
// "/people/{email}": a person's OKRs and cadence.

#include "core/web/pages.h"
#include "core/web/pages_internal.h"
#include "core/web/text.h"

namespace okr::web {

using namespace internal;  // NOLINT: the page helpers.

std::string RenderPersonPage(const PersonDetail& d,
                             const std::optional<CadenceInfo>& cadence,
                             const PageContext& ctx) {
  const std::string name = d.person.name.empty() ? d.person.email : d.person.name;
  Html main;
  main.Raw("<h1>").Text(name).Raw("</h1><p class=\"meta\">")
      .Append(UnitLink(ctx, d.person.unit_key, d.unit_name));
  if (d.manager) main.Raw(" · Manager: ").Append(PersonLink(ctx, *d.manager));
  if (!d.person.time_zone.empty()) main.Raw(" · ").Text(d.person.time_zone);
  main.Raw(" · Last check-in: ")
      .Text(d.last_check_in ? FormatInstant(*d.last_check_in) : "never")
      .Raw("</p><section aria-labelledby=\"objectives\"><h2 id=\"objectives\">"
           "Objectives owned in ")
      .Text(d.cycle.name)
      .Raw("</h2>");
  if (d.objectives.empty()) {
    main.Raw("<p class=\"muted\">None.</p>");
  } else {
    main.Raw("<div class=\"cards\">");
    for (const ObjectiveView& o : d.objectives) main.Append(ObjectiveCard(ctx, o));
    main.Raw("</div>");
  }
  main.Raw("</section><section aria-labelledby=\"krs\"><h2 id=\"krs\">"
           "Key results owned in other objectives</h2>");
  if (d.key_results.empty()) {
    main.Raw("<p class=\"muted\">None.</p>");
  } else {
    main.Append(KrList(ctx, d.key_results, true));
  }
  main.Raw("</section>").Append(CadenceSection(cadence));
  if (!d.reports.empty()) {
    main.Raw("<section aria-labelledby=\"reports\"><h2 id=\"reports\">"
             "Reports</h2><ul>");
    for (const PersonRef& p : d.reports) {
      main.Raw("<li>").Append(PersonLink(ctx, p)).Raw("</li>");
    }
    main.Raw("</ul></section>");
  }
  return Layout(ctx, name, NavItem::kNone, main);
}

}  // namespace okr::web
