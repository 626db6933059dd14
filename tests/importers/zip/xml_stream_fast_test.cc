// Copyright 2026 The okrd Authors.
//
// XmlStream's fast path (XmlFastScanner) against plain expat: for each
// document, fed whole and in chunks of many sizes, the handler must see the
// same calls (text joined) and the parse end with the same Status, message
// included (line and column of malformed XML too). Documents cover the
// scanner's subset and every way out of it.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "importers/zip/xml_fast_scanner.h"
#include "importers/zip/xml_stream.h"

namespace okr {
namespace {

// Records every call as a line; text is joined up to the next tag, so a
// different split logs the same. Where() tells how many tags were seen, so
// an error message also says how far the parse got.
class LogHandler : public XmlHandler {
 public:
  // `fast_inside`: the local name of the element whose content may take
  // the fast path; "*" for every element below the root.
  explicit LogHandler(std::string fast_inside)
      : fast_inside_(std::move(fast_inside)) {}

  Status StartElement(const XmlName& name, const XmlAttrs& attrs) override {
    FlushText();
    ++depth_;
    ++tags_;
    log_ += "<" + std::to_string(static_cast<int>(name.ns)) + ":" +
            std::string(name.local);
    for (const XmlAttr& attr : attrs.all()) {
      log_ += " " + std::to_string(static_cast<int>(attr.ns)) + ":" +
              std::string(attr.local) + "=[" + std::string(attr.value) + "]";
    }
    log_ += ">\n";
    last_start_ = std::string(name.local);
    if (name.local == "boom") return InvalidArgument(Where() + ": boom");
    return Status::Ok();
  }
  Status EndElement(const XmlName& name) override {
    FlushText();
    --depth_;
    ++tags_;
    log_ += "</" + std::string(name.local) + ">\n";
    return Status::Ok();
  }
  Status Text(std::string_view text) override {
    text_ += text;
    return Status::Ok();
  }
  std::string Where() const override {
    return "tag " + std::to_string(tags_);
  }
  bool WantsFastContent() const override {
    return fast_inside_ == "*" ? depth_ >= 2 : last_start_ == fast_inside_;
  }

  const std::string& log() {
    FlushText();
    return log_;
  }

 private:
  void FlushText() {
    if (!text_.empty()) log_ += "T[" + text_ + "]\n";
    text_.clear();
  }

  std::string fast_inside_;
  std::string log_;
  std::string text_;
  std::string last_start_;
  int depth_ = 0;
  int64_t tags_ = 0;
};

struct Run {
  std::string log;
  std::string status;
  int fast_entries = 0;
};

Run Parse(std::string_view xml, bool fast, size_t chunk,
          const std::string& fast_inside, int64_t max_depth = 64) {
  LogHandler handler(fast_inside);
  XmlStream stream("part.xml", &handler, max_depth);
  if (!fast) stream.DisableFastPath();
  Status status;
  for (size_t at = 0; at < xml.size() && status.ok(); at += chunk) {
    status = stream.Feed(xml.substr(at, chunk));
  }
  if (status.ok()) status = stream.Finish();
  return Run{handler.log(),
             status.ok() ? "OK" : status.ToString(),
             stream.fast_path_entries()};
}

std::string WithoutLastText(std::string log) {
  const size_t last_line = log.rfind('\n', log.size() - 2);
  if (log.size() > 2 && last_line != std::string::npos &&
      log.compare(last_line + 1, 2, "T[") == 0) {
    log.resize(last_line + 1);
  }
  return log;
}

// Compares fast and plain parses of `xml` for many chunk sizes; returns the
// most fast-path entries seen, so callers can check the path was taken.
int ExpectSameAsExpat(const std::string& xml, int64_t max_depth = 64) {
  int most_entries = 0;
  for (const char* inside : {"data", "*"}) {
    const Run plain = Parse(xml, false, xml.size() + 1, inside, max_depth);
    for (size_t chunk : {xml.size() + 1, size_t{1}, size_t{2}, size_t{3},
                         size_t{5}, size_t{8}, size_t{13}, size_t{64},
                         size_t{4096}}) {
      const Run fast = Parse(xml, true, chunk, inside, max_depth);
      INFO("document: " << xml.substr(0, 300) << "\nchunk " << chunk
                        << ", fast inside " << inside);
      CHECK(fast.status == plain.status);
      if (plain.status == "OK") {
        CHECK(fast.log == plain.log);
      } else {  // Text right before the error may be reported or not.
        CHECK(WithoutLastText(fast.log) == WithoutLastText(plain.log));
      }
      most_entries = std::max(most_entries, fast.fast_entries);
    }
  }
  return most_entries;
}

std::string Doc(std::string_view body) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>)"
         "\n<root xmlns=\"urn:sml\" xmlns:p=\"urn:p\"><data>" +
         std::string(body) + "</data><tail a=\"1\"/></root>\n";
}

