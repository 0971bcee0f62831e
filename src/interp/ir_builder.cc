#include "interp/ir_builder.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <map>

#include "interp/op_lists.h"
#include "interp/operand_kinds.h"
#include "validate/func_decoder.h"

namespace wisp::interp {

using wasm::Op;
using wasm::ValType;

namespace {

constexpr HandlerId kNone = HandlerId::count_;

enum class OpClass : uint8_t { other, binop, unop, noop };

struct OpForms {
  // A user-provided constructor, so the member initialisers below always apply: g++-12 (-O1 and up)
  // value-initialises `std::array<OpForms, N> t{}` to all-zero bytes instead, which made handler 0 look
  // like a fused compare-and-branch form of every operator.
  OpForms() {}
  OpClass cls = OpClass::other;
  HandlerId sss = kNone, ssi = kNone, sis = kNone;  // binop forms, or unop `ss` in sss
  HandlerId br_ss = kNone, br_si = kNone;          // fused compare + branch
  Op negated{};
};

const std::array<OpForms, wasm::kNumOps>& op_forms() {
  static const std::array<OpForms, wasm::kNumOps> table = [] {
    std::array<OpForms, wasm::kNumOps> t{};
#define WISP_BIN(name, ...)                                                                    \
  t[size_t(Op::name)].cls = OpClass::binop;                                                   \
  t[size_t(Op::name)].sss = HandlerId::op_##name##_sss;                                        \
  t[size_t(Op::name)].ssi = HandlerId::op_##name##_ssi;                                        \
  t[size_t(Op::name)].sis = HandlerId::op_##name##_sis;
    WISP_PURE_BINOPS(WISP_BIN)
    WISP_DIV_BINOPS(WISP_BIN)
#undef WISP_BIN
#define WISP_UN(name, ...)                                                                     \
  t[size_t(Op::name)].cls = OpClass::unop;                                                    \
  t[size_t(Op::name)].sss = HandlerId::op_##name##_ss;
    WISP_PURE_UNOPS(WISP_UN)
    WISP_TRUNC_UNOPS(WISP_UN)
#undef WISP_UN
#define WISP_FUSE(name, T, K, cond, neg)                                                       \
  t[size_t(Op::name)].br_ss = HandlerId::op_br_if_##name##_ssb;                                \
  t[size_t(Op::name)].br_si = HandlerId::op_br_if_##name##_sib;                                \
  t[size_t(Op::name)].negated = Op::neg;
    WISP_FUSED_CMPS(WISP_FUSE)
#undef WISP_FUSE
    for (Op op : {Op::i32_wrap_i64, Op::i32_reinterpret_f32, Op::i64_reinterpret_f64, Op::f32_reinterpret_i32,
                  Op::f64_reinterpret_i64})
      t[size_t(op)].cls = OpClass::noop;
    return t;
  }();
  return table;
}

constexpr HandlerId kLoadsGuarded[] = {
#define WISP_L(name, M, R) HandlerId::op_##name##_sso,
    WISP_LOADS(WISP_L)
#undef WISP_L
};
constexpr HandlerId kLoadsChecked[] = {
#define WISP_L(name, M, R) HandlerId::op_##name##_sso_chk,
    WISP_LOADS(WISP_L)
#undef WISP_L
};
constexpr HandlerId kLoadsAddImm[] = {
#define WISP_L(name, M, R) HandlerId::op_##name##_ssio,
    WISP_LOADS(WISP_L)
#undef WISP_L
};
constexpr HandlerId kLoadsScaled[] = {
#define WISP_L(name, M, R) HandlerId::op_##name##_sssio,
    WISP_LOADS(WISP_L)
#undef WISP_L
};
constexpr HandlerId kStoresScaled[] = {
#define WISP_S_(name, M, S) HandlerId::op_##name##_sssio,
    WISP_STORES(WISP_S_)
#undef WISP_S_
};
constexpr HandlerId kStoresAddImm[] = {
#define WISP_S_(name, M, S) HandlerId::op_##name##_ssio,
    WISP_STORES(WISP_S_)
#undef WISP_S_
};
constexpr HandlerId kStoresGuarded[] = {
#define WISP_S_(name, M, S) HandlerId::op_##name##_sso,
    WISP_STORES(WISP_S_)
#undef WISP_S_
};
constexpr HandlerId kStoresChecked[] = {
#define WISP_S_(name, M, S) HandlerId::op_##name##_sso_chk,
    WISP_STORES(WISP_S_)
#undef WISP_S_
};
// Accesses to memories other than memory 0 (multi-memory).
constexpr HandlerId kLoadsOther[] = {
#define WISP_L(name, M, R) HandlerId::op_##name##_ssxI,
    WISP_LOADS(WISP_L)
#undef WISP_L
};
constexpr HandlerId kStoresOther[] = {
#define WISP_S_(name, M, S) HandlerId::op_##name##_ssxI,
    WISP_STORES(WISP_S_)
#undef WISP_S_
};
// Accesses to 64-bit memories (memory64).
constexpr HandlerId kLoads64[] = {
#define WISP_L(name, M, R) HandlerId::op_##name##_m64_ssxI,
    WISP_LOADS(WISP_L)
#undef WISP_L
};
constexpr HandlerId kStores64[] = {
#define WISP_S_(name, M, S) HandlerId::op_##name##_m64_ssxI,
    WISP_STORES(WISP_S_)
#undef WISP_S_
};

ValType sig_type(char c) { return validate::detail::sig_char_type(c); }

// Result type of a fixed-signature operator.
ValType result_type(Op op) {
  std::string_view s = wasm::op_info(op).sig;
  return sig_type(s.back());
}
bool is_wide(ValType t) { return t.kind() != wasm::ValKind::i32 && t.kind() != wasm::ValKind::f32; }

// Numeric instructions that can trap (division by zero / overflow, float-to-int truncation).
bool can_trap(Op op) {
  switch (op) {
    case Op::i32_div_s: case Op::i32_div_u: case Op::i32_rem_s: case Op::i32_rem_u:
    case Op::i64_div_s: case Op::i64_div_u: case Op::i64_rem_s: case Op::i64_rem_u:
    case Op::i32_trunc_f32_s: case Op::i32_trunc_f32_u: case Op::i32_trunc_f64_s: case Op::i32_trunc_f64_u:
    case Op::i64_trunc_f32_s: case Op::i64_trunc_f32_u: case Op::i64_trunc_f64_s: case Op::i64_trunc_f64_u:
      return true;
    default:
      return false;
  }
}

}  // namespace

IrBuilder::IrBuilder(const wasm::Module& module, uint32_t func_index, const runtime::EngineConfig& config,
                     FuncCode& out)
    : module_(module), config_(config), handler_words_(handler_words(config.dispatch)), out_(out), code_(out.code) {
  out_.func_index = func_index;
}

// ---- emission ------------------------------------------------------------------------------------------

void IrBuilder::record_site() {
  site_pending_ = false;
  // Code can be cut back (a fused instruction replacing its producer): keep the table sorted.
  std::vector<FuncCode::Site>& sites = out_.sites;
  while (!sites.empty() && sites.back().ir >= pc()) sites.pop_back();
  if (sites.capacity() == 0) sites.reserve(8);  // one allocation for most functions
  sites.push_back({pc(), site_wasm_});
}

uint32_t IrBuilder::emit(HandlerId id, const Operands& ops) {
  if (site_pending_) [[unlikely]] record_site();
  if (!checks_.empty()) ++checks_.back().instrs;
  const HandlerInfo& info = handler_info(id);
  std::string_view kinds = info.kinds;
  assert(ops.size() == kinds.size() && "operand count differs from the handler's kinds string");
  uint32_t start = pc();
  uint64_t w = handler_words_[size_t(id)];
  code_.push_back(uint32_t(w));
  code_.push_back(uint32_t(w >> 32));
  const char* kind = kinds.data();
  for (const Opd& o : ops) {
    // An immediate takes the handler's width; every other kind must be the handler's.
    assert((o.kind == *kind || (o.kind == 'i' && *kind == 'I')) && "operand kind differs from the kinds string");
    assert((*kind == 'I' || o.bits <= UINT32_MAX) && "operand does not fit its 32-bit word");
    code_.push_back(uint32_t(o.bits));
    if (*kind == 'I') code_.push_back(uint32_t(o.bits >> 32));
    if (*kind == 'T') code_.resize(code_.size() + o.bits + 1);  // br_table's offsets, patched later
    ++kind;
  }
  assert(pc() - start >= info.words);
  return start;
}

uint32_t IrBuilder::emit_result(HandlerId id, ValType type, Operands ops) {
  ops.add_first(opd_s(off(home(height()))));
  uint32_t start = emit(id, ops);
  push_temp(type);
  mark_producer(start + kHandlerWords);
  return start;
}

uint32_t IrBuilder::operand_at(uint32_t start, HandlerId id, uint32_t k) {
  std::string_view kinds = handler_info(id).kinds;
  uint32_t pos = start + kHandlerWords;
  for (uint32_t i = 0; i < k; ++i) pos += kind_words(kinds[i]);
  return pos;
}

void IrBuilder::mark_producer(uint32_t dst_pos) {
  producer_valid_ = true;
  producer_end_ = pc();
  producer_dst_ = dst_pos;
  producer_height_ = height() - 1;
}

// ---- abstract stack ------------------------------------------------------------------------------------

IrBuilder::Entry IrBuilder::pop() {
  Entry e = stack_.back();
  stack_.pop_back();
  return e;
}

void IrBuilder::push(const Entry& e) {
  stack_.push_back(e);
  if (height() > max_height_) max_height_ = height();
  if (homes_.size() < size_t(height()) + 1) homes_.resize(size_t(height()) + 1);
  homes_[height()] = homes_[height() - 1] + e.type.slots();
  if (homes_[height()] > max_slot_) max_slot_ = homes_[height()];
}

void IrBuilder::push_temp(ValType type) {
  Entry e;
  e.kind = Kind::temp;
  e.type = type;
  e.slot = home(height());
  push(e);
}

IrBuilder::Src IrBuilder::src_of(const Entry& e) const {
  Src s;
  s.type = e.type;
  if (e.kind == Kind::konst) {
    s.is_const = true;
    s.bits = e.bits;
  } else {
    s.slot = e.slot;
  }
  return s;
}

void IrBuilder::move(uint32_t dst_slot, const Src& s) {
  if (s.is_const) {
    emit(is_wide(s.type) ? HandlerId::op_const64_sI : HandlerId::op_const32_si, {opd_s(off(dst_slot)), opd_imm(s.bits)});
  } else if (s.slot != dst_slot) {
    emit(s.type.kind() == wasm::ValKind::v128 ? HandlerId::op_copy128_ss : HandlerId::op_copy_ss,
         {opd_s(off(dst_slot)), opd_s(off(s.slot))});
  }
}

void IrBuilder::materialize(uint32_t i) {
  Entry& e = stack_[i];
  if (e.kind == Kind::temp) return;
  move(home(i), src_of(e));
  e.kind = Kind::temp;
  e.slot = home(i);
  invalidate();
}

void IrBuilder::materialize_locals() {
  for (uint32_t i = 0; i < height(); ++i)
    if (stack_[i].kind == Kind::local) materialize(i);
}

void IrBuilder::materialize_top(uint32_t n) {
  for (uint32_t i = height() - n; i < height(); ++i) materialize(i);
}

uint32_t IrBuilder::slot_of(const Entry& e, uint32_t h) {
  if (e.kind == Kind::konst) {
    move(home(h), src_of(e));
    invalidate();
    return off(home(h));
  }
  return off(e.slot);
}

// ---- function ------------------------------------------------------------------------------------------

void IrBuilder::begin_function(const wasm::FuncType& type, std::span<const ValType> locals) {
  out_.frame = runtime::FrameLayout::of_locals(type, locals, local_slots_);
  temp_base_ = out_.frame.frame_slots;  // temporaries start above params and locals
  homes_.assign(1, temp_base_);
  max_slot_ = temp_base_;
  result_types_ = type.results;
  Ctl fn;
  fn.kind = CtlKind::function;
  fn.results = type.results;
  ctls_.push_back(std::move(fn));
  emit_checks_ = config_.consume_fuel || config_.interruptible;
  begin_check();
  if (config_.tier_up_threshold != 0) emit(HandlerId::op_tier_count, {});
}

void IrBuilder::begin_check() {
  if (!emit_checks_) return;
  mark_site();
  uint32_t start = emit(HandlerId::op_check_i, {opd_imm(1)});
  checks_.push_back({operand_at(start, HandlerId::op_check_i, 0), 0});
}

void IrBuilder::end_check() {
  if (!emit_checks_ || checks_.empty()) return;
  code_[checks_.back().operand] = std::max<uint32_t>(checks_.back().instrs, 1);
  checks_.pop_back();
}

void IrBuilder::end_function(bool) {
  if (reachable_) emit_return();
  end_check();
  finish_handlers();
  uint32_t frame = max_slot_ + 1;
  if (frame < out_.frame.num_results) frame = out_.frame.num_results;
  out_.frame.frame_slots = frame;
  ctls_.clear();
}

// ---- control -------------------------------------------------------------------------------------------

uint32_t IrBuilder::arity(const Ctl& c) const {
  return uint32_t(c.kind == CtlKind::loop ? c.params.size() : c.results.size());
}

void IrBuilder::enter(CtlKind kind, const validate::BlockSig& sig, bool reachable) {
  Ctl c;
  c.kind = kind;
  c.params.assign(sig.params.begin(), sig.params.end());
  c.results.assign(sig.results.begin(), sig.results.end());
  c.live = reachable && reachable_;
  if (c.live) {
    // A block's body may write locals that entries below it alias, and its params must sit in their
    // homes on every path into the block: make all of them temps now.
    materialize_locals();
    materialize_top(uint32_t(c.params.size()));
    c.base = height() - uint32_t(c.params.size());
    invalidate();
  }
  ctls_.push_back(std::move(c));
}

void IrBuilder::on_block(const validate::BlockSig& sig, bool reachable) { enter(CtlKind::block, sig, reachable); }

void IrBuilder::on_loop(const validate::BlockSig& sig, bool reachable) {
  enter(CtlKind::loop, sig, reachable);
  ctls_.back().loop_pc = pc();
  if (emit_checks_ && ctls_.back().live) {
    begin_check();
    ctls_.back().has_check = true;
  }
  if (config_.tier_up_threshold != 0 && ctls_.back().live) emit(HandlerId::op_tier_count, {});
}

void IrBuilder::on_if(const validate::BlockSig& sig, bool reachable) {
  if (!(reachable && reachable_)) {
    enter(CtlKind::if_, sig, false);
    return;
  }
  // Materialise (below the condition) before taking the condition: when nothing needs copying, a
  // compare right before `if` still fuses with the branch.
  Entry cond_entry = stack_.back();
  stack_.pop_back();
  materialize_locals();
  materialize_top(uint32_t(sig.params.size()));
  stack_.push_back(cond_entry);
  Cond cond = take_condition();
  Fixup f = emit_cond_branch(cond, /*negate=*/true);
  enter(CtlKind::if_, sig, true);
  ctls_.back().has_else_fixup = true;
  ctls_.back().else_fixup = f;
}

void IrBuilder::on_else(bool) {
  Ctl& c = ctls_.back();
  c.kind = CtlKind::else_;
  if (!c.live) return;
  if (reachable_) {
    materialize_top(uint32_t(c.results.size()));
    uint32_t start = emit(HandlerId::op_br_b, {opd_b()});
    c.fixups.push_back({start, operand_at(start, HandlerId::op_br_b, 0)});
  }
  std::vector<Fixup> one{c.else_fixup};
  bind(one, pc());
  c.has_else_fixup = false;
  stack_.resize(c.base);
  for (ValType t : c.params) push_temp(t);
  reachable_ = true;
  invalidate();
}

void IrBuilder::on_end(bool) {
  Ctl c = std::move(ctls_.back());
  ctls_.pop_back();
  if (c.has_check) end_check();
  if (!c.live) return;
  for (const validate::CatchClause& k : c.catches) add_catch(k.tag, k.kind, k.label, c.try_start);
  if (reachable_) {
    if (c.in_catch) end_catch_body(c);  // legacy catch body: its results sit above the caught exnref
    else materialize_top(uint32_t(c.results.size()));
  }
  if (c.has_else_fixup) {
    std::vector<Fixup> one{c.else_fixup};
    bind(one, pc());
  }
  if (c.kind != CtlKind::loop) {
    bind(c.fixups, pc());
    bind_handlers(c);
  }
  stack_.resize(c.base);
  for (ValType t : c.results) push_temp(t);
  reachable_ = true;
  invalidate();
}

void IrBuilder::bind(std::vector<Fixup>& fixups, uint32_t target) {
  for (const Fixup& f : fixups) code_[f.operand] = target - f.instr;
  fixups.clear();
}

void IrBuilder::branch_to(Ctl& target, uint32_t instr, uint32_t operand) {
  if (target.kind == CtlKind::loop) {
    code_[operand] = uint32_t(int32_t(target.loop_pc) - int32_t(instr));
  } else {
    target.fixups.push_back({instr, operand});
  }
}

bool IrBuilder::needs_copies(const Ctl& t, uint32_t n) const {
  if (t.kind == CtlKind::function) return true;
  if (n == 0) return false;
  if (t.base != height() - n) return true;
  for (uint32_t i = height() - n; i < height(); ++i)
    if (stack_[i].kind != Kind::temp) return true;
  return false;
}

void IrBuilder::copy_values(const std::vector<ValType>& types, uint32_t base) {
  // Sources are at heights >= base + i (above the same first i types), so copying in increasing order
  // never clobbers a later source.
  uint32_t n = uint32_t(types.size());
  uint32_t dst = home(base);
  for (uint32_t i = 0; i < n; ++i) {
    move(dst, src_of(stack_[height() - n + i]));
    dst += types[i].slots();
  }
}

void IrBuilder::emit_return() {
  uint32_t n = uint32_t(result_types_.size());
  if (n == 1 && stack_.back().kind == Kind::temp && producer_valid_ && producer_end_ == pc() &&
      producer_height_ == height() - 1) {
    code_[producer_dst_] = off(0);  // the producer writes the result slot directly
    emit(HandlerId::op_return, {});
    invalidate();
    return;
  }
  std::vector<Src> srcs;
  std::vector<uint32_t> dsts;
  uint32_t result_slots = out_.frame.num_results;
  uint32_t dst = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t h = height() - n + i;
    Src s = src_of(stack_[h]);
    // A local in the result slots other than its own destination may be overwritten by an earlier
    // copy: stage it in its home first (homes are never destinations of earlier copies).
    if (!s.is_const && s.slot < result_slots && s.slot != dst && stack_[h].kind == Kind::local) {
      move(home(h), s);
      s.slot = home(h);
    }
    srcs.push_back(s);
    dsts.push_back(dst);
    dst += result_types_[i].slots();
  }
  for (uint32_t i = 0; i < n; ++i) move(dsts[i], srcs[i]);
  emit(HandlerId::op_return, {});
  invalidate();
}

