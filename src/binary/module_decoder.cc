#include "binary/module_decoder.h"

#include <algorithm>
#include <map>
#include <utility>

#include "binary/byte_reader.h"
#include "binary/instr_reader.h"
#include "binary/name_section.h"
#include "wasm/opcodes.h"

namespace wisp::binary {
namespace {

using wasm::ValType;

constexpr const char* kEofInSection = "unexpected end of section or function";

// Section ids and their required order in Wasm 2.0 (data count sits between element and code).
enum SectionId : uint8_t {
  kCustom = 0, kType = 1, kImport = 2, kFunction = 3, kTable = 4, kMemory = 5, kGlobal = 6,
  kExport = 7, kStart = 8, kElement = 9, kCode = 10, kData = 11, kDataCount = 12, kTag = 13,
};

int section_rank(uint8_t id) {
  switch (id) {
    case kType: return 1;
    case kImport: return 2;
    case kFunction: return 3;
    case kTable: return 4;
    case kMemory: return 5;
    case kTag: return 6;  // exceptions: between memory and global
    case kGlobal: return 7;
    case kExport: return 8;
    case kStart: return 9;
    case kElement: return 10;
    case kDataCount: return 11;
    case kCode: return 12;
    case kData: return 13;
    default: return 0;
  }
}

// Type section encodings of GC (rec groups, sub types, struct and array types, packed storage).
constexpr uint8_t kRecType = 0x4E, kSubFinalType = 0x4F, kSubType = 0x50, kArrayType = 0x5E, kStructType = 0x5F,
                  kPackedI8 = 0x78, kPackedI16 = 0x77;
// At most this many types in a module (the limit the major engines share), so that per-type tables of
// hostile modules stay bounded.
constexpr uint64_t kMaxTypes = 1'000'000;

class ModuleDecoder {
 public:
  explicit ModuleDecoder(wasm::Module& m)
      : m_(m), size_(m.bytes.size()), r_(m.bytes.data(), 0, m.bytes.size()), types_(TypeOptions::implemented(m.features)) {}

  Result<void> decode() {
    WISP_TRY(header());
    int last_rank = 0;
    while (!r_.at_end()) {
      r_.set_eof_message("unexpected end");
      size_t id_pos = r_.pos();
      uint8_t id = *r_.u8();
      if (id > kDataCount && !(id == kTag && has_exceptions())) return r_.error_at("malformed section id", id_pos);
      WISP_TRY(uint32_t size, r_.length(size_));
      size_t start = r_.pos();
      size_t end = start + size;
      m_.sections.push_back({id, uint32_t(id_pos), size, uint32_t(start)});
      if (id != kCustom) {
        int rank = section_rank(id);
        if (rank <= last_rank) return r_.error_at("unexpected content after last section", id_pos);
        last_rank = rank;
      }
      section_end_ = end;
      r_.set_eof_message(kEofInSection);
      WISP_TRY(section(id, size));
      if (r_.pos() != end) return r_.error_at("section size mismatch", start);
    }
    r_.set_eof_message("unexpected end");
    // Like the reference decoder, these cross-section counts are checked after the last section.
    if (m_.bodies.size() != num_declared_funcs_)
      return r_.error_at("function and code section have inconsistent lengths", size_);
    if (m_.data_count && *m_.data_count != m_.datas.size())
      return r_.error_at("data count and data section have inconsistent lengths", size_);
    finish_declared_funcs();
    return {};
  }

 private:
  Result<void> header() {
    WISP_TRY(std::span<const uint8_t> magic, r_.bytes(4));
    static constexpr uint8_t kMagic[4] = {0x00, 0x61, 0x73, 0x6D};
    if (!std::equal(magic.begin(), magic.end(), kMagic)) return r_.error_at("magic header not detected", 0);
    WISP_TRY(std::span<const uint8_t> version, r_.bytes(4));
    static constexpr uint8_t kVersion[4] = {0x01, 0x00, 0x00, 0x00};
    if (!std::equal(version.begin(), version.end(), kVersion))
      return r_.error_at("unknown binary version", 4);
    return {};
  }

