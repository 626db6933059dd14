// Copyright 2026 The okrd Authors.
//
// WriteOrganisationXml: a hand-rolled, deterministic serializer (so the byte
// layout is ours to keep stable, independent of a library's formatting).

#include <charconv>
#include <set>

#include "core/model/meeting_time.h"
#include "core/model/text.h"
#include "importers/xml/xml_format.h"

namespace okr {
namespace {

// Shortest text that reads back as the same double.
std::string NumberText(double v) {
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, ptr) : "0";
}

class XmlOut {
 public:
  // Escapes `text` for element content or attribute values.
  void Escaped(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      switch (c) {
        case '&': out_ += "&amp;"; break;
        case '<': out_ += "&lt;"; break;
        case '>': out_ += "&gt;"; break;
        case '"': out_ += "&quot;"; break;
        case '\t': out_ += "&#9;"; break;
        case '\n': out_ += "&#10;"; break;
        case '\r': out_ += "&#13;"; break;
        default:
          if (c < 0x20 || c == 0x7f) {
            out_ += "\xEF\xBF\xBD";  // U+FFFD
            ++replaced_;
          } else {
            out_ += static_cast<char>(c);
          }
      }
    }
  }

  void Raw(std::string_view s) { out_ += s; }

  // ` name="value"`, omitted when value is empty.
  void Attr(std::string_view name, std::string_view value) {
    if (value.empty()) return;
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    Escaped(value);
    out_ += '"';
  }
  void Attr(std::string_view name, double value) {
    Attr(name, NumberText(value));
  }

  // <name>text</name> on its own line, omitted when text is empty.
  void TextElement(int indent, std::string_view name, std::string_view text) {
    if (text.empty()) return;
    Indent(indent);
    out_ += '<';
    out_ += name;
    out_ += '>';
    Escaped(text);
    out_ += "</";
    out_ += name;
    out_ += ">\n";
  }

  void Indent(int n) { out_.append(static_cast<size_t>(n) * 2, ' '); }

  XmlWriteResult Take() { return {std::move(out_), replaced_}; }

 private:
  std::string out_;
  int replaced_ = 0;
};

// Day names in lowercase ("tuesday"), as the schema enumerates them.
void WriteOverride(const std::string& prefix, const CadenceOverride& o,
                   XmlOut* x) {
  if (o.weekday) {
    x->Attr(prefix + "-day", AsciiLower(WeekdayName(*o.weekday)));
  }
  if (o.start_minute) {
    x->Attr(prefix + "-time", FormatClockTime(*o.start_minute));
  }
  if (o.length_minutes) {
    x->Attr(prefix + "-minutes", std::to_string(*o.length_minutes));
  }
  if (o.interval_weeks) {
    x->Attr(prefix + "-weeks", std::to_string(*o.interval_weeks));
  }
}

void WriteUnits(const Organisation& org, XmlOut* x) {
  x->Raw("  <units>\n");
  for (const Unit& u : org.units) {
    x->Raw("    <unit");
    x->Attr("key", u.key);
    x->Attr("name", u.name);
    x->Attr("level", LevelName(u.level));
    x->Attr("parent", u.parent_key);
    x->Attr("lead", u.lead_email);
    WriteOverride("review", u.review, x);
    x->Raw("/>\n");
  }
  x->Raw("  </units>\n");
}

void WritePeople(const Organisation& org, XmlOut* x) {
  x->Raw("  <people>\n");
  for (const Person& p : org.people) {
    x->Raw("    <person");
    x->Attr("email", p.email);
    x->Attr("name", p.name);
    x->Attr("unit", p.unit_key);
    x->Attr("manager", p.manager_email);
    x->Attr("time-zone", p.time_zone);
    WriteOverride("one-on-one", p.one_on_one, x);
    x->Raw("/>\n");
  }
  x->Raw("  </people>\n");
}

void WriteCycles(const Organisation& org, XmlOut* x) {
  x->Raw("  <cycles>\n");
  for (const Cycle& c : org.cycles) {
    x->Raw("    <cycle");
    x->Attr("name", c.name);
    x->Attr("start", c.start.ToString());
    x->Attr("end", c.end.ToString());
    x->Attr("planning-days", std::to_string(c.planning_days));
    x->Attr("retrospective-days", std::to_string(c.retrospective_days));
    x->Raw("/>\n");
  }
  x->Raw("  </cycles>\n");
}