void IrBuilder::emit_jump(Ctl& t) {
  if (t.kind == CtlKind::function) {
    emit_return();
    return;
  }
  copy_values(t.kind == CtlKind::loop ? t.params : t.results, t.base);
  uint32_t instr = emit(HandlerId::op_br_b, {opd_b()});
  branch_to(t, instr, operand_at(instr, HandlerId::op_br_b, 0));
  invalidate();
}

void IrBuilder::on_br(uint32_t depth) {
  emit_jump(label(depth));
  reachable_ = false;
}

IrBuilder::Cond IrBuilder::take_condition() {
  Cond c;
  uint32_t h = height() - 1;
  Entry e = pop();
  if (cmp_.valid && cmp_.end == pc() && e.kind == Kind::temp && cmp_.height == h) {
    c.fused = true;
    c.cmp = cmp_;
    code_.resize(cmp_.start);  // the compare's result is consumed by the branch only
    invalidate();
    return c;
  }
  c.slot = slot_of(e, h);
  return c;
}

IrBuilder::Fixup IrBuilder::emit_cond_branch(const Cond& c, bool negate) {
  HandlerId id;
  Operands ops;
  if (!c.fused) {
    id = negate ? HandlerId::op_br_unless_sb : HandlerId::op_br_if_sb;
    ops = {opd_s(c.slot), opd_b()};
  } else {
    const auto& forms = op_forms();
    Op op = negate ? forms[size_t(c.cmp.op)].negated : c.cmp.op;
    const OpForms& f = forms[size_t(op)];
    id = c.cmp.b_imm ? f.br_si : f.br_ss;
    ops = {opd_s(c.cmp.a_slot), c.cmp.b_imm ? opd_imm(c.cmp.b_bits) : opd_s(c.cmp.b_slot), opd_b()};
  }
  uint32_t instr = emit(id, ops);
  invalidate();
  return {instr, operand_at(instr, id, ops.size() - 1)};
}

