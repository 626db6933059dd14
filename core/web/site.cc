// Copyright 2026 The okrd Authors.

#include "core/web/site.h"

#include <cassert>
#include <chrono>
#include <memory>
#include <string>
#include <utility>

#include "core/base/log.h"
#include "core/web/api.h"
#include "core/web/page_cache.h"
#include "core/web/style.h"
#include "core/web/text.h"
#include "core/web/views.h"

namespace okr::web {
namespace {

enum class Kind { kHome, kUnit, kPerson, kObjective, kAlignment, kHealth, kApi };

struct PageRequest {
  Kind kind = Kind::kHome;
  std::string key;    // Path remainder: unit key, email, objective key, API.
  std::string cycle;  // ?cycle= value, or empty.
  Date today;
  UnixSeconds now = 0;
};

struct Rendered {
  int status = 200;
  bool json = false;
  std::string body;
};

// True when an If-None-Match header value lists `etag` (weak comparison).
bool MatchesEtag(std::string_view header, std::string_view etag) {
  auto strip = [](std::string_view tag) {
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) {
      tag.remove_prefix(1);
    }
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) {
      tag.remove_suffix(1);
    }
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    return tag;
  };
  const std::string_view mine = strip(etag);
  while (true) {
    const size_t comma = header.find(',');
    const std::string_view tag = strip(header.substr(0, comma));
    if (tag == "*" || tag == mine) return true;
    if (comma == std::string_view::npos) return false;
    header.remove_prefix(comma + 1);
  }
}

HttpResponse NotModified(const std::string& etag, std::string_view cache) {
  HttpResponse response;
  response.status = 304;
  response.headers.Set("ETag", etag);
  response.headers.Set("Cache-Control", std::string(cache));
  return response;
}

std::string OrganisationName(const Organisation& org) {
  for (const Unit& u : org.units) {
    if (u.parent_key.empty()) return u.name;
  }
  return "";
}

class Site {
 public:
  Site(Store* store, const Clock* clock, SiteOptions options)
      : source_(store, options.risk),
        cache_(options.cache_entries, options.cache_bytes),
        clock_(clock),
        options_(std::move(options)),
        instance_(Hex64(Fnv1a64(std::to_string(
                      std::chrono::steady_clock::now()
                          .time_since_epoch()
                          .count())))
                      .substr(0, 8)) {}

  HttpResponse Serve(Kind kind, const HttpRequest& http) {
    PageRequest request;
    request.kind = kind;
    request.key = http.path_remainder;
    request.cycle = QueryParam(http.query, "cycle").value_or("");
    request.now = clock_->Now();
    request.today = Date::FromUnixSeconds(request.now);
    const std::string cache_key = std::to_string(static_cast<int>(kind)) +
                                  "\n" + request.key + "\n" + request.cycle;
    Result<int64_t> revision = source_.Revision();
    if (!revision.ok()) return Unavailable(revision.status());
    const int64_t day = request.today.ToDays();
    const std::string etag = "W/\"" + instance_ + "-" +
                             std::to_string(*revision) + "-" +
                             std::to_string(day) + "-" +
                             Hex64(Fnv1a64(cache_key)) + "\"";
    if (kind == Kind::kPerson && options_.person_extension) {
      if (auto personal = ServePersonal(http, request, *revision)) {
        return std::move(*personal);
      }
    }
    if (auto inm = http.header("If-None-Match"); inm && MatchesEtag(*inm, etag)) {
      return NotModified(etag, PageCacheControl());
    }
    if (auto hit = cache_.Get(cache_key, *revision, day)) {
      return Respond(200, hit->content_type, hit->body, etag);
    }
    Result<Snapshot> snapshot = source_.Get(*revision);
    if (!snapshot.ok()) return Unavailable(snapshot.status());
    Rendered rendered = Render(*snapshot, request);
    const std::string type = rendered.json ? "application/json; charset=utf-8"
                                           : "text/html; charset=utf-8";
    if (rendered.status != 200) {
      HttpResponse response = rendered.json
                                  ? JsonResponse(rendered.status, rendered.body)
                                  : HtmlResponse(rendered.status, rendered.body);
      response.headers.Set("Cache-Control", PageCacheControl());
      return response;
    }
    auto body = std::make_shared<const std::string>(std::move(rendered.body));
    cache_.Put(cache_key, {*revision, day, etag, type, body});
    return Respond(200, type, std::move(body), etag);
  }

