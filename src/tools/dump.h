// `wisp inspect`: everything in a decoded module (what `wasm-objdump -x` shows), as a human listing or
// JSON; and the interpreter IR of one function (`--ir FUNC`).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/error.h"
#include "wasm/module.h"

namespace wisp::tools {

// "type", "import", ..., "datacount"; "custom" for id 0.
const char* section_name(uint8_t id);

// Number of entries a (non-custom) section declares, as decoded into `m`.
uint64_t section_item_count(const wasm::Module& m, uint8_t id);

// A function's display name: the name section's, else its first export's, else "".
std::string display_func_name(const wasm::Module& m, uint32_t func_index);

// Human listing: header, sections with offsets and sizes, then every index space and segment. A
// function's size is its whole code entry (size field, local declarations and body).
std::string inspect_text(const wasm::Module& m);
// The same information as one JSON object (ends with a newline).
std::string inspect_json(const wasm::Module& m);

// Resolves FUNC given as a function index, a name-section name or an export name.
std::optional<uint32_t> find_function(const wasm::Module& m, std::string_view func);

// The interpreter IR of defined function `func` (index, name or export name), as interp::print_ir lists
// it. Errors: Usage for an unknown or imported function; the validator's error for an invalid body.
Result<std::string> function_ir_text(const wasm::Module& m, std::string_view func);

}  // namespace wisp::tools
