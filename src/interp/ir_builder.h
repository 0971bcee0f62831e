// IrBuilder: a FuncDecoder visitor that builds slot IR in the validation pass (DESIGN.md §2).
// Liftoff's abstract stack with "register" replaced by "slot": entries are Local(slot) | Temp(slot) |
// Const(bits). local.get and constants emit nothing; an operator picks its handler form from its
// inputs and writes the temp slot of its result (fixed per stack height); local.set/tee right after
// the producer rewrites the producer's destination; compare + br_if fuse; forward branches are patched
// from per-block fixup lists at `end`.
#pragma once
#include <cassert>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

#include "interp/func_code.h"
#include "interp/handler_table.h"
#include "runtime/store_data.h"
#include "validate/null_visitor.h"
#include "wasm/module.h"
#include "wasm/simd_opcodes.h"

namespace wisp::interp {

class IrBuilder {
 public:
  IrBuilder(const wasm::Module& module, uint32_t func_index, const runtime::EngineConfig& config,
            FuncCode& out);

  // Where the decoder is (FuncDecoder::instr_offset), for FuncCode::sites. Without it no sites are
  // recorded.
  void set_position_source(const void* decoder, uint64_t (*instr_offset)(const void*)) {
    pos_ctx_ = decoder;
    pos_fn_ = instr_offset;
  }

  void begin_function(const wasm::FuncType& type, std::span<const wasm::ValType> locals);
  void end_function(bool fallthrough_reachable);

  void on_block(const validate::BlockSig& sig, bool reachable);
  void on_loop(const validate::BlockSig& sig, bool reachable);
  void on_if(const validate::BlockSig& sig, bool reachable);
  void on_else(bool then_fallthrough_reachable);
  void on_end(bool fallthrough_reachable);
  void on_br(uint32_t depth);
  void on_br_if(uint32_t depth);
  void on_br_table(std::span<const uint32_t> depths, uint32_t default_depth);
  void on_return();
  void on_unreachable();
  void on_nop() {}
  void on_call(uint32_t func_index, const wasm::FuncType& type);
  void on_call_indirect(uint32_t type_index, uint32_t table, const wasm::FuncType& type);
  void on_return_call(uint32_t func_index, const wasm::FuncType& type);
  void on_return_call_indirect(uint32_t type_index, uint32_t table, const wasm::FuncType& type);
  void on_call_ref(uint32_t type_index, const wasm::FuncType& type);
  void on_return_call_ref(uint32_t type_index, const wasm::FuncType& type);
  void on_br_on_null(uint32_t depth);
  void on_br_on_non_null(uint32_t depth);

  // Exceptions (ir_builder_exn.cc): handler tables, nothing executed on entry (DESIGN.md §9).
  void on_throw(uint32_t tag, const wasm::FuncType& type);
  void on_throw_ref();
  void on_try_table(const validate::BlockSig& sig, std::span<const validate::CatchClause> catches, bool reachable);
  void on_try(const validate::BlockSig& sig, bool reachable);
  void on_catch(uint32_t tag, const wasm::FuncType& type, bool fallthrough_reachable);
  void on_catch_all(bool fallthrough_reachable);
  void on_delegate(uint32_t depth, bool fallthrough_reachable);
  void on_rethrow(uint32_t depth);

  void on_drop(wasm::ValType);
  void on_select(wasm::ValType type);

  void on_local_get(uint32_t index, wasm::ValType type);
  void on_local_set(uint32_t index, wasm::ValType type);
  void on_local_tee(uint32_t index, wasm::ValType type);
  void on_global_get(uint32_t index, wasm::ValType type);
  void on_global_set(uint32_t index, wasm::ValType type);

  void on_i32_const(uint32_t v);
  void on_i64_const(uint64_t v);
  void on_f32_const(uint32_t v);
  void on_f64_const(uint64_t v);

  void on_numeric(wasm::Op op);

  void on_load(wasm::Op op, const validate::MemArg& ma);
  void on_store(wasm::Op op, const validate::MemArg& ma);
  void on_memory_size(uint32_t memory);
  void on_memory_grow(uint32_t memory);
  void on_memory_fill(uint32_t memory);
  void on_memory_copy(uint32_t dst, uint32_t src);
  void on_memory_init(uint32_t data, uint32_t memory);
  void on_data_drop(uint32_t data);

  void on_ref_null(wasm::ValType type);
  void on_ref_is_null();
  void on_ref_func(uint32_t func_index);
  void on_ref_as_non_null();
  void on_table_get(uint32_t table);
  void on_table_set(uint32_t table);
  void on_table_size(uint32_t table);
  void on_table_grow(uint32_t table);
  void on_table_fill(uint32_t table);
  void on_table_copy(uint32_t dst, uint32_t src);
  void on_table_init(uint32_t elem, uint32_t table);
  void on_elem_drop(uint32_t elem);

