// Copyright 2026 The okrd Authors.
//
// The example organisation's team and individual objectives for the current
// cycle, as data. Keys come from the position (see ObjectiveRow), so each
// row's key is given in a comment. KR owners rotate through the team unless
// a row names one with By().
//
// Deliberately imperfect content, for linters (also listed in ExampleCases in
// example_org.h):
//  - TOO MANY: team eng-platform has six objectives (o-eng-platform-1..6),
//    more than the hard limit of five.
//  - TOO FEW: team eng-mobile has a single objective (o-eng-mobile-1).
//  - NO MOVEMENT: kr-eng-platform-4-3 has start == target (100% -> 100%).
//  - ORPHAN: o-clinops-network-2 is a team objective without a parent.
//  - NEVER CHECKED IN: o-ind-wanjiru-kamau-1 (all KRs kSilent).
//  - OTHER CYCLE: o-eng-platform-5 is aligned to last quarter's
//    o-halden-prev-2; its kr-eng-platform-5-2 has no target and no unit.
//  - NO OWNER: o-eng-platform-6, whose KRs all weigh 0 and whose
//    kr-eng-platform-6-2 is an increase with its target below its start.
//  - LOWER LEVEL: department objective o-sales-1 supports the team
//    objective o-clinops-network-1.
//  - SAME METRIC: kr-cs-support-2-4 measures the app crash rate that
//    kr-eng-mobile-1-1 already does, in another branch.
//  - TOO MANY PER PERSON: Mei Lin owns four individual objectives
//    (o-ind-mei-lin-1..4); -2 has one KR, -3 no description and a KR due
//    after the cycle; kr-ind-mei-lin-1-1 has a check-in typed as a fraction
//    (0.66 for 66%).
//
// The tables are laid out by hand, so clang-format is off for them.

#include "core/example/example_internal.h"

