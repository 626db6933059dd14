// Copyright 2026 The okrd Authors.
//
// okrd status: a terse text summary of one cycle, unit by unit.

#include <cmath>
#include <map>
#include <string>

#include "cli/command.h"
#include "cli/store_access.h"
#include "core/model/progress.h"

namespace okr {
namespace {

std::string Percent(std::optional<double> p) {
  if (!p) return "  -- ";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%3d%%", static_cast<int>(std::lround(*p * 100)));
  return buf;
}

std::string ConfidenceText(std::optional<double> c) {
  if (!c) return "no check-in     ";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%-9s (%.2f)",
                std::string(ConfidenceBandName(BandOf(*c))).c_str(), *c);
  return buf;
}

class Report {
 public:
  Report(const Organisation& org, const Cycle& cycle, std::FILE* out)
      : org_(org), cycle_(cycle), out_(out) {
    for (const Person& p : org.people) names_[p.email] = p.name;
  }

  void Print(const Date& today) {
    PrintHeader(today);
    for (const Unit& u : org_.units) {
      if (u.parent_key.empty()) PrintUnit(u, 0);
    }
  }

 private:
  void PrintHeader(const Date& today) {
    const Phase phase = PhaseOn(cycle_, today);
    std::fprintf(out_, "%s: %s, %s to %s", cycle_.name.c_str(),
                 std::string(PhaseName(phase)).c_str(),
                 cycle_.start.ToString().c_str(), cycle_.end.ToString().c_str());
    if (phase == Phase::kExecution) {
      std::fprintf(out_, ", %lld days left",
                   static_cast<long long>(DaysBetween(today, cycle_.end)));
    }
    std::fprintf(out_, "\n");
  }

  void PrintUnit(const Unit& unit, int depth) {
    const std::string indent(static_cast<size_t>(depth) * 2, ' ');
    std::fprintf(out_, "\n%s%s (%s)\n", indent.c_str(), unit.name.c_str(),
                 std::string(LevelName(unit.level)).c_str());
    int shown = 0;
    for (const Objective& o : org_.objectives) {
      if (o.cycle != cycle_.name || !BelongsTo(o, unit)) continue;
      PrintObjective(o, indent + "  ");
      ++shown;
    }
    if (shown == 0) std::fprintf(out_, "%s  (no objectives)\n", indent.c_str());
    for (const Unit& child : org_.units) {
      if (child.parent_key == unit.key) PrintUnit(child, depth + 1);
    }
  }

  // Unit objectives belong to their unit; individual ones to the owner's.
  bool BelongsTo(const Objective& o, const Unit& unit) const {
    if (o.level != Level::kIndividual) return o.unit_key == unit.key;
    for (const Person& p : org_.people) {
      if (p.email == o.owner_email) return p.unit_key == unit.key;
    }
    return false;
  }

  void PrintObjective(const Objective& o, const std::string& indent) {
    std::string owner = o.owner_email;
    if (auto it = names_.find(owner); it != names_.end()) owner = it->second;
    std::fprintf(out_, "%s%s  %s  %s%s%s  [%s]\n", indent.c_str(),
                 Percent(ObjectiveProgress(org_, o.key)).c_str(),
                 ConfidenceText(ObjectiveConfidence(org_, o)).c_str(),
                 o.title.c_str(), owner.empty() ? "" : " - ", owner.c_str(),
                 o.key.c_str());
  }

  const Organisation& org_;
  const Cycle& cycle_;
  std::FILE* out_;
  std::map<std::string, std::string> names_;
};

const Cycle* ChooseCycle(const Organisation& org, const ParsedFlags& flags,
                         const Date& today) {
  if (auto name = flags.Get("cycle")) {
    for (const Cycle& c : org.cycles) {
      if (c.name == *name) return &c;
    }
    return nullptr;
  }
  return CurrentCycle(org.cycles, today);
}

Status RunStatus(const CliEnv& env, const ParsedFlags& flags) {
  if (!flags.positionals().empty()) {
    return UsageError::Make("unexpected argument '" + flags.positionals()[0] +
                            "'");
  }
  OKR_ASSIGN_OR_RETURN(auto store, OpenStore(env, /*create=*/false));
  OKR_ASSIGN_OR_RETURN(Organisation org, store->Load());
  const Date today = env.clock->Today();
  const Cycle* cycle = ChooseCycle(org, flags, today);
  if (cycle == nullptr) {
    return flags.Has("cycle")
               ? NotFound("no cycle \"" + *flags.Get("cycle") + "\"")
               : NotFound("the database holds no cycle yet");
  }
  Report(org, *cycle, env.out).Print(today);
  return Status::Ok();
}

}  // namespace

Command MakeStatusCommand() {
  return {.name = "status",
          .summary = "print where every objective of a cycle stands",
          .usage = "okrd status [--cycle NAME] [--db PATH]",
          .details = "One line per objective, unit by unit: progress (the "
                     "weighted mean of its key results),\nconfidence from "
                     "the latest check-ins, title, owner and key. Without "
                     "--cycle, the\ncurrent cycle.",
          .flags = {{"cycle", true, "the cycle to show (default: current)",
                     "NAME"}},
          .run = RunStatus};
}

}  // namespace okr
