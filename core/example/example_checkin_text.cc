// Copyright 2026 The okrd Authors.
//
// The four weekly questions of the example check-ins, written from small
// sentence pools: status by kind of KR and mood (with the KR's title and
// values), learned and next steps by mood plus a few sentences flavoured by
// department, challenges by mood.

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "core/example/example_internal.h"

namespace okr::example_internal {
namespace {

using Pool = std::vector<std::string_view>;
using Vars = std::vector<std::pair<std::string, std::string>>;

// Grouped thousands, at most two decimals, trailing zeros trimmed.
std::string FormatNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string text(buf);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  const size_t digits_start = text[0] == '-' ? 1 : 0;
  size_t point = text.find('.');
  if (point == std::string::npos) point = text.size();
  for (size_t i = point; i > digits_start + 3; i -= 3) {
    text.insert(i - 3, ",");
  }
  return text;
}

// "0.85", "0.7", "1.0": confidence with one or two decimals.
std::string FormatConfidence(double confidence) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", confidence);
  std::string text(buf);
  if (text.back() == '0') text.pop_back();
  return text;
}

// Replaces every "{name}" in `text` by its value.
std::string Fill(std::string text, const Vars& vars) {
  for (const auto& [name, value] : vars) {
    const std::string slot = "{" + name + "}";
    for (size_t at = text.find(slot); at != std::string::npos;
         at = text.find(slot, at + value.size())) {
      text.replace(at, slot.size(), value);
    }
  }
  return text;
}

Pool MilestoneStatus(Mood mood, bool first_done) {
  switch (mood) {
    case Mood::kDone:
      if (first_done) return {"Done: \"{title}\" landed this week."};
      return {"\"{title}\" is complete; nothing left to do here.",
              "Done since earlier in the cycle."};
    case Mood::kGood:
      return {"\"{title}\" is not done yet but on schedule{due}.",
              "Work on \"{title}\" is going to plan{due}."};
    case Mood::kSlow:
      return {"\"{title}\" is slipping{due}."};
    case Mood::kRisk:
      return {"\"{title}\" is blocked and will miss its date{due}.",
              "No progress on \"{title}\" this week; it is at risk{due}."};
  }
  return {};
}

Pool StayStatus(Mood mood) {
  switch (mood) {
    case Mood::kGood:
    case Mood::kDone:
      return {"Holding at {value}, inside the {target} limit.",
              "Comfortably within the limit: {value} against {target}."};
    case Mood::kSlow:
      return {
          "Still within the limit at {value}, but the margin to "
          "{target} is getting thin."};
    case Mood::kRisk:
      return {"Breached: {value} this week against a limit of {target}.",
              "Outside the limit for \"{title}\": {value} against {target}."};
  }
  return {};
}

Pool NumericStatus(Mood mood) {
  switch (mood) {
    case Mood::kDone:
      return {
          "Target reached: {value} (target {target}). Now making sure "
          "it holds."};
    case Mood::kGood:
      return {
          "\"{title}\" is on track: {value} this week, from {start} at "
          "the start.",
          "{value} now and moving the right way towards {target}.",
          "Steady week: {value} against a target of {target}."};
    case Mood::kSlow:
      return {"Behind plan: {value} against a target of {target}.",
              "Slower than we hoped on \"{title}\": {value} so far."};
    case Mood::kRisk:
      return {"At risk: {value}, far from {target}.",
              "Off track: {value} this week against {target}. We will not "
              "get there without help."};
  }
  return {};
}

Pool StatusPool(KrKind kind, Mood mood, bool first_done) {
  if (kind == KrKind::kMilestone) return MilestoneStatus(mood, first_done);
  if (kind == KrKind::kStayAbove || kind == KrKind::kStayBelow) {
    return StayStatus(mood);
  }
  return NumericStatus(mood);
}

// Lessons that fit any department.
Pool LearnedPool(Mood mood) {
  switch (mood) {
    case Mood::kGood:
      return {
          "Small, frequent changes make it much easier to see what "
          "actually moves the number.",
          "The weekly review keeps the data honest; we caught a tracking "
          "gap early.",
          "Writing handovers down makes working across time zones "
          "smoother.",
          "The first fix was the cheapest; the rest of the gap needs "
          "deeper work."};
    case Mood::kSlow:
      return {
          "We underestimated how much of this depends on another team's "
          "roadmap.",
          "Our baseline came from a quiet week, so the target is harder "
          "than it looked.",
          "The quick wins are done; what is left needs work we had not "
          "planned.",
          "Splitting this across three people slowed it down; it needs "
          "one owner."};
    case Mood::kRisk:
      return {"Without a decision from leadership this will not move.",
              "The dependency we counted on has slipped by a month.",
              "Our plan only worked if hiring went to schedule, and it has "
              "not.",
              "We measured the wrong thing for the first weeks; the real "
              "number is worse."};
    case Mood::kDone:
      return {"Clear ownership and a fixed date made this one easy to land.",
              "Finishing early frees time to help with the key results that "
              "are behind."};
  }
  return {};
}

