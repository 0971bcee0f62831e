// wasm::Module: the decoded module as plain data. Produced by binary::ModuleDecoder, checked by the
// validator, shared immutably by every instance. Index spaces include imports first, as in the spec.
#pragma once
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "wasm/subtype.h"
#include "wasm/types.h"
#include "wisp/features.h"

namespace wisp::wasm {

// A constant expression, kept as its raw instruction bytes including the final `end` (0x0B).
// Validated by validate::validate_const_expr, evaluated at instantiation by runtime::eval_const.
struct ConstExpr {
  std::vector<uint8_t> code;
  uint64_t offset = UINT64_MAX;  // where `code` starts in the module binary (error offsets); not part of ==
  bool operator==(const ConstExpr& o) const { return code == o.code; }
};

struct Import {
  std::string module;
  std::string name;
  ExternKind kind = ExternKind::func;
  uint32_t func_type = 0;  // kind == func: type index
  TableType table;         // kind == table
  MemoryType memory;       // kind == memory
  GlobalType global;       // kind == global
  uint32_t tag_type = 0;   // kind == tag: type index of the tag's function type (exceptions)
};

struct Export {
  std::string name;
  ExternKind kind = ExternKind::func;
  uint32_t index = 0;
};

struct Global {
  GlobalType type;
  ConstExpr init;
};

enum class SegmentMode : uint8_t { active, passive, declarative };

struct ElemSegment {
  SegmentMode mode = SegmentMode::active;
  uint32_t table = 0;      // active only
  ConstExpr offset;        // active only
  ValType type = ValType::funcref();
  // Either function indices (the compact encodings) or one expression per element.
  std::vector<uint32_t> func_indices;
  std::vector<ConstExpr> exprs;
  bool uses_exprs = false;
  size_t size() const { return uses_exprs ? exprs.size() : func_indices.size(); }
};

struct DataSegment {
  SegmentMode mode = SegmentMode::active;  // active or passive
  uint32_t memory = 0;
  ConstExpr offset;
  std::vector<uint8_t> bytes;
};

struct LocalDecl {
  uint32_t count = 0;
  ValType type;
};

// The compressed local declarations of one body: a vector-like container that keeps up to kInline
// entries in place, so decoding a module with many small functions allocates nothing per function.
class LocalDecls {
 public:
  static constexpr uint32_t kInline = 4;

  LocalDecls() = default;
  LocalDecls(std::initializer_list<LocalDecl> l) { assign(l.begin(), l.size()); }
  LocalDecls(const std::vector<LocalDecl>& v) { assign(v.data(), v.size()); }  // NOLINT: implicit on purpose
  LocalDecls(const LocalDecls& o) { assign(o.data(), o.size()); }
  LocalDecls(LocalDecls&& o) noexcept { take(o); }
  LocalDecls& operator=(const LocalDecls& o) {
    if (this != &o) {
      clear();
      assign(o.data(), o.size());
    }
    return *this;
  }
  LocalDecls& operator=(LocalDecls&& o) noexcept {
    if (this != &o) {
      heap_.reset();
      size_ = 0;
      cap_ = kInline;
      take(o);
    }
    return *this;
  }

  uint32_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const LocalDecl* data() const { return heap_ ? heap_.get() : inline_; }
  LocalDecl* data() { return heap_ ? heap_.get() : inline_; }
  const LocalDecl* begin() const { return data(); }
  const LocalDecl* end() const { return data() + size_; }
  LocalDecl* begin() { return data(); }
  LocalDecl* end() { return data() + size_; }
  const LocalDecl& operator[](size_t i) const { return data()[i]; }
  LocalDecl& operator[](size_t i) { return data()[i]; }

  void clear() { size_ = 0; }
  void reserve(size_t n) {
    if (n <= cap_) return;
    auto p = std::make_unique<LocalDecl[]>(n);
    std::copy(begin(), end(), p.get());
    heap_ = std::move(p);
    cap_ = uint32_t(n);
  }
  void push_back(const LocalDecl& d) {
    if (size_ == cap_) reserve(size_t(cap_) * 2);
    data()[size_++] = d;
  }
  bool operator==(const LocalDecls& o) const {
    return size_ == o.size_ && std::equal(begin(), end(), o.begin(), [](const LocalDecl& a, const LocalDecl& b) {
             return a.count == b.count && a.type == b.type;
           });
  }

 private:
  void assign(const LocalDecl* p, size_t n) {
    reserve(n);
    std::copy(p, p + n, data());
    size_ = uint32_t(n);
  }
  void take(LocalDecls& o) {
    if (o.heap_) {
      heap_ = std::move(o.heap_);
      cap_ = o.cap_;
    } else {
      std::copy(o.inline_, o.inline_ + o.size_, inline_);
    }
    size_ = o.size_;
    o.size_ = 0;
    o.cap_ = kInline;
  }

