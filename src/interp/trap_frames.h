// Trap frames: maps the interpreter's positions back to Wasm functions and byte offsets.
#pragma once
#include <cstdint>

#include "interp/exec_state.h"

namespace wisp::interp {

// Appends the frame of `func` (innermost-last order: call for the innermost frame first) to `e`. `ip`
// is the position in func's IR: the trapping instruction (`is_return = false`) or the return address
// of a call (`is_return = true`); nullptr when unknown (e.g. a guard-page fault).
void add_frame(Error& e, const runtime::FuncInstance* func, const uint32_t* ip, bool is_return);

// Appends the frames of one invoke() level: the trapping function, then its callers, outermost last.
void add_level_frames(Error& e, const ExecState& st);

}  // namespace wisp::interp
