// Copyright 2026 The okrd Authors.
//
// The last step of the OKRs mapping: derived keys for objectives and key
// results without an ID, Parent and Supports resolved (links.h), and the
// drafts appended to the output with their locations.

#include <algorithm>
#include <set>
#include <unordered_set>
#include <utility>

#include "core/model/text.h"
#include "importers/template/links.h"
#include "importers/template/okr_internal.h"

namespace okr::mapper_internal {
namespace {

std::string Quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// Views of the keys given so far: each points into an item's key, which is
// not changed again, in a vector that does not grow while keys are assigned.
using TakenKeys = std::unordered_set<std::string_view>;

// Sets *key to `base`, or base-2, base-3, ... whichever is free, and takes it.
void AssignUnique(const std::string& base, TakenKeys* taken, std::string* key) {
  *key = base;
  for (int n = 2; taken->count(*key) > 0; ++n) {
    *key = base + "-" + std::to_string(n);
  }
  taken->insert(*key);
}

// "o-" + slug of cycle, unit (or the owner's e-mail name) and title.
std::string ObjectiveStem(const Objective& o, const ObjectiveDraft& draft) {
  std::string who = o.unit_key;
  if (who.empty()) who = o.owner_email.substr(0, o.owner_email.find('@'));
  if (who.empty()) who = draft.owner_name;
  std::string stem = Slugify(o.cycle + " " + who + " " + o.title, 64);
  return "o-" + (stem.empty() ? std::string("objective") : stem);
}

void AssignKeys(OkrDrafts* drafts) {
  TakenKeys objective_keys;
  TakenKeys kr_keys;
  objective_keys.reserve(drafts->objectives.size());
  kr_keys.reserve(drafts->krs.size());
  for (size_t i = 0; i < drafts->objectives.size(); ++i) {
    if (drafts->objective_drafts[i].key_from_file) {
      objective_keys.insert(drafts->objectives[i].key);
    }
  }
  for (size_t i = 0; i < drafts->krs.size(); ++i) {
    if (drafts->kr_drafts[i].key_from_file) kr_keys.insert(drafts->krs[i].key);
  }
  for (size_t o = 0; o < drafts->objectives.size(); ++o) {
    Objective& objective = drafts->objectives[o];
    const ObjectiveDraft& d = drafts->objective_drafts[o];
    if (!d.key_from_file) {
      AssignUnique(ObjectiveStem(objective, d), &objective_keys, &objective.key);
    }
    const std::string& key = objective.key;
    const std::string stem = key.substr(0, 2) == "o-" ? key.substr(2) : key;
    for (size_t i = 0; i < d.krs.size(); ++i) {
      KeyResult& kr = drafts->krs[d.krs[i]];
      kr.objective_key = key;
      if (drafts->kr_drafts[d.krs[i]].key_from_file) continue;
      AssignUnique("kr-" + stem + "-" + std::to_string(i + 1), &kr_keys,
                   &kr.key);
    }
  }
}

class LinkResolver {
 public:
  LinkResolver(const OkrDrafts& drafts, MapState* state) : state_(*state) {
    for (const Objective& o : drafts.objectives) {
      index_.AddObjective(o.key, o.title);
    }
    for (const KeyResult& k : drafts.krs) index_.AddKeyResult(k.key);
  }

  void Resolve(const ObjectiveDraft* draft, Objective* objective) {
    Objective& o = *objective;
    if (!draft->parent_text.empty()) {
      o.parent = Read(draft->parent_text, "parent", draft->parent_location);
      if (o.parent->kind == TargetKind::kObjective && o.parent->key == o.key) {
        state_.report.Error(
            draft->parent_location.ToString(),
            "objective " + Quoted(o.title) + " cannot be its own parent");
      }
    }
    for (const std::string& text : draft->support_texts) {
      o.supports.push_back(
          Read(text, "supported objective", draft->supports_location));
    }
  }

