// Validation of constant expressions (global initialisers, segment offsets, element expressions).
#pragma once
#include <cstdint>

#include "util/error.h"
#include "wasm/module.h"

namespace wisp::validate {

// Checks that `expr` is a valid constant expression producing exactly one value of type `expected`.
// `num_visible_globals` is how many globals `global.get` may refer to (Wasm 2.0: the imported ones),
// and those must be immutable. `ref.func` indices must be in range. `extended_const` also admits
// i32/i64 add, sub and mul (the extended-const feature).
Result<void> validate_const_expr(const wasm::Module& module, const wasm::ConstExpr& expr,
                                 wasm::ValType expected, uint32_t num_visible_globals,
                                 bool extended_const = false);

}  // namespace wisp::validate
