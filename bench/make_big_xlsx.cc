// Copyright 2026 The okrd Authors.
//
// okr_bench_make_xlsx OUT.xlsx [ROWS]: writes the import benchmark's
// workbook: a sheet "OKRs" in the okrd template's column names (Cycle,
// Unit, Objective, Key Result, Owner, Start, Target, Current), ROWS key
// result rows (default 200,000) under one header row, one cycle (2027-Q1),
// 200 units, four key results per objective, every objective title
// distinct; then a small "People" sheet (Email, Name; 2,000 rows) because
// an import refuses owners who are not people. Strings
// are inline (libxlsxwriter constant_memory mode writes no shared strings
// table), numbers are number cells. Deterministic: the same ROWS give the
// same cells.
//
// okrd's own WriteXlsxFile takes every row in memory at once, which is what
// a generator of a large file should avoid, so this talks to libxlsxwriter
// directly, one row at a time.

#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

constexpr const char* kVerbs[] = {
    "Grow",     "Improve",   "Scale",     "Launch",   "Reduce churn in",
    "Simplify", "Modernise", "Automate",  "Expand",   "Win back",
    "Stabilise","Accelerate","Strengthen","Digitise", "Consolidate",
    "Rebuild",  "Harden",    "Streamline","Open up",  "Professionalise"};
constexpr const char* kThings[] = {
    "self-serve revenue",      "the onboarding funnel",
    "enterprise renewals",     "the partner channel",
    "checkout conversion",     "mobile engagement",
    "the data platform",       "customer support quality",
    "the billing system",      "developer experience",
    "hiring throughput",       "brand awareness",
    "the marketplace",         "release reliability",
    "security posture",        "field sales productivity",
    "the analytics offering",  "warehouse operations",
    "the referral programme",  "API adoption",
    "product-led growth",      "the SMB segment",
    "the public sector pipeline", "cloud cost efficiency",
    "the learning academy"};
constexpr const char* kRegions[] = {
    "in EMEA",    "in North America", "in LATAM",   "in APAC",
    "in the DACH region", "in the Nordics", "in France", "in Japan",
    "in India",   "worldwide"};
constexpr const char* kFocus[] = {
    "for mid-market accounts", "for new customers",
    "for strategic accounts",  "for the free tier",
    "for partners",            "for internal teams",
    "before the spring launch", "with fewer handoffs",
    "at lower cost",           "without adding headcount"};
constexpr const char* kMetrics[] = {
    "Increase weekly active accounts",
    "Raise net revenue retention",
    "Cut median time to first value",
    "Lift trial-to-paid conversion",
    "Reduce P1 incidents per month",
    "Grow qualified pipeline",
    "Shorten the sales cycle",
    "Raise customer satisfaction (CSAT)",
    "Decrease support backlog",
    "Increase share of automated deployments",
    "Grow monthly recurring revenue",
    "Cut infrastructure spend per customer"};
constexpr const char* kDepartments[] = {
    "Sales",     "Marketing", "Engineering", "Product",   "Customer Success",
    "Finance",   "People",    "Operations",  "Security",  "Data",
    "Platform",  "Design",    "Legal",       "Partnerships", "Support",
    "Growth",    "Infrastructure", "Mobile", "Payments",  "Research"};
constexpr const char* kTeams[] = {
    "North",  "South",   "East",   "West",    "Core",
    "Edge",   "Alpha",   "Bravo",  "Charlie", "Delta"};
constexpr const char* kFirst[] = {
    "anna",  "ben",    "chloe", "david", "elena", "farid", "grace", "hugo",
    "ines",  "jonas",  "kemal", "lena",  "mateo", "nadia", "oscar", "priya",
    "quinn", "rafael", "sofia", "tomas", "ulla",  "vikram","wen",   "yusuf",
    "zoe",   "amir",   "bianca","carlos","dana",  "emil",  "fatima","george",
    "hana",  "ivan",   "julia", "kenji", "laura", "marek", "noor",  "olga"};
constexpr const char* kLast[] = {
    "schmidt", "nguyen",  "garcia",  "okafor",  "johansson", "rossi",
    "dubois",  "tanaka",  "kowalski","patel",   "murphy",    "silva",
    "novak",   "haddad",  "jensen",  "kim",     "fischer",   "moreau",
    "costa",   "yilmaz",  "andersen","ivanova", "baker",     "sato",
    "weber",   "lopez",   "brown",   "horvat",  "olsen",     "mehta",
    "kaya",    "ramos",   "becker",  "larsen",  "ali",       "walsh",
    "suzuki",  "popescu", "meyer",   "santos",  "clarke",    "berg",
    "lehmann", "chen",    "morales", "fernandez","wagner",   "hansen",
    "nowak",   "reyes"};

template <typename T, size_t N>
constexpr size_t Count(const T (&)[N]) {
  return N;
}

