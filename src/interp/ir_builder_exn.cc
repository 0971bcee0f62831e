// IrBuilder: exception handling (DESIGN.md §9). Entering try_table / try emits nothing: each construct
// adds entries to FuncCode::handlers (IR range -> tag -> landing IR and value slots) that a throw
// searches. A legacy catch body keeps the caught exception in a hidden exnref temp below its values
// (for rethrow), so its results are moved down one slot when it ends.
#include "interp/ir_builder.h"

namespace wisp::interp {

using wasm::ValType;
using Handler = FuncCode::Handler;

void IrBuilder::on_throw(uint32_t tag, const wasm::FuncType& type) {
  mark_site();
  uint32_t n = uint32_t(type.params.size());
  materialize_top(n);  // the payload in consecutive temps, as call arguments
  uint32_t base = height() - n;
  stack_.resize(base);
  emit(HandlerId::op_throw_xs, {opd_x(tag), opd_s(off(home(base)))});
  invalidate();
  reachable_ = false;
}

void IrBuilder::on_throw_ref() {
  mark_site();
  Entry e = pop();
  uint32_t s = slot_of(e, height());
  emit(HandlerId::op_throw_ref_s, {opd_s(s)});
  invalidate();
  reachable_ = false;
}

void IrBuilder::on_rethrow(uint32_t depth) {
  mark_site();
  emit(HandlerId::op_rethrow_s, {opd_s(label(depth).exn_slot)});
  invalidate();
  reachable_ = false;
}

void IrBuilder::on_try_table(const validate::BlockSig& sig, std::span<const validate::CatchClause> catches,
                             bool reachable) {
  enter(CtlKind::try_table, sig, reachable);
  Ctl& c = ctls_.back();
  if (!c.live) return;
  c.try_start = pc();
  c.catches.assign(catches.begin(), catches.end());
}

// A catch clause of the construct just closed (it is no longer on the control stack): values go to
// the homes of label `depth` and land where that label's branches land.
void IrBuilder::add_catch(uint32_t tag, uint8_t kind, uint32_t depth, uint32_t start) {
  using K = validate::CatchClause;
  Ctl& t = label(depth);
  Handler h;
  h.start = start;
  h.end = pc();
  h.tag = kind == K::kCatch || kind == K::kCatchRef ? tag : Handler::kAnyTag;
  h.kind = kind == K::kCatchRef || kind == K::kCatchAllRef ? Handler::kCatchRef : Handler::kCatch;
  h.depth = uint32_t(ctls_.size());
  h.dst = t.kind == CtlKind::function ? 0 : off(home(t.base));
  uint32_t idx = uint32_t(out_.handlers.size());
  if (t.kind == CtlKind::function) return_landings_.push_back(idx);
  else if (t.kind == CtlKind::loop) h.landing = t.loop_pc;
  else t.handler_fixups.push_back(idx);
  out_.handlers.push_back(h);
}

void IrBuilder::bind_handlers(Ctl& c) {
  for (uint32_t i : c.handler_fixups) out_.handlers[i].landing = pc();
  c.handler_fixups.clear();
}

void IrBuilder::finish_handlers() {
  if (return_landings_.empty()) return;
  // Clauses whose label is the function's: the values are already in the result slots.
  uint32_t at = emit(HandlerId::op_return, {});
  for (uint32_t i : return_landings_) out_.handlers[i].landing = at;
}

void IrBuilder::on_try(const validate::BlockSig& sig, bool reachable) {
  enter(CtlKind::try_, sig, reachable);
  Ctl& c = ctls_.back();
  if (c.live) c.try_start = pc();
}

// The results of a legacy catch body sit one slot above the try's base (over the caught exnref):
// move them to the try's homes.
void IrBuilder::end_catch_body(Ctl& c) { copy_values(c.results, c.base); }

namespace {
constexpr uint32_t kNoTag = FuncCode::Handler::kAnyTag;
}

void IrBuilder::on_catch(uint32_t tag, const wasm::FuncType& type, bool) {
  Ctl& c = ctls_.back();
  if (!c.live) return;
  // The previous body (do or catch) ends like a branch to the end of the try.
  if (reachable_) {
    if (c.in_catch) end_catch_body(c);
    else materialize_top(uint32_t(c.results.size()));
    uint32_t start = emit(HandlerId::op_br_b, {opd_b()});
    c.fixups.push_back({start, operand_at(start, HandlerId::op_br_b, 0)});
  }
  if (!c.in_catch) c.do_end = pc();
  c.in_catch = true;
  stack_.resize(c.base);
  push_temp(ValType::exnref());  // hidden: the caught exception, for rethrow
  c.exn_slot = off(stack_.back().slot);
  Handler h;
  h.start = c.try_start;
  h.end = c.do_end;
  h.tag = tag;
  h.kind = Handler::kCatch;
  h.depth = uint32_t(ctls_.size() - 1);
  h.landing = pc();
  h.dst = off(home(height()));
  h.exn_slot = c.exn_slot;
  out_.handlers.push_back(h);
  for (ValType t : type.params) push_temp(t);
  reachable_ = true;
  invalidate();
}

void IrBuilder::on_catch_all(bool reachable) {
  static const wasm::FuncType kNone;
  on_catch(kNoTag, kNone, reachable);
}

void IrBuilder::on_delegate(uint32_t depth, bool) {
  Ctl c = std::move(ctls_.back());
  ctls_.pop_back();
  if (!c.live) return;
  if (reachable_) materialize_top(uint32_t(c.results.size()));
  // Exceptions of the do-body continue with the handlers at label `depth` and outside it.
  Handler h;
  h.start = c.try_start;
  h.end = pc();
  h.kind = Handler::kDelegate;
  h.depth = uint32_t(ctls_.size());
  h.landing = uint32_t(ctls_.size() - 1 - depth);
  out_.handlers.push_back(h);
  bind(c.fixups, pc());
  bind_handlers(c);
  stack_.resize(c.base);
  for (ValType t : c.results) push_temp(t);
  reachable_ = true;
  invalidate();
}

}  // namespace wisp::interp
