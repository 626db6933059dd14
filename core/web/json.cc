// Copyright 2026 The okrd Authors.

#include "core/web/json.h"

#include <cassert>
#include <charconv>
#include <cmath>

#include "core/web/text.h"

namespace okr::web {
namespace {

void AppendEscape(char32_t cp, std::string* out) {
  switch (cp) {
    case '"': *out += "\\\""; return;
    case '\\': *out += "\\\\"; return;
    case '\b': *out += "\\b"; return;
    case '\f': *out += "\\f"; return;
    case '\n': *out += "\\n"; return;
    case '\r': *out += "\\r"; return;
    case '\t': *out += "\\t"; return;
    default: break;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  *out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) *out += kHex[(cp >> shift) & 0xF];
}

bool NeedsEscape(char32_t cp) {
  return cp < 0x20 || cp == '"' || cp == '\\' || cp == 0x7F ||
         cp == 0x2028 || cp == 0x2029;
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  *out += '"';
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = 1;
    const char32_t cp = DecodeUtf8(text, pos, &length);
    if (NeedsEscape(cp)) {
      AppendEscape(cp, out);
    } else if (cp == kReplacementChar && length == 1) {
      AppendUtf8(kReplacementChar, out);  // An invalid byte.
    } else {
      out->append(text.substr(pos, length));
    }
    pos += length;
  }
  *out += '"';
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) {
    assert(out_.empty() && "one top-level value");
    return;
  }
  if (!first_.back()) out_ += ',';
  first_.back() = false;
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_ += '{';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  assert(!first_.empty() && !after_key_);
  first_.pop_back();
  out_ += '}';
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_ += '[';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  assert(!first_.empty());
  first_.pop_back();
  out_ += ']';
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  assert(!first_.empty() && !after_key_);
  if (!first_.back()) out_ += ',';
  first_.back() = false;
  AppendJsonString(key, &out_);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(value, &out_);
  return *this;
}

JsonWriter& JsonWriter::Number(double value) {
  if (!std::isfinite(value)) return Null();
  BeforeValue();
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  assert(ec == std::errc());
  out_.append(buf, end);
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t value) {
  BeforeValue();
  out_ += std::to_string(value);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::OptionalNumber(std::optional<double> value) {
  return value ? Number(*value) : Null();
}

JsonWriter& JsonWriter::OptionalString(std::string_view value) {
  return value.empty() ? Null() : String(value);
}

std::string JsonWriter::Take() && {
  assert(first_.empty() && !after_key_);
  return std::move(out_);
}

}  // namespace okr::web
