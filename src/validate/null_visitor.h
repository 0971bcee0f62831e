// The hooks a FuncDecoder<Tag, Visitor> visitor implements, as a visitor that does nothing (validation
// only). interp::IrBuilder implements the same hooks to build slot IR in the validation pass.
//
// Contract (the decoder guarantees it; visitors rely on it):
//  - Each instruction is fully validated before its hook is called, so hooks never see invalid code.
//  - Visitors keep their own abstract operand stack; the decoder passes the types a hook needs.
//  - While the current code is unreachable (after br, br_table, return, unreachable, until the matching
//    else/end), instruction hooks are NOT called, except the control hooks on_block/on_loop/on_if
//    (with reachable=false), on_else and on_end, which are always called so that visitors can keep a
//    control stack parallel to the decoder's.
//  - Block types are resolved: params and results as spans valid during the call.
//  - An `if` without `else` gets no on_else call: on_end is called directly.
//  - The function's final `end` calls end_function(), not on_end().
#pragma once
#include <cstdint>
#include <span>

#include "wasm/module.h"
#include "wasm/opcodes.h"
#include "wasm/simd_opcodes.h"

namespace wisp::validate {

// The memory immediate of loads, stores and SIMD memory instructions.
struct MemArg {
  uint32_t memory = 0;  // memory index (always 0 until multi-memory)
  uint64_t offset = 0;  // static offset (64-bit for memory64)
  uint32_t align = 0;   // log2 alignment hint
};

struct BlockSig {
  std::span<const wasm::ValType> params;
  std::span<const wasm::ValType> results;
};

// A catch clause of try_table (exceptions): kind catch / catch_ref / catch_all / catch_all_ref.
struct CatchClause {
  enum Kind : uint8_t { kCatch = 0, kCatchRef = 1, kCatchAll = 2, kCatchAllRef = 3 };
  Kind kind = kCatch;
  uint32_t tag = 0;    // kCatch, kCatchRef
  uint32_t label = 0;  // depth, relative to the context outside the try_table
};

struct NullVisitor {
  // `locals` are the declared locals after the parameters (expanded, one entry per local).
  void begin_function(const wasm::FuncType&, std::span<const wasm::ValType> /*locals*/) {}
  void end_function(bool /*fallthrough_reachable*/) {}

  // Control.
  void on_block(const BlockSig&, bool /*reachable*/) {}
  void on_loop(const BlockSig&, bool /*reachable*/) {}
  void on_if(const BlockSig&, bool /*reachable*/) {}  // pops the i32 condition when reachable
  void on_else(bool /*then_fallthrough_reachable*/) {}
  void on_end(bool /*fallthrough_reachable*/) {}      // end of block/loop/if
  void on_br(uint32_t /*depth*/) {}
  void on_br_if(uint32_t /*depth*/) {}
  void on_br_table(std::span<const uint32_t> /*depths*/, uint32_t /*default_depth*/) {}
  void on_return() {}
  void on_unreachable() {}
  void on_nop() {}
  void on_call(uint32_t /*func_index*/, const wasm::FuncType&) {}
  void on_call_indirect(uint32_t /*type_index*/, uint32_t /*table*/, const wasm::FuncType&) {}
  // Tail calls (feature tail-call): the callee's results are the function's; then unreachable.
  void on_return_call(uint32_t /*func_index*/, const wasm::FuncType&) {}
  void on_return_call_indirect(uint32_t /*type_index*/, uint32_t /*table*/, const wasm::FuncType&) {}
  // Typed function references: call_ref / return_call_ref $t (the callee reference is on top of the
  // arguments), br_on_null / br_on_non_null $l.
  void on_call_ref(uint32_t /*type_index*/, const wasm::FuncType&) {}
  void on_return_call_ref(uint32_t /*type_index*/, const wasm::FuncType&) {}
  void on_br_on_null(uint32_t /*depth*/) {}
  void on_br_on_non_null(uint32_t /*depth*/) {}

  // Exceptions (features exceptions / legacy-exceptions). on_try_table / on_try / on_catch /
  // on_catch_all / on_delegate are control hooks (called in dead code too, with reachable=false for
  // the hooks that open a block); on_delegate ends a legacy try instead of on_end (its depth is relative
  // to the context outside the try). on_catch / on_catch_all: the previous body's fallthrough.
  void on_throw(uint32_t /*tag*/, const wasm::FuncType&) {}
  void on_throw_ref() {}
  void on_try_table(const BlockSig&, std::span<const CatchClause>, bool /*reachable*/) {}
  void on_try(const BlockSig&, bool /*reachable*/) {}
  void on_catch(uint32_t /*tag*/, const wasm::FuncType&, bool /*fallthrough_reachable*/) {}
  void on_catch_all(bool /*fallthrough_reachable*/) {}
  void on_delegate(uint32_t /*depth*/, bool /*fallthrough_reachable*/) {}
  void on_rethrow(uint32_t /*depth*/) {}

  // Parametric.
  void on_drop(wasm::ValType) {}
  void on_select(wasm::ValType) {}  // both select forms; the type of the two value operands

  // Variables.
  void on_local_get(uint32_t /*index*/, wasm::ValType) {}
  void on_local_set(uint32_t /*index*/, wasm::ValType) {}
  void on_local_tee(uint32_t /*index*/, wasm::ValType) {}
  void on_global_get(uint32_t /*index*/, wasm::ValType) {}
  void on_global_set(uint32_t /*index*/, wasm::ValType) {}

