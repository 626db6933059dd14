// Copyright 2026 The okrd Authors.

#include "importers/zip/xml_fast_scanner.h"

#include <array>
#include <cstdint>

#include "importers/zip/cell_values.h"

namespace okr {
namespace {

enum CharClass : uint8_t {
  kOther = 0,        // Ends a text run for a closer look.
  kPlain = 1,        // Text as is.
  kNameStart = 2,    // Also kName.
  kName = 4,         // After the first character of a name.
  kAttrPlain = 8,    // Inside an attribute value as is.
};

constexpr std::array<uint8_t, 256> MakeClasses() {
  std::array<uint8_t, 256> classes{};
  for (int c = 0x20; c < 0x7f; ++c) classes[c] = kPlain | kAttrPlain;
  classes['<'] = kOther;
  classes['&'] = kOther;
  classes[']'] = kAttrPlain;  // "]]>" is only an error in text.
  for (int c = 'a'; c <= 'z'; ++c) classes[c] |= kNameStart | kName;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] |= kNameStart | kName;
  classes['_'] |= kNameStart | kName;
  classes[':'] |= kNameStart | kName;
  for (int c = '0'; c <= '9'; ++c) classes[c] |= kName;
  classes['.'] |= kName;
  classes['-'] |= kName;
  classes['\t'] = kPlain;
  classes['\n'] = kPlain;
  return classes;
}

constexpr std::array<uint8_t, 256> kClasses = MakeClasses();

uint8_t ClassOf(char c) { return kClasses[static_cast<uint8_t>(c)]; }

bool IsTagSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

bool InRange(char c, uint8_t lo, uint8_t hi) {
  const auto u = static_cast<uint8_t>(c);
  return u >= lo && u <= hi;
}

// A name at in[*q..]: kDone with *q past it, kNeedMore when `in` ends in
// or right after it, kHandOff when it is not in the subset.
enum class NameScan { kOk, kNeedMore, kOutside };

NameScan ScanName(std::string_view in, size_t* q) {
  size_t i = *q;
  if (i == in.size()) return NameScan::kNeedMore;
  if ((ClassOf(in[i]) & kNameStart) == 0) return NameScan::kOutside;
  for (++i; i < in.size() && (ClassOf(in[i]) & kName) != 0; ++i) {
  }
  if (i == in.size()) return NameScan::kNeedMore;
  if (static_cast<uint8_t>(in[i]) >= 0x80) return NameScan::kOutside;
  *q = i;
  return NameScan::kOk;
}

// Skips tag whitespace; true if there was any.
bool SkipSpace(std::string_view in, size_t* q) {
  const size_t start = *q;
  while (*q < in.size() && IsTagSpace(in[*q])) ++*q;
  return *q > start;
}

// XML 1.0 Char, for character references.
bool IsXmlChar(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// The longest reference the subset takes: "&#x10FFFF;" with a few leading
// zeros; longer ones are handed off.
constexpr size_t kMaxRefBytes = 12;

// A reference at in[p] == '&': the UTF-8 of its character in `out`
// (*out_size bytes) and its length in *ref_size. kNeedMore / kOutside as
// for names.
NameScan ScanReference(std::string_view in, size_t p, char* out,
                       size_t* out_size, size_t* ref_size) {
  size_t semi = p + 1;
  while (semi < in.size() && semi - p < kMaxRefBytes && in[semi] != ';') {
    ++semi;
  }
  if (semi == in.size()) return NameScan::kNeedMore;
  if (in[semi] != ';') return NameScan::kOutside;
  const std::string_view body = in.substr(p + 1, semi - p - 1);
  *ref_size = semi - p + 1;
  struct Named {
    std::string_view name;
    char c;
  };
  static constexpr Named kNamed[] = {
      {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
  for (const Named& named : kNamed) {
    if (body == named.name) {
      out[0] = named.c;
      *out_size = 1;
      return NameScan::kOk;
    }
  }
  if (body.size() < 2 || body[0] != '#') return NameScan::kOutside;
  const bool hex = body[1] == 'x';
  const std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty()) return NameScan::kOutside;
  uint32_t value = 0;
  for (char c : digits) {
    uint32_t digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<uint32_t>(c - '0');
    } else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')) {
      digit = static_cast<uint32_t>((c | 0x20) - 'a' + 10);
    } else {
      return NameScan::kOutside;
    }
    value = value * (hex ? 16 : 10) + digit;
    if (value > 0x10FFFF) return NameScan::kOutside;
  }
  if (!IsXmlChar(value)) return NameScan::kOutside;
  *out_size = EncodeUtf8(value, out);
  return NameScan::kOk;
}

}  // namespace

