// Bounds-checked view of a guest's linear memory. Every guest pointer and length goes through here, so a
// wild pointer becomes an EFAULT errno and host memory outside the view is never touched.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace wisp::wasi {

class GuestMemory {
 public:
  GuestMemory() = default;
  GuestMemory(uint8_t* base, uint64_t size) : base_(base), size_(size) {}

  bool valid() const { return base_ != nullptr || size_ == 0; }
  uint64_t size() const { return size_; }
  bool in_bounds(uint64_t ptr, uint64_t len) const { return ptr <= size_ && len <= size_ - ptr; }

  // The bytes [ptr, ptr+len) or nullptr when out of bounds (or no memory).
  uint8_t* span(uint64_t ptr, uint64_t len) const {
    if (!base_ || !in_bounds(ptr, len)) return nullptr;
    return base_ + ptr;
  }

  template <typename T>
  bool load(uint64_t ptr, T& out) const {
    static_assert(std::is_trivially_copyable_v<T>);
    const uint8_t* p = span(ptr, sizeof(T));
    if (!p) return false;
    std::memcpy(&out, p, sizeof(T));
    return true;
  }
  template <typename T>
  bool store(uint64_t ptr, const T& value) const {
    static_assert(std::is_trivially_copyable_v<T>);
    uint8_t* p = span(ptr, sizeof(T));
    if (!p) return false;
    std::memcpy(p, &value, sizeof(T));
    return true;
  }
  bool write(uint64_t ptr, const void* data, uint64_t len) const {
    uint8_t* p = span(ptr, len);
    if (!p) return false;
    if (len) std::memcpy(p, data, len);
    return true;
  }
  // A guest string (not NUL-terminated) or false when out of bounds.
  bool string(uint64_t ptr, uint64_t len, std::string_view& out) const {
    const uint8_t* p = span(ptr, len);
    if (!p) return false;
    out = std::string_view(reinterpret_cast<const char*>(p), len);
    return true;
  }

 private:
  uint8_t* base_ = nullptr;
  uint64_t size_ = 0;
};

}  // namespace wisp::wasi
