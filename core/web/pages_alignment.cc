// Copyright 2026 The okrd Authors.
//
// "/alignment": the cascade as a tree, supports links, unaligned objectives.

#include "core/web/pages.h"
#include "core/web/pages_internal.h"

namespace okr::web {
namespace {

using namespace internal;  // NOLINT: the page helpers.

Html RowContent(const TreeRow& row) {
  Html h;
  h.Append(ObjectiveRefLine(row.objective));
  if (!row.via_kr_title.empty()) {
    h.Raw("<p class=\"supports\">through the key result ")
        .Text("\"" + row.via_kr_title + "\"").Raw("</p>");
  }
  if (!row.flag.empty()) h.Raw(" <span class=\"flag\">").Text(row.flag).Raw("</span>");
  for (const LinkRef& link : row.supports) {
    h.Raw("<p class=\"supports\">Supports ");
    if (link.objective) {
      h.Link(ObjectiveHref(link.objective->key), link.objective->title)
          .Raw(" (").Text(link.objective->unit_name).Raw(")");
    } else {
      h.Text("\"" + link.key + "\" (not found)");
    }
    if (link.across_departments) h.Raw(" · across departments");
    h.Raw("</p>");
  }
  return h;
}

// Nested lists from pre-order rows with depths, without recursion.
Html Tree(const std::vector<TreeRow>& rows, Markup label_id) {
  Html h;
  h.Raw("<ul class=\"tree\" aria-labelledby=\"").Raw(label_id).Raw("\">");
  int current = -1;
  for (const TreeRow& row : rows) {
    const int depth = std::min(row.depth, current + 1);
    if (depth == current + 1 && current >= 0) {
      h.Raw("<ul>");
    } else if (current >= 0) {
      h.Raw("</li>");
      for (int d = current; d > depth; --d) h.Raw("</ul></li>");
    }
    h.Raw("<li>").Append(RowContent(row));
    current = depth;
  }
  if (current >= 0) h.Raw("</li>");
  for (int d = current; d > 0; --d) h.Raw("</ul></li>");
  return h.Raw("</ul>");
}

}  // namespace

std::string RenderAlignmentPage(const AlignmentView& view,
                                const PageContext& ctx) {
  Html main;
  main.Raw("<h1>Alignment in ").Text(view.cycle.name)
      .Raw("</h1><p class=\"lede\">From the company objectives down: each "
           "objective under the one it contributes to. Supports links across "
           "units are listed under each objective.</p>"
           "<section aria-labelledby=\"cascade\"><h2 id=\"cascade\">Cascade"
           "</h2>");
  if (view.cascade.empty()) {
    main.Raw("<p class=\"muted\">No company objectives in this cycle.</p>");
  } else {
    main.Append(Tree(view.cascade, "cascade"));
  }
  main.Raw("</section><section aria-labelledby=\"unaligned\"><h2 "
           "id=\"unaligned\">Not connected to a company objective</h2>");
  if (view.flagged.empty()) {
    main.Raw("<p>Every objective is connected.</p>");
  } else {
    main.Raw("<p class=\"lede\">These objectives have no parent in this "
             "cycle; the flag says why.</p>")
        .Append(Tree(view.flagged, "unaligned"));
  }
  main.Raw("</section>");
  return Layout(ctx, "Alignment", NavItem::kAlignment, main);
}

}  // namespace okr::web
