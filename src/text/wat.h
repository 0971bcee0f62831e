// WAT (WebAssembly text) to binary. Text is only encoded here; types are checked later by the validator.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "util/error.h"

namespace wisp::text {

// Text-format dialect switches.
struct WatOptions {
  // Accept the pre-standard instruction names (get_local, set_local, tee_local, get_global, set_global,
  // current_memory, grow_memory, i32.wrap/i64, ...) that older compilers still emit. The spec scripts
  // require them to be rejected ("unknown operator"), so `wisp wast` turns this off.
  bool legacy_names = true;
};

// A whole .wat file: "(module ...)" or bare module fields. Errors: kind Malformed, message "LINE:COL: what".
// `(module binary "...")` yields the given bytes; `(module quote "...")` parses the quoted text.
Result<std::vector<uint8_t>> wat_to_wasm(std::string_view source, const WatOptions& options = {});

// The strict dialect of the spec scripts (.wast): standard names only.
inline constexpr WatOptions kScriptDialect{.legacy_names = false};

}  // namespace wisp::text
