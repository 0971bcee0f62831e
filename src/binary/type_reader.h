// The one reader of value and reference types, shared by the module decoder (ByteReader), the body
// decoder (validate::FuncDecoder) and the tools. It understands the typed-reference encodings
// `(ref null? ht)` (0x63 / 0x64 followed by a heap type: an abstract type or a type index); until the
// function-references feature is on they are rejected exactly like any other unknown type byte.
// Callers turn a failure into their error message (the wording differs by context in the spec).
#pragma once
#include <array>
#include <cstdint>

#include "util/leb128.h"
#include "wisp/features.h"
#include "wasm/types.h"

namespace wisp::binary {

constexpr uint8_t kTypeRefNull = 0x63, kTypeRef = 0x64;  // (ref null ht), (ref ht)

enum class TypeStatus : uint8_t {
  ok,
  eof,                // ran off the end
  bad_byte,           // the byte is not a (reference) type; p is left at it
  bad_heap_type,      // typed references: an unknown abstract heap type or a too-large index
  heap_leb_too_long,  // typed references: the heap type's s33 is malformed (p past the bad byte)
  heap_leb_too_large,
};

struct TypeOptions {
  bool typed_refs = false;  // function references: accept 0x63 / 0x64 heap-typed references
  bool exceptions = false;  // exnref (0x69) and nullexnref (0x74), and exn/noexn as heap types
  bool gc = false;          // anyref..arrayref, nullref, nullexternref, nullfuncref and their heap types

  static TypeOptions from(Features f) {
    return {f.has(Feature::function_references) || f.has(Feature::gc), f.has(Feature::exceptions), f.has(Feature::gc)};
  }
  // What the decoders accept: every type encoding of the enabled features.
  static TypeOptions implemented(Features f) { return from(f); }
  // Whether an abstract heap type (HeapKind value) exists under these options.
  bool allows_abstract(uint32_t heap) const {
    switch (wasm::HeapKind(heap)) {
      case wasm::HeapKind::func:
      case wasm::HeapKind::extern_: return true;
      case wasm::HeapKind::exn:
      case wasm::HeapKind::noexn: return exceptions;
      default: return gc;
    }
  }
};

namespace detail {

// One-byte encodings -> ValType (kNotAType: not a one-byte type).
inline constexpr wasm::ValType kNotAType = wasm::ValType::ref(0x7F'FFFF, false);
inline constexpr auto kOneByteTypes = [] {
  std::array<wasm::ValType, 256> a{};
  for (auto& t : a) t = kNotAType;
  a[wasm::kTypeI32] = wasm::ValType::i32();
  a[wasm::kTypeI64] = wasm::ValType::i64();
  a[wasm::kTypeF32] = wasm::ValType::f32();
  a[wasm::kTypeF64] = wasm::ValType::f64();
  a[wasm::kTypeV128] = wasm::ValType::v128();
  a[wasm::kTypeFuncRef] = wasm::ValType::funcref();
  a[wasm::kTypeExternRef] = wasm::ValType::externref();
  return a;
}();

inline TypeStatus read_heap_ref(const uint8_t*& p, const uint8_t* end, bool nullable, wasm::ValType& out,
                                TypeOptions opt) {
  int64_t ht = 0;
  switch (util::read_sleb<33>(p, end, ht)) {
    case util::LebStatus::ok: break;
    case util::LebStatus::eof: return TypeStatus::eof;
    case util::LebStatus::too_long: return TypeStatus::heap_leb_too_long;
    case util::LebStatus::too_large: return TypeStatus::heap_leb_too_large;
  }
  if (ht >= 0) {
    if (uint64_t(ht) >= wasm::kHeapAbstractBase) return TypeStatus::bad_heap_type;
    out = wasm::ValType::ref(uint32_t(ht), nullable);
    return TypeStatus::ok;
  }
  // Abstract heap types are one-byte negative s33 values: func = 0x70, extern = 0x6F, ...
  std::optional<uint32_t> heap = ht >= -0x40 ? wasm::heap_kind_from_byte(uint8_t(ht + 0x80)) : std::nullopt;
  if (!heap || !opt.allows_abstract(*heap)) return TypeStatus::bad_heap_type;
  out = wasm::ValType::ref(*heap, nullable);
  return TypeStatus::ok;
}

// The one-byte shorthands of later proposals: exnref, anyref, ... = (ref null ht).
inline bool shorthand_type(uint8_t b, TypeOptions opt, wasm::ValType& out) {
  std::optional<uint32_t> heap = wasm::heap_kind_from_byte(b);
  if (!heap || !opt.allows_abstract(*heap)) return false;
  out = wasm::ValType::ref(*heap, true);
  return true;
}

}  // namespace detail

// A one-byte type, if `b` is one (numeric, vector, funcref, externref).
inline bool one_byte_type(uint8_t b, wasm::ValType& out) {
  wasm::ValType t = detail::kOneByteTypes[b];
  if (t == detail::kNotAType) return false;
  out = t;
  return true;
}

// Reads a value type at p. On bad_byte p stays at the byte; otherwise p advances as far as it read.
inline TypeStatus read_val_type(const uint8_t*& p, const uint8_t* end, wasm::ValType& out, TypeOptions opt = {}) {
  if (p >= end) return TypeStatus::eof;
  uint8_t b = *p;
  if (one_byte_type(b, out)) [[likely]] {
    ++p;
    return TypeStatus::ok;
  }
  if (opt.typed_refs && (b == kTypeRefNull || b == kTypeRef)) {
    ++p;
    return detail::read_heap_ref(p, end, b == kTypeRefNull, out, opt);
  }
  if (detail::shorthand_type(b, opt, out)) {
    ++p;
    return TypeStatus::ok;
  }
  return TypeStatus::bad_byte;
}

// Reads a reference type (table element types, ref.null's heap type in 2.0, element segment types).
inline TypeStatus read_ref_type(const uint8_t*& p, const uint8_t* end, wasm::ValType& out, TypeOptions opt = {}) {
  const uint8_t* at = p;
  TypeStatus s = read_val_type(p, end, out, opt);
  if (s == TypeStatus::ok && !out.is_ref()) {
    p = at;
    return TypeStatus::bad_byte;
  }
  return s;
}

// Reads ref.null's heap type: in 2.0 the byte of funcref / externref, with typed references an s33
// heap type (abstract or a type index). The result is the nullable reference type.
inline TypeStatus read_heap_type(const uint8_t*& p, const uint8_t* end, wasm::ValType& out, TypeOptions opt = {}) {
  if (opt.typed_refs) return detail::read_heap_ref(p, end, true, out, opt);
  if (p >= end) return TypeStatus::eof;
  if (*p != wasm::kTypeFuncRef && *p != wasm::kTypeExternRef) {
    if (!detail::shorthand_type(*p, opt, out)) return TypeStatus::bad_byte;
    ++p;
    return TypeStatus::ok;
  }
  out = detail::kOneByteTypes[*p++];
  return TypeStatus::ok;
}

}  // namespace wisp::binary