void IrBuilder::on_br_if(uint32_t depth) {
  Ctl& t = label(depth);
  uint32_t n = t.kind == CtlKind::function ? uint32_t(result_types_.size()) : arity(t);
  // Peek at the values below the condition: copies needed?
  Entry cond_entry = stack_.back();
  stack_.pop_back();
  bool copies = needs_copies(t, n);
  stack_.push_back(cond_entry);
  Cond cond = take_condition();
  if (!copies) {
    Fixup f = emit_cond_branch(cond, false);
    branch_to(t, f.instr, f.operand);
    return;
  }
  // Branch over a stub that copies the values and jumps.
  Fixup skip = emit_cond_branch(cond, true);
  emit_jump(t);
  code_[skip.operand] = pc() - skip.instr;
  invalidate();
}

// br_on_null: the reference leaves the stack for the branch and stays (now non-null) otherwise.
void IrBuilder::on_br_on_null(uint32_t depth) {
  Ctl& t = label(depth);
  uint32_t n = t.kind == CtlKind::function ? uint32_t(result_types_.size()) : arity(t);
  if (stack_.back().kind == Kind::konst) materialize(height() - 1);  // a local is tested in place
  Entry ref = stack_.back();
  uint32_t ref_slot = off(ref.slot);
  stack_.pop_back();
  if (!needs_copies(t, n)) {
    uint32_t instr = emit(HandlerId::op_br_on_null_sb, {opd_s(ref_slot), opd_b()});
    branch_to(t, instr, operand_at(instr, HandlerId::op_br_on_null_sb, 1));
  } else {
    uint32_t skip = emit(HandlerId::op_br_on_non_null_sb, {opd_s(ref_slot), opd_b()});
    emit_jump(t);
    code_[operand_at(skip, HandlerId::op_br_on_non_null_sb, 1)] = pc() - skip;
  }
  invalidate();
  ref.type = ValType::ref(ref.type.heap(), false);
  stack_.push_back(ref);
}

