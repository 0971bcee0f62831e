#include "tools/dump.h"

#include <cinttypes>
#include <cstdio>

#include "interp/ir_builder.h"
#include "interp/ir_printer.h"
#include "tools/json.h"
#include "tools/wat_printer.h"
#include "validate/module_validator.h"

namespace wisp::tools {

const char* section_name(uint8_t id) {
  static constexpr const char* kNames[] = {"custom", "type",   "import", "function", "table",
                                           "memory", "global", "export", "start",    "element",
                                           "code",   "data",   "datacount", "tag"};
  return id < std::size(kNames) ? kNames[id] : "unknown";
}

uint64_t section_item_count(const wasm::Module& m, uint8_t id) {
  switch (id) {
    case 1: return m.types.size();
    case 2: return m.imports.size();
    case 3: case 10: return m.bodies.size();
    case 4: return m.tables.size() - m.num_imported_tables;
    case 5: return m.memories.size() - m.num_imported_memories;
    case 6: return m.global_inits.size();
    case 7: return m.exports.size();
    case 8: return m.start ? 1 : 0;
    case 9: return m.elems.size();
    case 11: return m.datas.size();
    case 12: return m.data_count.value_or(0);
    case 13: return m.tags.size() - m.num_imported_tags;
    default: return 0;
  }
}

std::string display_func_name(const wasm::Module& m, uint32_t func_index) {
  std::string n = m.func_name(func_index);
  if (!n.empty()) return n;
  for (const wasm::Export& e : m.exports)
    if (e.kind == wasm::ExternKind::func && e.index == func_index) return e.name;
  return "";
}

std::optional<uint32_t> find_function(const wasm::Module& m, std::string_view func) {
  if (!func.empty() && func.find_first_not_of("0123456789") == std::string_view::npos && func.size() < 10) {
    uint32_t i = uint32_t(std::stoul(std::string(func)));
    if (i < m.func_types.size()) return i;
    return std::nullopt;
  }
  for (const auto& [i, n] : m.names.functions)
    if (n == func) return i;
  for (const wasm::Export& e : m.exports)
    if (e.kind == wasm::ExternKind::func && e.name == func) return e.index;
  return std::nullopt;
}

Result<std::string> function_ir_text(const wasm::Module& m, std::string_view func) {
  auto idx = find_function(m, func);
  if (!idx) return Error::usage("no function '" + std::string(func) + "' (give an index, a name or an export name)");
  if (m.is_imported_func(*idx)) return Error::usage("function " + std::to_string(*idx) + " is imported: it has no IR");
  // Module-level checks first: the IR builder assumes a valid module.
  WISP_TRY(validate::validate_module(m));
  runtime::EngineConfig config;
  WISP_TRY(auto code, interp::translate_function(m, *idx, config));
  std::string name = display_func_name(m, *idx);
  std::string out = "func " + std::to_string(*idx) + (name.empty() ? "" : " <" + name + ">") + ": ";
  return out + interp::print_ir(*code);
}

namespace {

// The initialiser expression of defined table `i`, if it was written with one.
const wasm::ConstExpr* table_init(const wasm::Module& m, size_t i) {
  size_t d = i - m.num_imported_tables;
  return d < m.table_inits.size() && !m.table_inits[d].code.empty() ? &m.table_inits[d] : nullptr;
}

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%08" PRIx64, v);
  return buf;
}

std::string limits_text(const wasm::Limits& l) {
  std::string s = std::string(l.is64 ? "i64 " : "") + "initial=" + std::to_string(l.min);  // memory64/table64
  if (l.max) s += " max=" + std::to_string(*l.max);
  return s;
}

std::string func_label(const wasm::Module& m, uint32_t i) {
  std::string n = display_func_name(m, i);
  return "func[" + std::to_string(i) + "]" + (n.empty() ? "" : " <" + n + ">");
}

std::string segment_mode(wasm::SegmentMode mode) {
  switch (mode) {
    case wasm::SegmentMode::active: return "active";
    case wasm::SegmentMode::passive: return "passive";
    case wasm::SegmentMode::declarative: return "declarative";
  }
  return "?";
}

// Up to `max` bytes as a printable preview: "hello\0a..." style.
std::string preview(const std::vector<uint8_t>& bytes, size_t max) {
  std::string s;
  for (size_t i = 0; i < bytes.size() && i < max; ++i) {
    uint8_t c = bytes[i];
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
      s += char(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%02x", c);
      s += buf;
    }
  }
  if (bytes.size() > max) s += "...";
  return s;
}

uint32_t func_body_size(const wasm::FuncBody& b) { return b.body_end - b.entry_offset; }

const std::string& custom_name_at(const wasm::Module& m, size_t custom_index) {
  static const std::string kEmpty;
  return custom_index < m.customs.size() ? m.customs[custom_index].name : kEmpty;
}

}  // namespace

