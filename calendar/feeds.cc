// Copyright 2026 The okrd Authors.

#include "calendar/feeds.h"

#include <sodium.h>

#include <algorithm>
#include <cassert>
#include <array>
#include <iterator>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

namespace okr {
namespace {

const Person* FindPerson(const Organisation& org, std::string_view email) {
  for (const Person& p : org.people) {
    if (p.email == email) return &p;
  }
  return nullptr;
}

const Unit* FindUnit(const Organisation& org, std::string_view key) {
  for (const Unit& u : org.units) {
    if (u.key == key) return &u;
  }
  return nullptr;
}

// People by email and units by key, for describing every meeting of a plan
// (a linear search per meeting was quadratic in the organisation's size).
class OrgLookup {
 public:
  explicit OrgLookup(const Organisation& org) {
    for (const Person& p : org.people) people_.emplace(p.email, &p);
    for (const Unit& u : org.units) units_.emplace(u.key, &u);
  }
  const Person* FindPerson(std::string_view email) const {
    auto it = people_.find(email);
    return it == people_.end() ? nullptr : it->second;
  }
  const Unit* FindUnit(std::string_view key) const {
    auto it = units_.find(key);
    return it == units_.end() ? nullptr : it->second;
  }

 private:
  // Views into the organisation's strings, which outlive the lookup.
  std::unordered_map<std::string_view, const Person*> people_;
  std::unordered_map<std::string_view, const Unit*> units_;
};

std::string NameOf(const Person* p) {
  return p != nullptr && !p->name.empty() ? p->name : "someone";
}

std::string NameOf(const Organisation& org, std::string_view email) {
  return NameOf(FindPerson(org, email));
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
        c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

constexpr char kAgenda[] =
    "1. Status of your objectives: are you confident you will achieve "
    "them?\n"
    "2. What did you learn last week?\n"
    "3. Plans for next week, and how will you execute them?\n"
    "4. Significant challenges?\n";

std::string Summary(const OrgLookup& org, const Meeting& m) {
  switch (m.kind) {
    case MeetingKind::kOneOnOne:
      return "OKR 1:1 " + NameOf(org.FindPerson(m.manager_email)) + " / " +
             NameOf(org.FindPerson(m.report_email));
    case MeetingKind::kTeamReview: {
      const Unit* u = org.FindUnit(m.unit_key);
      return (u != nullptr ? u->name : m.unit_key) + " OKR review";
    }
    case MeetingKind::kPhase:
      return m.cycle + " OKRs: " + std::string(PhaseMarkerName(m.phase));
  }
  return "OKR";
}

std::string UnitOfMeeting(const OrgLookup& org, const Meeting& m) {
  if (m.kind == MeetingKind::kTeamReview) return m.unit_key;
  if (m.kind == MeetingKind::kOneOnOne) {
    const Person* p = org.FindPerson(m.report_email);
    return p != nullptr ? p->unit_key : "";
  }
  return "";
}

std::string CalendarName(const Organisation& org, const FeedId& feed) {
  switch (feed.kind) {
    case FeedKind::kPerson:
      return "OKR rhythm: " + NameOf(org, feed.key);
    case FeedKind::kTeam: {
      const Unit* u = FindUnit(org, feed.key);
      return "OKR rhythm: " + (u != nullptr ? u->name : std::string("team"));
    }
    case FeedKind::kCompany:
      for (const Unit& u : org.units) {
        if (u.parent_key.empty()) return "OKR rhythm: " + u.name;
      }
      return "OKR rhythm";
  }
  return "OKR rhythm";
}

std::string BodyHash(const std::string& body) {
  std::array<unsigned char, 16> hash{};
  crypto_generichash(hash.data(), hash.size(),
                     reinterpret_cast<const unsigned char*>(body.data()),
                     body.size(), nullptr, 0);
  std::string hex(hash.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  hex.pop_back();
  return hex;
}

}  // namespace

std::string FeedId::ToString() const {
  switch (kind) {
    case FeedKind::kPerson: return "person:" + key;
    case FeedKind::kTeam: return "team:" + key;
    case FeedKind::kCompany: return "company";
  }
  return "company";
}

Result<FeedId> ParseFeedId(std::string_view text) {
  if (text == "company") return FeedId{FeedKind::kCompany, ""};
  if (text.substr(0, 7) == "person:" && text.size() > 7) {
    return FeedId{FeedKind::kPerson, std::string(text.substr(7))};
  }
  if (text.substr(0, 5) == "team:" && text.size() > 5) {
    return FeedId{FeedKind::kTeam, std::string(text.substr(5))};
  }
  return InvalidArgument("not a feed id: \"" + std::string(text) + "\"");
}

Result<FeedId> ResolveFeedName(const Organisation& org, std::string_view name) {
  if (name == "company") return FeedId{FeedKind::kCompany, ""};
  if (FindPerson(org, name) != nullptr) {
    return FeedId{FeedKind::kPerson, std::string(name)};
  }
  const Unit* u = FindUnit(org, name);
  if (u != nullptr && u->level == Level::kTeam) {
    return FeedId{FeedKind::kTeam, std::string(name)};
  }
  return NotFound("no person, team or \"company\" named \"" +
                  std::string(name) + "\"");
}

std::vector<FeedId> AllFeeds(const Organisation& org) {
  std::vector<FeedId> out = {{FeedKind::kCompany, ""}};
  for (const Unit& u : org.units) {
    if (u.level == Level::kTeam) out.push_back({FeedKind::kTeam, u.key});
  }
  for (const Person& p : org.people) out.push_back({FeedKind::kPerson, p.email});
  return out;
}

std::vector<std::string> PlannedCycles(const Organisation& org,
                                       const Date& today, int64_t max_cycles) {
  std::vector<const Cycle*> sorted;
  for (const Cycle& c : org.cycles) sorted.push_back(&c);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Cycle* a, const Cycle* b) { return a->start < b->start; });
  const Cycle* current = CurrentCycle(org.cycles, today);
  std::vector<std::string> out;
  if (current == nullptr) return out;
  size_t i = 0;
  while (i < sorted.size() && sorted[i]->name != current->name) ++i;
  for (size_t k = i == 0 ? 0 : i - 1;
       k < sorted.size() && std::ssize(out) < max_cycles; ++k) {
    out.push_back(sorted[k]->name);
  }
  return out;
}

std::string StatusPageUrl(const FeedOptions& options, std::string_view cycle,
                          std::string_view unit_key) {
  // The status page (core/web): "/units/<key>?cycle=<name>" or "/?cycle=".
  const std::string query = "?cycle=" + PercentEncode(cycle);
  if (unit_key.empty()) return options.status_base_url + "/" + query;
  return options.status_base_url + "/units/" + PercentEncode(unit_key) + query;
}

namespace {

// The description of one meeting (agenda and live status); `c` already has
// its summary and link.
std::string DescribeMeeting(const Meeting& m, const EventContent& c,
                            const LiveStatusIndex& status) {
  std::string out;
  if (m.kind != MeetingKind::kPhase) {
    out = "OKR check-in agenda (" + std::to_string(m.slot.length_minutes) +
          " min):\n" + kAgenda + "\n";
  }
  out += status.Describe(m);
  out += "\nStatus page: ";
  out += c.url;
  out += '\n';
  return out;
}

// Fills plan->phases and plan->by_feed with what FeedShows decides, in one
// pass: a one-on-one is in its two people's feeds and in every team feed
// both belong to (as member or lead); a review in its team's feed and its
// participants' feeds.
void IndexFeeds(const Organisation& org, FeedPlan* plan) {
  std::map<std::string_view, std::set<std::string>> teams_of;
  for (const Person& p : org.people) {
    if (!p.unit_key.empty()) teams_of[p.email].insert(p.unit_key);
  }
  for (const Unit& u : org.units) {
    if (!u.lead_email.empty()) teams_of[u.lead_email].insert(u.key);
  }
  auto add = [plan](FeedKind kind, const std::string& key, size_t i) {
    auto& list = plan->by_feed[FeedId{kind, key}.ToString()];
    if (list.empty() || list.back() != i) list.push_back(i);
  };
  for (size_t i = 0; i < plan->cadence.meetings.size(); ++i) {
    const Meeting& m = plan->cadence.meetings[i];
    if (m.kind == MeetingKind::kPhase) {
      plan->phases.push_back(i);
    } else if (m.kind == MeetingKind::kTeamReview) {
      add(FeedKind::kTeam, m.unit_key, i);
      for (const std::string& email : m.participants) add(FeedKind::kPerson, email, i);
    } else {
      add(FeedKind::kPerson, m.manager_email, i);
      add(FeedKind::kPerson, m.report_email, i);
      const auto& a = teams_of[m.manager_email];
      const auto& b = teams_of[m.report_email];
      for (const std::string& team : a) {
        if (b.count(team)) add(FeedKind::kTeam, team, i);
      }
    }
  }
}

}  // namespace

FeedPlan PlanCadence(const Organisation& org, const Date& today,
                     const FeedOptions& options,
                     const std::map<std::string, Slot>& stored_slots) {
  FeedPlan plan;
  const std::vector<std::string> cycles =
      PlannedCycles(org, today, options.max_cycles);
  plan.cadence = ComputeCadence(org, cycles, options.cadence, stored_slots);
  const OrgLookup lookup(org);
  int earliest = 9999;
  plan.contents.reserve(plan.cadence.meetings.size());
  for (const Meeting& m : plan.cadence.meetings) {
    EventContent& c = plan.contents.emplace_back();
    c.summary = Summary(lookup, m);
    c.url = StatusPageUrl(options, m.cycle, UnitOfMeeting(lookup, m));
    earliest = std::min(earliest, m.first_day.year);
  }
  plan.vtimezone_from_year = earliest == 9999 ? 2020 : earliest - 1;
  IndexFeeds(org, &plan);
  return plan;
}

void DescribePlan(const Organisation& org, const Date& today,
                  const FeedOptions& options, FeedPlan* plan) {
  assert(plan->contents.size() == plan->cadence.meetings.size());
  const std::vector<std::string> cycles =
      PlannedCycles(org, today, options.max_cycles);
  const LiveStatusIndex status(org, cycles, today, options.thresholds,
                               options.risk);
  plan->hashes.clear();
  for (size_t i = 0; i < plan->cadence.meetings.size(); ++i) {
    const Meeting& m = plan->cadence.meetings[i];
    EventContent& c = plan->contents[i];
    c.description = DescribeMeeting(m, c, status);
    plan->hashes.insert_or_assign(plan->hashes.end(), m.series_key,
                                  ContentHash(m, c));
  }
}

FeedPlan PlanFeeds(const Organisation& org, const Date& today,
                   const FeedOptions& options,
                   const std::map<std::string, Slot>& stored_slots) {
  FeedPlan plan = PlanCadence(org, today, options, stored_slots);
  DescribePlan(org, today, options, &plan);
  return plan;
}

bool SameCadenceInputs(const Organisation& a, const Date& today_a,
                       const Organisation& b, const Date& today_b,
                       const FeedOptions& options) {
  return a.cycles == b.cycles && a.units == b.units && a.people == b.people &&
         PlannedCycles(a, today_a, options.max_cycles) ==
             PlannedCycles(b, today_b, options.max_cycles);
}

std::vector<size_t> MeetingsOf(const FeedPlan& plan, const FeedId& feed) {
  std::vector<size_t> out;
  auto it = plan.by_feed.find(feed.ToString());
  if (it == plan.by_feed.end()) return plan.phases;
  std::merge(plan.phases.begin(), plan.phases.end(), it->second.begin(),
             it->second.end(), std::back_inserter(out));
  return out;
}

bool FeedShows(const Organisation& org, const FeedId& feed, const Meeting& m) {
  if (m.kind == MeetingKind::kPhase) return true;
  switch (feed.kind) {
    case FeedKind::kCompany:
      return false;
    case FeedKind::kPerson:
      if (m.kind == MeetingKind::kOneOnOne) {
        return m.manager_email == feed.key || m.report_email == feed.key;
      }
      return std::binary_search(m.participants.begin(), m.participants.end(),
                                feed.key);
    case FeedKind::kTeam: {
      if (m.kind == MeetingKind::kTeamReview) return m.unit_key == feed.key;
      auto in_team = [&](const std::string& email) {
        const Person* p = FindPerson(org, email);
        const Unit* u = FindUnit(org, feed.key);
        return (p != nullptr && p->unit_key == feed.key) ||
               (u != nullptr && u->lead_email == email);
      };
      return in_team(m.manager_email) && in_team(m.report_email);
    }
  }
  return false;
}

void FeedTextCache::Clear() {
  events_.clear();
  writer_memo_ = IcalWriterMemo();
}

const EventText* FeedTextCache::Find(size_t index) const {
  if (index >= events_.size() || !events_[index]) return nullptr;
  return &*events_[index];
}

const EventText& FeedTextCache::Put(size_t index, EventText text) {
  if (index >= events_.size()) events_.resize(index + 1);
  events_[index] = std::move(text);
  return *events_[index];
}

RenderedFeed RenderFeed(const Organisation& org, const FeedPlan& plan,
                        const std::map<std::string, SeriesState>& states,
                        const FeedId& feed, const FeedOptions& options,
                        FeedTextCache* cache) {
  CalendarInfo info;
  info.name = CalendarName(org, feed);
  info.refresh_interval = options.refresh_interval;
  info.vtimezone_from_year = plan.vtimezone_from_year;
  RenderedFeed out;
  {
    IcalFeedWriter writer(info,
                          cache != nullptr ? cache->writer_memo() : nullptr);
    for (size_t i : MeetingsOf(plan, feed)) {
      const Meeting& m = plan.cadence.meetings[i];
      auto state = states.find(m.series_key);
      if (state == states.end()) continue;
      if (static_cast<int64_t>(out.events) >= options.max_events) {
        ++out.left_out;
        continue;
      }
      ++out.events;
      if (cache == nullptr) {
        writer.AddEvent(m, plan.contents[i], state->second);
      } else {
        const EventText* text = cache->Find(i);
        if (text == nullptr) {
          text = &cache->Put(
              i, writer.RenderEvent(m, plan.contents[i], state->second));
        }
        writer.AddEventText(*text);
      }
      out.last_modified = std::max(out.last_modified, state->second.modified_at);
    }
    out.body = writer.Finish();
  }
  out.etag = "\"" + BodyHash(out.body) + "\"";
  return out;
}

}  // namespace okr
