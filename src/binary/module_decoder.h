// Binary module decoder: every section of a Wasm 2.0 binary into wasm::Module (DESIGN.md §1).
// Only structural (Malformed) errors are reported here; typing rules live in validate::validate_module.
// Function bodies are decoded only up to their local declarations; the validator decodes the code.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "util/error.h"
#include "wasm/module.h"

namespace wisp::binary {

// Decodes `bytes` (moved into Module::bytes, which FuncBody and CustomSection offsets point into).
// Errors have kind Malformed, the spec's message and the byte offset where decoding stopped. `features`
// are the post-2.0 proposals to accept (recorded in Module::features for the validator).
Result<std::shared_ptr<wasm::Module>> decode_module(std::vector<uint8_t> bytes,
                                                    Features features = Features::defaults());

}  // namespace wisp::binary
