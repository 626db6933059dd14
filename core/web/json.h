// Copyright 2026 The okrd Authors.
//
// JsonWriter: a small streaming JSON encoder for the API. Strings are always
// valid UTF-8 JSON: " and \ are escaped, control characters become \n, \t,
// ... or \u00XX, U+2028 and U+2029 become \u2028 and \u2029 (so the output
// is also safe as JavaScript), invalid UTF-8 becomes U+FFFD. Non-finite
// numbers are written as null.
//
// Nesting is the caller's job: Begin/End calls must pair and every object
// member needs Key() first (asserted). Thread-compatible.

#ifndef OKR_CORE_WEB_JSON_H_
#define OKR_CORE_WEB_JSON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okr::web {

// Appends `text` as a quoted JSON string.
void AppendJsonString(std::string_view text, std::string* out);

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Number(double value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Null when empty.
  JsonWriter& OptionalNumber(std::optional<double> value);
  // Null when empty.
  JsonWriter& OptionalString(std::string_view value);

  // The document; all containers must be closed.
  std::string Take() &&;

 private:
  void BeforeValue();

  std::string out_;
  // One entry per open container: true while it has no element yet.
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace okr::web

#endif  // OKR_CORE_WEB_JSON_H_
