// Copyright 2026 The okrd Authors.
//
// `okrd feeds list|rotate|render` with the real binary on a real database
// and, for the URLs, the real server: the base URL from --base-url or the
// config's [server] base_url, tokens shown once, rotation revoking the old
// URL, render giving the served bytes, and the config's [cadence] defaults
// (lengths, holidays) reaching the feeds.

#include <signal.h>

#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/okrd_process.h"
#include "tests/support/http_client.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::Contains;
using testing::Okrd;
using testing::OkrdEnv;
using testing::ProcessResult;
using testing::TempDir;

// A fresh example database in `dir`.
std::string ExampleDb(const TempDir& dir) {
  const std::string db = dir.File("okrd.db");
  REQUIRE(Okrd({"init", "--example", "--db", db}).exit_code == 0);
  return db;
}

// feed id -> https URL, from `feeds list` or `feeds rotate` output.
std::map<std::string, std::string> Urls(const std::string& out,
                                        const std::string& base) {
  std::map<std::string, std::string> urls;
  std::string id;
  std::istringstream in(out);
  const std::regex url(base + "/feeds/[A-Za-z0-9_-]{43}\\.ics");
  const std::string webcal_base = "webcal" + base.substr(base.find("://"));
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("  ")) {
      id = line;
      continue;
    }
    const std::string text = line.substr(2);
    if (std::regex_match(text, url)) {
      urls[id] = text;
    } else if (text.starts_with("webcal://")) {
      CHECK(text == webcal_base + urls.at(id).substr(base.size()));
    }
  }
  return urls;
}

TEST_CASE("feeds list takes the base URL from the config, once per token",
          "[cli][feeds]") {
  TempDir dir;
  const std::string db = ExampleDb(dir);
  const std::string conf = dir.File("okrd.conf");
  REQUIRE(testing::WriteFile(
      conf, "[server]\nbase_url = https://okr.example.org/\n"));
  ProcessResult list = Okrd({"feeds", "list", "--db", db, "--config", conf});
  INFO(list.err);
  REQUIRE(list.exit_code == 0);
  const auto urls = Urls(list.out, "https://okr.example.org");
  CHECK(urls.count("company") == 1);
  CHECK(urls.size() > 20);
  std::set<std::string> tokens;
  for (const auto& [id, url] : urls) tokens.insert(url);
  CHECK(tokens.size() == urls.size());  // One distinct token per feed.
  CHECK_FALSE(Contains(list.out, "127.0.0.1"));

  // Tokens are stored as hashes: a second list cannot show them again.
  ProcessResult again = Okrd({"feeds", "list", "--db", db, "--config", conf});
  REQUIRE(again.exit_code == 0);
  CHECK(Urls(again.out, "https://okr.example.org").empty());
  CHECK(Contains(again.out, "company\n  token issued 2026-11-24T10:00:00Z"));

  // The flag wins over the file; without either, the loopback default.
  const std::string db2 = dir.File("second.db");
  REQUIRE(Okrd({"init", "--example", "--db", db2}).exit_code == 0);
  ProcessResult flag = Okrd({"feeds", "list", "--db", db2, "--config", conf,
                             "--base-url", "https://cal.example.net/okr/"});
  REQUIRE(flag.exit_code == 0);
  CHECK(Urls(flag.out, "https://cal.example.net/okr").size() == urls.size());
  const std::string db3 = dir.File("third.db");
  REQUIRE(Okrd({"init", "--example", "--db", db3}).exit_code == 0);
  ProcessResult plain = Okrd({"feeds", "list", "--db", db3});
  REQUIRE(plain.exit_code == 0);
  CHECK(Urls(plain.out, "http://127.0.0.1:8080").size() == urls.size());
}

