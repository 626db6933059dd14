// Copyright 2026 The okrd Authors.
//
// The status page's HTML pages, rendered from views (views.h) into whole
// documents that share one layout: a header with the cycle, its phase and
// days left, the navigation, the page, and a footer with the other cycles.
// Every piece of data goes through Html::Text/Attr (html.h). Pages use no
// script, no inline style and no external resource (CSP: style-src 'self').
// Pure functions; thread-safe.

#ifndef OKR_CORE_WEB_PAGES_H_
#define OKR_CORE_WEB_PAGES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/web/views.h"

namespace okr::web {

// What the calendar wing knows about a person or unit: the next meetings
// and the feed URLs to subscribe to. Feed hrefs must be local ("/...").
struct CadenceInfo {
  struct Meeting {
    std::string label;  // "Next one-on-one with Ada".
    std::string when;   // "Tue 1 Dec 2026, 10:00 Europe/Berlin".
  };
  struct Feed {
    std::string label;
    std::string href;
  };
  std::vector<Meeting> meetings;
  std::vector<Feed> feeds;
  std::string note;  // A sentence after the list, e.g. how to subscribe.
};

// Shared by every page of one response.
struct PageContext {
  std::string organisation;   // The company's name, for the header.
  CycleInfo cycle;            // The cycle shown.
  std::vector<CycleInfo> cycles;  // All cycles, for the footer.
  // "?cycle=NAME" (encoded) when the request named a cycle, else "": added
  // to links so that a page about a past cycle links within it.
  std::string cycle_query;
  UnixSeconds now = 0;
  std::string stylesheet_href;
  std::string icon_href;
};

enum class NavItem { kHome, kAlignment, kHealth, kNone };

std::string RenderHomePage(const HomeView& view, const PageContext& ctx);
std::string RenderUnitPage(const UnitDetail& view,
                           const std::optional<CadenceInfo>& cadence,
                           const PageContext& ctx);
std::string RenderPersonPage(const PersonDetail& view,
                             const std::optional<CadenceInfo>& cadence,
                             const PageContext& ctx);
std::string RenderObjectivePage(const ObjectiveDetail& view,
                                const PageContext& ctx);
std::string RenderAlignmentPage(const AlignmentView& view,
                                const PageContext& ctx);
std::string RenderHealthPage(const HealthView& view, const PageContext& ctx);
// A page saying what was not found ("No objective "x"."), for 404s.
std::string RenderNotFoundPage(std::string_view message,
                               const PageContext& ctx);

}  // namespace okr::web

#endif  // OKR_CORE_WEB_PAGES_H_
