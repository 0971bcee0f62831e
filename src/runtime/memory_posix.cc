// Linear memory on POSIX: guard reservations (8 GiB PROT_NONE, committed with mprotect on grow; the base
// never moves and accesses need no bounds checks) or, for explicit-check mode, a reservation of the
// maximum size (falling back to a heap allocation that may move on grow).
#include <sys/mman.h>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

#include "runtime/memory.h"
#include "runtime/trap_handler.h"

namespace wisp::runtime {

namespace {

// u32 address + u32 offset + an 8-byte access (16 for v128) stays below this.
constexpr uint64_t kGuardReservation = (uint64_t(8) << 30) + wasm::kPageSize;

void* reserve(uint64_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

bool commit(uint8_t* at, uint64_t bytes) {
  return bytes == 0 || mprotect(at, bytes, PROT_READ | PROT_WRITE) == 0;
}

// Guard reservations of dropped memories, kept for the next ones. A host running one store per job
// makes and drops a memory each time, and munmap of an 8 GiB reservation (page-table teardown and a
// TLB flush) cost more than all the rest of a store's teardown; mmap + mprotect + first-touch faults
// were a good part of instantiation. A cached reservation stays registered with the trap handler and
// keeps its committed bytes, zeroed, so a memory of the same size takes it with no system call.
struct CachedReservation {
  uint8_t* base;
  uint64_t committed;  // bytes readable and writable at base, all zero
};
constexpr size_t kMaxCachedReservations = 4;
// Committed parts up to this size are zeroed with memset (the pages stay resident for the next
// memory); larger ones are handed back to the OS with madvise (zero pages on the next touch).
constexpr uint64_t kZeroByMemsetBytes = 256u << 10;

struct ReservationCache {
  std::mutex mu;
  std::vector<CachedReservation> free;
};
ReservationCache& reservation_cache() {
  static ReservationCache* cache = new ReservationCache();  // never destroyed: stores may outlive statics
  return *cache;
}

// Takes a cached reservation and sets its committed part to `bytes`; false when none is cached (or
// the mprotect failed: the reservation is then released).
bool take_cached_reservation(MemoryInstance& mem, uint64_t bytes) {
  CachedReservation r{};
  {
    ReservationCache& c = reservation_cache();
    std::lock_guard<std::mutex> lock(c.mu);
    if (c.free.empty()) return false;
    r = c.free.back();
    c.free.pop_back();
  }
  bool ok = r.committed > bytes ? mprotect(r.base + bytes, r.committed - bytes, PROT_NONE) == 0
                                : commit(r.base + r.committed, bytes - r.committed);
  if (!ok) {
    unregister_reservation(r.base);
    munmap(r.base, kGuardReservation);
    return false;
  }
  mem.base = r.base;
  mem.size = bytes;
  mem.reserved = kGuardReservation;
  mem.guarded = true;
  return true;
}

// Keeps the reservation of a dropped guarded memory if the cache has room.
bool cache_reservation(const MemoryInstance& mem) {
  ReservationCache& c = reservation_cache();
  {
    std::lock_guard<std::mutex> lock(c.mu);
    if (c.free.size() >= kMaxCachedReservations) return false;
  }
  if (mem.size <= kZeroByMemsetBytes) {
    std::memset(mem.base, 0, mem.size);
  } else if (madvise(mem.base, mem.size, MADV_DONTNEED) != 0) {
    return false;
  }
  std::lock_guard<std::mutex> lock(c.mu);
  if (c.free.size() >= kMaxCachedReservations) return false;  // filled meanwhile by another thread
  c.free.push_back({mem.base, mem.size});
  return true;
}

}  // namespace

Result<void> memory_init(MemoryInstance& mem, const wasm::MemoryType& type, uint64_t max_pages,
                         bool explicit_checks) {
  mem.type = type;
  mem.max_pages = max_pages;
  uint64_t min = type.limits.min;
  if (min > max_pages) return Error::trap("memory size exceeds the limit");
  uint64_t bytes = min * wasm::kPageSize;
  if (!explicit_checks && !type.limits.is64 && sizeof(void*) == 8) {
    if (take_cached_reservation(mem, bytes)) return {};
    void* p = reserve(kGuardReservation);
    if (p == nullptr) return Error::trap("cannot reserve address space for a linear memory");
    if (!commit(static_cast<uint8_t*>(p), bytes) || !register_reservation(p, kGuardReservation)) {
      munmap(p, kGuardReservation);
      return Error::trap("cannot allocate a linear memory");
    }
    install_trap_handler();
    mem.base = static_cast<uint8_t*>(p);
    mem.size = bytes;
    mem.reserved = kGuardReservation;
    mem.guarded = true;
    return {};
  }
  // Explicit bounds checks: reserve the maximum so the base stays put when that is affordable.
  uint64_t max_bytes = max_pages * wasm::kPageSize;
  if (max_bytes > 0 && max_bytes <= (uint64_t(1) << 40)) {
    if (void* p = reserve(max_bytes)) {
      if (!commit(static_cast<uint8_t*>(p), bytes)) {
        munmap(p, max_bytes);
        return Error::trap("cannot allocate a linear memory");
      }
      mem.base = static_cast<uint8_t*>(p);
      mem.size = bytes;
      mem.reserved = max_bytes;
      return {};
    }
  }
  if (bytes > 0) {
    mem.base = static_cast<uint8_t*>(std::calloc(bytes, 1));
    if (mem.base == nullptr) return Error::trap("cannot allocate a linear memory");
  }
  mem.size = bytes;
  return {};
}

int64_t memory_grow(MemoryInstance& mem, uint64_t delta) {
  uint64_t old = mem.pages();
  if (delta == 0) return int64_t(old);
  if (delta > mem.max_pages || old + delta > mem.max_pages) return -1;
  uint64_t new_bytes = (old + delta) * wasm::kPageSize;
  if (mem.reserved != 0) {
    if (new_bytes > mem.reserved || !commit(mem.base + mem.size, new_bytes - mem.size)) return -1;
  } else {
    auto* p = static_cast<uint8_t*>(std::realloc(mem.base, new_bytes));
    if (p == nullptr) return -1;
    std::memset(p + mem.size, 0, new_bytes - mem.size);
    mem.base = p;
  }
  mem.size = new_bytes;
  mem.type.limits.min = old + delta;
  return int64_t(old);
}

void memory_release(MemoryInstance& mem) {
  if (mem.guarded && cache_reservation(mem)) {
    // kept for the next memory, still registered
  } else if (mem.reserved != 0) {
    if (mem.guarded) unregister_reservation(mem.base);
    munmap(mem.base, mem.reserved);
  } else {
    std::free(mem.base);
  }
  mem.base = nullptr;
  mem.size = 0;
  mem.reserved = 0;
  mem.guarded = false;
}

}  // namespace wisp::runtime
