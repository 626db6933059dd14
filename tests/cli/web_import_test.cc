// Copyright 2026 The okrd Authors.
//
// The admin web import against the real `okrd serve` (real importer, real
// file): admins only, dry run with every change and nothing written, the
// confirmation applies the kept upload, a file with errors is refused with
// its sheet/cell references and leaves the database untouched, malformed
// uploads get 4xx.

#include <signal.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "core/store/sqlite.h"
#include "core/web/text.h"
#include "tests/support/http_client.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::ChildProcess;
using testing::ClientResponse;
using testing::HttpClient;
using testing::ProcessResult;
using testing::TempDir;
using web::EncodeQueryValue;

ProcessResult Okrd(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), OKRD_BINARY);
  return testing::RunProcess(args, {"OKRD_DB=", "OKRD_CONFIG="}, input);
}

std::string Token(const std::string& conf, const std::string& email,
                  bool admin) {
  std::vector<std::string> add = {"--config", conf, "user", "add", email};
  if (admin) add.push_back("--admin");
  REQUIRE(Okrd(add, "correct horse battery staple\n").exit_code == 0);
  ProcessResult t = Okrd({"--config", conf, "token", "create", email});
  REQUIRE(t.exit_code == 0);
  return t.out.substr(0, t.out.find('\n'));
}

int64_t Query(const std::string& db, const std::string& sql) {
  auto conn = Database::Open(db, Database::Mode::kReadOnly);
  REQUIRE(conn.ok());
  auto n = (*conn)->QueryInt(sql);
  REQUIRE(n.ok());
  return *n;
}

const char kBoundary[] = "okrdTestBoundary7MA4YWxk";

std::string Multipart(const std::string& filename, const std::string& bytes) {
  return std::string("--") + kBoundary +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
         filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" +
         bytes + "\r\n--" + kBoundary + "--\r\n";
}

ClientResponse Post(HttpClient* client, const std::string& path,
                    const std::string& token, const std::string& type,
                    const std::string& body) {
  HttpHeaders headers{{"Content-Type", type}};
  if (!token.empty()) headers.Add("Authorization", "Bearer " + token);
  auto r = client->Send("POST", path, headers, body);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return std::move(r).value();
}

