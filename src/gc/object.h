// GC objects (Wasm 3.0 GC, DESIGN.md §9): the header every heap object starts with, the field layout of
// struct and array types, and how references of the any hierarchy sit in an 8-byte slot.
//
// Reference bits of the any hierarchy (anyref, eqref, i31ref, structref, arrayref, concrete types):
//   0                  null
//   (v << 1) | 1       i31 v (31 bits, unboxed): the low bit never collides with an object address,
//                      which is 16-aligned, nor with funcref/exnref (pointers) of the other hierarchies
//   address            a heap object (struct, array, or an ExternBox: an externref converted to anyref)
// extern.convert_any of a non-null anyref gives an AnyBox (a heap object holding the anyref bits), and
// any.convert_extern of an AnyBox gives the held bits back; any.convert_extern of any other non-null
// externref (a host value, encoded v + 1) allocates an ExternBox holding those bits, which
// extern.convert_any unwraps again. Boxing both ways keeps the externref encoding of Wasm 2.0 unchanged;
// an AnyBox is recognised by heap membership, so a host value equal to a live AnyBox's address minus one
// would be misread (host values are opaque integers the host picks, never our addresses).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "wasm/types.h"

namespace wisp::runtime {
struct TagInstance;
}

namespace wisp::gc {

enum class ObjKind : uint8_t {
  Struct = 0,
  Array = 1,
  ExternBox = 2,  // anyref holding an externref (payload: the externref bits; not traced)
  AnyBox = 3,     // externref holding an anyref (payload: the anyref bits; traced)
  Exn = 4,        // exception: tag pointer then payload slots (traced conservatively)
};

// 16 bytes before the payload; objects are 16-aligned, so a v128 field or element is aligned too.
// Struct layouts put every reference field first, so the collector needs only their count.
struct ObjHeader {
  uint32_t type_id;    // canonical type id of a struct or array (casts); 0 for boxes and exceptions
  ObjKind kind;
  uint8_t mark;        // collector's mark bit
  uint8_t elem_shift;  // arrays: log2 of the element size; exceptions: 0
  uint8_t elem_ref;    // arrays: 1 if the elements are references
  uint32_t length;     // arrays: element count; exceptions: payload slots; structs: ref mask (low half)
  uint32_t nrefs;      // boxes: reference fields at the payload's start; structs: ref mask (high half)

  // Structs: which payload words hold references (StructLayout::ref_mask); elem_ref: and beyond word 63.
  uint64_t ref_mask() const { return uint64_t(nrefs) << 32 | length; }
  void set_ref_mask(uint64_t m) {
    length = uint32_t(m);
    nrefs = uint32_t(m >> 32);
  }

  char* payload() { return reinterpret_cast<char*>(this + 1); }
  const char* payload() const { return reinterpret_cast<const char*>(this + 1); }
};
static_assert(sizeof(ObjHeader) == 16);

constexpr size_t kObjAlign = 16;

// An exception (exceptions proposal): a tag instance and its payload (slot-packed, a v128 takes two).
// An exnref value is its address. The payload is traced conservatively (its slots carry no types here).
struct ExnObject {
  ObjHeader hdr;  // kind Exn, length = payload slots
  runtime::TagInstance* tag;

  uint64_t* payload() { return reinterpret_cast<uint64_t*>(this + 1); }
  const uint64_t* payload() const { return reinterpret_cast<const uint64_t*>(this + 1); }
  uint32_t payload_slots() const { return hdr.length; }
};
static_assert(sizeof(ExnObject) == 24);

// The storage type of a struct field or array element.
enum class Storage : uint8_t { i8, i16, i32, i64, f32, f64, v128, ref };

inline uint32_t storage_size(Storage s) {
  switch (s) {
    case Storage::i8: return 1;
    case Storage::i16: return 2;
    case Storage::i32:
    case Storage::f32: return 4;
    case Storage::i64:
    case Storage::f64:
    case Storage::ref: return 8;
    case Storage::v128: return 16;
  }
  return 8;
}

// The storage of a struct field or array element type.
inline Storage storage_of(const wasm::FieldType& f) {
  switch (f.packed) {
    case wasm::Packed::i8: return Storage::i8;
    case wasm::Packed::i16: return Storage::i16;
    case wasm::Packed::none: break;
  }
  switch (f.type.kind()) {
    case wasm::ValKind::i32: return Storage::i32;
    case wasm::ValKind::i64: return Storage::i64;
    case wasm::ValKind::f32: return Storage::f32;
    case wasm::ValKind::f64: return Storage::f64;
    case wasm::ValKind::v128: return Storage::v128;
    case wasm::ValKind::ref: return Storage::ref;
  }
  return Storage::i64;
}

inline uint8_t storage_shift(Storage s) {
  uint32_t n = storage_size(s);
  return uint8_t(n == 1 ? 0 : n == 2 ? 1 : n == 4 ? 2 : n == 8 ? 3 : 4);
}

// Where each field of a struct type lives: offsets from the payload start (after the header), in
// declaration order, each naturally aligned (v128 to 16). Declaration order is what subtyping needs: a
// subtype's fields extend its supertype's, so every field an instruction on the supertype names sits at
// the same offset in every subtype's objects.
// The collector finds the reference fields through ref_mask, a bit per 8-byte payload word (kept in the
// object's header: ObjHeader::set_ref_mask); references past word 63 make the rest of the object scanned
// conservatively (ref_tail), which only large structs with late reference fields need.
struct StructLayout {
  uint32_t type_id = 0;
  std::vector<uint32_t> offsets;   // per field, in declaration order
  std::vector<Storage> storage;    // per field
  uint64_t ref_mask = 0;           // bit k: a reference at payload word k (k < 64)
  bool ref_tail = false;           // a reference at a word >= 64
  uint32_t payload_bytes = 0;      // rounded up to 16
};

StructLayout make_struct_layout(uint32_t type_id, const std::vector<Storage>& fields);

// Encoding of i31 values in anyref bits.
inline uint64_t i31_bits(uint32_t v) { return (uint64_t(v & 0x7fffffffu) << 1) | 1; }
inline bool is_i31(uint64_t bits) { return (bits & 1) != 0; }
inline int32_t i31_get_s(uint64_t bits) { return int32_t(uint32_t(bits >> 1) << 1) >> 1; }
inline uint32_t i31_get_u(uint64_t bits) { return uint32_t(bits >> 1) & 0x7fffffffu; }

// The object of non-null, non-i31 anyref bits.
inline ObjHeader* object_of(uint64_t bits) { return reinterpret_cast<ObjHeader*>(bits); }
inline uint64_t bits_of(const ObjHeader* o) { return reinterpret_cast<uint64_t>(o); }

}  // namespace wisp::gc
