// Copyright 2026 The okrd Authors.
//
// okrd user add|passwd|remove|list: local accounts for signing in to the
// status page. Passwords come from a prompt (echo off) or from stdin.

#include <cstdio>
#include <string>

#include "cli/command.h"
#include "cli/password_prompt.h"
#include "cli/store_access.h"
#include "core/auth/accounts.h"

namespace okr {
namespace {

Status Add(const CliEnv& env, Accounts* accounts, const std::string& email,
           bool admin) {
  OKR_ASSIGN_OR_RETURN(std::string password, ReadNewPassword(env.err));
  OKR_RETURN_IF_ERROR(accounts->CreateUser(email, password, admin).status());
  std::fprintf(env.out, "added %s%s\n", NormaliseEmail(email)->c_str(),
               admin ? " (admin)" : "");
  return Status::Ok();
}

Status Passwd(const CliEnv& env, Accounts* accounts, const std::string& email) {
  OKR_ASSIGN_OR_RETURN(std::string password, ReadNewPassword(env.err));
  OKR_RETURN_IF_ERROR(accounts->SetPassword(email, password));
  std::fprintf(env.out, "password changed for %s; their sessions ended\n",
               email.c_str());
  return Status::Ok();
}

Status List(const CliEnv& env, Accounts* accounts) {
  OKR_ASSIGN_OR_RETURN(auto users, accounts->ListUsers());
  for (const UserRecord& u : users) {
    std::fprintf(env.out, "%s%s  since %s\n", u.email.c_str(),
                 u.admin ? " (admin)" : "",
                 FormatUtcTimestamp(u.created_at).c_str());
  }
  if (users.empty()) std::fprintf(env.out, "no users\n");
  return Status::Ok();
}

Status RunUser(const CliEnv& env, const ParsedFlags& flags) {
  const auto& args = flags.positionals();
  if (args.empty()) {
    return UsageError::Make("missing action: add, passwd, remove or list");
  }
  const std::string& action = args[0];
  if (action != "add" && action != "passwd" && action != "remove" &&
      action != "list") {
    return UsageError::Make("unknown action '" + action + "'");
  }
  const size_t want = action == "list" ? 1 : 2;
  if (args.size() != want) {
    return UsageError::Make(want == 1 ? "list takes no argument"
                                      : action + " needs EMAIL");
  }
  if (flags.Has("admin") && action != "add") {
    return UsageError::Make("--admin goes with add");
  }
  OKR_ASSIGN_OR_RETURN(auto store, OpenStore(env, /*create=*/false));
  PasswordHasher hasher(1);
  Accounts accounts(store.get(), env.clock, &hasher);
  if (action == "add") return Add(env, &accounts, args[1], flags.Has("admin"));
  if (action == "passwd") return Passwd(env, &accounts, args[1]);
  if (action == "list") return List(env, &accounts);
  OKR_RETURN_IF_ERROR(accounts.RemoveUser(args[1]));
  std::fprintf(env.out, "removed %s with their sessions and API tokens\n",
               args[1].c_str());
  return Status::Ok();
}

}  // namespace

Command MakeUserCommand() {
  return {.name = "user",
          .summary = "add, change or remove accounts for signing in",
          .usage = "okrd user add EMAIL [--admin] | passwd EMAIL | remove "
                   "EMAIL | list",
          .details =
              "add and passwd read the password from the terminal (asked "
              "twice, not shown)\nor, when stdin is not a terminal, from its "
              "first line. Passwords need at least\n10 characters; they are "
              "stored as Argon2id hashes. passwd and remove end the\nuser's "
              "sessions; remove also revokes their API tokens.",
          .flags = {{"admin", false, "the new user may import and manage users"}},
          .run = RunUser};
}

}  // namespace okr
