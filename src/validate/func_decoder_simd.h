// FuncDecoder: the 0xFD (SIMD) prefix. Included by func_decoder_impl.h only.
// Not implemented yet: every 0xFD instruction is an illegal opcode. When SIMD lands, decode the
// sub-opcode here (immediates: memarg + lane, 16-byte v128.const, lane indices), validate with the
// same stack helpers (push/pop with ValType::v128()), and add hooks to null_visitor.h (additively).
#pragma once

#include "validate/func_decoder.h"

namespace wisp::validate {

template <typename Tag, typename Visitor>
bool FuncDecoder<Tag, Visitor>::decode_simd(bool /*live*/) {
  uint32_t sub;
  if (!read_u32(sub)) return false;
  return malformed_opcode(0xFD, true, sub);
}

}  // namespace wisp::validate
