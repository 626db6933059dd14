// Copyright 2026 The okrd Authors.
//
// Lint rules about single objectives and key results.

#include <cmath>

#include "core/analytics/lint_internal.h"
#include "core/model/text.h"

namespace okr {
namespace {

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

bool Measured(KrKind kind) { return kind != KrKind::kMilestone; }

Finding KrFinding(const KeyResult& kr, std::string message) {
  return {.subjects = {KrSubject(kr), "objective:" + kr.objective_key},
          .message = "key result " + Quote(kr.title) + " " + message};
}

bool IsPercent(const std::string& unit) {
  return unit == "%" || AsciiLower(unit) == "percent";
}

}  // namespace

void CheckKrNotMeasurable(const LintContext& ctx, const FindingSink& out) {
  for (const KeyResult& kr : ctx.org().key_results) {
    if (!Measured(kr.kind)) continue;
    const bool no_number = !std::isfinite(kr.target) ||
                           (kr.start == 0 && kr.target == 0 && kr.current == 0);
    if (no_number) {
      out(KrFinding(kr,
                    "has no numeric target and is not a "
                    "milestone"));
    }
  }
}

void CheckKrStartEqualsTarget(const LintContext& ctx, const FindingSink& out) {
  for (const KeyResult& kr : ctx.org().key_results) {
    if (kr.kind != KrKind::kIncrease && kr.kind != KrKind::kDecrease) continue;
    if (kr.start != kr.target || (kr.start == 0 && kr.current == 0)) continue;
    out(KrFinding(kr, "starts at its target " + Number(kr.target) +
                          ": there is nothing to move"));
  }
}

void CheckKrDirection(const LintContext& ctx, const FindingSink& out) {
  for (const KeyResult& kr : ctx.org().key_results) {
    const bool wrong = (kr.kind == KrKind::kIncrease && kr.target < kr.start) ||
                       (kr.kind == KrKind::kDecrease && kr.target > kr.start);
    if (!wrong) continue;
    out(KrFinding(kr, "is an " + std::string(KrKindName(kr.kind)) + " from " +
                          Number(kr.start) + " to " + Number(kr.target) +
                          ": the target is on the wrong side of the start"));
  }
}

void CheckKrWeightsZero(const LintContext& ctx, const FindingSink& out) {
  for (const Objective& o : ctx.org().objectives) {
    const auto& krs = ctx.KrsOf(o.key);
    if (krs.empty()) continue;
    bool any = false;
    for (const KeyResult* kr : krs) any = any || kr->weight > 0;
    if (any) continue;
    out({.subjects = {ObjectiveSubject(o)},
         .message = "every key result of objective " + Quote(o.title) +
                    " has weight 0: it can show no progress"});
  }
}

void CheckOwnerMissing(const LintContext& ctx, const FindingSink& out) {
  for (const Objective& o : ctx.org().objectives) {
    if (!o.owner_email.empty()) continue;
    out({.subjects = {ObjectiveSubject(o)},
         .message = "objective " + Quote(o.title) + " has no owner"});
  }
}

void CheckOwnerUnknown(const LintContext& ctx, const FindingSink& out) {
  // A file without a People sheet cannot tell who is known.
  if (!ctx.HasPeople()) return;
  for (const Objective& o : ctx.org().objectives) {
    if (o.owner_email.empty() || ctx.FindPerson(o.owner_email)) continue;
    out({.subjects = {ObjectiveSubject(o)},
         .message = "owner " + Quote(o.owner_email) + " of objective " +
                    Quote(o.title) + " is not a known person"});
  }
  for (const KeyResult& kr : ctx.org().key_results) {
    if (kr.owner_email.empty() || ctx.FindPerson(kr.owner_email)) continue;
    out(KrFinding(
        kr, "has owner " + Quote(kr.owner_email) + ", not a known person"));
  }
}

void CheckKrDueOutsideCycle(const LintContext& ctx, const FindingSink& out) {
  for (const KeyResult& kr : ctx.org().key_results) {
    if (!kr.due) continue;
    const Objective* o = ctx.FindObjective(kr.objective_key);
    const Cycle* c = o ? ctx.FindCycle(o->cycle) : nullptr;
    if (c == nullptr || (*kr.due >= c->start && *kr.due <= c->end)) continue;
    out(KrFinding(kr, "is due " + kr.due->ToString() + ", outside cycle " +
                          Quote(c->name) + " (" + c->start.ToString() + " to " +
                          c->end.ToString() + ")"));
  }
}

void CheckKrUnitMissing(const LintContext& ctx, const FindingSink& out) {
  for (const KeyResult& kr : ctx.org().key_results) {
    if (!Measured(kr.kind) || !TrimSpaces(kr.unit).empty()) continue;
    out(KrFinding(kr, "has no unit of measure"));
  }
}

void CheckCheckInUnitMismatch(const LintContext& ctx, const FindingSink& out) {
  for (const KeyResult& kr : ctx.org().key_results) {
    if (!Measured(kr.kind)) continue;
    const double top = std::max(std::fabs(kr.start), std::fabs(kr.target));
    const bool percent = IsPercent(kr.unit);
    for (const CheckIn* c : ctx.CheckInsOf(kr.key)) {
      if (!c->value || !std::isfinite(*c->value)) continue;
      const double v = std::fabs(*c->value);
      // A fraction on a percent KR whose range is in whole percents, or a
      // percent reading on a KR measured as a 0..1 fraction.
      const bool fraction_on_percent = percent && top >= 5 && v > 0 && v < 1;
      const bool percent_on_fraction = !percent && top > 0 && top <= 1 &&
                                       v > 1 && v <= 100;
      if (!fraction_on_percent && !percent_on_fraction) continue;
      out(KrFinding(kr, "(unit " + Quote(kr.unit) + ", " + Number(kr.start) +
                            " to " + Number(kr.target) +
                            ") has a check-in of " + Number(*c->value) +
                            " at " + Date::FromUnixSeconds(c->at).ToString() +
                            ", which looks like another unit"));
      break;  // One finding per KR.
    }
  }
}

void CheckObjectiveDescription(const LintContext& ctx, const FindingSink& out) {
  for (const Objective& o : ctx.org().objectives) {
    if (!TrimSpaces(o.description).empty()) continue;
    out({.subjects = {ObjectiveSubject(o)},
         .message = "objective " + Quote(o.title) + " has no description"});
  }
}

}  // namespace okr
