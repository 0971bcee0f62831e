// The GC heap of one store (DESIGN.md §9): allocation of structs, arrays and boxes, and a non-moving
// mark-sweep collector.
//
// Allocation: objects up to kMaxSmall bytes come from 256 KiB chunks, each chunk holding cells of one size
// class (multiples of 16 bytes) with a bitmap of allocated cells; bigger objects are single allocations.
// That makes "is this word a live object's address?" a hash lookup plus a bit test, which the collector
// needs because it scans the interpreter's value stack conservatively (below). Each class allocates by
// bumping a cursor through a run of free cells, found in the chunk's bitmap a machine word at a time; the
// mark bits sit in a second bitmap, so a sweep is word operations on the bitmaps and touches no object.
//
// Roots: the value stack in use, scanned conservatively: any 8-byte word equal to an allocated object's
// address keeps the object (an integer that happens to look like one can only retain, never free; nothing
// moves, so no slot is ever rewritten). Precise stack maps would need the IR builder to record slot types
// at every allocation site and call; the conservative scan costs a lookup per stack word and needs nothing
// from the builder (the stack in use is small next to the heap: 8 KiB of frames cost ~1k lookups). Then
// every reference global and every non-function table of the store (word by word, with the same test),
// and the host's handles (RootTable). Objects are traced through their reference fields.
//
// Collections happen only inside allocate(), when the bytes allocated since the last one exceed the live
// bytes after it (at least kMinTrigger): the heap stays within about twice the live data. An allocation
// that would exceed StoreLimits::max_gc_heap_bytes collects first and fails (nullptr) if it still does not
// fit; the caller traps with kHeapLimitMessage.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "gc/object.h"
#include "runtime/store_data.h"

namespace wisp::gc {

inline constexpr const char* kHeapLimitMessage = "allocation failed: GC heap limit";

// The stack words a collection must treat as roots: [lo, hi), 8-byte aligned; empty outside Wasm.
struct StackRange {
  const char* lo = nullptr;
  const char* hi = nullptr;
};

// References the host holds (wisp::Val and handles of the public API): one slot per handle, released when
// the handle is dropped. Shared with the handles, so a handle may outlive its store.
class RootTable {
 public:
  uint32_t add(uint64_t bits);
  void remove(uint32_t index);
  uint64_t get(uint32_t index) const { return slots_[index]; }
  const std::vector<uint64_t>& slots() const { return slots_; }
  size_t live() const { return slots_.size() - free_.size(); }

 private:
  std::vector<uint64_t> slots_;   // 0 in free slots
  std::vector<uint32_t> free_;
};

struct HeapStats {
  uint64_t live_bytes = 0;          // allocated object bytes (cells of their size class, or exact size)
  uint64_t live_objects = 0;
  uint64_t allocated_bytes = 0;     // in total since the heap was made
  uint64_t collections = 0;
  uint64_t freed_objects = 0;       // in total
  uint64_t chunk_bytes = 0;         // memory held in chunks (used or not)
  uint64_t large_bytes = 0;         // memory held in large objects
  uint64_t total_pause_ns = 0;      // time spent in collect()
  uint64_t max_pause_ns = 0;
};

class Heap final : public runtime::GcHeapState {
 public:
  static constexpr size_t kChunkBytes = 256 << 10;
  static constexpr size_t kMaxSmall = 2048;
  static constexpr uint64_t kMinTrigger = 8ull << 20;

  explicit Heap(runtime::StoreData& store);
  ~Heap() override;

