// wisp public API: the WebAssembly text format. Link wisp_text (the C++ API's Module::compile takes
// binary modules; this turns a .wat module into one).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "wisp/error.h"

namespace wisp {

// Encodes one WAT module (`(module ...)`, or bare module fields) into the binary format. A syntax error
// is an Error of kind Malformed naming the line and column.
Result<std::vector<uint8_t>> wat_to_wasm(std::string_view wat);

}  // namespace wisp
