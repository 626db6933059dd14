// Copyright 2026 The okrd Authors.
//
// How alignment links are written in the Parent and Supports columns, in
// both directions, so that what the exporter writes the importer reads back
// as the same LinkTarget.
//
// Reading a link text (trimmed):
//  1. "kr:KEY" or "objective:KEY" (any case) names the kind explicitly;
//  2. else a key of an objective in the file -> that objective;
//  3. else a key of a key result in the file -> that key result;
//  4. else the title of exactly one objective in the file (compared with
//     NormaliseTitle) -> that objective;
//  5. else a text starting with "kr-" -> a key result with that key;
//  6. else an objective with that key (which must exist in the database).
// Writing: the plain key when reading it back gives the same target, else
// the key with its "kr:" or "objective:" prefix.
//
// Supports holds several links separated by ',', ';' or line breaks; the
// exporter joins them with ", ".
//
// Pure; thread-safe.

#ifndef OKR_IMPORTERS_TEMPLATE_LINKS_H_
#define OKR_IMPORTERS_TEMPLATE_LINKS_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/organisation.h"

namespace okr {

// What the file holds, for reading link texts.
struct LinkIndex {
  std::set<std::string> objective_keys;
  std::set<std::string> kr_keys;
  // NormaliseTitle(title) -> key; titles used by two objectives are absent.
  std::map<std::string, std::string> unique_titles;

  void AddObjective(const std::string& key, std::string_view title);
  void AddKeyResult(const std::string& key) { kr_keys.insert(key); }

 private:
  std::set<std::string> ambiguous_titles_;
};

// `text` must not be blank.
LinkTarget ReadLinkText(std::string_view text, const LinkIndex& index);
std::string WriteLinkText(const LinkTarget& target, const LinkIndex& index);

// The non-blank, trimmed parts of a Supports cell.
std::vector<std::string> SplitLinkList(std::string_view text);
std::string JoinLinkList(const std::vector<std::string>& parts);

}  // namespace okr

#endif  // OKR_IMPORTERS_TEMPLATE_LINKS_H_
