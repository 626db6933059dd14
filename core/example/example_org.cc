// Copyright 2026 The okrd Authors.
//
// The example organisation's units, people and cycles, plus the entry point.
// Objectives live in example_okrs.cc / example_okr_rows.cc, check-in history
// in example_checkins.cc.

#include "core/example/example_org.h"

#include <string>
#include <utility>

#include "core/example/example_internal.h"

namespace okr {
namespace example_internal {
namespace {

struct UnitRow {
  std::string_view key;
  std::string_view name;
  std::string_view parent;
  Level level;
  std::string_view lead;  // User part of the lead's email.
};

constexpr Level kCo = Level::kCompany;
constexpr Level kDept = Level::kDepartment;
constexpr Level kTeam = Level::kTeam;

constexpr UnitRow kUnits[] = {
    {"halden", "Halden Health", "", kCo, "amara.okafor"},
    {"eng", "Engineering", "halden", kDept, "rafael.mendes"},
    {"eng-platform", "Platform", "eng", kTeam, "katharina.vogel"},
    {"eng-video", "Video Visits", "eng", kTeam, "kenji.watanabe"},
    {"eng-mobile", "Mobile Apps", "eng", kTeam, "priya.raman"},
    {"sales", "Sales & Marketing", "halden", kDept, "daniel.whitaker"},
    {"sales-smb", "SMB Sales", "sales", kTeam, "marcus.johnson"},
    {"sales-enterprise", "Enterprise Sales", "sales", kTeam, "charlotte.evans"},
    {"sales-marketing", "Growth Marketing", "sales", kTeam, "sofia.almeida"},
    {"cs", "Customer Success", "halden", kDept, "grace.mwangi"},
    {"cs-support", "Patient & Clinic Support", "cs", kTeam, "jack.thompson"},
    {"cs-onboarding", "Clinic Onboarding", "cs", kTeam, "gabriela.santos"},
    {"clinops", "Clinical Operations", "halden", kDept, "leila.haddad"},
    {"clinops-quality", "Clinical Quality", "clinops", kTeam,
     "soren.ostergaard"},
    {"clinops-network", "Provider Network", "clinops", kTeam, "kwame.mensah"},
};

struct PersonRow {
  std::string_view user;  // Email local part.
  std::string_view name;
  std::string_view unit;
  std::string_view zone;
};

// Leads first within their unit. Most teams share a zone; Video Visits,
// Enterprise Sales, Support and Provider Network are distributed.
constexpr PersonRow kPeople[] = {
    {"amara.okafor", "Amara Okafor", "halden", "Europe/Berlin"},
    {"jonas.lindqvist", "Jonas Lindqvist", "halden", "Europe/Berlin"},
    // Engineering.
    {"rafael.mendes", "Rafael Mendes", "eng", "Europe/Lisbon"},
    {"noa.levi", "Noa Levi", "eng", "Europe/Berlin"},
    {"katharina.vogel", "Katharina Vogel", "eng-platform", "Europe/Berlin"},
    {"tomasz.wisniewski", "Tomasz Wiśniewski", "eng-platform", "Europe/Berlin"},
    {"lukas.becker", "Lukas Becker", "eng-platform", "Europe/Berlin"},
    {"aylin.demir", "Aylin Demir", "eng-platform", "Europe/Berlin"},
    {"ines.carvalho", "Inês Carvalho", "eng-platform", "Europe/Lisbon"},
    {"dmitri.sokolov", "Dmitri Sokolov", "eng-platform", "Europe/Berlin"},
    {"kenji.watanabe", "渡辺 健二", "eng-video", "Asia/Tokyo"},
    {"beatriz.souza", "Beatriz Souza", "eng-video", "America/Sao_Paulo"},
    {"wanjiru.kamau", "Wanjiru Kamau", "eng-video", "Africa/Nairobi"},
    {"mateus.oliveira", "Mateus Oliveira", "eng-video", "America/Sao_Paulo"},
    {"hana.sato", "Hana Sato", "eng-video", "Asia/Tokyo"},
    {"priya.raman", "Priya Raman", "eng-mobile", "Asia/Kolkata"},
    {"arjun.mehta", "Arjun Mehta", "eng-mobile", "Asia/Kolkata"},
    {"sneha.iyer", "Sneha Iyer", "eng-mobile", "Asia/Kolkata"},
    {"vikram.nair", "Vikram Nair", "eng-mobile", "Asia/Kolkata"},
    {"fatima.sheikh", "Fatima Sheikh", "eng-mobile", "Asia/Kolkata"},
    // Sales & Marketing.
    {"daniel.whitaker", "Daniel Whitaker", "sales", "America/New_York"},
    {"mei.lin", "Mei Lin", "sales", "America/New_York"},
    {"marcus.johnson", "Marcus Johnson", "sales-smb", "America/New_York"},
    {"zoe.laurent", "Zoë Laurent", "sales-smb", "America/New_York"},
    {"camila.rojas", "Camila Rojas", "sales-smb", "America/New_York"},
    {"ethan.brooks", "Ethan Brooks", "sales-smb", "America/New_York"},
    {"yusuf.adeyemi", "Yusuf Adeyemi", "sales-smb", "America/New_York"},
    {"charlotte.evans", "Charlotte Evans", "sales-enterprise", "Europe/London"},
    {"oliver.grant", "Oliver Grant", "sales-enterprise", "Europe/London"},
    {"ravi.shankar", "Ravi Shankar", "sales-enterprise", "Europe/London"},
    {"hannah.schmidt", "Hannah Schmidt", "sales-enterprise", "Europe/Berlin"},
    {"liam.oconnor", "Liam O'Connor", "sales-enterprise", "America/New_York"},
    {"sofia.almeida", "Sofia Almeida", "sales-marketing", "Europe/Lisbon"},
    {"elodie.martin", "Élodie Martin", "sales-marketing", "Europe/Paris"},
    {"nuno.ferreira", "Nuno Ferreira", "sales-marketing", "Europe/Lisbon"},
    {"mariana.costa", "Mariana Costa", "sales-marketing", "Europe/Lisbon"},
    {"chloe.bernard", "Chloé Bernard", "sales-marketing", "Europe/Paris"},
    // Customer Success.
    {"grace.mwangi", "Grace Mwangi", "cs", "Africa/Nairobi"},
    {"jack.thompson", "Jack Thompson", "cs-support", "Australia/Sydney"},
    {"olivia.nguyen", "Olivia Nguyen", "cs-support", "Australia/Sydney"},
    {"mele.tupou", "Mele Tupou", "cs-support", "Australia/Sydney"},
    {"brian.otieno", "Brian Otieno", "cs-support", "Africa/Nairobi"},
    {"yuki.tanaka", "Yuki Tanaka", "cs-support", "Asia/Tokyo"},
    {"larissa.barbosa", "Larissa Barbosa", "cs-support", "America/Sao_Paulo"},
    {"gabriela.santos", "Gabriela Santos", "cs-onboarding",
     "America/Sao_Paulo"},
    {"thiago.lima", "Thiago Lima", "cs-onboarding", "America/Sao_Paulo"},
    {"ana.pereira", "Ana Pereira", "cs-onboarding", "America/Sao_Paulo"},
    {"lucas.ribeiro", "Lucas Ribeiro", "cs-onboarding", "America/Sao_Paulo"},
    {"juliana.rocha", "Juliana Rocha", "cs-onboarding", "America/Sao_Paulo"},
    // Clinical Operations.
    {"leila.haddad", "Leila Haddad", "clinops", "Europe/Berlin"},
    {"soren.ostergaard", "Søren Østergaard", "clinops-quality",
     "Europe/Copenhagen"},
    {"anna.kowalska", "Anna Kowalska", "clinops-quality", "Europe/Berlin"},
    {"matthias.huber", "Matthias Huber", "clinops-quality", "Europe/Vienna"},
    {"elif.yilmaz", "Elif Yılmaz", "clinops-quality", "Europe/Berlin"},
    {"johanna.nieminen", "Johanna Nieminen", "clinops-quality",
     "Europe/Helsinki"},
    {"kwame.mensah", "Kwame Mensah", "clinops-network", "Africa/Nairobi"},
    {"amina.hassan", "Amina Hassan", "clinops-network", "Africa/Nairobi"},
    {"njeri.wambui", "Njeri Wambui", "clinops-network", "Africa/Nairobi"},
    {"lucie.moreau", "Lucie Moreau", "clinops-network", "Europe/Paris"},
    {"stefan.keller", "Stefan Keller", "clinops-network", "Europe/Zurich"},
};

struct ZoneOffset {
  std::string_view zone;
  int minutes;
};

constexpr ZoneOffset kZones[] = {
    {"Europe/Berlin", 60},      {"Europe/Lisbon", 0},
    {"Europe/London", 0},       {"Europe/Paris", 60},
    {"Europe/Copenhagen", 60},  {"Europe/Vienna", 60},
    {"Europe/Zurich", 60},      {"Europe/Helsinki", 120},
    {"America/New_York", -300}, {"America/Sao_Paulo", -180},
    {"Asia/Kolkata", 330},      {"Asia/Tokyo", 540},
    {"Australia/Sydney", 600},  {"Africa/Nairobi", 180},
};

const UnitRow* FindUnitRow(std::string_view key) {
  for (const UnitRow& row : kUnits) {
    if (row.key == key) return &row;
  }
  return nullptr;
}

// A unit's lead reports to the parent unit's lead; everyone else to the lead
// of their own unit. The company lead has no manager.
std::string ManagerOf(const PersonRow& person) {
  const UnitRow* unit = FindUnitRow(person.unit);
  if (unit == nullptr) return "";
  if (unit->lead != person.user) return Email(unit->lead);
  const UnitRow* parent = FindUnitRow(unit->parent);
  return parent == nullptr ? "" : Email(parent->lead);
}

// "2026-Q4" for a date in October to December 2026.
std::string QuarterName(int year, int quarter) {
  return std::to_string(year) + "-Q" + std::to_string(quarter);
}

}  // namespace

std::string Email(std::string_view user) {
  std::string email(user);
  email += '@';
  email += kDomain;
  return email;
}

Rng::Rng(std::string_view key) {
  uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a offset basis.
  for (char c : key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  state_ = hash ^ 0x6f6b72642d657831ull;  // Fixed salt.
}

uint64_t Rng::Next() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

double Rng::Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

int Rng::Below(int n) {
  return static_cast<int>(Next() % static_cast<uint64_t>(n));
}

int StandardUtcOffsetMinutes(std::string_view zone) {
  for (const ZoneOffset& z : kZones) {
    if (z.zone == zone) return z.minutes;
  }
  return 0;
}

std::vector<Unit> MakeUnits() {
  std::vector<Unit> units;
  for (const UnitRow& row : kUnits) {
    units.push_back(Unit{std::string(row.key), std::string(row.name),
                         std::string(row.parent), row.level, Email(row.lead)});
  }
  return units;
}

std::vector<Person> MakePeople() {
  std::vector<Person> people;
  for (const PersonRow& row : kPeople) {
    people.push_back(Person{Email(row.user), std::string(row.name),
                            std::string(row.unit), ManagerOf(row),
                            std::string(row.zone)});
  }
  return people;
}

std::vector<Cycle> MakeCycles(Date today) {
  const Date back = today.AddDays(-56);
  const Date start = back.AddDays(-back.Weekday());  // Monday on or before.
  const Date end = start.AddDays(7 * kWeeksPerCycle - 1);
  const Date middle = start.AddDays(7 * kWeeksPerCycle / 2);
  const int quarter = (middle.month - 1) / 3 + 1;
  Cycle current{QuarterName(middle.year, quarter), start, end, 14, 7};
  // The quarter before, whatever the exact day counts: names stay distinct.
  const int prev_year = quarter == 1 ? middle.year - 1 : middle.year;
  const int prev_quarter = quarter == 1 ? 4 : quarter - 1;
  Cycle previous{QuarterName(prev_year, prev_quarter),
                 start.AddDays(-7 * kWeeksPerCycle), start.AddDays(-1), 14, 7};
  return {std::move(previous), std::move(current)};
}

}  // namespace example_internal

Organisation MakeExampleOrganisation(Date today) {
  namespace ex = example_internal;
  Organisation org;
  org.units = ex::MakeUnits();
  org.people = ex::MakePeople();
  ex::AddCadenceOverrides(&org);
  org.cycles = ex::MakeCycles(today);
  const std::vector<ex::Trend> trends =
      ex::AddObjectives(org.cycles[0], org.cycles[1], &org);
  ex::AddCheckIns(today, trends, &org);
  return org;
}

}  // namespace okr