TEST_CASE("feeds: bad base URLs and names are refused with the reason",
          "[cli][feeds]") {
  TempDir dir;
  const std::string db = ExampleDb(dir);
  ProcessResult flag = Okrd({"feeds", "list", "--db", db, "--base-url", "ftp://x"});
  CHECK(flag.exit_code == 2);
  CHECK(Contains(flag.err, "--base-url must start with https:// or http://"));
  const std::string conf = dir.File("okrd.conf");
  REQUIRE(testing::WriteFile(conf, "[server]\nbase_url = okr.example.org\n"));
  ProcessResult file = Okrd({"feeds", "list", "--db", db, "--config", conf});
  CHECK(file.exit_code == 1);
  CHECK(Contains(file.err, "[server] base_url must start with https:// or "
                           "http://, not \"okr.example.org\""));
  ProcessResult name = Okrd({"feeds", "render", "nobody@example.org", "--db", db});
  CHECK(name.exit_code == 1);
  CHECK(Contains(name.err, "nobody@example.org"));
  CHECK(Okrd({"feeds", "rotate", "--db", db}).exit_code == 2);
  CHECK(Okrd({"feeds", "shred", "company", "--db", db}).exit_code == 2);
  // Nothing was issued by the failed commands.
  ProcessResult list = Okrd({"feeds", "list", "--db", db});
  CHECK(Urls(list.out, "http://127.0.0.1:8080").count("company") == 1);
}

std::string PathOf(const std::string& url, const std::string& base) {
  return url.substr(base.size());
}

TEST_CASE("feeds rotate revokes the served URL, render gives the served bytes",
          "[cli][feeds]") {
  TempDir dir;
  const std::string db = ExampleDb(dir);
  const std::string base = "https://okr.example.org";
  ProcessResult list = Okrd({"feeds", "list", "--db", db, "--base-url", base});
  REQUIRE(list.exit_code == 0);
  const auto urls = Urls(list.out, base);
  REQUIRE(urls.count("team:eng-platform") == 1);
  const std::string team_path = PathOf(urls.at("team:eng-platform"), base);

  // The status-page links inside the feed come from base_url too.
  const std::string conf = dir.File("okrd.conf");
  REQUIRE(testing::WriteFile(conf, "[server]\nbase_url = " + base + "\n"));
  testing::ChildProcess server(
      {OKRD_BINARY, "serve", "--db", db, "--listen", "127.0.0.1:0", "--config",
       conf},
      OkrdEnv());
  const int port = testing::WaitForServerPort(&server);
  testing::HttpClient client(port);
  auto served = client.Get(team_path);
  REQUIRE(served.ok());
  CHECK(served->status == 200);
  CHECK(served->headers.Get("Content-Type") == "text/calendar; charset=utf-8");

  ProcessResult render =
      Okrd({"feeds", "render", "eng-platform", "--db", db, "--config", conf});
  REQUIRE(render.exit_code == 0);
  CHECK(render.out.starts_with("BEGIN:VCALENDAR\r\n"));
  CHECK(render.out == served->body);  // Same data, same bytes.
  CHECK(Contains(render.out, "URL:https://okr.example.org/units/eng-platform"));

  ProcessResult rotate = Okrd({"feeds", "rotate", "eng-platform", "--db", db,
                               "--base-url", base});
  REQUIRE(rotate.exit_code == 0);
  const auto rotated = Urls(rotate.out, base);
  REQUIRE(rotated.count("team:eng-platform") == 1);
  CHECK(rotated.at("team:eng-platform") != urls.at("team:eng-platform"));
  // A new connection: the first one may have idled past the server's
  // keep-alive timeout while render and rotate ran (slow under ASan).
  testing::HttpClient after(port);
  auto old_url = after.Get(team_path);
  REQUIRE(old_url.ok());
  CHECK(old_url->status == 404);
  auto new_url = after.Get(PathOf(rotated.at("team:eng-platform"), base));
  REQUIRE(new_url.ok());
  CHECK(new_url->status == 200);
  CHECK(new_url->body == served->body);
  // Other feeds keep their URLs.
  auto company = after.Get(PathOf(urls.at("company"), base));
  REQUIRE(company.ok());
  CHECK(company->status == 200);
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
}

// Minutes between DTSTART and DTEND of each timed event of a feed.
std::set<int> EventLengths(const std::string& ics) {
  std::set<int> lengths;
  const std::regex line("(DTSTART|DTEND);TZID=[^:]+:\\d{8}T(\\d\\d)(\\d\\d)00");
  int start = -1;
  for (auto it = std::sregex_iterator(ics.begin(), ics.end(), line);
       it != std::sregex_iterator(); ++it) {
    const int minute = std::stoi((*it)[2]) * 60 + std::stoi((*it)[3]);
    if ((*it)[1] == "DTSTART") {
      start = minute;
    } else {
      lengths.insert(minute - start);
    }
  }
  return lengths;
}