  Result<void> section(uint8_t id, uint32_t size) {
    switch (id) {
      case kCustom: return custom_section(size);
      case kType: return type_section();
      case kImport: return import_section();
      case kFunction: return function_section();
      case kTable: return table_section();
      case kMemory: return memory_section();
      case kGlobal: return global_section();
      case kExport: return export_section();
      case kStart: return start_section();
      case kElement: return element_section();
      case kCode: return code_section();
      case kData: return data_section();
      case kDataCount: return data_count_section();
      case kTag: return tag_section();
      default: return r_.error("malformed section id");
    }
  }

  // A vector count; every item takes at least `min_item_size` bytes of the section, which bounds what
  // we reserve (a hostile count fails when reading, without a huge allocation first).
  // Counts are plain u32s (the spec tests expect running off the end, not "length out of bounds").
  Result<uint32_t> count() { return r_.u32(); }
  size_t reserve_bound(uint32_t n, size_t min_item_size) const {
    size_t left = section_end_ > r_.pos() ? section_end_ - r_.pos() : 0;
    return std::min<size_t>(n, left / min_item_size);
  }

  // A construct of a post-2.0 feature: if the feature is on (but not implemented yet), named as such;
  // the caller reports its Wasm 2.0 error otherwise.
  bool enabled(Feature f) const { return f != Feature::none && m_.features.has(f); }
  Error unsupported(std::string_view what, Feature f, size_t at) const {
    return Error::malformed(Features::unsupported_message(what, f), at);
  }
  // Tags come with either exception encoding.
  bool has_exceptions() const {
    return m_.features.has(Feature::exceptions) || m_.features.has(Feature::legacy_exceptions);
  }

  // --- Types -----------------------------------------------------------------------------------------

  // Types through the one type reader; a type byte of an enabled (not yet implemented) feature is
  // named as such.
  Result<ValType> val_type(bool ref = false) {
    size_t at = r_.pos();
    Result<ValType> t = r_.val_type(ref, types_);
    if (!t && at < size_) {
      Feature f = wasm::valtype_byte_feature(m_.bytes[at]);
      if (enabled(f)) return unsupported("reference type", f, at);
    }
    return t;
  }
  Result<ValType> ref_type() { return val_type(/*ref=*/true); }

  // Limits of a memory or table type. With memory64 (which includes table64) they are Wasm 3.0's: flags 4
  // and 5 make an i64 address type, and every bound is a u64 (a 32-bit type's range is the validator's).
  Result<wasm::Limits> limits() {
    size_t at = r_.pos();
    WISP_TRY(uint8_t flags, r_.u8());
    // Flags are a 1-bit LEB128 in 2.0 (shared/64-bit limits are later proposals).
    if (flags & 0x80) return r_.error_at("integer representation too long", at);
    const bool wide = enabled(Feature::memory64);
    if (flags > (wide ? 7 : 3)) return r_.error_at("integer too large", at);
    // Flag 2 is the threads proposal's "shared", which wisp does not implement: say so rather than
    // leave the user with a bare "integer too large".
    if (flags & 2) return r_.error_at("integer too large: shared limits (the threads proposal) are not supported", at);
    wasm::Limits l;
    l.is64 = (flags & 4) != 0;
    if (wide) {
      WISP_TRY(l.min, r_.uleb<64>());
    } else {
      WISP_TRY(l.min, r_.u32());
    }
    if (flags & 1) {
      uint64_t max = 0;
      if (wide) {
        WISP_TRY(max, r_.uleb<64>());
      } else {
        WISP_TRY(max, r_.u32());
      }
      l.max = max;
    }
    return l;
  }

  Result<wasm::TableType> table_type() {
    wasm::TableType t;
    WISP_TRY(t.elem, ref_type());
    WISP_TRY(t.limits, limits());
    return t;
  }

  Result<wasm::GlobalType> global_type() {
    wasm::GlobalType g;
    WISP_TRY(g.type, val_type());
    size_t at = r_.pos();
    WISP_TRY(uint8_t mut, r_.u8());
    if (mut > 1) return r_.error_at("malformed mutability", at);
    g.mut = mut == 1;
    return g;
  }