int FastScanUtf8Length(std::string_view in) {
  const auto b0 = static_cast<uint8_t>(in[0]);
  int length = 0;
  uint8_t lo = 0x80, hi = 0xBF;  // Range of the second byte.
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // No surrogates.
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // Nothing past U+10FFFF.
  } else {
    return 0;
  }
  if (in.size() < static_cast<size_t>(length)) return -1;
  if (!InRange(in[1], lo, hi)) return 0;
  for (int i = 2; i < length; ++i) {
    if (!InRange(in[static_cast<size_t>(i)], 0x80, 0xBF)) return 0;
  }
  // U+FFFE and U+FFFF are not XML characters.
  if (b0 == 0xEF && static_cast<uint8_t>(in[1]) == 0xBF &&
      static_cast<uint8_t>(in[2]) >= 0xBE) {
    return 0;
  }
  return length;
}

XmlFastScanner::Events::~Events() = default;

Status XmlFastScanner::Scan(std::string_view in, Events* events,
                            Outcome* outcome) {
  size_t pos = 0;
  Status status;
  for (;;) {
    outcome->consumed = pos;
    outcome->hand_off = false;
    if (pos == in.size()) return Status::Ok();
    const Step step = in[pos] == '<' ? ScanTag(in, &pos, events, &status)
                                     : ScanText(in, &pos, events, &status);
    outcome->consumed = pos;
    if (!status.ok()) return status;
    if (step == Step::kHandOff) {
      outcome->hand_off = true;
      return Status::Ok();
    }
    if (step == Step::kNeedMore) {
      // A tag this long is left to expat, which takes any size.
      outcome->hand_off = in.size() - pos > kMaxTagBytes;
      return Status::Ok();
    }
  }
}

XmlFastScanner::Step XmlFastScanner::ScanTag(std::string_view in, size_t* pos,
                                             Events* events, Status* status) {
  if (*pos + 1 == in.size()) return Step::kNeedMore;
  if (in[*pos + 1] == '/') return ScanEndTag(in, pos, events, status);
  return ScanStartTag(in, pos, events, status);
}

XmlFastScanner::Step XmlFastScanner::ScanEndTag(std::string_view in,
                                                size_t* pos, Events* events,
                                                Status* status) {
  size_t q = *pos + 2;
  const size_t name_start = q;
  const NameScan name = ScanName(in, &q);
  if (name != NameScan::kOk) {
    return name == NameScan::kNeedMore ? Step::kNeedMore : Step::kHandOff;
  }
  const std::string_view tag_name = in.substr(name_start, q - name_start);
  SkipSpace(in, &q);
  if (q == in.size()) return Step::kNeedMore;
  if (in[q] != '>') return Step::kHandOff;
  bool hand_off = false;
  *status = events->End(tag_name, &hand_off);
  if (!status->ok()) return Step::kDone;
  if (hand_off) return Step::kHandOff;
  *pos = q + 1;
  return Step::kDone;
}