std::string inspect_text(const wasm::Module& m) {
  std::string o;
  auto line = [&](const std::string& s) { o += s + "\n"; };
  line("header: magic \\0asm, version 1, " + std::to_string(m.bytes.size()) + " bytes");
  line("");
  line("Sections:");
  char buf[160];
  std::snprintf(buf, sizeof buf, "  %-10s %10s %10s  %s", "section", "offset", "size", "items / custom name");
  line(buf);
  size_t ci = 0;
  for (const wasm::SectionInfo& s : m.sections) {
    std::string extra = s.id == 0 ? "\"" + custom_name_at(m, ci++) + "\"" : std::to_string(section_item_count(m, s.id));
    std::snprintf(buf, sizeof buf, "  %-10s %10s %10u  ", section_name(s.id), hex(s.offset).c_str(), s.size);
    line(buf + extra);
  }

  line("");
  line("Types[" + std::to_string(m.types.size()) + "]:");
  for (uint32_t i = 0; i < m.types.size(); ++i) {
    // GC: struct/array types and sub types in their text form, with the rec group they belong to.
    const wasm::TypeDef& d = m.type_def(i);
    bool plain = d.kind == wasm::TypeKind::func && d.final && d.supertype == wasm::kNoSupertype;
    std::string text = plain ? m.types[i].to_string() : type_def_text(m, i);
    if (d.rec_size != 1)
      text += " rec=" + std::to_string(d.rec_start) + ".." + std::to_string(uint64_t(d.rec_start) + d.rec_size - 1);
    line("  - type[" + std::to_string(i) + "] " + text);
  }

  line("Imports[" + std::to_string(m.imports.size()) + "]:");
  uint32_t fi = 0, ti = 0, mi = 0, gi = 0, tgi = 0;
  for (const wasm::Import& im : m.imports) {
    std::string from = " <- " + im.module + "." + im.name;
    switch (im.kind) {
      case wasm::ExternKind::func: {
        std::string sig = im.func_type < m.types.size() ? m.types[im.func_type].to_string() : "?";
        line("  - " + func_label(m, fi++) + " sig=" + std::to_string(im.func_type) + from + " " + sig);
        break;
      }
      case wasm::ExternKind::table:
        line("  - table[" + std::to_string(ti++) + "] " + im.table.elem.name() + " " + limits_text(im.table.limits) + from);
        break;
      case wasm::ExternKind::memory:
        line("  - memory[" + std::to_string(mi++) + "] pages " + limits_text(im.memory.limits) + from);
        break;
      case wasm::ExternKind::global:
        line("  - global[" + std::to_string(gi++) + "] " + (im.global.mut ? "mut " : "const ") +
             im.global.type.name() + from);
        break;
      case wasm::ExternKind::tag:
        line("  - tag[" + std::to_string(tgi++) + "] sig=" + std::to_string(im.tag_type) + from);
        break;
    }
  }

  line("Functions[" + std::to_string(m.bodies.size()) + "]:");
  for (size_t i = 0; i < m.bodies.size(); ++i) {
    uint32_t idx = uint32_t(i) + m.num_imported_funcs;
    const wasm::FuncBody& b = m.bodies[i];
    line("  - " + func_label(m, idx) + " sig=" + std::to_string(b.type_index) + " size=" +
         std::to_string(func_body_size(b)) + " locals=" + std::to_string(b.num_locals));
  }

  if (!m.tags.empty()) {
    line("Tags[" + std::to_string(m.tags.size() - m.num_imported_tags) + "]:");
    for (size_t i = m.num_imported_tags; i < m.tags.size(); ++i)
      line("  - tag[" + std::to_string(i) + "] sig=" + std::to_string(m.tags[i]));
  }
  line("Tables[" + std::to_string(m.tables.size() - m.num_imported_tables) + "]:");
  for (size_t i = m.num_imported_tables; i < m.tables.size(); ++i) {
    // A table with an initialiser expression (typed function references) shows it like a global's.
    const wasm::ConstExpr* init = table_init(m, i);
    line("  - table[" + std::to_string(i) + "] " + m.tables[i].elem.name() + " " + limits_text(m.tables[i].limits) +
         (init ? " = " + const_expr_text(m, *init) : std::string()));
  }

  line("Memories[" + std::to_string(m.memories.size() - m.num_imported_memories) + "]:");
  for (size_t i = m.num_imported_memories; i < m.memories.size(); ++i)
    line("  - memory[" + std::to_string(i) + "] pages " + limits_text(m.memories[i].limits));

  line("Globals[" + std::to_string(m.global_inits.size()) + "]:");
  for (size_t i = 0; i < m.global_inits.size(); ++i) {
    const wasm::Global& g = m.global_inits[i];
    line("  - global[" + std::to_string(i + m.num_imported_globals) + "] " + (g.type.mut ? "mut " : "const ") +
         g.type.type.name() + " = " + const_expr_text(m, g.init));
  }

  line("Exports[" + std::to_string(m.exports.size()) + "]:");
  for (const wasm::Export& e : m.exports) {
    std::string target = e.kind == wasm::ExternKind::func
                             ? func_label(m, e.index)
                             : std::string(wasm::extern_kind_name(e.kind)) + "[" + std::to_string(e.index) + "]";
    line("  - " + target + " -> \"" + e.name + "\"");
  }

  if (m.start) line("Start: " + func_label(m, *m.start));

  line("Elements[" + std::to_string(m.elems.size()) + "]:");
  for (size_t i = 0; i < m.elems.size(); ++i) {
    const wasm::ElemSegment& e = m.elems[i];
    std::string s = "  - elem[" + std::to_string(i) + "] " + segment_mode(e.mode);
    if (e.mode == wasm::SegmentMode::active)
      s += " table=" + std::to_string(e.table) + " offset=" + const_expr_text(m, e.offset);
    s += " " + e.type.name() + " count=" + std::to_string(e.size());
    line(s);
    for (size_t k = 0; k < e.size(); ++k) {
      line("    [" + std::to_string(k) + "] " +
           (e.uses_exprs ? const_expr_text(m, e.exprs[k]) : func_label(m, e.func_indices[k])));
    }
  }

  line("Data[" + std::to_string(m.datas.size()) + "]:");
  for (size_t i = 0; i < m.datas.size(); ++i) {
    const wasm::DataSegment& d = m.datas[i];
    std::string s = "  - data[" + std::to_string(i) + "] " + segment_mode(d.mode);
    if (d.mode == wasm::SegmentMode::active)
      s += " memory=" + std::to_string(d.memory) + " offset=" + const_expr_text(m, d.offset);
    s += " size=" + std::to_string(d.bytes.size()) + " \"" + preview(d.bytes, 32) + "\"";
    line(s);
  }

  line("Custom sections[" + std::to_string(m.customs.size()) + "]:");
  for (const wasm::CustomSection& c : m.customs)
    line("  - \"" + c.name + "\" offset=" + hex(c.offset) + " size=" + std::to_string(c.size));

  size_t local_funcs = m.names.locals.size();
  line("Names: module " + (m.names.module_name.empty() ? std::string("-") : "\"" + m.names.module_name + "\"") +
       ", " + std::to_string(m.names.functions.size()) + " function names, " + std::to_string(local_funcs) +
       " functions with local names");
  return o;
}