  // POST /people/{email}/{rest}, handled by the person page extension.
  HttpResponse PostPerson(const HttpRequest& http) {
    const std::string_view remainder = http.path_remainder;
    const size_t slash = remainder.find('/');
    if (slash == std::string_view::npos || slash == 0) {
      return NotFoundResponse();
    }
    PageRequest request;
    request.kind = Kind::kPerson;
    request.key = std::string(remainder.substr(0, slash));
    request.cycle = QueryParam(http.query, "cycle").value_or("");
    request.now = clock_->Now();
    request.today = Date::FromUnixSeconds(request.now);
    Result<int64_t> revision = source_.Revision();
    if (!revision.ok()) return Unavailable(revision.status());
    Result<Snapshot> snapshot = source_.Get(*revision);
    if (!snapshot.ok()) return Unavailable(snapshot.status());
    const Organisation& org = *snapshot->org;
    auto page = [&](const std::string& fragment) {
      return WithFragment(Render(*snapshot, request).body, fragment);
    };
    return options_.person_extension->Post(http, org, request.key,
                                           remainder.substr(slash + 1), page);
  }

 private:
  static std::string WithFragment(std::string page,
                                  const std::string& fragment) {
    const size_t end = page.rfind("\n</main>");
    if (end != std::string::npos) page.insert(end, fragment);
    return page;
  }

  // The person page with the extension's fragment for this viewer, or
  // nullopt when the viewer gets the shared page.
  std::optional<HttpResponse> ServePersonal(const HttpRequest& http,
                                            const PageRequest& request,
                                            int64_t revision) {
    Result<Snapshot> snapshot = source_.Get(revision);
    if (!snapshot.ok()) return std::nullopt;
    const Organisation& org = *snapshot->org;
    const Cycle* cycle = FindCycle(org, request.cycle, request.today);
    if (cycle == nullptr) return std::nullopt;
    std::optional<std::string> fragment = options_.person_extension->Fragment(
        http, org, request.key, cycle->name);
    if (!fragment) return std::nullopt;
    Rendered rendered = Render(*snapshot, request);
    if (rendered.status != 200) return std::nullopt;
    HttpResponse response =
        HtmlResponse(200, WithFragment(std::move(rendered.body), *fragment));
    response.headers.Set("Cache-Control", "no-store");
    response.headers.Set("Referrer-Policy", std::string(kFormReferrerPolicy));
    return response;
  }

  // Pages behind a login may be cached by the browser, never by shared
  // caches between it and okrd.
  std::string PageCacheControl() const {
    return options_.private_pages ? "private, no-cache" : "no-cache";
  }

  // The cached body is shared with the response, not copied.
  HttpResponse Respond(int status, const std::string& type,
                       std::shared_ptr<const std::string> body,
                       const std::string& etag) const {
    HttpResponse response;
    response.status = status;
    response.content_type = type;
    response.shared_body = std::move(body);
    response.headers.Set("ETag", etag);
    response.headers.Set("Cache-Control", PageCacheControl());
    return response;
  }

  static HttpResponse Unavailable(const Status& status) {
    LogError("status page: " + status.ToString());
    HttpResponse response = TextResponse(503, "the database is unavailable\n");
    response.headers.Set("Cache-Control", "no-store");
    return response;
  }

  PageContext Context(const Organisation& org, const Cycle* cycle,
                      const PageRequest& request) const {
    PageContext ctx;
    ctx.organisation = OrganisationName(org);
    if (cycle != nullptr) ctx.cycle = MakeCycleInfo(org, *cycle, request.today);
    for (const Cycle& c : org.cycles) {
      ctx.cycles.push_back(MakeCycleInfo(org, c, request.today));
    }
    if (!request.cycle.empty() && cycle != nullptr) {
      ctx.cycle_query = "?cycle=" + EncodeQueryValue(request.cycle);
    }
    ctx.now = request.now;
    ctx.stylesheet_href = StyleSheetAsset().hashed_path;
    ctx.icon_href = IconAsset().hashed_path;
    return ctx;
  }

  std::optional<CadenceInfo> Cadence(const Snapshot& snapshot, bool is_person,
                                     std::string_view key,
                                     UnixSeconds now) const {
    if (!options_.cadence) return std::nullopt;
    return options_.cadence({snapshot.org, snapshot.revision}, is_person, key,
                            now);
  }