  Result<void> val_types(std::vector<ValType>& out) {
    WISP_TRY(uint32_t n, count());
    out.reserve(reserve_bound(n, 1));
    for (uint32_t i = 0; i < n; ++i) {
      WISP_TRY(ValType t, val_type());
      out.push_back(t);
    }
    return {};
  }

  // The type section: rec groups (GC) of sub types, or plain function types (each its own group).
  Result<void> type_section() {
    WISP_TRY(uint32_t n, count());
    m_.types.reserve(reserve_bound(n, 3));
    const bool gc = enabled(Feature::gc);
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t group_size = 1;
      if (gc && r_.peek() && *r_.peek() == kRecType) {
        (void)r_.u8();
        WISP_TRY(group_size, count());
      }
      uint32_t start = uint32_t(m_.types.size());
      if (uint64_t(start) + group_size > kMaxTypes) return r_.error("too many types");
      for (uint32_t k = 0; k < group_size; ++k) {
        wasm::TypeDef def;
        def.rec_start = start;
        def.rec_size = group_size;
        WISP_TRY(sub_type(def, gc));
        m_.type_defs.push_back(std::move(def));
      }
    }
    compute_type_canon();
    return {};
  }

  // subtype ::= 0x50 vec(typeidx) comptype | 0x4F vec(typeidx) comptype | comptype (final, no supertype).
  Result<void> sub_type(wasm::TypeDef& def, bool gc) {
    if (gc && r_.peek() && (*r_.peek() == kSubType || *r_.peek() == kSubFinalType)) {
      def.final = *r_.u8() == kSubFinalType;
      size_t at = r_.pos();
      WISP_TRY(uint32_t n, count());
      if (n > 1) return Error::invalid("multiple supertypes", at);
      if (n == 1) {
        WISP_TRY(def.supertype, r_.u32());
      }
    }
    size_t at = r_.pos();
    WISP_TRY(uint8_t form, r_.u8());
    wasm::FuncType ft;
    if (form == wasm::kTypeFunc) {
      WISP_TRY(val_types(ft.params));
      WISP_TRY(val_types(ft.results));
    } else if (gc && form == kStructType) {
      def.kind = wasm::TypeKind::struct_;
      WISP_TRY(uint32_t nf, count());
      def.fields.reserve(reserve_bound(nf, 2));
      for (uint32_t f = 0; f < nf; ++f) {
        WISP_TRY(wasm::FieldType field, field_type());
        def.fields.push_back(field);
      }
    } else if (gc && form == kArrayType) {
      def.kind = wasm::TypeKind::array;
      WISP_TRY(wasm::FieldType field, field_type());
      def.fields.push_back(field);
    } else {
      if (form & 0x80) return r_.error_at("integer representation too long", at);
      return r_.error_at(gc ? "malformed composite type" : "malformed function type", at);
    }
    m_.types.push_back(std::move(ft));
    return {};
  }

  // fieldtype ::= storagetype mut, storagetype ::= valtype | 0x78 (i8) | 0x77 (i16).
  Result<wasm::FieldType> field_type() {
    wasm::FieldType f;
    if (r_.peek() && (*r_.peek() == kPackedI8 || *r_.peek() == kPackedI16)) {
      f.packed = *r_.u8() == kPackedI8 ? wasm::Packed::i8 : wasm::Packed::i16;
      f.type = ValType::i32();
    } else {
      WISP_TRY(f.type, val_type());
    }
    size_t at = r_.pos();
    WISP_TRY(uint8_t mut, r_.u8());
    if (mut > 1) return r_.error_at("malformed mutability", at);
    f.mut = mut == 1;
    return f;
  }