// br_on_non_null: the reference is the branch's last value; it is dropped when not branching.
void IrBuilder::on_br_on_non_null(uint32_t depth) {
  Ctl& t = label(depth);
  uint32_t n = t.kind == CtlKind::function ? uint32_t(result_types_.size()) : arity(t);
  if (stack_.back().kind == Kind::konst) materialize(height() - 1);  // a local is tested in place
  uint32_t ref_slot = off(stack_.back().slot);
  if (!needs_copies(t, n)) {
    uint32_t instr = emit(HandlerId::op_br_on_non_null_sb, {opd_s(ref_slot), opd_b()});
    branch_to(t, instr, operand_at(instr, HandlerId::op_br_on_non_null_sb, 1));
  } else {
    uint32_t skip = emit(HandlerId::op_br_on_null_sb, {opd_s(ref_slot), opd_b()});
    emit_jump(t);
    code_[operand_at(skip, HandlerId::op_br_on_null_sb, 1)] = pc() - skip;
  }
  invalidate();
  pop();
}

void IrBuilder::on_br_table(std::span<const uint32_t> depths, uint32_t default_depth) {
  Entry idx = pop();
  uint32_t idx_slot = slot_of(idx, height());
  uint32_t n = label(default_depth).kind == CtlKind::function ? uint32_t(result_types_.size())
                                                              : arity(label(default_depth));
  materialize_top(n);
  uint32_t instr = emit(HandlerId::op_br_table_sT, {opd_s(idx_slot), opd_table(uint32_t(depths.size()))});
  uint32_t first = operand_at(instr, HandlerId::op_br_table_sT, 1) + 1;  // after the count
  std::map<uint32_t, std::vector<uint32_t>> stubs;  // depth -> operand positions
  for (size_t i = 0; i <= depths.size(); ++i) {
    uint32_t d = i < depths.size() ? depths[i] : default_depth;
    uint32_t pos = first + uint32_t(i);
    if (needs_copies(label(d), n)) stubs[d].push_back(pos);
    else branch_to(label(d), instr, pos);
  }
  for (auto& [d, positions] : stubs) {
    for (uint32_t pos : positions) code_[pos] = pc() - instr;
    emit_jump(label(d));
  }
  invalidate();
  reachable_ = false;
}

