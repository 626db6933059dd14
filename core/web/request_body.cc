// Copyright 2026 The okrd Authors.

#include "core/web/request_body.h"

#include <charconv>
#include <cmath>
#include <system_error>

#include "core/base/ascii.h"
#include "core/web/text.h"

namespace okr::web {
namespace {

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  Result<FlatJsonObject> Object(size_t max_members) {
    SkipSpace();
    if (!Eat('{')) return Error("expected '{'");
    FlatJsonObject members;
    SkipSpace();
    if (!Eat('}')) {
      while (true) {
        if (members.size() == max_members) return Error("too many members");
        SkipSpace();
        if (Peek() != '"') return Error("expected a member name");
        OKR_ASSIGN_OR_RETURN(std::string name, String());
        for (const auto& [existing, value] : members) {
          if (existing == name) return Error("duplicate member");
        }
        SkipSpace();
        if (!Eat(':')) return Error("expected ':'");
        SkipSpace();
        OKR_ASSIGN_OR_RETURN(JsonScalar value, Value());
        members.emplace_back(std::move(name), std::move(value));
        SkipSpace();
        if (Eat('}')) break;
        if (!Eat(',')) return Error("expected ',' or '}'");
      }
    }
    SkipSpace();
    if (pos_ != text_.size()) return Error("unexpected data after the object");
    return members;
  }

 private:
  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool AtEnd() const { return pos_ >= text_.size(); }
  bool Eat(char c) {
    if (AtEnd() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  void SkipSpace() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t' || Peek() == '\n' ||
                        Peek() == '\r')) {
      ++pos_;
    }
  }
  Status Error(std::string_view what) const {
    return InvalidArgument("invalid JSON at byte " + std::to_string(pos_) +
                           ": " + std::string(what));
  }

  Result<JsonScalar> Value() {
    JsonScalar v;
    const char c = Peek();
    if (c == '"') {
      v.type = JsonScalar::Type::kString;
      OKR_ASSIGN_OR_RETURN(v.text, String());
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.type = JsonScalar::Type::kNumber;
      OKR_ASSIGN_OR_RETURN(v.number, Number());
    } else if (Literal("true")) {
      v.type = JsonScalar::Type::kBool;
      v.boolean = true;
    } else if (Literal("false")) {
      v.type = JsonScalar::Type::kBool;
    } else if (Literal("null")) {
      v.type = JsonScalar::Type::kNull;
    } else if (c == '{' || c == '[') {
      return Error("nested objects and arrays are not accepted");
    } else {
      return Error("expected a value");
    }
    return v;
  }

  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  void Digits() {
    while (!AtEnd() && Peek() >= '0' && Peek() <= '9') ++pos_;
  }

  Result<double> Number() {
    const size_t start = pos_;
    Eat('-');
    if (Eat('0')) {
      if (Peek() >= '0' && Peek() <= '9') return Error("leading zero");
    } else if (Peek() >= '1' && Peek() <= '9') {
      Digits();
    } else {
      return Error("expected a digit");
    }
    if (Eat('.')) {
      if (!(Peek() >= '0' && Peek() <= '9')) return Error("expected a digit");
      Digits();
    }
    if (Eat('e') || Eat('E')) {
      if (!Eat('+')) Eat('-');
      if (!(Peek() >= '0' && Peek() <= '9')) return Error("expected a digit");
      Digits();
    }
    double value = 0;
    const char* first = text_.data() + start;
    const char* last = text_.data() + pos_;
    auto [end, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || end != last || !std::isfinite(value)) {
      return Error("number out of range");
    }
    return value;
  }

