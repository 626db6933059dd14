// Copyright 2026 The okrd Authors.
//
// The built-in importers reached through the registry, i.e. through their
// okr_plugin entries and the same adapters as loaded plugins, read what
// ImportFile reads.

#include "cli/builtin_plugins.h"

#include <signal.h>

#include <catch2/catch.hpp>

#include "core/web/site.h"
#include "importers/import_file.h"
#include "tests/cli/okrd_process.h"
#include "tests/support/http_client.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

TEST_CASE("built-in importers are registered through the C ABI",
          "[cli][plugins]") {
  Registry registry;
  RegisterBuiltinPlugins(&registry);
  CHECK(registry.problems().empty());
  REQUIRE(registry.importers().size() == 4);
  for (const auto& e : registry.importers()) {
    CHECK(e.origin.built_in());
    CHECK(e.origin.plugin_id == "org.okrd.builtin." + e.item->format());
  }
  const std::string path =
      std::string(OKR_SOURCE_DIR) + "/examples/halden-health.xlsx";
  const std::string bytes = testing::ReadFileOrEmpty(path);
  REQUIRE_FALSE(bytes.empty());
  const auto* xlsx =
      registry.FindImporter("", "halden-health.xlsx", bytes.substr(0, 4096));
  REQUIRE(xlsx != nullptr);
  CHECK(xlsx->item->format() == "xlsx");
  const Date today{2026, 11, 24};
  auto through_abi = xlsx->item->Import(
      {.name = "halden-health.xlsx", .bytes = bytes, .today = today});
  REQUIRE(through_abi.ok());
  CHECK_FALSE(through_abi->HasErrors());
  auto direct = ImportFile(path, {.today = today}, Limits());
  REQUIRE(direct.ok());
  CHECK(through_abi->org.key_results == direct->org.key_results);
  // Records carry what okr_plugin.h lists (not alignment links, leads).
  auto carried = [](const Organisation& org) {
    std::vector<std::string> out;
    for (const Objective& o : org.objectives) {
      out.push_back(o.key + "|" + o.title + "|" + o.unit_key + "|" +
                    o.owner_email + "|" + o.cycle + "|" +
                    std::string(LevelName(o.level)));
    }
    for (const Unit& u : org.units)
      out.push_back(u.key + "|" + u.name + "|" + u.parent_key);
    return out;
  };
  CHECK(carried(through_abi->org) == carried(direct->org));
  CHECK(carried(through_abi->org).size() == 48 + 15);
  CHECK(through_abi->org.key_results.size() == 141);

  auto broken =
      registry.FindImporter("xml", "", "")
          ->item->Import({.name = "bad.xml", .bytes = "<okrd><nope/></okrd>"});
  REQUIRE(broken.ok());
  CHECK(broken->HasErrors());
}

TEST_CASE("okrd serve answers the built-in JSON output", "[cli][plugins]") {
  testing::TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(testing::RunProcess({OKRD_BINARY, "init", "--example", "--db", db})
              .exit_code == 0);
  testing::ChildProcess server(
      {OKRD_BINARY, "serve", "--db", db, "--listen", "127.0.0.1:0"});
  const std::string line = server.ReadLine(20000);
  const size_t at = line.find("http://127.0.0.1:");
  REQUIRE(at != std::string::npos);
  testing::HttpClient client(std::stoi(line.substr(at + 17)));
  auto r = client.Get("/api/v1/progress");
  REQUIRE(r.ok());
  CHECK(r->status == 200);
  CHECK(r->headers.Get("Content-Type") == "application/json");
  // Parsed by Python's json module: 42 objectives, 128 key results.
  testing::ProcessResult parsed =
      testing::RunProcess({"/usr/bin/python3", "-c",
                           "import json,sys;d=json.load(sys.stdin);"
                           "print(len(d['objectives']),len(d['key_results']))"},
                          {}, r->body);
  CHECK(parsed.out == "48 141\n");
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
}