bool Check(lxw_error e, const char* what) {
  if (e == LXW_NO_ERROR) return true;
  std::fprintf(stderr, "okr_bench_make_xlsx: %s: %s\n", what,
               lxw_strerror(e));
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: okr_bench_make_xlsx OUT.xlsx [ROWS]\n");
    return 2;
  }
  const long rows = argc == 3 ? std::strtol(argv[2], nullptr, 10) : 200000;
  if (rows < 1 || rows > 1048575) {
    std::fprintf(stderr, "okr_bench_make_xlsx: ROWS must be 1..1048575\n");
    return 2;
  }

  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(argv[1], &options);
  if (wb == nullptr) {
    std::fprintf(stderr, "okr_bench_make_xlsx: cannot create %s\n", argv[1]);
    return 1;
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb, "OKRs");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  worksheet_set_column(ws, 0, 0, 10, nullptr);
  worksheet_set_column(ws, 1, 1, 24, nullptr);
  worksheet_set_column(ws, 2, 3, 60, nullptr);
  worksheet_set_column(ws, 4, 4, 30, nullptr);
  worksheet_set_column(ws, 5, 7, 10, nullptr);
  worksheet_freeze_panes(ws, 1, 0);

  const char* header[] = {"Cycle", "Unit",  "Objective", "Key Result",
                          "Owner", "Start", "Target",    "Current"};
  bool ok = true;
  for (int c = 0; c < 8 && ok; ++c) {
    ok = Check(worksheet_write_string(ws, 0, c, header[c], bold), "header");
  }

  constexpr int kKrsPerObjective = 4;
  const size_t units = Count(kDepartments) * Count(kTeams);
  const size_t people = Count(kFirst) * Count(kLast);
  std::string unit, objective, kr, owner;
  for (long i = 0; i < rows && ok; ++i) {
    const size_t o = static_cast<size_t>(i / kKrsPerObjective);
    const size_t k = static_cast<size_t>(i % kKrsPerObjective);
    // Objective title: a mixed-radix spelling of o, so titles are distinct
    // for the first 20*25*10*10 = 50,000 objectives (200,000 rows) and
    // carry a number beyond that.
    size_t n = o;
    objective = kVerbs[n % Count(kVerbs)];
    n /= Count(kVerbs);
    objective += ' ';
    objective += kThings[n % Count(kThings)];
    n /= Count(kThings);
    objective += ' ';
    objective += kRegions[n % Count(kRegions)];
    n /= Count(kRegions);
    objective += ' ';
    objective += kFocus[n % Count(kFocus)];
    n /= Count(kFocus);
    if (n > 0) objective += " (" + std::to_string(n + 1) + ")";

    const size_t u = (o * 7919) % units;
    unit = std::string(kDepartments[u / Count(kTeams)]) + " " +
           kTeams[u % Count(kTeams)];
    const size_t p = (o * 104729) % people;  // One owner per objective.
    owner = std::string(kFirst[p % Count(kFirst)]) + "." +
            kLast[p / Count(kFirst)] + "@example.com";
    // Four different metrics per objective.
    kr = kMetrics[(o + k * 3) % Count(kMetrics)];
    const double start = static_cast<double>((o * 37 + k * 11) % 900 + 100);
    const double target = start * (1.2 + 0.1 * static_cast<double>(k));
    const double current =
        start + (target - start) * static_cast<double>((o + k) % 10) / 10.0;

    const lxw_row_t r = static_cast<lxw_row_t>(i + 1);
    ok = Check(worksheet_write_string(ws, r, 0, "2027-Q1", nullptr), "cell") &&
         Check(worksheet_write_string(ws, r, 1, unit.c_str(), nullptr), "cell") &&
         Check(worksheet_write_string(ws, r, 2, objective.c_str(), nullptr), "cell") &&
         Check(worksheet_write_string(ws, r, 3, kr.c_str(), nullptr), "cell") &&
         Check(worksheet_write_string(ws, r, 4, owner.c_str(), nullptr), "cell") &&
         Check(worksheet_write_number(ws, r, 5, start, nullptr), "cell") &&
         Check(worksheet_write_number(ws, r, 6, target, nullptr), "cell") &&
         Check(worksheet_write_number(ws, r, 7, current, nullptr), "cell");
  }
  // The People sheet: every owner must be a person (2,000 rows).
  lxw_worksheet* people_ws = workbook_add_worksheet(wb, "People");
  worksheet_set_column(people_ws, 0, 0, 30, nullptr);
  worksheet_set_column(people_ws, 1, 1, 24, nullptr);
  ok = ok && Check(worksheet_write_string(people_ws, 0, 0, "Email", bold), "header") &&
       Check(worksheet_write_string(people_ws, 0, 1, "Name", bold), "header");
  std::string name;
  for (size_t p = 0; p < people && ok; ++p) {
    const std::string first = kFirst[p % Count(kFirst)];
    const std::string last = kLast[p / Count(kFirst)];
    owner = first + "." + last + "@example.com";
    name = first + " " + last;
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    name[first.size() + 1] =
        static_cast<char>(name[first.size() + 1] - 'a' + 'A');
    const lxw_row_t r = static_cast<lxw_row_t>(p + 1);
    ok = Check(worksheet_write_string(people_ws, r, 0, owner.c_str(), nullptr), "cell") &&
         Check(worksheet_write_string(people_ws, r, 1, name.c_str(), nullptr), "cell");
  }

  const lxw_error closed = workbook_close(wb);
  if (!ok) return 1;
  return Check(closed, "close") ? 0 : 1;
}
