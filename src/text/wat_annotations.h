// Internal: the annotations of a text module that mean something (the annotations proposal's appendix):
// `(@custom ...)` custom sections, `(@name ...)` names, `(@metadata.code.branch_hint ...)` branch hints.
// Every other annotation is ignored.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "text/lexer.h"
#include "util/error.h"

namespace wisp::text {

// Checks the annotations of a module (`module` holds the fields from items[first]; for a bare-field
// source it is the parse root) and adds to `binary`, a module the encoder produced from those fields,
// the custom sections they ask for: each `(@custom ...)` at its place and a "name" section for the
// module, function and local names of `(@name ...)`. Branch hints are checked (placement, target, duplicates)
// but not encoded: the interpreter has no use for them. Errors as the reference interpreter words them,
// Malformed, except a hint on an instruction that is no branch (Invalid).
Result<void> apply_annotations(const Sexp& module, size_t first, std::vector<uint8_t>& binary);

}  // namespace wisp::text
