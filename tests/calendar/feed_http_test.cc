// Copyright 2026 The okrd Authors.
//
// GET/HEAD /feeds/{token}.ics over real loopback sockets: headers, 304,
// unknown, rotated and revoked tokens (also by another connection while
// the server remembers them), tokens kept out of the access log.

#include <catch2/catch.hpp>

#include "calendar/feed_service.h"
#include "core/server/http_server.h"
#include "tests/calendar/feed_test_util.h"
#include "tests/core/server/log_capture.h"
#include "tests/support/http_client.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::HttpClient;

struct Fixture {
  testing::TempDir dir;
  std::unique_ptr<Store> store;
  FixedClock clock{Date{2027, 3, 1}.ToUnixSeconds() + 3600};
  std::unique_ptr<FeedService> service;
  std::unique_ptr<HttpServer> server;

  Fixture() {
    auto s = Store::Open(dir.File("okrd.db"), {.create_if_missing = true});
    REQUIRE(s.ok());
    store = std::move(s).value();
    REQUIRE(store->Insert(testing::DstOrganisation()).ok());
    service = std::make_unique<FeedService>(store.get(), FeedOptions{}, &clock);
    Router router;
    AddFeedRoutes(&router, service.get());
    ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.num_threads = 4;
    auto started = HttpServer::Start(options, std::move(router));
    REQUIRE(started.ok());
    server = std::move(started).value();
  }
  std::string Token(const std::string& feed) {
    auto t = service->calendar_store()->IssueToken(feed, clock.Now());
    REQUIRE(t.ok());
    return *t;
  }
};

TEST_CASE("Feed HTTP: 200 with every header, HEAD, 304, 404, rotation") {
  testing::LogCapture log;
  Fixture f;
  const std::string token = f.Token("person:ben@acme.test");
  HttpClient client(f.server->port());
  const std::string path = "/feeds/" + token + ".ics";

  auto r = client.Get(path);  // No Accept header, like Google.
  REQUIRE(r.ok());
  CHECK(r->status == 200);
  CHECK(r->headers.Get("Content-Type") == "text/calendar; charset=utf-8");
  const std::string etag(*r->headers.Get("ETag"));
  CHECK(etag.size() == 34);
  CHECK(etag.front() == '"');
  CHECK(r->headers.Get("Last-Modified") == FormatHttpDate(f.clock.Now()));
  CHECK(r->headers.Get("Content-Disposition") == "inline; filename=\"okr.ics\"");
  CHECK(r->headers.Get("Cache-Control")->find("private") == 0);
  CHECK(r->headers.Get("X-Robots-Tag")->find("noindex") == 0);
  CHECK(r->headers.Get("Referrer-Policy") == "no-referrer");
  CHECK_FALSE(r->headers.Has("Access-Control-Allow-Origin"));
  CHECK(r->body.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  CHECK(r->body.find(token) == std::string::npos);
  const std::string body = r->body;

  auto head = client.Send("HEAD", path, {{"Accept", "text/calendar"}});
  REQUIRE(head.ok());
  CHECK(head->status == 200);
  CHECK(head->body.empty());
  CHECK(head->headers.Get("ETag") == etag);

  auto same = client.Send("GET", path, {{"If-None-Match", etag}});
  REQUIRE(same.ok());
  CHECK(same->status == 304);
  CHECK(same->body.empty());
  CHECK(same->headers.Get("ETag") == etag);
  auto listed = client.Send("GET", path, {{"If-None-Match", "\"x\", W/" + etag}});
  CHECK(listed->status == 304);
  auto other = client.Send("GET", path, {{"If-None-Match", "\"other\""}});
  CHECK(other->status == 200);
  auto since = client.Send(
      "GET", path, {{"If-Modified-Since", FormatHttpDate(f.clock.Now())}});
  CHECK(since->status == 304);
  auto older = client.Send(
      "GET", path, {{"If-Modified-Since", FormatHttpDate(f.clock.Now() - 1)}});
  CHECK(older->status == 200);
  CHECK(older->body == body);

  // Unknown, malformed, and rotated tokens: 404.
  CHECK(client.Get("/feeds/" + std::string(43, 'A') + ".ics")->status == 404);
  CHECK(client.Get("/feeds/short.ics")->status == 404);
  CHECK(client.Get("/feeds/" + token)->status == 404);
  const std::string rotated = f.Token("person:ben@acme.test");
  CHECK(client.Get(path)->status == 404);
  auto fresh = client.Get("/feeds/" + rotated + ".ics");
  CHECK(fresh->status == 200);
  CHECK(fresh->body == body);

  // A change to the data gives a new ETag.
  CheckIn c{.target_key = "kr-ben", .at = f.clock.Now(),
            .author_email = "ben@acme.test", .value = 1, .confidence = 0.5};
  REQUIRE(f.store->AddCheckIn(c).ok());
  auto changed = client.Send("GET", "/feeds/" + rotated + ".ics",
                             {{"If-None-Match", etag}});
  CHECK(changed->status == 200);
  CHECK(changed->headers.Get("ETag") != etag);

  // The server now remembers `rotated`. A revocation through another
  // connection (as `okrd feeds rotate` in another process does) closes it
  // at the next request, and so does a rotation.
  {
    auto second = Store::Open(f.dir.File("okrd.db"), {});
    REQUIRE(second.ok());
    CalendarStore cal(second->get());
    REQUIRE(cal.RevokeToken("person:ben@acme.test", f.clock.Now()).ok());
  }
  CHECK(client.Get("/feeds/" + rotated + ".ics")->status == 404);
  const std::string third = f.Token("person:ben@acme.test");
  CHECK(client.Get("/feeds/" + third + ".ics")->status == 200);
  CHECK(client.Get("/feeds/" + third + ".ics")->status == 200);
  f.Token("person:ben@acme.test");
  CHECK(client.Get("/feeds/" + third + ".ics")->status == 404);

  f.server.reset();  // Flush the access log.
  const std::string logged = log.Text();
  CHECK(logged.find("/feeds/") != std::string::npos);
  CHECK(logged.find(token) == std::string::npos);
  CHECK(logged.find(rotated) == std::string::npos);
}

}  // namespace
}  // namespace okr
