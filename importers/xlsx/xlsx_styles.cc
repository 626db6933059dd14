// Copyright 2026 The okrd Authors.

#include "importers/xlsx/xlsx_styles.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <optional>
#include <utility>

#include "importers/table.h"
#include "importers/zip/xml_stream.h"

namespace okr {
namespace {

char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(text[i]) != prefix[i]) return false;
  }
  return true;
}

// "[h]", "[mm]", "[ss]": elapsed hours, minutes or seconds.
bool IsElapsedBracket(std::string_view inside) {
  if (inside.empty()) return false;
  const char first = Lower(inside[0]);
  if (first != 'h' && first != 'm' && first != 's') return false;
  return std::all_of(inside.begin(), inside.end(),
                     [first](char c) { return Lower(c) == first; });
}

bool IsDateLetter(char c) {
  const char lower = Lower(c);
  return lower == 'd' || lower == 'm' || lower == 'y' || lower == 'h' ||
         lower == 's';
}

std::optional<int64_t> ParseId(std::string_view text) {
  int64_t value = 0;
  const auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

// Collects <numFmts> and the numFmtId of each <cellXfs> <xf>.
class StylesHandler : public XmlHandler {
 public:
  explicit StylesHandler(std::string where) : where_(std::move(where)) {}

  Status StartElement(const XmlName& name, const XmlAttrs& attrs) override {
    ++depth_;
    if (name.ns != XmlNs::kSpreadsheetMl && name.ns != XmlNs::kNone) {
      return Status::Ok();
    }
    if (depth_ == 2) section_ = name.local;
    if (depth_ != 3) return Status::Ok();
    const std::optional<int64_t> id =
        ParseId(attrs.Get(XmlNs::kNone, "numFmtId"));
    if (section_ == "numFmts" && name.local == "numFmt" && id) {
      custom_.emplace_back(
          *id, ClassifyNumberFormat(attrs.Get(XmlNs::kNone, "formatCode")));
    } else if (section_ == "cellXfs" && name.local == "xf") {
      xf_format_ids_.push_back(id.value_or(0));
    }
    return Status::Ok();
  }
  Status EndElement(const XmlName&) override {
    if (depth_-- == 2) section_ = {};
    return Status::Ok();
  }
  Status Text(std::string_view) override { return Status::Ok(); }
  std::string Where() const override { return where_; }

  XlsxStyles Build() {
    std::stable_sort(
        custom_.begin(), custom_.end(),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<NumFmtKind> kinds;
    kinds.reserve(xf_format_ids_.size());
    for (const int64_t id : xf_format_ids_) kinds.push_back(KindOfFormat(id));
    return XlsxStyles(std::move(kinds));
  }

 private:
  NumFmtKind KindOfFormat(int64_t id) const {
    auto it = std::upper_bound(
        custom_.begin(), custom_.end(), id,
        [](int64_t value, const auto& entry) { return value < entry.first; });
    if (it != custom_.begin() && std::prev(it)->first == id) {
      return std::prev(it)->second;  // The last definition wins.
    }
    return BuiltinNumFmtKind(id);
  }

  std::string where_;
  int depth_ = 0;
  std::string section_;
  std::vector<std::pair<int64_t, NumFmtKind>> custom_;
  std::vector<int64_t> xf_format_ids_;
};

}  // namespace

NumFmtKind BuiltinNumFmtKind(int64_t id) {
  if (id == 46) return NumFmtKind::kDuration;
  if ((id >= 14 && id <= 22) || id == 45 || id == 47 ||
      (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
    return NumFmtKind::kDate;
  }
  return NumFmtKind::kOther;
}

NumFmtKind ClassifyNumberFormat(std::string_view code) {
  bool date = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;  // Only the first section decides.
    if (c == '"') {
      i = code.find('"', i + 1);
      if (i == std::string_view::npos) break;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      const size_t close = code.find(']', i);
      if (close == std::string_view::npos) break;
      if (IsElapsedBracket(code.substr(i + 1, close - i - 1))) {
        return NumFmtKind::kDuration;
      }
      i = close;
    } else if (IsDateLetter(c) ||
               StartsWithIgnoringCase(code.substr(i), "am/pm") ||
               StartsWithIgnoringCase(code.substr(i), "a/p")) {
      date = true;
    }
  }
  return date ? NumFmtKind::kDate : NumFmtKind::kOther;
}

NumFmtKind XlsxStyles::KindOf(int64_t style_index) const {
  if (style_index < 0 ||
      style_index >= static_cast<int64_t>(xf_kinds_.size())) {
    return NumFmtKind::kOther;
  }
  return xf_kinds_[static_cast<size_t>(style_index)];
}

Result<XlsxStyles> ReadXlsxStyles(ZipArchive* zip,
                                  const ZipArchive::Entry& entry,
                                  const Limits& limits) {
  StylesHandler handler(Location::InFile(zip->file_name()).ToString());
  OKR_RETURN_IF_ERROR(ParseXmlPart(zip, entry, &handler, limits));
  return handler.Build();
}

}  // namespace okr
