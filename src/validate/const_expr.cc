#include "validate/const_expr.h"

#include "validate/func_decoder.h"

namespace wisp::validate {

Result<void> validate_const_expr(const wasm::Module& module, const wasm::ConstExpr& expr,
                                 wasm::ValType expected, uint32_t num_visible_globals, bool extended_const) {
  thread_local DecoderScratch scratch;
  NullVisitor visitor;
  FuncDecoder<ConstExprTag, NullVisitor> decoder(module, expr, expected, num_visible_globals, visitor, &scratch);
  decoder.set_extended_const(extended_const);
  return decoder.decode();
}

}  // namespace wisp::validate
