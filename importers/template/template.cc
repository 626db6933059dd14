// Copyright 2026 The okrd Authors.

#include "importers/template/template.h"

#include <algorithm>
#include <array>
#include <set>

#include "core/model/text.h"

namespace okr {
namespace {

using C = Column;

// clang-format off
constexpr std::array kOkrColumns = {
  ColumnSpec{C::kCycle, "Cycle", "cycle",
      "quarter|period|cyclename|timeframe|okrcycle|okrperiod|session", 10},
  ColumnSpec{C::kObjectiveId, "Objective ID", "objective ID",
      "objectivekey|oid|goalid|goalkey|objectiveexternalid|objectiveref", 22},
  ColumnSpec{C::kObjective, "Objective", "objective",
      "goal|objectivetitle|objectivename|goaltitle|goalname|objectives|goals",
      50},
  ColumnSpec{C::kDescription, "Description", "description",
      "objectivedescription|goaldescription|details|notes|context|why", 40},
  ColumnSpec{C::kLevel, "Level", "level", "objectivelevel|goallevel|scope", 12},
  ColumnSpec{C::kUnit, "Unit", "unit",
      "team|department|group|dept|orgunit|division|squad|teamname|"
      "departmentname|unitname|unitid|space", 18},
  ColumnSpec{C::kObjectiveOwner, "Objective Owner", "objective owner",
      "owner|responsible|lead|objectivelead|champion|accountable|owneremail|"
      "objectiveowneremail|goalowner", 32},
  ColumnSpec{C::kCommitment, "Commitment", "commitment",
      "committed|committedoraspirational|committedaspirational|objectivekind|"
      "goalkind|objectivetype", 14},
  ColumnSpec{C::kParent, "Parent", "parent",
      "alignsto|contributesto|alignedto|alignedwith|parentobjective|parentid|"
      "parentkey|parentgoal|parentgoalid|alignment", 24},
  ColumnSpec{C::kSupports, "Supports", "supports",
      "alsosupports|supporting|supportedobjectives|crosslinks|related|"
      "alsoalignsto", 24},
  ColumnSpec{C::kScore, "Score", "score",
      "finalscore|scoreoverride|grade|objectivescore", 8},
  ColumnSpec{C::kScoreReason, "Score Reason", "score reason",
      "scorecomment|scorenote|scorenotes|scorerationale|gradingnotes", 30},
  ColumnSpec{C::kKrId, "KR ID", "KR ID",
      "keyresultid|krkey|keyresultkey|krexternalid|krref", 26},
  ColumnSpec{C::kKeyResult, "Key Result", "key result",
      "kr|result|keyresulttitle|keyresultname|krtitle|krname|krs|keyresults|"
      "results", 50},
  ColumnSpec{C::kKrOwner, "KR Owner", "KR owner",
      "keyresultowner|krresponsible|krlead|krowneremail|keyresultowneremail|"
      "assignee", 32},
  ColumnSpec{C::kKind, "Kind", "kind",
      "krkind|krtype|keyresulttype|keyresultkind|metrictype|measuretype|"
      "direction", 12},
  ColumnSpec{C::kStart, "Start", "start",
      "baseline|startvalue|startingvalue|from|initial|initialvalue|"
      "baselinevalue|startingpoint|base", 12},
  ColumnSpec{C::kTarget, "Target", "target",
      "targetvalue|to|goalvalue|desired|targetgoal", 12},
  ColumnSpec{C::kCurrent, "Current", "current",
      "actual|currentvalue|actualvalue|value|latest|latestvalue|now", 12},
  ColumnSpec{C::kMeasureUnit, "Unit of Measure", "unit of measure",
      "uom|measure|measureunit|metricunit|measurementunit|unitofmeasurement|"
      "units", 14},
  ColumnSpec{C::kWeight, "Weight", "weight", "weighting|weightage|importance",
      8},
  ColumnSpec{C::kDue, "Due", "due date",
      "deadline|duedate|dueon|targetdate|enddate", 12},
  ColumnSpec{C::kConfidence, "Confidence", "confidence",
      "status|health|rag|ragstatus|confidencelevel|krconfidence|krstatus",
      12},
  ColumnSpec{C::kRowId, "ID", "ID", "key|externalid|ref|reference", 0, true},
};

constexpr std::array kPeopleColumns = {
  ColumnSpec{C::kEmail, "Email", "e-mail",
      "emailaddress|mail|workemail|mailaddress|login", 34},
  ColumnSpec{C::kName, "Name", "name",
      "fullname|person|employee|displayname|employeename|personname", 26},
  ColumnSpec{C::kUnit, "Unit", "unit",
      "team|department|group|dept|orgunit|division|squad|unitid|teamname|"
      "departmentname", 18},
  ColumnSpec{C::kManager, "Manager", "manager",
      "manageremail|reportsto|linemanager|supervisor|managedby", 34},
  ColumnSpec{C::kTimeZone, "Time Zone", "time zone",
      "tz|zone|ianatimezone", 20},
  ColumnSpec{C::kOneOnOneDay, "1:1 Day", "one-on-one day",
      "oneononeday|1on1day|oneononeweekday|11weekday|1on1weekday", 10},
  ColumnSpec{C::kOneOnOneTime, "1:1 Time", "one-on-one time",
      "oneononetime|1on1time|oneononestart|11start|1on1start|"
      "oneononestarttime|11starttime", 9},
  ColumnSpec{C::kOneOnOneLength, "1:1 Minutes", "one-on-one length",
      "oneononeminutes|1on1minutes|11length|oneononelength|1on1length|"
      "11duration|oneononeduration|1on1duration|11lengthminutes|"
      "oneononelengthminutes", 11},
  ColumnSpec{C::kOneOnOneInterval, "1:1 Every (Weeks)", "one-on-one interval",
      "oneononeeveryweeks|1on1everyweeks|11every|oneononeevery|1on1every|"
      "11interval|oneononeinterval|1on1interval|11weeks|oneononeweeks|"
      "1on1weeks|11intervalweeks|oneononeintervalweeks", 16},
};

constexpr std::array kUnitColumns = {
  ColumnSpec{C::kUnitKey, "Unit ID", "unit ID",
      "id|key|unitkey|externalid|code|teamid|departmentid", 18},
  ColumnSpec{C::kName, "Name", "name",
      "unit|unitname|team|teamname|department|departmentname|group", 26},
  ColumnSpec{C::kParentUnit, "Parent", "parent unit",
      "parentunit|parentid|parentkey|partof|reportsinto|parentteam|"
      "parentdepartment", 18},
  ColumnSpec{C::kLevel, "Level", "level", "unitlevel|type|unittype", 12},
  ColumnSpec{C::kLead, "Lead", "lead",
      "leademail|head|manager|owner|teamlead|teamowner|unitlead", 34},
  ColumnSpec{C::kReviewDay, "Review Day", "review day",
      "teamreviewday|reviewweekday|teamreviewweekday", 11},
  ColumnSpec{C::kReviewTime, "Review Time", "review time",
      "teamreviewtime|reviewstart|teamreviewstart|reviewstarttime|"
      "teamreviewstarttime", 11},
  ColumnSpec{C::kReviewLength, "Review Minutes", "review length",
      "reviewlength|teamreviewlength|teamreviewminutes|reviewduration|"
      "teamreviewduration|reviewlengthminutes|teamreviewlengthminutes", 14},
  ColumnSpec{C::kReviewInterval, "Review Every (Weeks)", "review interval",
      "reviewevery|teamrevieweveryweeks|teamreviewevery|reviewinterval|"
      "teamreviewinterval|reviewweeks|teamreviewweeks|reviewintervalweeks|"
      "teamreviewintervalweeks", 19},
};

constexpr std::array kCycleColumns = {
  ColumnSpec{C::kCycle, "Cycle", "cycle", "name|cyclename|quarter|period", 12},
  ColumnSpec{C::kCycleStart, "Start", "start",
      "startdate|from|begins|startson|firstday", 12},
  ColumnSpec{C::kCycleEnd, "End", "end", "enddate|to|ends|endson|lastday", 12},
  ColumnSpec{C::kPlanningDays, "Planning Days", "planning days",
      "planning|planningwindow", 14},
  ColumnSpec{C::kRetrospectiveDays, "Retrospective Days", "retrospective days",
      "retrospective|retrodays|retro|retrospectivewindow", 18},
};

constexpr std::array kCheckInColumns = {
  ColumnSpec{C::kCheckInKr, "KR ID", "key result",
      "keyresultid|kr|keyresult|krkey", 26},
  ColumnSpec{C::kCheckInObjective, "Objective ID", "objective",
      "objectivekey|objective|goal|goalid", 22},
  ColumnSpec{C::kTime, "Time (UTC)", "time",
      "time|at|date|timestamp|when|datetime|checkedin|checkindate|checkintime",
      20},
  ColumnSpec{C::kAuthor, "Author", "author",
      "by|who|authoremail|checkedinby|email|owner|person", 32},
  ColumnSpec{C::kValue, "Value", "value",
      "current|actual|newvalue|currentvalue", 10},
  ColumnSpec{C::kConfidence, "Confidence", "confidence",
      "rag|health|confidencelevel", 11},
  ColumnSpec{C::kStatus, "Status", "status",
      "statusofobjectives|update|comment|comments|progressupdate|summary", 40},
  ColumnSpec{C::kLearned, "Learned", "learned",
      "whatwelearned|learnings|lessons|lessonslearned|learnedlastweek", 40},
  ColumnSpec{C::kNextSteps, "Next Steps", "next steps",
      "next|plans|plansfornextweek|nextweek|plan", 40},
  ColumnSpec{C::kChallenges, "Challenges", "challenges",
      "blockers|problems|risks|issues|significantchallenges", 40},
  ColumnSpec{C::kSource, "Source", "source", "", 10},
};
// clang-format on

struct SheetNameSpec {
  TemplateSheet kind;
  std::string_view canonical;
  std::string_view synonyms;  // Normalised, '|'-separated.
};

constexpr std::array kSheetNames = {
    SheetNameSpec{TemplateSheet::kOkrs, "OKRs",
                  "okrs|okr|objectives|keyresults|objectivesandkeyresults|"
                  "goals|krs"},
    SheetNameSpec{TemplateSheet::kPeople, "People",
                  "people|persons|staff|employees|users|members|"
                  "teammembers"},
    SheetNameSpec{TemplateSheet::kUnits, "Units",
                  "units|teams|departments|orgunits|organisation|"
                  "organization|org|structure"},
    SheetNameSpec{TemplateSheet::kCycles, "Cycles",
                  "cycles|quarters|periods|okrcycles"},
    SheetNameSpec{TemplateSheet::kCheckIns, "Check-ins",
                  "checkins|updates|checkinhistory|history|progress"},
};

bool InList(std::string_view list, std::string_view word) {
  while (!list.empty()) {
    const size_t bar = list.find('|');
    if (list.substr(0, bar) == word) return true;
    if (bar == std::string_view::npos) break;
    list.remove_prefix(bar + 1);
  }
  return false;
}

bool SpecMatches(const ColumnSpec& spec, std::string_view normalised) {
  return !normalised.empty() && (NormaliseHeader(spec.header) == normalised ||
                                 InList(spec.synonyms, normalised));
}

std::optional<TemplateSheet> KindOfNormalisedName(std::string_view normalised) {
  for (const SheetNameSpec& spec : kSheetNames) {
    if (InList(spec.synonyms, normalised)) return spec.kind;
  }
  return std::nullopt;
}

// Whether the bound columns satisfy the sheet's required columns.
bool HasRequired(TemplateSheet kind, const std::set<Column>& found) {
  auto has = [&](Column c) { return found.count(c) > 0; };
  switch (kind) {
    case TemplateSheet::kOkrs:
      return has(C::kObjective) || has(C::kKeyResult);
    case TemplateSheet::kPeople:
      return has(C::kEmail);
    case TemplateSheet::kUnits:
      return has(C::kName) || has(C::kUnitKey);
    case TemplateSheet::kCycles:
      return has(C::kCycle) && has(C::kCycleStart) && has(C::kCycleEnd);
    case TemplateSheet::kCheckIns:
      return (has(C::kCheckInKr) || has(C::kCheckInObjective)) && has(C::kTime);
  }
  return false;
}

HeaderMatch MatchRow(TemplateSheet kind, int64_t row,
                     const std::vector<Cell>& cells, std::set<Column>* found) {
  HeaderMatch match;
  match.row = row;
  for (size_t i = 0; i < cells.size(); ++i) {
    const Cell& cell = cells[i];
    if (cell.type != CellType::kString) continue;
    const int col0 = static_cast<int>(i);
    const std::optional<Column> column = MatchHeader(kind, cell.text);
    if (!column) {
      if (!TrimSpaces(cell.text).empty()) {
        match.unknown.emplace_back(col0, cell.text);
      }
    } else if (!found->insert(*column).second) {
      match.duplicates.emplace_back(col0, *column);
    } else {
      match.columns.push_back(BoundColumn{*column, col0});
    }
  }
  return match;
}

}  // namespace

std::string_view CanonicalSheetName(TemplateSheet kind) {
  return kSheetNames[static_cast<size_t>(kind)].canonical;
}

std::optional<TemplateSheet> TemplateSheetFromName(
    std::string_view sheet_name) {
  if (auto kind = KindOfNormalisedName(NormaliseHeader(sheet_name))) {
    return kind;
  }
  const size_t dot = sheet_name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  return KindOfNormalisedName(NormaliseHeader(sheet_name.substr(dot + 1)));
}

std::span<const ColumnSpec> TemplateColumns(TemplateSheet kind) {
  switch (kind) {
    case TemplateSheet::kOkrs:
      return kOkrColumns;
    case TemplateSheet::kPeople:
      return kPeopleColumns;
    case TemplateSheet::kUnits:
      return kUnitColumns;
    case TemplateSheet::kCycles:
      return kCycleColumns;
    case TemplateSheet::kCheckIns:
      return kCheckInColumns;
  }
  return {};
}

const ColumnSpec* FindColumnSpec(TemplateSheet kind, Column column) {
  for (const ColumnSpec& spec : TemplateColumns(kind)) {
    if (spec.column == column) return &spec;
  }
  return nullptr;
}

std::string NormaliseHeader(std::string_view header) {
  std::string out;
  for (size_t i = 0; i < header.size();) {
    if (size_t n = SpaceLengthAt(header.substr(i))) {
      i += n;
      continue;
    }
    const char c = header[i++];
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9'))) {
      continue;  // ASCII punctuation, underscore, control characters.
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::optional<Column> MatchHeader(TemplateSheet kind, std::string_view header) {
  const std::string normalised = NormaliseHeader(header);
  for (const ColumnSpec& spec : TemplateColumns(kind)) {
    if (SpecMatches(spec, normalised)) return spec.column;
  }
  return std::nullopt;
}

std::optional<HeaderMatch> DetectHeader(
    TemplateSheet kind,
    std::span<const std::pair<int64_t, std::vector<Cell>>> rows,
    int min_columns) {
  std::optional<HeaderMatch> best;
  const size_t scan = std::min(rows.size(), size_t{kHeaderScanRows});
  for (size_t i = 0; i < scan; ++i) {
    std::set<Column> found;
    HeaderMatch match = MatchRow(kind, rows[i].first, rows[i].second, &found);
    const auto count = static_cast<int>(match.columns.size());
    if (count < min_columns || !HasRequired(kind, found)) continue;
    if (!best || count > static_cast<int>(best->columns.size())) {
      best = std::move(match);
    }
  }
  return best;
}

}  // namespace okr