  // Module::type_canon, per rec group: a group's key is its whole definition with each indexed heap
  // type (and supertype) replaced by a reference into the group (its position) or the canonical index
  // of a type outside it (smaller, so already known): groups with equal keys are equivalent, and so are
  // their types position by position. Invalid indices are left for the validator.
  void compute_type_canon() {
    std::map<std::vector<uint32_t>, uint32_t> seen;  // key -> first index of the first such group
    std::vector<uint32_t> key;
    m_.type_canon.resize(m_.types.size());
    for (uint32_t g = 0; g < m_.types.size();) {
      const uint32_t size = m_.type_defs[g].rec_size;
      key.assign(1, size);
      auto ref = [&](uint32_t h) {  // a type index: inside the group (tag 1) or outside (tag 0)
        if (h >= g && h - g < size) {
          key.push_back(1);
          key.push_back(h - g);
        } else {
          key.push_back(0);
          key.push_back(h < g ? m_.type_canon[h] : h);
        }
      };
      auto add = [&](ValType t) {
        key.push_back(t.bits() & 0x1FF);  // kind and nullability
        if (t.is_ref() && !wasm::is_abstract_heap(t.heap())) ref(t.heap());
        else key.push_back(t.heap());
      };
      for (uint32_t k = g; k < g + size; ++k) {
        const wasm::TypeDef& d = m_.type_defs[k];
        key.push_back(uint32_t(d.kind) | (d.final ? 0x100 : 0));
        if (d.supertype == wasm::kNoSupertype) key.push_back(2);
        else ref(d.supertype);
        const wasm::FuncType& ft = m_.types[k];
        key.push_back(uint32_t(ft.params.size()));
        for (ValType t : ft.params) add(t);
        key.push_back(uint32_t(ft.results.size()));
        for (ValType t : ft.results) add(t);
        key.push_back(uint32_t(d.fields.size()));
        for (const wasm::FieldType& f : d.fields) {
          key.push_back(uint32_t(f.packed) | (f.mut ? 0x100 : 0));
          add(f.type);
        }
      }
      uint32_t first = seen.try_emplace(key, g).first->second;
      for (uint32_t k = 0; k < size; ++k) m_.type_canon[g + k] = first + k;
      g += size;
    }
  }

  // --- Imports, functions, tables, memories, globals --------------------------------------------------

  Result<void> import_section() {
    WISP_TRY(uint32_t n, count());
    m_.imports.reserve(reserve_bound(n, 4));
    for (uint32_t i = 0; i < n; ++i) {
      wasm::Import im;
      WISP_TRY(im.module, r_.name(size_));
      WISP_TRY(im.name, r_.name(size_));
      size_t at = r_.pos();
      WISP_TRY(uint8_t kind, r_.u8());
      switch (kind) {
        case 0: {
          im.kind = wasm::ExternKind::func;
          WISP_TRY(im.func_type, r_.u32());
          m_.func_types.push_back(im.func_type);
          ++m_.num_imported_funcs;
          break;
        }
        case 1: {
          im.kind = wasm::ExternKind::table;
          WISP_TRY(im.table, table_type());
          m_.tables.push_back(im.table);
          ++m_.num_imported_tables;
          break;
        }
        case 2: {
          im.kind = wasm::ExternKind::memory;
          WISP_TRY(im.memory.limits, limits());
          m_.memories.push_back(im.memory);
          ++m_.num_imported_memories;
          break;
        }
        case 3: {
          im.kind = wasm::ExternKind::global;
          WISP_TRY(im.global, global_type());
          m_.globals.push_back(im.global);
          ++m_.num_imported_globals;
          break;
        }
        case 4: {
          if (!has_exceptions()) return r_.error_at("malformed import kind", at);
          im.kind = wasm::ExternKind::tag;
          WISP_TRY(im.tag_type, tag_type());
          m_.tags.push_back(im.tag_type);
          ++m_.num_imported_tags;
          break;
        }
        default:
          return r_.error_at("malformed import kind", at);
      }
      m_.imports.push_back(std::move(im));
    }
    return {};
  }

  Result<void> function_section() {
    WISP_TRY(uint32_t n, count());
    num_declared_funcs_ = n;
    m_.func_types.reserve(m_.func_types.size() + reserve_bound(n, 1));
    for (uint32_t i = 0; i < n; ++i) {
      WISP_TRY(uint32_t t, r_.u32());
      m_.func_types.push_back(t);
    }
    return {};
  }

