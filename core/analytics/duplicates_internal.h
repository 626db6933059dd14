// Copyright 2026 The okrd Authors.
//
// Internal to the double-work detector: items, pair finders, the rules.

#ifndef OKR_CORE_ANALYTICS_DUPLICATES_INTERNAL_H_
#define OKR_CORE_ANALYTICS_DUPLICATES_INTERNAL_H_

#include <string>
#include <utility>
#include <vector>

#include "core/analytics/duplicates.h"

namespace okr::dup_internal {

struct Item {
  std::vector<std::string> tokens;  // TitleTokens.
  std::string group;  // Only items of one group are compared (cycle, ...).
  std::string owner;  // Items of one owner (unit) are never a pair.
};

using PairFinder = std::vector<std::pair<size_t, size_t>> (*)(
    const std::vector<Item>&, const TokenWeights&, double);

// Pairs (i < j) of the same group, different owners, similarity >=
// threshold, sorted. SimilarPairs uses the prefix-filtered inverted index;
// SimilarPairsAllPairs compares every pair. Same result.
std::vector<std::pair<size_t, size_t>> SimilarPairs(
    const std::vector<Item>& items, const TokenWeights& weights,
    double threshold);
std::vector<std::pair<size_t, size_t>> SimilarPairsAllPairs(
    const std::vector<Item>& items, const TokenWeights& weights,
    double threshold);

// The rules of duplicates.h with the given pair finder (duplicates_rules.cc).
std::vector<Finding> Detect(const Organisation& org,
                            const DuplicateOptions& options, PairFinder find);

}  // namespace okr::dup_internal

#endif  // OKR_CORE_ANALYTICS_DUPLICATES_INTERNAL_H_
