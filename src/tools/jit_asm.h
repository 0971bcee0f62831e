// `wisp inspect --asm FUNC`: the baseline JIT's machine code of one function, disassembled (Zydis),
// each piece under the IR instruction it comes from. Also the golden machine-code listings' format.
//
// Layering (DESIGN.md §6): the tools library sits on the layers below the API, the JIT among them, so
// the listing is built here from jit::compile and jit/code_info.h. Zydis is loaded at run time
// (dlopen of libZydis.so.4.0) rather than linked: the CLI is a static executable and Debian ships only
// Zydis' shared library; its headers (libzydis-dev, found by CMake) give the types. A build without the
// JIT or without Zydis' headers, or a machine without the library, gets a clear error instead.
#pragma once
#include <string>
#include <string_view>

#include "util/error.h"
#include "wasm/module.h"

namespace wisp::tools {

// The listing of defined function `func` (index, name or export name). It holds no absolute address:
// code offsets count from the function's first byte, branch targets are such offsets, and helper calls
// show the helper's name. Errors: Usage for an unknown or imported function or a build or machine that
// cannot disassemble; the validator's error for an invalid module.
Result<std::string> function_asm_text(const wasm::Module& m, std::string_view func);

}  // namespace wisp::tools