  Result<void> table_section() {
    WISP_TRY(uint32_t n, count());
    m_.tables.reserve(m_.tables.size() + reserve_bound(n, 3));
    m_.table_inits.reserve(reserve_bound(n, 3));
    for (uint32_t i = 0; i < n; ++i) {
      // Typed function references: 0x40 0x00 tabletype expr is a table with an initialiser.
      wasm::ConstExpr init;
      size_t at = r_.pos();
      if (types_.typed_refs && r_.peek() && *r_.peek() == 0x40) {
        (void)r_.u8();
        WISP_TRY(uint8_t zero, r_.u8());
        if (zero != 0x00) return r_.error_at("malformed table", at);
        WISP_TRY(wasm::TableType t, table_type());
        WISP_TRY(init, const_expr());
        m_.tables.push_back(t);
      } else {
        WISP_TRY(wasm::TableType t, table_type());
        m_.tables.push_back(t);
      }
      m_.table_inits.push_back(std::move(init));
    }
    return {};
  }

  Result<void> memory_section() {
    WISP_TRY(uint32_t n, count());
    m_.memories.reserve(m_.memories.size() + reserve_bound(n, 2));
    for (uint32_t i = 0; i < n; ++i) {
      wasm::MemoryType t;
      WISP_TRY(t.limits, limits());
      m_.memories.push_back(t);
    }
    return {};
  }

  Result<void> global_section() {
    WISP_TRY(uint32_t n, count());
    m_.globals.reserve(m_.globals.size() + reserve_bound(n, 4));
    m_.global_inits.reserve(reserve_bound(n, 4));
    for (uint32_t i = 0; i < n; ++i) {
      wasm::Global g;
      WISP_TRY(g.type, global_type());
      WISP_TRY(g.init, const_expr());
      m_.globals.push_back(g.type);
      m_.global_inits.push_back(std::move(g));
    }
    return {};
  }

  // A tag type: the attribute byte 0 (exception), then a function type index (checked by the validator).
  Result<uint32_t> tag_type() {
    size_t at = r_.pos();
    WISP_TRY(uint8_t attr, r_.u8());
    if (attr != 0) return r_.error_at("malformed tag attribute", at);
    return r_.u32();
  }

  Result<void> tag_section() {
    WISP_TRY(uint32_t n, count());
    m_.tags.reserve(m_.tags.size() + reserve_bound(n, 2));
    for (uint32_t i = 0; i < n; ++i) {
      WISP_TRY(uint32_t t, tag_type());
      m_.tags.push_back(t);
    }
    return {};
  }

  // --- Exports, start ---------------------------------------------------------------------------------

  Result<void> export_section() {
    WISP_TRY(uint32_t n, count());
    m_.exports.reserve(reserve_bound(n, 3));
    for (uint32_t i = 0; i < n; ++i) {
      wasm::Export ex;
      WISP_TRY(ex.name, r_.name(size_));
      size_t at = r_.pos();
      WISP_TRY(uint8_t kind, r_.u8());
      if (kind > 3 && !(kind == 4 && has_exceptions())) return r_.error_at("malformed export kind", at);
      ex.kind = wasm::ExternKind(kind);
      WISP_TRY(ex.index, r_.u32());
      if (ex.kind == wasm::ExternKind::func) referenced_funcs_.push_back(ex.index);
      m_.exports.push_back(std::move(ex));
    }
    return {};
  }

  Result<void> start_section() {
    WISP_TRY(uint32_t f, r_.u32());
    m_.start = f;
    return {};
  }

  // --- Constant expressions -----------------------------------------------------------------------------