  // A zeroed object of `payload_bytes` after the header (header fields set from the arguments), or
  // nullptr when the heap limit does not allow it. May collect first, with `stack` as the stack roots.
  // Inline: the common case (a small object, no collection due, room in the class's current free run)
  // is a bump of the run's cursor; everything else goes to allocate_slow().
  ObjHeader* allocate(ObjKind kind, uint32_t type_id, uint64_t payload_bytes, StackRange stack) {
    if (payload_bytes <= kMaxSmall - sizeof(ObjHeader)) [[likely]] {
      uint64_t bytes = (sizeof(ObjHeader) + payload_bytes + kObjAlign - 1) & ~uint64_t(kObjAlign - 1);
      Run& r = runs_[bytes / kObjAlign];
      if (r.cur != r.end && since_collect_ + bytes <= trigger_ && stats_.live_bytes + bytes <= limit()) [[likely]] {
        char* cell = r.cur;
        r.cur += bytes;
        set_bit(r.chunk->allocated, granule(r.chunk, cell));
        return finish(cell, bytes, kind, type_id);
      }
    }
    return allocate_slow(kind, type_id, payload_bytes, stack);
  }
  // A zeroed struct of `layout`, or nullptr at the heap limit.
  ObjHeader* new_struct(const StructLayout& layout, StackRange stack) {
    ObjHeader* o = allocate(ObjKind::Struct, layout.type_id, layout.payload_bytes, stack);
    if (o) {
      o->set_ref_mask(layout.ref_mask);
      o->elem_ref = layout.ref_tail;
    }
    return o;
  }
  // A zeroed array of `length` elements of `elem`, or nullptr at the heap limit.
  ObjHeader* new_array(uint32_t type_id, Storage elem, uint64_t length, StackRange stack);
  // An exception of `tag` with `slots` payload words (zero), or nullptr at the heap limit.
  ExnObject* new_exception(runtime::TagInstance* tag, uint32_t slots, StackRange stack);
  // any.convert_extern / extern.convert_any of non-null bits (boxing or unboxing); 0 at the heap limit.
  uint64_t internalize(uint64_t extern_bits, StackRange stack);
  uint64_t externalize(uint64_t any_bits, StackRange stack);

  // Whether `word` is the address of an allocated object.
  bool contains(uint64_t word) const;
  // A full collection now.
  void collect(StackRange stack);
  // Testing: the least allocation volume between collections (default kMinTrigger). 0 collects once as
  // much as the live data has been allocated again: with the small live sets of fuzz modules, at almost
  // every allocation (tests/gc/gc_diff_host --gc-stress).
  void set_min_trigger(uint64_t bytes) { min_trigger_ = trigger_ = bytes; }

  // runtime::GcHeapState: constant expressions (never collect; 0 at the limit).
  runtime::RefBits const_struct(uint32_t type_id, const std::vector<wasm::FieldType>& fields,
                                const runtime::Value* values) override;
  runtime::RefBits const_array(uint32_t type_id, const wasm::FieldType& elem, uint32_t n,
                               const runtime::Value* values, bool fill) override;
  runtime::RefBits const_convert(runtime::RefBits bits, bool to_any) override;

  // The canonical type of an id, cached per store so casts take no registry lock.
  const runtime::CanonicalType& type_info(uint32_t id) {
    if (id >= types_.size() || types_[id] == nullptr) [[unlikely]] return fill_type_info(id);
    return *types_[id];
  }

  const HeapStats& stats() const { return stats_; }
  const std::shared_ptr<RootTable>& roots() const { return roots_; }
  uint64_t limit() const { return store_.limits.max_gc_heap_bytes; }

 private:
  // Chunk metadata sits at the chunk's start, so an object finds its chunk by masking its address. The
  // bitmaps have a bit per 16-byte granule of the chunk, set at the first granule of each allocated
  // (resp. marked) cell: an address's bit is a shift away, with no division by the cell size.
  static constexpr size_t kGranules = kChunkBytes / kObjAlign;
  struct Chunk {
    uint32_t cell;            // cell size in bytes
    uint32_t cls;             // cell / kObjAlign
    uint32_t first;           // granule of cell 0
    uint32_t end;             // granule after the last cell
    uint64_t allocated[kGranules / 64];
    uint64_t marked[kGranules / 64];
  };
  // A run of free cells [cur, end) of one size class in `chunk`, where allocation bumps `cur`; `scan` is
  // the granule where the search for the next run in `chunk` goes on, `next` the class's next chunk.
  struct Run {
    char* cur = nullptr;
    char* end = nullptr;
    Chunk* chunk = nullptr;
    uint32_t scan = 0;
    size_t next = 0;
  };
  static constexpr size_t kClasses = kMaxSmall / kObjAlign + 1;

