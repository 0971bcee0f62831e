// wisp public API: Val, a dynamically typed Wasm value (argument, result, global or table content).
#pragma once
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>

#include "wisp/types.h"

namespace wisp::runtime {
struct FuncInstance;
}

namespace wisp {

class Func;

// What a non-null reference of the any hierarchy holds: an i31, a struct, an array, or a host value
// (an externref converted by any.convert_extern or Store::extern_to_any).
enum class AnyRefKind : uint8_t { null, i31, struct_, array, host };

namespace detail {
// The 16-byte untyped value of interpreter slots and host calls (layout of runtime::Value).
struct alignas(16) RawVal {
  uint8_t bytes[16] = {};
};
}  // namespace detail

class Val {
 public:
  Val() = default;  // i32 0
  static Val i32(int32_t v) { return from_bits(ValKind::i32, uint32_t(v)); }
  static Val i64(int64_t v) { return from_bits(ValKind::i64, uint64_t(v)); }
  static Val f32(float v) { uint32_t b; std::memcpy(&b, &v, 4); return f32_bits(b); }
  static Val f64(double v) { uint64_t b; std::memcpy(&b, &v, 8); return f64_bits(b); }
  static Val f32_bits(uint32_t bits) { return from_bits(ValKind::f32, bits); }
  static Val f64_bits(uint64_t bits) { return from_bits(ValKind::f64, bits); }
  static Val v128(const std::array<uint8_t, 16>& bytes) {
    Val v;
    v.kind_ = ValKind::v128;
    std::memcpy(v.raw_.bytes, bytes.data(), 16);
    return v;
  }
  // A funcref: a function of some store, or null (std::nullopt).
  static Val funcref(std::optional<Func> func);
  // An externref: an opaque host value, or null (std::nullopt). Values must be < UINT64_MAX.
  static Val externref(std::optional<uint64_t> host_value) {
    return from_bits(ValKind::externref, host_value ? *host_value + 1 : 0);
  }
  // An i31ref (Wasm 3.0 GC): the low 31 bits of `v`. Other GC references (structs, arrays, anyref
  // holding an externref: Store::extern_to_any) come from Wasm or the store.
  static Val i31ref(int32_t v) { return from_bits(ValKind::i31ref, (uint64_t(uint32_t(v) & 0x7fffffffu) << 1) | 1); }
  // The null reference of a reference kind.
  static Val null(ValKind ref_kind) { return from_bits(ref_kind, 0); }
  // The default (zero / null) value of a type.
  static Val zero(ValType type) { return from_bits(type.kind(), 0); }

  ValKind kind() const { return kind_; }
  ValType type() const { return kind_; }
  int32_t as_i32() const { return int32_t(bits32()); }
  int64_t as_i64() const { return int64_t(bits64()); }
  float as_f32() const { float f; std::memcpy(&f, raw_.bytes, 4); return f; }
  double as_f64() const { double d; std::memcpy(&d, raw_.bytes, 8); return d; }
  uint32_t f32_bits() const { return bits32(); }
  uint64_t f64_bits() const { return bits64(); }
  std::array<uint8_t, 16> as_v128() const {
    std::array<uint8_t, 16> a;
    std::memcpy(a.data(), raw_.bytes, 16);
    return a;
  }
  // Reference kinds: whether this is a null reference.
  bool is_null() const { return bits64() == 0; }
  // funcref: the function (nullopt for null).
  std::optional<Func> as_funcref() const;
  // externref: the host value (nullopt for null).
  std::optional<uint64_t> as_externref() const {
    if (bits64() == 0) return std::nullopt;
    return bits64() - 1;
  }

  // anyref and its subtypes: the i31 value, sign-extended (nullopt for null or an object).
  std::optional<int32_t> as_i31() const {
    if (!is_gc_ref() || (bits64() & 1) == 0) return std::nullopt;
    return int32_t(uint32_t(bits64() >> 1) << 1) >> 1;
  }
  // anyref and its subtypes: what the reference holds (AnyRefKind::null for null or another kind).
  AnyRefKind any_kind() const;
  // anyref holding a host value (AnyRefKind::host): the externref's host value (nullopt otherwise).
  std::optional<uint64_t> as_any_host() const;
  // Whether this is a reference of the any hierarchy (anyref, eqref, i31ref, structref, arrayref).
  bool is_gc_ref() const { return kind_ >= ValKind::anyref; }

  // Bitwise equality of kind and contents (floats by bits).
  bool operator==(const Val& o) const {
    return kind_ == o.kind_ && store_id_ == o.store_id_ && std::memcmp(raw_.bytes, o.raw_.bytes, 16) == 0;
  }

  // Internal: the hold on a GC object (or exception) that keeps it alive while this Val exists.
  void set_root_internal(std::shared_ptr<const void> root) { root_ = std::move(root); }
  // Internal: the raw slot contents and, for funcrefs and objects, the owning store.
  const detail::RawVal& raw() const { return raw_; }
  uint64_t store_id() const { return store_id_; }
  static Val from_raw(ValKind kind, const detail::RawVal& raw, uint64_t store_id) {
    Val v;
    v.kind_ = kind;
    v.raw_ = raw;
    v.store_id_ = (kind == ValKind::funcref || kind >= ValKind::exnref) && v.bits64() != 0 ? store_id : 0;
    return v;
  }

 private:
  static Val from_bits(ValKind kind, uint64_t bits) {
    Val v;
    v.kind_ = kind;
    std::memcpy(v.raw_.bytes, &bits, 8);
    return v;
  }
  uint32_t bits32() const { uint32_t b; std::memcpy(&b, raw_.bytes, 4); return b; }
  uint64_t bits64() const { uint64_t b; std::memcpy(&b, raw_.bytes, 8); return b; }

  ValKind kind_ = ValKind::i32;
  uint64_t store_id_ = 0;  // funcref, exnref, GC references: the store of the object
  detail::RawVal raw_;
  // A reference to an object of a store's GC heap (struct, array, box, exception) holds a root there,
  // released when the last copy of this Val is dropped (it may outlive the store).
  std::shared_ptr<const void> root_;
};

}  // namespace wisp