  // Reads one instruction sequence up to its final `end` with the shared instruction reader, keeping
  // the raw bytes. Only the shape of the instructions is checked here (opcodes and immediates);
  // validate_const_expr checks the rest and runtime::ConstEvaluator evaluates it, both through
  // validate::FuncDecoder. Reads run to the end of the input like the reference decoder, so a missing
  // `end` shows up as the illegal opcode that follows (or a section size mismatch).
  Result<wasm::ConstExpr> const_expr() {
    size_t begin = r_.pos();
    uint32_t depth = 0;
    for (;;) {
      WISP_TRY(read_instr(r_, instr_, types_));
      // SIMD: only v128.const can appear in a constant expression; anything else is reported here.
      const Instr& in = instr_;
      if (in.simd && in.simd_op != wasm::SimdOp::v128_const) return r_.error_at("illegal opcode", in.offset);
      if (in.simd) continue;
      if (in.op == wasm::Op::end) {
        if (depth == 0) break;
        --depth;
        continue;
      }
      if (in.op == wasm::Op::block || in.op == wasm::Op::loop || in.op == wasm::Op::if_) ++depth;
      if (in.op == wasm::Op::ref_func) referenced_funcs_.push_back(in.a);
    }
    wasm::ConstExpr e;
    e.code.assign(m_.bytes.begin() + begin, m_.bytes.begin() + r_.pos());
    e.offset = begin;
    return e;
  }

  // --- Element and data segments ----------------------------------------------------------------------

  Result<void> func_index_vec(std::vector<uint32_t>& out) {
    WISP_TRY(uint32_t n, count());
    out.reserve(reserve_bound(n, 1));
    for (uint32_t i = 0; i < n; ++i) {
      WISP_TRY(uint32_t f, r_.u32());
      out.push_back(f);
      referenced_funcs_.push_back(f);
    }
    return {};
  }

  Result<void> element_section() {
    WISP_TRY(uint32_t n, count());
    m_.elems.reserve(reserve_bound(n, 3));
    for (uint32_t i = 0; i < n; ++i) {
      size_t at = r_.pos();
      WISP_TRY(uint32_t flags, r_.u32());
      if (flags > 7) return r_.error_at("malformed elements segment kind", at);
      wasm::ElemSegment seg;
      bool passive_or_declarative = flags & 1;
      bool explicit_table = flags & 2;
      seg.uses_exprs = flags & 4;
      if (passive_or_declarative) {
        seg.mode = explicit_table ? wasm::SegmentMode::declarative : wasm::SegmentMode::passive;
      } else {
        seg.mode = wasm::SegmentMode::active;
        if (explicit_table) {
          WISP_TRY(seg.table, r_.u32());
        }
        WISP_TRY(seg.offset, const_expr());
      }
      // Encodings 0 and 4 imply funcref; the others spell out an element kind or a reference type.
      if (flags & 3) {
        if (seg.uses_exprs) {
          WISP_TRY(seg.type, ref_type());
        } else {
          size_t kat = r_.pos();
          WISP_TRY(uint8_t kind, r_.u8());
          if (kind != 0x00) return r_.error_at("malformed element kind", kat);
          seg.type = ValType::funcref();
        }
      }
      if (seg.uses_exprs) {
        WISP_TRY(uint32_t k, count());
        seg.exprs.reserve(reserve_bound(k, 2));
        for (uint32_t j = 0; j < k; ++j) {
          WISP_TRY(wasm::ConstExpr e, const_expr());
          seg.exprs.push_back(std::move(e));
        }
      } else {
        WISP_TRY(func_index_vec(seg.func_indices));
        // With typed references a function index segment has type (ref func): its elements are never null.
        if (types_.typed_refs) seg.type = ValType::ref(uint32_t(wasm::HeapKind::func), false);
      }
      m_.elems.push_back(std::move(seg));
    }
    return {};
  }

  Result<void> data_count_section() {
    WISP_TRY(uint32_t n, r_.u32());
    m_.data_count = n;
    return {};
  }

  Result<void> data_section() {
    WISP_TRY(uint32_t n, count());
    m_.datas.reserve(reserve_bound(n, 2));
    for (uint32_t i = 0; i < n; ++i) {
      size_t fat = r_.pos();
      WISP_TRY(uint32_t flags, r_.u32());
      wasm::DataSegment seg;
      switch (flags) {
        case 0: {
          WISP_TRY(seg.offset, const_expr());
          break;
        }
        case 1:
          seg.mode = wasm::SegmentMode::passive;
          break;
        case 2: {
          WISP_TRY(seg.memory, r_.u32());
          WISP_TRY(seg.offset, const_expr());
          break;
        }
        default:
          return r_.error_at("malformed data segment kind", fat);
      }
      // A too-long byte string runs off the end (the spec tests expect "unexpected end" here).
      WISP_TRY(uint32_t len, r_.u32());
      WISP_TRY(auto bytes, r_.bytes(len));
      seg.bytes.assign(bytes.begin(), bytes.end());
      m_.datas.push_back(std::move(seg));
    }
    return {};
  }