TEST_CASE("the feeds and the JSON API are built-in outputs of the registry",
          "[cli][plugins]") {
  Registry registry;
  RegisterBuiltinPlugins(&registry);
  std::map<std::string, const Registry::Entry<Output>*> outputs;
  for (const auto& e : registry.outputs()) outputs[e.item->path()] = &e;
  REQUIRE(outputs.count("/feeds/") == 1);
  REQUIRE(outputs.count("/api/v1/") == 1);
  const Output& feeds = *outputs["/feeds/"]->item;
  CHECK(outputs["/feeds/"]->origin.plugin_id == "org.okrd.builtin.ical");
  CHECK(outputs["/api/v1/"]->origin.plugin_id == "org.okrd.builtin.api-json");
  CHECK((feeds.serves_requests() && feeds.is_prefix() && feeds.secret_path()));
  CHECK_FALSE(outputs["/api/v1/"]->item->secret_path());

  // A request crosses the okr.feed/1 serve() as an okr_request; the
  // handler's answer comes back through the okr_response sink.
  std::vector<std::string> seen;
  const HttpHandler backend = [&seen](const HttpRequest& r) {
    seen = {r.method, r.path, r.path_remainder, r.query,
            std::string(r.header("If-None-Match").value_or("-")),
            std::string(r.header("Cookie").value_or("-"))};
    HttpResponse answer;
    answer.status = 304;
    answer.content_type = "text/calendar; charset=utf-8";
    answer.headers.Set("ETag", "\"abc\"");
    answer.headers.Set("Cache-Control", "private, max-age=300");
    return answer;
  };
  HttpRequest get{.method = "HEAD", .path = "/feeds/tok.ics",
                  .query = "a=1", .path_remainder = "tok.ics"};
  get.headers.Set("If-None-Match", "\"abc\"");
  get.headers.Set("Cookie", "secret");
  Result<HttpResponse> r = feeds.Serve(get, {.backend = &backend});
  REQUIRE(r.ok());
  CHECK(seen == std::vector<std::string>{"HEAD", "/feeds/tok.ics", "tok.ics",
                                         "a=1", "\"abc\"", "-"});
  CHECK(r->status == 304);
  CHECK(r->content_type == "text/calendar; charset=utf-8");
  CHECK(r->headers.Get("ETag") == "\"abc\"");
  CHECK(r->headers.Get("Cache-Control") == "private, max-age=300");
  CHECK(r->body.empty());
  // Without the host handler the built-in cannot answer: an error, not a
  // crash (AddOutputRoutes does not serve it then).
  CHECK_FALSE(feeds.Serve(get, {}).ok());
}

TEST_CASE("okrd serve answers feeds and the API through the registry",
          "[cli][plugins]") {
  testing::TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(testing::Okrd({"init", "--example", "--db", db}).exit_code == 0);
  testing::ProcessResult list = testing::Okrd(
      {"feeds", "list", "--db", db, "--base-url", "http://127.0.0.1"});
  REQUIRE(list.exit_code == 0);
  const size_t at = list.out.find("/feeds/");
  REQUIRE(at != std::string::npos);
  const std::string feed = list.out.substr(at, list.out.find('\n', at) - at);
  testing::ChildProcess server(
      {OKRD_BINARY, "serve", "--db", db, "--listen", "127.0.0.1:0"},
      testing::OkrdEnv());
  testing::HttpClient client(testing::WaitForServerPort(&server));

  auto ics = client.Get(feed);
  REQUIRE(ics.ok());
  CHECK(ics->status == 200);
  CHECK(ics->body.starts_with("BEGIN:VCALENDAR\r\n"));
  CHECK(ics->headers.Get("Content-Type") == "text/calendar; charset=utf-8");
  CHECK(ics->headers.Get("Cache-Control") == "private, max-age=300");
  CHECK(ics->headers.Get("X-Robots-Tag") == "noindex, nofollow");
  CHECK(ics->headers.Get("Content-Disposition") ==
        "inline; filename=\"okr.ics\"");
  const std::string etag(ics->headers.Get("ETag").value_or(""));
  const std::string modified(ics->headers.Get("Last-Modified").value_or(""));
  REQUIRE_FALSE(etag.empty());
  auto again = client.Send("GET", feed, {{"If-None-Match", etag}});
  REQUIRE(again.ok());
  CHECK(again->status == 304);
  CHECK(again->body.empty());
  auto since = client.Send("GET", feed, {{"If-Modified-Since", modified}});
  REQUIRE(since.ok());
  CHECK(since->status == 304);
  auto bad = client.Get("/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics");
  REQUIRE(bad.ok());
  CHECK(bad->status == 404);

  // The API: the same bytes and headers as the status page routes serve
  // in-process without the registry (only the ETag's instance differs).
  auto store = Store::Open(db, {});
  REQUIRE(store.ok());
  FixedClock clock(Date{2026, 11, 24}.ToUnixSeconds() + 10 * 3600);
  Router direct;
  AddStatusPageRoutes(&direct, store->get(), &clock);
  for (const std::string path :
       {"/api/v1/objectives", "/api/v1/cycles", "/api/v1/units/nope"}) {
    INFO(path);
    auto api = client.Get(path);
    REQUIRE(api.ok());
    const HttpResponse want =
        direct.Dispatch(HttpRequest{.method = "GET", .path = path});
    CHECK(api->status == want.status);
    CHECK(api->body == want.Body());
    CHECK(api->headers.Get("Content-Type") == want.content_type);
    CHECK(api->headers.Get("Cache-Control") ==
          want.headers.Get("Cache-Control"));
    if (want.status != 200) continue;
    const std::string tag(api->headers.Get("ETag").value_or(""));
    REQUIRE_FALSE(tag.empty());
    auto cached = client.Send("GET", path, {{"If-None-Match", tag}});
    REQUIRE(cached.ok());
    CHECK(cached->status == 304);
  }
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
  // The access log names the feed route, never the token in the path.
  CHECK(server.Stderr().find(feed) == std::string::npos);
}

}  // namespace
}  // namespace okr
