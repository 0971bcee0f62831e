// Semantic comparison of two decoded modules for the print round-trip tests: everything the text format
// can express, with function bodies and constant expressions compared instruction by instruction
// (immediates by value, so LEB128 padding and block-type spellings do not matter). Names and custom
// sections are not compared (the re-encoded text carries no custom sections).
#pragma once
#include <string>
#include <vector>

#include "tools/instr_reader.h"
#include "wasm/module.h"

namespace wisp::tools::testing {

// A canonical text of one instruction: op, immediates; block types reduced to their shortest form.
inline std::string canon(const wasm::Module& m, const Instr& in) {
  if (in.simd) {
    std::string s(wasm::simd_op_info(in.simd_op).name);
    s += " " + std::to_string(in.a) + " " + std::to_string(in.bits) + " " + std::to_string(in.lane);
    for (uint8_t b : in.v128) s += " " + std::to_string(b);
    return s;
  }
  std::string s(wasm::op_info(in.op).name);
  if (wasm::op_info(in.op).imm == wasm::ImmKind::block) {
    Instr::Block kind = in.block;
    wasm::ValType single = in.type;
    if (kind == Instr::Block::index && in.a < m.types.size() && m.types[in.a].params.empty() &&
        m.types[in.a].results.size() <= 1) {
      kind = m.types[in.a].results.empty() ? Instr::Block::empty : Instr::Block::single;
      if (kind == Instr::Block::single) single = m.types[in.a].results[0];
    }
    if (kind == Instr::Block::single) s += " r:" + single.name();
    if (kind == Instr::Block::index) s += " t:" + std::to_string(in.a);
    return s;
  }
  s += " " + std::to_string(in.a) + " " + std::to_string(in.b) + " " + std::to_string(in.bits);
  for (uint32_t t : in.targets) s += " " + std::to_string(t);
  for (wasm::ValType t : in.select_types) s += " " + t.name();
  if (wasm::op_info(in.op).imm == wasm::ImmKind::heap_type) s += " " + in.type.name();
  if (wasm::op_info(in.op).imm == wasm::ImmKind::ref_test || wasm::op_info(in.op).imm == wasm::ImmKind::br_on_cast)
    s += " " + in.type.name() + " " + in.type2.name();  // GC casts
  return s;
}

inline std::vector<std::string> canon_code(const wasm::Module& m, size_t begin, size_t end, const uint8_t* base) {
  std::vector<std::string> out;
  auto ins = read_instrs(base, begin, end, binary::TypeOptions::from(m.features));
  if (!ins.ok()) return {"<decode error: " + ins.error().to_string() + ">"};
  for (const Instr& in : *ins) out.push_back(canon(m, in));
  return out;
}

inline std::vector<std::string> canon_expr(const wasm::Module& m, const wasm::ConstExpr& e) {
  return canon_code(m, 0, e.code.size(), e.code.data());
}

// "" when equivalent, else the first difference found.
inline std::string compare_modules(const wasm::Module& a, const wasm::Module& b) {
  if (a.types != b.types) return "types differ";
  // GC: kinds, fields, supertypes, finality and rec groups (a missing entry is a plain function type).
  for (uint32_t i = 0; i < a.types.size(); ++i)
    if (!(a.type_def(i) == b.type_def(i))) return "type definition " + std::to_string(i) + " differs";
  if (a.imports.size() != b.imports.size()) return "import count differs";
  for (size_t i = 0; i < a.imports.size(); ++i) {
    const wasm::Import &x = a.imports[i], &y = b.imports[i];
    if (x.module != y.module || x.name != y.name || x.kind != y.kind) return "import " + std::to_string(i) + " differs";
    bool same = true;
    switch (x.kind) {
      case wasm::ExternKind::func: same = x.func_type == y.func_type; break;
      case wasm::ExternKind::table: same = x.table == y.table; break;
      case wasm::ExternKind::memory: same = x.memory == y.memory; break;
      case wasm::ExternKind::global: same = x.global == y.global; break;
      case wasm::ExternKind::tag: same = x.tag_type == y.tag_type; break;
    }
    if (!same) return "import " + std::to_string(i) + " type differs";
  }
  if (a.func_types != b.func_types) return "function types differ";
  if (a.tables != b.tables) return "tables differ";
  if (a.memories != b.memories) return "memories differ";
  if (a.globals != b.globals) return "globals differ";
  if (a.tags != b.tags) return "tags differ";
  for (size_t i = 0; i < a.global_inits.size(); ++i)
    if (canon_expr(a, a.global_inits[i].init) != canon_expr(b, b.global_inits[i].init))
      return "global init " + std::to_string(i) + " differs";
  if (a.bodies.size() != b.bodies.size()) return "function count differs";
  for (size_t i = 0; i < a.bodies.size(); ++i) {
    const wasm::FuncBody &x = a.bodies[i], &y = b.bodies[i];
    std::vector<wasm::ValType> lx, ly;
    for (const auto& d : x.locals) lx.insert(lx.end(), d.count, d.type);
    for (const auto& d : y.locals) ly.insert(ly.end(), d.count, d.type);
    if (x.type_index != y.type_index || lx != ly) return "function " + std::to_string(i) + " locals/type differ";
    auto cx = canon_code(a, x.body_offset, x.body_end, a.bytes.data());
    auto cy = canon_code(b, y.body_offset, y.body_end, b.bytes.data());
    if (cx != cy) {
      for (size_t k = 0; k < cx.size() || k < cy.size(); ++k) {
        std::string ix = k < cx.size() ? cx[k] : "<none>", iy = k < cy.size() ? cy[k] : "<none>";
        if (ix != iy)
          return "defined function " + std::to_string(i) + " instruction " + std::to_string(k) + ": " + ix + " vs " + iy;
      }
    }
  }
  if (a.exports.size() != b.exports.size()) return "export count differs";
  for (size_t i = 0; i < a.exports.size(); ++i)
    if (a.exports[i].name != b.exports[i].name || a.exports[i].kind != b.exports[i].kind ||
        a.exports[i].index != b.exports[i].index)
      return "export " + std::to_string(i) + " differs";
  if (a.start != b.start) return "start differs";
  if (a.elems.size() != b.elems.size()) return "element segment count differs";
  for (size_t i = 0; i < a.elems.size(); ++i) {
    const wasm::ElemSegment &x = a.elems[i], &y = b.elems[i];
    std::string n = "element segment " + std::to_string(i);
    if (x.mode != y.mode || x.type != y.type || x.uses_exprs != y.uses_exprs) return n + " kind differs";
    if (x.mode == wasm::SegmentMode::active &&
        (x.table != y.table || canon_expr(a, x.offset) != canon_expr(b, y.offset)))
      return n + " placement differs";
    if (x.func_indices != y.func_indices || x.exprs.size() != y.exprs.size()) return n + " items differ";
    for (size_t k = 0; k < x.exprs.size(); ++k)
      if (canon_expr(a, x.exprs[k]) != canon_expr(b, y.exprs[k])) return n + " item " + std::to_string(k) + " differs";
  }
  if (a.datas.size() != b.datas.size()) return "data segment count differs";
  for (size_t i = 0; i < a.datas.size(); ++i) {
    const wasm::DataSegment &x = a.datas[i], &y = b.datas[i];
    std::string n = "data segment " + std::to_string(i);
    if (x.mode != y.mode || x.bytes != y.bytes) return n + " differs";
    if (x.mode == wasm::SegmentMode::active &&
        (x.memory != y.memory || canon_expr(a, x.offset) != canon_expr(b, y.offset)))
      return n + " placement differs";
  }
  return "";
}

}  // namespace wisp::tools::testing
