// The GC heap of one store (DESIGN.md §9): allocation of structs, arrays and boxes, and a non-moving
// mark-sweep collector.
//
// Allocation: objects up to kMaxSmall bytes come from 256 KiB chunks, each chunk holding cells of one size
// class (multiples of 16 bytes) with a bitmap of allocated cells; bigger objects are single allocations.
// That makes "is this word a live object's address?" a hash lookup plus a bit test, which the collector
// needs because it scans the interpreter's value stack conservatively (below).
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
  ObjHeader* allocate(ObjKind kind, uint32_t type_id, uint64_t payload_bytes, StackRange stack);
  // A zeroed struct of `layout`, or nullptr at the heap limit.
  ObjHeader* new_struct(const StructLayout& layout, StackRange stack);
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
  // Chunk metadata sits at the chunk's start, so an allocation finds its chunk by masking the address.
  struct Chunk {
    uint32_t cell;            // cell size in bytes
    uint32_t ncells;
    uint32_t first;           // offset of cell 0
    uint32_t cls;
    uint64_t allocated[kChunkBytes / kObjAlign / 64];  // bit per cell
  };
  static constexpr size_t kClasses = kMaxSmall / kObjAlign + 1;

  const runtime::CanonicalType& fill_type_info(uint32_t id);
  ObjHeader* take_small(size_t cls);
  bool new_chunk(size_t cls);
  void release_chunk(Chunk* c);
  void mark_word(uint64_t word, std::vector<ObjHeader*>& work) const;
  void sweep();

  runtime::StoreData& store_;
  std::unordered_set<uintptr_t> chunks_;                // base addresses
  std::unordered_map<uintptr_t, uint64_t> large_;       // address -> bytes
  std::vector<void*> free_lists_ = std::vector<void*>(kClasses, nullptr);
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
Heap& heap_of(runtime::StoreData& store);
runtime::GcHeapState& heap_state_of(runtime::StoreData& store);

// A host's hold on a reference (what wisp::Val keeps for GC references): the object stays alive until
// the returned handle is dropped, which may happen after the store is gone. nullptr when `bits` is no
// object of the store's heap (null, i31, a function, a host value): nothing to keep alive.
std::shared_ptr<const void> root_handle(runtime::StoreData& store, uint64_t bits);

}  // namespace wisp::gc