  // SIMD (ir_builder_simd.cc).
  void on_simd(wasm::SimdOp op);
  void on_simd_lane(wasm::SimdOp op, uint8_t lane);
  void on_simd_mem(wasm::SimdOp op, const validate::MemArg& ma, uint8_t lane);
  void on_v128_const(const uint8_t* bytes);
  void on_simd_shuffle(const uint8_t* lanes);

  // GC (ir_builder_gc.cc): every instruction of the GC proposal.
  void on_struct_new(uint32_t type_index);
  void on_struct_new_default(uint32_t type_index);
  void on_struct_get(wasm::Op op, uint32_t type_index, uint32_t field);
  void on_struct_set(uint32_t type_index, uint32_t field);
  void on_array_new(uint32_t type_index);
  void on_array_new_default(uint32_t type_index);
  void on_array_new_fixed(uint32_t type_index, uint32_t n);
  void on_array_new_data(uint32_t type_index, uint32_t data);
  void on_array_new_elem(uint32_t type_index, uint32_t elem);
  void on_array_get(wasm::Op op, uint32_t type_index);
  void on_array_set(uint32_t type_index);
  void on_array_len();
  void on_array_fill(uint32_t type_index);
  void on_array_copy(uint32_t dst_type, uint32_t src_type);
  void on_array_init_data(uint32_t type_index, uint32_t data);
  void on_array_init_elem(uint32_t type_index, uint32_t elem);
  void on_ref_i31();
  void on_i31_get(bool is_signed);
  void on_ref_test(wasm::ValType target, wasm::ValType operand);
  void on_ref_cast(wasm::ValType target, wasm::ValType operand);
  void on_br_on_cast(uint32_t depth, wasm::ValType from, wasm::ValType to, bool fail);
  void on_any_convert_extern();
  void on_extern_convert_any();
  void on_ref_eq();
  const char* unsupported() const { return nullptr; }

 private:

  enum class Kind : uint8_t { local, temp, konst };
  struct Entry {
    Kind kind = Kind::temp;
    wasm::ValType type;
    uint32_t slot = 0;  // local: the local's slot; temp: the home slot of its height
    uint64_t bits = 0;  // konst
  };
  struct Fixup {
    uint32_t instr;    // instruction start (offsets are relative to it)
    uint32_t operand;  // word to patch
  };
  // try_table and try_ (legacy try, do-body then catch bodies) act as blocks for branches.
  enum class CtlKind : uint8_t { function, block, loop, if_, else_, try_table, try_ };
  struct Ctl {
    CtlKind kind = CtlKind::block;
    bool live = true;
    uint32_t base = 0;  // stack height below the block's params
    std::vector<wasm::ValType> params, results;
    uint32_t loop_pc = 0;
    std::vector<Fixup> fixups;
    bool has_else_fixup = false;
    Fixup else_fixup{};
    bool has_check = false;  // a loop whose header holds a limit check (checks_ entry)
    // Exceptions.
    uint32_t try_start = 0;                // try_table / try_: the first IR word its handlers cover
    uint32_t do_end = 0;                   // try_: end of the do-body's IR (set at the first catch)
    bool in_catch = false;                 // try_: in a catch body (rethrow reads exn_slot)
    uint32_t exn_slot = 0;                 // try_ in a catch body: byte offset of the caught exnref
    std::vector<uint32_t> handler_fixups;  // FuncCode::handlers landing at this block's end
    std::vector<validate::CatchClause> catches;  // try_table: its clauses (handlers made at its end)
  };
  // Where a value comes from when copying it: a slot or a constant.
  struct Src {
    bool is_const = false;
    uint32_t slot = 0;
    uint64_t bits = 0;
    wasm::ValType type;
  };
  // The last compare emitted, for fusion with a following br_if / if.
  struct LastCmp {
    bool valid = false;
    uint32_t start = 0, end = 0;
    wasm::Op op{};
    uint32_t a_slot = 0;
    bool b_imm = false;
    uint32_t b_slot = 0;
    uint64_t b_bits = 0;
    uint32_t height = 0;
  };
  // The condition of a conditional branch: a slot, or a fused compare.
  struct Cond {
    bool fused = false;
    uint32_t slot = 0;
    LastCmp cmp;
  };