XmlFastScanner::Step XmlFastScanner::ScanStartTag(std::string_view in,
                                                  size_t* pos, Events* events,
                                                  Status* status) {
  size_t q = *pos + 1;
  const NameScan name = ScanName(in, &q);
  if (name != NameScan::kOk) {
    return name == NameScan::kNeedMore ? Step::kNeedMore : Step::kHandOff;
  }
  const std::string_view tag_name = in.substr(*pos + 1, q - *pos - 1);
  attrs_.clear();
  bool empty_element = false;
  for (;;) {
    const bool spaced = SkipSpace(in, &q);
    if (q == in.size()) return Step::kNeedMore;
    if (in[q] == '>') break;
    if (in[q] == '/') {
      if (q + 1 == in.size()) return Step::kNeedMore;
      if (in[q + 1] != '>') return Step::kHandOff;
      empty_element = true;
      ++q;
      break;
    }
    if (!spaced || attrs_.size() == kMaxAttrs) return Step::kHandOff;
    const size_t attr_start = q;
    const NameScan attr = ScanName(in, &q);
    if (attr != NameScan::kOk) {
      return attr == NameScan::kNeedMore ? Step::kNeedMore : Step::kHandOff;
    }
    const std::string_view attr_name =
        in.substr(attr_start, q - attr_start);
    SkipSpace(in, &q);
    if (q == in.size()) return Step::kNeedMore;
    if (in[q] != '=') return Step::kHandOff;
    ++q;
    SkipSpace(in, &q);
    if (q == in.size()) return Step::kNeedMore;
    const char quote = in[q];
    if (quote != '"' && quote != '\'') return Step::kHandOff;
    const size_t value_start = ++q;
    while (q < in.size() && in[q] != quote) {
      if ((ClassOf(in[q]) & kAttrPlain) != 0) {
        ++q;
        continue;
      }
      if (static_cast<uint8_t>(in[q]) < 0x80) return Step::kHandOff;
      const int length = FastScanUtf8Length(in.substr(q));
      if (length < 0) return Step::kNeedMore;
      if (length == 0) return Step::kHandOff;
      q += static_cast<size_t>(length);
    }
    if (q == in.size()) return Step::kNeedMore;
    for (const Attr& seen : attrs_) {
      if (seen.name == attr_name) return Step::kHandOff;  // Duplicate.
    }
    attrs_.push_back(Attr{attr_name, in.substr(value_start, q - value_start)});
    ++q;  // The closing quote.
  }
  bool hand_off = false;
  *status = events->Start(tag_name, attrs_, &hand_off);
  if (!status->ok()) return Step::kDone;
  if (hand_off) return Step::kHandOff;
  if (empty_element) {
    *status = events->End(tag_name, &hand_off);
    if (!status->ok()) return Step::kDone;
    // The element just started always ends here.
    if (hand_off) {
      *status = Internal("XmlFastScanner: an empty element was refused");
      return Step::kDone;
    }
  }
  *pos = q + 1;
  return Step::kDone;
}

// Emits text up to the next '<' (or the end of `in`), advancing *pos past
// what was emitted; stops before a character that needs more input or is
// outside the subset.
XmlFastScanner::Step XmlFastScanner::ScanText(std::string_view in, size_t* pos,
                                              Events* events, Status* status) {
  size_t start = *pos;
  size_t p = start;
  Step step = Step::kDone;
  while (p < in.size()) {
    const char c = in[p];
    if ((ClassOf(c) & kPlain) != 0) {
      ++p;
      continue;
    }
    if (c == '<') break;
    if (c == ']') {
      if (p + 2 >= in.size()) {
        step = Step::kNeedMore;
        break;
      }
      if (in[p + 1] == ']' && in[p + 2] == '>') {
        // expat reports none of the text token that holds it.
        *pos = start;
        return Step::kHandOff;
      }
      ++p;
      continue;
    }
    if (static_cast<uint8_t>(c) >= 0x80) {
      const int length = FastScanUtf8Length(in.substr(p));
      if (length <= 0) {
        step = length < 0 ? Step::kNeedMore : Step::kHandOff;
        break;
      }
      p += static_cast<size_t>(length);
      continue;
    }
    if (c != '&') {  // CR or another control character.
      step = Step::kHandOff;
      break;
    }
    char decoded[4];
    size_t decoded_size = 0, ref_size = 0;
    const NameScan ref =
        ScanReference(in, p, decoded, &decoded_size, &ref_size);
    if (ref != NameScan::kOk) {
      step = ref == NameScan::kNeedMore ? Step::kNeedMore : Step::kHandOff;
      break;
    }
    if (p > start) {
      *status = events->Text(in.substr(start, p - start));
      if (!status->ok()) return Step::kDone;
    }
    *status = events->Text(std::string_view(decoded, decoded_size));
    if (!status->ok()) return Step::kDone;
    p += ref_size;
    start = p;
    *pos = p;
  }
  if (p > start) {
    *status = events->Text(in.substr(start, p - start));
    if (!status->ok()) return Step::kDone;
  }
  *pos = p;
  return step;
}

}  // namespace okr