void WriteLink(std::string_view element, const LinkTarget& t, XmlOut* x) {
  x->Raw("      <");
  x->Raw(element);
  x->Attr("kind", TargetKindName(t.kind));
  x->Attr("key", t.key);
  x->Raw("/>\n");
}

void WriteKeyResult(const KeyResult& k, XmlOut* x) {
  x->Raw("      <key-result");
  x->Attr("key", k.key);
  x->Attr("kind", KrKindName(k.kind));
  x->Attr("owner", k.owner_email);
  x->Attr("start", k.start);
  x->Attr("target", k.target);
  x->Attr("current", k.current);
  x->Attr("unit", k.unit);
  x->Attr("weight", k.weight);
  if (k.due) x->Attr("due", k.due->ToString());
  x->Raw(">\n");
  x->TextElement(4, "title", k.title);
  x->Raw("      </key-result>\n");
}

void WriteObjective(const Organisation& org, const Objective& o, XmlOut* x) {
  x->Raw("    <objective");
  x->Attr("key", o.key);
  x->Attr("cycle", o.cycle);
  x->Attr("level", LevelName(o.level));
  x->Attr("unit", o.unit_key);
  x->Attr("owner", o.owner_email);
  x->Attr("committed", o.committed ? "true" : "false");
  if (o.score_override) x->Attr("score", *o.score_override);
  x->Raw(">\n");
  x->TextElement(3, "title", o.title);
  x->TextElement(3, "description", o.description);
  x->TextElement(3, "score-reason", o.score_reason);
  if (o.parent) WriteLink("parent", *o.parent, x);
  for (const LinkTarget& t : o.supports) WriteLink("supports", t, x);
  for (const KeyResult& k : org.key_results) {
    if (k.objective_key == o.key) WriteKeyResult(k, x);
  }
  x->Raw("    </objective>\n");
}

void WriteCheckIn(const CheckIn& c, XmlOut* x) {
  x->Raw("    <check-in");
  x->Attr("target-kind", TargetKindName(c.target_kind));
  x->Attr("target", c.target_key);
  x->Attr("at", FormatUtcTimestamp(c.at));
  x->Attr("author", c.author_email);
  if (c.value) x->Attr("value", *c.value);
  if (c.confidence) x->Attr("confidence", *c.confidence);
  x->Attr("source", c.source);
  const bool empty = c.status.empty() && c.learned.empty() &&
                     c.next_steps.empty() && c.challenges.empty();
  if (empty) {
    x->Raw("/>\n");
    return;
  }
  x->Raw(">\n");
  x->TextElement(3, "status", c.status);
  x->TextElement(3, "learned", c.learned);
  x->TextElement(3, "next", c.next_steps);
  x->TextElement(3, "challenges", c.challenges);
  x->Raw("    </check-in>\n");
}

}  // namespace

XmlWriteResult WriteOrganisationXml(const Organisation& org,
                                    const std::string& cycle) {
  XmlOut x;
  x.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<okrd xmlns=\"");
  x.Raw(kOkrdXmlNamespace);
  x.Raw("\" version=\"1\">\n");
  WriteUnits(org, &x);
  WritePeople(org, &x);
  WriteCycles(org, &x);
  x.Raw("  <objectives>\n");
  std::set<std::string> objectives, krs;
  for (const Objective& o : org.objectives) {
    if (!cycle.empty() && o.cycle != cycle) continue;
    WriteObjective(org, o, &x);
    objectives.insert(o.key);
  }
  for (const KeyResult& k : org.key_results) {
    if (objectives.count(k.objective_key)) krs.insert(k.key);
  }
  x.Raw("  </objectives>\n  <check-ins>\n");
  for (const CheckIn& c : org.check_ins) {
    const auto& keys = c.target_kind == TargetKind::kKeyResult ? krs : objectives;
    if (keys.count(c.target_key)) WriteCheckIn(c, &x);
  }
  x.Raw("  </check-ins>\n</okrd>\n");
  return x.Take();
}

}  // namespace okr