  // Emission.
  uint32_t pc() const { return uint32_t(code_.size()); }
  // The current Wasm instruction can trap or call: the next emit() records a FuncCode::Site for it.
  void mark_site() {
    if (pos_fn_ == nullptr) return;
    site_pending_ = true;
    site_wasm_ = uint32_t(pos_fn_(pos_ctx_));
  }
  void record_site();
  // One operand of an instruction to emit, named by its kind in handlers.def. An immediate's width (i or
  // I) comes from the handler's kinds string; a branch offset is emitted as 0 and patched later; a
  // table ('T') carries its count, and its count + 1 offsets are emitted as 0.
  struct Opd {
    char kind;
    uint64_t bits;
  };
  static Opd opd_s(uint32_t byte_offset) { return {'s', byte_offset}; }
  static Opd opd_imm(uint64_t bits) { return {'i', bits}; }
  static Opd opd_x(uint32_t index) { return {'x', index}; }
  static Opd opd_o(uint64_t offset) { return {'o', offset}; }
  static Opd opd_b() { return {'b', 0}; }
  static Opd opd_table(uint32_t count) { return {'T', count}; }
  // The operands of one instruction, in kinds-string order (with room to put a destination first).
  class Operands {
   public:
    Operands() {}
    Operands(std::initializer_list<Opd> ops) {
      for (const Opd& o : ops) add(o);
    }
    // Copies only the operands: the rest of the storage stays unwritten (it is built for every emit).
    Operands(const Operands& other) { add(other); }
    Operands& operator=(const Operands& other) {
      begin_ = end_ = 1;
      add(other);
      return *this;
    }
    void add(const Opd& o) {
      assert(end_ < kMax && "more operands than any handler has");
      ops_[end_++] = o;
    }
    void add(const Operands& more) {
      for (const Opd& o : more) add(o);
    }
    void add_first(const Opd& o) {
      assert(begin_ > 0);
      ops_[--begin_] = o;
    }
    const Opd* begin() const { return ops_ + begin_; }
    const Opd* end() const { return ops_ + end_; }
    uint32_t size() const { return end_ - begin_; }

   private:
    static constexpr uint32_t kMax = 7;  // six operands and a destination
    Opd ops_[kMax];
    uint32_t begin_ = 1, end_ = 1;
  };
  // The one way IR is written: handler `id` and its operands, which must match its kinds string (asserted
  // when assertions are on). Returns the instruction's start.
  uint32_t emit(HandlerId id, const Operands& ops);
  void emit_array_init(HandlerId id, uint32_t segment);
  // Emits `id` writing a new temp of `type` (its first operand; `ops` follow), pushes that temp and
  // records the instruction as its producer. Returns the instruction's start.
  uint32_t emit_result(HandlerId id, wasm::ValType type, Operands ops);
  // Word position of operand `k` of the instruction of handler `id` that starts at `start`.
  static uint32_t operand_at(uint32_t start, HandlerId id, uint32_t k);
  void invalidate() {
    producer_valid_ = false;
    cmp_.valid = false;
    addi_.valid = false;
    shl_.valid = false;
    scaled_.valid = false;
  }
  void mark_producer(uint32_t dst_pos);
  void bulk_op(HandlerId id, const Operands& indices);

  // Abstract stack.
  uint32_t height() const { return uint32_t(stack_.size()); }
  // Home slot of stack height h: temps are packed by slot width (a v128 takes two), so the home of a
  // height depends on the types below it, which never change while a value at that height lives.
  uint32_t home(uint32_t h) const { return homes_[h]; }
  uint32_t off(uint32_t slot) const { return runtime::FrameLayout::slot_offset(slot); }
  Entry pop();
  void push_temp(wasm::ValType type);
  void push(const Entry& e);
  // Makes stack entry `i` a temp in its home slot (emits a copy or a constant store if needed).
  void materialize(uint32_t i);
  void materialize_locals();
  void materialize_top(uint32_t n);
  uint32_t tail_call_args(const wasm::FuncType& type);  // materializes the arguments; their first height
  static uint32_t param_slots(const wasm::FuncType& type);
  // Slot byte offset of a popped entry that was at height `h`; constants are stored to home(h) first.
  uint32_t slot_of(const Entry& e, uint32_t h);
  Src src_of(const Entry& e) const;
  void move(uint32_t dst_slot, const Src& s);

  // Control.
  Ctl& label(uint32_t depth) { return ctls_[ctls_.size() - 1 - depth]; }
  bool live() const { return reachable_; }
  void enter(CtlKind kind, const validate::BlockSig& sig, bool reachable);
  void branch_to(Ctl& target, uint32_t instr, uint32_t operand);
  void bind(std::vector<Fixup>& fixups, uint32_t target);
  uint32_t arity(const Ctl& c) const;
  // Copies the top `n` stack values to the homes starting at height `base` (no stack change).
  // `types` are the label's value types: their homes are packed from home(base).
  void copy_values(const std::vector<wasm::ValType>& types, uint32_t base);
  // Copies the function's results to slots 0.. and returns (no stack change).
  void emit_return();
  // Whether a branch to `t` needs value copies.
  bool needs_copies(const Ctl& t, uint32_t n) const;
  Cond take_condition();
  // Emits "branch if cond (negated if `negate`)" and returns the fixup of its offset operand.
  Fixup emit_cond_branch(const Cond& c, bool negate);
  void emit_jump(Ctl& target);