std::string inspect_json(const wasm::Module& m) {
  JsonWriter j;
  j.begin_object();
  j.field("size", uint64_t(m.bytes.size())).field("version", 1);

  j.key("sections").begin_array();
  size_t ci = 0;
  for (const wasm::SectionInfo& s : m.sections) {
    j.begin_object().field("id", int(s.id)).field("name", section_name(s.id));
    j.field("offset", s.offset).field("size", s.size);
    if (s.id == 0) j.field("custom_name", custom_name_at(m, ci++));
    else j.field("items", section_item_count(m, s.id));
    j.end_object();
  }
  j.end_array();

  j.key("types").begin_array();
  for (uint32_t i = 0; i < m.types.size(); ++i) {
    const wasm::FuncType& t = m.types[i];
    const wasm::TypeDef& d = m.type_def(i);
    j.begin_object();
    if (d.kind == wasm::TypeKind::func) {
      j.key("params").begin_array();
      for (wasm::ValType v : t.params) j.value(v.name());
      j.end_array().key("results").begin_array();
      for (wasm::ValType v : t.results) j.value(v.name());
      j.end_array();
    } else {
      j.field("kind", d.kind == wasm::TypeKind::struct_ ? "struct" : "array").field("definition", type_def_text(m, i));
    }
    // GC: sub types and rec groups, where they say more than a plain final type alone in its group.
    if (!d.final) j.field("final", false);
    if (d.supertype != wasm::kNoSupertype) j.field("supertype", d.supertype);
    if (d.rec_size != 1) j.field("rec_start", d.rec_start).field("rec_size", d.rec_size);
    j.end_object();
  }
  j.end_array();

  j.key("imports").begin_array();
  uint32_t fi = 0, ti = 0, mi = 0, gi = 0, tgi = 0;
  for (const wasm::Import& im : m.imports) {
    j.begin_object().field("module", im.module).field("name", im.name).field("kind", wasm::extern_kind_name(im.kind));
    switch (im.kind) {
      case wasm::ExternKind::func:
        j.field("index", fi++).field("type", im.func_type);
        j.field("signature", im.func_type < m.types.size() ? m.types[im.func_type].to_string() : "?");
        break;
      case wasm::ExternKind::table:
        j.field("index", ti++).field("elem", im.table.elem.name()).field("min", im.table.limits.min);
        if (im.table.limits.max) j.field("max", *im.table.limits.max);
        if (im.table.limits.is64) j.field("address", "i64");
        break;
      case wasm::ExternKind::memory:
        j.field("index", mi++).field("min", im.memory.limits.min);
        if (im.memory.limits.max) j.field("max", *im.memory.limits.max);
        if (im.memory.limits.is64) j.field("address", "i64");
        break;
      case wasm::ExternKind::global:
        j.field("index", gi++).field("type", im.global.type.name()).field("mutable", im.global.mut);
        break;
      case wasm::ExternKind::tag:
        j.field("index", tgi++).field("type", im.tag_type);
        break;
    }
    j.end_object();
  }
  j.end_array();

  j.key("functions").begin_array();
  for (size_t i = 0; i < m.bodies.size(); ++i) {
    uint32_t idx = uint32_t(i) + m.num_imported_funcs;
    const wasm::FuncBody& b = m.bodies[i];
    j.begin_object().field("index", idx).field("type", b.type_index).field("name", display_func_name(m, idx));
    j.field("offset", b.entry_offset).field("size", func_body_size(b)).field("locals", b.num_locals).end_object();
  }
  j.end_array();

  j.key("tables").begin_array();
  for (size_t i = m.num_imported_tables; i < m.tables.size(); ++i) {
    j.begin_object().field("index", uint64_t(i)).field("elem", m.tables[i].elem.name()).field("min", m.tables[i].limits.min);
    if (m.tables[i].limits.max) j.field("max", *m.tables[i].limits.max);
    if (m.tables[i].limits.is64) j.field("address", "i64");
    if (const wasm::ConstExpr* init = table_init(m, i)) j.field("init", const_expr_text(m, *init));
    j.end_object();
  }
  j.end_array();

  j.key("memories").begin_array();
  for (size_t i = m.num_imported_memories; i < m.memories.size(); ++i) {
    j.begin_object().field("index", uint64_t(i)).field("min", m.memories[i].limits.min);
    if (m.memories[i].limits.max) j.field("max", *m.memories[i].limits.max);
    if (m.memories[i].limits.is64) j.field("address", "i64");
    j.end_object();
  }
  j.end_array();

  j.key("globals").begin_array();
  for (size_t i = 0; i < m.global_inits.size(); ++i) {
    const wasm::Global& g = m.global_inits[i];
    j.begin_object().field("index", uint64_t(i + m.num_imported_globals)).field("type", g.type.type.name());
    j.field("mutable", g.type.mut).field("init", const_expr_text(m, g.init)).end_object();
  }
  j.end_array();

  j.key("exports").begin_array();
  for (const wasm::Export& e : m.exports)
    j.begin_object().field("name", e.name).field("kind", wasm::extern_kind_name(e.kind)).field("index", e.index).end_object();
  j.end_array();

  j.key("start");
  if (m.start) j.value(*m.start);
  else j.null();

  j.key("elements").begin_array();
  for (const wasm::ElemSegment& e : m.elems) {
    j.begin_object().field("mode", segment_mode(e.mode)).field("type", e.type.name());
    if (e.mode == wasm::SegmentMode::active) j.field("table", e.table).field("offset", const_expr_text(m, e.offset));
    j.key("items").begin_array();
    for (size_t k = 0; k < e.size(); ++k) {
      if (e.uses_exprs) j.value(const_expr_text(m, e.exprs[k]));
      else j.value(e.func_indices[k]);
    }
    j.end_array().end_object();
  }
  j.end_array();

  j.key("data").begin_array();
  for (const wasm::DataSegment& d : m.datas) {
    j.begin_object().field("mode", segment_mode(d.mode));
    if (d.mode == wasm::SegmentMode::active) j.field("memory", d.memory).field("offset", const_expr_text(m, d.offset));
    j.field("size", uint64_t(d.bytes.size())).end_object();
  }
  j.end_array();

  j.key("custom_sections").begin_array();
  for (const wasm::CustomSection& c : m.customs)
    j.begin_object().field("name", c.name).field("offset", c.offset).field("size", c.size).end_object();
  j.end_array();

  j.key("names").begin_object().field("module", m.names.module_name);
  j.field("functions", uint64_t(m.names.functions.size())).field("functions_with_locals", uint64_t(m.names.locals.size()));
  j.end_object();

  j.end_object();
  return j.str() + "\n";
}

}  // namespace wisp::tools