  std::unique_ptr<LocalDecl[]> heap_;  // set when more than kInline entries were needed
  uint32_t size_ = 0;
  uint32_t cap_ = kInline;
  LocalDecl inline_[kInline];
};

// A defined function: its type and where its body lives in Module::bytes.
struct FuncBody {
  uint32_t type_index = 0;
  LocalDecls locals;              // compressed local declarations
  uint32_t num_locals = 0;        // sum of LocalDecl::count (excluding params)
  uint32_t body_offset = 0;       // offset in Module::bytes of the first instruction (after local decls)
  uint32_t body_end = 0;          // offset one past the final `end`
  uint32_t entry_offset = 0;      // offset of the entry's size field (for error messages)
};

struct CustomSection {
  std::string name;
  uint32_t offset = 0;  // offset in Module::bytes of the section's contents (after the name)
  uint32_t size = 0;
};

// Names from the "name" custom section (best effort: a malformed name section is ignored, per spec).
struct NameSection {
  std::string module_name;
  std::unordered_map<uint32_t, std::string> functions;
  std::unordered_map<uint32_t, std::unordered_map<uint32_t, std::string>> locals;
};

// Where each section sits, for tools (inspect, size) and error offsets.
struct SectionInfo {
  uint8_t id = 0;
  uint32_t offset = 0;  // offset of the section id byte
  uint32_t size = 0;    // size of the contents
  uint32_t contents_offset = 0;
};

struct Module {
  std::vector<uint8_t> bytes;  // the whole binary; bodies point into it
  // The post-2.0 features it was decoded under (the Engine's Config::features); its code is validated
  // and translated under the same set.
  Features features;

  std::vector<FuncType> types;
  // Per type index, its kind, fields, supertype and rec group (GC). May be shorter than `types` in
  // modules built by hand: a missing entry is a final function type in a rec group of its own.
  std::vector<TypeDef> type_defs;
  // Per type index, the first index with an equivalent definition, filled by the decoder: two types are
  // equivalent iff their entries are equal. Equivalence is iso-recursive: the rec groups are
  // structurally equal (references into the own group compared by position, others by equivalence)
  // and the types sit at the same position in them.
  std::vector<uint32_t> type_canon;
  std::vector<Import> imports;

  // Index spaces (imports first).
  std::vector<uint32_t> func_types;  // type index of every function
  std::vector<TableType> tables;
  std::vector<MemoryType> memories;
  std::vector<GlobalType> globals;
  uint32_t num_imported_funcs = 0, num_imported_tables = 0, num_imported_memories = 0,
           num_imported_globals = 0;
  // Exceptions: the type index of every tag (imports first); a tag's type has no results.
  std::vector<uint32_t> tags;
  uint32_t num_imported_tags = 0;

  std::vector<Global> global_inits;  // defined globals only (index - num_imported_globals)
  // Defined tables only (index - num_imported_tables): the initialiser expression of a table written
  // with one (typed function references), else an empty expression (null elements).
  std::vector<ConstExpr> table_inits;
  std::vector<FuncBody> bodies;      // defined functions only (index - num_imported_funcs)
  std::vector<Export> exports;
  std::optional<uint32_t> start;
  std::vector<ElemSegment> elems;
  std::vector<DataSegment> datas;
  std::optional<uint32_t> data_count;

  std::vector<CustomSection> customs;
  std::vector<SectionInfo> sections;
  NameSection names;

  // Functions that may be referenced by ref.func inside function bodies (C.refs in the spec):
  // those in exports, element segments and global initialisers.
  std::vector<bool> declared_funcs;

  const FuncType& func_type(uint32_t func_index) const { return types[func_types[func_index]]; }
  bool types_equivalent(uint32_t a, uint32_t b) const {
    if (a == b) return true;
    return a < type_canon.size() && b < type_canon.size() && type_canon[a] == type_canon[b];
  }
  const FuncType& tag_type(uint32_t tag_index) const { return types[tags[tag_index]]; }
  // The GC view of type index i (a default function-type entry when type_defs has none).
  const TypeDef& type_def(uint32_t i) const {
    static const TypeDef kFunc;
    return i < type_defs.size() ? type_defs[i] : kFunc;
  }
  TypeKind type_kind(uint32_t i) const { return i < type_defs.size() ? type_defs[i].kind : TypeKind::func; }
  bool is_func_type(uint32_t i) const { return i < types.size() && type_kind(i) == TypeKind::func; }
  bool is_struct_type(uint32_t i) const { return i < types.size() && type_kind(i) == TypeKind::struct_; }
  bool is_array_type(uint32_t i) const { return i < types.size() && type_kind(i) == TypeKind::array; }
  bool is_imported_func(uint32_t func_index) const { return func_index < num_imported_funcs; }
  const FuncBody& body(uint32_t func_index) const { return bodies[func_index - num_imported_funcs]; }
  // The name from the name section, or empty.
  std::string func_name(uint32_t func_index) const {
    auto it = names.functions.find(func_index);
    return it == names.functions.end() ? std::string() : it->second;
  }
};

// The subtyping context of one module (see subtype.h): kinds from type_defs, declared supertypes,
// equivalence from type_canon.
struct ModuleTypes {
  const Module& m;
  TypeKind kind(uint32_t x) const { return m.type_kind(x); }
  bool equivalent(uint32_t x, uint32_t y) const { return m.types_equivalent(x, y); }
  uint32_t supertype(uint32_t x) const { return x < m.type_defs.size() ? m.type_defs[x].supertype : kNoSupertype; }
};

// t1 <: t2 inside module m (type indices compare by equivalence of their definitions, then along the
// declared supertypes).
inline bool is_subtype(ValType a, ValType b, const Module& m) { return val_subtype(a, b, ModuleTypes{m}); }
inline bool is_heap_subtype(uint32_t a, uint32_t b, const Module& m) { return heap_subtype(a, b, ModuleTypes{m}); }

}  // namespace wisp::wasm
