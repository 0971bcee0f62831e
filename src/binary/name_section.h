// The "name" custom section (module, function and local names). Best effort: per the spec's appendix,
// a malformed name section is ignored rather than rejecting the module.
#pragma once
#include <cstddef>
#include <cstdint>

#include "wasm/module.h"

namespace wisp::binary {

// Parses the contents of a "name" custom section ([begin, end) of `base`, after the section name).
// Returns false (leaving `out` untouched) when the contents are malformed.
bool decode_name_section(const uint8_t* base, size_t begin, size_t end, wasm::NameSection& out);

}  // namespace wisp::binary
