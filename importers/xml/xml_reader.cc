// Copyright 2026 The okrd Authors.
//
// ReadOrganisationXml: pugixml DOM over a size-capped input, then a strict
// walk that knows every element and attribute of the schema.

#include <charconv>
#include <cstdio>
#include <cmath>
#include <initializer_list>
#include <vector>

#include <pugixml.hpp>

#include "core/model/meeting_time.h"
#include "importers/csv/text_decoder.h"
#include "importers/deadline.h"
#include "importers/xml/xml_format.h"

namespace okr {
namespace {

constexpr size_t kMaxErrors = 50;

int64_t LineAtOffset(std::string_view bytes, size_t offset) {
  const size_t end = std::min(offset, bytes.size());
  int64_t line = 1;
  for (size_t i = 0; i < end; ++i) line += bytes[i] == '\n';
  return line;
}

// Invalid UTF-8 and NUL are errors, never silently cut.
Status CheckText(std::string_view bytes, const std::string& file) {
  const size_t valid = ValidUtf8Prefix(bytes);
  const size_t nul = bytes.find('\0');
  if (valid == bytes.size() && nul == std::string_view::npos) {
    return Status::Ok();
  }
  const bool is_nul = nul < valid;
  const size_t at = is_nul ? nul : valid;
  return InvalidArgument(file + ":" + std::to_string(LineAtOffset(bytes, at)) +
                         ": " + (is_nul ? "NUL character" : "invalid UTF-8"));
}

class Walker {
 public:
  Walker(std::string_view bytes, std::string file)
      : bytes_(bytes), file_(std::move(file)) {}

  Status Finish() const {
    if (errors_.empty()) return Status::Ok();
    std::string all;
    for (const std::string& e : errors_) all += (all.empty() ? "" : "\n") + e;
    if (dropped_ > 0) {
      all += "\n" + file_ + ": " + std::to_string(dropped_) + " more errors";
    }
    return InvalidArgument(all);
  }

  void Error(const pugi::xml_node& at, const std::string& message) {
    if (errors_.size() >= kMaxErrors) {
      ++dropped_;
      return;
    }
    errors_.push_back(file_ + ":" + std::to_string(LineOf(at)) + ": " + message);
  }

  // Complains about attributes and child elements not in the lists, and
  // about text unless `text_allowed`.
  void Only(const pugi::xml_node& node,
            std::initializer_list<std::string_view> attributes,
            std::initializer_list<std::string_view> children,
            bool text_allowed = false) {
    for (const pugi::xml_attribute& a : node.attributes()) {
      if (!Contains(attributes, a.name())) {
        Error(node, "<" + std::string(node.name()) + "> has no attribute \"" +
                        a.name() + "\"");
      }
    }
    for (const pugi::xml_node& c : node.children()) {
      if (c.type() == pugi::node_element && !Contains(children, c.name())) {
        Error(c, "unexpected element <" + std::string(c.name()) + "> in <" +
                     node.name() + ">");
      } else if (c.type() == pugi::node_pcdata && !text_allowed &&
                 !IsBlank(c.value())) {
        Error(c, "unexpected text in <" + std::string(node.name()) + ">");
      }
    }
  }

  std::string Text(const pugi::xml_node& node, const char* child) {
    return Checked(node, child, node.child(child).text().get());
  }

  std::string Attr(const pugi::xml_node& node, const char* name,
                   bool required = false) {
    pugi::xml_attribute a = node.attribute(name);
    if (!a && required) {
      Error(node, "<" + std::string(node.name()) + "> needs the attribute \"" +
                      name + "\"");
    }
    return Checked(node, name, a.value());
  }

  // Control characters other than TAB, LF and CR (which XML 1.0 forbids,
  // though a character reference like "&#8;" gets them past pugixml) and
  // DEL are errors: the writer could not give them back.
  // A character reference to no Unicode character ("&#1044444;",
  // "&#xD800;") decodes to invalid UTF-8: also an error.
  std::string Checked(const pugi::xml_node& node, const char* what,
                      std::string value) {
    if (ValidUtf8Prefix(value) != value.size()) {
      Error(node, "invalid character reference in " + std::string(what) +
                      " of <" + node.name() + ">");
      return value;
    }
    for (const char ch : value) {
      const unsigned char c = static_cast<unsigned char>(ch);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", c);
        Error(node, "control character " + std::string(code) + " in " + what +
                        " of <" + node.name() + ">");
        break;
      }
    }
    return value;
  }