  // --- Code -------------------------------------------------------------------------------------------

  Result<void> code_section() {
    WISP_TRY(uint32_t n, count());
    m_.bodies.reserve(reserve_bound(n, 2));
    for (uint32_t i = 0; i < n; ++i) {
      wasm::FuncBody& body = m_.bodies.emplace_back();
      // A surplus body is reported after the last section (count mismatch); give it type 0 meanwhile.
      size_t fi = m_.num_imported_funcs + i;
      body.type_index = fi < m_.func_types.size() ? m_.func_types[fi] : 0;
      body.entry_offset = uint32_t(r_.pos());
      WISP_TRY(uint32_t size, r_.length(size_));
      size_t end = r_.pos() + size;
      WISP_TRY(local_decls(body, end));
      body.body_offset = uint32_t(r_.pos());
      body.body_end = uint32_t(end);
      // The instructions (including the final `end` landing exactly on body_end) are checked by the
      // function validator, which reports decode errors in bodies as Malformed.
      r_.seek(end);
    }
    return {};
  }

  Result<void> local_decls(wasm::FuncBody& body, size_t end) {
    // Local declarations are read within the body's extent.
    ByteReader br(m_.bytes.data(), r_.pos(), end);
    br.set_eof_message(kEofInSection);
    size_t at = br.pos();
    WISP_TRY(uint32_t n, br.length(end));
    body.locals.reserve(std::min<size_t>(n, br.remaining() / 2));  // each declaration takes >= 2 bytes
    uint64_t total = 0;
    for (uint32_t i = 0; i < n; ++i) {
      WISP_TRY(uint32_t c, br.u32());
      WISP_TRY(ValType t, br.val_type(false, types_));
      total += c;
      if (total >= (uint64_t(1) << 32)) return br.error_at("too many locals", at);
      body.locals.push_back({c, t});
    }
    body.num_locals = uint32_t(total);
    r_.seek(br.pos());
    return {};
  }

  // --- Custom sections --------------------------------------------------------------------------------

  Result<void> custom_section(uint32_t size) {
    size_t start = r_.pos();
    size_t end = start + size;
    WISP_TRY(std::string name, r_.name(size_));
    if (r_.pos() > end) return r_.error_at(kEofInSection, end);
    wasm::CustomSection cs;
    cs.name = std::move(name);
    cs.offset = uint32_t(r_.pos());
    cs.size = uint32_t(end - r_.pos());
    if (cs.name == "name") {
      wasm::NameSection names;
      if (decode_name_section(m_.bytes.data(), cs.offset, end, names)) m_.names = std::move(names);
    }
    m_.customs.push_back(std::move(cs));
    r_.seek(end);
    return {};
  }

  // --- declared_funcs (C.refs) ------------------------------------------------------------------------

  void finish_declared_funcs() {
    m_.declared_funcs.assign(m_.func_types.size(), false);
    for (uint32_t f : referenced_funcs_)
      if (f < m_.declared_funcs.size()) m_.declared_funcs[f] = true;
  }

  wasm::Module& m_;
  size_t size_;
  ByteReader r_;
  size_t section_end_ = 0;
  uint32_t num_declared_funcs_ = 0;
  std::vector<uint32_t> referenced_funcs_;
  Instr instr_;  // reused by const_expr()
  TypeOptions types_;  // the type encodings of the module's features
};

}  // namespace

Result<std::shared_ptr<wasm::Module>> decode_module(std::vector<uint8_t> bytes, Features features) {
  auto module = std::make_shared<wasm::Module>();
  module->bytes = std::move(bytes);
  module->features = features;
  ModuleDecoder decoder(*module);
  WISP_TRY(decoder.decode());
  return module;
}

}  // namespace wisp::binary
