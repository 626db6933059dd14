// Copyright 2026 The okrd Authors.

#include "importers/xml/xml_format.h"

#include <catch2/catch.hpp>

#include "core/example/example_org.h"
#include "tests/support/fixtures.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

Organisation WithoutIds(Organisation org) {
  for (CheckIn& c : org.check_ins) c.id = 0;
  return org;
}

Result<Organisation> Read(const std::string& xml, Limits limits = {}) {
  return ReadOrganisationXml(xml, "okrs.xml", limits);
}

std::string Document(const std::string& body) {
  return std::string("<?xml version=\"1.0\"?>\n<okrd xmlns=\"") +
         kOkrdXmlNamespace + "\" version=\"1\">\n" + body + "</okrd>\n";
}

TEST_CASE("the example organisation round-trips byte for byte", "[xml]") {
  const Organisation org = WithoutIds(MakeExampleOrganisation({2026, 11, 24}));
  const XmlWriteResult first = WriteOrganisationXml(org, "");
  CHECK(first.replaced_characters == 0);
  auto read = Read(first.xml);
  INFO(read.status().message());
  REQUIRE(read.ok());
  CHECK(*read == org);
  CHECK(WriteOrganisationXml(*read, "").xml == first.xml);
  CHECK(LooksLikeOrganisationXml(first.xml));
}

TEST_CASE("hostile text survives exactly", "[xml]") {
  Organisation org = testing::SmallOrganisation();
  org.objectives[0].title = "  <script>alert(\"x\")</script> & 'more'  ";
  org.objectives[0].description = "line 1\r\nline 2\n\ttabbed\r";
  org.key_results[0].title = " ";
  org.units[1].name = "R&D \"Labs\"\n<b>";
  org.check_ins[0].learned = "emoji 🎯, 中文; back\\slash";
  org.key_results[1].current = 0.1 + 0.2;  // Needs 17 digits.
  const XmlWriteResult out = WriteOrganisationXml(org, "");
  auto read = Read(out.xml);
  REQUIRE(read.ok());
  CHECK(WithoutIds(*read) == WithoutIds(org));
}

TEST_CASE("control characters XML cannot carry are replaced and counted",
          "[xml]") {
  Organisation org = testing::SmallOrganisation();
  org.objectives[0].title = std::string("bell\x07 and esc\x1b");
  const XmlWriteResult out = WriteOrganisationXml(org, "");
  CHECK(out.replaced_characters == 2);
  auto read = Read(out.xml);
  REQUIRE(read.ok());
  CHECK(read->objectives[0].title == "bell\xEF\xBF\xBD and esc\xEF\xBF\xBD");
}

TEST_CASE("a cycle filter keeps that cycle's objectives and check-ins",
          "[xml]") {
  const Organisation org = MakeExampleOrganisation({2026, 11, 24});
  const std::string cycle = org.cycles.front().name;
  auto read = Read(WriteOrganisationXml(org, cycle).xml);
  REQUIRE(read.ok());
  CHECK(read->people.size() == org.people.size());
  REQUIRE_FALSE(read->objectives.empty());
  for (const Objective& o : read->objectives) CHECK(o.cycle == cycle);
  CHECK(read->check_ins.size() < org.check_ins.size());
}

TEST_CASE("errors name the line and collect every problem", "[xml]") {
  auto r = Read(Document(
      "  <cycles>\n"
      "    <cycle name=\"Q1\" start=\"2027-02-30\" end=\"2027-03-31\"/>\n"
      "  </cycles>\n"
      "  <objectives>\n"
      "    <objective key=\"o1\" cycle=\"Q1\" colour=\"red\">\n"
      "      <title>T</title>\n"
      "      <key-result key=\"k1\" target=\"abc\"><title>K</title></key-result>\n"
      "      <widget/>\n"
      "    </objective>\n"
      "  </objectives>\n"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kInvalidArgument);
  CHECK(r.status().message() ==
        "okrs.xml:4: start: \"2027-02-30\" is not a real date\n"
        "okrs.xml:7: <objective> has no attribute \"colour\"\n"
        "okrs.xml:10: unexpected element <widget> in <objective>\n"
        "okrs.xml:9: target \"abc\" is not a number");
}

TEST_CASE("cadence overrides: attributes, words and ranges", "[xml]") {
  auto good = Read(Document(
      "  <units>\n"
      "    <unit key=\"acme\" name=\"Acme\" level=\"company\"/>\n"
      "    <unit key=\"core\" name=\"Core\" parent=\"acme\" "
      "review-day=\"wednesday\" review-time=\"10:00\" "
      "review-minutes=\"60\" review-weeks=\"3\"/>\n"
      "  </units>\n"
      "  <people>\n"
      "    <person email=\"ben@acme.test\" one-on-one-day=\"TUE\" "
      "one-on-one-time=\"14:30\" one-on-one-minutes=\"45\" "
      "one-on-one-weeks=\"2\"/>\n"
      "  </people>\n"));
  INFO(good.status().message());
  REQUIRE(good.ok());
  CHECK(good->units[1].review ==
        CadenceOverride{.weekday = 2, .start_minute = 600,
                        .length_minutes = 60, .interval_weeks = 3});
  CHECK(good->people[0].one_on_one ==
        CadenceOverride{.weekday = 1, .start_minute = 870,
                        .length_minutes = 45, .interval_weeks = 2});
  // Written back with the day in lowercase, as the schema enumerates it.
  const std::string xml = WriteOrganisationXml(*good, "").xml;
  CHECK(xml.find("one-on-one-day=\"tuesday\" one-on-one-time=\"14:30\" "
                 "one-on-one-minutes=\"45\" one-on-one-weeks=\"2\"") !=
        std::string::npos);

  auto bad = Read(Document(
      "  <units>\n"
      "    <unit key=\"acme\" name=\"Acme\" review-weeks=\"9\"/>\n"
      "  </units>\n"
      "  <people>\n"
      "    <person email=\"ben@acme.test\" one-on-one-day=\"Funday\" "
      "one-on-one-time=\"25:00\" one-on-one-minutes=\"4\"/>\n"
      "  </people>\n"));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() ==
        "okrs.xml:4: review-weeks must be a whole number from 1 to 8\n"
        "okrs.xml:7: one-on-one-day \"Funday\" is not a day of the week\n"
        "okrs.xml:7: one-on-one-time \"25:00\" is not a time HH:MM\n"
        "okrs.xml:7: one-on-one-minutes must be a whole number from 5 to "
        "240");
}

