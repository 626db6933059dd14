// Copyright 2026 The okrd Authors.
//
// The example organisation's company and department objectives, current and
// previous cycle, as data. Team and individual objectives are in
// example_team_rows.cc. Keys come from the position (see ObjectiveRow), so
// each row's key is given in a comment.
//
// Deliberately imperfect content, for linters and detectors (also listed in
// ExampleCases in example_org.h):
//  - DOUBLE WORK: o-sales-2 "Reduce customer churn in the SMB segment" and
//    o-cs-1 "Cut SMB churn" describe the same work in two departments and
//    have no link (parent or supports) between them.
//  - The previous cycle's o-halden-prev-2 carries a score override.
// Trends put several KRs clearly at risk (kBehind, kStalled, kBreach, ...).
//
// The tables are laid out by hand, so clang-format is off for them.

#include "core/example/example_internal.h"

namespace okr::example_internal {
namespace {

constexpr Trend kAhead = Trend::kAhead;
constexpr Trend kBehind = Trend::kBehind;
constexpr Trend kStalled = Trend::kStalled;
constexpr Trend kBreach = Trend::kBreach;

// clang-format off

void AddCompanyRows(std::vector<ObjectiveRow>* rows) {
  rows->push_back({"halden", "",  // o-halden-1
      "Make video visits the most reliable way to see a clinician",
      "Patients judge us on one thing: did the visit work. This quarter we "
      "make dropped calls and long waits rare, even at peak times.",
      kCommitted, "", {}, {
    Decrease("Reduce dropped video visits from 4.2% to 1.5%", 4.2, 1.5, "%")
        .By("rafael.mendes"),
    StayAbove("Keep platform availability above 99.9%", 99.95, 99.9, "%")
        .By("noa.levi"),
    Decrease("Cut median patient wait time from 14 to 6 minutes", 14, 6,
             "min").Goes(kBehind).By("leila.haddad"),
  }});
  rows->push_back({"halden", "",  // o-halden-2
      "Grow recurring revenue to 12M EUR ARR",
      "Grow with small and mid-sized clinics in our core markets while "
      "opening the hospital segment. Revenue that churns does not count.",
      kCommitted, "", {}, {
    Increase("Grow ARR from 8.4M to 12M EUR", 8'400'000, 12'000'000, "EUR")
        .Weight(2).By("daniel.whitaker"),
    Increase("Increase paying clinics from 310 to 420", 310, 420, "count")
        .By("daniel.whitaker"),
    Decrease("Reduce monthly logo churn from 2.8% to 1.8%", 2.8, 1.8, "%")
        .Goes(kBehind).By("grace.mwangi"),
  }});
  rows->push_back({"halden", "",  // o-halden-3
      "Earn the trust of patients and clinicians",
      "Trust is why a clinic recommends us and a patient comes back. We aim "
      "high here; 0.7 would be a good quarter.",
      kAspirational, "", {}, {
    Increase("Raise patient NPS from 38 to 55", 38, 55, "NPS")
        .By("grace.mwangi"),
    StayBelow("Keep clinical incidents below 0.5 per 1,000 visits", 0.3, 0.5,
              "per 1,000 visits").By("leila.haddad"),
    Milestone("Achieve ISO 27001 certification").DueWeek(12)
        .By("jonas.lindqvist"),
  }});
}

void AddEngineeringRows(std::vector<ObjectiveRow>* rows) {
  rows->push_back({"eng", "",  // o-eng-1
      "Make the visit platform reliable at three times today's volume",
      "Winter peaks will bring three times the visits we handle today. The "
      "platform must absorb them without heroics from on-call.",
      kCommitted, "o-halden-1", {}, {
    Increase("Raise load-tested capacity from 4,000 to 12,000 concurrent "
             "visits", 4000, 12000, "count").By("katharina.vogel"),
    Decrease("Reduce p95 API latency from 420 ms to 250 ms", 420, 250, "ms")
        .By("noa.levi"),
    Decrease("Cut dropped visits caused by our servers from 1.6% to 0.4%",
             1.6, 0.4, "%").By("kenji.watanabe"),
    StayBelow("Keep monthly cloud spend below 180,000 EUR", 165'000, 180'000,
              "EUR").Goes(kBreach).By("rafael.mendes"),
  }});
  rows->push_back({"eng", "",  // o-eng-2
      "Ship small changes safely every day",
      "Faster, safer delivery lets every team react to what clinics tell us. "
      "We track it with the DORA metrics.",
      kCommitted, "o-halden-1", {}, {
    Decrease("Cut lead time for changes from 9 to 3 days", 9, 3, "days")
        .By("noa.levi"),
    Increase("Raise deployments from 6 to 20 per week", 6, 20, "count")
        .Goes(kAhead).By("katharina.vogel"),
    Decrease("Reduce change failure rate from 18% to 10%", 18, 10, "%")
        .By("priya.raman"),
  }});
  rows->push_back({"eng", "",  // o-eng-3, aligned to a company KR.
      "Make our apps a joy for patients and clinicians",
      "App reviews and support tickets say the apps feel fragile. We want "
      "them to be the reason clinicians choose us.",
      kAspirational, "kr-halden-3-1", {}, {
    Increase("Raise the patient app rating from 4.1 to 4.6", 4.1, 4.6,
             "stars").By("kenji.watanabe"),
    Increase("Raise the clinician app rating from 3.9 to 4.5", 3.9, 4.5,
             "stars").Goes(kBehind).By("priya.raman"),
    Decrease("Cut median time to join a visit from 95 to 30 seconds", 95, 30,
             "s").By("kenji.watanabe"),
  }});
}

void AddSalesRows(std::vector<ObjectiveRow>* rows) {
  rows->push_back({"sales", "",  // o-sales-1
      "Grow new business in DACH and Iberia",
      "Most of this year's growth must come from clinics in Germany, "
      "Austria, Switzerland, Portugal and Spain, where our brand is known.",
      // LOWER LEVEL: a department objective supporting a team's.
      kCommitted, "kr-halden-2-1", {"o-clinops-network-1"}, {
    Increase("Close 1.4M EUR of new ARR", 0, 1'400'000, "EUR").Weight(2)
        .By("marcus.johnson"),
    Increase("Grow qualified pipeline from 1.1M to 3M EUR", 1'100'000,
             3'000'000, "EUR").By("sofia.almeida"),
    Decrease("Shorten the average sales cycle from 48 to 30 days", 48, 30,
             "days").By("mei.lin"),
  }});
  // DOUBLE WORK (with o-cs-1): the same SMB churn work, no link between them.
  rows->push_back({"sales", "",  // o-sales-2
      "Reduce customer churn in the SMB segment",
      "Small clinics cancel when the first months go badly. Sales keeps the "
      "relationship through the first renewal to hold on to them.",
      kCommitted, "kr-halden-2-3", {}, {
    Decrease("Reduce SMB logo churn from 3.4% to 2.0% per month", 3.4, 2.0,
             "%").Goes(kStalled).By("marcus.johnson"),
    Increase("Move 60 SMB clinics to annual contracts", 0, 60, "count")
        .By("mei.lin"),
    Milestone("Launch a save-desk offer for clinics about to cancel")
        .DueWeek(5).By("daniel.whitaker"),
  }});
  rows->push_back({"sales", "",  // o-sales-3, a non-ASCII title.
      "Lancer l'offre en français",
      "Launch our offer for French-speaking clinics in France, Belgium and "
      "Switzerland: localised product, website, pricing and a first "
      "reference customer.",
      kAspirational, "o-halden-2", {}, {
    Milestone("Publish the French website and pricing page").DueWeek(4)
        .Goes(kAhead).By("sofia.almeida"),
    Increase("Book 80 demos with French-speaking clinics", 0, 80, "count")
        .By("elodie.martin"),
    Increase("Sign 25 clinics in France and Belgium", 0, 25, "count")
        .Goes(kBehind).By("zoe.laurent"),
  }});
}

void AddCustomerSuccessRows(std::vector<ObjectiveRow>* rows) {
  // DOUBLE WORK (with o-sales-2): see the file comment.
  rows->push_back({"cs", "",  // o-cs-1
      "Cut SMB churn",
      "Churn among small clinics is our biggest revenue leak. Customer "
      "Success finds at-risk clinics early and fixes what hurts them.",
      kCommitted, "o-halden-2", {}, {
    Decrease("Lower monthly SMB churn from 3.4% to 2.2%", 3.4, 2.2, "%")
        .Goes(kBehind).By("gabriela.santos"),
    Increase("Run health checks with 150 at-risk SMB clinics", 0, 150,
             "count").By("thiago.lima"),
    StayAbove("Keep the SMB renewal rate above 88%", 91, 88, "%")
        .By("grace.mwangi"),
  }});
  rows->push_back({"cs", "",  // o-cs-2
      "Resolve patient and clinic issues on first contact",
      "Every hand-off costs a patient time and a clinic patience. Solve it "
      "the first time, in the patient's language.",
      kCommitted, "o-halden-3", {}, {
    Increase("Raise first-contact resolution from 64% to 80%", 64, 80, "%")
        .By("jack.thompson"),
    Decrease("Cut median first response time from 9 to 2 hours", 9, 2, "h")
        .By("jack.thompson"),
    StayAbove("Keep support CSAT above 90%", 93, 90, "%")
        .By("olivia.nguyen"),
  }});
  rows->push_back({"cs", "",  // o-cs-3, aligned to a company KR.
      "Get new clinics live in under two weeks",
      "A clinic that runs its first visit within two weeks stays with us. "
      "Today it takes three.",
      kCommitted, "kr-halden-2-2", {}, {
    Decrease("Cut time from contract to first visit from 21 to 10 days", 21,
             10, "days").By("gabriela.santos"),
    Increase("Raise onboarding completion from 72% to 90%", 72, 90, "%")
        .By("ana.pereira"),
    Milestone("Ship the self-serve onboarding checklist").DueWeek(7)
        .By("lucas.ribeiro"),
  }});
}

void AddClinicalRows(std::vector<ObjectiveRow>* rows) {
  rows->push_back({"clinops", "",  // o-clinops-1
      "Guarantee safe, high-quality care in every visit",
      "Growth must never cost safety. We measure quality, act on every "
      "incident and keep our protocols current.",
      kCommitted, "o-halden-3", {}, {
    StayBelow("Hold serious incidents below 0.2 per 1,000 visits", 0.12, 0.2,
              "per 1,000 visits").By("soren.ostergaard"),
    Increase("Audit 5% of visits every month", 1, 5, "%")
        .By("anna.kowalska"),
    Milestone("Roll out the updated triage protocol").DueWeek(10)
        .By("soren.ostergaard"),
  }});
  rows->push_back({"clinops", "",  // o-clinops-2
      "Grow the provider network to meet demand",
      "Patients wait because we lack clinicians in the evening and in new "
      "regions. Recruit and credential faster.",
      kCommitted, "kr-halden-1-3", {}, {
    Increase("Grow active clinicians from 240 to 340", 240, 340, "count")
        .By("kwame.mensah"),
    Decrease("Cut credentialing time from 35 to 15 days", 35, 15, "days")
        .Goes(kBehind).By("amina.hassan"),
    StayAbove("Keep clinician utilisation above 70%", 76, 70, "%")
        .By("leila.haddad"),
  }});
}

}  // namespace

// The closed quarter: company objectives only, fully checked in.
std::vector<ObjectiveRow> PreviousObjectiveRows() {
  std::vector<ObjectiveRow> rows;
  rows.push_back({"halden", "",  // o-halden-prev-1
      "Launch video visits in Portugal and Brazil",
      "Open our first two markets outside DACH with local clinics, local "
      "payment and Portuguese-speaking support.",
      kCommitted, "", {}, {
    Milestone("Go live with clinics in Portugal").DueWeek(6).Goes(kAhead)
        .By("daniel.whitaker"),
    Milestone("Go live with clinics in Brazil").DueWeek(10)
        .By("grace.mwangi"),
    Increase("Complete 5,000 visits in Portugal and Brazil", 0, 5000,
             "count").Goes(kBehind).By("daniel.whitaker"),
  }});
  rows.push_back({"halden", "",  // o-halden-prev-2, with a score override.
      "Pass the external security audit with no major findings",
      "Hospital groups will not talk to us without it. Close the known gaps "
      "and get an independent opinion.",
      kCommitted, "", {}, {
    Decrease("Close open high-severity findings from 14 to 0", 14, 0, "count")
        .By("rafael.mendes"),
    Milestone("Complete the external penetration test").DueWeek(8)
        .By("noa.levi"),
    Milestone("Pass the ISO 27001 stage 1 audit").DueWeek(12).Goes(kStalled)
        .By("jonas.lindqvist"),
  }});
  rows.push_back({"halden", "",  // o-halden-prev-3
      "Double evening clinician supply",
      "Evening is when working patients can see a clinician. Twice the "
      "evening shifts would halve their wait.",
      kAspirational, "", {}, {
    Increase("Grow covered evening shifts from 120 to 240 a week", 120, 240,
             "count").Goes(kBehind).By("leila.haddad"),
    Decrease("Cut evening wait time from 25 to 10 minutes", 25, 10, "min")
        .By("kwame.mensah"),
    Increase("Recruit 40 evening-only clinicians", 0, 40, "count")
        .By("kwame.mensah"),
  }});
  return rows;
}

// clang-format on

std::vector<ScoreOverrideRow> PreviousScoreOverrides() {
  return {{"o-halden-prev-2", 0.4,
           "The key results read better than the outcome: the auditor moved "
           "the stage 1 audit into next quarter, so we have not passed it "
           "yet. Scored 0.4 at the retrospective."}};
}

void AddCompanyAndDepartmentRows(std::vector<ObjectiveRow>* rows) {
  AddCompanyRows(rows);
  AddEngineeringRows(rows);
  AddSalesRows(rows);
  AddCustomerSuccessRows(rows);
  AddClinicalRows(rows);
}

}  // namespace okr::example_internal
