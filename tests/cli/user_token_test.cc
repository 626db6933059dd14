// Copyright 2026 The okrd Authors.
//
// okrd user and okrd token with the real binary, and `okrd serve` with
// read_access = login: passwords from stdin, tokens printed once and stored
// hashed, revocation and removal seen by the running server.

#include <csignal>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/store/sqlite.h"
#include "tests/support/http_client.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::ProcessResult;
using testing::TempDir;

// Runs okrd with `input` on stdin (not a terminal: one line is the password).
ProcessResult Run(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), OKRD_BINARY);
  return testing::RunProcess(
      args, {"OKRD_NOW=2026-11-24T10:00:00Z", "OKRD_DB=", "OKRD_CONFIG="},
      input);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Query(const std::string& db, const std::string& sql) {
  auto conn = Database::Open(db, Database::Mode::kReadOnly);
  REQUIRE(conn.ok());
  auto text = (*conn)->QueryText(sql);
  REQUIRE(text.ok());
  return *text;
}

TEST_CASE("okrd user add/list/passwd/remove", "[cli][auth]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(Run({"init", "--db", db}).exit_code == 0);
  ProcessResult add = Run({"user", "add", "Ann@Example.org", "--admin", "--db", db},
                          "a long enough password\n");
  INFO(add.err);
  REQUIRE(add.exit_code == 0);
  CHECK(add.out == "added ann@example.org (admin)\n");
  // The password is stored as an Argon2id hash, never as text.
  const std::string hash =
      Query(db, "SELECT password_hash FROM users WHERE email = 'ann@example.org'");
  CHECK(hash.rfind("$argon2id$", 0) == 0);
  CHECK(!Contains(hash, "long enough"));

  ProcessResult dup = Run({"user", "add", "ann@example.org", "--db", db}, "another password\n");
  CHECK(dup.exit_code == 1);
  CHECK(Contains(dup.err, "already exists"));
  ProcessResult weak = Run({"user", "add", "bob@example.org", "--db", db}, "short\n");
  CHECK(weak.exit_code == 1);
  CHECK(Contains(weak.err, "at least 10 characters"));
  ProcessResult empty = Run({"user", "add", "bob@example.org", "--db", db}, "");
  CHECK(empty.exit_code == 1);
  CHECK(Contains(empty.err, "no password"));
  CHECK(Run({"user", "add", "not-an-email", "--db", db}, "a long enough password\n")
            .exit_code == 1);
  REQUIRE(Run({"user", "add", "bob@example.org", "--db", db}, "bob's password!\n")
              .exit_code == 0);

  ProcessResult list = Run({"user", "list", "--db", db});
  CHECK(list.out ==
        "ann@example.org (admin)  since 2026-11-24T10:00:00Z\n"
        "bob@example.org  since 2026-11-24T10:00:00Z\n");

  REQUIRE(Run({"user", "passwd", "bob@example.org", "--db", db}, "a new password 2\n")
              .exit_code == 0);
  CHECK(Query(db, "SELECT password_hash FROM users WHERE email = 'bob@example.org'") !=
        hash);
  CHECK(Run({"user", "passwd", "carol@example.org", "--db", db}, "a new password 2\n")
            .exit_code == 1);
  ProcessResult removed = Run({"user", "remove", "bob@example.org", "--db", db});
  CHECK(removed.exit_code == 0);
  CHECK(Run({"user", "remove", "bob@example.org", "--db", db}).exit_code == 1);
  CHECK(Query(db, "SELECT group_concat(email) FROM users") == "ann@example.org");

  // Usage errors exit 2.
  CHECK(Run({"user", "--db", db}).exit_code == 2);
  CHECK(Run({"user", "frob", "--db", db}).exit_code == 2);
  CHECK(Run({"user", "add", "--db", db}).exit_code == 2);
  CHECK(Run({"user", "remove", "x@y", "--admin", "--db", db}).exit_code == 2);
}

