#include "gc/heap.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>

namespace wisp::gc {

// ---- RootTable ----

uint32_t RootTable::add(uint64_t bits) {
  if (!free_.empty()) {
    uint32_t i = free_.back();
    free_.pop_back();
    slots_[i] = bits;
    return i;
  }
  slots_.push_back(bits);
  return uint32_t(slots_.size() - 1);
}

void RootTable::remove(uint32_t index) {
  slots_[index] = 0;
  free_.push_back(index);
}

// ---- Layouts ----

StructLayout make_struct_layout(uint32_t type_id, const std::vector<Storage>& fields) {
  StructLayout l;
  l.type_id = type_id;
  l.storage = fields;
  l.offsets.assign(fields.size(), 0);
  uint64_t at = 0;
  for (size_t i = 0; i < fields.size(); ++i) {
    uint32_t size = storage_size(fields[i]);
    at = (at + size - 1) & ~uint64_t(size - 1);
    l.offsets[i] = uint32_t(at);
    if (fields[i] == Storage::ref) {
      if (at / 8 < 64) l.ref_mask |= uint64_t(1) << (at / 8); else l.ref_tail = true;
    }
    at += size;
  }
  l.payload_bytes = uint32_t((at + 15) & ~uint64_t(15));
  return l;
}

// ---- Heap ----

Heap::Heap(runtime::StoreData& store) : store_(store) {}

Heap::~Heap() {
  for (uintptr_t c : chunks_) std::free(reinterpret_cast<void*>(c));
  for (char* c : spare_chunks_) std::free(c);
  for (auto& [p, n] : large_) std::free(reinterpret_cast<void*>(p));
}

bool Heap::new_chunk(size_t cls) {
  char* base;
  if (!spare_chunks_.empty()) {
    base = spare_chunks_.back();
    spare_chunks_.pop_back();
  } else {
    base = static_cast<char*>(std::aligned_alloc(kChunkBytes, kChunkBytes));
    if (base == nullptr) return false;
    stats_.chunk_bytes += kChunkBytes;
  }
  auto* c = reinterpret_cast<Chunk*>(base);
  c->cell = uint32_t(cls * kObjAlign);
  c->cls = uint32_t(cls);
  c->first = uint32_t((sizeof(Chunk) + kObjAlign - 1) / kObjAlign);
  c->end = c->first + uint32_t((kGranules - c->first) / cls * cls);
  std::memset(c->allocated, 0, sizeof c->allocated);
  std::memset(c->marked, 0, sizeof c->marked);
  chunks_.insert(reinterpret_cast<uintptr_t>(base));
  class_chunks_[cls].push_back(c);
  // The whole chunk is the class's next run.
  Run& r = runs_[cls];
  r.chunk = c;
  r.cur = base + size_t(c->first) * kObjAlign;
  r.end = base + size_t(c->end) * kObjAlign;
  r.scan = c->end;
  r.next = class_chunks_[cls].size();
  return true;
}

void Heap::release_chunk(Chunk* c) {
  char* base = reinterpret_cast<char*>(c);
  chunks_.erase(reinterpret_cast<uintptr_t>(base));
  // Empty chunks stay for the next allocations, as many as are in use (at least 8): the heap may grow to
  // twice its live data before the next collection anyway, and handing 256 KiB blocks back to the system
  // only to map them again soon costs page faults. The rest go back.
  if (spare_chunks_.size() < std::max<size_t>(8, chunks_.size())) {
    spare_chunks_.push_back(base);
  } else {
    std::free(base);
    stats_.chunk_bytes -= kChunkBytes;
  }
}

// The next run of free cells in r.chunk from granule r.scan: free cells have a clear bit at their first
// granule, and the bits in between are always clear, so a run ends at the next set bit.
bool Heap::next_run(Run& r) {
  const Chunk* c = r.chunk;
  uint32_t g = r.scan, step = c->cls;
  while (g < c->end && test_bit(c->allocated, g)) g += step;
  if (g >= c->end) return false;
  uint32_t e = g + step;
  while (e < c->end) {
    uint64_t word = c->allocated[e / 64] >> (e % 64);
    if (word != 0) {
      e = std::min<uint32_t>(c->end, e + uint32_t(__builtin_ctzll(word)));
      break;
    }
    e = (e / 64 + 1) * 64;
  }
  e = std::min(e, c->end);
  char* base = reinterpret_cast<char*>(r.chunk);
  r.cur = base + size_t(g) * kObjAlign;
  r.end = base + size_t(e) * kObjAlign;
  r.scan = e;
  return true;
}

bool Heap::refill(size_t cls) {
  Run& r = runs_[cls];
  for (;;) {
    if (r.chunk != nullptr && next_run(r)) return true;
    if (r.next >= class_chunks_[cls].size()) return new_chunk(cls);
    r.chunk = class_chunks_[cls][r.next++];
    r.scan = r.chunk->first;
  }
}

ObjHeader* Heap::allocate_slow(ObjKind kind, uint32_t type_id, uint64_t payload_bytes, StackRange stack) {
  uint64_t limit = this->limit();
  if (payload_bytes > limit) return nullptr;  // also keeps the size arithmetic below from overflowing
  uint64_t bytes = (sizeof(ObjHeader) + payload_bytes + kObjAlign - 1) & ~uint64_t(kObjAlign - 1);
  if (!no_collect_ && (since_collect_ + bytes > trigger_ || stats_.live_bytes + bytes > limit)) collect(stack);
  if (stats_.live_bytes + bytes > limit) return nullptr;
  if (bytes <= kMaxSmall) {
    size_t cls = bytes / kObjAlign;
    Run& r = runs_[cls];
    if (r.cur == r.end && !refill(cls)) return nullptr;
    char* cell = r.cur;
    r.cur += bytes;
    set_bit(r.chunk->allocated, granule(r.chunk, cell));
    return finish(cell, bytes, kind, type_id);
  }
  // calloc: big zeroed blocks come from fresh pages.
  auto* o = static_cast<ObjHeader*>(std::calloc(1, bytes));
  if (o == nullptr) return nullptr;
  large_.emplace(reinterpret_cast<uintptr_t>(o), bytes);
  stats_.large_bytes += bytes;
  since_collect_ += bytes;
  stats_.live_bytes += bytes;
  stats_.allocated_bytes += bytes;
  ++stats_.live_objects;
  o->type_id = type_id;
  o->kind = kind;
  return o;
}

ObjHeader* Heap::new_array(uint32_t type_id, Storage elem, uint64_t length, StackRange stack) {
  uint8_t shift = storage_shift(elem);
  if (length > UINT32_MAX || (length << shift) > limit()) return nullptr;
  ObjHeader* o = allocate(ObjKind::Array, type_id, length << shift, stack);
  if (o) {
    o->elem_shift = shift;
    o->elem_ref = elem == Storage::ref;
    o->length = uint32_t(length);
  }
  return o;
}

ExnObject* Heap::new_exception(runtime::TagInstance* tag, uint32_t slots, StackRange stack) {
  ObjHeader* o = allocate(ObjKind::Exn, 0, 8 + uint64_t(slots) * 8, stack);
  if (o == nullptr) return nullptr;
  o->length = slots;
  auto* e = reinterpret_cast<ExnObject*>(o);
  e->tag = tag;
  return e;
}

uint64_t Heap::internalize(uint64_t extern_bits, StackRange stack) {
  if (extern_bits == 0) return 0;
  if (contains(extern_bits) && object_of(extern_bits)->kind == ObjKind::AnyBox) {
    uint64_t any;
    std::memcpy(&any, object_of(extern_bits)->payload(), 8);
    return any;
  }
  ObjHeader* box = allocate(ObjKind::ExternBox, 0, 8, stack);
  if (box == nullptr) return 0;
  std::memcpy(box->payload(), &extern_bits, 8);
  return bits_of(box);
}

uint64_t Heap::externalize(uint64_t any_bits, StackRange stack) {
  if (any_bits == 0) return 0;
  if (!is_i31(any_bits) && object_of(any_bits)->kind == ObjKind::ExternBox) {
    uint64_t ext;
    std::memcpy(&ext, object_of(any_bits)->payload(), 8);
    return ext;
  }
  ObjHeader* box = allocate(ObjKind::AnyBox, 0, 8, stack);
  if (box == nullptr) return 0;
  box->nrefs = 1;
  std::memcpy(box->payload(), &any_bits, 8);
  return bits_of(box);
}

namespace {
// Sets a flag for the life of a scope.
struct FlagScope {
  bool& flag;
  bool old;
  explicit FlagScope(bool& f) : flag(f), old(f) { f = true; }
  ~FlagScope() { flag = old; }
};
}  // namespace

runtime::RefBits Heap::const_struct(uint32_t type_id, const std::vector<wasm::FieldType>& fields,
                                    const runtime::Value* values) {
  FlagScope guard(no_collect_);
  std::vector<Storage> storage;
  for (const wasm::FieldType& f : fields) storage.push_back(storage_of(f));
  StructLayout layout = make_struct_layout(type_id, storage);
  ObjHeader* o = new_struct(layout, {});
  if (o == nullptr) return 0;
  if (values)
    for (size_t i = 0; i < fields.size(); ++i)
      std::memcpy(o->payload() + layout.offsets[i], values[i].bytes, storage_size(storage[i]));
  return bits_of(o);
}

runtime::RefBits Heap::const_array(uint32_t type_id, const wasm::FieldType& elem, uint32_t n,
                                   const runtime::Value* values, bool fill) {
  FlagScope guard(no_collect_);
  Storage s = storage_of(elem);
  ObjHeader* a = new_array(type_id, s, n, {});
  if (a == nullptr) return 0;
  uint32_t size = storage_size(s);
  if (values)
    for (uint32_t k = 0; k < n; ++k) std::memcpy(a->payload() + size_t(k) * size, values[fill ? 0 : k].bytes, size);
  return bits_of(a);
}

runtime::RefBits Heap::const_convert(runtime::RefBits bits, bool to_any) {
  FlagScope guard(no_collect_);
  return to_any ? internalize(bits, {}) : externalize(bits, {});
}

const runtime::CanonicalType& Heap::fill_type_info(uint32_t id) {
  if (id >= types_.size()) types_.resize(size_t(id) + 1, nullptr);
  types_[id] = &store_.types->info(id);
  return *types_[id];
}

uint64_t Heap::object_bytes(const ObjHeader* o) const {
  uintptr_t base = reinterpret_cast<uintptr_t>(o) & ~uintptr_t(kChunkBytes - 1);
  if (chunks_.count(base)) return chunk_of(o)->cell;
  auto it = large_.find(reinterpret_cast<uintptr_t>(o));
  return it == large_.end() ? sizeof(ObjHeader) : it->second;
}

bool Heap::contains(uint64_t word) const {
  if (word == 0 || (word & (kObjAlign - 1)) != 0) return false;
  uintptr_t base = uintptr_t(word) & ~uintptr_t(kChunkBytes - 1);
  if (chunks_.count(base)) {
    const Chunk* c = chunk_of(reinterpret_cast<const void*>(word));
    return test_bit(c->allocated, granule(c, reinterpret_cast<const void*>(word)));  // metadata granules: clear
  }
  return !large_.empty() && large_.count(uintptr_t(word)) != 0;
}

void Heap::mark_word(uint64_t word, std::vector<ObjHeader*>& work) const {
  if (word == 0 || (word & (kObjAlign - 1)) != 0) return;
  ObjHeader* o = object_of(word);
  uintptr_t base = uintptr_t(word) & ~uintptr_t(kChunkBytes - 1);
  if (chunks_.count(base)) {
    Chunk* c = chunk_of(o);
    uint32_t g = granule(c, o);
    if (!test_bit(c->allocated, g) || test_bit(c->marked, g)) return;
    set_bit(c->marked, g);
  } else {
    if (large_.empty() || large_.count(uintptr_t(word)) == 0 || o->mark) return;
    o->mark = 1;
  }
  work.push_back(o);
}

void Heap::collect(StackRange stack) {
  auto start = std::chrono::steady_clock::now();
  std::vector<ObjHeader*> work;
  auto scan = [&](const char* p, const char* end) {
    if (p == nullptr || end <= p) return;  // no Wasm running: no stack range (and no pointer arithmetic on null)
    for (size_t i = 0, n = size_t(end - p) / 8; i < n; ++i) {
      uint64_t w;
      std::memcpy(&w, p + 8 * i, 8);
      mark_word(w, work);
    }
  };
  scan(stack.lo, stack.hi);
  for (const runtime::GlobalInstance& g : store_.globals)
    if (g.type.type.is_ref()) mark_word(g.value.i64(), work);
  for (const runtime::TableInstance& t : store_.tables) {
    uint32_t h = t.type.elem.heap();
    if (h == uint32_t(wasm::HeapKind::func) || h == uint32_t(wasm::HeapKind::nofunc)) continue;
    for (runtime::RefBits r : t.elems) mark_word(r, work);
  }
  for (uint64_t r : roots_->slots()) mark_word(r, work);
  for (const runtime::InstanceData& inst : store_.instances)
    for (const std::vector<runtime::RefBits>& seg : inst.elem_values)
      for (runtime::RefBits r : seg) mark_word(r, work);
  while (!work.empty()) {
    ObjHeader* o = work.back();
    work.pop_back();
    const char* p = o->payload();
    if (o->kind == ObjKind::Array) {
      if (o->elem_ref) scan(p, p + size_t(o->length) * 8);
    } else if (o->kind == ObjKind::Exn) {
      scan(p + 8, p + 8 + size_t(o->length) * 8);
    } else if (o->kind == ObjKind::Struct) {
      for (uint64_t m = o->ref_mask(); m != 0; m &= m - 1) {
        uint64_t w;
        std::memcpy(&w, p + 8 * size_t(__builtin_ctzll(m)), 8);
        mark_word(w, work);
      }
      if (o->elem_ref) scan(p + 64 * 8, reinterpret_cast<const char*>(o) + object_bytes(o));
    } else {
      scan(p, p + size_t(o->nrefs) * 8);
    }
  }
  sweep();
  auto pause = uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
  stats_.total_pause_ns += pause;
  stats_.max_pause_ns = std::max(stats_.max_pause_ns, pause);
  ++stats_.collections;
  since_collect_ = 0;
  trigger_ = std::max<uint64_t>(min_trigger_, stats_.live_bytes);
}

void Heap::sweep() {
  std::vector<Chunk*> empty;
  for (std::vector<Chunk*>& list : class_chunks_) list.clear();
  for (uintptr_t base : chunks_) {
    auto* c = reinterpret_cast<Chunk*>(base);
    uint64_t used = 0, freed = 0;
    for (uint32_t w = c->first / 64; w * 64 < c->end; ++w) {
      uint64_t a = c->allocated[w], m = c->marked[w];
      freed += uint64_t(__builtin_popcountll(a & ~m));
      used += uint64_t(__builtin_popcountll(a & m));
      c->allocated[w] = a & m;
      c->marked[w] = 0;
    }
    stats_.live_bytes -= freed * c->cell;
    stats_.live_objects -= freed;
    stats_.freed_objects += freed;
    if (used == 0) {
      empty.push_back(c);
    } else {
      class_chunks_[c->cls].push_back(c);
    }
  }
  for (Chunk* c : empty) release_chunk(c);
  // Allocation starts again from each class's first chunk (lowest addresses first, like the chunks' order).
  for (std::vector<Chunk*>& list : class_chunks_) std::sort(list.begin(), list.end());
  std::fill(runs_.begin(), runs_.end(), Run{});
  for (auto it = large_.begin(); it != large_.end();) {
    auto* o = reinterpret_cast<ObjHeader*>(it->first);
    if (o->mark) {
      o->mark = 0;
      ++it;
    } else {
      stats_.live_bytes -= it->second;
      stats_.large_bytes -= it->second;
      --stats_.live_objects;
      ++stats_.freed_objects;
      std::free(o);
      it = large_.erase(it);
    }
  }
}

namespace {
struct RootHandle {
  std::shared_ptr<RootTable> table;
  uint32_t index;
  RootHandle(std::shared_ptr<RootTable> t, uint64_t bits) : table(std::move(t)), index(table->add(bits)) {}
  ~RootHandle() { table->remove(index); }
  RootHandle(const RootHandle&) = delete;
  RootHandle& operator=(const RootHandle&) = delete;
};
}  // namespace

std::shared_ptr<const void> root_handle(runtime::StoreData& store, uint64_t bits) {
  if (!store.gc_heap) return nullptr;
  Heap& heap = static_cast<Heap&>(*store.gc_heap);
  if (!heap.contains(bits)) return nullptr;
  return std::make_shared<const RootHandle>(heap.roots(), bits);
}

Heap& make_heap(runtime::StoreData& store) {
  if (!store.gc_heap) store.gc_heap = std::make_unique<Heap>(store);
  return static_cast<Heap&>(*store.gc_heap);
}

runtime::GcHeapState& heap_state_of(runtime::StoreData& store) { return heap_of(store); }

}  // namespace wisp::gc
