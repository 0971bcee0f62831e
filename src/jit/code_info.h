// Queries on compiled code for the tools (wisp inspect --asm, golden machine-code listings) and the
// perf map: where a function's machine code lies and which IR instruction each piece comes from.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "interp/func_code.h"

namespace wisp::jit {

struct CodeInfo {
  const uint8_t* start = nullptr;  // the function's machine code (its entry trampoline first)
  size_t size = 0;                 // bytes of machine code and data
  size_t text_size = 0;            // of those, instructions: data (br_table jump tables) follows
  // (native offset, IR word position) of each IR instruction's code, in ascending offset; code before the
  // first is the entry trampoline and exit; a last entry at the IR's size starts the out-of-line code
  // (the hand-over at the IR's end, then each slow path's hand-over).
  std::vector<std::pair<uint32_t, uint32_t>> ir_map;
};

// Where the machine code of `code` lies when the JIT compiled it (jit::compile, or tier-up), else nullopt.
std::optional<CodeInfo> code_info(const interp::FuncCode& code);

// The name of the runtime helper machine code calls at `address` ("global_get", ...), or "" if none.
std::string_view helper_name(uint64_t address);

}  // namespace wisp::jit
