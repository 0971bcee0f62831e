// Internal: the annotations of a text module that mean something (the annotations proposal's appendix):
// `(@custom ...)` custom sections, `(@name ...)` names, `(@metadata.code.branch_hint ...)` branch hints.
// Every other annotation is ignored.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/lexer.h"
#include "util/error.h"

namespace wisp::text {

// Checks the annotations of a module (`module` holds the fields from items[first]; for a bare-field
// source it is the parse root) and adds to `binary`, a module the encoder produced from those fields,
// the custom sections they ask for: each `(@custom ...)` at its place and a "name" section for the
// module, function and local names of `(@name ...)`, and the "metadata.code.branch_hint" section of
// `hints` (per function index: body offset and hint byte, as the encoder found them). Branch hint
// annotations are checked here (in a function, on if/br_if, one per instruction). Errors as the reference
// interpreter words them, Malformed, except a hint on an instruction that is no branch (Invalid).
using BranchHints = std::vector<std::pair<uint32_t, std::vector<std::pair<uint32_t, uint8_t>>>>;
Result<void> apply_annotations(const Sexp& module, size_t first, const BranchHints& hints,
                               std::vector<uint8_t>& binary);

// The instructions of a function field that carry a branch hint, with the hint byte (unchecked: the
// caller's module goes through apply_annotations, which rejects bad ones).
std::unordered_map<const Sexp*, uint8_t> branch_hint_targets(const Sexp& func);

}  // namespace wisp::text
