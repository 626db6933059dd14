// Copyright 2026 The okrd Authors.
//
// The status page over real loopback sockets and a real Store file: every
// page and API resource, 404/405, ETags and 304, ?cycle=, hostile text, and
// HTML well-formedness checked by Debian's `tidy`.

#include "core/web/site.h"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/example/example_org.h"
#include "core/server/http_server.h"
#include "core/web/views.h"
#include "tests/support/fixtures.h"
#include "tests/support/http_client.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr::web {
namespace {

using testing::ClientResponse;
using testing::HttpClient;

constexpr UnixSeconds kExampleNow = 1795514400;  // 2026-11-24T10:00:00Z.

// A Store holding `org`, served on a free loopback port.
class Served {
 public:
  Served(const Organisation& org, UnixSeconds now, SiteOptions site = {})
      : clock_(now) {
    auto store = Store::Open(dir_.File("okrd.db"), {.create_if_missing = true});
    REQUIRE(store.ok());
    store_ = std::move(store).value();
    const Status inserted = store_->Insert(org);
    INFO(inserted.ToString());
    REQUIRE(inserted.ok());
    Router router;
    AddStatusPageRoutes(&router, store_.get(), &clock_, std::move(site));
    ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.num_threads = 4;
    options.log_requests = false;
    auto server = HttpServer::Start(options, std::move(router));
    REQUIRE(server.ok());
    server_ = std::move(server).value();
  }

  int port() const { return server_->port(); }
  Store* store() { return store_.get(); }
  FixedClock* clock() { return &clock_; }