  static Chunk* chunk_of(const void* p) {
    return reinterpret_cast<Chunk*>(reinterpret_cast<uintptr_t>(p) & ~uintptr_t(kChunkBytes - 1));
  }
  static uint32_t granule(const Chunk* c, const void* p) {
    return uint32_t((reinterpret_cast<uintptr_t>(p) - reinterpret_cast<uintptr_t>(c)) / kObjAlign);
  }
  static void set_bit(uint64_t* bits, uint32_t i) { bits[i / 64] |= uint64_t(1) << (i % 64); }
  static bool test_bit(const uint64_t* bits, uint32_t i) { return (bits[i / 64] >> (i % 64) & 1) != 0; }
  // Zeroes the cell and fills in the header and the counters.
  ObjHeader* finish(char* cell, uint64_t bytes, ObjKind kind, uint32_t type_id) {
    // 16 bytes a step, kept as a loop (a small cell costs less than a call to memset).
    for (char *z = cell, *e = cell + bytes; z < e; z += 16) {
      std::memset(z, 0, 16);
      __asm__("" : "+r"(z));
    }
    since_collect_ += bytes;
    stats_.live_bytes += bytes;
    stats_.allocated_bytes += bytes;
    ++stats_.live_objects;
    auto* o = reinterpret_cast<ObjHeader*>(cell);
    o->type_id = type_id;
    o->kind = kind;
    return o;
  }

  ObjHeader* allocate_slow(ObjKind kind, uint32_t type_id, uint64_t payload_bytes, StackRange stack);
  const runtime::CanonicalType& fill_type_info(uint32_t id);
  bool refill(size_t cls);
  bool next_run(Run& r);
  bool new_chunk(size_t cls);
  void release_chunk(Chunk* c);
  void mark_word(uint64_t word, std::vector<ObjHeader*>& work) const;
  uint64_t object_bytes(const ObjHeader* o) const;  // the whole cell or block
  void sweep();

  runtime::StoreData& store_;
  std::unordered_set<uintptr_t> chunks_;                // base addresses
  std::unordered_map<uintptr_t, uint64_t> large_;       // address -> bytes
  std::vector<std::vector<Chunk*>> class_chunks_ = std::vector<std::vector<Chunk*>>(kClasses);
  std::vector<Run> runs_ = std::vector<Run>(kClasses);   // per size class
  std::vector<char*> spare_chunks_;                     // empty chunks kept for reuse
  std::shared_ptr<RootTable> roots_ = std::make_shared<RootTable>();
  std::vector<const runtime::CanonicalType*> types_;  // type_info cache by canonical id
  bool no_collect_ = false;  // set while constant expressions allocate
  uint64_t since_collect_ = 0;
  uint64_t min_trigger_ = kMinTrigger;
  uint64_t trigger_ = kMinTrigger;
  HeapStats stats_;
};

// The store's heap, made on first use; heap_state_of is the same for StoreData::make_gc_heap.
Heap& make_heap(runtime::StoreData& store);
inline Heap& heap_of(runtime::StoreData& store) {
  if (!store.gc_heap) [[unlikely]] return make_heap(store);
  return static_cast<Heap&>(*store.gc_heap);
}
runtime::GcHeapState& heap_state_of(runtime::StoreData& store);

// A host's hold on a reference (what wisp::Val keeps for GC references): the object stays alive until
// the returned handle is dropped, which may happen after the store is gone. nullptr when `bits` is no
// object of the store's heap (null, i31, a function, a host value): nothing to keep alive.
std::shared_ptr<const void> root_handle(runtime::StoreData& store, uint64_t bits);

}  // namespace wisp::gc
