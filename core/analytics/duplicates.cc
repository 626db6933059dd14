// Copyright 2026 The okrd Authors.

#include "core/analytics/duplicates.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>
#include <map>
#include <set>
#include <unordered_map>

#include "core/analytics/duplicates_internal.h"

namespace okr {

TokenWeights::TokenWeights(const std::vector<std::vector<std::string>>& docs) {
  std::map<std::string, int, std::less<>> df;
  for (const auto& doc : docs) {
    for (const std::string& t : doc) ++df[t];
  }
  const double n = std::max(static_cast<double>(docs.size()), 1.0);
  for (const auto& [token, count] : df) {
    weight_.emplace(token, std::log(1.0 + n / count));
  }
  unseen_ = std::log(1.0 + n);
}

double TokenWeights::Weight(const std::string& token) const {
  auto it = weight_.find(token);
  return it == weight_.end() ? unseen_ : it->second;
}

namespace {

// Words naming who or what platform the work is for (stems, sorted). Two
// titles that differ in them are about different audiences: "reduce churn"
// vs "reduce hiring churn", "enterprise" vs "SMB" renewals. "customer" is
// not one: it is what a title without an audience is about anyway.
constexpr std::string_view kAudience[] = {
    "android", "clinic", "clinician", "designer", "developer",
    "employe", "engineer", "enterprise", "hir", "io", "ios", "manager",
    "mobil", "nurs", "partner", "patient", "smb", "supplier", "user",
    "vendor", "web"};

bool IsAudience(std::string_view t) {
  return std::binary_search(std::begin(kAudience), std::end(kAudience), t);
}

// The audience words of a token set, joined.
std::string AudienceOf(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& t : tokens) {
    if (IsAudience(t)) out += t + ' ';
  }
  return out;
}

}  // namespace

double TitleSimilarity(const std::vector<std::string>& a,
                       const std::vector<std::string>& b,
                       const TokenWeights& weights) {
  const double s = WeightedJaccard(a, b, weights);
  return AudienceOf(a) == AudienceOf(b) ? s : s * kAudiencePenalty;
}

double WeightedJaccard(const std::vector<std::string>& a,
                       const std::vector<std::string>& b,
                       const TokenWeights& weights) {
  double shared = 0, all = 0;
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i] < b[j])) {
      all += weights.Weight(a[i++]);
    } else if (i == a.size() || b[j] < a[i]) {
      all += weights.Weight(b[j++]);
    } else {
      const double w = weights.Weight(a[i]);
      shared += w;
      all += w;
      ++i;
      ++j;
    }
  }
  return all > 0 ? shared / all : 0;
}

namespace dup_internal {
namespace {

// Items with tokens as ids (in token text order, so sums run in the same
// order as TitleSimilarity's and give the same doubles) and weights looked
// up once.
struct Prepared {
  std::vector<std::vector<int>> ids;  // Per item, ascending.
  std::vector<double> weight;         // Per id.
  std::vector<std::string> audience;  // Per item.
};

Prepared Prepare(const std::vector<Item>& items, const TokenWeights& weights) {
  std::map<std::string, int> id;
  for (const Item& item : items) {
    for (const std::string& t : item.tokens) id.emplace(t, 0);
  }
  Prepared p;
  for (auto& [token, n] : id) {
    n = static_cast<int>(p.weight.size());
    p.weight.push_back(weights.Weight(token));
  }
  for (const Item& item : items) {
    std::vector<int> ids;
    for (const std::string& t : item.tokens) ids.push_back(id[t]);
    p.ids.push_back(std::move(ids));
    p.audience.push_back(AudienceOf(item.tokens));
  }
  return p;
}

// TitleSimilarity of items i and j.
double Similarity(const Prepared& p, size_t i, size_t j) {
  const std::vector<int>& a = p.ids[i];
  const std::vector<int>& b = p.ids[j];
  double shared = 0, all = 0;
  size_t x = 0, y = 0;
  while (x < a.size() || y < b.size()) {
    if (y == b.size() || (x < a.size() && a[x] < b[y])) {
      all += p.weight[a[x++]];
    } else if (x == a.size() || b[y] < a[x]) {
      all += p.weight[b[y++]];
    } else {
      const double w = p.weight[a[x]];
      shared += w;
      all += w;
      ++x;
      ++y;
    }
  }
  const double s = all > 0 ? shared / all : 0;
  return p.audience[i] == p.audience[j] ? s : s * kAudiencePenalty;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> SimilarPairs(
    const std::vector<Item>& items, const TokenWeights& weights,
    double threshold) {
  const Prepared p = Prepare(items, weights);
  // Index keys: (group, token id); the group as a number.
  std::map<std::string, size_t> group_id;
  for (const Item& item : items) group_id.emplace(item.group, group_id.size());
  std::unordered_map<uint64_t, std::vector<size_t>> index;
  std::vector<size_t> seen(items.size(), SIZE_MAX);
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i < items.size(); ++i) {
    // Global token order: heavier (rarer) first, then by id.
    std::vector<int> order = p.ids[i];
    std::sort(order.begin(), order.end(), [&p](int x, int y) {
      return p.weight[x] != p.weight[y] ? p.weight[x] > p.weight[y] : x < y;
    });
    double total = 0;
    for (int t : order) total += p.weight[t];
    // Prefix: tokens until what is left weighs less than threshold * total.
    // A pair at or above the threshold shares a token in both prefixes.
    const uint64_t g = group_id[items[i].group];
    double left = total;
    std::vector<uint64_t> keys;
    for (int t : order) {
      if (left < threshold * total - 1e-12) break;
      keys.push_back(g << 32 | static_cast<uint32_t>(t));
      left -= p.weight[t];
    }
    for (uint64_t key : keys) {
      auto it = index.find(key);
      if (it == index.end()) continue;
      for (size_t j : it->second) {
        if (seen[j] == i) continue;
        seen[j] = i;
        if (items[j].owner == items[i].owner) continue;
        if (Similarity(p, j, i) >= threshold) pairs.emplace_back(j, i);
      }
    }
    for (uint64_t key : keys) index[key].push_back(i);
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

std::vector<std::pair<size_t, size_t>> SimilarPairsAllPairs(
    const std::vector<Item>& items, const TokenWeights& weights,
    double threshold) {
  const Prepared p = Prepare(items, weights);
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i < items.size(); ++i) {
    for (size_t j = i + 1; j < items.size(); ++j) {
      if (items[i].group != items[j].group ||
          items[i].owner == items[j].owner) {
        continue;
      }
      if (Similarity(p, i, j) >= threshold) pairs.emplace_back(i, j);
    }
  }
  return pairs;
}

}  // namespace dup_internal

std::vector<Finding> FindDuplicates(const Organisation& org,
                                    const DuplicateOptions& options) {
  return dup_internal::Detect(org, options, dup_internal::SimilarPairs);
}

std::vector<Finding> FindDuplicatesAllPairs(const Organisation& org,
                                            const DuplicateOptions& options) {
  return dup_internal::Detect(org, options,
                              dup_internal::SimilarPairsAllPairs);
}

}  // namespace okr
