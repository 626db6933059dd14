// Copyright 2026 The okrd Authors.
//
// Lint rules about alignment links.

#include "core/analytics/lint_internal.h"
#include "core/model/validate.h"

namespace okr {
namespace {

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

// Parent first, then supports: every objective `o` is aligned to.
std::vector<const Objective*> AlignedTo(const LintContext& ctx,
                                        const Objective& o) {
  std::vector<const Objective*> to;
  if (o.parent) {
    if (const Objective* t = ctx.Target(*o.parent)) to.push_back(t);
  }
  for (const LinkTarget& s : o.supports) {
    if (const Objective* t = ctx.Target(s)) to.push_back(t);
  }
  return to;
}

Finding LinkFinding(const Objective& from, const Objective& to,
                    std::string message) {
  return {.subjects = {ObjectiveSubject(from), ObjectiveSubject(to)},
          .message = "objective " + Quote(from.title) + " is aligned to " +
                     Quote(to.title) + " " + message};
}

}  // namespace

void CheckObjectiveUnaligned(const LintContext& ctx, const FindingSink& out) {
  for (const Objective& o : ctx.org().objectives) {
    if (o.level == Level::kCompany || o.parent || !o.supports.empty()) continue;
    out({.subjects = {ObjectiveSubject(o)},
         .message = std::string(LevelName(o.level)) + " objective " +
                    Quote(o.title) + " is aligned to nothing"});
  }
}

void CheckAlignmentOtherCycle(const LintContext& ctx, const FindingSink& out) {
  for (const Objective& o : ctx.org().objectives) {
    for (const Objective* t : AlignedTo(ctx, o)) {
      if (t->cycle == o.cycle) continue;
      out(LinkFinding(
          o, *t, "of another cycle (" + t->cycle + ", not " + o.cycle + ")"));
    }
  }
}

void CheckAlignmentLowerLevel(const LintContext& ctx, const FindingSink& out) {
  for (const Objective& o : ctx.org().objectives) {
    for (const Objective* t : AlignedTo(ctx, o)) {
      // Level enumerators go from company (highest) to individual.
      if (static_cast<int>(t->level) <= static_cast<int>(o.level)) continue;
      out(LinkFinding(o, *t,
                      "of a lower level (" + std::string(LevelName(t->level)) +
                          " below " + std::string(LevelName(o.level)) + ")"));
    }
  }
}

void CheckAlignmentCycle(const LintContext& ctx, const FindingSink& out) {
  const std::vector<std::string> loop = FindAlignmentCycle(ctx.org());
  if (loop.empty()) return;
  Finding f;
  std::string path;
  for (const std::string& key : loop) {
    if (f.subjects.size() + 1 < loop.size()) f.subjects.push_back("objective:" + key);
    path += (path.empty() ? "" : " -> ") + key;
  }
  f.message = "alignment links go round in a circle: " + path;
  out(std::move(f));
}

void CheckCommittedUnderAspirational(const LintContext& ctx,
                                     const FindingSink& out) {
  for (const Objective& o : ctx.org().objectives) {
    if (!o.committed || !o.parent) continue;
    const Objective* t = ctx.Target(*o.parent);
    if (t == nullptr || t->committed) continue;
    out(LinkFinding(o, *t,
                    "which is aspirational, yet it is itself committed"));
  }
}

}  // namespace okr
