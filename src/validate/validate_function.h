// Validation of one function body (FuncDecoder with NullVisitor).
#pragma once
#include <cstdint>

#include "util/error.h"
#include "wasm/module.h"

namespace wisp::validate {

// Validates the body of defined function `func_index` (an index in the function index space).
// Decode problems inside the body (unknown opcode, bad LEB128, missing data count section, ...) are
// reported with kind Malformed; typing problems with kind Invalid; both carry the byte offset.
Result<void> validate_function(const wasm::Module& module, uint32_t func_index);

}  // namespace wisp::validate
