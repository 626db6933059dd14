// Copyright 2026 The okrd Authors.
//
// okrd token create|list|revoke: API tokens for `Authorization: Bearer`.
// A token is shown once, when created; only its hash is stored.

#include <charconv>
#include <cstdio>
#include <string>

#include "cli/command.h"
#include "cli/store_access.h"
#include "core/auth/accounts.h"

namespace okr {
namespace {

Status Create(const CliEnv& env, Accounts* accounts, const std::string& email,
              const std::string& name) {
  OKR_ASSIGN_OR_RETURN(NewApiToken token, accounts->CreateApiToken(email, name));
  std::fprintf(env.out, "%s\n", token.token.c_str());
  std::fprintf(env.err,
               "token %lld for %s; it is shown only now. Send it as "
               "\"Authorization: Bearer TOKEN\".\n",
               static_cast<long long>(token.id), email.c_str());
  return Status::Ok();
}

Status List(const CliEnv& env, Accounts* accounts) {
  OKR_ASSIGN_OR_RETURN(auto tokens, accounts->ListApiTokens());
  for (const ApiTokenRecord& t : tokens) {
    std::string state = t.revoked_at
                            ? "revoked " + FormatUtcTimestamp(*t.revoked_at)
                            : (t.last_used_at ? "last used " +
                                                    FormatUtcTimestamp(*t.last_used_at)
                                              : "never used");
    std::fprintf(env.out, "%lld  %s  \"%s\"  created %s, %s\n",
                 static_cast<long long>(t.id), t.email.c_str(), t.name.c_str(),
                 FormatUtcTimestamp(t.created_at).c_str(), state.c_str());
  }
  if (tokens.empty()) std::fprintf(env.out, "no API tokens\n");
  return Status::Ok();
}

Result<int64_t> ParseId(const std::string& text) {
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    return UsageError::Make("ID must be a token number from `okrd token list`");
  }
  return id;
}

Status RunToken(const CliEnv& env, const ParsedFlags& flags) {
  const auto& args = flags.positionals();
  if (args.empty()) return UsageError::Make("missing action: create, list or revoke");
  const std::string& action = args[0];
  if (action != "create" && action != "list" && action != "revoke") {
    return UsageError::Make("unknown action '" + action + "'");
  }
  const size_t want = action == "list" ? 1 : 2;
  if (args.size() != want) {
    return UsageError::Make(want == 1 ? "list takes no argument"
                                      : action == "create" ? "create needs EMAIL"
                                                           : "revoke needs ID");
  }
  if (flags.Has("name") && action != "create") {
    return UsageError::Make("--name goes with create");
  }
  std::optional<int64_t> id;
  if (action == "revoke") {
    OKR_ASSIGN_OR_RETURN(id, ParseId(args[1]));
  }
  OKR_ASSIGN_OR_RETURN(auto store, OpenStore(env, /*create=*/false));
  PasswordHasher hasher(1);
  Accounts accounts(store.get(), env.clock, &hasher);
  if (action == "create") {
    return Create(env, &accounts, args[1], flags.Get("name").value_or(""));
  }
  if (action == "list") return List(env, &accounts);
  OKR_RETURN_IF_ERROR(accounts.RevokeApiToken(*id));
  std::fprintf(env.out, "revoked token %lld\n", static_cast<long long>(*id));
  return Status::Ok();
}

}  // namespace

Command MakeTokenCommand() {
  return {.name = "token",
          .summary = "create, list or revoke API tokens",
          .usage = "okrd token create EMAIL [--name NAME] | list | revoke ID",
          .details =
              "create prints a new token for the user on stdout, once: only "
              "its hash is kept.\nClients send it as \"Authorization: Bearer "
              "TOKEN\". revoke stops a token at once.",
          .flags = {{"name", true, "a label for the token in `list`", "NAME"}},
          .run = RunToken};
}

}  // namespace okr
