// Copyright 2026 The okrd Authors.

#include "plugins/mindmap/kr_text.h"

#include <cctype>

namespace okr::mindmap {
namespace {

std::string_view Trim(std::string_view s, std::string_view junk = " \t\r\n") {
  const size_t b = s.find_first_not_of(junk);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(junk) - b + 1);
}

bool IsNumberChar(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ',' ||
         c == '-' || c == '+';
}

// A plain decimal: optional sign, digits, at most one separator.
bool ValidNumber(std::string* n) {
  for (char& c : *n) {
    if (c == ',') c = '.';
  }
  size_t i = (!n->empty() && ((*n)[0] == '-' || (*n)[0] == '+')) ? 1 : 0;
  int digits = 0, dots = 0;
  for (; i < n->size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>((*n)[i])))
      ++digits;
    else if ((*n)[i] == '.')
      ++dots;
    else
      return false;
  }
  return digits > 0 && dots <= 1;
}

}  // namespace

KrText ParseKrText(std::string_view text) {
  KrText out;
  size_t arrow = text.find("->");
  size_t arrow_len = 2;
  if (arrow == std::string_view::npos) {
    arrow = text.find("\xE2\x86\x92");  // →
    arrow_len = 3;
  }
  if (arrow == std::string_view::npos) {
    out.title = std::string(Trim(text));
    return out;
  }
  std::string_view left = Trim(text.substr(0, arrow));
  std::string_view right = Trim(text.substr(arrow + arrow_len));
  size_t start_at = left.size();
  while (start_at > 0 && IsNumberChar(left[start_at - 1])) --start_at;
  out.start = std::string(left.substr(start_at));
  out.title = std::string(Trim(left.substr(0, start_at), " \t:(-"));
  size_t target_end = 0;
  while (target_end < right.size() && IsNumberChar(right[target_end]))
    ++target_end;
  if (target_end == 0) {  // Not a number: keep its first word for messages.
    while (target_end < right.size() && right[target_end] != ' ') ++target_end;
  }
  out.target = std::string(right.substr(0, target_end));
  out.unit = std::string(Trim(right.substr(target_end), " \t)"));
  out.shape = ValidNumber(&out.start) && ValidNumber(&out.target)
                  ? KrText::Shape::kRange
                  : KrText::Shape::kBadNumbers;
  return out;
}

std::string Slug(std::string_view text) {
  std::string out;
  bool dash = false;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 128) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(std::tolower(u));
      dash = false;
    } else {
      dash = true;
    }
    if (out.size() >= 40) break;
  }
  return out.empty() ? "item" : out;
}

}  // namespace okr::mindmap
