// Copyright 2026 The okrd Authors.
//
// SubmitCheckIns against a real Store file: validation with field names,
// who may write, one transaction per submission.

#include "core/checkin/checkin.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::SmallOrganisation;

Identity Person(std::string email) {
  return Identity{.user_id = 1, .email = std::move(email), .admin = false,
                  .via = Identity::Via::kToken};
}

CheckInInput Input(std::string key, double value) {
  return CheckInInput{.kr_key = std::move(key), .value = value};
}

struct Fixture {
  Fixture() {
    auto opened = Store::Open(dir.File("okrd.db"), {.create_if_missing = true});
    REQUIRE(opened.ok());
    store = std::move(opened).value();
    REQUIRE(store->Insert(SmallOrganisation()).ok());
    org = *store->Load();
  }
  int64_t Count() { return static_cast<int64_t>(store->Load()->check_ins.size()); }

  testing::TempDir dir;
  std::unique_ptr<Store> store;
  Organisation org;
};

TEST_CASE("who may write a key result's check-ins", "[checkin]") {
  const Organisation org = SmallOrganisation();
  const KeyResult& eng = org.key_results[1];      // Owned by bo.
  const KeyResult& eng_obj = org.key_results[2];  // No owner: bo's objective.
  const KeyResult& co = org.key_results[0];       // Owned by ada.
  CHECK(MayUpdate(org, eng, Person("bo@acme.test")));
  CHECK(MayUpdate(org, eng_obj, Person("bo@acme.test")));
  CHECK(MayUpdate(org, eng, Person("BO@acme.test")));
  // Ada is Bo's manager and leads the company.
  CHECK(MayUpdate(org, eng, Person("ada@acme.test")));
  CHECK(MayUpdate(org, co, Person("ada@acme.test")));
  // Bo is neither owner, manager nor lead of the company objective.
  CHECK_FALSE(MayUpdate(org, co, Person("bo@acme.test")));
  CHECK_FALSE(MayUpdate(org, co, Person("eve@acme.test")));
  CHECK_FALSE(MayUpdate(org, co, Person("")));
  Identity admin = Person("root@acme.test");
  admin.admin = true;
  CHECK(MayUpdate(org, co, admin));
  // The lead of the owning unit, who is not the owner's manager.
  Organisation led = org;
  led.units[1].lead_email = "cy@acme.test";
  CHECK(MayUpdate(led, led.key_results[1], Person("cy@acme.test")));
  CHECK_FALSE(MayUpdate(led, led.key_results[0], Person("cy@acme.test")));
}

TEST_CASE("every bad field is reported by name", "[checkin]") {
  const Limits limits;
  std::vector<FieldError> errors;
  CheckInInput bad{.kr_key = "k",
                   .value = std::numeric_limits<double>::quiet_NaN(),
                   .confidence = 1.5,
                   .status = std::string("a\0b", 3),
                   .learned = "\xC3\x28",
                   .next_steps = std::string(5000, 'x'),
                   .challenges = "bell\a"};
  ValidateCheckInInput(bad, 3, limits, &errors);
  REQUIRE(errors.size() == 6);
  CHECK(errors[0].field == "value");
  CHECK(errors[0].index == 3);
  CHECK(errors[1].field == "confidence");
  CHECK(errors[2].field == "status");
  CHECK(errors[2].message == "the text contains a NUL byte");
  CHECK(errors[3].field == "learned");
  CHECK(errors[3].message == "the text is not valid UTF-8");
  CHECK(errors[4].field == "plans");
  CHECK(errors[5].field == "challenges");

  errors.clear();
  ValidateCheckInInput({.kr_key = "k"}, 0, limits, &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "a value is required");
  errors.clear();
  ValidateCheckInInput(Input("k", 1e16), 0, limits, &errors);
  CHECK(errors.size() == 1);
  errors.clear();
  // Overlong encodings and surrogates are not UTF-8; tabs and newlines are fine.
  for (const char* text : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
    CheckInInput in = Input("k", 1);
    in.learned = text;
    ValidateCheckInInput(in, 0, limits, &errors);
  }
  CHECK(errors.size() == 4);
  errors.clear();
  CheckInInput fine = Input("k", -3.5);
  fine.status = "Line one\r\n\tØrsted — 😀";
  fine.confidence = 0;
  ValidateCheckInInput(fine, 0, limits, &errors);
  CHECK(errors.empty());
}

TEST_CASE("a submission is stored whole, as its author", "[checkin]") {
  Fixture f;
  const int64_t before = f.Count();
  CheckInInput a = Input("kr-eng-1-1", 250);
  a.confidence = 0.8;
  a.learned = "'); DROP TABLE check_ins; --";
  CheckInInput b = Input("kr-eng-1-2", 1);
  CheckInOutcome out = SubmitCheckIns(f.store.get(), f.org,
                                      Person("bo@acme.test"), {a, b}, 1800000000,
                                      "api");
  INFO(out.status.ToString());
  REQUIRE(out.ok());
  REQUIRE(out.stored.size() == 2);
  CHECK(out.stored[0].id > 0);
  CHECK(out.stored[1].id == out.stored[0].id + 1);
  const Organisation after = *f.store->Load();
  CHECK(static_cast<int64_t>(after.check_ins.size()) == before + 2);
  const CheckIn& stored = after.check_ins[after.check_ins.size() - 2];
  CHECK(stored.author_email == "bo@acme.test");
  CHECK(stored.learned == a.learned);
  CHECK(stored.source == "api");
  CHECK(stored.at == 1800000000);
  CHECK(after.key_results[1].current == 250);
}