TEST_CASE("the fast path gives expat's calls for well-formed content",
          "[xml_stream][fast]") {
  const std::vector<std::string> bodies = {
      R"(<row r="1"><c r="A1" t="s"><v>1</v></c><c r='B1' s="2"/></row>)",
      "<row>\n  <c r=\"A1\"\tt=\"inlineStr\" ><is><t xml:space=\"preserve\">"
      " two  words </t></is></c >\n</row>",
      "<t>a &amp; b &lt;&gt; &quot;&apos; &#10;&#x1F600;&#65;&#0000066;</t>",
      "<t>caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 ]] ]> ] x</t>",
      "<t>tab\tand\nnewline</t><e/><e /><e\n/>",
      R"(<p:c p:r="A1" r="B2"><p:v>3</p:v></p:c>)",
      R"(<c a="x'y" b='x"y' c="]]>" d="&gt" e="caf)" "\xC3\xA9" R"("/>)",
      "<Na-m.e_9 _x=\"1\" x:y=\"2\" xmlns:x=\"urn:x\"/>",
      "text only",
      "",
  };
  int entries = 0;
  for (const std::string& body : bodies) {
    entries += ExpectSameAsExpat(Doc(body));
  }
  CHECK(entries >= static_cast<int>(bodies.size()));  // The path was taken.
}

TEST_CASE("the fast path hands off what it does not know, and comes back",
          "[xml_stream][fast]") {
  const std::vector<std::string> bodies = {
      "<row><!-- a comment --><c>1</c></row><row><c>2</c></row>",
      "<t><![CDATA[<not a tag> & ]]></t><t>after</t>",
      "<t><?pi data?></t>",
      "<t>caf\xC3\xA9</t><c xmlns=\"urn:other\"><v>1</v></c><c>2</c>",
      "<c xmlns:q=\"urn:q\"><q:v q:a=\"1\">x</q:v></c>",
      "<c r=\"a\tb\">tab in a value</c><c r=\"a\nb\"/><c r=\"a\rb\"/>",
      "<c r=\"&amp;\"/><c r=\"&#65;\"/>",
      "<t>cr\r\nlf</t><t>lone\rcr</t>",
      "<c\xC3\xA9l r=\"1\"/>",
      "<c r=\"1\" s=\"caf\xC3\xA9\xE2\x82\xAC\"/>",
      std::string("<t>") + std::string(70000, 'x') + "</t><c r=\"" +
          std::string(70000, 'y') + "\"/>",
  };
  int entries = 0;
  for (const std::string& body : bodies) {
    entries += ExpectSameAsExpat(Doc(body));
  }
  CHECK(entries > static_cast<int>(bodies.size()));  // Re-entered.
}

TEST_CASE("malformed content fails as with expat, same line and column",
          "[xml_stream][fast]") {
  const std::vector<std::string> bodies = {
      "<t>nul \x01 here</t>",
      std::string("<t>nul ") + '\0' + " here</t>",
      "<t>&#0;</t>", "<t>&#xD800;</t>", "<t>&#xFFFE;</t>", "<t>&#1114112;</t>",
      "<t>&#;</t>", "<t>&#x;</t>", "<t>&foo;</t>", "<t>&amp</t>",
      "<t>&#99999999999999999999;</t>", "<t>& amp;</t>",
      "<t>\xC3</t>", "<t>\xC3\x28</t>", "<t>\xED\xA0\x80</t>",
      "<t>\xEF\xBF\xBE</t>", "<t>\xEF\xBF\xBF</t>", "<t>\xF4\x90\x80\x80</t>",
      "<t>\xC0\x80</t>", "<t>\xE0\x80\x80</t>", "<t>\xF8\x88\x80\x80\x80</t>",
      "<t>\x7F</t>", "<t>a]]>b</t>",
      "<c r=\"A1\" r=\"A2\"/>", "<c r=\"A1\"s=\"2\"/>", "<c r=A1/>",
      "<c r=\"<\"/>", "<c r=\"\x01\"/>", "<c r=\"\xC3\x28\"/>", "<c r>",
      "<a></b>", "<a><b></a></b>", "</data><more/>", "< c/>", "</ c>",
      "<c/ >", "<c =\"1\"/>", "<q:c/>", "<c q:r=\"1\"/>", "<1c/>",
      "<boom a=\"1\"/>", "<row><boom/></row>",
      "\n\n  caf\xC3\xA9 caf\xC3\xA9 <c>\xC3\xA9\xC3\xA9 \x02</c>",
      "<row\n r=\"1\"\n>\xE2\x82\xAC<c\n/>\n\xE2\x82\xAC\xE2\x82\xAC<x></y>",
  };
  for (const std::string& body : bodies) ExpectSameAsExpat(Doc(body));
  // Long lines of multi-byte text before the error: counted in bulk.
  std::string long_lines;
  for (int i = 0; i < 300; ++i) {
    long_lines += "<t>caf\xC3\xA9 \xE2\x82\xAC\xF0\x9F\x98\x80" +
                  std::string(i % 7, 'x') + (i % 50 == 0 ? "\n" : "") +
                  "</t>";
  }
  ExpectSameAsExpat(Doc(long_lines + "<t>\x01</t>"));
  ExpectSameAsExpat(Doc(long_lines + "\n" + long_lines + "<a></b>"));
}

