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

std::string Unique(const std::string& base,
                   std::unordered_set<std::string>* taken) {
  std::string key = base;
  for (int n = 2; taken->count(key) > 0; ++n) {
    key = base + "-" + std::to_string(n);
  }
  taken->insert(key);
  return key;
}

// "o-" + slug of cycle, unit (or the owner's e-mail name) and title.
std::string ObjectiveStem(const ObjectiveDraft& draft) {
  const Objective& o = draft.objective;
  std::string who = o.unit_key;
  if (who.empty()) who = o.owner_email.substr(0, o.owner_email.find('@'));
  if (who.empty()) who = draft.owner_name;
  std::string stem = Slugify(o.cycle + " " + who + " " + o.title, 64);
  return "o-" + (stem.empty() ? std::string("objective") : stem);
}

void AssignKeys(OkrDrafts* drafts) {
  std::unordered_set<std::string> objective_keys;
  std::unordered_set<std::string> kr_keys;
  objective_keys.reserve(drafts->objectives.size());
  kr_keys.reserve(drafts->krs.size());
  for (const ObjectiveDraft& d : drafts->objectives) {
    if (d.key_from_file) objective_keys.insert(d.objective.key);
  }
  for (const KrDraft& d : drafts->krs) {
    if (d.key_from_file) kr_keys.insert(d.kr.key);
  }
  for (ObjectiveDraft& d : drafts->objectives) {
    if (!d.key_from_file) {
      d.objective.key = Unique(ObjectiveStem(d), &objective_keys);
    }
    const std::string& key = d.objective.key;
    const std::string stem = key.substr(0, 2) == "o-" ? key.substr(2) : key;
    for (size_t i = 0; i < d.krs.size(); ++i) {
      KrDraft& kr = drafts->krs[d.krs[i]];
      kr.kr.objective_key = key;
      if (kr.key_from_file) continue;
      kr.kr.key = Unique("kr-" + stem + "-" + std::to_string(i + 1), &kr_keys);
    }
  }
}

class LinkResolver {
 public:
  LinkResolver(const OkrDrafts& drafts, MapState* state) : state_(*state) {
    for (const ObjectiveDraft& d : drafts.objectives) {
      index_.AddObjective(d.objective.key, d.objective.title);
    }
    for (const KrDraft& d : drafts.krs) index_.AddKeyResult(d.kr.key);
  }

  void Resolve(ObjectiveDraft* draft) {
    Objective& o = draft->objective;
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

void Output(OkrDrafts* drafts, MapState* state) {
  MappedWorkbook& out = state->out;
  out.org.objectives.reserve(out.org.objectives.size() +
                             drafts->objectives.size());
  out.org.key_results.reserve(out.org.key_results.size() + drafts->krs.size());
  for (ObjectiveDraft& d : drafts->objectives) {
    const std::string key = d.objective.key;
    state->Locate(ItemKind::kObjective, out.org.objectives.size(), d.location);
    out.derived_objectives.push_back(!d.key_from_file);
    if (!d.owner_name.empty())
      out.owner_names["objective:" + key] = d.owner_name;
    out.org.objectives.push_back(std::move(d.objective));
    for (size_t index : d.krs) {
      KrDraft& kr = drafts->krs[index];
      const std::string kr_key = kr.kr.key;
      state->Locate(ItemKind::kKeyResult, out.org.key_results.size(),
                    kr.location);
      out.derived_krs.push_back(!kr.key_from_file);
      if (kr.confidence) out.kr_confidence[kr_key] = *kr.confidence;
      if (!kr.owner_name.empty())
        out.owner_names["kr:" + kr_key] = kr.owner_name;
      out.org.key_results.push_back(std::move(kr.kr));
    }
  }
}

}  // namespace

void FinishOkrDrafts(OkrDrafts* drafts, MapState* state) {
  AssignKeys(drafts);
  // The link index costs an entry per item: only built when a row links.
  const bool links_given = std::any_of(
      drafts->objectives.begin(), drafts->objectives.end(),
      [](const ObjectiveDraft& d) {
        return !d.parent_text.empty() || !d.support_texts.empty();
      });
  if (links_given) {
    LinkResolver links(*drafts, state);
    for (ObjectiveDraft& d : drafts->objectives) links.Resolve(&d);
  }
  Output(drafts, state);
}

}  // namespace okr::mapper_internal