void IrBuilder::on_return() {
  emit_return();
  reachable_ = false;
}

void IrBuilder::on_unreachable() {
  mark_site();
  emit(HandlerId::op_unreachable, {});
  invalidate();
  reachable_ = false;
}

void IrBuilder::on_call(uint32_t func_index, const wasm::FuncType& type) {
  mark_site();
  uint32_t n = uint32_t(type.params.size());
  materialize_top(n);
  uint32_t base = height() - n;
  stack_.resize(base);
  emit(HandlerId::op_call_xs, {opd_x(func_index), opd_s(off(home(base)))});
  for (ValType t : type.results) push_temp(t);
  invalidate();
}

void IrBuilder::on_call_indirect(uint32_t type_index, uint32_t table, const wasm::FuncType& type) {
  mark_site();
  Entry idx = pop();
  uint32_t idx_slot = slot_of(idx, height());
  uint32_t n = uint32_t(type.params.size());
  materialize_top(n);
  uint32_t base = height() - n;
  stack_.resize(base);
  emit(table_is64(table) ? HandlerId::op_call_indirect_t64_sxxs : HandlerId::op_call_indirect_sxxs,
       {opd_s(idx_slot), opd_x(table), opd_x(type_index), opd_s(off(home(base)))});
  for (ValType t : type.results) push_temp(t);
  invalidate();
}

// Tail calls: the arguments are materialized in consecutive temps as for a call; the handler moves them
// to the frame base, where the callee's frame then starts (replacing this one). Its operand after the
// argument slot is their size in slots.
void IrBuilder::on_return_call(uint32_t func_index, const wasm::FuncType& type) {
  mark_site();
  uint32_t base = tail_call_args(type);
  emit(HandlerId::op_return_call_xsi, {opd_x(func_index), opd_s(off(home(base))), opd_imm(param_slots(type))});
  invalidate();
  reachable_ = false;
}

void IrBuilder::on_return_call_indirect(uint32_t type_index, uint32_t table, const wasm::FuncType& type) {
  mark_site();
  Entry idx = pop();
  uint32_t idx_slot = slot_of(idx, height());
  uint32_t base = tail_call_args(type);
  emit(table_is64(table) ? HandlerId::op_return_call_indirect_t64_sxxsi : HandlerId::op_return_call_indirect_sxxsi,
       {opd_s(idx_slot), opd_x(table), opd_x(type_index), opd_s(off(home(base))), opd_imm(param_slots(type))});
  invalidate();
  reachable_ = false;
}

// call_ref: the reference sits above the arguments; it is read before the callee's frame (which starts
// at the arguments) is set up.
void IrBuilder::on_call_ref(uint32_t, const wasm::FuncType& type) {
  mark_site();
  Entry ref = pop();
  uint32_t ref_slot = slot_of(ref, height());
  uint32_t n = uint32_t(type.params.size());
  materialize_top(n);
  uint32_t base = height() - n;
  stack_.resize(base);
  emit(HandlerId::op_call_ref_ss, {opd_s(ref_slot), opd_s(off(home(base)))});
  for (ValType t : type.results) push_temp(t);
  invalidate();
}

void IrBuilder::on_return_call_ref(uint32_t, const wasm::FuncType& type) {
  mark_site();
  Entry ref = pop();
  uint32_t ref_slot = slot_of(ref, height());
  uint32_t base = tail_call_args(type);
  emit(HandlerId::op_return_call_ref_ssi, {opd_s(ref_slot), opd_s(off(home(base))), opd_imm(param_slots(type))});
  invalidate();
  reachable_ = false;
}

uint32_t IrBuilder::param_slots(const wasm::FuncType& type) {
  uint32_t n = 0;
  for (ValType t : type.params) n += t.slots();
  return n;
}

uint32_t IrBuilder::tail_call_args(const wasm::FuncType& type) {
  uint32_t n = uint32_t(type.params.size());
  materialize_top(n);
  uint32_t base = height() - n;
  stack_.resize(base);
  return base;
}

// ---- parametric and variables --------------------------------------------------------------------------

void IrBuilder::on_drop(ValType) {
  pop();
  invalidate();
}

void IrBuilder::on_select(ValType type) {
  uint32_t h = height();
  Entry c = pop();
  Entry b = pop();
  Entry a = pop();
  uint32_t cs = slot_of(c, h - 1);
  uint32_t bs = slot_of(b, h - 2);
  uint32_t as = slot_of(a, h - 3);
  emit_result(type.kind() == wasm::ValKind::v128 ? HandlerId::op_select128_ssss : HandlerId::op_select_ssss, type,
              {opd_s(as), opd_s(bs), opd_s(cs)});
}

void IrBuilder::on_local_get(uint32_t index, ValType type) {
  Entry e;
  e.kind = Kind::local;
  e.type = type;
  e.slot = local_slots_[index];
  push(e);
}

