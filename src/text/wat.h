// WAT (WebAssembly text) to binary. Text is only encoded here; types are checked later by the validator.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "util/error.h"

namespace wisp::text {

// A whole .wat file: "(module ...)" or bare module fields. Errors: kind Malformed, message "LINE:COL: what".
// `(module binary "...")` yields the given bytes; `(module quote "...")` parses the quoted text.
Result<std::vector<uint8_t>> wat_to_wasm(std::string_view source);

}  // namespace wisp::text