  std::optional<double> Number(const pugi::xml_node& node, const char* name) {
    const std::string text = Attr(node, name);
    if (text.empty()) return std::nullopt;
    double v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() ||
        !std::isfinite(v)) {
      Error(node, std::string(name) + " \"" + text + "\" is not a number");
      return std::nullopt;
    }
    return v;
  }

  int Integer(const pugi::xml_node& node, const char* name, int fallback) {
    const std::optional<double> v = Number(node, name);
    if (!v) return fallback;
    if (*v != std::floor(*v) || *v < 0 || *v > 3660) {
      Error(node, std::string(name) + " must be a whole number of days");
      return fallback;
    }
    return static_cast<int>(*v);
  }

  std::optional<Date> DateAttr(const pugi::xml_node& node, const char* name,
                               bool required) {
    const std::string text = Attr(node, name, required);
    if (text.empty()) return std::nullopt;
    Result<Date> d = ParseIsoDate(text);
    if (!d.ok()) {
      Error(node, std::string(name) + ": " + d.status().message());
      return std::nullopt;
    }
    return *d;
  }

  template <typename T>
  T Enum(const pugi::xml_node& node, const char* name,
         std::optional<T> (*parse)(std::string_view), T fallback) {
    const std::string text = Attr(node, name);
    if (text.empty()) return fallback;
    std::optional<T> v = parse(text);
    if (!v) Error(node, std::string(name) + " \"" + text + "\" is not known");
    return v.value_or(fallback);
  }

 private:
  static bool Contains(std::initializer_list<std::string_view> list,
                       std::string_view name) {
    for (std::string_view s : list) {
      if (s == name) return true;
    }
    return false;
  }
  static bool IsBlank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
  }
  int64_t LineOf(const pugi::xml_node& node) const {
    const ptrdiff_t offset = node.offset_debug();
    return offset < 0 ? 0 : LineAtOffset(bytes_, static_cast<size_t>(offset));
  }

  std::string_view bytes_;
  std::string file_;
  std::vector<std::string> errors_;
  size_t dropped_ = 0;
};

std::optional<bool> ParseBool(std::string_view s) {
  if (s == "true" || s == "1") return true;
  if (s == "false" || s == "0") return false;
  return std::nullopt;
}

// The override in the attributes "<prefix>-day", "-time", "-minutes" and
// "-weeks" (core/model/meeting_time.h gives the words and ranges).
CadenceOverride ReadOverride(const pugi::xml_node& n, const std::string& prefix,
                             Walker* w) {
  CadenceOverride o;
  auto word = [&](const std::string& name,
                  std::optional<int> (*parse)(std::string_view),
                  const char* what) {
    const std::string text = w->Attr(n, name.c_str());
    if (text.empty()) return std::optional<int>();
    std::optional<int> v = parse(text);
    if (!v) w->Error(n, name + " \"" + text + "\" is not " + what);
    return v;
  };
  o.weekday = word(prefix + "-day", ParseWeekdayName, "a day of the week");
  o.start_minute = word(prefix + "-time", ParseClockTime, "a time HH:MM");
  auto whole = [&](const std::string& name, int lo, int hi) {
    std::optional<double> v = w->Number(n, name.c_str());
    if (!v) return std::optional<int>();
    if (*v != std::floor(*v) || *v < lo || *v > hi) {
      w->Error(n, name + " must be a whole number from " + std::to_string(lo) +
                      " to " + std::to_string(hi));
      return std::optional<int>();
    }
    return std::optional<int>(static_cast<int>(*v));
  };
  o.length_minutes =
      whole(prefix + "-minutes", kMinMeetingMinutes, kMaxMeetingMinutes);
  o.interval_weeks =
      whole(prefix + "-weeks", kMinIntervalWeeks, kMaxIntervalWeeks);
  return o;
}

void ReadUnits(const pugi::xml_node& list, Walker* w, Organisation* org) {
  w->Only(list, {}, {"unit"});
  for (const pugi::xml_node& n : list.children("unit")) {
    w->Only(n, {"key", "name", "level", "parent", "lead", "review-day",
                "review-time", "review-minutes", "review-weeks"},
            {});
    org->units.push_back({.key = w->Attr(n, "key", true),
                          .name = w->Attr(n, "name", true),
                          .parent_key = w->Attr(n, "parent"),
                          .level = w->Enum(n, "level", ParseLevel, Level::kTeam),
                          .lead_email = w->Attr(n, "lead"),
                          .review = ReadOverride(n, "review", w)});
  }
}