TEST_CASE("admins import a spreadsheet through the page", "[cli][import][web]") {
  TempDir dir;
  const std::string conf = dir.File("okrd.conf");
  const std::string db = dir.File("okrd.db");
  REQUIRE(testing::WriteFile(conf, "[database]\npath = " + db +
                                       "\n[server]\nlisten = 127.0.0.1:0\n"
                                       "[log]\nlevel = warn\n"));
  REQUIRE(Okrd({"--config", conf, "init", "--example"}).exit_code == 0);
  const std::string admin = Token(conf, "admin@okrd.test", true);
  const std::string user = Token(conf, "user@okrd.test", false);
  // b.xlsx: the organisation with every title changed, exported by okrd
  // from a second database.
  const std::string other = dir.File("other.db");
  const std::string a_xml = dir.File("a.xml");
  REQUIRE(Okrd({"--config", conf, "export", "-o", a_xml}).exit_code == 0);
  std::string xml = testing::ReadFileOrEmpty(a_xml);
  for (size_t at = xml.find("</title>"); at != std::string::npos;
       at = xml.find("</title>", at + 11)) {
    xml.insert(at, " v2");
  }
  REQUIRE(testing::WriteFile(dir.File("b.xml"), xml));
  REQUIRE(Okrd({"init", "--example", "--db", other}).exit_code == 0);
  REQUIRE(Okrd({"import", dir.File("b.xml"), "--db", other}).exit_code == 0);
  REQUIRE(Okrd({"export", "-o", dir.File("b.xlsx"), "--db", other}).exit_code == 0);
  const std::string xlsx = testing::ReadFileOrEmpty(dir.File("b.xlsx"));
  REQUIRE(xlsx.starts_with("PK"));
  const std::string v2 = "SELECT count(*) FROM key_results WHERE title LIKE '% v2'";
  const int64_t krs = Query(db, "SELECT count(*) FROM key_results");
  const int64_t check_ins = Query(db, "SELECT count(*) FROM check_ins");

  // An upload left behind by an earlier run is removed at start.
  const std::string orphan = db + ".uploads/" + std::string(43, 'A');
  REQUIRE(std::filesystem::create_directories(orphan));
  REQUIRE(testing::WriteFile(orphan + "/plan.xlsx", "old"));
  ChildProcess server({OKRD_BINARY, "--config", conf, "serve"},
                      {"OKRD_DB=", "OKRD_CONFIG="});
  const int port = testing::ServedPort(&server);
  REQUIRE(port > 0);
  HttpClient client(port, 30000);
  CHECK_FALSE(std::filesystem::exists(orphan));
  const std::string multipart =
      std::string("multipart/form-data; boundary=") + kBoundary;

  // Who may.
  auto anonymous = client.Get("/admin/import");
  REQUIRE(anonymous.ok());
  CHECK(anonymous->status == 303);
  auto form = client.Send("GET", "/admin/import",
                          {{"Authorization", "Bearer " + admin}});
  REQUIRE(form.ok());
  CHECK(form->status == 200);
  CHECK(form->body.find("enctype=\"multipart/form-data\"") != std::string::npos);
  CHECK(form->headers.Get("Cache-Control") == "no-store");
  CHECK(Post(&client, "/admin/import", user, multipart,
             Multipart("b.xlsx", xlsx)).status == 403);
  CHECK(Post(&client, "/admin/import", "", multipart,
             Multipart("b.xlsx", xlsx)).status == 303);

  // Malformed uploads.
  CHECK(Post(&client, "/admin/import", admin, "text/csv", xlsx).status == 415);
  std::string unterminated = Multipart("b.xlsx", xlsx);
  unterminated.resize(unterminated.size() - 10);
  CHECK(Post(&client, "/admin/import", admin, multipart, unterminated).status ==
        400);
  std::string nul_header = Multipart("b.xlsx", "x");
  nul_header.insert(nul_header.find("filename"), std::string("\0", 1));
  CHECK(Post(&client, "/admin/import", admin, multipart, nul_header).status ==
        400);
  CHECK(Post(&client, "/admin/import", admin, multipart,
             std::string("--") + kBoundary + "--\r\n").status == 400);

  // A file with an error: refused with its cell, nothing written.
  const std::string bad_csv =
      "Cycle,Objective ID,Objective,Level,Unit,Objective Owner,KR ID,"
      "Key Result,Kind,Start,Target,Current\n"
      "2026-Q4,o-bad,Bad objective,company,halden,"
      "amara.okafor@halden-health.example,kr-bad,Bad KR,increase,0,abc,1\n";
  ClientResponse refused = Post(&client, "/admin/import", admin, multipart,
                                Multipart("bad.csv", bad_csv));
  INFO(refused.body);
  CHECK(refused.status == 422);
  CHECK(refused.body.find("nothing was written") != std::string::npos);
  CHECK(refused.body.find("bad.csv:") != std::string::npos);
  // Line 2, column 11 (Target), as the CLI reports it.
  CHECK(refused.body.find("bad.csv:2:11: error: target") != std::string::npos);
  CHECK(refused.body.find(dir.File("")) == std::string::npos);  // No paths.
  CHECK(Query(db, v2) == 0);
  CHECK(Query(db, "SELECT count(*) FROM objectives WHERE key = 'o-bad'") == 0);

  // The dry run shows the changes and writes nothing.
  ClientResponse dry = Post(&client, "/admin/import", admin, multipart,
                            Multipart("b.xlsx", xlsx));
  INFO(dry.body.substr(0, 2000));
  REQUIRE(dry.status == 200);
  CHECK(dry.body.find("Dry run") != std::string::npos);
  // Lint findings come beside the importer's own (the example has a KR
  // whose start equals its target), located in the uploaded file.
  CHECK(dry.body.find("warning: kr-start-equals-target: ") != std::string::npos);
  CHECK(dry.body.find(" v2") != std::string::npos);
  CHECK(Query(db, v2) == 0);
  const std::string marker = "name=\"id\" value=\"";
  const size_t at = dry.body.find(marker);
  REQUIRE(at != std::string::npos);
  const size_t start = at + marker.size();
  const std::string id = dry.body.substr(start, dry.body.find('"', start) - start);
  CHECK(id.size() >= 22);  // At least 128 random bits.

  // Confirmation by another user, or with an unknown id: refused.
  const std::string form_type = "application/x-www-form-urlencoded";
  CHECK(Post(&client, "/admin/import/confirm", user, form_type,
             "id=" + EncodeQueryValue(id)).status == 403);
  CHECK(Post(&client, "/admin/import/confirm", admin, form_type,
             "id=nope").status == 404);
  ClientResponse applied = Post(&client, "/admin/import/confirm", admin,
                                form_type, "id=" + EncodeQueryValue(id));
  INFO(applied.body.substr(0, 2000));
  CHECK(applied.status == 200);
  CHECK(applied.body.find("Imported") != std::string::npos);
  CHECK(Query(db, v2) == krs);
  CHECK(Query(db, "SELECT count(*) FROM check_ins") >= check_ins);
  // The upload is gone after use.
  CHECK(Post(&client, "/admin/import/confirm", admin, form_type,
             "id=" + EncodeQueryValue(id)).status == 404);
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
}

}  // namespace
}  // namespace okr