namespace okr::example_internal {
namespace {

constexpr Trend kAhead = Trend::kAhead;
constexpr Trend kBehind = Trend::kBehind;
constexpr Trend kStalled = Trend::kStalled;
constexpr Trend kDrop = Trend::kDrop;
constexpr Trend kWrongWay = Trend::kWrongWay;
constexpr Trend kSilent = Trend::kSilent;

// clang-format off

void AddPlatformRows(std::vector<ObjectiveRow>* rows) {
  // TOO MANY: eng-platform has six objectives.
  rows->push_back({"eng-platform", "",  // o-eng-platform-1
      "Make the visit API fast under peak load",
      "Latency spikes at 08:00 and 18:00 local time make clinicians wait. "
      "Find and remove the slow paths.",
      kCommitted, "kr-eng-1-2", {}, {
    Decrease("Reduce p95 latency of the visits API from 480 ms to 250 ms",
             480, 250, "ms").Weight(2).Goes(kDrop),
    StayBelow("Keep the API error rate below 0.1%", 0.04, 0.1, "%"),
    Increase("Raise the cache hit rate from 62% to 85%", 62, 85, "%"),
  }});
  rows->push_back({"eng-platform", "",  // o-eng-platform-2
      "Cut cloud costs without slowing anyone down",
      "Cloud spend grew faster than visits last quarter. Pay for what we "
      "use, not for what we forgot to switch off.",
      kCommitted, "kr-eng-1-4", {}, {
    Decrease("Reduce monthly compute spend from 150,000 to 120,000 EUR",
             150'000, 120'000, "EUR").Goes(kWrongWay),
    Increase("Raise reserved-capacity coverage from 30% to 70%", 30, 70, "%"),
    Milestone("Decommission the legacy batch cluster").DueWeek(9),
  }});
  rows->push_back({"eng-platform", "",  // o-eng-platform-3
      "Scale video signalling to 12,000 concurrent visits",
      "Signalling is the first thing to fall over under load. Make it scale "
      "out and run in more than one region.",
      kCommitted, "kr-eng-1-1", {}, {
    Increase("Raise signalling capacity from 4,000 to 12,000 sessions", 4000,
             12000, "count"),
    Milestone("Run signalling active-active in two regions").DueWeek(8)
        .Goes(kStalled),
    StayAbove("Keep signalling availability above 99.95%", 99.98, 99.95, "%"),
  }});
  rows->push_back({"eng-platform", "",  // o-eng-platform-4
      "Reduce on-call toil",
      "On-call weeks leave people exhausted. Fewer pages, better runbooks, "
      "calmer nights.",
      kAspirational, "o-eng-2", {}, {
    Decrease("Reduce pages per on-call week from 25 to 8", 25, 8, "count"),
    Increase("Automate the 10 most frequent runbooks", 0, 10, "count"),
    // NO MOVEMENT: start == target; it should have been a stay-above KR.
    Increase("Keep runbook coverage of paging alerts at 100%", 100, 100, "%"),
  }});
  // OTHER CYCLE: still aligned to last quarter's audit objective.
  rows->push_back({"eng-platform", "",  // o-eng-platform-5
      "Close the findings left from the security audit",
      "The auditor moved the stage 1 audit into this quarter. Close what is "
      "still open before the auditor comes back.",
      kCommitted, "o-halden-prev-2", {}, {
    Decrease("Close open medium-severity findings from 23 to 5", 23, 5,
             "count"),
    // NOT MEASURABLE: no number to reach and no unit.
    Increase("Improve secrets handling in CI", 0, 0, ""),
    Milestone("Rotate every production credential").DueWeek(10),
  }});
  // NO OWNER, ZERO WEIGHTS, WRONG DIRECTION: a side project set up in a hurry.
  rows->push_back({"eng-platform", kNobody,  // o-eng-platform-6
      "Retire the legacy shared database",
      "Three services still share the old database, and every schema change "
      "needs three teams. Move them out.",
      kCommitted, "o-eng-2", {}, {
    Milestone("Move the last three services off the shared database")
        .DueWeek(12).Weight(0),
    Increase("Reduce flaky test failures from 120 to 40 a week", 120, 40,
             "count").Weight(0),
  }});
}

void AddVideoAndMobileRows(std::vector<ObjectiveRow>* rows) {
  rows->push_back({"eng-video", "",  // o-eng-video-1
      "Make dropped visits rare on poor networks",
      "Most dropped visits happen on mobile networks outside the cities. "
      "Adapt the call instead of ending it.",
      kCommitted, "kr-eng-1-3", {"o-cs-2"}, {
    Decrease("Reduce dropped visits on poor networks from 6.5% to 2.0%", 6.5,
             2.0, "%"),
    Increase("Raise adaptive-bitrate use from 40% to 95% of visits", 40, 95,
             "%").Goes(kAhead),
    Milestone("Ship TURN relays in São Paulo and Nairobi").DueWeek(6),
  }});
  rows->push_back({"eng-video", "",  // o-eng-video-2
      "Let patients join a visit in one tap",
      "No downloads, no passwords: a patient taps the link in the reminder "
      "and sees the clinician.",
      kAspirational, "kr-eng-3-3", {}, {
    Decrease("Cut median join time from 95 to 20 seconds", 95, 20, "s"),
    Increase("Raise browser join success from 91% to 98%", 91, 98, "%"),
    Milestone("Launch link-based join without an account").DueWeek(11),
  }});
  // TOO FEW: eng-mobile has a single objective (with four KRs).
  rows->push_back({"eng-mobile", "",  // o-eng-mobile-1
      "Make the clinician app stable and loved",
      "Clinicians use the app between visits, often on old phones. "
      "Stability first, then delight.",
      kCommitted, "kr-eng-3-2", {"o-clinops-quality-2"}, {
    Decrease("Reduce the crash rate from 1.2% to 0.3% of sessions", 1.2, 0.3,
             "%").Goes(kBehind),
    Increase("Lift the store rating from 3.9 to 4.5", 3.9, 4.5, "stars"),
    Milestone("Release offline mode for visit notes").DueWeek(10),
    Increase("Raise weekly active clinicians on mobile from 55% to 75%", 55,
             75, "%"),
  }});
}

void AddSalesTeamRows(std::vector<ObjectiveRow>* rows) {
  rows->push_back({"sales-smb", "",  // o-sales-smb-1
      "Build a repeatable SMB sales motion",
      "Every rep sells differently today. Agree on one playbook, measure it "
      "and coach to it.",
      kCommitted, "o-sales-1", {}, {
    Increase("Book 400 qualified demos", 0, 400, "count"),
    Increase("Raise demo-to-close rate from 14% to 22%", 14, 22, "%")
        .Goes(kBehind),
    Decrease("Shorten the SMB sales cycle from 48 to 30 days", 48, 30,
             "days"),
  }});
  rows->push_back({"sales-smb", "",  // o-sales-smb-2
      "Expand within clinics that already love us",
      "Happy clinics open new locations. Make adding a location a "
      "two-minute decision.",
      kCommitted, "kr-sales-1-1", {}, {
    Increase("Grow expansion ARR from 0 to 150,000 EUR", 0, 150'000, "EUR"),
    Increase("Add a second location at 40 clinics", 0, 40, "count"),
    StayAbove("Keep net revenue retention above 105%", 108, 105, "%"),
  }});
  rows->push_back({"sales-enterprise", "",  // o-sales-enterprise-1
      "Land our first three hospital groups",
      "Hospital groups buy slowly but stay for years. Three signed logos "
      "would prove the segment.",
      kAspirational, "kr-sales-1-1", {}, {
    Increase("Sign 3 hospital groups", 0, 3, "count").Goes(kStalled),
    Increase("Complete 6 security reviews with hospital IT teams", 0, 6,
             "count"),
    Milestone("Publish the HL7 FHIR integration guide").DueWeek(6)
        .Goes(kAhead),
  }});
  rows->push_back({"sales-enterprise", "",  // o-sales-enterprise-2
      "Make enterprise deals easier to buy",
      "Procurement, not product, slows our enterprise deals. Standard terms "
      "and ready answers.",
      kCommitted, "o-sales-1", {}, {
    Decrease("Cut contract redlining time from 40 to 20 days", 40, 20,
             "days"),
    Milestone("Agree standard enterprise terms with Legal").DueWeek(5),
    Increase("Grow enterprise pipeline from 0.6M to 2M EUR", 600'000,
             2'000'000, "EUR"),
  }});
  rows->push_back({"sales-marketing", "",  // o-sales-marketing-1
      "Fill the funnel with clinics that fit",
      "More leads are useless if they are the wrong clinics. Target the "
      "practices that succeed with video visits.",
      kCommitted, "kr-sales-1-2", {}, {
    Increase("Grow marketing-qualified leads from 320 to 600 a month", 320,
             600, "count"),
    Decrease("Cut cost per qualified lead from 210 to 140 EUR", 210, 140,
             "EUR"),
    Increase("Raise website demo conversion from 1.8% to 3.0%", 1.8, 3.0,
             "%").Goes(kAhead),
  }});
  rows->push_back({"sales-marketing", "",  // o-sales-marketing-2
      "Become the brand clinicians recommend to colleagues",
      "Clinicians trust other clinicians. Tell their stories and help the "
      "network team recruit with them.",
      kAspirational, "o-sales-1", {"o-clinops-network-1"}, {
    Increase("Publish 12 clinician case studies", 0, 12, "count"),
    Increase("Grow newsletter subscribers from 4,000 to 9,000", 4000, 9000,
             "count"),
    Milestone("Launch the French-language blog").DueWeek(8),
  }});
}

void AddSupportTeamRows(std::vector<ObjectiveRow>* rows) {
  rows->push_back({"cs-support", "",  // o-cs-support-1
      "Answer every patient within two hours",
      "Patients write to us when a visit is minutes away. Follow-the-sun "
      "coverage and faster triage.",
      kCommitted, "kr-cs-2-2", {}, {
    Decrease("Cut median first response from 9 to 2 hours", 9, 2, "h")
        .Weight(2).Goes(kDrop),
    Increase("Raise staffed weekend hours from 40% to 100%", 40, 100, "%"),
    StayAbove("Keep CSAT above 90% while response times fall", 93, 90, "%"),
  }});
  rows->push_back({"cs-support", "",  // o-cs-support-2
      "Fix problems once, not every week",
      "A third of our tickets repeat known problems. Fix causes with "
      "Engineering and write the answers down.",
      kCommitted, "o-cs-2", {"kr-eng-3-2"}, {
    Decrease("Reduce repeat tickets from 22% to 12%", 22, 12, "%"),
    Increase("Publish 60 help-centre articles", 0, 60, "count"),
    Milestone("Ship in-app visit diagnostics for agents").DueWeek(9)
        .Goes(kBehind),
    // SAME METRIC as kr-eng-mobile-1-1, in another branch.
    Decrease("Reduce the app crash rate from 1.2% to 0.5% of sessions", 1.2,
             0.5, "%"),
  }});
  rows->push_back({"cs-onboarding", "",  // o-cs-onboarding-1
      "Make the first two weeks with us effortless",
      "New clinics should never wonder what to do next. One checklist, one "
      "contact, one first visit.",
      kCommitted, "o-cs-3", {"o-sales-1"}, {
    Decrease("Cut days to a clinic's first visit from 21 to 10", 21, 10,
             "days"),
    Increase("Raise checklist completion from 72% to 90%", 72, 90, "%"),
    Increase("Train 200 clinic admins in live sessions", 0, 200, "count"),
  }});
  rows->push_back({"cs-onboarding", "",  // o-cs-onboarding-2
      "Turn onboarding into an early health check",
      "Onboarding is where we first see which clinics will struggle. Spot "
      "them and act long before renewal.",
      kCommitted, "kr-cs-1-2", {}, {
    Increase("Run 90 kickoff health checks", 0, 90, "count"),
    StayAbove("Keep onboarding NPS above 45", 52, 45, "NPS"),
    Decrease("Reduce clinics flagged at risk after onboarding from 18% to "
             "10%", 18, 10, "%"),
  }});
}

void AddClinicalTeamRows(std::vector<ObjectiveRow>* rows) {
  rows->push_back({"clinops-quality", "",  // o-clinops-quality-1
      "Make every visit auditable",
      "We can only improve what we review. Sample visits every week and "
      "close the loop with clinicians.",
      kCommitted, "kr-clinops-1-2", {}, {
    Increase("Raise audited visits from 1% to 5%", 1, 5, "%"),
    Decrease("Cut audit turnaround from 12 to 5 days", 12, 5, "days"),
    Milestone("Publish the first quarterly clinical quality report")
        .DueWeek(13),
  }});
  rows->push_back({"clinops-quality", "",  // o-clinops-quality-2
      "Roll out the new triage protocol in every region",
      "The updated protocol sends patients to the right care faster. It "
      "only helps once every clinician uses it.",
      kCommitted, "kr-clinops-1-3", {}, {
    Increase("Train 300 clinicians on the new protocol", 0, 300, "count"),
    StayBelow("Keep the mis-triage rate below 2%", 1.4, 2.0, "%"),
    Milestone("Switch all regions to the new protocol").DueWeek(11),
  }});
  rows->push_back({"clinops-network", "",  // o-clinops-network-1
      "Recruit clinicians where patients wait longest",
      "Evenings, weekends and the new French-speaking markets are where "
      "patients wait. Recruit there first.",
      kCommitted, "o-clinops-2", {"o-sales-3"}, {
    Increase("Add 100 active clinicians", 0, 100, "count"),
    Decrease("Cut median credentialing time from 35 to 15 days", 35, 15,
             "days").Goes(kWrongWay),
    Increase("Cover evening shifts in 18 of 20 regions", 11, 18, "count"),
  }});
  // ORPHAN: a team objective with no parent.
  rows->push_back({"clinops-network", "",  // o-clinops-network-2
      "Open the provider network in Zürich",
      "Swiss clinics keep asking for us. Start with Zürich: licence, partner "
      "practices and a first clinician pool.",
      kAspirational, "", {}, {
    Milestone("Obtain the cantonal telehealth licence for Zürich").DueWeek(7)
        .Goes(kStalled),
    Increase("Onboard 15 clinicians in Zürich", 0, 15, "count"),
    Increase("Sign 3 partner practices in Zürich", 0, 3, "count"),
  }});
}

void AddIndividualRows(std::vector<ObjectiveRow>* rows) {
  rows->push_back({"", "sneha.iyer",  // o-ind-sneha-iyer-1
      "Make the clinician app usable for everyone",
      "Personal objective: own accessibility in the clinician app and teach "
      "the team how to keep it that way.",
      kCommitted, "o-eng-mobile-1", {}, {
    Increase("Fix 30 accessibility issues in the clinician app", 0, 30,
             "count"),
    Increase("Raise the accessibility audit score from 68 to 90", 68, 90,
             "points"),
    Milestone("Run an accessibility workshop for all engineers").DueWeek(6),
  }});
  rows->push_back({"", "zoe.laurent",  // o-ind-zoe-laurent-1
      "Grow into a team lead role",
      "Personal development objective agreed with Marcus in our 1:1s.",
      kAspirational, "o-sales-smb-1", {}, {
    Increase("Mentor 3 new account executives through their first deal", 0,
             3, "count"),
    Increase("Run 12 pipeline reviews for the team", 0, 12, "count"),
    Milestone("Complete the internal leadership programme").DueWeek(12),
  }});
  rows->push_back({"", "soren.ostergaard",  // o-ind-soren-ostergaard-1
      "Share our triage research with the clinical community",
      "Personal objective: publish what we learned from a year of remote "
      "triage so that other providers can use it.",
      kAspirational, "o-clinops-quality-2", {}, {
    Milestone("Submit the triage study to a peer-reviewed journal")
        .DueWeek(10).Goes(kBehind),
    Increase("Present at 2 clinical conferences", 0, 2, "count"),
    Increase("Reach 500 clinicians with the study summary", 0, 500, "count"),
  }});
  // TOO MANY PER PERSON: Mei Lin owns four individual objectives.
  rows->push_back({"", "mei.lin",  // o-ind-mei-lin-1
      "Make the CRM the single source of truth for pipeline",
      "Personal objective: nobody should need the pipeline spreadsheet to "
      "know where a deal stands.",
      kCommitted, "kr-sales-1-2", {}, {
    // One check-in is typed as a fraction (see example_checkins.cc).
    Increase("Raise opportunities with a next step from 55% to 90%", 55, 90,
             "%"),
    Milestone("Retire the pipeline spreadsheet").DueWeek(9),
  }});
  rows->push_back({"", "mei.lin",  // o-ind-mei-lin-2, a single KR.
      "Automate the weekly revenue forecast",
      "Personal objective: the Monday forecast takes me half a day by hand.",
      kCommitted, "o-sales-1", {}, {
    Milestone("Publish the automated forecast dashboard").DueWeek(8),
  }});
  rows->push_back({"", "mei.lin",  // o-ind-mei-lin-3, no description.
      "Become a certified Salesforce administrator", "",
      kAspirational, "o-ind-mei-lin-1", {}, {
    Increase("Complete 40 hours of administrator training", 0, 40, "h"),
    // Due after the cycle: the exam date is in the next quarter.
    Milestone("Pass the Salesforce administrator exam").DueWeek(15),
  }});
  rows->push_back({"", "mei.lin",  // o-ind-mei-lin-4
      "Coach the SMB team on discovery calls",
      "Personal objective agreed with Daniel: share what works in discovery "
      "calls across the SMB team.",
      kCommitted, "o-sales-smb-1", {}, {
    Increase("Shadow 30 SMB discovery calls", 0, 30, "count"),
    Increase("Raise the discovery-call scorecard average from 2.8 to 3.5", 2.8,
             3.5, "points"),
  }});
  // NEVER CHECKED IN: every KR stays at its start value.
  rows->push_back({"", "wanjiru.kamau",  // o-ind-wanjiru-kamau-1
      "Bring WebRTC expertise in-house",
      "Personal objective: become the person other teams ask about the "
      "media stack, and make sure I am not the only one.",
      kCommitted, "o-eng-video-1", {}, {
    Increase("Review 20 media-stack pull requests from other teams", 0, 20,
             "count").Goes(kSilent),
    Milestone("Write the team's WebRTC troubleshooting guide").Goes(kSilent),
    Increase("Run 4 internal WebRTC clinics", 0, 4, "count").Goes(kSilent),
  }});
}

// clang-format on

}  // namespace

void AddTeamAndIndividualRows(std::vector<ObjectiveRow>* rows) {
  AddPlatformRows(rows);
  AddVideoAndMobileRows(rows);
  AddSalesTeamRows(rows);
  AddSupportTeamRows(rows);
  AddClinicalTeamRows(rows);
  AddIndividualRows(rows);
}

}  // namespace okr::example_internal
