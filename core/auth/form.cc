// Copyright 2026 The okrd Authors.
//
// The bounded form parser of auth_internal.h. CivetWeb's
// mg_handle_form_request is never used: Debian's 1.15 loops forever on a
// NUL byte in a URL-encoded body.

#include "core/auth/auth_internal.h"

namespace okr {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool Allowed(unsigned char c, bool allow_line_breaks) {
  if (c >= 0x20 && c != 0x7F) return true;
  return allow_line_breaks && (c == '\n' || c == '\r' || c == '\t');
}

// Decodes one name or value; "" and false on a bad escape or byte.
bool Decode(std::string_view in, bool allow_line_breaks, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x20 || c == 0x7F) return false;  // Raw control bytes: never.
    if (c == '+') {
      c = ' ';
    } else if (c == '%') {
      if (i + 2 >= in.size()) return false;
      const int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      c = static_cast<unsigned char>(hi * 16 + lo);
      i += 2;
      if (!Allowed(c, allow_line_breaks)) return false;
    }
    out->push_back(static_cast<char>(c));
  }
  return true;
}

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> ParseFormBody(
    std::string_view body, bool allow_line_breaks, size_t max_fields) {
  std::vector<std::pair<std::string, std::string>> fields;
  size_t index = 0;
  while (!body.empty()) {
    const size_t amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? "" : body.substr(amp + 1);
    ++index;
    if (pair.empty()) continue;
    if (fields.size() == max_fields) {
      return InvalidArgument("the form has more than " +
                             std::to_string(max_fields) + " fields");
    }
    const size_t eq = pair.find('=');
    std::string name, value;
    if (!Decode(pair.substr(0, eq), false, &name)) {
      return InvalidArgument("form field " + std::to_string(index) +
                             ": malformed name");
    }
    if (eq != std::string_view::npos &&
        !Decode(pair.substr(eq + 1), allow_line_breaks, &value)) {
      return InvalidArgument("form field \"" + name.substr(0, 40) +
                             "\": malformed escape or control character");
    }
    fields.emplace_back(std::move(name), std::move(value));
  }
  return fields;
}

std::string FormValue(
    const std::vector<std::pair<std::string, std::string>>& fields,
    std::string_view name) {
  for (const auto& [n, v] : fields) {
    if (n == name) return v;
  }
  return "";
}

}  // namespace okr