  Rendered Render(const Snapshot& snapshot, const PageRequest& request) const {
    const Organisation& org = *snapshot.org;
    const internal::OrgIndex& index = *snapshot.index;
    if (request.kind == Kind::kApi) {
      ApiResult api = RenderApi(index, request.key, request.cycle, request.today);
      return {api.status, true, std::move(api.json)};
    }
    if (request.kind == Kind::kObjective) {
      return RenderObjective(snapshot, request);
    }
    const Cycle* cycle = FindCycle(org, request.cycle, request.today);
    if (cycle == nullptr) {
      const Cycle* fallback = FindCycle(org, "", request.today);
      const PageContext ctx = Context(org, fallback, request);
      return {404, false,
              RenderNotFoundPage(org.cycles.empty()
                                     ? "There is no cycle yet."
                                     : "There is no cycle \"" + request.cycle +
                                           "\".",
                                 ctx)};
    }
    const PageContext ctx = Context(org, cycle, request);
    switch (request.kind) {
      case Kind::kHome:
        return {200, false, RenderHomePage(BuildHomeView(index, *cycle, request.today), ctx)};
      case Kind::kAlignment:
        return {200, false, RenderAlignmentPage(BuildAlignmentView(index, *cycle, request.today), ctx)};
      case Kind::kHealth:
        return {200, false, RenderHealthPage(BuildHealthView(index, *cycle, request.today, options_.lint), ctx)};
      case Kind::kUnit: {
        auto d = BuildUnitDetail(index, *cycle, request.key, request.today);
        if (!d) return {404, false, RenderNotFoundPage("There is no unit \"" + request.key + "\".", ctx)};
        return {200, false, RenderUnitPage(*d, Cadence(snapshot, false, request.key, request.now), ctx)};
      }
      case Kind::kPerson: {
        auto d = BuildPersonDetail(index, *cycle, request.key, request.today);
        if (!d) return {404, false, RenderNotFoundPage("There is no person \"" + request.key + "\".", ctx)};
        return {200, false, RenderPersonPage(*d, Cadence(snapshot, true, request.key, request.now), ctx)};
      }
      case Kind::kObjective:
      case Kind::kApi:
        break;
    }
    assert(false && "unhandled page kind");
    return {500, false, ""};
  }

  Rendered RenderObjective(const Snapshot& snapshot,
                           const PageRequest& request) const {
    const Organisation& org = *snapshot.org;
    std::optional<ObjectiveDetail> d =
        BuildObjectiveDetail(*snapshot.index, request.key, request.today);
    if (!d) {
      const PageContext ctx =
          Context(org, FindCycle(org, "", request.today), request);
      return {404, false, RenderNotFoundPage("There is no objective \"" +
                                                 request.key + "\".",
                                             ctx)};
    }
    PageRequest in_cycle = request;
    in_cycle.cycle = d->cycle.is_current ? "" : d->cycle.name;
    const Cycle* cycle = FindCycle(org, d->objective.cycle, request.today);
    return {200, false,
            RenderObjectivePage(*d, Context(org, cycle, in_cycle))};
  }

  SnapshotSource source_;
  ResponseCache cache_;
  const Clock* const clock_;
  const SiteOptions options_;
  const std::string instance_;  // Distinguishes ETags across restarts.
};

HttpResponse ServeAsset(const HttpRequest& request) {
  for (const StaticAsset* asset : {&StyleSheetAsset(), &IconAsset()}) {
    const bool hashed = request.path == asset->hashed_path;
    if (!hashed && request.path != asset->plain_path) continue;
    const std::string cache = hashed ? "public, max-age=31536000, immutable"
                                     : "no-cache";
    if (auto inm = request.header("If-None-Match");
        inm && MatchesEtag(*inm, asset->etag)) {
      return NotModified(asset->etag, cache);
    }
    HttpResponse response;
    response.content_type = std::string(asset->content_type);
    response.body = std::string(asset->body);
    response.headers.Set("ETag", asset->etag);
    response.headers.Set("Cache-Control", cache);
    return response;
  }
  return NotFoundResponse();
}

}  // namespace

void AddStatusPageRoutes(Router* router, Store* store, const Clock* clock,
                         SiteOptions options) {
  assert(router != nullptr && store != nullptr && clock != nullptr);
  const bool site_has_extension = options.person_extension != nullptr;
  HttpHandler* const api_handler = options.api_handler;
  options.api_handler = nullptr;  // The Site does not keep the out-pointer.
  auto site = std::make_shared<Site>(store, clock, std::move(options));
  auto add = [&](std::string pattern, Kind kind, bool prefix) {
    HttpHandler handler = [site, kind](const HttpRequest& request) {
      if (kind != Kind::kHome && kind != Kind::kAlignment &&
          kind != Kind::kHealth && kind != Kind::kApi &&
          request.path_remainder.empty()) {
        return NotFoundResponse();
      }
      return site->Serve(kind, request);
    };
    if (kind == Kind::kApi && api_handler != nullptr) {
      *api_handler = std::move(handler);
    } else if (prefix) {
      router->AddPrefix({HttpMethod::kGet}, std::move(pattern),
                        std::move(handler));
    } else {
      router->Add({HttpMethod::kGet}, std::move(pattern), std::move(handler));
    }
  };
  add("/", Kind::kHome, false);
  add("/alignment", Kind::kAlignment, false);
  add("/health", Kind::kHealth, false);
  add("/units/", Kind::kUnit, true);
  add("/people/", Kind::kPerson, true);
  add("/objectives/", Kind::kObjective, true);
  add("/api/v1/", Kind::kApi, true);
  router->AddPrefix({HttpMethod::kGet}, "/static/", ServeAsset);
  if (site_has_extension) {
    router->AddPrefix({HttpMethod::kPost}, "/people/",
                      [site](const HttpRequest& request) {
                        return site->PostPerson(request);
                      });
  }
}

}  // namespace okr::web
