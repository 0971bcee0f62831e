// Module-level validation (DESIGN.md §1): index spaces, limits, exports, start, segments and constant
// expressions, then every function body through validate_function.
#pragma once
#include "util/error.h"
#include "wasm/module.h"

namespace wisp::validate {

// Checks a decoded module against the Wasm 2.0 validation rules and returns the first error, with kind
// Invalid (or Malformed for decode problems found inside function bodies) and the spec's message.
Result<void> validate_module(const wasm::Module& module);

}  // namespace wisp::validate