// Lessons in the voice of one department, used when things go well or
// slowly.
Pool DepartmentLearned(std::string_view department) {
  if (department == "eng") {
    return {
        "Load tests on production-sized data found problems staging "
        "never showed.",
        "Feature flags let us ship to one region first and compare.",
        "Most of the time went into the slowest 5% of requests, as the "
        "traces predicted."};
  }
  if (department == "sales") {
    return {
        "Clinics respond far better to a short call than to another "
        "email.",
        "Demos that start with the clinic's own schedule convert much "
        "better.",
        "Deals stall at the data-protection questions; a ready answer "
        "pack saves a week."};
  }
  if (department == "cs") {
    return {
        "Clinics that run a test visit in week one rarely need help "
        "later.",
        "Tagging tickets by cause showed that three problems make up "
        "half the volume.",
        "Patients prefer a callback to waiting in chat."};
  }
  if (department == "clinops") {
    return {"Clinicians adopt a protocol faster when a peer explains it.",
            "Credentialing waits mostly on documents we could request "
            "earlier.",
            "Evening shifts fill when clinicians can pick them a month ahead."};
  }
  return {
      "Sharing the numbers company-wide every week changed the "
      "conversations in leadership meetings."};
}

Pool NextStepsPool(Mood mood) {
  switch (mood) {
    case Mood::kGood:
      return {
          "Ship the next increment by Thursday and watch the numbers "
          "daily.",
          "Roll the change out more widely and keep an eye on the "
          "numbers.",
          "Write up what worked so other teams can reuse it.",
          "Keep the plan; review again at Monday's stand-up.",
          "Run the same experiment in a second region."};
    case Mood::kSlow:
      return {
          "Cut scope to the two biggest levers and drop the rest this "
          "cycle.",
          "Book a working session with the other team to agree on dates.",
          "Put this on the agenda of my next 1:1 with {manager}.",
          "Re-plan the remaining weeks and share a new forecast on "
          "Friday."};
    case Mood::kRisk:
      return {"Raise it at the mid-cycle review and propose a lower target.",
              "Ask {manager} to help unblock the dependency this week.",
              "Pause side projects and put two people on this full time."};
    case Mood::kDone:
      return {
          "Keep an eye on it and help with the key results that are "
          "behind.",
          "Hand over the remaining polish and close this out."};
  }
  return {};
}

Pool ChallengesPool(Mood mood) {
  switch (mood) {
    case Mood::kGood:
      return {"None worth raising this week.", "Nothing significant.",
              "Holidays in two regions will slow us down next week.",
              "Some numbers arrive a week late from the data warehouse."};
    case Mood::kSlow:
      return {"Competing priorities: incident work took most of the week.",
              "Two people were out sick, so we ran at half capacity.",
              "Waiting on a review from another team before we can ship.",
              "The vendor API we rely on has been unstable for ten days."};
    case Mood::kRisk:
      return {
          "Blocked on a dependency owned by another department, with no "
          "date yet.",
          "We do not have the people to do this and the rest of the "
          "plan.",
          "The target assumed a launch that has been postponed."};
    case Mood::kDone:
      return {"None."};
  }
  return {};
}

// Picks from `pool`, avoiding the sentence used last time for this question.
std::string Pick(const Pool& pool, int* last, Rng* rng) {
  const int size = static_cast<int>(pool.size());
  int i = rng->Below(size);
  if (i == *last && size > 1) i = (i + 1) % size;
  *last = i;
  return std::string(pool[i]);
}

Pool Concat(Pool a, const Pool& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

std::string FormatValue(double value, const KeyResult& kr) {
  const std::string number = FormatNumber(value);
  if (kr.unit == "%") return number + "%";
  if (kr.unit == "NPS") return "NPS " + number;
  if (kr.unit == "count" || kr.unit.empty()) return number;
  return number + " " + kr.unit;
}

void WriteCheckInText(const CheckInFacts& facts, TextMemory* memory, Rng* rng,
                      CheckIn* check_in) {
  const KeyResult& kr = *facts.kr;
  const Vars vars = {{"title", kr.title},
                     {"value", FormatValue(facts.value, kr)},
                     {"start", FormatValue(kr.start, kr)},
                     {"target", FormatValue(kr.target, kr)},
                     {"due", kr.due ? " (due " + kr.due->ToString() + ")" : ""},
                     {"manager", facts.manager}};
  const bool flavoured = facts.mood == Mood::kGood || facts.mood == Mood::kSlow;
  const Pool learned = flavoured ? Concat(LearnedPool(facts.mood),
                                          DepartmentLearned(facts.department))
                                 : LearnedPool(facts.mood);
  check_in->status =
      Fill(Pick(StatusPool(kr.kind, facts.mood, facts.first_done),
                &memory->last[0], rng),
           vars) +
      " Confidence " + FormatConfidence(facts.confidence) + ".";
  check_in->learned = Pick(learned, &memory->last[1], rng);
  check_in->next_steps =
      Fill(Pick(NextStepsPool(facts.mood), &memory->last[2], rng), vars);
  check_in->challenges =
      Pick(ChallengesPool(facts.mood), &memory->last[3], rng);
}

}  // namespace okr::example_internal
