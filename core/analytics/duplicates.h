// Copyright 2026 The okrd Authors.
//
// Double work: objectives and key results in different units that are
// probably the same work. Deterministic and explainable:
//
//  1. Titles become token sets (TitleTokens): ASCII lowercase, split at
//     anything but letters and digits, numbers and stop words dropped, a
//     light suffix stemmer, then a small table of synonyms mapped to one
//     word ("cut", "lower", "decrease" -> "reduc"). docs/analytics.md has
//     the lists.
//  2. Each token weighs its inverse document frequency over all titles of
//     the organisation (objectives and KRs): ln(1 + N / df). Similarity is
//     the weighted Jaccard of the two sets: the weight of the shared tokens
//     over the weight of all tokens of either. Rare shared words count;
//     an extra rare word ("hiring" churn) pulls the score down.
//  3. Rules (each a Finding naming both items, with the score):
//     duplicate-objective: objectives of the same cycle in different units,
//       title similarity >= title_threshold;
//     same metric: KRs (not milestones) of the same cycle in different
//       units with the same unit of measure and direction and KR-title
//       similarity >= metric_threshold, whose objectives are not a cascade
//       (neither reaches the other through parents or supports). Then
//       duplicate-metric when they have different parents (the same metric
//         is pursued in two branches), else
//       kpi-unlinked (siblings, or unaligned: two teams target one KPI
//         and no alignment link joins them).
//  Candidates come from an inverted index with prefix filtering (only the
//  rarest tokens of each title are indexed, enough that any pair above the
//  threshold shares one), so common words never make it all-pairs.
//
// Pure functions; thread-safe.

#ifndef OKR_CORE_ANALYTICS_DUPLICATES_H_
#define OKR_CORE_ANALYTICS_DUPLICATES_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics/finding.h"
#include "core/model/organisation.h"

namespace okr {

struct DuplicateOptions {
  double title_threshold = 0.55;
  double metric_threshold = 0.6;
};

// Sorted, unique tokens of a title (step 1).
std::vector<std::string> TitleTokens(std::string_view title);

// Inverse document frequencies over a corpus of token sets.
class TokenWeights {
 public:
  explicit TokenWeights(const std::vector<std::vector<std::string>>& docs);
  // ln(1 + N / df); an unseen token weighs as if df were 1.
  double Weight(const std::string& token) const;

 private:
  std::map<std::string, double, std::less<>> weight_;  // Per seen token.
  double unseen_ = 0;
};

// Weighted Jaccard of two TitleTokens sets, in 0..1; 0 when both are empty.
double WeightedJaccard(const std::vector<std::string>& a,
                       const std::vector<std::string>& b,
                       const TokenWeights& weights);

// What the rules use: WeightedJaccard, times kAudiencePenalty when the two
// sets differ in their audience words (customer, employee, patient, SMB,
// enterprise, mobile, web, ...; docs/analytics.md has the list).
inline constexpr double kAudiencePenalty = 0.5;
double TitleSimilarity(const std::vector<std::string>& a,
                       const std::vector<std::string>& b,
                       const TokenWeights& weights);

// Every double-work finding (warnings), duplicate-objective first, each
// list ordered by the first item's position in the organisation.
std::vector<Finding> FindDuplicates(const Organisation& org,
                                    const DuplicateOptions& options = {});

// The same pairs by comparing every pair (no index): the reference the
// benchmark and a test hold FindDuplicates to.
std::vector<Finding> FindDuplicatesAllPairs(
    const Organisation& org, const DuplicateOptions& options = {});

}  // namespace okr

#endif  // OKR_CORE_ANALYTICS_DUPLICATES_H_
