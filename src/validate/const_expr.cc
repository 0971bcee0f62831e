#include "validate/const_expr.h"

#include "validate/func_decoder.h"

namespace wisp::validate {

Result<void> validate_const_expr(const wasm::Module& module, const wasm::ConstExpr& expr,
                                 wasm::ValType expected, uint32_t num_visible_globals, bool extended_const) {
  thread_local DecoderScratch scratch;
  NullVisitor visitor;
  FuncDecoder<ConstExprTag, NullVisitor> decoder(module, expr, expected, num_visible_globals, visitor, &scratch);
  decoder.set_extended_const(extended_const);
  Result<void> r = decoder.decode();
  // The decoder counts from the expression's first byte; errors name the module offset.
  if (!r.ok() && r.error().offset != UINT64_MAX && expr.offset != UINT64_MAX) r.error().offset += expr.offset;
  return r;
}

}  // namespace wisp::validate
