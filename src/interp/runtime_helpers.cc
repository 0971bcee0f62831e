// Out-of-line parts of handlers: host calls, lazy translation, bulk memory and table instructions.
#include <algorithm>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "interp/exec_state.h"
#include "interp/invoke.h"
#include "interp/packed_values.h"
#include "interp/trap_frames.h"
#include "runtime/const_eval.h"
#include "runtime/instantiate.h"
#include "runtime/memory.h"
#include "runtime/trap_handler.h"

namespace wisp::interp {

using runtime::Value;

Result<void> call_host_function(runtime::FuncInstance* f, runtime::HostContext& ctx, const Value* in, Value* out) {
  try {
    return f->host(ctx, in, out);
  } catch (const std::exception& e) {
    return Error::trap(std::string("host function threw an exception: ") + e.what());
  } catch (...) {
    return Error::trap("host function threw an exception");
  }
}

namespace {

// Calls host function `f` with the slot-packed arguments at `args` (a v128 takes two slots) and packs its
// results there. `in` and `out` hold at least as many Values as `f` has parameters and results.
TrapCode call_host_with(ExecState* st, runtime::FuncInstance* f, char* args, Value* in, Value* out) {
  const wasm::FuncType& type = *f->type;
  size_t param_bytes = unpack_values(type.params, args, in);
  size_t result_bytes = 0;
  size_t nr = type.results.size();
  for (size_t i = 0; i < nr; ++i) {
    out[i] = Value();  // a host function that leaves a result unset returns zero
    result_bytes += type.results[i].slots() * 8;
  }

  // A host function may re-enter Wasm: the nested level's frames start above the arguments/results.
  ExecStacks* s = st->stacks;
  char* saved_sp = s->sp;
  CallFrame* saved_top = s->call_top;
  s->sp = args + std::max(param_bytes, result_bytes);
  s->call_top = st->cs;
  runtime::HostContext ctx{st->store, st->inst};
  runtime::WasmActivation* act = runtime::leave_wasm();  // faults in host code are not Wasm traps
  Result<void> r = call_host_function(f, ctx, in, out);
  runtime::reenter_wasm(act);
  s->sp = saved_sp;
  s->call_top = saved_top;
  if (!r) [[unlikely]] {
    // An exception (thrown by the host, or by Wasm it called and did not catch) continues in the caller.
    if (r.error().kind == ErrorKind::Exception && r.error().exception) {
      if (gc::ExnObject* exn = exn_from_public(st, *r.error().exception, args + std::max(param_bytes, result_bytes))) {
        st->exn = exn;
        return TrapCode::exception;
      }
    }
    st->error = std::move(r.error());
    add_frame(*st->error, f, nullptr, false);
    return TrapCode::pending_error;
  }
  pack_values(type.results, out, args);
  return TrapCode::none;
}

[[gnu::noinline]] TrapCode call_host_many(ExecState* st, runtime::FuncInstance* f, char* args) {
  std::vector<Value> in(f->type->params.size()), out(f->type->results.size());
  return call_host_with(st, f, args, in.data(), out.data());
}

}  // namespace

TrapCode call_host(ExecState* st, runtime::FuncInstance* f, char* args) {
  constexpr size_t kSmall = 8;
  if (f->type->params.size() > kSmall || f->type->results.size() > kSmall) [[unlikely]]
    return call_host_many(st, f, args);
  // Left uninitialised: call_host_with writes every entry it passes on.
  union Buffer {
    Buffer() {}
    Value v[kSmall];
  } in, out;
  return call_host_with(st, f, args, in.v, out.v);
}

runtime::FuncEntry* code_for_call(ExecState* st, runtime::FuncInstance* f) {
  Result<void> r = ensure_code(*st->store, f);
  if (!r) {
    st->error = std::move(r.error());
    return nullptr;
  }
  return f->entry.load(std::memory_order_acquire);
}

// ---- memory --------------------------------------------------------------------------------------------

// [at, at + n) lies inside `m` (overflow-safe for 64-bit operands).
static bool mem_range_ok(const runtime::MemoryInstance* m, uint64_t at, uint64_t n) {
  return m != nullptr && at <= m->size && n <= m->size - at;
}

// Fuel for the bulk operations (SECURITY.md): their work grows with a length operand, so they cost in
// proportion to it, charged before the work: one unit per kFuelBytes bytes or kFuelElems table
// elements (table.init: per element, each may evaluate an expression).
constexpr uint64_t kFuelBytes = 64, kFuelElems = 8;

TrapCode charge_fuel(ExecState* st, uint64_t n, uint64_t per_unit) {
  runtime::StoreData* s = st->store;
  if (!s->fuel_enabled) [[likely]] return TrapCode::none;
  uint64_t cost = n / per_unit;
  if (s->fuel < cost) {
    s->fuel = 0;
    return TrapCode::out_of_fuel;
  }
  s->fuel -= cost;
  return TrapCode::none;
}

TrapCode charge_table_grow(ExecState* st, uint64_t delta) { return charge_fuel(st, delta, kFuelElems); }

static TrapCode fill_in(ExecState* st, runtime::MemoryInstance* m, uint64_t d, uint32_t val, uint64_t n) {
  if (TrapCode t = charge_fuel(st, n, kFuelBytes); t != TrapCode::none) return t;
  if (!mem_range_ok(m, d, n)) return TrapCode::memory_oob;
  if (n) std::memset(m->base + d, int(val & 0xff), n);
  return TrapCode::none;
}

static TrapCode copy_between(ExecState* st, runtime::MemoryInstance* dst, runtime::MemoryInstance* src, uint64_t d,
                             uint64_t s, uint64_t n) {
  if (TrapCode t = charge_fuel(st, n, kFuelBytes); t != TrapCode::none) return t;
  if (!mem_range_ok(dst, d, n) || !mem_range_ok(src, s, n)) return TrapCode::memory_oob;
  if (n) std::memmove(dst->base + d, src->base + s, n);
  return TrapCode::none;
}

static TrapCode init_in(ExecState* st, runtime::MemoryInstance* m, uint32_t seg, uint64_t d, uint32_t s, uint32_t n) {
  runtime::InstanceData* inst = st->inst;
  const wasm::DataSegment& data = inst->module->datas[seg];
  uint64_t size = inst->dropped_datas[seg] ? 0 : data.bytes.size();
  if (TrapCode t = charge_fuel(st, n, kFuelBytes); t != TrapCode::none) return t;
  if (uint64_t(s) + n > size || !mem_range_ok(m, d, n)) return TrapCode::memory_oob;
  if (n) std::memcpy(m->base + d, data.bytes.data() + s, n);
  return TrapCode::none;
}

static uint32_t grow_pages(runtime::MemoryInstance* m, uint32_t delta) {
  int64_t old = runtime::memory_grow(*m, delta);
  return old < 0 ? UINT32_MAX : uint32_t(old);
}

TrapCode memory_fill(ExecState* st, uint32_t d, uint32_t val, uint32_t n) { return fill_in(st, st->mem0, d, val, n); }

TrapCode memory_copy(ExecState* st, uint32_t d, uint32_t s, uint32_t n) {
  return copy_between(st, st->mem0, st->mem0, d, s, n);
}

TrapCode memory_init(ExecState* st, uint32_t seg, uint32_t d, uint32_t s, uint32_t n) {
  return init_in(st, st->mem0, seg, d, s, n);
}

void data_drop(ExecState* st, uint32_t seg) { st->inst->dropped_datas[seg] = true; }

uint32_t memory_grow(ExecState* st, uint32_t delta) { return grow_pages(st->mem0, delta); }

TrapCode memory_fill_x(ExecState* st, uint32_t mem, uint64_t d, uint32_t val, uint64_t n) {
  return fill_in(st, st->inst->memories[mem], d, val, n);
}

TrapCode memory_copy_x(ExecState* st, uint32_t dst_mem, uint32_t src_mem, uint64_t d, uint64_t s, uint64_t n) {
  return copy_between(st, st->inst->memories[dst_mem], st->inst->memories[src_mem], d, s, n);
}

TrapCode memory_init_x(ExecState* st, uint32_t seg, uint32_t mem, uint64_t d, uint32_t s, uint32_t n) {
  return init_in(st, st->inst->memories[mem], seg, d, s, n);
}

uint32_t memory_grow_x(ExecState* st, uint32_t mem, uint32_t delta) {
  return grow_pages(st->inst->memories[mem], delta);
}

uint64_t memory_grow64_x(ExecState* st, uint32_t mem, uint64_t delta) {
  int64_t old = runtime::memory_grow(*st->inst->memories[mem], delta);
  return old < 0 ? UINT64_MAX : uint64_t(old);
}

// ---- tables --------------------------------------------------------------------------------------------

// [at, at + n) lies inside a table of `size` elements (overflow-safe for 64-bit operands).
static bool table_range_ok(uint64_t size, uint64_t at, uint64_t n) { return at <= size && n <= size - at; }

TrapCode table_get(ExecState* st, uint32_t table, uint64_t i, uint64_t* out) {
  runtime::TableInstance* t = st->inst->tables[table];
  if (i >= t->elems.size()) return TrapCode::table_oob;
  *out = t->elems[i];
  return TrapCode::none;
}

TrapCode table_set(ExecState* st, uint32_t table, uint64_t i, uint64_t v) {
  runtime::TableInstance* t = st->inst->tables[table];
  if (i >= t->elems.size()) return TrapCode::table_oob;
  t->elems[i] = v;
  return TrapCode::none;
}

uint32_t table_size(ExecState* st, uint32_t table) { return uint32_t(st->inst->tables[table]->elems.size()); }

uint32_t table_grow(ExecState* st, uint32_t table, uint64_t init, uint32_t delta) {
  int64_t old = runtime::table_grow(*st->inst->tables[table], delta, init);
  return old < 0 ? UINT32_MAX : uint32_t(old);
}

uint64_t table_grow64(ExecState* st, uint32_t table, uint64_t init, uint64_t delta) {
  int64_t old = runtime::table_grow(*st->inst->tables[table], delta, init);
  return old < 0 ? UINT64_MAX : uint64_t(old);
}

TrapCode table_fill(ExecState* st, uint32_t table, uint64_t i, uint64_t v, uint64_t n) {
  runtime::TableInstance* t = st->inst->tables[table];
  if (TrapCode c = charge_fuel(st, n, kFuelElems); c != TrapCode::none) return c;
  if (!table_range_ok(t->elems.size(), i, n)) return TrapCode::table_oob;
  std::fill_n(t->elems.begin() + ptrdiff_t(i), n, v);
  return TrapCode::none;
}

TrapCode table_copy(ExecState* st, uint32_t dt, uint32_t st_, uint64_t d, uint64_t s, uint64_t n) {
  runtime::TableInstance* dst = st->inst->tables[dt];
  runtime::TableInstance* src = st->inst->tables[st_];
  if (TrapCode c = charge_fuel(st, n, kFuelElems); c != TrapCode::none) return c;
  if (!table_range_ok(dst->elems.size(), d, n) || !table_range_ok(src->elems.size(), s, n)) return TrapCode::table_oob;
  if (n) std::memmove(dst->elems.data() + d, src->elems.data() + s, size_t(n) * sizeof(runtime::RefBits));
  return TrapCode::none;
}

Result<runtime::RefBits> elem_ref(runtime::InstanceData* inst, const wasm::ElemSegment& seg, size_t i) {
  if (!seg.uses_exprs) return reinterpret_cast<runtime::RefBits>(inst->funcs[seg.func_indices[i]]);
  size_t index = size_t(&seg - inst->module->elems.data());
  if (index < inst->elem_values.size() && i < inst->elem_values[index].size()) return inst->elem_values[index][i];
  WISP_TRY(Value v, runtime::eval_const(seg.exprs[i], *inst));
  return v.ref();
}

TrapCode table_init(ExecState* st, uint32_t table, uint32_t seg, uint64_t d, uint32_t s, uint32_t n) {
  runtime::InstanceData* inst = st->inst;
  const wasm::ElemSegment& elem = inst->module->elems[seg];
  uint64_t size = inst->dropped_elems[seg] ? 0 : elem.size();
  runtime::TableInstance* t = inst->tables[table];
  if (TrapCode c = charge_fuel(st, n, 1); c != TrapCode::none) return c;
  if (uint64_t(s) + n > size || !table_range_ok(t->elems.size(), d, n)) return TrapCode::table_oob;
  for (uint32_t k = 0; k < n; ++k) {
    Result<runtime::RefBits> r = elem_ref(inst, elem, s + k);
    if (!r) [[unlikely]] {
      st->error = std::move(r.error());
      return TrapCode::pending_error;
    }
    t->elems[d + k] = *r;
  }
  return TrapCode::none;
}

void elem_drop(ExecState* st, uint32_t seg) {
  st->inst->dropped_elems[seg] = true;
  if (seg < st->inst->elem_values.size()) std::vector<runtime::RefBits>().swap(st->inst->elem_values[seg]);
}

}  // namespace wisp::interp
