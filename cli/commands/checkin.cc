// Copyright 2026 The okrd Authors.
//
// okrd checkin: record a weekly check-in for a key result.

#include <algorithm>
#include <cmath>

#include "cli/command.h"
#include "cli/store_access.h"
#include "core/checkin/checkin.h"
#include "core/model/progress.h"

namespace okr {
namespace {

// "0.7" or "70%"; must end up within [0, 1].
Result<std::optional<double>> ParseConfidence(const ParsedFlags& flags) {
  std::optional<std::string> text = flags.Get("confidence");
  if (!text) return std::optional<double>();
  std::string number = *text;
  const bool percent = !number.empty() && number.back() == '%';
  if (percent) number.pop_back();
  std::optional<double> value = ParseFiniteNumber(number);
  if (value && percent) *value /= 100;
  if (!value || *value < 0 || *value > 1) {
    return UsageError::Make("--confidence: \"" + *text +
                            "\" is not between 0 and 1 (or 0% and 100%)");
  }
  return value;
}

std::string Lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  });
  return s;
}

Result<CheckInInput> BuildInput(const ParsedFlags& flags) {
  if (flags.positionals().size() != 1) {
    return UsageError::Make(flags.positionals().empty()
                                ? "which key result? (okrd checkin KR ...)"
                                : "one key result at a time");
  }
  Result<std::optional<double>> value = flags.GetNumber("value");
  if (!value.ok()) return UsageError::Make(value.status().message());
  if (!*value) return UsageError::Make("--value is required");
  OKR_ASSIGN_OR_RETURN(std::optional<double> confidence,
                       ParseConfidence(flags));
  return CheckInInput{.kr_key = flags.positionals()[0],
                      .value = *value,
                      .confidence = confidence,
                      .status = flags.Get("status").value_or(""),
                      .learned = flags.Get("learned").value_or(""),
                      .next_steps = flags.Get("next").value_or(""),
                      .challenges = flags.Get("challenges").value_or("")};
}

// Names the flag for a field of the shared check-in validation.
std::string FlagOf(const std::string& field) {
  return field == "plans" ? "--next" : field == "key" ? "key result" : "--" + field;
}

const KeyResult* FindKr(const Organisation& org, const std::string& key) {
  for (const KeyResult& kr : org.key_results) {
    if (kr.key == key) return &kr;
  }
  return nullptr;
}

// Without --by, the check-in is the KR owner's (or its objective owner's).
std::string DefaultAuthor(const Organisation& org, const KeyResult& kr) {
  if (!kr.owner_email.empty()) return kr.owner_email;
  for (const Objective& o : org.objectives) {
    if (o.key == kr.objective_key) return o.owner_email;
  }
  return "";
}

bool IsPerson(const Organisation& org, const std::string& email) {
  for (const Person& p : org.people) {
    if (p.email == email) return true;
  }
  return false;
}

void PrintReceipt(const CliEnv& env, const KeyResult& kr,
                  const CheckIn& stored) {
  KeyResult updated = kr;
  updated.current = *stored.value;
  std::fprintf(env.out, "check-in #%lld for %s: %g %s, progress %ld%%",
               static_cast<long long>(stored.id), kr.key.c_str(),
               updated.current, kr.unit.c_str(),
               std::lround(KeyResultProgress(updated) * 100));
  if (stored.confidence) {
    std::fprintf(env.out, ", confidence %.2f (%s)", *stored.confidence,
                 std::string(ConfidenceBandName(BandOf(*stored.confidence)))
                     .c_str());
  }
  std::fprintf(env.out, "\n");
}

// The CLI writes as whoever --by names (default: the KR's owner) with an
// administrator's rights: whoever can run it can already write the file.
Status RunCheckin(const CliEnv& env, const ParsedFlags& flags) {
  OKR_ASSIGN_OR_RETURN(CheckInInput input, BuildInput(flags));
  OKR_ASSIGN_OR_RETURN(auto store, OpenStore(env, /*create=*/false));
  OKR_ASSIGN_OR_RETURN(Organisation org, store->Load());
  const KeyResult* kr = FindKr(org, input.kr_key);
  if (kr == nullptr) return NotFound("no key result \"" + input.kr_key + "\"");
  std::string author = Lowercase(flags.Get("by").value_or(""));
  if (!author.empty() && !IsPerson(org, author)) {
    return NotFound("no person \"" + author + "\"");
  }
  if (author.empty()) author = DefaultAuthor(org, *kr);
  const Identity cli{.user_id = 0, .email = author, .admin = true,
                     .via = Identity::Via::kCli};
  const CheckInOutcome outcome = SubmitCheckIns(
      store.get(), org, cli, {input}, env.clock->Now(), "cli");
  if (!outcome.errors.empty() &&
      outcome.status.code() == StatusCode::kInvalidArgument) {
    const FieldError& e = outcome.errors.front();
    return UsageError::Make(FlagOf(e.field) + ": " + e.message);
  }
  OKR_RETURN_IF_ERROR(outcome.status);
  PrintReceipt(env, *kr, outcome.stored.front());
  return Status::Ok();
}

}  // namespace

Command MakeCheckinCommand() {
  return {
      .name = "checkin",
      .summary = "record a check-in for a key result",
      .usage = "okrd checkin KR --value V [--confidence C] [--status TEXT] "
               "[--learned TEXT] [--next TEXT] [--challenges TEXT] "
               "[--by EMAIL]",
      .details = "Appends a check-in to the key result's history and sets "
                 "its current value, in one\ntransaction. The four texts "
                 "answer the weekly questions. Without --by the check-in\n"
                 "is recorded for the key result's owner.",
      .flags = {{"value", true, "the key result's new current value", "V"},
                {"confidence", true, "0..1 or 0%..100%", "C"},
                {"status", true, "status of your objectives", "TEXT"},
                {"learned", true, "what did you learn last week", "TEXT"},
                {"next", true, "plans for next week, and how", "TEXT"},
                {"challenges", true, "significant challenges", "TEXT"},
                {"by", true, "who checks in (default: the KR owner)",
                 "EMAIL"}},
      .run = RunCheckin};
}

}  // namespace okr