void ReadPeople(const pugi::xml_node& list, Walker* w, Organisation* org) {
  w->Only(list, {}, {"person"});
  for (const pugi::xml_node& n : list.children("person")) {
    w->Only(n, {"email", "name", "unit", "manager", "time-zone",
                "one-on-one-day", "one-on-one-time", "one-on-one-minutes",
                "one-on-one-weeks"},
            {});
    org->people.push_back({.email = w->Attr(n, "email", true),
                           .name = w->Attr(n, "name"),
                           .unit_key = w->Attr(n, "unit"),
                           .manager_email = w->Attr(n, "manager"),
                           .time_zone = w->Attr(n, "time-zone"),
                           .one_on_one = ReadOverride(n, "one-on-one", w)});
  }
}

void ReadCycles(const pugi::xml_node& list, Walker* w, Organisation* org) {
  w->Only(list, {}, {"cycle"});
  for (const pugi::xml_node& n : list.children("cycle")) {
    w->Only(n, {"name", "start", "end", "planning-days", "retrospective-days"},
            {});
    Cycle c{.name = w->Attr(n, "name", true)};
    c.start = w->DateAttr(n, "start", true).value_or(Date{});
    c.end = w->DateAttr(n, "end", true).value_or(Date{});
    c.planning_days = w->Integer(n, "planning-days", c.planning_days);
    c.retrospective_days =
        w->Integer(n, "retrospective-days", c.retrospective_days);
    org->cycles.push_back(c);
  }
}

LinkTarget ReadLink(const pugi::xml_node& n, Walker* w) {
  w->Only(n, {"kind", "key"}, {});
  return {w->Enum(n, "kind", ParseTargetKind, TargetKind::kObjective),
          w->Attr(n, "key", true)};
}

void ReadKeyResult(const pugi::xml_node& n, const std::string& objective,
                   Walker* w, Organisation* org) {
  w->Only(n, {"key", "kind", "owner", "start", "target", "current", "unit",
              "weight", "due"},
          {"title"});
  KeyResult k{.key = w->Attr(n, "key", true), .objective_key = objective,
              .title = w->Text(n, "title"), .owner_email = w->Attr(n, "owner"),
              .kind = w->Enum(n, "kind", ParseKrKind, KrKind::kIncrease)};
  k.start = w->Number(n, "start").value_or(0);
  k.target = w->Number(n, "target").value_or(0);
  k.current = w->Number(n, "current").value_or(k.start);
  k.unit = w->Attr(n, "unit");
  k.weight = w->Number(n, "weight").value_or(1);
  k.due = w->DateAttr(n, "due", false);
  org->key_results.push_back(std::move(k));
}

void ReadObjective(const pugi::xml_node& n, Walker* w, Organisation* org) {
  w->Only(n, {"key", "cycle", "level", "unit", "owner", "committed", "score"},
          {"title", "description", "score-reason", "parent", "supports",
           "key-result"});
  Objective o{.key = w->Attr(n, "key", true), .title = w->Text(n, "title"),
              .description = w->Text(n, "description"),
              .level = w->Enum(n, "level", ParseLevel, Level::kTeam),
              .unit_key = w->Attr(n, "unit"), .owner_email = w->Attr(n, "owner"),
              .cycle = w->Attr(n, "cycle", true),
              .committed = w->Enum(n, "committed", ParseBool, true),
              .score_override = w->Number(n, "score"),
              .score_reason = w->Text(n, "score-reason")};
  if (pugi::xml_node p = n.child("parent")) o.parent = ReadLink(p, w);
  for (const pugi::xml_node& s : n.children("supports")) {
    o.supports.push_back(ReadLink(s, w));
  }
  for (const char* name : {"title", "description", "score-reason"}) {
    if (pugi::xml_node t = n.child(name)) w->Only(t, {}, {}, true);
  }
  for (const pugi::xml_node& k : n.children("key-result")) {
    ReadKeyResult(k, o.key, w, org);
  }
  org->objectives.push_back(std::move(o));
}

void ReadCheckIns(const pugi::xml_node& list, Walker* w, Organisation* org) {
  w->Only(list, {}, {"check-in"});
  for (const pugi::xml_node& n : list.children("check-in")) {
    w->Only(n, {"target-kind", "target", "at", "author", "value", "confidence",
                "source"},
            {"status", "learned", "next", "challenges"});
    CheckIn c{.target_kind = w->Enum(n, "target-kind", ParseTargetKind,
                                     TargetKind::kKeyResult),
              .target_key = w->Attr(n, "target", true),
              .author_email = w->Attr(n, "author"),
              .value = w->Number(n, "value"),
              .confidence = w->Number(n, "confidence"),
              .status = w->Text(n, "status"),
              .learned = w->Text(n, "learned"),
              .next_steps = w->Text(n, "next"),
              .challenges = w->Text(n, "challenges"),
              .source = w->Attr(n, "source")};
    if (c.source.empty()) c.source = "import";
    const std::string at = w->Attr(n, "at", true);
    Result<UnixSeconds> t = ParseUtcTimestamp(at);
    if (!at.empty() && !t.ok()) w->Error(n, "at: " + t.status().message());
    c.at = t.ok() ? *t : 0;
    org->check_ins.push_back(std::move(c));
  }
}

