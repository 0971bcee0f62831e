#include "runtime/const_eval.h"

#include <cstring>
#include <vector>

#include "validate/func_decoder.h"

namespace wisp::runtime {

namespace {

// Computes a constant expression's value while FuncDecoder walks it. The decoder runs in Trusted mode
// (the module was validated when it was compiled); the checks left here are about the instance
// (globals not yet created), not the code.
class Evaluator : public validate::NullVisitor {
 public:
  Evaluator(const InstanceData& inst, std::vector<Value>& stack) : inst_(inst), stack_(stack) {}

  void on_i32_const(uint32_t v) { stack_.push_back(Value::from_i32(v)); }
  void on_i64_const(uint64_t v) { stack_.push_back(Value::from_i64(v)); }
  void on_f32_const(uint32_t v) { stack_.push_back(Value::from_f32_bits(v)); }
  void on_f64_const(uint64_t v) { stack_.push_back(Value::from_f64_bits(v)); }
  void on_v128_const(const uint8_t* bytes) {
    Value v;
    std::memcpy(v.bytes, bytes, 16);
    stack_.push_back(v);
  }
  void on_ref_null(wasm::ValType) { stack_.push_back(Value::from_ref(0)); }
  void on_ref_func(uint32_t i) {
    if (i >= inst_.funcs.size()) return fail("unknown function");
    stack_.push_back(Value::from_ref(reinterpret_cast<RefBits>(inst_.funcs[i])));
  }
  void on_global_get(uint32_t i, wasm::ValType) {
    if (i >= inst_.globals.size() || !inst_.globals[i]) return fail("unknown global");
    stack_.push_back(inst_.globals[i]->value);
  }
  // Extended constant expressions: i32/i64 add, sub, mul (the only operators the decoder passes).
  void on_numeric(wasm::Op op) {
    if (stack_.size() < 2) return fail("type mismatch");
    Value b = stack_.back();
    stack_.pop_back();
    Value& a = stack_.back();
    switch (op) {
      case wasm::Op::i32_add: a = Value::from_i32(a.i32() + b.i32()); break;
      case wasm::Op::i32_sub: a = Value::from_i32(a.i32() - b.i32()); break;
      case wasm::Op::i32_mul: a = Value::from_i32(a.i32() * b.i32()); break;
      case wasm::Op::i64_add: a = Value::from_i64(a.i64() + b.i64()); break;
      case wasm::Op::i64_sub: a = Value::from_i64(a.i64() - b.i64()); break;
      case wasm::Op::i64_mul: a = Value::from_i64(a.i64() * b.i64()); break;
      default: fail("unsupported instruction");
    }
  }

  // GC (issue 16): no heap yet; the allocating and converting constant instructions fail cleanly.
  void on_struct_new(uint32_t) { fail(kGcTodo); }
  void on_struct_new_default(uint32_t) { fail(kGcTodo); }
  void on_array_new(uint32_t) { fail(kGcTodo); }
  void on_array_new_default(uint32_t) { fail(kGcTodo); }
  void on_array_new_fixed(uint32_t, uint32_t) { fail(kGcTodo); }
  void on_ref_i31() { fail(kGcTodo); }
  void on_any_convert_extern() { fail(kGcTodo); }
  void on_extern_convert_any() { fail(kGcTodo); }

  void clear() {
    stack_.clear();
    error_ = nullptr;
  }

  Result<Value> result() const {
    if (error_) return Error::invalid(std::string("constant expression: ") + error_);
    if (stack_.size() != 1) return Error::invalid("constant expression: type mismatch");
    return stack_[0];
  }

 private:
  void fail(const char* what) {
    if (!error_) error_ = what;
  }

  static constexpr const char* kGcTodo = "GC instructions not supported yet";
  const InstanceData& inst_;
  std::vector<Value>& stack_;
  const char* error_ = nullptr;
};

}  // namespace

struct ConstEvaluator::Impl {
  using Decoder = validate::FuncDecoder<validate::ConstExprTag, Evaluator, validate::Trusted>;
  explicit Impl(const InstanceData& inst)
      : visitor(inst, stack), decoder(*inst.module, kEmpty, wasm::ValType::i32(), 0, visitor, &scratch) {
    stack.reserve(8);
  }
  static inline const wasm::ConstExpr kEmpty{};
  std::vector<Value> stack;
  Evaluator visitor;
  validate::DecoderScratch scratch;
  // Trusted mode does not check the result type, so the expected type is only a placeholder.
  Decoder decoder;
};

ConstEvaluator::ConstEvaluator(const InstanceData& inst) : impl_(std::make_unique<Impl>(inst)) {}
ConstEvaluator::~ConstEvaluator() = default;

Result<Value> ConstEvaluator::eval(const wasm::ConstExpr& expr) {
  impl_->visitor.clear();
  impl_->decoder.reset(expr);
  WISP_TRY(impl_->decoder.decode());
  return impl_->visitor.result();
}

Result<Value> eval_const(const wasm::ConstExpr& expr, const InstanceData& inst) {
  return ConstEvaluator(inst).eval(expr);
}

}  // namespace wisp::runtime
