// Linear memory on POSIX: guard reservations (8 GiB PROT_NONE, committed with mprotect on grow; the base
// never moves and accesses need no bounds checks) or, for explicit-check mode, a reservation of the
// maximum size (falling back to a heap allocation that may move on grow).
#include <sys/mman.h>

#include <cstdlib>
#include <cstring>

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

}  // namespace

Result<void> memory_init(MemoryInstance& mem, const wasm::MemoryType& type, uint64_t max_pages,
                         bool explicit_checks) {
  mem.type = type;
  mem.max_pages = max_pages;
  uint64_t min = type.limits.min;
  if (min > max_pages) return Error::trap("memory size exceeds the limit");
  uint64_t bytes = min * wasm::kPageSize;
  if (!explicit_checks && !type.limits.is64 && sizeof(void*) == 8) {
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
  if (mem.reserved != 0) {
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