// Depth of the deepest element, iteratively (no recursion on input).
int64_t MaxDepth(const pugi::xml_node& root) {
  int64_t depth = 0, max_depth = 0;
  pugi::xml_node n = root;
  while (n) {
    max_depth = std::max(max_depth, depth);
    if (n.first_child()) {
      n = n.first_child();
      ++depth;
      continue;
    }
    while (n && !n.next_sibling() && n != root) {
      n = n.parent();
      --depth;
    }
    if (!n || n == root) break;
    n = n.next_sibling();
  }
  return max_depth;
}

Status CheckDocument(const pugi::xml_document& doc, const std::string& file,
                     const Limits& limits) {
  for (const pugi::xml_node& n : doc.children()) {
    if (n.type() == pugi::node_doctype) {
      return InvalidArgument(file + ": DOCTYPE declarations are not accepted");
    }
  }
  if (MaxDepth(doc) > limits.max_xml_depth) {
    return ResourceExhausted(file + ": nesting deeper than max_xml_depth (" +
                             std::to_string(limits.max_xml_depth) + ")");
  }
  pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()) != "okrd" ||
      std::string_view(root.attribute("xmlns").value()) != kOkrdXmlNamespace) {
    return InvalidArgument(file + ": not an okrd document (expected <okrd xmlns=\"" +
                           kOkrdXmlNamespace + "\">)");
  }
  if (std::string_view(root.attribute("version").value()) != "1") {
    return InvalidArgument(file + ": unsupported okrd XML version \"" +
                           root.attribute("version").value() + "\"");
  }
  return Status::Ok();
}

}  // namespace

bool LooksLikeOrganisationXml(std::string_view bytes) {
  return bytes.substr(0, 4096).find(kOkrdXmlNamespace) != std::string_view::npos;
}

Result<Organisation> ReadOrganisationXml(std::string_view bytes,
                                         const std::string& file_name,
                                         const Limits& limits) {
  if (static_cast<int64_t>(bytes.size()) > limits.max_input_bytes) {
    return ResourceExhausted(file_name + ": larger than max_input_bytes (" +
                             std::to_string(limits.max_input_bytes) + ")");
  }
  const ImportDeadline deadline(limits);
  auto check_deadline = [&]() -> Status {
    if (!deadline.Passed()) return Status::Ok();
    return ResourceExhausted(file_name + ": " + deadline.Message());
  };
  OKR_RETURN_IF_ERROR(CheckText(bytes, file_name));
  OKR_RETURN_IF_ERROR(check_deadline());
  pugi::xml_document doc;
  const unsigned flags = pugi::parse_default | pugi::parse_doctype |
                         pugi::parse_ws_pcdata_single;
  pugi::xml_parse_result parsed = doc.load_buffer(
      bytes.data(), bytes.size(), flags, pugi::encoding_utf8);
  if (!parsed) {
    return InvalidArgument(
        file_name + ":" +
        std::to_string(LineAtOffset(bytes, static_cast<size_t>(parsed.offset))) +
        ": " + parsed.description());
  }
  OKR_RETURN_IF_ERROR(CheckDocument(doc, file_name, limits));
  OKR_RETURN_IF_ERROR(check_deadline());
  Walker w(bytes, file_name);
  Organisation org;
  pugi::xml_node root = doc.document_element();
  w.Only(root, {"xmlns", "version"},
         {"units", "people", "cycles", "objectives", "check-ins"});
  ReadUnits(root.child("units"), &w, &org);
  ReadPeople(root.child("people"), &w, &org);
  ReadCycles(root.child("cycles"), &w, &org);
  pugi::xml_node objectives = root.child("objectives");
  w.Only(objectives, {}, {"objective"});
  int64_t read = 0;
  for (const pugi::xml_node& n : objectives.children("objective")) {
    if ((++read & 1023) == 0) OKR_RETURN_IF_ERROR(check_deadline());
    ReadObjective(n, &w, &org);
  }
  OKR_RETURN_IF_ERROR(check_deadline());
  ReadCheckIns(root.child("check-ins"), &w, &org);
  OKR_RETURN_IF_ERROR(w.Finish());
  return org;
}

}  // namespace okr