TEST_CASE("feeds follow the config's [cadence] lengths and holidays",
          "[cli][feeds]") {
  TempDir dir;
  const std::string db = ExampleDb(dir);
  // eng-mobile has no overrides (eng-platform has the example's: 45 min).
  ProcessResult plain = Okrd({"feeds", "render", "eng-mobile", "--db", db});
  REQUIRE(plain.exit_code == 0);
  CHECK(EventLengths(plain.out) == std::set<int>{20, 30});
  ProcessResult platform =
      Okrd({"feeds", "render", "eng-platform", "--db", db});
  REQUIRE(platform.exit_code == 0);
  CHECK(EventLengths(platform.out) == std::set<int>{20, 45});
  CHECK_FALSE(Contains(plain.out, "\r\nEXDATE"));

  const std::string conf = dir.File("okrd.conf");
  REQUIRE(testing::WriteFile(
      conf,
      "[cadence]\none_on_one_minutes = 45\nreview_minutes = 50\n"
      "holidays = 2026-12-07, 2026-12-08, 2026-12-09, 2026-12-10, 2026-12-11\n"));
  ProcessResult configured =
      Okrd({"feeds", "render", "eng-mobile", "--db", db, "--config", conf});
  INFO(configured.err);
  REQUIRE(configured.exit_code == 0);
  CHECK(EventLengths(configured.out) == std::set<int>{45, 50});
  // A week of holidays cancels one occurrence of every weekly series then.
  CHECK(Contains(configured.out, "\r\nEXDATE;TZID="));
  CHECK(std::regex_search(configured.out,
                          std::regex("\r\nEXDATE;TZID=[^:]+:2026120[7-9]T|"
                                     "\r\nEXDATE;TZID=[^:]+:2026121[01]T")));
}

}  // namespace
}  // namespace okr

namespace okr {
namespace {

TEST_CASE("person and unit pages show the next meetings but no feed link",
          "[cli][feeds][web]") {
  TempDir dir;
  const std::string db = ExampleDb(dir);
  ProcessResult list = Okrd({"feeds", "list", "--db", db});
  REQUIRE(list.exit_code == 0);
  const auto urls = Urls(list.out, "http://127.0.0.1:8080");
  REQUIRE(urls.size() > 20);

  testing::ChildProcess server(
      {OKRD_BINARY, "serve", "--db", db, "--listen", "127.0.0.1:0"}, OkrdEnv());
  testing::HttpClient client(testing::WaitForServerPort(&server));
  auto person = client.Get("/people/katharina.vogel@halden-health.example");
  REQUIRE(person.ok());
  REQUIRE(person->status == 200);
  // Now is Tue 24 Nov 2026, 11:00 in Berlin. Tomasz's one-on-one has the
  // example's override (every other Tuesday 14:30, 45 minutes, from the
  // cycle's first Tuesday, 29 Sep): today. The Platform review's override
  // is Wednesdays 10:00 for 45 minutes, biweekly from 30 Sep: tomorrow.
  CHECK(std::regex_search(
      person->body,
      std::regex("<li>Next OKR 1:1 Katharina Vogel / Tomasz Wi[^<]*: Tue 24 "
                 "Nov 2026, 14:30-15:15 \\(Europe/Berlin\\)</li>")));
  CHECK(Contains(person->body,
                 "<li>Next Platform OKR review: Wed 25 Nov 2026, "
                 "10:00-10:45"));
  CHECK(Contains(person->body, "`okrd feeds list`"));
  auto unit = client.Get("/units/eng-platform");
  REQUIRE(unit.ok());
  REQUIRE(unit->status == 200);
  CHECK(Contains(unit->body,
                 "<li>Next Platform OKR review: Wed 25 Nov 2026, 10:00-10:45"));
  CHECK_FALSE(Contains(unit->body, "OKR 1:1"));
  // Secret feed URLs never reach a page anyone can read.
  for (const auto* page : {&person, &unit}) {
    CHECK_FALSE(Contains((*page)->body, "webcal:"));
    CHECK_FALSE(Contains((*page)->body, "/feeds/"));
    for (const auto& [id, url] : urls) {
      CHECK_FALSE(Contains((*page)->body, url.substr(url.rfind('/') + 1, 43)));
    }
  }
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
}

}  // namespace
}  // namespace okr
