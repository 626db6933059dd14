// Copyright 2026 The okrd Authors.

#include "core/analytics/duplicates.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>
#include <set>
#include <unordered_map>

#include "core/analytics/duplicates_internal.h"

namespace okr {

TokenWeights::TokenWeights(const std::vector<std::vector<std::string>>& docs)
    : n_(static_cast<double>(docs.size())) {
  for (const auto& doc : docs) {
    for (const std::string& t : doc) ++df_[t];
  }
}

double TokenWeights::Weight(const std::string& token) const {
  auto it = df_.find(token);
  const double df = it == df_.end() ? 1.0 : it->second;
  return std::log(1.0 + std::max(n_, 1.0) / df);
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

bool SameAudience(const std::vector<std::string>& a,
                  const std::vector<std::string>& b) {
  std::vector<std::string_view> x, y;
  for (const std::string& t : a) {
    if (IsAudience(t)) x.push_back(t);
  }
  for (const std::string& t : b) {
    if (IsAudience(t)) y.push_back(t);
  }
  return x == y;
}

}  // namespace

double TitleSimilarity(const std::vector<std::string>& a,
                       const std::vector<std::string>& b,
                       const TokenWeights& weights) {
  const double s = WeightedJaccard(a, b, weights);
  return SameAudience(a, b) ? s : s * kAudiencePenalty;
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

std::vector<std::pair<size_t, size_t>> SimilarPairs(
    const std::vector<Item>& items, const TokenWeights& weights,
    double threshold) {
  // Global token order: heavier (rarer) first, then by text.
  auto before = [&weights](const std::string& x, const std::string& y) {
    const double wx = weights.Weight(x), wy = weights.Weight(y);
    return wx != wy ? wx > wy : x < y;
  };
  std::unordered_map<std::string, std::vector<size_t>> index;
  std::vector<size_t> seen(items.size(), SIZE_MAX);
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i < items.size(); ++i) {
    std::vector<std::string> order = items[i].tokens;
    std::sort(order.begin(), order.end(), before);
    double total = 0;
    for (const std::string& t : order) total += weights.Weight(t);
    // Prefix: tokens until what is left weighs less than threshold * total.
    double left = total;
    std::vector<std::string> keys;
    for (const std::string& t : order) {
      if (left < threshold * total - 1e-12) break;
      keys.push_back(items[i].group + '\x1f' + t);
      left -= weights.Weight(t);
    }
    for (const std::string& key : keys) {
      auto it = index.find(key);
      if (it == index.end()) continue;
      for (size_t j : it->second) {
        if (seen[j] == i) continue;
        seen[j] = i;
        if (items[j].owner == items[i].owner) continue;
        if (TitleSimilarity(items[j].tokens, items[i].tokens, weights) >=
            threshold) {
          pairs.emplace_back(j, i);
        }
      }
    }
    for (std::string& key : keys) index[std::move(key)].push_back(i);
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

std::vector<std::pair<size_t, size_t>> SimilarPairsAllPairs(
    const std::vector<Item>& items, const TokenWeights& weights,
    double threshold) {
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i < items.size(); ++i) {
    for (size_t j = i + 1; j < items.size(); ++j) {
      if (items[i].group != items[j].group ||
          items[i].owner == items[j].owner) {
        continue;
      }
      if (TitleSimilarity(items[i].tokens, items[j].tokens, weights) >=
          threshold) {
        pairs.emplace_back(i, j);
      }
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