  void binop(wasm::Op op);
  void add_shl(uint32_t h, uint32_t base);
  // The address operands of a load/store whose address entry `a` (slot `as`) is at height h: the plain
  // slot, or, with guard pages, the add-immediate or scaled index emitted just before the access, which
  // is cut and absorbed. Handler operands: base, then (stores) the value, then `extra`, then the offset.
  enum class AddrForm : uint8_t { guarded, checked, add_imm, scaled };
  struct Address {
    AddrForm form = AddrForm::guarded;
    uint32_t base = 0;
    Operands extra;  // add_imm: imm; scaled: index slot, shift
  };
  Address take_address(const Entry& a, uint32_t h, uint32_t as);
  // Memory `index` is 64-bit (memory64): its accesses use the _m64 forms.
  bool is64(uint32_t memory) const { return module_.memories[memory].limits.is64; }
  // Table `index` is 64-bit (table64): its instructions use the _t64 forms.
  bool table_is64(uint32_t table) const { return module_.tables[table].limits.is64; }
  void unop(wasm::Op op);
  // GC helpers (ir_builder_gc.cc).
  gc::Storage storage_of(uint32_t type_index, uint32_t field) const;
  uint32_t cast_flags(wasm::ValType target) const;
  void gc_alloc(HandlerId id, wasm::ValType result, Operands ops, uint32_t npop);

  const wasm::Module& module_;
  runtime::EngineConfig config_;
  const uint64_t* handler_words_;  // handler_words(config_.dispatch)
  FuncCode& out_;
  std::vector<uint32_t>& code_;
  std::vector<uint32_t> local_slots_;
  std::vector<wasm::ValType> result_types_;
  uint32_t temp_base_ = 0;
  uint32_t max_height_ = 0;
  std::vector<uint32_t> homes_;  // homes_[h]: home slot of height h (valid up to height())
  uint32_t max_slot_ = 0;        // one past the highest temp slot used
  std::vector<Entry> stack_;
  std::vector<Ctl> ctls_;
  bool reachable_ = true;
  bool producer_valid_ = false;
  uint32_t producer_end_ = 0, producer_dst_ = 0, producer_height_ = 0;
  LastCmp cmp_;
  // The last instruction, when it is `i32.add (slot, imm)` into a temp: a load/store using that temp as
  // its address absorbs it (op_*_ssio), since address arithmetic is most of memory-bound loops.
  struct LastAddImm {
    bool valid = false;
    uint32_t start = 0, end = 0, height = 0, a_slot = 0, imm = 0;
  };
  LastAddImm addi_;
  // The last instruction, when it is `i32.shl (slot, imm)` into a temp: an i32.add of that temp and a
  // slot becomes op_i32_add_shl_sssi (C's `base + i * size`).
  struct LastShlImm {
    bool valid = false;
    uint32_t start = 0, end = 0, height = 0, x_slot = 0, k = 0;
  };
  LastShlImm shl_;
  // The last instruction, when it is that op_i32_add_shl_sssi into a temp: a load/store using it as its
  // address absorbs it (op_*_sssio).
  struct ScaledAddr {
    bool valid = false;
    uint32_t start = 0, end = 0, height = 0, base = 0, index = 0, k = 0;
  };
  ScaledAddr scaled_;
  // Limit checks (fuel / interruption, only when enabled): one per function entry and live loop
  // header; each counts the instructions emitted in its region (nested loops excluded) as its cost.
  struct Check {
    uint32_t operand = 0;
    uint32_t instrs = 0;
  };
  const void* pos_ctx_ = nullptr;
  uint64_t (*pos_fn_)(const void*) = nullptr;
  bool site_pending_ = false;
  uint32_t site_wasm_ = 0;
  bool emit_checks_ = false;
  std::vector<Check> checks_;
  void begin_check();
  void end_check();
  // Exceptions (ir_builder_exn.cc).
  std::vector<uint32_t> return_landings_;  // handlers whose label is the function's: land on an op_return
  void add_catch(uint32_t tag, uint8_t kind, uint32_t label_depth, uint32_t start);
  void bind_handlers(Ctl& c);
  void end_catch_body(Ctl& c);
  void finish_handlers();
};

// Translates defined function `func_index` of `module`, which must have been validated (the decoder
// runs in Trusted mode: no checks).
Result<std::unique_ptr<FuncCode>> translate_function(const wasm::Module& module, uint32_t func_index,
                                                     const runtime::EngineConfig& config);

}  // namespace wisp::interp
