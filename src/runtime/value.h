// Untyped runtime values as they sit in interpreter slots, globals and API boundaries.
#pragma once
#include <cstdint>
#include <cstring>

namespace wisp::runtime {

struct FuncInstance;

// A reference in a slot: a funcref is a FuncInstance* (nullptr is ref.null func); an externref is an
// opaque 64-bit host value where 0 is ref.null extern and a host value v is stored as v + 1
// (so `ref.extern 0` of the spec scripts differs from null).
using RefBits = uint64_t;

// 16 bytes: the widest value (v128). Scalars live in the low bytes, little-endian like the slots.
struct alignas(16) Value {
  uint8_t bytes[16] = {};

  static Value from_i32(uint32_t v) { Value x; std::memcpy(x.bytes, &v, 4); return x; }
  static Value from_i64(uint64_t v) { Value x; std::memcpy(x.bytes, &v, 8); return x; }
  static Value from_f32_bits(uint32_t v) { return from_i32(v); }
  static Value from_f64_bits(uint64_t v) { return from_i64(v); }
  static Value from_ref(RefBits r) { return from_i64(r); }
  uint32_t i32() const { uint32_t v; std::memcpy(&v, bytes, 4); return v; }
  uint64_t i64() const { uint64_t v; std::memcpy(&v, bytes, 8); return v; }
  RefBits ref() const { return i64(); }
};
static_assert(sizeof(Value) == 16);

}  // namespace wisp::runtime
