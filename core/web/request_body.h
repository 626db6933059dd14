// Copyright 2026 The okrd Authors.
//
// Strict parsers for the bodies of write requests: a flat JSON object (the
// check-in API) and application/x-www-form-urlencoded forms. Both are
// iterative, allocate only for their result and never use CivetWeb's form
// handling (Debian's 1.15 loops forever on a NUL byte in a form body).
// Errors are InvalidArgument with a short message saying where and what;
// the message never echoes request bytes. Pure; thread-safe.

#ifndef OKR_CORE_WEB_REQUEST_BODY_H_
#define OKR_CORE_WEB_REQUEST_BODY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/result.h"

namespace okr::web {

struct JsonScalar {
  enum class Type { kString, kNumber, kBool, kNull };
  Type type = Type::kNull;
  std::string text;  // kString: the decoded string.
  double number = 0; // kNumber.
  bool boolean = false;
};

// Members in document order.
using FlatJsonObject = std::vector<std::pair<std::string, JsonScalar>>;

// Parses one JSON object (RFC 8259) whose member values are strings,
// numbers, true, false or null; nested objects and arrays are refused, as
// are duplicate names, numbers outside double's range, "\u0000", unpaired
// surrogates, raw control characters in strings and anything after the
// object but white space. At most `max_members` members.
Result<FlatJsonObject> ParseFlatJsonObject(std::string_view text,
                                           size_t max_members = 64);

// Fields in body order, names and values percent-decoded ('+' is a space).
using FormFields = std::vector<std::pair<std::string, std::string>>;

// Parses an application/x-www-form-urlencoded body: the one form parser
// (login and logout forms, check-ins, web imports; CivetWeb's
// mg_handle_form_request is never used: Debian's 1.15 loops forever on a
// NUL byte). Refuses a malformed escape ("%zz", "%4"), a raw byte below
// 0x20 or 0x7F, a decoded NUL byte or control character other than tab,
// CR and LF, and more than `max_fields` fields. Empty pieces ("a=1&&b=2")
// are skipped.
Result<FormFields> ParseFormUrlEncoded(std::string_view body,
                                       size_t max_fields = 2000);

// The value of the first field named `name`, or nullptr.
const std::string* FindFormField(const FormFields& fields,
                                 std::string_view name);

// The media type of a Content-Type value, lower-cased and without
// parameters: "Application/JSON; charset=utf-8" -> "application/json".
std::string MediaType(std::string_view content_type);

}  // namespace okr::web

#endif  // OKR_CORE_WEB_REQUEST_BODY_H_
