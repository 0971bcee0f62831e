// Text listing of a function's IR (handler names and operands), for golden tests and `wisp inspect --ir`.
#pragma once
#include <string>

#include "interp/func_code.h"

namespace wisp::interp {

// One instruction per line: "  <word offset>: op_i32_add_sss s2 s0 i7 ..." where sN is slot N (byte
// offset / 8), iN / IN immediates, @N absolute branch targets (word offsets), #N indices, +N memory offsets.
std::string print_ir(const FuncCode& code);

}  // namespace wisp::interp