  Result<char32_t> Hex4() {
    if (text_.size() - pos_ < 4) return Error("truncated \\u escape");
    char32_t cp = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_++];
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0) return Error("bad \\u escape");
      cp = cp * 16 + static_cast<char32_t>(d);
    }
    return cp;
  }

  Result<char32_t> Escape() {
    const char c = Peek();
    ++pos_;
    switch (c) {
      case '"': return U'"';
      case '\\': return U'\\';
      case '/': return U'/';
      case 'b': return U'\b';
      case 'f': return U'\f';
      case 'n': return U'\n';
      case 'r': return U'\r';
      case 't': return U'\t';
      case 'u': break;
      default: return Error("bad escape");
    }
    OKR_ASSIGN_OR_RETURN(char32_t cp, Hex4());
    if (cp == 0) return Error("\\u0000 is not accepted");
    if (cp >= 0xDC00 && cp <= 0xDFFF) return Error("unpaired surrogate");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (!Literal("\\u")) return Error("unpaired surrogate");
      OKR_ASSIGN_OR_RETURN(char32_t low, Hex4());
      if (low < 0xDC00 || low > 0xDFFF) return Error("unpaired surrogate");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    return cp;
  }

  Result<std::string> String() {
    ++pos_;  // The opening quote.
    std::string out;
    while (true) {
      if (AtEnd()) return Error("unterminated string");
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return Error("control character in a string");
      }
      if (c == '\\') {
        ++pos_;
        OKR_ASSIGN_OR_RETURN(char32_t cp, Escape());
        AppendUtf8(cp, &out);
      } else {
        out += c;
        ++pos_;
      }
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
};

Result<std::string> DecodeFormPart(std::string_view part, size_t field) {
  std::string out;
  out.reserve(part.size());
  for (size_t i = 0; i < part.size(); ++i) {
    const char c = part[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      const int hi = i + 2 < part.size() ? HexDigitValue(part[i + 1]) : -1;
      const int lo = i + 2 < part.size() ? HexDigitValue(part[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        return InvalidArgument("form field " + std::to_string(field + 1) +
                               ": malformed %-escape");
      }
      const auto byte = static_cast<unsigned char>(hi * 16 + lo);
      if (byte == 0) {
        return InvalidArgument("form field " + std::to_string(field + 1) +
                               ": contains a NUL byte");
      }
      if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') ||
          byte == 0x7F) {
        return InvalidArgument("form field " + std::to_string(field + 1) +
                               ": contains a control character");
      }
      out += static_cast<char>(byte);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Result<FlatJsonObject> ParseFlatJsonObject(std::string_view text,
                                           size_t max_members) {
  return JsonReader(text).Object(max_members);
}

Result<FormFields> ParseFormUrlEncoded(std::string_view body,
                                       size_t max_fields) {
  for (size_t i = 0; i < body.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(body[i]);
    if (c < 0x20 || c == 0x7F) {
      return InvalidArgument(std::string("form body: ") +
                             (c == 0 ? "a NUL byte" : "a control character") +
                             " at byte " + std::to_string(i));
    }
  }
  FormFields fields;
  while (!body.empty()) {
    const size_t amp = body.find('&');
    const std::string_view piece = body.substr(0, amp);
    body.remove_prefix(amp == std::string_view::npos ? body.size() : amp + 1);
    if (piece.empty()) continue;
    if (fields.size() == max_fields) {
      return InvalidArgument("form body: more than " +
                             std::to_string(max_fields) + " fields");
    }
    const size_t eq = piece.find('=');
    const size_t index = fields.size();
    OKR_ASSIGN_OR_RETURN(std::string name,
                         DecodeFormPart(piece.substr(0, eq), index));
    std::string value;
    if (eq != std::string_view::npos) {
      OKR_ASSIGN_OR_RETURN(value, DecodeFormPart(piece.substr(eq + 1), index));
    }
    fields.emplace_back(std::move(name), std::move(value));
  }
  return fields;
}

const std::string* FindFormField(const FormFields& fields,
                                 std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::string MediaType(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) {
    type.remove_suffix(1);
  }
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) {
    type.remove_prefix(1);
  }
  std::string out(type);
  for (char& c : out) c = AsciiToLower(c);
  return out;
}

}  // namespace okr::web