  // Constants (floats as raw bits so NaN payloads survive).
  void on_i32_const(uint32_t) {}
  void on_i64_const(uint64_t) {}
  void on_f32_const(uint32_t) {}
  void on_f64_const(uint64_t) {}

  // Every operator with a fixed signature in opcodes.def (numeric, comparisons, conversions) that is
  // not a constant, load, store or memory instruction.
  void on_numeric(wasm::Op) {}

  // Memory.
  void on_load(wasm::Op, const MemArg&) {}
  void on_store(wasm::Op, const MemArg&) {}
  void on_memory_size(uint32_t /*memory*/) {}
  void on_memory_grow(uint32_t /*memory*/) {}
  void on_memory_fill(uint32_t /*memory*/) {}
  void on_memory_copy(uint32_t /*dst*/, uint32_t /*src*/) {}
  void on_memory_init(uint32_t /*data*/, uint32_t /*memory*/) {}
  void on_data_drop(uint32_t /*data*/) {}

  // References and tables.
  void on_ref_null(wasm::ValType) {}
  void on_ref_is_null() {}
  void on_ref_func(uint32_t /*func_index*/) {}
  void on_ref_as_non_null() {}  // traps on null
  void on_table_get(uint32_t /*table*/) {}
  void on_table_set(uint32_t /*table*/) {}
  void on_table_size(uint32_t /*table*/) {}
  void on_table_grow(uint32_t /*table*/) {}
  void on_table_fill(uint32_t /*table*/) {}
  void on_table_copy(uint32_t /*dst*/, uint32_t /*src*/) {}
  void on_table_init(uint32_t /*elem*/, uint32_t /*table*/) {}
  void on_elem_drop(uint32_t /*elem*/) {}

  // GC (0xFB prefix and ref.eq; func_decoder_gc.h). Type indices are the module's; the decoder has
  // checked them (a struct type for struct.*, an array type for array.*), the field index, mutability
  // and the operand types. Operands as in the spec, e.g. struct.set pops [ref value], array.copy pops
  // [dst_ref dst_index src_ref src_index n]. on_struct_get / on_array_get: op is the plain, _s or _u form
  // (packed fields need _s/_u). on_ref_test / on_ref_cast: `target` is the tested type (its nullable
  // bit is the _null form), `operand` the static type of the popped reference. on_br_on_cast: `fail`
  // for br_on_cast_fail; `from` and `to` are rt1 and rt2 of the instruction (from the immediates).
  // A visitor may define `const char* unsupported() const`: non-null after a GC hook, the body fails to
  // compile with that message (Malformed "X: not supported yet ...") and no further hook is called.
  void on_struct_new(uint32_t /*type_index*/) {}
  void on_struct_new_default(uint32_t /*type_index*/) {}
  void on_struct_get(wasm::Op, uint32_t /*type_index*/, uint32_t /*field*/) {}
  void on_struct_set(uint32_t /*type_index*/, uint32_t /*field*/) {}
  void on_array_new(uint32_t /*type_index*/) {}
  void on_array_new_default(uint32_t /*type_index*/) {}
  void on_array_new_fixed(uint32_t /*type_index*/, uint32_t /*length*/) {}
  void on_array_new_data(uint32_t /*type_index*/, uint32_t /*data*/) {}
  void on_array_new_elem(uint32_t /*type_index*/, uint32_t /*elem*/) {}
  void on_array_get(wasm::Op, uint32_t /*type_index*/) {}
  void on_array_set(uint32_t /*type_index*/) {}
  void on_array_len() {}
  void on_array_fill(uint32_t /*type_index*/) {}
  void on_array_copy(uint32_t /*dst_type*/, uint32_t /*src_type*/) {}
  void on_array_init_data(uint32_t /*type_index*/, uint32_t /*data*/) {}
  void on_array_init_elem(uint32_t /*type_index*/, uint32_t /*elem*/) {}
  void on_ref_i31() {}
  void on_i31_get(bool /*is_signed*/) {}
  void on_ref_test(wasm::ValType /*target*/, wasm::ValType /*operand*/) {}
  void on_ref_cast(wasm::ValType /*target*/, wasm::ValType /*operand*/) {}  // traps on failure
  void on_br_on_cast(uint32_t /*depth*/, wasm::ValType /*from*/, wasm::ValType /*to*/, bool /*fail*/) {}
  void on_any_convert_extern() {}
  void on_extern_convert_any() {}
  void on_ref_eq() {}

  // SIMD (0xFD prefix). on_simd: operators without immediates (typed by simd_opcodes.def);
  // on_simd_lane: extract/replace_lane; on_simd_mem: loads and stores (lane: the lane immediate of
  // the *_lane forms, else 0); v128.const and i8x16.shuffle get their 16 immediate bytes.
  void on_simd(wasm::SimdOp) {}
  void on_simd_lane(wasm::SimdOp, uint8_t /*lane*/) {}
  void on_simd_mem(wasm::SimdOp, const MemArg&, uint8_t /*lane*/) {}
  void on_v128_const(const uint8_t* /*bytes16*/) {}
  void on_simd_shuffle(const uint8_t* /*lanes16*/) {}
};

}  // namespace wisp::validate
