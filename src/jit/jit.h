// The baseline x86-64 JIT tier (DESIGN.md §10), on top of the interpreter: the API installs executor()
// with an engine's CodeMemory (make_engine_state) when Config::tier asks for the JIT.
#pragma once
#include <memory>

#include "interp/func_code.h"
#include "jit/code_memory.h"
#include "runtime/executor.h"

namespace wisp::jit {

// The interpreter's executor with every translated function handed to the JIT before it is published.
const runtime::Executor& executor();
// An engine's code memory (and counters), limited to `limit_bytes`.
std::shared_ptr<CodeMemory> make_engine_state(size_t limit_bytes);

// Compiles `code` (the interpreter's translation of a function of `mc`'s module) into `memory`: `code` with
// its machine code attached (FuncCode::jit_data) and op_jit_resume patched into its IR, or marked as left
// to the interpreter when nothing could be compiled (counted in memory.counters).
std::unique_ptr<interp::FuncCode> compile(std::unique_ptr<interp::FuncCode> code, const interp::ModuleCode& mc,
                                          CodeMemory& memory);

// Whether a function's published code is the JIT's.
bool is_compiled(const runtime::FuncEntry& entry);

}  // namespace wisp::jit
