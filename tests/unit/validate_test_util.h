// Helpers for the validator unit tests: a wasm::Module built by hand (no binary decoder needed).
#pragma once
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "wasm/module.h"

namespace wisp::validate::testing {

using wasm::ValType;
inline const ValType I32 = ValType::i32();
inline const ValType I64 = ValType::i64();
inline const ValType F32 = ValType::f32();
inline const ValType F64 = ValType::f64();
inline const ValType FuncRef = ValType::funcref();
inline const ValType ExternRef = ValType::externref();

struct TestModule {
  wasm::Module m;

  uint32_t type(std::vector<ValType> params, std::vector<ValType> results) {
    m.types.push_back(wasm::FuncType{std::move(params), std::move(results)});
    return uint32_t(m.types.size() - 1);
  }
  uint32_t import_func(uint32_t type_index) {
    m.func_types.insert(m.func_types.begin() + m.num_imported_funcs, type_index);
    return m.num_imported_funcs++;
  }
  // Adds a defined function whose body (instructions, including the final end) is `code`.
  uint32_t func(uint32_t type_index, std::vector<uint8_t> code, std::vector<wasm::LocalDecl> locals = {}) {
    m.bytes.push_back(0xAA);  // separator so body offsets are not zero
    wasm::FuncBody b;
    b.type_index = type_index;
    b.locals = locals;
    for (auto& d : locals) b.num_locals += d.count;
    b.body_offset = uint32_t(m.bytes.size());
    m.bytes.insert(m.bytes.end(), code.begin(), code.end());
    b.body_end = uint32_t(m.bytes.size());
    m.bodies.push_back(std::move(b));
    m.func_types.push_back(type_index);
    m.declared_funcs.resize(m.func_types.size());
    return uint32_t(m.func_types.size() - 1);
  }
  void memory() { m.memories.push_back(wasm::MemoryType{}); }
  void table(ValType elem = FuncRef) {
    wasm::TableType t;
    t.elem = elem;
    m.tables.push_back(t);
  }
  void global(ValType t, bool mut) { m.globals.push_back(wasm::GlobalType{t, mut}); }
  void elem(ValType t) {
    wasm::ElemSegment e;
    e.mode = wasm::SegmentMode::passive;
    e.type = t;
    m.elems.push_back(e);
  }
};

}  // namespace wisp::validate::testing
