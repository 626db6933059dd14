// Copyright 2026 The okrd Authors.

#include "core/web/html.h"

#include <catch2/catch.hpp>
#include <string>

namespace okr::web {
namespace {

TEST_CASE("EscapeHtml escapes every character that can change markup",
          "[web][html]") {
  CHECK(EscapeHtml("&") == "&amp;");
  CHECK(EscapeHtml("<") == "&lt;");
  CHECK(EscapeHtml(">") == "&gt;");
  CHECK(EscapeHtml("\"") == "&quot;");
  CHECK(EscapeHtml("'") == "&#39;");
  CHECK(EscapeHtml("<script>alert(1)</script>") ==
        "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(EscapeHtml("\"><img src=x onerror=alert(1)>") ==
        "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  CHECK(EscapeHtml("a & b's \"c\"") == "a &amp; b&#39;s &quot;c&quot;");
  CHECK(EscapeHtml("&amp;") == "&amp;amp;");  // Never double-decoded.
}

TEST_CASE("EscapeHtml keeps valid UTF-8 and whitespace", "[web][html]") {
  CHECK(EscapeHtml("Bo Ørsted — 東京 🚀") == "Bo Ørsted — 東京 🚀");
  CHECK(EscapeHtml("a\tb\nc\rd") == "a\tb\nc\rd");
  CHECK(EscapeHtml("") == "");
}

TEST_CASE("EscapeHtml replaces bytes HTML parsers reject", "[web][html]") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(EscapeHtml(std::string("a\0b", 3)) == "a" + fffd + "b");
  CHECK(EscapeHtml("\x01\x1b\x7f") == fffd + fffd + fffd);
  CHECK(EscapeHtml("\xC2\x85") == fffd);          // C1 control NEL.
  CHECK(EscapeHtml("\xEF\xBF\xBF") == fffd);      // U+FFFF noncharacter.
  CHECK(EscapeHtml("\xff\xfe") == fffd + fffd);   // Invalid bytes.
  CHECK(EscapeHtml("\xC0\xBC") == fffd + fffd);   // Overlong '<'.
  CHECK(EscapeHtml("\xED\xA0\x80") == fffd + fffd + fffd);  // Surrogate.
  CHECK(EscapeHtml("\xE2\x82") == fffd + fffd);   // Truncated.
}

TEST_CASE("Html builder escapes text and attribute values", "[web][html]") {
  Html h;
  h.Raw("<p").Attr("title", "x\" onmouseover=\"alert(1)").Raw(">")
      .Text("<b>hi</b>").Raw("</p>");
  CHECK(h.str() ==
        "<p title=\"x&quot; onmouseover=&quot;alert(1)\">&lt;b&gt;hi&lt;/b&gt;"
        "</p>");
  Html single;
  single.Raw("<a title='").Text("' onclick='x").Raw("'>");
  CHECK(single.str() == "<a title='&#39; onclick=&#39;x'>");
}

TEST_CASE("Html builder numbers, links and fragments", "[web][html]") {
  Html h;
  h.Number(42.5).Raw(" ").Number(3.0).Raw(" ").Number(-0.001).Raw(" ")
      .Int(-7);
  CHECK(h.str() == "42.5 3 0 -7");
  Html link;
  link.Link("/objectives/a%22b", "<T>");
  CHECK(link.str() == "<a href=\"/objectives/a%22b\">&lt;T&gt;</a>");
  Html outer;
  outer.Raw("<div>").Append(link).Raw("</div>");
  CHECK(outer.str() == "<div>" + link.str() + "</div>");
}

}  // namespace
}  // namespace okr::web
