// wisp public API: the Wasm type system as seen by embedders (value, function, table, memory, global and
// extern types, import/export descriptions). Plain values, independent of any store.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace wisp {

// The kind of a value: numbers, vectors, the two Wasm 2.0 reference types, exnref (exceptions: an
// exception of the store, opaque to the embedder; only null can be made outside Wasm), and the GC
// references (Wasm 3.0): anyref and its subtypes eqref, i31ref, structref, arrayref (a concrete struct or
// array type is shown as structref / arrayref; the bottom type none as anyref).
enum class ValKind : uint8_t { i32, i64, f32, f64, v128, funcref, externref, exnref, anyref, eqref, i31ref, structref,
                               arrayref };

// Spec text name of a kind: "i32", ..., "funcref", "externref".
const char* val_kind_name(ValKind kind);

// A value type. Today exactly a ValKind; a class so typed references can be added without breaking users.
class ValType {
 public:
  constexpr ValType() = default;
  constexpr ValType(ValKind kind) : kind_(kind) {}  // NOLINT: implicit on purpose (ValType t = ValKind::i32)
  static constexpr ValType i32() { return ValKind::i32; }
  static constexpr ValType i64() { return ValKind::i64; }
  static constexpr ValType f32() { return ValKind::f32; }
  static constexpr ValType f64() { return ValKind::f64; }
  static constexpr ValType v128() { return ValKind::v128; }
  static constexpr ValType funcref() { return ValKind::funcref; }
  static constexpr ValType externref() { return ValKind::externref; }
  static constexpr ValType anyref() { return ValKind::anyref; }

  constexpr ValKind kind() const { return kind_; }
  constexpr bool is_ref() const { return kind_ >= ValKind::funcref; }
  constexpr bool is_num() const { return kind_ <= ValKind::f64; }
  constexpr bool operator==(const ValType&) const = default;
  std::string name() const { return val_kind_name(kind_); }

 private:
  ValKind kind_ = ValKind::i32;
};

// A function signature.
struct FuncType {
  std::vector<ValType> params_;
  std::vector<ValType> results_;

  FuncType() = default;
  FuncType(std::vector<ValType> params, std::vector<ValType> results)
      : params_(std::move(params)), results_(std::move(results)) {}
  const std::vector<ValType>& params() const { return params_; }
  const std::vector<ValType>& results() const { return results_; }
  bool operator==(const FuncType&) const = default;
  std::string to_string() const;  // "(i32, i32) -> (i64)"
};

// Size limits of a table (elements) or memory (64 KiB pages).
struct Limits {
  uint64_t min = 0;
  std::optional<uint64_t> max;
  bool operator==(const Limits&) const = default;
};

struct TableType {
  ValType elem = ValType::funcref();
  Limits limits;
  bool is64 = false;   // a 64-bit table (feature memory64's table64: i64 indices)
  bool operator==(const TableType&) const = default;
};

struct MemoryType {
  Limits limits;       // in 64 KiB pages
  bool is64 = false;   // a 64-bit memory (feature memory64: i64 addresses)
  bool shared = false;
  bool operator==(const MemoryType&) const = default;
};

enum class Mutability : uint8_t { constant, var };

struct GlobalType {
  ValType content = ValType::i32();
  Mutability mutability = Mutability::constant;
  bool is_mutable() const { return mutability == Mutability::var; }
  bool operator==(const GlobalType&) const = default;
};

enum class ExternKind : uint8_t { func = 0, table = 1, memory = 2, global = 3, tag = 4 };

// The type of a tag (exceptions): the payload types of its exceptions.
struct TagType {
  std::vector<ValType> params;
  bool operator==(const TagType&) const = default;
};

// "func", "table", "memory", "global", "tag".
const char* extern_kind_name(ExternKind kind);

// The type of an import or export: the member matching `kind` is meaningful.
struct ExternType {
  ExternKind kind = ExternKind::func;
  FuncType func;
  TableType table;
  MemoryType memory;
  GlobalType global;
  TagType tag;

  static ExternType of(TagType t) { ExternType e; e.kind = ExternKind::tag; e.tag = std::move(t); return e; }
  static ExternType of(FuncType t) { ExternType e; e.kind = ExternKind::func; e.func = std::move(t); return e; }
  static ExternType of(TableType t) { ExternType e; e.kind = ExternKind::table; e.table = t; return e; }
  static ExternType of(MemoryType t) { ExternType e; e.kind = ExternKind::memory; e.memory = t; return e; }
  static ExternType of(GlobalType t) { ExternType e; e.kind = ExternKind::global; e.global = t; return e; }
};

// One import of a module, in declaration order.
struct ImportType {
  std::string module;
  std::string name;
  ExternType type;
};

// One export of a module, in declaration order.
struct ExportType {
  std::string name;
  ExternType type;
};

}  // namespace wisp
