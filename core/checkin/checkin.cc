// Copyright 2026 The okrd Authors.

#include "core/checkin/checkin.h"

#include <cmath>
#include <utility>

#include "core/base/ascii.h"

namespace okr {
namespace {

// Length of the valid UTF-8 sequence at text[pos], or 0 when it is invalid
// (truncated, overlong, a surrogate or above U+10FFFF).
size_t Utf8SequenceLength(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) {
    return static_cast<unsigned char>(text[pos + i]);
  };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return 1;
  size_t n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
  if (n == 0 || b0 > 0xF4 || pos + n > text.size()) return 0;
  for (size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
  }
  const unsigned char b1 = byte(1);
  if (b0 == 0xE0 && b1 < 0xA0) return 0;  // Overlong.
  if (b0 == 0xED && b1 >= 0xA0) return 0;  // Surrogate.
  if (b0 == 0xF0 && b1 < 0x90) return 0;  // Overlong.
  if (b0 == 0xF4 && b1 >= 0x90) return 0;  // Above U+10FFFF.
  return n;
}

// Empty when `text` is acceptable, else what is wrong with it.
std::string TextProblem(std::string_view text, const Limits& limits) {
  if (static_cast<int64_t>(text.size()) > limits.max_checkin_text_bytes) {
    return "is longer than " + std::to_string(limits.max_checkin_text_bytes) +
           " bytes";
  }
  for (size_t pos = 0; pos < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c == 0) return "contains a NUL byte";
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      return "contains a control character";
    }
    const size_t n = Utf8SequenceLength(text, pos);
    if (n == 0) return "is not valid UTF-8";
    pos += n;
  }
  return "";
}

const Objective* FindObjective(const Organisation& org, std::string_view key) {
  for (const Objective& o : org.objectives) {
    if (o.key == key) return &o;
  }
  return nullptr;
}

const Person* FindPerson(const Organisation& org, std::string_view email) {
  for (const Person& p : org.people) {
    if (EqualsIgnoreCase(p.email, email)) return &p;
  }
  return nullptr;
}

const Unit* FindUnit(const Organisation& org, std::string_view key) {
  for (const Unit& u : org.units) {
    if (u.key == key) return &u;
  }
  return nullptr;
}

const KeyResult* FindKeyResult(const Organisation& org, std::string_view key) {
  for (const KeyResult& kr : org.key_results) {
    if (kr.key == key) return &kr;
  }
  return nullptr;
}

bool Is(std::string_view email, std::string_view who) {
  return !email.empty() && EqualsIgnoreCase(email, who);
}

// Whether `who` owns `email`'s work: is that person or their manager.
bool OwnerOrManager(const Organisation& org, std::string_view owner,
                    std::string_view who) {
  if (Is(owner, who)) return true;
  const Person* person = owner.empty() ? nullptr : FindPerson(org, owner);
  return person != nullptr && Is(person->manager_email, who);
}

CheckIn MakeCheckIn(const CheckInInput& input, std::string author,
                    UnixSeconds now, std::string_view source) {
  return CheckIn{.target_kind = TargetKind::kKeyResult,
                 .target_key = input.kr_key,
                 .at = now,
                 .author_email = std::move(author),
                 .value = input.value,
                 .confidence = input.confidence,
                 .status = input.status,
                 .learned = input.learned,
                 .next_steps = input.next_steps,
                 .challenges = input.challenges,
                 .source = std::string(source)};
}

// Checks every input's key result and the writer's right to update it.
Status Authorize(const Organisation& org, const Identity& who,
                 const std::vector<CheckInInput>& inputs,
                 std::vector<FieldError>* errors) {
  Status status;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const KeyResult* kr = FindKeyResult(org, inputs[i].kr_key);
    if (kr == nullptr) {
      const std::string m = "no key result \"" + inputs[i].kr_key + "\"";
      errors->push_back({i, inputs[i].kr_key, "key", m});
      if (status.ok()) status = NotFound(m);
    } else if (!MayUpdate(org, *kr, who)) {
      const std::string m = who.email + " may not update key result \"" +
                            kr->key + "\"";
      errors->push_back({i, kr->key, "key", m});
      if (status.ok() || status.code() == StatusCode::kNotFound) {
        status = PermissionDenied(m);
      }
    }
  }
  return status;
}

}  // namespace

