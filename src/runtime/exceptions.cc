#include "runtime/exceptions.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

namespace wisp::runtime {

namespace {

bool holds_exn(const wasm::ValType& t) {
  return t.is_ref() && (t.heap() == uint32_t(wasm::HeapKind::exn) || t.heap() == uint32_t(wasm::HeapKind::noexn));
}

void collect(StoreData& store, const char* lo, const char* hi) {
  std::unordered_set<uint64_t> live;
  live.reserve(store.exns.size() * 2);
  for (auto& e : store.exns) {
    e->marked = false;
    live.insert(reinterpret_cast<uint64_t>(e.get()));
  }
  std::vector<ExnObject*> work;
  auto visit = [&](uint64_t word) {
    if (word == 0 || !live.count(word)) return;
    auto* e = reinterpret_cast<ExnObject*>(word);
    if (e->marked) return;
    e->marked = true;
    work.push_back(e);
  };
  for (const char* p = lo; p + 8 <= hi; p += 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    visit(w);
  }
  for (const GlobalInstance& g : store.globals)
    if (holds_exn(g.type.type)) visit(g.value.i64());
  for (const TableInstance& t : store.tables)
    if (holds_exn(t.type.elem))
      for (RefBits r : t.elems) visit(r);
  while (!work.empty()) {
    ExnObject* e = work.back();
    work.pop_back();
    for (uint64_t w : e->payload) visit(w);
  }
  // Sweep: unmarked objects go to the free list (their payload vectors keep their capacity).
  std::vector<std::unique_ptr<ExnObject>> kept;
  kept.reserve(store.exns.size());
  store.free_exns.clear();
  for (auto& e : store.exns) {
    if (!e->marked) store.free_exns.push_back(e.get());
    kept.push_back(std::move(e));
  }
  store.exns = std::move(kept);
}

}  // namespace

size_t payload_slots(const TagInstance& tag) {
  size_t n = 0;
  for (wasm::ValType t : tag.type->params) n += t.slots();
  return n;
}

ExnObject* new_exception(StoreData& store, TagInstance* tag, const char* stack_lo, const char* stack_hi) {
  if (store.free_exns.empty() && store.exns.size() >= store.exn_collect_at) {
    collect(store, stack_lo, stack_hi);
    // Free objects stay allocated for reuse; shrink the pool when most of it is free.
    size_t in_use = store.exns.size() - store.free_exns.size();
    if (store.free_exns.size() > 4 * std::max<size_t>(in_use, 256)) {
      std::unordered_set<ExnObject*> drop(store.free_exns.begin() + ptrdiff_t(std::max<size_t>(in_use, 256)),
                                          store.free_exns.end());
      store.free_exns.resize(std::max<size_t>(in_use, 256));
      std::erase_if(store.exns, [&](const std::unique_ptr<ExnObject>& e) { return drop.count(e.get()) != 0; });
    }
    store.exn_collect_at = std::max<size_t>(1024, 2 * in_use);
  }
  ExnObject* e;
  if (!store.free_exns.empty()) {
    e = store.free_exns.back();
    store.free_exns.pop_back();
  } else {
    e = store.exns.emplace_back(std::make_unique<ExnObject>()).get();
  }
  e->tag = tag;
  e->payload.assign(payload_slots(*tag), 0);
  e->marked = false;
  return e;
}

}  // namespace wisp::runtime