void IrBuilder::on_local_set(uint32_t index, ValType) {
  uint32_t slot = local_slots_[index];
  uint32_t h = height() - 1;
  Entry v = pop();
  bool aliased = false;
  for (const Entry& e : stack_)
    if (e.kind == Kind::local && e.slot == slot) aliased = true;
  if (!aliased && v.kind == Kind::temp && producer_valid_ && producer_end_ == pc() && producer_height_ == h) {
    code_[producer_dst_] = off(slot);  // the producer writes the local directly
    invalidate();
    return;
  }
  if (aliased) {
    for (uint32_t i = 0; i < height(); ++i)
      if (stack_[i].kind == Kind::local && stack_[i].slot == slot) materialize(i);
  }
  move(slot, src_of(v));
  invalidate();
}

void IrBuilder::on_local_tee(uint32_t index, ValType type) {
  on_local_set(index, type);
  on_local_get(index, type);
}

void IrBuilder::on_global_get(uint32_t index, ValType type) {
  emit_result(type.kind() == wasm::ValKind::v128 ? HandlerId::op_global_get128_sx : HandlerId::op_global_get_sx, type,
              {opd_x(index)});
}

void IrBuilder::on_global_set(uint32_t index, ValType type) {
  Entry v = pop();
  uint32_t s = slot_of(v, height());
  emit(type.kind() == wasm::ValKind::v128 ? HandlerId::op_global_set128_xs : HandlerId::op_global_set_xs,
       {opd_x(index), opd_s(s)});
  invalidate();
}

// ---- constants -----------------------------------------------------------------------------------------

void IrBuilder::on_i32_const(uint32_t v) { push({Kind::konst, ValType::i32(), 0, v}); }
void IrBuilder::on_i64_const(uint64_t v) { push({Kind::konst, ValType::i64(), 0, v}); }
void IrBuilder::on_f32_const(uint32_t v) { push({Kind::konst, ValType::f32(), 0, v}); }
void IrBuilder::on_f64_const(uint64_t v) { push({Kind::konst, ValType::f64(), 0, v}); }

// ---- numeric -------------------------------------------------------------------------------------------

void IrBuilder::on_numeric(Op op) {
  if (can_trap(op)) mark_site();
  const OpForms& f = op_forms()[size_t(op)];
  switch (f.cls) {
    case OpClass::binop: binop(op); return;
    case OpClass::unop: unop(op); return;
    case OpClass::noop: {
      Entry e = pop();
      e.type = result_type(op);
      if (op == Op::i32_wrap_i64) e.bits &= 0xffffffffu;
      push(e);
      // Still the producer's value in the same slot: a following local.set may rewrite it.
      if (e.kind != Kind::temp) invalidate();
      return;
    }
    case OpClass::other: break;
  }
}

void IrBuilder::binop(Op op) {
  const OpForms& f = op_forms()[size_t(op)];
  uint32_t h = height() - 2;
  Entry b = pop();
  Entry a = pop();
  if (a.kind == Kind::konst && b.kind == Kind::konst) {
    move(home(h), src_of(a));
    a.kind = Kind::temp;
    a.slot = home(h);
  }
  if (op == Op::i32_add && a.kind != Kind::konst && b.kind != Kind::konst && shl_.valid && shl_.end == pc()) {
    // One operand is the temp the shl just wrote (the other was produced earlier or is a local).
    bool b_is_shl = b.kind == Kind::temp && shl_.height == h + 1;
    bool a_is_shl = a.kind == Kind::temp && shl_.height == h;
    if (b_is_shl || a_is_shl) {
      add_shl(h, off(b_is_shl ? a.slot : b.slot));
      return;
    }
  }
  if (op == Op::i32_add && a.kind == Kind::temp && b.kind == Kind::temp && shl_.valid && shl_.height == h &&
      addi_.valid && addi_.height == h + 1 && addi_.end == pc() && addi_.start == shl_.end) {
    // `(x << k) + (y + imm)`: the add-immediate reads neither the shl's result nor its input slot's
    // height, so it moves up over the shl, which then fuses into this add.
    uint32_t n = addi_.end - addi_.start;
    std::copy(code_.begin() + addi_.start, code_.begin() + addi_.end, code_.begin() + shl_.start);
    code_.resize(shl_.start + n);
    shl_.start += n;
    add_shl(h, off(b.slot));
    return;
  }
  uint32_t start;
  LastCmp cmp;
  cmp.op = op;
  if (b.kind == Kind::konst) {
    start = emit_result(f.ssi, result_type(op), {opd_s(off(a.slot)), opd_imm(b.bits)});
    cmp.a_slot = off(a.slot);
    cmp.b_imm = true;
    cmp.b_bits = b.bits;
    cmp.valid = f.br_ss != kNone;
  } else if (a.kind == Kind::konst) {
    start = emit_result(f.sis, result_type(op), {opd_imm(a.bits), opd_s(off(b.slot))});
  } else {
    start = emit_result(f.sss, result_type(op), {opd_s(off(a.slot)), opd_s(off(b.slot))});
    cmp.a_slot = off(a.slot);
    cmp.b_slot = off(b.slot);
    cmp.valid = f.br_ss != kNone;
  }
  if (cmp.valid) {
    cmp.start = start;
    cmp.end = pc();
    cmp.height = h;
    cmp_ = cmp;
  }
  if (op == Op::i32_shl && b.kind == Kind::konst) {
    shl_.valid = true;
    shl_.start = start;
    shl_.end = pc();
    shl_.height = h;
    shl_.x_slot = off(a.slot);
    shl_.k = uint32_t(b.bits) & 31;
  }
  if (op == Op::i32_add && b.kind == Kind::konst) {
    addi_.valid = true;
    addi_.start = start;
    addi_.end = pc();
    addi_.height = h;
    addi_.a_slot = off(a.slot);
    addi_.imm = uint32_t(b.bits);
  }
}