void ValidateCheckInInput(const CheckInInput& input, size_t index,
                          const Limits& limits,
                          std::vector<FieldError>* errors) {
  auto add = [&](std::string field, std::string message) {
    errors->push_back({index, input.kr_key, std::move(field),
                       std::move(message)});
  };
  if (!input.value) {
    add("value", "a value is required");
  } else if (!std::isfinite(*input.value) ||
             std::fabs(*input.value) > limits.max_abs_checkin_value) {
    add("value", "the value must be a finite number of magnitude at most " +
                     std::to_string(limits.max_abs_checkin_value));
  }
  if (input.confidence &&
      !(*input.confidence >= 0 && *input.confidence <= 1)) {
    add("confidence", "the confidence must be between 0 and 1");
  }
  const std::pair<const char*, const std::string*> texts[] = {
      {"status", &input.status},
      {"learned", &input.learned},
      {"plans", &input.next_steps},
      {"challenges", &input.challenges}};
  for (const auto& [field, text] : texts) {
    std::string problem = TextProblem(*text, limits);
    if (!problem.empty()) add(field, std::string("the text ") + problem);
  }
}

bool MayUpdate(const Organisation& org, const KeyResult& kr,
               const Identity& who) {
  if (who.admin) return true;
  if (who.email.empty()) return false;
  const Objective* objective = FindObjective(org, kr.objective_key);
  const std::string_view objective_owner =
      objective != nullptr ? std::string_view(objective->owner_email) : "";
  const std::string_view kr_owner =
      kr.owner_email.empty() ? objective_owner : kr.owner_email;
  if (OwnerOrManager(org, kr_owner, who.email)) return true;
  if (OwnerOrManager(org, objective_owner, who.email)) return true;
  if (objective == nullptr) return false;
  std::string_view unit_key = objective->unit_key;
  if (unit_key.empty()) {
    const Person* owner = FindPerson(org, objective_owner);
    if (owner != nullptr) unit_key = owner->unit_key;
  }
  const Unit* unit = unit_key.empty() ? nullptr : FindUnit(org, unit_key);
  return unit != nullptr && Is(unit->lead_email, who.email);
}

std::vector<const KeyResult*> UpdatableKeyResults(const Organisation& org,
                                                  const Identity& who) {
  std::vector<const KeyResult*> out;
  for (const KeyResult& kr : org.key_results) {
    if (MayUpdate(org, kr, who)) out.push_back(&kr);
  }
  return out;
}

CheckInOutcome SubmitCheckIns(Store* store, const Organisation& org,
                              const Identity& who,
                              const std::vector<CheckInInput>& inputs,
                              UnixSeconds now, std::string_view source,
                              const Limits& limits) {
  CheckInOutcome outcome;
  if (inputs.empty() ||
      static_cast<int64_t>(inputs.size()) > limits.max_checkins_per_submit) {
    const std::string m =
        inputs.empty() ? "no check-in to store"
                       : "more than " +
                             std::to_string(limits.max_checkins_per_submit) +
                             " check-ins at once";
    outcome.errors.push_back({0, "", "check-ins", m});
    outcome.status = InvalidArgument(m);
    return outcome;
  }
  outcome.status = Authorize(org, who, inputs, &outcome.errors);
  if (!outcome.ok()) return outcome;
  for (size_t i = 0; i < inputs.size(); ++i) {
    ValidateCheckInInput(inputs[i], i, limits, &outcome.errors);
  }
  if (!outcome.errors.empty()) {
    const FieldError& e = outcome.errors.front();
    outcome.status = InvalidArgument(e.field + ": " + e.message);
    return outcome;
  }
  const Person* author = FindPerson(org, who.email);
  std::vector<CheckIn> check_ins;
  check_ins.reserve(inputs.size());
  for (const CheckInInput& input : inputs) {
    check_ins.push_back(MakeCheckIn(
        input, author != nullptr ? author->email : "", now, source));
  }
  Result<std::vector<CheckIn>> stored = store->AddCheckIns(std::move(check_ins));
  if (!stored.ok()) {
    outcome.status = stored.status();
    return outcome;
  }
  outcome.stored = std::move(stored).value();
  return outcome;
}

}  // namespace okr
