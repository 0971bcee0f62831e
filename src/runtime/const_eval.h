// Evaluation of constant expressions (global initialisers, segment offsets, element expressions).
#pragma once
#include "runtime/instance_data.h"
#include "runtime/value.h"
#include "util/error.h"
#include "wasm/module.h"

namespace wisp::runtime {

// Evaluates a validated constant expression against `inst`: global.get reads inst.globals, ref.func i
// yields inst.funcs[i] (as a FuncInstance* RefBits). Supports the 2.0 forms plus the extended-const
// i32/i64 add/sub/mul and v128.const. A malformed expression (not validated) is an Invalid error.
Result<Value> eval_const(const wasm::ConstExpr& expr, const InstanceData& inst);

}  // namespace wisp::runtime