// Replaces the shl just emitted (shl_) by `base + (x << k)` into home(h), the i32.add's result.
void IrBuilder::add_shl(uint32_t h, uint32_t base) {
  uint32_t start = shl_.start, x = shl_.x_slot, k = shl_.k;
  code_.resize(start);  // the shl's result only feeds this add
  emit_result(HandlerId::op_i32_add_shl_sssi, ValType::i32(), {opd_s(base), opd_s(x), opd_imm(k)});
  cmp_.valid = addi_.valid = shl_.valid = false;
  scaled_ = {true, start, pc(), h, base, x, k};
}

void IrBuilder::unop(Op op) {
  const OpForms& f = op_forms()[size_t(op)];
  uint32_t h = height() - 1;
  Entry a = pop();
  uint32_t as = slot_of(a, h);  // may store a constant operand first: not part of the fused range
  uint32_t start = emit_result(f.sss, result_type(op), {opd_s(as)});
  // eqz fuses as "== 0".
  if (op == Op::i32_eqz || op == Op::i64_eqz) {
    cmp_.valid = true;
    cmp_.op = op == Op::i32_eqz ? Op::i32_eq : Op::i64_eq;
    cmp_.a_slot = as;
    cmp_.b_imm = true;
    cmp_.b_bits = 0;
    cmp_.start = start;
    cmp_.end = pc();
    cmp_.height = h;
  }
}

// ---- memory --------------------------------------------------------------------------------------------

IrBuilder::Address IrBuilder::take_address(const Entry& a, uint32_t h, uint32_t as) {
  Address ad;
  ad.base = as;
  if (config_.explicit_bounds_checks) {
    ad.form = AddrForm::checked;
  } else if (a.kind == Kind::temp && addi_.valid && addi_.end == pc() && addi_.height == h) {
    code_.resize(addi_.start);  // the add's result only feeds this address
    ad = {AddrForm::add_imm, addi_.a_slot, {opd_imm(addi_.imm)}};
  } else if (a.kind == Kind::temp && scaled_.valid && scaled_.end == pc() && scaled_.height == h) {
    code_.resize(scaled_.start);  // the scaled index only feeds this address
    ad = {AddrForm::scaled, scaled_.base, {opd_s(scaled_.index), opd_imm(scaled_.k)}};
  }
  return ad;
}

void IrBuilder::on_load(Op op, const validate::MemArg& ma) {
  static constexpr const HandlerId* kForms[] = {kLoadsGuarded, kLoadsChecked, kLoadsAddImm, kLoadsScaled};
  mark_site();
  size_t i = size_t(op) - size_t(Op::i32_load);
  uint32_t h = height() - 1;
  Entry a = pop();
  if (ma.memory != 0 || is64(ma.memory)) {
    const HandlerId* forms = is64(ma.memory) ? kLoads64 : kLoadsOther;
    emit_result(forms[i], result_type(op), {opd_s(slot_of(a, h)), opd_x(ma.memory), opd_imm(ma.offset)});
    return;
  }
  Address ad = take_address(a, h, slot_of(a, h));
  Operands ops{opd_s(ad.base)};
  ops.add(ad.extra);
  ops.add(opd_o(ma.offset));
  emit_result(kForms[size_t(ad.form)][i], result_type(op), ops);
}

void IrBuilder::on_store(Op op, const validate::MemArg& ma) {
  static constexpr const HandlerId* kForms[] = {kStoresGuarded, kStoresChecked, kStoresAddImm, kStoresScaled};
  mark_site();
  size_t i = size_t(op) - size_t(Op::i32_store);
  uint32_t h = height() - 2;
  Entry v = pop();
  Entry a = pop();
  uint32_t vs = slot_of(v, h + 1);
  if (ma.memory != 0 || is64(ma.memory)) {
    const HandlerId* forms = is64(ma.memory) ? kStores64 : kStoresOther;
    emit(forms[i], {opd_s(slot_of(a, h)), opd_s(vs), opd_x(ma.memory), opd_imm(ma.offset)});
    invalidate();
    return;
  }
  Address ad = take_address(a, h, slot_of(a, h));
  Operands ops{opd_s(ad.base), opd_s(vs)};
  ops.add(ad.extra);
  ops.add(opd_o(ma.offset));
  emit(kForms[size_t(ad.form)][i], ops);
  invalidate();
}

// Memory 0 keeps its own forms; the others name their memory (the _x forms).
void IrBuilder::on_memory_size(uint32_t memory) {
  if (is64(memory)) {
    emit_result(HandlerId::op_memory_size_m64_sx, ValType::i64(), {opd_x(memory)});
    return;
  }
  if (memory != 0) {
    emit_result(HandlerId::op_memory_size_sx, ValType::i32(), {opd_x(memory)});
    return;
  }
  emit_result(HandlerId::op_memory_size_s, ValType::i32(), {});
}

void IrBuilder::on_memory_grow(uint32_t memory) {
  uint32_t h = height() - 1;
  Entry d = pop();
  uint32_t ds = slot_of(d, h);
  if (is64(memory)) {
    emit_result(HandlerId::op_memory_grow_m64_ssx, ValType::i64(), {opd_s(ds), opd_x(memory)});
    return;
  }
  if (memory != 0) {
    emit_result(HandlerId::op_memory_grow_ssx, ValType::i32(), {opd_s(ds), opd_x(memory)});
    return;
  }
  emit_result(HandlerId::op_memory_grow_ss, ValType::i32(), {opd_s(ds)});
}

// memory.fill/copy/init and table.fill/copy/init: `handler imms... dst src_or_value n`, three i32-ish
// operands popped from the stack.
void IrBuilder::bulk_op(HandlerId id, const Operands& indices) {
  mark_site();
  uint32_t h = height() - 3;
  Entry n = pop(), b = pop(), a = pop();
  uint32_t ns = slot_of(n, h + 2), bs = slot_of(b, h + 1), as = slot_of(a, h);
  Operands ops = indices;
  ops.add({opd_s(as), opd_s(bs), opd_s(ns)});
  emit(id, ops);
  invalidate();
}

void IrBuilder::on_memory_fill(uint32_t memory) {
  if (is64(memory)) return bulk_op(HandlerId::op_memory_fill_m64_xsss, {opd_x(memory)});
  if (memory != 0) return bulk_op(HandlerId::op_memory_fill_xsss, {opd_x(memory)});
  bulk_op(HandlerId::op_memory_fill_sss, {});
}

