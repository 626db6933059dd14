// Copyright 2026 The okrd Authors.
//
// Structural rules every stored organisation obeys: unique keys, references
// that resolve, a unit tree and a manager tree without cycles, an alignment
// graph (parent and supports links) without cycles, values in range. These
// are hard errors; advisory OKR rules (2-3 objectives per unit, ...) are lint,
// elsewhere. Pure functions; thread-safe.

#ifndef OKR_CORE_MODEL_VALIDATE_H_
#define OKR_CORE_MODEL_VALIDATE_H_

#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/model/organisation.h"

namespace okr {

// Every violation, one line each, naming the item by kind and key, e.g.
// `objective "o-eng-1": parent objective "o-x" does not exist`. Empty when
// the organisation is valid. Order is deterministic.
std::vector<std::string> FindModelErrors(const Organisation& org);

// OK, or InvalidArgument with the first violation and how many follow.
Status ValidateOrganisation(const Organisation& org);

// The objective keys of one alignment cycle, in order, with the first key
// repeated at the end; empty when the alignment graph is acyclic.
std::vector<std::string> FindAlignmentCycle(const Organisation& org);

}  // namespace okr

#endif  // OKR_CORE_MODEL_VALIDATE_H_
