// Copyright 2026 The okrd Authors.

#include "importers/template/links.h"

#include "core/model/text.h"

namespace okr {
namespace {

constexpr std::string_view kKrPrefix = "kr:";
constexpr std::string_view kObjectivePrefix = "objective:";

}  // namespace

void LinkIndex::AddObjective(const std::string& key, std::string_view title) {
  objective_keys.insert(key);
  const std::string normal = NormaliseTitle(title);
  if (normal.empty() || ambiguous_titles_.count(normal) > 0) return;
  if (!unique_titles.emplace(normal, key).second) {
    unique_titles.erase(normal);
    ambiguous_titles_.insert(normal);
  }
}

LinkTarget ReadLinkText(std::string_view text, const LinkIndex& index) {
  const std::string_view t = TrimSpaces(text);
  if (StartsWithIgnoreCase(t, kKrPrefix)) {
    return {TargetKind::kKeyResult,
            std::string(TrimSpaces(t.substr(kKrPrefix.size())))};
  }
  if (StartsWithIgnoreCase(t, kObjectivePrefix)) {
    return {TargetKind::kObjective,
            std::string(TrimSpaces(t.substr(kObjectivePrefix.size())))};
  }
  const std::string key(t);
  if (index.objective_keys.count(key) > 0) {
    return {TargetKind::kObjective, key};
  }
  if (index.kr_keys.count(key) > 0) return {TargetKind::kKeyResult, key};
  const auto title = index.unique_titles.find(NormaliseTitle(t));
  if (title != index.unique_titles.end()) {
    return {TargetKind::kObjective, title->second};
  }
  if (t.substr(0, 3) == "kr-") return {TargetKind::kKeyResult, key};
  return {TargetKind::kObjective, key};
}

std::string WriteLinkText(const LinkTarget& target, const LinkIndex& index) {
  if (!target.key.empty() && TrimSpaces(target.key) == target.key &&
      ReadLinkText(target.key, index) == target) {
    return target.key;
  }
  const std::string_view prefix =
      target.kind == TargetKind::kKeyResult ? kKrPrefix : kObjectivePrefix;
  return std::string(prefix) + target.key;
}

std::vector<std::string> SplitLinkList(std::string_view text) {
  std::vector<std::string> parts;
  while (!text.empty()) {
    const size_t cut = text.find_first_of(",;\r\n");
    const std::string_view part = TrimSpaces(text.substr(0, cut));
    if (!part.empty()) parts.emplace_back(part);
    if (cut == std::string_view::npos) break;
    text.remove_prefix(cut + 1);
  }
  return parts;
}

std::string JoinLinkList(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += ", ";
    out += part;
  }
  return out;
}

}  // namespace okr
