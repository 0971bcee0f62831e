#include "gc/heap.h"

#include <algorithm>
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
  uint32_t at = 0;
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i] == Storage::ref) {
      l.offsets[i] = at;
      at += 8;
      ++l.nrefs;
    }
  // The rest by decreasing size: each field is then naturally aligned without padding (v128 may need 8
  // bytes after an odd number of references).
  for (uint32_t size : {16u, 8u, 4u, 2u, 1u}) {
    if (size == 16) at = (at + 15) & ~15u;
    for (size_t i = 0; i < fields.size(); ++i)
      if (fields[i] != Storage::ref && storage_size(fields[i]) == size) {
        l.offsets[i] = at;
        at += size;
      }
  }
  l.payload_bytes = (at + 15) & ~15u;
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
  c->first = uint32_t((sizeof(Chunk) + kObjAlign - 1) & ~(kObjAlign - 1));
  c->ncells = uint32_t((kChunkBytes - c->first) / c->cell);
  c->cls = uint32_t(cls);
  std::memset(c->allocated, 0, sizeof c->allocated);
  chunks_.insert(reinterpret_cast<uintptr_t>(base));
  // Thread the cells onto the free list, lowest address first.
  void* head = free_lists_[cls];
  for (uint32_t i = c->ncells; i-- > 0;) {
    char* cell = base + c->first + size_t(i) * c->cell;
    std::memcpy(cell, &head, sizeof head);
    head = cell;
  }
  free_lists_[cls] = head;
  return true;
}

void Heap::release_chunk(Chunk* c) {
  char* base = reinterpret_cast<char*>(c);
  chunks_.erase(reinterpret_cast<uintptr_t>(base));
  // A few empty chunks stay for the next allocations; the rest go back to the system.
  if (spare_chunks_.size() < 8) {
    spare_chunks_.push_back(base);
  } else {
    std::free(base);
    stats_.chunk_bytes -= kChunkBytes;
  }
}

ObjHeader* Heap::take_small(size_t cls) {
  void* cell = free_lists_[cls];
  if (cell == nullptr) {
    if (!new_chunk(cls)) return nullptr;
    cell = free_lists_[cls];
  }
  void* next;
  std::memcpy(&next, cell, sizeof next);
  free_lists_[cls] = next;
  auto* c = reinterpret_cast<Chunk*>(reinterpret_cast<uintptr_t>(cell) & ~uintptr_t(kChunkBytes - 1));
  uint32_t i = uint32_t((static_cast<char*>(cell) - reinterpret_cast<char*>(c) - c->first) / c->cell);
  c->allocated[i / 64] |= uint64_t(1) << (i % 64);
  std::memset(cell, 0, c->cell);
  return static_cast<ObjHeader*>(cell);
}

ObjHeader* Heap::allocate(ObjKind kind, uint32_t type_id, uint64_t payload_bytes, StackRange stack) {
  uint64_t limit = this->limit();
  if (payload_bytes > limit) return nullptr;  // also keeps the size arithmetic below from overflowing
  uint64_t bytes = (sizeof(ObjHeader) + payload_bytes + kObjAlign - 1) & ~uint64_t(kObjAlign - 1);
  if (!no_collect_ && (since_collect_ + bytes > trigger_ || stats_.live_bytes + bytes > limit)) collect(stack);
  if (stats_.live_bytes + bytes > limit) return nullptr;
  ObjHeader* o;
  if (bytes <= kMaxSmall) {
    o = take_small(bytes / kObjAlign);
  } else {
    o = static_cast<ObjHeader*>(std::calloc(1, bytes));  // calloc: big zeroed blocks come from fresh pages
    if (o != nullptr) large_.emplace(reinterpret_cast<uintptr_t>(o), bytes);
  }
  if (o == nullptr) return nullptr;
  since_collect_ += bytes;
  stats_.live_bytes += bytes;
  stats_.allocated_bytes += bytes;
  ++stats_.live_objects;
  o->type_id = type_id;
  o->kind = kind;
  return o;
}

ObjHeader* Heap::new_struct(const StructLayout& layout, StackRange stack) {
  ObjHeader* o = allocate(ObjKind::Struct, layout.type_id, layout.payload_bytes, stack);
  if (o) o->nrefs = layout.nrefs;
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

bool Heap::contains(uint64_t word) const {
  if (word == 0 || (word & (kObjAlign - 1)) != 0) return false;
  uintptr_t base = uintptr_t(word) & ~uintptr_t(kChunkBytes - 1);
  if (chunks_.count(base)) {
    const auto* c = reinterpret_cast<const Chunk*>(base);
    uint64_t off = word - base;
    if (off < c->first) return false;
    off -= c->first;
    if (off % c->cell != 0) return false;
    uint64_t i = off / c->cell;
    return i < c->ncells && (c->allocated[i / 64] >> (i % 64) & 1);
  }
  return !large_.empty() && large_.count(uintptr_t(word)) != 0;
}

void Heap::mark_word(uint64_t word, std::vector<ObjHeader*>& work) const {
  if (!contains(word)) return;
  ObjHeader* o = object_of(word);
  if (o->mark) return;
  o->mark = 1;
  work.push_back(o);
}

void Heap::collect(StackRange stack) {
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
    } else {
      scan(p, p + size_t(o->nrefs) * 8);
    }
  }
  sweep();
  ++stats_.collections;
  since_collect_ = 0;
  trigger_ = std::max<uint64_t>(min_trigger_, stats_.live_bytes);
}

void Heap::sweep() {
  std::fill(free_lists_.begin(), free_lists_.end(), nullptr);
  std::vector<Chunk*> empty;
  for (uintptr_t base : chunks_) {
    auto* c = reinterpret_cast<Chunk*>(base);
    uint32_t used = 0;
    for (uint32_t w = 0; w * 64 < c->ncells; ++w) {
      uint64_t bits = c->allocated[w];
      while (bits) {
        uint32_t i = w * 64 + uint32_t(__builtin_ctzll(bits));
        bits &= bits - 1;
        auto* o = reinterpret_cast<ObjHeader*>(reinterpret_cast<char*>(c) + c->first + size_t(i) * c->cell);
        if (o->mark) {
          o->mark = 0;
          ++used;
        } else {
          c->allocated[w] &= ~(uint64_t(1) << (i % 64));
          stats_.live_bytes -= c->cell;
          --stats_.live_objects;
          ++stats_.freed_objects;
        }
      }
    }
    if (used == 0) {
      empty.push_back(c);
      continue;
    }
    // Free cells go on the class's list, highest address first so allocation runs upward.
    void* head = free_lists_[c->cls];
    for (uint32_t i = c->ncells; i-- > 0;)
      if (!(c->allocated[i / 64] >> (i % 64) & 1)) {
        char* cell = reinterpret_cast<char*>(c) + c->first + size_t(i) * c->cell;
        std::memcpy(cell, &head, sizeof head);
        head = cell;
      }
    free_lists_[c->cls] = head;
  }
  for (Chunk* c : empty) release_chunk(c);
  for (auto it = large_.begin(); it != large_.end();) {
    auto* o = reinterpret_cast<ObjHeader*>(it->first);
    if (o->mark) {
      o->mark = 0;
      ++it;
    } else {
      stats_.live_bytes -= it->second;
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

Heap& heap_of(runtime::StoreData& store) {
  if (!store.gc_heap) store.gc_heap = std::make_unique<Heap>(store);
  return static_cast<Heap&>(*store.gc_heap);
}

runtime::GcHeapState& heap_state_of(runtime::StoreData& store) { return heap_of(store); }

}  // namespace wisp::gc