TEST_CASE("DOCTYPE, entities and foreign documents are refused", "[xml]") {
  const std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE okrd [<!ENTITY a \"aaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;\">]>\n<okrd xmlns=\"urn:okrd:organisation:1\" "
      "version=\"1\"><units><unit key=\"&b;\" name=\"x\"/></units></okrd>";
  auto r = Read(laughs);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "okrs.xml: DOCTYPE declarations are not accepted");
  auto foreign = Read("<html><body/></html>");
  CHECK(foreign.status().message().find("not an okrd document") != std::string::npos);
  auto version = Read("<okrd xmlns=\"urn:okrd:organisation:1\" version=\"7\"/>");
  CHECK(version.status().message() == "okrs.xml: unsupported okrd XML version \"7\"");
  auto broken = Read("<okrd xmlns=\"urn:okrd:organisation:1\" version=\"1\">\n<units>");
  CHECK(broken.status().message().rfind("okrs.xml:2: ", 0) == 0);
}

TEST_CASE("invalid UTF-8, NUL, size and depth limits", "[xml]") {
  auto bad = Read(Document("  <units>\n<unit key=\"\xC3\x28\" name=\"x\"/></units>\n"));
  CHECK(bad.status().message() == "okrs.xml:4: invalid UTF-8");
  auto nul = Read(Document(std::string("<units>\n\n<unit key=\"a") + '\0' +
                           "b\" name=\"x\"/></units>"));
  CHECK(nul.status().message() == "okrs.xml:5: NUL character");
  // A character reference gets a control character past the XML parser;
  // the writer could not give it back, so it is an error (found by fuzzing).
  auto control = Read(Document("<units>\n<unit key=\"a\" name=\"x&#8;y\"/></units>"));
  CHECK(control.status().message() ==
        "okrs.xml:4: control character U+0008 in name of <unit>");
  auto beyond = Read(Document("<units>\n<unit key=\"a\" name=\"&#10444444;\"/></units>"));
  CHECK(beyond.status().message() ==
        "okrs.xml:4: invalid character reference in name of <unit>");
  Limits small;
  small.max_input_bytes = 10;
  CHECK(Read(Document(""), small).status().code() == StatusCode::kResourceExhausted);
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "<x>";
  for (int i = 0; i < 300; ++i) deep += "</x>";
  auto too_deep = Read(Document(deep));
  CHECK(too_deep.status().message() ==
        "okrs.xml: nesting deeper than max_xml_depth (256)");
}

TEST_CASE("deadline_ms bounds the reading", "[xml]") {
  Limits none;
  none.deadline_ms = 0;
  auto late = Read(Document(""), none);
  CHECK(late.status().code() == StatusCode::kResourceExhausted);
  CHECK(late.status().message() ==
        "okrs.xml: reading took longer than deadline_ms (0)");
  CHECK(Read(Document("")).ok());
}

TEST_CASE("the export validates against the published schema", "[xml]") {
  testing::TempDir dir;
  const std::string path = dir.File("example.xml");
  REQUIRE(testing::WriteFile(
      path, WriteOrganisationXml(MakeExampleOrganisation({2026, 11, 24}), "").xml));
  testing::ProcessResult r = testing::RunProcess(
      {"/usr/bin/xmllint", "--noout", "--schema",
       OKR_SOURCE_DIR "/importers/xml/okrd.xsd", path});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("validates") != std::string::npos);
  // And the schema is not vacuous: a wrong kind is rejected.
  std::string xml = testing::ReadFileOrEmpty(path);
  xml.replace(xml.find("kind=\"increase\""), 15, "kind=\"sideways\"");
  REQUIRE(testing::WriteFile(path, xml));
  CHECK(testing::RunProcess({"/usr/bin/xmllint", "--noout", "--schema",
                             OKR_SOURCE_DIR "/importers/xml/okrd.xsd", path})
            .exit_code != 0);
  // The example's overrides are in the export, and their ranges in the
  // schema.
  xml = WriteOrganisationXml(MakeExampleOrganisation({2026, 11, 24}), "").xml;
  const size_t at = xml.find("one-on-one-minutes=\"45\"");
  REQUIRE(at != std::string::npos);
  CHECK(xml.find("review-day=\"wednesday\" review-time=\"10:00\"") !=
        std::string::npos);
  xml.replace(at, 23, "one-on-one-minutes=\"300\"");
  REQUIRE(testing::WriteFile(path, xml));
  CHECK(testing::RunProcess({"/usr/bin/xmllint", "--noout", "--schema",
                             OKR_SOURCE_DIR "/importers/xml/okrd.xsd", path})
            .exit_code != 0);
}

}  // namespace
}  // namespace okr