 private:
  LinkTarget Read(const std::string& text, std::string_view noun,
                  const CellAt& where) {
    LinkTarget target = ReadLinkText(text, index_);
    const bool in_file = target.kind == TargetKind::kObjective
                             ? index_.objective_keys.count(target.key) > 0
                             : index_.kr_keys.count(target.key) > 0;
    if (!in_file && text.find(' ') != std::string::npos) {
      state_.report.Warning(where.ToString(), std::string(noun) + " " + Quoted(text) +
                                       " is not the ID or title of an "
                                       "objective or key result in this "
                                       "file; it is kept as an ID");
    }
    return target;
  }

  LinkIndex index_;
  MapState& state_;
};

// Whether the key results, taken objective by objective, are in the order
// they were read (the usual layouts); `order` gets that sequence.
bool InReadOrder(const OkrDrafts& drafts, std::vector<size_t>* order) {
  order->reserve(drafts.krs.size());
  for (const ObjectiveDraft& d : drafts.objective_drafts) {
    order->insert(order->end(), d.krs.begin(), d.krs.end());
  }
  return std::is_sorted(order->begin(), order->end());
}

// Appends `items` to `to`, taking the vector whole when `to` is empty.
template <typename T>
void Append(std::vector<T>* items, std::vector<T>* to) {
  if (to->empty()) {
    *to = std::move(*items);
  } else {
    to->insert(to->end(), std::make_move_iterator(items->begin()),
               std::make_move_iterator(items->end()));
  }
  *items = {};
}

// The objectives, then their key results objective by objective, with their
// locations, key origins, confidences and unmatched owner names.
void Output(OkrDrafts* drafts, MapState* state) {
  MappedWorkbook& out = state->out;
  const size_t objectives_before = out.org.objectives.size();
  for (size_t i = 0; i < drafts->objectives.size(); ++i) {
    const ObjectiveDraft& d = drafts->objective_drafts[i];
    const std::string& key = drafts->objectives[i].key;
    state->Locate(ItemKind::kObjective, objectives_before + i, d.location);
    out.derived_objectives.push_back(!d.key_from_file);
    if (!d.owner_name.empty()) out.owner_names["objective:" + key] = d.owner_name;
  }
  Append(&drafts->objectives, &out.org.objectives);
  std::vector<size_t> order;
  const bool in_read_order = InReadOrder(*drafts, &order);
  const size_t krs_before = out.org.key_results.size();
  for (size_t n = 0; n < order.size(); ++n) {
    const KrDraft& kr = drafts->kr_drafts[order[n]];
    const std::string& key = drafts->krs[order[n]].key;
    state->Locate(ItemKind::kKeyResult, krs_before + n, kr.location);
    out.derived_krs.push_back(!kr.key_from_file);
    if (kr.confidence) out.kr_confidence[key] = *kr.confidence;
    if (!kr.owner_name.empty()) out.owner_names["kr:" + key] = kr.owner_name;
  }
  if (in_read_order) {
    Append(&drafts->krs, &out.org.key_results);
  } else {
    out.org.key_results.reserve(krs_before + order.size());
    for (size_t index : order) {
      out.org.key_results.push_back(std::move(drafts->krs[index]));
    }
    drafts->krs = {};
  }
}

}  // namespace

void FinishOkrDrafts(OkrDrafts* drafts, MapState* state) {
  AssignKeys(drafts);
  // The link index costs an entry per item: only built when a row links.
  const bool links_given = std::any_of(
      drafts->objective_drafts.begin(), drafts->objective_drafts.end(),
      [](const ObjectiveDraft& d) {
        return !d.parent_text.empty() || !d.support_texts.empty();
      });
  if (links_given) {
    LinkResolver links(*drafts, state);
    for (size_t i = 0; i < drafts->objectives.size(); ++i) {
      links.Resolve(&drafts->objective_drafts[i], &drafts->objectives[i]);
    }
  }
  Output(drafts, state);
}

}  // namespace okr::mapper_internal
