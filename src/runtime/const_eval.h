// Evaluation of constant expressions (global initialisers, segment offsets, element expressions).
#pragma once
#include <memory>

#include "runtime/instance_data.h"
#include "runtime/value.h"
#include "util/error.h"
#include "wasm/module.h"

namespace wisp::runtime {

// Evaluates validated constant expressions of inst.module against `inst` through the one body decoder
// (validate::FuncDecoder in Trusted mode, with a visitor that computes the value): global.get reads
// inst.globals, ref.func i yields inst.funcs[i] (as a FuncInstance* RefBits). Supports the 2.0 forms,
// v128.const and the extended-const i32/i64 add/sub/mul. A global or function the instance does not
// have yet is an Invalid error. One evaluator serves many expressions (the decoder is set up once).
class ConstEvaluator {
 public:
  explicit ConstEvaluator(const InstanceData& inst);
  ~ConstEvaluator();
  ConstEvaluator(const ConstEvaluator&) = delete;
  ConstEvaluator& operator=(const ConstEvaluator&) = delete;

  Result<Value> eval(const wasm::ConstExpr& expr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One expression (a ConstEvaluator used once).
Result<Value> eval_const(const wasm::ConstExpr& expr, const InstanceData& inst);

}  // namespace wisp::runtime
