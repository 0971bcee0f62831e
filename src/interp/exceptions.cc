// Exception handling in the interpreter (DESIGN.md §9): exceptions are made by throw, and a throw
// searches the handler tables (FuncCode::handlers) of the running function and then of its callers on
// the explicit call stack; nothing runs on the non-throwing path.
#include <cstring>

#include "interp/exec_state.h"
#include "runtime/public_kind.h"
#include "runtime/store_data.h"
#include "runtime/type_registry.h"
#include "wisp/exception.h"

namespace wisp::interp {

namespace {

using Handler = FuncCode::Handler;

// The handler of `exn` at IR position `pos` of `code` (of an instance `inst`), or nullptr. Entries are
// innermost first; a delegate restricts the rest of the search to handlers at or outside its target.
const Handler* find_handler(const FuncCode& code, uint32_t pos, const gc::ExnObject& exn,
                            const runtime::InstanceData& inst) {
  uint32_t limit = UINT32_MAX;
  for (const Handler& h : code.handlers) {
    if (pos < h.start || pos >= h.end || h.depth > limit) continue;
    if (h.kind == Handler::kDelegate) {
      limit = h.landing;
      continue;
    }
    if (h.tag == Handler::kAnyTag || inst.tags[h.tag] == exn.tag) return &h;
  }
  return nullptr;
}

// The first byte past the running function's frame: the end of the value stack in use.
const char* frame_end(ExecState* st, const char* fp) {
  const runtime::FuncEntry* e = st->func ? st->func->entry.load(std::memory_order_acquire) : nullptr;
  return e ? fp + e->frame.frame_bytes() : fp;
}

uint32_t payload_slots(const runtime::TagInstance& tag) {
  uint32_t n = 0;
  for (wasm::ValType t : tag.type->params) n += t.slots();
  return n;
}

}  // namespace

gc::ExnObject* new_exception(ExecState* st, uint32_t tag_index, const char* payload, const char* fp) {
  runtime::TagInstance* tag = st->inst->tags[tag_index];
  gc::ExnObject* exn = gc::heap_of(*st->store).new_exception(tag, payload_slots(*tag), {st->stacks->slots, frame_end(st, fp)});
  if (exn && exn->payload_slots()) std::memcpy(exn->payload(), payload, exn->payload_slots() * 8);
  return exn;
}

bool throw_exception(ExecState* st, gc::ExnObject* exn, const uint32_t*& ip, char*& fp, bool from_caller) {
  const uint32_t* at = ip;
  char* f = fp;
  runtime::FuncInstance* func = st->func;
  CallFrame* c = st->cs;
  bool skip = from_caller;
  for (;;) {
    if (!skip) {
      const FuncCode& code = interp_code(*func->entry.load(std::memory_order_acquire));
      const uint32_t* base = code.code.data();
      if (at >= base && at < base + code.code.size() && !code.handlers.empty()) {
        if (const Handler* h = find_handler(code, uint32_t(at - base), *exn, *func->instance)) {
          // Land: the frames above are gone; the payload (and exnref) go to the handler's slots.
          st->cs = c;
          st->func = func;
          st->inst = func->instance;
          st->mem0 = st->inst->mem0;
          size_t n = h->tag == Handler::kAnyTag ? 0 : exn->payload_slots();  // catch_all: no payload
          if (n) std::memcpy(f + h->dst, exn->payload(), n * 8);
          uint64_t ref = reinterpret_cast<uint64_t>(exn);
          if (h->kind == Handler::kCatchRef) std::memcpy(f + h->dst + n * 8, &ref, 8);
          if (h->exn_slot != UINT32_MAX) std::memcpy(f + h->exn_slot, &ref, 8);
          ip = base + h->landing;
          fp = f;
          return true;
        }
      }
    }
    skip = false;
    if (c - 1 == st->cs_base) break;  // the caller is this level's entry: the exception leaves it
    --c;
    at = c->ret.ir() - 1;  // inside the call instruction
    f = c->fp;
    func = c->func;
  }
  st->exn = exn;
  st->trap = TrapCode::exception;
  st->trap_ip = ip;
  return false;
}

bool rethrow_from_host(ExecState* st, const uint32_t*& ip, char*& fp, bool from_caller) {
  st->trap = TrapCode::none;
  return throw_exception(st, st->exn, ip, fp, from_caller);
}

Landing rethrow_landing(ExecState* st, const uint32_t* ip, char* fp, bool from_caller) {
  if (st->trap != TrapCode::exception || !rethrow_from_host(st, ip, fp, from_caller)) return {nullptr, nullptr};
  return {ip, fp};
}

std::shared_ptr<const Exception> public_exception(runtime::StoreData& store, const gc::ExnObject& exn) {
  auto e = std::make_shared<Exception>();
  e->tag = Tag(store.id, exn.tag);
  size_t slot = 0;
  // The tag's own type names its module's type indices; the registered (canonical) one names ids.
  const wasm::FuncType& canonical = store.types->type(exn.tag->type_id);
  for (size_t i = 0; i < exn.tag->type->params.size(); ++i) {
    wasm::ValType t = exn.tag->type->params[i];
    detail::RawVal raw;
    std::memcpy(raw.bytes, exn.payload() + slot, t.slots() * 8);
    slot += t.slots();
    Val v = Val::from_raw(runtime::public_kind(store, i < canonical.params.size() ? canonical.params[i] : t), raw, store.id);
    if (t.is_ref()) v.set_root_internal(gc::root_handle(store, exn.payload()[slot - t.slots()]));  // held by the host
    e->payload.push_back(std::move(v));
  }
  return e;
}

gc::ExnObject* exn_from_public(ExecState* st, const Exception& e, const char* stack_hi) {
  runtime::TagInstance* tag = e.tag.internal();
  if (tag == nullptr || e.tag.store_id() != st->store->id) return nullptr;
  gc::ExnObject* exn = gc::heap_of(*st->store).new_exception(tag, payload_slots(*tag), {st->stacks->slots, stack_hi});
  if (exn == nullptr) return nullptr;
  size_t slot = 0;
  for (size_t i = 0; i < tag->type->params.size() && i < e.payload.size(); ++i) {
    wasm::ValType t = tag->type->params[i];
    std::memcpy(exn->payload() + slot, e.payload[i].raw().bytes, t.slots() * 8);
    slot += t.slots();
  }
  return exn;
}

}  // namespace wisp::interp
