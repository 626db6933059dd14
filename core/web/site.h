// Copyright 2026 The okrd Authors.
//
// The status page as routes: the HTML pages, the stylesheet and icon, and
// the JSON API, all GET (and HEAD) only.
//
//   /                     the cycle at a glance        (?cycle=NAME anywhere)
//   /units/{key}          a unit's OKRs, people, cadence
//   /people/{email}       a person's OKRs and cadence
//   /objectives/{key}     one objective: KRs, alignment, history, burn-up
//   /alignment            the cascade tree, unaligned objectives flagged
//   /health               KRs at risk, stale check-ins, objective counts
//   /static/...           style.css and icon.svg, plain and content-hashed
//   /api/v1/...           JSON (api.h)
//
// Caching: the organisation is loaded once per store revision (a shared,
// immutable snapshot). Pages and JSON carry a weak ETag made of the server
// instance, the store revision, the day and the URL; If-None-Match is
// answered with 304 before anything is rendered, and rendered bodies are
// kept in a bounded LRU for their (revision, day). Responses say
// "Cache-Control: no-cache" (always revalidate); hashed assets are
// immutable for a year.
//
// Errors: unknown routes and keys 404, other methods 405 (the Router), a
// store failure 503 (logged). Threads: handlers are thread-safe; `store`
// and `clock` must outlive the router and the server using it.

#ifndef OKR_CORE_WEB_SITE_H_
#define OKR_CORE_WEB_SITE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <optional>
#include <string_view>

#include "core/analytics/lint_rules.h"
#include "core/base/clock.h"
#include "core/model/organisation.h"
#include "core/server/router.h"
#include "core/store/store.h"
#include "core/web/pages.h"

namespace okr::web {

// The organisation a page was rendered from: the store's at `revision`
// (loaded after that revision was read), shared read-only.
struct OrgAtRevision {
  std::shared_ptr<const Organisation> org;
  int64_t revision = -1;
};

// Supplies the meetings and feed links of a person (is_person) or a unit;
// nullopt when it has nothing. It may keep `org` instead of loading the
// store again when the store is still at that revision. Called on server
// threads: thread-safe, quick, never throws. Its answers are cached with
// the page for the day.
using CadenceProvider = std::function<std::optional<CadenceInfo>(
    const OrgAtRevision& org, bool is_person, std::string_view key,
    UnixSeconds now)>;

// The Referrer-Policy of pages carrying a form. Under the default
// "no-referrer", Chromium sends "Origin: null" with the form's POST, which
// the Origin check (Auth::CheckWrite) must refuse; "same-origin" still sends
// no referrer to other sites.
inline constexpr std::string_view kFormReferrerPolicy = "same-origin";

// Per-viewer parts of person pages (the check-in forms, checkin_forms.h).
// The cached pages stay the same for everyone: a page with a fragment is
// rendered for its request and sent with "Cache-Control: no-store".
// Called on server threads: thread-safe.
class PersonPageExtension {
 public:
  virtual ~PersonPageExtension() = default;
  // HTML to add at the end of person `email`'s page (showing `cycle`) for
  // this request's viewer, or nullopt to serve the shared page.
  virtual std::optional<std::string> Fragment(const HttpRequest& request,
                                              const Organisation& org,
                                              std::string_view email,
                                              std::string_view cycle) const = 0;
  // Handles POST /people/{email}/{rest}. `page(fragment)` renders the
  // person page with `fragment` added (for re-showing a form with errors).
  using PageRenderer = std::function<std::string(const std::string&)>;
  virtual HttpResponse Post(const HttpRequest& request,
                            const Organisation& org, std::string_view email,
                            std::string_view rest,
                            const PageRenderer& page) const = 0;
};

struct SiteOptions {
  CadenceProvider cadence;            // Empty: the pages show a slot.
  // Empty: person pages are the same for everyone and take no POST.
  std::shared_ptr<const PersonPageExtension> person_extension;
  size_t cache_entries = 512;
  size_t cache_bytes = 32u << 20;
  // Pages and JSON need a login (read_access = login): "Cache-Control:
  // private, no-cache" instead of "no-cache".
  bool private_pages = false;
  // Set: the /api/v1/ handler is stored here instead of routed, for the
  // caller to serve through the registry (cli/builtin_plugins.h).
  HttpHandler* api_handler = nullptr;
  // [lint] levels and bounds for the findings on /health.
  LintSettings lint;
  // [analytics] early-warning thresholds: KRs and objectives at risk and
  // stale owners on every page (the feeds and the webhook use the same).
  RiskThresholds risk;
};

// Registers every route above on *router (not null).
void AddStatusPageRoutes(Router* router, Store* store, const Clock* clock,
                         SiteOptions options = {});

}  // namespace okr::web

namespace okr {
using web::AddStatusPageRoutes;  // The name cli/ wires.
}  // namespace okr

#endif  // OKR_CORE_WEB_SITE_H_
