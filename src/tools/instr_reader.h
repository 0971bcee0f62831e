// The tools read instructions with binary/instr_reader.h (the reader the module decoder frames constant
// expressions with); these names keep the tools' spelling.
#pragma once
#include "binary/instr_reader.h"

namespace wisp::tools {

using binary::Instr;
using binary::natural_align_log2;
using binary::read_instr;
using binary::read_instrs;

}  // namespace wisp::tools
