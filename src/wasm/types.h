// Value, reference, function, table, memory and global types of the Wasm type system.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "wisp/features.h"

namespace wisp::wasm {

enum class ValKind : uint8_t { i32, i64, f32, f64, v128, ref };

// Abstract heap types; concrete (indexed) heap types use values below kHeapAbstractBase. The values
// must fit the 23-bit heap field. func/extern are Wasm 2.0; exn/noexn come with exceptions, the rest
// with GC (nofunc/noextern are the bottom types of the func and extern hierarchies).
enum class HeapKind : uint32_t {
  func = 0x7F'FFF0,
  extern_ = 0x7F'FFF1,
  exn = 0x7F'FFF2,
  noexn = 0x7F'FFF3,
  any = 0x7F'FFF4,
  eq = 0x7F'FFF5,
  i31 = 0x7F'FFF6,
  struct_ = 0x7F'FFF7,
  array = 0x7F'FFF8,
  none = 0x7F'FFF9,
  noextern = 0x7F'FFFA,
  nofunc = 0x7F'FFFB,
};
constexpr uint32_t kHeapAbstractBase = 0x7F'FFF0;
constexpr bool is_abstract_heap(uint32_t heap) { return heap >= kHeapAbstractBase; }
// The binary encoding of an abstract heap type (0x70 func ... 0x74 noexn), 0 for an index.
uint8_t heap_kind_byte(uint32_t heap);
// The abstract heap type a byte 0x69..0x74 encodes (as s33: the negative one-byte forms), if any.
std::optional<uint32_t> heap_kind_from_byte(uint8_t b);
// Text name: "func", "extern", "exn", "any", ... ; for a type index, its decimal number.
std::string heap_type_name(uint32_t heap);

// A value type packed into 32 bits: {kind:8, nullable:1, heap type:23} so typed references need no redesign.
class ValType {
 public:
  constexpr ValType() = default;
  static constexpr ValType i32() { return ValType(ValKind::i32); }
  static constexpr ValType i64() { return ValType(ValKind::i64); }
  static constexpr ValType f32() { return ValType(ValKind::f32); }
  static constexpr ValType f64() { return ValType(ValKind::f64); }
  static constexpr ValType v128() { return ValType(ValKind::v128); }
  static constexpr ValType ref(uint32_t heap, bool nullable) {
    ValType t(ValKind::ref);
    t.bits_ |= (nullable ? 1u << 8 : 0u) | (heap << 9);
    return t;
  }
  static constexpr ValType funcref() { return ref(uint32_t(HeapKind::func), true); }
  static constexpr ValType externref() { return ref(uint32_t(HeapKind::extern_), true); }
  static constexpr ValType exnref() { return ref(uint32_t(HeapKind::exn), true); }

  constexpr ValKind kind() const { return ValKind(bits_ & 0xff); }
  constexpr bool is_ref() const { return kind() == ValKind::ref; }
  constexpr bool is_num() const { return kind() <= ValKind::f64; }
  constexpr bool nullable() const { return (bits_ >> 8) & 1; }
  constexpr uint32_t heap() const { return bits_ >> 9; }
  constexpr bool is_funcref() const { return is_ref() && heap() == uint32_t(HeapKind::func); }
  constexpr bool is_externref() const { return is_ref() && heap() == uint32_t(HeapKind::extern_); }
  // Number of 8-byte interpreter slots a value of this type occupies.
  constexpr uint32_t slots() const { return kind() == ValKind::v128 ? 2 : 1; }
  constexpr uint32_t bits() const { return bits_; }
  constexpr bool operator==(const ValType&) const = default;

  // Spec text name: i32, i64, f32, f64, v128, funcref, externref, exnref, ... ; other references as
  // "(ref null? ht)" with ht an abstract name or a type index.
  std::string name() const;

 private:
  constexpr explicit ValType(ValKind k) : bits_(uint32_t(k)) {}
  uint32_t bits_ = 0;
};

// Binary encodings of value types.
constexpr uint8_t kTypeI32 = 0x7F, kTypeI64 = 0x7E, kTypeF32 = 0x7D, kTypeF64 = 0x7C, kTypeV128 = 0x7B,
                  kTypeFuncRef = 0x70, kTypeExternRef = 0x6F, kTypeFunc = 0x60, kBlockTypeEmpty = 0x40;

// Decodes a single-byte value type encoding; nullopt if the byte is not a value type.
std::optional<ValType> valtype_from_byte(uint8_t b);
uint8_t valtype_to_byte(ValType t);
// The post-2.0 feature a value type byte that valtype_from_byte rejects belongs to: (ref null? ht)
// and the GC and exception reference shorthands. Feature::none if it is no value type at all.
constexpr Feature valtype_byte_feature(uint8_t b) {
  if (b == 0x63 || b == 0x64) return Feature::function_references;  // (ref null ht), (ref ht)
  if (b == 0x69 || b == 0x74) return Feature::exceptions;           // exnref, nullexnref
  if ((b >= 0x6A && b <= 0x6E) || (b >= 0x71 && b <= 0x73)) return Feature::gc;  // array..any, none..nofunc
  return Feature::none;
}

struct FuncType {
  std::vector<ValType> params;
  std::vector<ValType> results;
  bool operator==(const FuncType&) const = default;
  std::string to_string() const;  // "(i32, i32) -> (i64)"
};

// GC (issue 16): what a type index defines beyond a function signature. wasm::Module::types keeps the
// function-signature view every type index has (empty for struct and array types), and
// wasm::Module::type_defs, parallel to it, says what kind of type each index is, its fields, its declared
// supertype, finality and rec group. Code that only handles function types reads `types` as before.
// The subtyping rules over them are in subtype.h.
enum class TypeKind : uint8_t { func, struct_, array };
// The storage of a struct field or array element: a value type or a packed i8 / i16 (read as i32).
enum class Packed : uint8_t { none, i8, i16 };
struct FieldType {
  ValType type;  // the value type; i32 for packed fields (their unpacked type)
  Packed packed = Packed::none;
  bool mut = false;
  bool operator==(const FieldType&) const = default;
};
constexpr uint32_t kNoSupertype = UINT32_MAX;
struct TypeDef {
  TypeKind kind = TypeKind::func;
  bool final = true;                  // `sub final` or no `sub` at all: no subtypes may declare it
  uint32_t supertype = kNoSupertype;  // the declared supertype's index (at most one), validated < own index
  std::vector<FieldType> fields;      // struct: its fields; array: its element type (one entry)
  uint32_t rec_start = 0;             // the rec group it belongs to: index of the group's first type
  uint32_t rec_size = 1;              //   and the number of types in the group
  bool operator==(const TypeDef&) const = default;
};

struct Limits {
  uint64_t min = 0;
  std::optional<uint64_t> max;
  bool shared = false;
  bool is64 = false;
  bool operator==(const Limits&) const = default;
};

struct TableType {
  ValType elem = ValType::funcref();
  Limits limits;
  bool operator==(const TableType&) const = default;
};

struct MemoryType {
  Limits limits;
  bool operator==(const MemoryType&) const = default;
};

struct GlobalType {
  ValType type;
  bool mut = false;
  bool operator==(const GlobalType&) const = default;
};

enum class ExternKind : uint8_t { func = 0, table = 1, memory = 2, global = 3, tag = 4 };
const char* extern_kind_name(ExternKind k);

constexpr uint32_t kPageSize = 65536;
constexpr uint64_t kMaxPages32 = 65536;        // 4 GiB
constexpr uint64_t kMaxTableSize = 0xFFFF'FFFF;  // spec limit for 32-bit tables

}  // namespace wisp::wasm