TEST_CASE("truncated documents fail as with expat", "[xml_stream][fast]") {
  const std::string full = Doc(
      "<row r=\"1\"><c r=\"A1\"><v>caf\xC3\xA9 &amp; &#10;</v></c></row>");
  for (size_t cut = full.find("<data>") + 6; cut < full.size(); ++cut) {
    ExpectSameAsExpat(full.substr(0, cut));
  }
}

TEST_CASE("depth limits hold on the fast path", "[xml_stream][fast]") {
  std::string nested;
  for (int i = 0; i < 40; ++i) nested += "<n>";
  for (int i = 0; i < 40; ++i) nested += "</n>";
  ExpectSameAsExpat(Doc(nested), /*max_depth=*/10);  // Too deep: an error.
  CHECK(ExpectSameAsExpat(Doc(nested), /*max_depth=*/100) > 0);  // Past 32.
}

TEST_CASE("the fast path stays off for input that may not be UTF-8",
          "[xml_stream][fast]") {
  // Latin-1: byte E9 is "é" there and invalid UTF-8.
  const std::string latin1 =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><root><data>"
      "<t>caf\xE9</t></data></root>";
  CHECK(Parse(latin1, true, 7, "data").fast_entries == 0);
  ExpectSameAsExpat(latin1);
  // UTF-16LE with a byte order mark.
  const std::string ascii = "<root><data><t>x</t></data></root>";
  std::string utf16 = "\xFF\xFE";
  for (char c : ascii) {
    utf16 += c;
    utf16 += '\0';
  }
  CHECK(Parse(utf16, true, 7, "data").fast_entries == 0);
  ExpectSameAsExpat(utf16);
  // A UTF-8 byte order mark is fine.
  CHECK(Parse("\xEF\xBB\xBF" + Doc("<t>x</t>"), true, 7, "data")
            .fast_entries == 1);
}

TEST_CASE("empty and top-level elements are left to expat",
          "[xml_stream][fast]") {
  CHECK(ExpectSameAsExpat("<root xmlns=\"urn:x\"><data/><data></data></root>"
                          "<!-- c -->\n") >= 0);
  CHECK(ExpectSameAsExpat("<root><data><t>1</t></data></root>junk") >= 0);
  CHECK(ExpectSameAsExpat("<root><data><t>1</t></data></root></root>") >= 0);
}

TEST_CASE("FastScanUtf8Length follows RFC 3629 without U+FFFE/U+FFFF",
          "[xml_stream][fast]") {
  CHECK(FastScanUtf8Length("\xC3\xA9") == 2);
  CHECK(FastScanUtf8Length("\xE2\x82\xAC") == 3);
  CHECK(FastScanUtf8Length("\xF0\x9F\x98\x80") == 4);
  CHECK(FastScanUtf8Length("\xF4\x8F\xBF\xBF") == 4);
  CHECK(FastScanUtf8Length("\xEF\xBF\xBD") == 3);
  CHECK(FastScanUtf8Length("\xC3") == -1);
  CHECK(FastScanUtf8Length("\xF0\x9F") == -1);
  for (std::string_view bad :
       {"\x80\x80", "\xC1\xBF", "\xC3\x28", "\xE0\x9F\xBF", "\xED\xA0\x80",
        "\xEF\xBF\xBE", "\xEF\xBF\xBF", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80",
        "\xF5\x80\x80\x80", "\xFF"}) {
    INFO("bytes " << bad.size());
    CHECK(FastScanUtf8Length(bad) == 0);
  }
}

}  // namespace
}  // namespace okr
