// Internal: encodes a parsed text module (S-expressions) into the binary format.
#pragma once
#include "text/wat.h"
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/lexer.h"
#include "wasm/opcodes.h"
#include "wasm/types.h"

namespace wisp::text {

using Bytes = std::vector<uint8_t>;

// A read position over the items of a list (or over top-level fields).
struct Cursor {
  const std::vector<Sexp>* items;
  size_t pos;
  const Sexp* where;  // for "unexpected end" errors; may be null
  bool done() const { return pos >= items->size(); }
  const Sexp& peek() const { return (*items)[pos]; }
  const Sexp& next() { return (*items)[pos++]; }
  Error error_here(std::string_view what) const;
};

enum class Space : uint8_t { func, table, memory, global, elem, data, type, tag, count_ };

class ModuleEncoder;

// Encodes instruction sequences of one function body or constant expression.
class InstrEncoder {
 public:
  InstrEncoder(ModuleEncoder& m, Bytes& out, const std::unordered_map<std::string, uint32_t>* locals)
      : m_(m), out_(out), locals_(locals), stack_top_(static_cast<const char*>(__builtin_frame_address(0))) {
    labels_.emplace_back();  // the function body's own label
  }
  // Instructions until the cursor is exhausted or sits on a flat `end`/`else`.
  Result<void> instrs(Cursor& c);
  // A single folded instruction list.
  Result<void> folded(const Sexp& list);
  // Branch hints: the instructions that carry one (branch_hint_targets) and, out, the offsets in `out`
  // at which they were encoded with their hint.
  void track_hints(const std::unordered_map<const Sexp*, uint8_t>* targets,
                   std::vector<std::pair<uint32_t, uint8_t>>* found) {
    hint_targets_ = targets;
    hints_found_ = found;
  }

 private:
  Result<void> plain(Cursor& c);
  Result<void> block_flat(wasm::Op op, Cursor& c);
  // Exceptions (wat_instr.cc): try_table's catch clauses, flat and folded legacy try.
  // Out of line: folded() recurses per nesting level and must keep its frame small.
  [[gnu::noinline]] Result<void> catch_clauses(Cursor& c, Bytes& out);
  [[gnu::noinline]] Result<void> try_flat(Cursor& c);
  [[gnu::noinline]] Result<void> try_folded(const Sexp& list, Cursor& c);
  [[gnu::noinline]] Result<void> block_type(Cursor& c, Bytes& out);
  [[gnu::noinline]] Result<void> immediates(wasm::Op op, const Sexp& at, Cursor& c, Bytes& out);
  // A SIMD instruction (0xFD prefix) with its immediates; false if `at` names no SIMD instruction.
  [[gnu::noinline]] Result<bool> simd_instr(const Sexp& at, Cursor& c, Bytes& out);
  Result<uint32_t> label(const Sexp& s);
  Result<uint32_t> local(const Sexp& s);
  Result<uint32_t> memarg_memory(Cursor& c, bool lane);
  Result<void> end_label(Cursor& c, const std::string& label);
  // Folded instructions are encoded recursively (~1.7 KiB of stack per level in a release build). The
  // lexer bounds the nesting depth at 2,000, which keeps a release build under this budget; frames of
  // sanitizer builds are ~3x larger, so the native stack is also bounded directly: past this much the
  // input is rejected as nesting too deep instead of overflowing an 8 MiB stack. Callers on threads
  // with smaller stacks should parse deeply nested text on a larger one.
  static constexpr size_t kStackBudget = size_t(5) << 20;
  bool stack_exhausted() const {
    auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    return reinterpret_cast<uintptr_t>(stack_top_) - here > kStackBudget;
  }

  // Records where a hinted instruction starts (only when hints are tracked).
  void mark_hint(const Sexp& instr) {
    if (!hint_targets_) return;
    auto it = hint_targets_->find(&instr);
    if (it != hint_targets_->end()) hints_found_->emplace_back(uint32_t(out_.size()), it->second);
  }

  ModuleEncoder& m_;
  Bytes& out_;
  const std::unordered_map<std::string, uint32_t>* locals_;
  std::vector<std::string> labels_;
  const char* stack_top_;
  const std::unordered_map<const Sexp*, uint8_t>* hint_targets_ = nullptr;
  std::vector<std::pair<uint32_t, uint8_t>>* hints_found_ = nullptr;
};

class ModuleEncoder {
 public:
  explicit ModuleEncoder(const WatOptions& options) : options_(options) {}
  const WatOptions& options() const { return options_; }
  // Encodes module fields items[first..].
  Result<Bytes> encode(const std::vector<Sexp>& items, size_t first);

