// Copyright 2026 The okrd Authors.
//
// okrd feeds list|rotate|render: the iCalendar feeds of the review rhythm.
// Tokens are stored only as hashes, so a feed URL can be printed only when
// its token is created: `list` creates tokens for feeds without one and
// prints their URLs; feeds that already have a token are listed without a
// URL (`rotate` gives a new one and revokes the old). The base URL comes
// from --base-url, else the config's [server] base_url; the meeting rhythm
// from its [cadence] section.

#include <cstdio>
#include <string>

#include "calendar/feed_service.h"
#include "cli/command.h"
#include "cli/feed_options.h"
#include "cli/store_access.h"

namespace okr {
namespace {

constexpr char kDefaultBaseUrl[] = "http://127.0.0.1:8080";

// "https://host/x" -> "webcal://host/x" (also for http).
std::string WebcalUrl(const std::string& url) {
  const size_t colon = url.find("://");
  return colon == std::string::npos ? url : "webcal" + url.substr(colon);
}

Status List(const CliEnv& env, FeedService* service, const std::string& base) {
  OKR_ASSIGN_OR_RETURN(auto org, service->LoadOrganisation());
  CalendarStore* tokens = service->calendar_store();
  OKR_ASSIGN_OR_RETURN(auto active, tokens->ActiveTokens());
  for (const FeedId& feed : AllFeeds(*org)) {
    const std::string id = feed.ToString();
    if (active.count(id)) {
      std::fprintf(env.out, "%s\n  token issued %s; run `okrd feeds rotate` "
                            "for a new URL\n",
                   id.c_str(), FormatUtcTimestamp(active[id].created_at).c_str());
      continue;
    }
    OKR_ASSIGN_OR_RETURN(std::string token,
                         tokens->IssueToken(id, env.clock->Now()));
    const std::string url = base + "/feeds/" + token + ".ics";
    std::fprintf(env.out, "%s\n  %s\n  %s\n", id.c_str(), url.c_str(),
                 WebcalUrl(url).c_str());
  }
  return Status::Ok();
}

Status Rotate(const CliEnv& env, FeedService* service, const std::string& base,
              const std::string& name) {
  OKR_ASSIGN_OR_RETURN(auto org, service->LoadOrganisation());
  OKR_ASSIGN_OR_RETURN(FeedId feed, ResolveFeedName(*org, name));
  OKR_ASSIGN_OR_RETURN(std::string token, service->calendar_store()->IssueToken(
                                              feed.ToString(), env.clock->Now()));
  const std::string url = base + "/feeds/" + token + ".ics";
  std::fprintf(env.out, "%s\n  %s\n  %s\n", feed.ToString().c_str(),
               url.c_str(), WebcalUrl(url).c_str());
  return Status::Ok();
}

Status Render(const CliEnv& env, FeedService* service, const std::string& name) {
  OKR_ASSIGN_OR_RETURN(auto org, service->LoadOrganisation());
  OKR_ASSIGN_OR_RETURN(FeedId feed, ResolveFeedName(*org, name));
  OKR_ASSIGN_OR_RETURN(RenderedFeed rendered, service->Render(feed));
  if (std::fwrite(rendered.body.data(), 1, rendered.body.size(), env.out) !=
      rendered.body.size()) {
    return IoError("cannot write the feed to stdout");
  }
  return Status::Ok();
}

Status RunFeeds(const CliEnv& env, const ParsedFlags& flags) {
  const auto& args = flags.positionals();
  if (args.empty()) return UsageError::Make("missing action: list, rotate or render");
  const std::string& action = args[0];
  const size_t want = action == "list" ? 1 : 2;
  if (action != "list" && action != "rotate" && action != "render") {
    return UsageError::Make("unknown action '" + action + "'");
  }
  if (args.size() != want) {
    return UsageError::Make(want == 1 ? "list takes no argument"
                                      : action + " needs PERSON, TEAM or company");
  }
  const std::optional<std::string> flag = flags.Get("base-url");
  Result<std::string> base_url = FeedBaseUrl(env.config, flag, kDefaultBaseUrl);
  if (!base_url.ok()) {
    return flag ? UsageError::Make(base_url.status().message())
                : base_url.status();
  }
  const std::string& base = *base_url;
  OKR_ASSIGN_OR_RETURN(auto store, OpenStore(env, /*create=*/false));
  FeedService service(store.get(), FeedOptionsFromConfig(env.config, base),
                      env.clock);
  if (action == "list") return List(env, &service, base);
  if (action == "rotate") return Rotate(env, &service, base, args[1]);
  return Render(env, &service, args[1]);
}

}  // namespace

Command MakeFeedsCommand() {
  return {.name = "feeds",
          .summary = "list, rotate or render the iCalendar feeds",
          .usage = "okrd feeds list|rotate NAME|render NAME [--base-url URL]",
          .details =
              "NAME is a person's e-mail, a team's key or \"company\".\n"
              "list: every feed; creates a token for feeds without one and "
              "prints its https and\nwebcal:// URL (tokens are stored only "
              "as hashes, so a URL is shown once).\nrotate: a new URL for "
              "one feed; the old one stops working at once.\nrender: the "
              "feed as it is served, to stdout.",
          .flags = {{"base-url", true,
                     std::string("public URL of this server (default: "
                                 "[server] base_url, else ") +
                         kDefaultBaseUrl + ")",
                     "URL"}},
          .run = RunFeeds};
}

}  // namespace okr
