// Copyright 2026 The okrd Authors.

#include "core/web/html.h"

#include <cassert>
#include <cmath>
#include <cstdio>

#include "core/web/text.h"

namespace okr::web {
namespace {

// Characters HTML parsers report as errors in text: controls other than
// whitespace, C1 controls and noncharacters.
bool IsDisallowed(char32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp >= 0x7F && cp <= 0x9F) return true;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
  return (cp & 0xFFFE) == 0xFFFE;
}

void AppendAscii(char c, std::string* out) {
  switch (c) {
    case '&': *out += "&amp;"; break;
    case '<': *out += "&lt;"; break;
    case '>': *out += "&gt;"; break;
    case '"': *out += "&quot;"; break;
    case '\'': *out += "&#39;"; break;
    default: *out += c;
  }
}

}  // namespace

void AppendEscapedHtml(std::string_view text, std::string* out) {
  out->reserve(out->size() + text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = 1;
    const char32_t cp = DecodeUtf8(text, pos, &length);
    if (IsDisallowed(cp) || (cp == kReplacementChar && length == 1)) {
      AppendUtf8(kReplacementChar, out);
    } else if (cp < 0x80) {
      AppendAscii(static_cast<char>(cp), out);
    } else {
      out->append(text.substr(pos, length));  // Valid: copy the bytes.
    }
    pos += length;
  }
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  AppendEscapedHtml(text, &out);
  return out;
}

Html& Html::Raw(Markup markup) {
  out_ += markup.view();
  return *this;
}

Html& Html::Text(std::string_view text) {
  AppendEscapedHtml(text, &out_);
  return *this;
}

Html& Html::Attr(Markup name, std::string_view value) {
  out_ += ' ';
  out_ += name.view();
  out_ += "=\"";
  AppendEscapedHtml(value, &out_);
  out_ += '"';
  return *this;
}

Html& Html::Number(double value, int decimals) {
  if (!std::isfinite(value)) value = 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string text = buf;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  out_ += text;
  return *this;
}

Html& Html::Int(int64_t value) {
  out_ += std::to_string(value);
  return *this;
}

Html& Html::Link(std::string_view href, std::string_view text) {
  assert(!href.empty() && (href.front() == '/' || href.front() == '#') &&
         !href.starts_with("//"));
  Raw("<a").Attr("href", href).Raw(">").Text(text).Raw("</a>");
  return *this;
}

Html& Html::Append(const Html& other) {
  out_ += other.out_;
  return *this;
}

}  // namespace okr::web
