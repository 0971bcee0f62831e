#include "interp/trap_frames.h"

#include <algorithm>

#include "util/leb128.h"

namespace wisp::interp {

namespace {

// Byte offset in the module where the code entry of defined function `body` starts: just after the
// entry's LEB128 size field (where its local declarations begin).
uint64_t entry_start(const wasm::Module& m, const wasm::FuncBody& body) {
  const uint8_t* p = m.bytes.data() + body.entry_offset;
  uint64_t size = 0;
  (void)util::read_uleb<32>(p, m.bytes.data() + m.bytes.size(), size);  // decoded before: well-formed
  return uint64_t(p - m.bytes.data());
}

// The Wasm offset of IR position `at` (word offset): the last site at or before it (strictly before for
// a return address, which points past the call). UINT64_MAX when no site covers it.
uint64_t wasm_offset(const FuncCode& code, uint32_t at, bool is_return) {
  const auto& s = code.sites;
  auto it = is_return ? std::lower_bound(s.begin(), s.end(), at, [](const FuncCode::Site& a, uint32_t v) { return a.ir < v; })
                      : std::upper_bound(s.begin(), s.end(), at, [](uint32_t v, const FuncCode::Site& a) { return v < a.ir; });
  if (it == s.begin()) return UINT64_MAX;
  return std::prev(it)->wasm;
}

}  // namespace

void add_frame(Error& e, const runtime::FuncInstance* func, const uint32_t* ip, bool is_return) {
  Frame f;
  f.name = func->debug_name;
  if (func->is_host()) {
    e.add_frame(std::move(f));
    return;
  }
  f.func_index = func->index;
  f.instance = func->instance;
  const runtime::FuncEntry* entry = func->entry.load(std::memory_order_acquire);
  const FuncCode* code = entry != nullptr && entry->tier == runtime::Tier::interp ? &interp_code(*entry) : nullptr;
  const wasm::Module* module = func->instance->module.get();
  if (ip != nullptr && code != nullptr && module != nullptr && ip >= code->code.data() &&
      ip <= code->code.data() + code->code.size()) {
    uint64_t at = wasm_offset(*code, uint32_t(ip - code->code.data()), is_return);
    const wasm::Module& m = *module;
    if (at != UINT64_MAX && func->index >= m.num_imported_funcs) {
      f.module_offset = at;
      f.func_offset = at - entry_start(m, m.bodies[func->index - m.num_imported_funcs]);
    }
  }
  e.add_frame(std::move(f));
}

void add_level_frames(Error& e, const ExecState& st) {
  if (st.func) add_frame(e, st.func, st.trap_ip, false);
  for (CallFrame* c = st.cs - 1; c > st.cs_base; --c)
    if (c->func) add_frame(e, c->func, c->ret.is_native() ? nullptr : c->ret.ir(), true);
}

}  // namespace wisp::interp