 private:
  testing::TempDir dir_;
  FixedClock clock_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<HttpServer> server_;
};

ClientResponse Get(HttpClient* client, const std::string& path,
                   const HttpHeaders& headers = {}) {
  auto response = client->Send("GET", path, headers);
  INFO(path << ": " << response.status().ToString());
  REQUIRE(response.ok());
  return std::move(response).value();
}

std::string Header(const ClientResponse& r, std::string_view name) {
  return std::string(r.headers.Get(name).value_or(""));
}

// Runs tidy on an HTML document; fails the test on tidy errors (warnings
// are fine: tidy 5.6 does not know every HTML5/ARIA attribute).
void CheckWellFormed(const std::string& html, const std::string& what) {
  testing::TempDir dir;
  const std::string file = dir.File("page.html");
  REQUIRE(testing::WriteFile(file, html));
  const testing::ProcessResult tidy =
      testing::RunProcess({"/usr/bin/tidy", "-q", "-e", "-utf8", file});
  INFO(what << ": tidy said\n" << tidy.err << tidy.out);
  REQUIRE(tidy.exit_code != 127);  // Missing: scripts/install-deps.sh --test.
  CHECK(tidy.exit_code < 2);
}

Organisation Hostile() {
  Organisation org = testing::SmallOrganisation();
  org.units[1].name = "<script>alert('unit')</script>";
  org.people[1].name = "\"><img src=x onerror=alert(1)>";
  org.objectives[0].title = "<script>alert(1)</script>";
  org.objectives[0].description =
      "\"><img src=x onerror=alert(2)> & 'quoted' \xE2\x80\xA8 \x01 done";
  org.objectives[1].title = "</title><svg onload=alert(3)>";
  org.key_results[0].title = "<iframe src=javascript:alert(4)>";
  org.key_results[0].unit = "<b>EUR</b>";
  org.check_ins[0].status = "</dd><script>alert(5)</script>";
  org.check_ins[0].learned = "<a href=\"javascript:alert(6)\">x</a>";
  org.check_ins[0].next_steps = "' onmouseover='alert(7)";
  org.check_ins[0].challenges = "<style>body{display:none}</style>";
  return org;
}

const std::vector<std::string> kSmallPages = {
    "/", "/alignment", "/health", "/objectives/o-co-1", "/objectives/o-eng-1",
    "/units/co", "/units/eng", "/people/ada@acme.test",
    "/people/bo@acme.test"};

TEST_CASE("Every page of the example organisation renders and is well-formed",
          "[web][site][slow]") {
  const Date today = Date::FromUnixSeconds(kExampleNow);
  const Organisation org = MakeExampleOrganisation(today);
  Served served(org, kExampleNow);
  HttpClient client(served.port());
  const auto objectives = BuildObjectiveViews(org, org.cycles.back(), today);
  std::vector<std::string> pages = {"/", "/alignment", "/health"};
  for (const Unit& u : org.units) pages.push_back("/units/" + u.key);
  for (size_t i = 0; i < org.people.size(); i += 7) {
    pages.push_back("/people/" + org.people[i].email);
  }
  for (const ObjectiveView& o : objectives) pages.push_back("/objectives/" + o.key);
  pages.push_back("/?cycle=" + org.cycles.front().name);
  for (const std::string& page : pages) {
    const ClientResponse r = Get(&client, page);
    INFO(page);
    REQUIRE(r.status == 200);
    CHECK(Header(r, "Content-Type") == "text/html; charset=utf-8");
    CHECK(Header(r, "Content-Security-Policy").find("frame-ancestors 'none'") !=
          std::string::npos);
    CHECK(Header(r, "X-Content-Type-Options") == "nosniff");
    CHECK(!Header(r, "ETag").empty());
    CHECK(r.body.find("style=") == std::string::npos);  // CSP: no inline style.
    CHECK(r.body.find("<script") == std::string::npos);
    CheckWellFormed(r.body, page);
  }
  const ClientResponse home = Get(&client, "/");
  CHECK(home.body.find(org.cycles.back().name + " at a glance") !=
        std::string::npos);
  for (const ObjectiveView& o : objectives) {
    CHECK(home.body.find(o.key) != std::string::npos);
  }
  const ClientResponse alignment = Get(&client, "/alignment");
  CHECK(alignment.body.find("aligned to nothing") != std::string::npos);
  const ClientResponse health = Get(&client, "/health");
  CHECK(health.body.find(std::string(ExampleCases::kStalePersonA)) !=
        std::string::npos);
  CHECK(health.body.find("Possible double work") != std::string::npos);
  CHECK(health.body.find("<code>duplicate-objective</code>") !=
        std::string::npos);
  CHECK(health.body.find("href=\"/objectives/" +
                         std::string(ExampleCases::kDuplicateB)) !=
        std::string::npos);
  CHECK(health.body.find("OKR lint") != std::string::npos);
  CHECK(health.body.find("<code>objectives-per-unit</code>") !=
        std::string::npos);
}

TEST_CASE("/health shows lint findings at the configured levels",
          "[web][site]") {
  const Date today = Date::FromUnixSeconds(kExampleNow);
  const Organisation org = MakeExampleOrganisation(today);
  const std::string rule = "<code>kr-start-equals-target</code>";
  {
    Served served(org, kExampleNow);
    HttpClient client(served.port());
    const ClientResponse health = Get(&client, "/health");
    CHECK(health.body.find(rule) != std::string::npos);
    CHECK(health.body.find("Objectives at risk") != std::string::npos);
  }
  SiteOptions site;
  REQUIRE(SetLintLevel(&site.lint, "kr-start-equals-target", "off").ok());
  REQUIRE(SetLintLevel(&site.lint, "owner-missing", "error").ok());
  Served served(org, kExampleNow, std::move(site));
  HttpClient client(served.port());
  const ClientResponse health = Get(&client, "/health");
  REQUIRE(health.status == 200);
  CHECK(health.body.find(rule) == std::string::npos);
  CHECK(health.body.find("<td>error</td><td><code>owner-missing</code>") !=
        std::string::npos);
}

TEST_CASE("Pages and the API follow the configured early-warning thresholds",
          "[web][site]") {
  const Date today = Date::FromUnixSeconds(kExampleNow);
  const Organisation org = MakeExampleOrganisation(today);
  const std::string reason = "behind pace";
  {
    Served served(org, kExampleNow);
    HttpClient client(served.port());
    CHECK(Get(&client, "/health").body.find(reason) != std::string::npos);
    CHECK(Get(&client, "/api/v1/key-results").body.find(reason) !=
          std::string::npos);
  }
  // A margin no KR can be behind by: the reason disappears everywhere.
  SiteOptions site;
  site.risk.behind_margin = 2.0;
  Served served(org, kExampleNow, std::move(site));
  HttpClient client(served.port());
  const ClientResponse health = Get(&client, "/health");
  REQUIRE(health.status == 200);
  CHECK(health.body.find(reason) == std::string::npos);
  CHECK(Get(&client, "/api/v1/key-results").body.find(reason) ==
        std::string::npos);
  CHECK(Get(&client, "/").body.find(reason) == std::string::npos);
}

// The objective keys linked inside the element that starts at `open` and
// ends at the next `close`, in page order.
std::vector<std::string> ObjectiveLinksIn(const std::string& page,
                                          const std::string& open,
                                          const std::string& close) {
  std::vector<std::string> keys;
  const size_t begin = page.find(open);
  if (begin == std::string::npos) return keys;
  const size_t end = page.find(close, begin);
  const std::string marker = "href=\"/objectives/";
  for (size_t at = page.find(marker, begin); at < end;
       at = page.find(marker, at + 1)) {
    const size_t from = at + marker.size();
    keys.push_back(page.substr(from, page.find('"', from) - from));
  }
  return keys;
}

TEST_CASE("/health judges by the same thresholds and index as the overview",
          "[web][site]") {
  const Date today = Date::FromUnixSeconds(kExampleNow);
  const Organisation org = MakeExampleOrganisation(today);
  SiteOptions site;
  site.risk.behind_margin = 0.05;  // Not the default (0.15): more at risk.
  site.risk.low_confidence = 0.8;
  Served served(org, kExampleNow, site);
  HttpClient client(served.port());
  const ClientResponse home = Get(&client, "/");
  const ClientResponse health = Get(&client, "/health");
  REQUIRE(home.status == 200);
  REQUIRE(health.status == 200);
  std::vector<std::string> on_home =
      ObjectiveLinksIn(home.body, "<ul id=\"at-risk\">", "</ul>");
  std::vector<std::string> on_health = ObjectiveLinksIn(
      health.body, "<h2 id=\"objectives-at-risk\">", "</section>");
  // The same judgement as a view built from the index with these thresholds.
  const HealthView expected = BuildHealthView(
      *BuildOrgIndex(std::make_shared<const Organisation>(org), site.risk),
      *FindCycle(org, "", today), today);
  std::vector<std::string> from_view;
  for (const ObjectiveView& o : expected.objectives_at_risk) {
    from_view.push_back(o.key);
  }
  // Default thresholds judge fewer objectives at risk: the test would
  // notice /health falling back to them.
  const HealthView by_default =
      BuildHealthView(org, *FindCycle(org, "", today), today);
  CHECK(by_default.objectives_at_risk.size() < from_view.size());
  REQUIRE(!from_view.empty());
  std::sort(on_home.begin(), on_home.end());
  std::sort(on_health.begin(), on_health.end());
  std::sort(from_view.begin(), from_view.end());
  CHECK(on_health == from_view);
  CHECK(on_home == from_view);
  // The configured thresholds, as stated on /health.
  CHECK(health.body.find("Confidence below 80%") != std::string::npos);
  CHECK(health.body.find("more than 5 points behind") != std::string::npos);
  CHECK(expected.krs_at_risk.size() >
        BuildHealthView(org, *FindCycle(org, "", today), today).krs_at_risk.size());
}

TEST_CASE("Unknown routes and keys are 404, other methods 405",
          "[web][site]") {
  Served served(testing::SmallOrganisation(), Date{2027, 2, 15}.ToUnixSeconds());
  HttpClient client(served.port());
  for (const char* path :
       {"/nope", "/objectives/nope", "/objectives/", "/units/nope", "/units/",
        "/people/nobody@acme.test", "/api/v1/nope", "/api/v1/objectives/nope",
        "/api/v1/units/", "/static/nope.css", "/?cycle=1999-Q1",
        "/api/v1/objectives?cycle=1999-Q1"}) {
    INFO(path);
    CHECK(Get(&client, path).status == 404);
  }
  for (const char* method : {"POST", "PUT", "DELETE"}) {
    auto r = client.Send(method, "/");
    REQUIRE(r.ok());
    CHECK(r->status == 405);
    CHECK(Header(*r, "Allow") == "GET, HEAD");
  }
  auto post = client.Send("POST", "/api/v1/objectives");
  REQUIRE(post.ok());
  CHECK(post->status == 405);
  auto head = client.Send("HEAD", "/");
  REQUIRE(head.ok());
  CHECK(head->status == 200);
  CHECK(head->body.empty());
}

TEST_CASE("ETags: 304 when unchanged, new tag after a change or a new day",
          "[web][site]") {
  const UnixSeconds now = Date{2027, 2, 15}.ToUnixSeconds() + 36000;
  Served served(testing::SmallOrganisation(), now);
  HttpClient client(served.port());
  for (const std::string path : {"/", "/objectives/o-eng-1", "/api/v1/objectives"}) {
    INFO(path);
    const ClientResponse first = Get(&client, path);
    const std::string etag = Header(first, "ETag");
    REQUIRE(!etag.empty());
    CHECK(Header(first, "Cache-Control") == "no-cache");
    const ClientResponse again = Get(&client, path);
    CHECK(again.body == first.body);
    CHECK(Header(again, "ETag") == etag);
    const ClientResponse cached = Get(&client, path, {{"If-None-Match", etag}});
    CHECK(cached.status == 304);
    CHECK(cached.body.empty());
    CHECK(Header(cached, "ETag") == etag);
    CHECK(Get(&client, path, {{"If-None-Match", "\"x\", " + etag}}).status ==
          304);
    CHECK(Get(&client, path, {{"If-None-Match", "\"other\""}}).status == 200);
  }
  const std::string before = Header(Get(&client, "/"), "ETag");
  CheckIn check_in;
  check_in.target_key = "kr-co-1-1";
  check_in.at = now - 60;
  check_in.value = 11;
  check_in.confidence = 0.9;
  check_in.status = "Big deal closed";
  REQUIRE(served.store()->AddCheckIn(check_in).ok());
  const ClientResponse changed =
      Get(&client, "/", {{"If-None-Match", before}});
  CHECK(changed.status == 200);
  CHECK(Header(changed, "ETag") != before);
  CHECK(changed.body.find("11 of 12") != std::string::npos);
  const std::string after_change = Header(changed, "ETag");
  served.clock()->Set(now + 86400);
  const ClientResponse next_day =
      Get(&client, "/", {{"If-None-Match", after_change}});
  CHECK(next_day.status == 200);
  CHECK(Header(next_day, "ETag") != after_change);
}

TEST_CASE("Unit, person and objective pages follow a new store revision",
          "[web][site]") {
  const UnixSeconds now = Date{2027, 2, 15}.ToUnixSeconds() + 36000;
  Served served(testing::SmallOrganisation(), now);
  HttpClient client(served.port());
  const std::vector<std::string> paths = {
      "/objectives/o-co-1", "/units/co", "/people/ada@acme.test", "/"};
  for (const std::string& path : paths) {
    INFO(path);
    CHECK(Get(&client, path).body.find("10 of 12") == std::string::npos);
  }
  CheckIn check_in;
  check_in.target_key = "kr-co-1-1";
  check_in.at = now - 60;
  check_in.value = 10;
  REQUIRE(served.store()->AddCheckIn(check_in).ok());
  for (const std::string& path : paths) {
    INFO(path);
    CHECK(Get(&client, path).body.find("10 of 12") != std::string::npos);
  }
}

TEST_CASE("Concurrent requests while the store changes", "[web][site]") {
  const UnixSeconds now = Date{2027, 2, 15}.ToUnixSeconds() + 36000;
  Served served(testing::LargeOrganisation(60), now);
  const std::vector<std::string> paths = {
      "/", "/objectives/o-team-3-1", "/units/team-7", "/units/eng",
      "/people/lead-5@acme.test", "/alignment", "/api/v1/objectives"};
  std::atomic<int> failures{0};
  std::atomic<bool> writing{true};
  std::vector<std::thread> readers;
  for (int t = 0; t < 6; ++t) {
    readers.emplace_back([&, t] {
      HttpClient client(served.port(), 30000);
      for (int i = 0; i < 40 || writing.load(); ++i) {
        const std::string& path = paths[(t + i) % paths.size()];
        auto r = client.Send("GET", path);
        if (!r.ok() || r->status != 200 || r->body.size() < 100) ++failures;
      }
    });
  }
  for (int v = 1; v <= 20; ++v) {
    CheckIn check_in;
    check_in.target_key = "kr-team-7-0";
    check_in.at = now - 1000 + v;
    check_in.value = v % 10;
    REQUIRE(served.store()->AddCheckIn(check_in).ok());
  }
  CheckIn last;
  last.target_key = "kr-team-7-0";
  last.at = now - 10;
  last.value = 7;
  REQUIRE(served.store()->AddCheckIn(last).ok());
  writing = false;
  for (std::thread& t : readers) t.join();
  CHECK(failures.load() == 0);
  HttpClient client(served.port());
  CHECK(Get(&client, "/units/team-7").body.find("7 of 10") !=
        std::string::npos);
}

TEST_CASE("A large cycle's overview: teams as rows, well-formed",
          "[web][site]") {
  const UnixSeconds now = Date{2027, 2, 15}.ToUnixSeconds() + 36000;
  const int teams = kHomeFullObjectives / 3 + 1;
  Served served(testing::LargeOrganisation(teams), now);
  HttpClient client(served.port());
  const ClientResponse home = Get(&client, "/");
  REQUIRE(home.status == 200);
  CheckWellFormed(home.body, "/");
  CHECK(home.body.find("Ship a platform people trust") != std::string::npos);
  CHECK(home.body.find("Launch the status API") != std::string::npos);
  CHECK(home.body.find("href=\"/units/team-0\">Team 0</a>") !=
        std::string::npos);
  CHECK(home.body.find("href=\"/units/team-" + std::to_string(teams - 1) +
                       "\"") != std::string::npos);
  CHECK(home.body.find(std::to_string(teams) + " units in Engineering") !=
        std::string::npos);
  CHECK(home.body.find("Team 3 goal 1") == std::string::npos);  // On its page.
  CHECK(home.body.find("need attention: see the rows") != std::string::npos);
  CHECK(home.body.find(std::to_string(2 + 3 * teams) + " objectives") !=
        std::string::npos);
  const ClientResponse team = Get(&client, "/units/team-3");
  CHECK(team.body.find("Team 3 goal 1") != std::string::npos);
  const ClientResponse past = Get(&client, "/?cycle=2027-Q1");
  CHECK(past.body.find("href=\"/units/team-0?cycle=2027-Q1\"") !=
        std::string::npos);
}

TEST_CASE("Static assets: hashed and immutable, plain and revalidated",
          "[web][site]") {
  Served served(testing::SmallOrganisation(), Date{2027, 2, 15}.ToUnixSeconds());
  HttpClient client(served.port());
  const ClientResponse home = Get(&client, "/");
  const size_t at = home.body.find("/static/style-");
  REQUIRE(at != std::string::npos);
  const std::string href =
      home.body.substr(at, home.body.find('"', at) - at);
  const ClientResponse css = Get(&client, href);
  CHECK(css.status == 200);
  CHECK(Header(css, "Content-Type") == "text/css; charset=utf-8");
  CHECK(Header(css, "Cache-Control").find("immutable") != std::string::npos);
  const ClientResponse plain = Get(&client, "/static/style.css");
  CHECK(plain.body == css.body);
  CHECK(Get(&client, "/static/style.css",
            {{"If-None-Match", Header(plain, "ETag")}})
            .status == 304);
  CHECK(Get(&client, "/static/icon.svg").status == 200);
}

TEST_CASE("?cycle= shows a past cycle and links stay within it",
          "[web][site]") {
  const Date today = Date::FromUnixSeconds(kExampleNow);
  const Organisation org = MakeExampleOrganisation(today);
  Served served(org, kExampleNow);
  HttpClient client(served.port());
  const std::string previous = org.cycles.front().name;
  const ClientResponse home = Get(&client, "/?cycle=" + previous);
  REQUIRE(home.status == 200);
  CHECK(home.body.find("<h1>" + previous + " at a glance</h1>") !=
        std::string::npos);
  CHECK(home.body.find("/alignment?cycle=" + previous) != std::string::npos);
  CHECK(home.body.find(std::string(ExampleCases::kScoreOverride)) !=
        std::string::npos);
  const ClientResponse current = Get(&client, "/");
  CHECK(current.body.find(std::string(ExampleCases::kScoreOverride)) ==
        std::string::npos);
  CHECK(Header(home, "ETag") != Header(current, "ETag"));
  const ClientResponse objective = Get(
      &client, "/objectives/" + std::string(ExampleCases::kScoreOverride));
  CHECK(objective.status == 200);
  CHECK(objective.body.find("Closed") != std::string::npos);
}

TEST_CASE("JSON API parses and matches the views", "[web][site][api]") {
  const Date today = Date::FromUnixSeconds(kExampleNow);
  const Organisation org = MakeExampleOrganisation(today);
  Served served(org, kExampleNow);
  HttpClient client(served.port());
  const auto views = BuildObjectiveViews(org, org.cycles.back(), today);

  const auto cycles = nlohmann::json::parse(Get(&client, "/api/v1/cycles").body);
  REQUIRE(cycles["cycles"].size() == org.cycles.size());
  CHECK(cycles["cycles"][1]["current"] == true);
  CHECK(cycles["cycles"][1]["phase"] == "execution");

  const ClientResponse list = Get(&client, "/api/v1/objectives");
  CHECK(Header(list, "Content-Type") == "application/json; charset=utf-8");
  const auto objectives = nlohmann::json::parse(list.body);
  REQUIRE(objectives["objectives"].size() == views.size());
  for (size_t i = 0; i < views.size(); ++i) {
    const auto& json = objectives["objectives"][i];
    CHECK(json["key"] == views[i].key);
    CHECK(json["title"] == views[i].title);
    CHECK(json["key_results"].size() == views[i].krs.size());
    if (views[i].progress) {
      CHECK(json["progress"].get<double>() == Approx(*views[i].progress));
    }
  }
  const auto one = nlohmann::json::parse(
      Get(&client, "/api/v1/objectives/" + views[0].key).body);
  CHECK(one["key"] == views[0].key);

  const auto krs = nlohmann::json::parse(Get(&client, "/api/v1/key-results").body);
  CHECK(krs["key_results"].size() > views.size());
  const std::string kr_key = krs["key_results"][0]["key"];
  CHECK(nlohmann::json::parse(Get(&client, "/api/v1/key-results/" + kr_key).body)
            ["key"] == kr_key);

  const auto units = nlohmann::json::parse(Get(&client, "/api/v1/units").body);
  CHECK(units["units"].size() == org.units.size());
  const auto unit =
      nlohmann::json::parse(Get(&client, "/api/v1/units/eng-platform").body);
  CHECK(unit["objectives"].size() == 6);
  const auto people = nlohmann::json::parse(Get(&client, "/api/v1/people").body);
  CHECK(people["people"].size() == org.people.size());
  const auto person = nlohmann::json::parse(
      Get(&client, "/api/v1/people/" + org.people[0].email).body);
  CHECK(person["email"] == org.people[0].email);
  const auto check_ins =
      nlohmann::json::parse(Get(&client, "/api/v1/check-ins").body);
  CHECK(check_ins["check_ins"].size() > 100);
  const auto index = nlohmann::json::parse(Get(&client, "/api/v1/").body);
  CHECK(index["resources"].size() == 6);
}

TEST_CASE("Hostile text shows as text on every page and in JSON",
          "[web][site][xss]") {
  const Organisation org = Hostile();
  Served served(org, Date{2027, 2, 15}.ToUnixSeconds());
  HttpClient client(served.port());
  for (const std::string& page : kSmallPages) {
    const ClientResponse r = Get(&client, page);
    INFO(page);
    REQUIRE(r.status == 200);
    for (const char* raw : {"<script", "<img", "<svg onload", "<iframe",
                            "<style>", "<a href=\"javascript", "<b>EUR",
                            "' onmouseover='"}) {
      INFO(raw);
      CHECK(r.body.find(raw) == std::string::npos);
    }
    CheckWellFormed(r.body, page);
  }
  const std::string home = Get(&client, "/").body;
  CHECK(home.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(home.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") !=
        std::string::npos);
  const std::string objective = Get(&client, "/objectives/o-co-1").body;
  CHECK(objective.find("&lt;/dd&gt;&lt;script&gt;alert(5)&lt;/script&gt;") !=
        std::string::npos);
  CHECK(objective.find("&#39; onmouseover=&#39;alert(7)") != std::string::npos);
  CHECK(objective.find("\x01") == std::string::npos);

  const auto json =
      nlohmann::json::parse(Get(&client, "/api/v1/objectives/o-co-1").body);
  CHECK(json["title"] == org.objectives[0].title);
  const auto check_ins =
      nlohmann::json::parse(Get(&client, "/api/v1/check-ins").body);
  CHECK(check_ins["check_ins"][0]["status"] == org.check_ins[0].status);
}

}  // namespace
}  // namespace okr::web
