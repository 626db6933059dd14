// Copyright 2026 The okrd Authors.

#include "importers/xlsx/xlsx_shared_strings.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <limits>
#include <utility>

#include "core/base/ascii.h"
#include "importers/table.h"
#include "importers/zip/cell_values.h"
#include "importers/zip/xml_stream.h"

namespace okr {
namespace {

// Reads "_xHHHH_" at text[i]; false if there is none.
bool ReadEscape(std::string_view text, size_t i, uint32_t* unit) {
  if (text.size() < i + 7 || text[i] != '_' || text[i + 1] != 'x' ||
      text[i + 6] != '_') {
    return false;
  }
  uint32_t value = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    const int digit = HexDigitValue(text[k]);
    if (digit < 0) return false;
    value = value * 16 + static_cast<uint32_t>(digit);
  }
  *unit = value;
  return true;
}

// Decodes the escape at text[*i] (already known to be one) into a code
// point, consuming a following low surrogate escape when needed.
bool DecodeEscapeAt(std::string_view text, size_t* i, uint32_t* cp) {
  uint32_t unit = 0;
  ReadEscape(text, *i, &unit);
  *i += 7;
  if (unit >= 0xDC00 && unit <= 0xDFFF) return false;
  if (unit >= 0xD800 && unit <= 0xDBFF) {
    uint32_t low = 0;
    if (!ReadEscape(text, *i, &low) || low < 0xDC00 || low > 0xDFFF) {
      return false;
    }
    *i += 7;
    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
  }
  *cp = unit;
  return unit != 0;
}

// Streams <si> strings into a SharedStrings arena.
class SharedStringsHandler : public XmlHandler {
 public:
  SharedStringsHandler(std::string file, std::string part, const Limits& limits)
      : file_(std::move(file)), part_(std::move(part)), limits_(limits) {}

  Status StartElement(const XmlName& name, const XmlAttrs& attrs) override {
    if (name.ns != XmlNs::kSpreadsheetMl && name.ns != XmlNs::kNone) {
      return Status::Ok();
    }
    if (name.local == "si") return OpenString();
    if (name.local == "rPh") ++phonetic_depth_;
    if (name.local == "t" && in_si_ && phonetic_depth_ == 0) collecting_ = true;
    if (name.local == "sst") {
      in_sst_ = true;
      Reserve(attrs.Get(XmlNs::kNone, "uniqueCount"));
    }
    return Status::Ok();
  }

  Status EndElement(const XmlName& name) override {
    if (name.ns != XmlNs::kSpreadsheetMl && name.ns != XmlNs::kNone) {
      return Status::Ok();
    }
    if (name.local == "t") collecting_ = false;
    if (name.local == "rPh") --phonetic_depth_;
    if (name.local == "si" && in_si_) return CloseString();
    return Status::Ok();
  }

  Status Text(std::string_view text) override {
    if (!collecting_) return Status::Ok();
    std::string& arena = *strings_.arena();
    const size_t length = arena.size() - strings_.open_string_start();
    // Escapes take up to 7 bytes per character: allow for them here and
    // check the decoded length when the string closes.
    if (length + text.size() > RawCap()) return TooLong(length + text.size());
    arena.append(text);
    return Status::Ok();
  }

  std::string Where() const override { return file_; }
  // The strings take XmlStream's fast path.
  bool WantsFastContent() const override { return in_sst_; }
  SharedStrings Take() { return std::move(strings_); }

 private:
  size_t RawCap() const {
    return static_cast<size_t>(limits_.max_cell_bytes) * 7 + 64;
  }

  void Reserve(std::string_view unique_count) {
    int64_t count = 0;
    std::from_chars(unique_count.data(),
                    unique_count.data() + unique_count.size(), count);
    count = std::clamp<int64_t>(count, 0, 1 << 20);
    strings_.Reserve(static_cast<size_t>(
        std::min<int64_t>(count, limits_.max_shared_strings)));
  }

  Status OpenString() {
    if (static_cast<int64_t>(strings_.size()) >= limits_.max_shared_strings) {
      return Error(StatusCode::kResourceExhausted,
                   "more than max_shared_strings (" +
                       std::to_string(limits_.max_shared_strings) +
                       ") shared strings");
    }
    in_si_ = true;
    return Status::Ok();
  }

  Status CloseString() {
    in_si_ = false;
    collecting_ = false;
    std::string& arena = *strings_.arena();
    const size_t start = strings_.open_string_start();
    if (!DecodeXstringEscapes(&arena, start)) {
      return Error(StatusCode::kInvalidArgument,
                   "an _xHHHH_ escape gives NUL or an unpaired surrogate");
    }
    const size_t length = arena.size() - start;
    if (length > static_cast<size_t>(limits_.max_cell_bytes)) {
      return TooLong(length);
    }
    if (arena.size() > std::numeric_limits<uint32_t>::max()) {
      return Error(StatusCode::kResourceExhausted,
                   "the shared strings take more than 4 GiB");
    }
    strings_.CloseString();
    return Status::Ok();
  }

  Status TooLong(size_t length) const {
    return Error(StatusCode::kResourceExhausted,
                 "text of " + std::to_string(length) +
                     " bytes is longer than max_cell_bytes (" +
                     std::to_string(limits_.max_cell_bytes) + ")");
  }

  Status Error(StatusCode code, const std::string& message) const {
    return Status(code, file_ + ": " + part_ + ": shared string " +
                            std::to_string(strings_.size()) + ": " + message);
  }

  std::string file_;
  std::string part_;
  const Limits& limits_;
  SharedStrings strings_;
  bool in_sst_ = false;
  bool in_si_ = false;
  bool collecting_ = false;
  int phonetic_depth_ = 0;
};

}  // namespace

std::string_view SharedStrings::Get(size_t index) const {
  assert(index < ends_.size());
  const size_t begin = index == 0 ? 0 : ends_[index - 1];
  return std::string_view(arena_).substr(begin, ends_[index] - begin);
}

void SharedStrings::Add(std::string_view text) {
  arena_.append(text);
  CloseString();
}

bool DecodeXstringEscapes(std::string* text, size_t from) {
  std::string& s = *text;
  const size_t first = s.find("_x", from);
  if (first == std::string::npos) return true;
  size_t out = first;
  size_t i = first;
  uint32_t unit = 0;
  while (i < s.size()) {
    if (s[i] != '_' || !ReadEscape(s, i, &unit)) {
      s[out++] = s[i++];
      continue;
    }
    uint32_t cp = 0;
    if (!DecodeEscapeAt(s, &i, &cp)) return false;
    out += EncodeUtf8(cp, &s[out]);  // At most 4 bytes for 7 or 14 read.
  }
  s.resize(out);
  return true;
}

Result<SharedStrings> ReadSharedStrings(ZipArchive* zip,
                                        const ZipArchive::Entry& entry,
                                        const Limits& limits) {
  SharedStringsHandler handler(Location::InFile(zip->file_name()).ToString(),
                               entry.name, limits);
  OKR_RETURN_IF_ERROR(ParseXmlPart(zip, entry, &handler, limits));
  return handler.Take();
}

}  // namespace okr
