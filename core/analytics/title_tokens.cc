// Copyright 2026 The okrd Authors.
//
// Titles to token sets for the double-work detector (duplicates.h, step 1).

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics/duplicates.h"

namespace okr {
namespace {

// Words that say nothing about which work it is.
constexpr std::string_view kStopWords[] = {
    "a",     "about",  "across", "all",   "an",     "and",   "are",
    "as",    "at",     "be",     "by",    "for",    "from",  "get",
    "has",   "have",   "in",     "into",  "is",     "it",    "its",
    "make",  "more",   "most",   "new",   "of",     "on",    "or",
    "our",   "ours",   "out",    "over",  "per",    "q1",    "q2",
    "q3",    "q4",     "so",     "that",  "the",    "their", "them",
    "this",  "to",     "up",     "us",    "we",     "with",  "within",
    "without", "year", "quarter", "every", "each",  "than",  "less",
    "fewer", "least", "under",  "below", "above",  "via",   "through",
    "while", "by",    "keep",   "team",  "teams",  "company", "org",
    "ensure", "achieve", "deliver", "work", "process", "flow", "score",
    "scores", "number", "end", "better", "smoother", "write", "net", "type",
    "ii", "sent", "overall", "segment"};

bool IsStopWord(std::string_view w) {
  return std::find(std::begin(kStopWords), std::end(kStopWords), w) !=
         std::end(kStopWords);
}

bool EndsWith(std::string_view w, std::string_view s) {
  return w.size() > s.size() && w.substr(w.size() - s.size()) == s;
}

// A light suffix stemmer: plural, -ing, -ed, -ation, -ly, final e.
std::string Stem(std::string w) {
  auto cut = [&w](std::string_view suffix, std::string_view with,
                  size_t min_stem) {
    if (!EndsWith(w, suffix) || w.size() - suffix.size() < min_stem) {
      return false;
    }
    w = w.substr(0, w.size() - suffix.size()) + std::string(with);
    return true;
  };
  if (!cut("ies", "y", 2) && !cut("sses", "ss", 2) && !EndsWith(w, "ss") &&
      !EndsWith(w, "us") && !EndsWith(w, "is")) {
    cut("s", "", 3);
  }
  // "-eed" stays: speed, need, exceed.
  cut("ational", "ate", 3) || cut("ation", "ate", 3) || cut("ing", "", 3) ||
      (!EndsWith(w, "eed") && cut("ed", "", 3)) || cut("ly", "", 4) ||
      cut("ment", "", 4);
  cut("ibility", "ibl", 3) || cut("ible", "ibl", 3);
  if (EndsWith(w, "e") && w.size() > 3) w.pop_back();
  return w;
}

// Stems of words that name the same thing in OKR titles, mapped to the
// first of their group.
struct Synonym {
  std::string_view from;
  std::string_view to;
};
constexpr Synonym kSynonyms[] = {
    // Direction: fewer.
    {"cut", "reduc"}, {"lower", "reduc"}, {"decreas", "reduc"},
    {"minimis", "reduc"}, {"minimiz", "reduc"}, {"shrink", "reduc"},
    {"halv", "reduc"}, {"lessen", "reduc"}, {"trim", "reduc"},
    // Direction: more.
    {"grow", "increas"}, {"rais", "increas"}, {"boost", "increas"},
    {"expand", "increas"}, {"lift", "increas"}, {"doubl", "increas"},
    {"improv", "increas"}, {"maximis", "increas"}, {"maximiz", "increas"},
    // Things.
    {"client", "customer"}, {"consumer", "customer"},
    {"attrition", "churn"}, {"turnover", "churn"},
    {"recruit", "hir"}, {"hire", "hir"},
    {"staff", "employe"}, {"employee", "employe"},
    {"ship", "launch"}, {"releas", "launch"}, {"rollout", "launch"},
    {"defect", "bug"}, {"outag", "incident"}, {"downtim", "incident"},
    {"spend", "cost"}, {"expens", "cost"},
    {"sales", "revenu"}, {"income", "revenu"},
    {"fast", "speed"}, {"faster", "speed"}, {"quick", "speed"},
    {"quicker", "speed"}, {"latency", "speed"},
    {"happi", "satisf"}, {"satisfaction", "satisf"}, {"satisfi", "satisf"}, {"satisfy", "satisf"},
    {"docs", "document"}, {"doc", "document"}, {"documentat", "document"},
    {"automat", "automat"}, {"migrat", "mov"},
    {"signup", "signup"}, {"registr", "signup"}, {"regist", "signup"},
    {"wait", "wait"}, {"delay", "wait"},
    {"mistak", "error"}, {"errors", "error"},
    {"uptim", "availabl"}, {"availability", "availabl"},
};

// Acronyms, expanded to the stems of their words.
constexpr Synonym kAcronyms[] = {
    {"arr", "annual recurring revenue"}, {"mrr", "monthly recurring revenue"},
    {"nps", "net promoter score"}, {"csat", "customer satisfaction"},
    {"cac", "customer acquisition cost"}, {"ltv", "lifetime value"},
};

std::string Canonical(std::string stem) {
  for (const Synonym& s : kSynonyms) {
    if (s.from == stem) return std::string(s.to);
  }
  return stem;
}

bool IsNumber(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) {
    return (c >= '0' && c <= '9');
  }) || (w.size() >= 2 && w[0] >= '0' && w[0] <= '9');  // "10k", "3x"
}

// Adds the token of one lowercase word, or of each word of an acronym's
// expansion; nothing for numbers and stop words.
void AddWord(std::string_view word, std::vector<std::string>* out) {
  for (const Synonym& a : kAcronyms) {
    if (a.from != word) continue;
    std::string_view rest = a.to;
    while (!rest.empty()) {
      const size_t sp = rest.find(' ');
      AddWord(rest.substr(0, sp), out);
      rest = sp == std::string_view::npos ? "" : rest.substr(sp + 1);
    }
    return;
  }
  if (word.empty() || IsNumber(word) || IsStopWord(word)) return;
  std::string t = Canonical(Stem(std::string(word)));
  if (t.size() > 1) out->push_back(std::move(t));
}

}  // namespace

std::vector<std::string> TitleTokens(std::string_view title) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    AddWord(word, &out);
    word.clear();
  };
  for (char c : title) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      (static_cast<unsigned char>(c) >= 0x80);
    if (keep) {
      word.push_back(c);
    } else if (c != '\'') {
      flush();
    }
  }
  flush();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace okr