void IrBuilder::on_memory_copy(uint32_t dst, uint32_t src) {
  if (is64(dst) || is64(src)) {
    uint32_t wide = (is64(dst) ? 1 : 0) | (is64(src) ? 2 : 0);
    return bulk_op(HandlerId::op_memory_copy_m64_xxxsss, {opd_x(dst), opd_x(src), opd_x(wide)});
  }
  if (dst != 0 || src != 0) return bulk_op(HandlerId::op_memory_copy_xxsss, {opd_x(dst), opd_x(src)});
  bulk_op(HandlerId::op_memory_copy_sss, {});
}

void IrBuilder::on_memory_init(uint32_t data, uint32_t memory) {
  if (is64(memory)) return bulk_op(HandlerId::op_memory_init_m64_xxsss, {opd_x(data), opd_x(memory)});
  if (memory != 0) return bulk_op(HandlerId::op_memory_init_xxsss, {opd_x(data), opd_x(memory)});
  bulk_op(HandlerId::op_memory_init_xsss, {opd_x(data)});
}

void IrBuilder::on_data_drop(uint32_t data) {
  emit(HandlerId::op_data_drop_x, {opd_x(data)});
  invalidate();
}

// ---- references and tables -----------------------------------------------------------------------------

void IrBuilder::on_ref_null(ValType type) { push({Kind::konst, type, 0, 0}); }

void IrBuilder::on_ref_is_null() {
  uint32_t h = height() - 1;
  Entry a = pop();
  uint32_t as = slot_of(a, h);
  emit_result(HandlerId::op_ref_is_null_ss, ValType::i32(), {opd_s(as)});
}

void IrBuilder::on_ref_func(uint32_t func_index) {
  emit_result(HandlerId::op_ref_func_sx, ValType::ref(uint32_t(wasm::HeapKind::func), false), {opd_x(func_index)});
}

void IrBuilder::on_ref_as_non_null() {
  mark_site();
  uint32_t h = height() - 1;
  uint32_t s = slot_of(stack_.back(), h);
  emit(HandlerId::op_ref_as_non_null_s, {opd_s(s)});
  stack_.back().type = ValType::ref(stack_.back().type.heap(), false);
  invalidate();
}

void IrBuilder::on_table_get(uint32_t table) {
  mark_site();
  uint32_t h = height() - 1;
  Entry i = pop();
  uint32_t is = slot_of(i, h);
  emit_result(table_is64(table) ? HandlerId::op_table_get_t64_sxs : HandlerId::op_table_get_sxs,
              module_.tables[table].elem, {opd_x(table), opd_s(is)});
}

void IrBuilder::on_table_set(uint32_t table) {
  mark_site();
  uint32_t h = height() - 2;
  Entry v = pop(), i = pop();
  uint32_t vs = slot_of(v, h + 1), is = slot_of(i, h);
  emit(table_is64(table) ? HandlerId::op_table_set_t64_xss : HandlerId::op_table_set_xss,
       {opd_x(table), opd_s(is), opd_s(vs)});
  invalidate();
}

void IrBuilder::on_table_size(uint32_t table) {
  if (table_is64(table)) {
    emit_result(HandlerId::op_table_size_t64_sx, ValType::i64(), {opd_x(table)});
    return;
  }
  emit_result(HandlerId::op_table_size_sx, ValType::i32(), {opd_x(table)});
}

void IrBuilder::on_table_grow(uint32_t table) {
  uint32_t h = height() - 2;
  Entry n = pop(), v = pop();
  uint32_t ns = slot_of(n, h + 1), vs = slot_of(v, h);
  if (table_is64(table)) {
    emit_result(HandlerId::op_table_grow_t64_sxss, ValType::i64(), {opd_x(table), opd_s(vs), opd_s(ns)});
    return;
  }
  emit_result(HandlerId::op_table_grow_sxss, ValType::i32(), {opd_x(table), opd_s(vs), opd_s(ns)});
}

void IrBuilder::on_table_fill(uint32_t table) {
  bulk_op(table_is64(table) ? HandlerId::op_table_fill_t64_xsss : HandlerId::op_table_fill_xsss, {opd_x(table)});
}

void IrBuilder::on_table_copy(uint32_t dst, uint32_t src) {
  if (table_is64(dst) || table_is64(src)) {
    uint32_t wide = (table_is64(dst) ? 1 : 0) | (table_is64(src) ? 2 : 0);
    return bulk_op(HandlerId::op_table_copy_t64_xxxsss, {opd_x(dst), opd_x(src), opd_x(wide)});
  }
  bulk_op(HandlerId::op_table_copy_xxsss, {opd_x(dst), opd_x(src)});
}

void IrBuilder::on_table_init(uint32_t elem, uint32_t table) {
  bulk_op(table_is64(table) ? HandlerId::op_table_init_t64_xxsss : HandlerId::op_table_init_xxsss,
          {opd_x(table), opd_x(elem)});
}

void IrBuilder::on_elem_drop(uint32_t elem) {
  emit(HandlerId::op_elem_drop_x, {opd_x(elem)});
  invalidate();
}

// ---- entry point ---------------------------------------------------------------------------------------

Result<std::unique_ptr<FuncCode>> translate_function(const wasm::Module& module, uint32_t func_index,
                                                     const runtime::EngineConfig& config) {
  auto code = std::make_unique<FuncCode>();
  IrBuilder builder(module, func_index, config, *code);
  // The body was validated when the module was compiled: decode it again without the checks.
  using Decoder = validate::FuncDecoder<validate::BodyTag, IrBuilder, validate::Trusted>;
  Decoder decoder(module, func_index, builder);
  builder.set_position_source(&decoder, [](const void* d) { return static_cast<const Decoder*>(d)->instr_offset(); });
  Result<void> r = decoder.decode();
  if (!r) return r.error();
  code->code.shrink_to_fit();
  code->interp_entry = code->code.data();  // final: the IR does not move again
  return code;
}

}  // namespace wisp::interp