TEST_CASE("a refused submission stores nothing", "[checkin]") {
  Fixture f;
  const int64_t before = f.Count();
  const Identity bo = Person("bo@acme.test");
  // One of two key results is not Bo's to update.
  CheckInOutcome denied = SubmitCheckIns(
      f.store.get(), f.org, bo, {Input("kr-eng-1-1", 1), Input("kr-co-1-1", 1)},
      1800000000, "web");
  CHECK(denied.status.code() == StatusCode::kPermissionDenied);
  REQUIRE(denied.errors.size() == 1);
  CHECK(denied.errors[0].index == 1);
  CHECK(denied.errors[0].field == "key");
  // One of two inputs is invalid.
  CheckInInput bad = Input("kr-eng-1-2", 1);
  bad.confidence = -0.1;
  CheckInOutcome invalid = SubmitCheckIns(
      f.store.get(), f.org, bo, {Input("kr-eng-1-1", 1), bad}, 1800000000, "web");
  CHECK(invalid.status.code() == StatusCode::kInvalidArgument);
  REQUIRE(invalid.errors.size() == 1);
  CHECK(invalid.errors[0].field == "confidence");
  CHECK(invalid.errors[0].kr_key == "kr-eng-1-2");
  CheckInOutcome unknown = SubmitCheckIns(f.store.get(), f.org, bo,
                                          {Input("kr-nope", 1)}, 1, "web");
  CHECK(unknown.status.code() == StatusCode::kNotFound);
  CHECK(unknown.status.message() == "no key result \"kr-nope\"");
  CHECK(SubmitCheckIns(f.store.get(), f.org, bo, {}, 1, "web").status.code() ==
        StatusCode::kInvalidArgument);
  // The snapshot still has a KR that the store no longer has: the store's
  // transaction refuses, and the KR before it in the same submission is
  // rolled back too.
  Organisation stale = f.org;
  stale.key_results.push_back(KeyResult{.key = "kr-gone",
                                        .objective_key = "o-eng-1",
                                        .owner_email = "bo@acme.test"});
  CheckInOutcome gone = SubmitCheckIns(
      f.store.get(), stale, bo, {Input("kr-eng-1-1", 7), Input("kr-gone", 1)},
      1, "web");
  CHECK(gone.status.code() == StatusCode::kNotFound);
  CHECK(gone.errors.empty());
  CHECK(f.Count() == before);
  CHECK(f.store->Load()->key_results[1].current == 280);
}

TEST_CASE("an admin without a person row checks in anonymously", "[checkin]") {
  Fixture f;
  Identity admin = Person("root@acme.test");
  admin.admin = true;
  CheckInOutcome out = SubmitCheckIns(f.store.get(), f.org, admin,
                                      {Input("kr-co-1-1", 10)}, 1, "api");
  REQUIRE(out.ok());
  CHECK(out.stored[0].author_email.empty());
}

}  // namespace
}  // namespace okr

namespace okr {
namespace {

TEST_CASE("an import planned before a check-in does not overwrite it",
          "[checkin][store]") {
  Fixture f;
  const int64_t revision = *f.store->Revision();
  ImportPlan plan;
  plan.merged = f.org;
  plan.merged.key_results[1].title = "Renamed";
  plan.merged.key_results[1].current = 111;
  // A check-in lands between planning and applying.
  CheckInOutcome out = SubmitCheckIns(f.store.get(), f.org,
                                      Person("bo@acme.test"),
                                      {Input("kr-eng-1-1", 250)}, 1, "api");
  REQUIRE(out.ok());
  const Status stale = f.store->ApplyImportAt(plan, revision);
  CHECK(stale.code() == StatusCode::kFailedPrecondition);
  Organisation now = *f.store->Load();
  CHECK(now.key_results[1].title == "p95 latency below 300 ms");
  CHECK(now.key_results[1].current == 250);
  // Planned again on the current revision, it applies.
  CHECK(f.store->ApplyImportAt(plan, *f.store->Revision()).ok());
  CHECK(f.store->Load()->key_results[1].title == "Renamed");
}

}  // namespace
}  // namespace okr

namespace okr {
namespace {

TEST_CASE("an import planned inside the write transaction", "[checkin][store]") {
  Fixture f;
  const int64_t revision = *f.store->Revision();
  // Nothing to apply: rolled back, nothing changes.
  CHECK(f.store->ApplyImportPlannedBy([](const Organisation&) {
    return Result<std::optional<ImportPlan>>(std::optional<ImportPlan>());
  }).ok());
  CHECK(*f.store->Revision() == revision);
  // An error from the planner comes back; nothing changes.
  CHECK(f.store->ApplyImportPlannedBy([](const Organisation&) {
    return Result<std::optional<ImportPlan>>(InvalidArgument("bad file"));
  }).code() == StatusCode::kInvalidArgument);
  // The planner sees the stored state, check-ins included.
  REQUIRE(SubmitCheckIns(f.store.get(), f.org, Person("bo@acme.test"),
                         {Input("kr-eng-1-1", 250)}, 1, "api").ok());
  CHECK(f.store->ApplyImportPlannedBy([](const Organisation& stored) {
    ImportPlan plan;
    plan.merged = stored;
    plan.merged.key_results[1].title = "Renamed";
    return Result<std::optional<ImportPlan>>(std::optional<ImportPlan>(plan));
  }).ok());
  const Organisation now = *f.store->Load();
  CHECK(now.key_results[1].title == "Renamed");
  CHECK(now.key_results[1].current == 250);
}

}  // namespace
}  // namespace okr
