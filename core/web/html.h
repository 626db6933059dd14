// Copyright 2026 The okrd Authors.
//
// HTML output. EscapeHtml() is the one function that turns data into HTML
// text; every page writes through an Html builder, whose Text() and Attr()
// escape and whose Raw() accepts only markup fixed at compile time (a
// Markup can only be built from a constant expression), so text from the
// database cannot reach the page unescaped by accident.
//
// Thread-compatible values; the free functions are pure and thread-safe.

#ifndef OKR_CORE_WEB_HTML_H_
#define OKR_CORE_WEB_HTML_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace okr::web {

// Appends `text` to *out escaped for HTML text and for quoted attribute
// values (both quote styles): & < > " ' become &amp; &lt; &gt; &quot; &#39;.
// The output is always valid UTF-8 that HTML parsers accept without error:
// invalid UTF-8, NUL and other control characters (except tab, LF and CR),
// C1 controls and Unicode noncharacters become U+FFFD.
void AppendEscapedHtml(std::string_view text, std::string* out);
std::string EscapeHtml(std::string_view text);

// Markup written into the program. The constructor is consteval: only a
// constant expression (in practice a string literal) can become Markup.
class Markup {
 public:
  consteval Markup(const char* text)  // NOLINT: implicit on purpose.
      : text_(text) {}
  constexpr std::string_view view() const { return text_; }

 private:
  std::string_view text_;
};

// A growing HTML document or fragment.
class Html {
 public:
  // Literal markup: tags and fixed attributes.
  Html& Raw(Markup markup);
  // Escaped text.
  Html& Text(std::string_view text);
  // ` name="value"` with the value escaped.
  Html& Attr(Markup name, std::string_view value);
  // A number, which needs no escaping. Decimals: digits after the point,
  // trailing zeros dropped; non-finite values print as 0.
  Html& Number(double value, int decimals = 2);
  Html& Int(int64_t value);
  // <a href="href">text</a>; `href` must be a local URL ("/..." or "#...")
  // built by the caller with EncodePathSegment() for its data parts.
  Html& Link(std::string_view href, std::string_view text);
  // Another fragment built the same way.
  Html& Append(const Html& other);

  const std::string& str() const { return out_; }
  std::string Take() && { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace okr::web

#endif  // OKR_CORE_WEB_HTML_H_