TEST_CASE("okrd token create/list/revoke", "[cli][auth]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(Run({"init", "--db", db}).exit_code == 0);
  REQUIRE(Run({"user", "add", "ann@example.org", "--db", db}, "a long enough password\n")
              .exit_code == 0);
  ProcessResult created = Run({"token", "create", "ann@example.org", "--name", "ci", "--db", db});
  REQUIRE(created.exit_code == 0);
  const std::string token = created.out.substr(0, created.out.find('\n'));
  CHECK(token.rfind("okrd_", 0) == 0);
  CHECK(token.size() == 48);
  CHECK(Contains(created.err, "shown only now"));
  // Only the hash is stored; list never shows the token.
  CHECK(Query(db, "SELECT count(*) FROM api_tokens WHERE token_hash LIKE '%" +
                      token.substr(5, 12) + "%'") == "0");
  ProcessResult list = Run({"token", "list", "--db", db});
  CHECK(Contains(list.out, "1  ann@example.org  \"ci\"  created 2026-11-24T10:00:00Z, never used"));
  CHECK(!Contains(list.out, token.substr(5)));
  CHECK(Run({"token", "create", "nobody@example.org", "--db", db}).exit_code == 1);
  CHECK(Run({"token", "revoke", "abc", "--db", db}).exit_code == 2);
  CHECK(Run({"token", "revoke", "7", "--db", db}).exit_code == 1);
  REQUIRE(Run({"token", "revoke", "1", "--db", db}).exit_code == 0);
  CHECK(Run({"token", "revoke", "1", "--db", db}).exit_code == 1);
  CHECK(Contains(Run({"token", "list", "--db", db}).out, "revoked 2026-11-24T10:00:00Z"));
}

TEST_CASE("serve with read_access = login: sign-in and tokens work end to end",
          "[cli][auth]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  const std::string conf = dir.File("okrd.conf");
  REQUIRE(testing::WriteFile(conf, "[server]\nread_access = login\n[database]\npath = " +
                                       db + "\n[auth]\nlogin_failure_delay_ms = 0\n"));
  REQUIRE(Run({"--config", conf, "init", "--example"}).exit_code == 0);
  REQUIRE(Run({"--config", conf, "user", "add", "ann@example.org"}, "a long enough password\n")
              .exit_code == 0);
  ProcessResult created = Run({"--config", conf, "token", "create", "ann@example.org"});
  const std::string token = created.out.substr(0, created.out.find('\n'));
  testing::ChildProcess server(
      {OKRD_BINARY, "--config", conf, "serve", "--listen", "127.0.0.1:0"},
      {"OKRD_DB=", "OKRD_CONFIG="});
  const int port = testing::ServedPort(&server);
  INFO(server.Stderr());
  REQUIRE(port > 0);
  testing::HttpClient client(port);
  auto anonymous = client.Get("/");
  REQUIRE(anonymous.ok());
  CHECK(anonymous->status == 303);
  CHECK(anonymous->headers.Get("Location") == "/login");
  CHECK(client.Get("/healthz")->status == 200);
  auto api = client.Send("GET", "/api/v1/cycles", {{"Authorization", "Bearer " + token}});
  REQUIRE(api.ok());
  CHECK(api->status == 200);
  // Behind a login nothing may sit in a shared cache.
  CHECK(api->headers.Get("Cache-Control") == "private, no-cache");
  auto login = client.Send("POST", "/login", {},
                           "email=ann%40example.org&password=a+long+enough+password");
  REQUIRE(login.ok());
  REQUIRE(login->status == 303);
  const std::string cookie(login->headers.Get("Set-Cookie").value_or(""));
  const std::string session = cookie.substr(0, cookie.find(';'));
  auto home = client.Send("GET", "/", {{"Cookie", session}});
  REQUIRE(home.ok());
  CHECK(home->status == 200);
  CHECK(home->headers.Get("Cache-Control") == "private, no-cache");
  // Revoking from the CLI takes effect on the running server at once.
  REQUIRE(Run({"--config", conf, "token", "revoke", "1"}).exit_code == 0);
  CHECK(client.Send("GET", "/api/v1/cycles", {{"Authorization", "Bearer " + token}})
            ->status == 401);
  REQUIRE(Run({"--config", conf, "user", "remove", "ann@example.org"}).exit_code == 0);
  CHECK(client.Send("GET", "/", {{"Cookie", session}})->status == 303);
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
}

TEST_CASE("serve refuses a proxy header without trusted proxies", "[cli][auth]") {
  TempDir dir;
  const std::string conf = dir.File("okrd.conf");
  REQUIRE(testing::WriteFile(conf, "[database]\npath = " + dir.File("okrd.db") +
                                       "\n[auth]\nproxy_header = X-Forwarded-Email\n"));
  REQUIRE(Run({"--config", conf, "init"}).exit_code == 0);
  ProcessResult r = Run({"--config", conf, "serve", "--listen", "127.0.0.1:0"});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "trusted_proxies"));
}

}  // namespace
}  // namespace okr
