#include <cstring>

#include "api/internal.h"
#include "runtime/instantiate.h"
#include "runtime/memory.h"
#include "wisp/memory.h"

namespace wisp {

Result<Memory> Memory::create(Store& store, const MemoryType& type) {
  if (type.limits.max && *type.limits.max < type.limits.min)
    return Error::usage("memory minimum is larger than its maximum");
  // The spec's ranges: 4 GiB for a 32-bit memory, 2^48 pages (the 64-bit address space) for a 64-bit one.
  const uint64_t max_pages = type.is64 ? uint64_t(1) << 48 : 65536;
  if (type.limits.min > max_pages || (type.limits.max && *type.limits.max > max_pages))
    return Error::usage(type.is64 ? "memory size must be at most 2^48 pages (256TiB)"
                                  : "memory size must be at most 65536 pages (4GiB)");
  Result<runtime::MemoryInstance*> m = runtime::create_memory(store.data_internal(), detail::to_wasm(type));
  if (!m.ok()) return std::move(m.error());
  return Memory(store.id(), *m);
}

Result<MemoryType> Memory::type(Store& store) const {
  if (Result<void> r = detail::check_handle(store, store_id_, mem_); !r.ok()) return std::move(r.error());
  return detail::to_public(runtime::current_type(*mem_));
}

uint8_t* Memory::data(Store& store) const { return detail::owns(store, store_id_, mem_) ? mem_->base : nullptr; }

Result<uint64_t> Memory::size(Store& store) const {
  if (Result<void> r = detail::check_handle(store, store_id_, mem_); !r.ok()) return std::move(r.error());
  return mem_->size;
}

Result<uint64_t> Memory::pages(Store& store) const {
  if (Result<void> r = detail::check_handle(store, store_id_, mem_); !r.ok()) return std::move(r.error());
  return mem_->pages();
}

Result<uint64_t> Memory::grow(Store& store, uint64_t delta) const {
  if (Result<void> r = detail::check_handle(store, store_id_, mem_); !r.ok()) return std::move(r.error());
  int64_t old = runtime::memory_grow(*mem_, delta);
  if (old < 0) return Error::usage("failed to grow memory by " + std::to_string(delta) + " pages");
  return uint64_t(old);
}

Result<void> Memory::read(Store& store, uint64_t offset, std::span<uint8_t> out) const {
  if (Result<void> r = detail::check_handle(store, store_id_, mem_); !r.ok()) return std::move(r.error());
  if (offset > mem_->size || out.size() > mem_->size - offset) return Error::trap("out of bounds memory access");
  if (!out.empty()) std::memcpy(out.data(), mem_->base + offset, out.size());
  return {};
}

Result<std::string> Memory::read_string(Store& store, uint64_t offset, uint64_t len) const {
  WISP_TRY(std::span<uint8_t> bytes, view(store, offset, len));
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

Result<std::span<uint8_t>> Memory::view(Store& store, uint64_t offset, uint64_t len) const {
  if (Result<void> r = detail::check_handle(store, store_id_, mem_); !r.ok()) return std::move(r.error());
  if (offset > mem_->size || len > mem_->size - offset) return Error::trap("out of bounds memory access");
  return std::span<uint8_t>(mem_->base + offset, size_t(len));
}

Result<void> Memory::write(Store& store, uint64_t offset, std::span<const uint8_t> in) const {
  if (Result<void> r = detail::check_handle(store, store_id_, mem_); !r.ok()) return std::move(r.error());
  if (offset > mem_->size || in.size() > mem_->size - offset) return Error::trap("out of bounds memory access");
  if (!in.empty()) std::memcpy(mem_->base + offset, in.data(), in.size());
  return {};
}

}  // namespace wisp
