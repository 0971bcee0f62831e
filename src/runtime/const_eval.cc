#include "runtime/const_eval.h"

#include <cstring>
#include <vector>

#include "runtime/store_data.h"
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

  // GC: allocations go to the store's heap (StoreData::make_gc_heap); i31 is unboxed (gc/object.h).
  void on_struct_new(uint32_t ti) { struct_new(ti, true); }
  void on_struct_new_default(uint32_t ti) { struct_new(ti, false); }
  void on_array_new(uint32_t ti) {
    if (stack_.size() < 2) return fail("type mismatch");
    uint32_t n = stack_.back().i32();
    stack_.pop_back();
    Value init = stack_.back();
    stack_.pop_back();
    array_new(ti, n, &init, true);
  }
  void on_array_new_default(uint32_t ti) {
    if (stack_.empty()) return fail("type mismatch");
    uint32_t n = stack_.back().i32();
    stack_.pop_back();
    array_new(ti, n, nullptr, false);
  }
  void on_array_new_fixed(uint32_t ti, uint32_t n) {
    if (stack_.size() < n) return fail("type mismatch");
    std::vector<Value> vals(stack_.end() - n, stack_.end());
    stack_.resize(stack_.size() - n);
    array_new(ti, n, vals.data(), false);
  }
  void on_ref_i31() {
    if (stack_.empty()) return fail("type mismatch");
    stack_.back() = Value::from_ref((uint64_t(stack_.back().i32() & 0x7fffffffu) << 1) | 1);
  }
  void on_any_convert_extern() { convert(true); }
  void on_extern_convert_any() { convert(false); }

  void clear() {
    stack_.clear();
    error_ = nullptr;
  }

  Result<Value> result() const {
    if (error_ == kHeapLimit) return Error::trap(error_);
    if (error_) return Error::invalid(std::string("constant expression: ") + error_);
    if (stack_.size() != 1) return Error::invalid("constant expression: type mismatch");
    return stack_[0];
  }

 private:
  void fail(const char* what) {
    if (!error_) error_ = what;
  }

  GcHeapState* heap() {
    StoreData* s = inst_.store;
    if (s == nullptr || (!s->gc_heap && !s->make_gc_heap)) return nullptr;
    return s->gc_heap ? s->gc_heap.get() : &s->make_gc_heap(*s);
  }
  uint32_t canonical(uint32_t ti) const { return ti < inst_.type_ids.size() ? inst_.type_ids[ti] : 0; }
  void push_obj(RefBits r) {
    if (r == 0) return fail(kHeapLimit);
    stack_.push_back(Value::from_ref(r));
  }
  void struct_new(uint32_t ti, bool with_values) {
    GcHeapState* h = heap();
    if (!h) return fail(kNoHeap);
    const std::vector<wasm::FieldType>& fields = inst_.module->type_def(ti).fields;
    size_t n = with_values ? fields.size() : 0;
    if (stack_.size() < n) return fail("type mismatch");
    std::vector<Value> vals(stack_.end() - ptrdiff_t(n), stack_.end());
    stack_.resize(stack_.size() - n);
    push_obj(h->const_struct(canonical(ti), fields, with_values ? vals.data() : nullptr));
  }
  void array_new(uint32_t ti, uint32_t n, const Value* vals, bool fill) {
    GcHeapState* h = heap();
    if (!h) return fail(kNoHeap);
    push_obj(h->const_array(canonical(ti), inst_.module->type_def(ti).fields[0], n, vals, fill));
  }
  void convert(bool to_any) {
    if (stack_.empty()) return fail("type mismatch");
    RefBits b = stack_.back().ref();
    if (b == 0) return;
    GcHeapState* h = heap();
    if (!h) return fail(kNoHeap);
    stack_.pop_back();
    push_obj(h->const_convert(b, to_any));
  }

  static constexpr const char* kNoHeap = "GC allocation without a store";
  static constexpr const char* kHeapLimit = "allocation failed: GC heap limit";
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