  // Used by InstrEncoder.
  Result<uint32_t> resolve(Space space, const Sexp& s);
  static bool is_index(const Sexp& s);
  // typeuse: (type x)? (param ...)* (result ...)*. Returns the type index (appending an implicit type).
  // `names` receives one entry per parameter (empty when unnamed); with !allow_names a named param is an error.
  struct TypeUse {
    std::optional<uint32_t> index;
    wasm::FuncType type;
    std::vector<std::string> names;
    bool inline_written = false;
  };
  Result<TypeUse> parse_typeuse(Cursor& c, bool allow_names);
  uint32_t type_index_for(const TypeUse& tu);
  Result<wasm::ValType> valtype(const Sexp& s);
  // A heap type: an abstract name (func, extern, ...) or a type index; the nullable reference to it.
  Result<wasm::ValType> heaptype(const Sexp& s, bool nullable);
  // Whether `s` starts a value type written as a list, `(ref ...)`.
  static bool is_ref_list(const Sexp& s) { return s.is_list_of("ref"); }
  void note_data_instr() { uses_data_count_ = true; }
  // GC: a struct field index, numeric or by name ($f declared in type `type`'s (field $f ...)).
  Result<uint32_t> resolve_field(uint32_t type, const Sexp& s);
  // Branch hints of the functions encoded so far, by function index (offsets within their bodies).
  const std::vector<std::pair<uint32_t, std::vector<std::pair<uint32_t, uint8_t>>>>& branch_hints() const {
    return branch_hints_;
  }

 private:
  struct Names {
    std::unordered_map<std::string, uint32_t> map;
    uint32_t count = 0;
  };
  Result<void> declare(const Sexp& field);
  Result<void> define(const Sexp& field);
  Result<void> bind(Space space, const Sexp* id, const Sexp& at);
  Result<void> parse_functype(const Sexp& func, wasm::FuncType& ft);
  // Type definitions (GC: rec groups, sub types, struct and array types).
  Result<void> declare_type(const Sexp& f, uint32_t rec_start, uint32_t rec_size);
  Result<void> parse_types();
  Result<void> parse_type(const Sexp& body, uint32_t index);
  Result<wasm::FieldType> field_type(const Sexp& s);
  Result<void> import_order(const Sexp& at);
  Result<void> inline_exports(Cursor& c, wasm::ExternKind kind, uint32_t index);
  Result<void> import_names(const Sexp& module, const Sexp& field, Bytes& out);
  Result<void> inline_import(const Sexp& imp, Bytes& out);
  Result<void> limits(Cursor& c, Bytes& out);
  Result<void> global_type(Cursor& c, const Sexp& at, Bytes& out);
  Result<void> const_expr(Cursor& c, Bytes& out);
  Result<void> offset_expr(const Sexp& s, Bytes& out);
  // Element list items as vec(funcidx) (indices_only) or vec(expr); `exprs` tells which was written.
  Result<void> elem_list(Cursor& c, bool indices_only, Bytes& out, bool& exprs);
  Result<void> define_func(const Sexp& f);
  Result<void> define_table(const Sexp& f);
  Result<void> define_memory(const Sexp& f);
  Result<void> define_global(const Sexp& f);
  Result<void> define_tag(const Sexp& f);
  Result<void> define_import(const Sexp& f);
  Result<void> define_export(const Sexp& f);
  Result<void> define_elem(const Sexp& f);
  Result<void> define_data(const Sexp& f);
  Result<void> define_start(const Sexp& f);
  Result<std::string> name_string(const Sexp& s);

  WatOptions options_;
  Names names_[size_t(Space::count_)];
  std::vector<wasm::FuncType> types_;
  std::vector<wasm::TypeDef> type_defs_;                                // parallel to types_
  std::vector<const Sexp*> type_bodies_;                                // declared types' definitions
  std::vector<std::unordered_map<std::string, uint32_t>> field_names_;  // per type: struct field names
  bool seen_definition_ = false;
  std::string last_definition_;  // "function", "table", ... for "import after ..." errors
  bool uses_data_count_ = false;
  bool has_start_ = false;
  std::vector<std::pair<uint32_t, std::vector<std::pair<uint32_t, uint8_t>>>> branch_hints_;
  // Section contents (without the vector count) and their counts.
  Bytes imports_, funcs_, tables_, mems_, globals_, exports_, start_, elems_, code_, datas_, tags_;
  uint32_t n_imports_ = 0, n_funcs_ = 0, n_tables_ = 0, n_mems_ = 0, n_globals_ = 0, n_exports_ = 0,
           n_elems_ = 0, n_datas_ = 0, n_tags_ = 0;
};

// Encodes a `(module ...)` list (text, binary or quote form).
Result<Bytes> encode_module_sexp(const Sexp& module, const WatOptions& options);

// Helpers shared by the encoder files.
void put_u32(Bytes& out, uint64_t v);
void put_name(Bytes& out, const std::string& s);
// A value type's binary encoding: one byte, or 0x63/0x64 and the heap type for (ref null? ht).
void put_valtype(Bytes& out, wasm::ValType t);
// A type definition (sub type) of the type section.
void put_typedef(Bytes& out, const wasm::FuncType& ft, const wasm::TypeDef& d);

}  // namespace wisp::text
