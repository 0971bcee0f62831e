// Shared helpers of the fuzz targets: instantiate an arbitrary module with stand-in imports and run
// every exported function with zero arguments under fuel, memory, table and stack limits.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "wisp/wisp.h"

namespace wisp::fuzz {

// Limits small enough that one input runs in milliseconds and a few MiB.
inline StoreLimits fuzz_limits() {
  StoreLimits l;
  l.max_memory_pages = 160;  // 10 MiB per memory
  l.max_table_elements = 10'000;
  l.max_value_stack_bytes = 1u << 20;
  l.max_call_depth = 2'000;
  l.max_instances = 4;
  return l;
}

constexpr uint64_t kFuzzFuel = 200'000;

// Stand-ins for every import: host functions returning zeros, fresh tables/memories/globals of the
// declared type. nullopt when one cannot be created (e.g. a memory above the store limit).
inline std::optional<std::vector<Extern>> stand_in_imports(Store& store, const Module& module) {
  std::vector<Extern> out;
  for (const ImportType& imp : module.imports()) {
    const ExternType& t = imp.type;
    switch (t.kind) {
      case ExternKind::func: {
        FuncType ft = t.func;
        out.push_back(Func::create(store, ft, [ft](Caller&, std::span<const Val>, std::span<Val> results) -> Result<void> {
          for (size_t i = 0; i < results.size(); ++i) results[i] = Val::zero(ft.results()[i]);
          return {};
        }));
        break;
      }
      case ExternKind::table: {
        auto tb = Table::create(store, t.table, Val::null(t.table.elem.kind()));
        if (!tb) return std::nullopt;
        out.push_back(*tb);
        break;
      }
      case ExternKind::memory: {
        auto m = Memory::create(store, t.memory);
        if (!m) return std::nullopt;
        out.push_back(*m);
        break;
      }
      case ExternKind::global: {
        auto g = Global::create(store, t.global, Val::zero(t.global.content));
        if (!g) return std::nullopt;
        out.push_back(*g);
        break;
      }
      case ExternKind::tag: {
        auto tg = Tag::create(store, t.tag);
        if (!tg) return std::nullopt;
        out.push_back(*tg);
        break;
      }
    }
  }
  return out;
}

// The observable outcome of running one export.
struct CallOutcome {
  std::string name;
  bool ok = false;
  ErrorKind kind = ErrorKind::Usage;
  std::string message;
  std::vector<Val> results;
};

struct RunOutcome {
  bool compiled = false;
  bool instantiated = false;
  std::string instantiate_error;
  std::vector<CallOutcome> calls;
  std::vector<std::vector<uint8_t>> memories;  // contents of exported memories after all calls
  bool fuel_ran_out = false;
  uint64_t fuel_left = 0;  // at the end (equal across dispatch modes, which share the IR and its fuel costs)
};

// Compiles, instantiates and runs every exported function of `wasm` in a fresh store of `engine`
// (which must have consume_fuel set). Never fails: every outcome is recorded.
inline RunOutcome run_module(const Engine& engine, std::span<const uint8_t> wasm) {
  RunOutcome r;
  auto module = Module::compile(engine, wasm);
  if (!module) return r;
  r.compiled = true;
  Store store(engine);
  store.set_limits(fuzz_limits());
  if (!store.set_fuel(kFuzzFuel)) std::abort();  // the engine must count fuel
  auto imports = stand_in_imports(store, *module);
  if (!imports) return r;
  auto inst = Instance::create(store, *module, *imports);
  if (!inst) {
    r.instantiate_error = inst.error().message;
    auto fuel = store.get_fuel();
    r.fuel_ran_out = fuel && *fuel == 0;
    return r;
  }
  r.instantiated = true;
  for (auto& [name, ext] : inst->exports(store)) {
    auto f = ext.func();
    if (!f) continue;
    auto type = f->type(store);
    if (!type) std::abort();
    std::vector<Val> args;
    for (ValType p : type->params()) args.push_back(Val::zero(p));
    CallOutcome c;
    c.name = name;
    auto res = f->call(store, args);
    if (res) {
      c.ok = true;
      c.results = std::move(*res);
    } else {
      c.kind = res.error().kind;
      c.message = res.error().message;
    }
    r.calls.push_back(std::move(c));
    store.clear_interrupt();
    auto fuel = store.get_fuel();
    if (fuel && *fuel == 0) {
      r.fuel_ran_out = true;
      break;
    }
  }
  if (auto fuel = store.get_fuel()) r.fuel_left = *fuel;
  for (auto& [name, ext] : inst->exports(store)) {
    auto mem = ext.memory();
    if (!mem) continue;
    uint8_t* base = mem->data(store);
    r.memories.emplace_back(base, base + *mem->size(store));
  }
  return r;
}

// The bytes of a value that carry it: a 32-bit result's slot may hold anything above them (the JIT
// writes whole 8-byte slots from registers whose upper half is don't-care; Val::raw() copies the slot).
inline size_t value_bytes(ValKind k) {
  switch (k) {
    case ValKind::i32: case ValKind::f32: return 4;
    case ValKind::i64: case ValKind::f64: return 8;
    default: return 16;
  }
}

// Differential targets: aborts with `pair` and what differs unless the two outcomes agree.
[[noreturn]] inline void mismatch(const char* pair, const char* what, const std::string& detail) {
  std::fprintf(stderr, "%s mismatch: %s (%s)\n", pair, what, detail.c_str());
  std::abort();
}

// Compares two outcomes. `same_fuel`: the engines run identical IR, so fuel exhaustion and the fuel
// left must agree too; otherwise (fuel is charged per IR instruction, and the IR differs) comparing
// stops where either ran out.
inline void compare_outcomes(const char* pair, const RunOutcome& a, const RunOutcome& b, bool same_fuel) {
  if (a.compiled != b.compiled) mismatch(pair, "compile", "");
  if (same_fuel) {
    if (a.fuel_ran_out != b.fuel_ran_out) mismatch(pair, "fuel exhaustion", "");
    if (a.fuel_left != b.fuel_left)
      mismatch(pair, "fuel left", std::to_string(a.fuel_left) + " / " + std::to_string(b.fuel_left));
  } else if (a.fuel_ran_out || b.fuel_ran_out) {
    return;
  }
  if (a.instantiated != b.instantiated) mismatch(pair, "instantiate", a.instantiate_error + " / " + b.instantiate_error);
  if (a.instantiate_error != b.instantiate_error)
    mismatch(pair, "instantiation error", a.instantiate_error + " / " + b.instantiate_error);
  if (a.calls.size() != b.calls.size()) mismatch(pair, "number of calls", "");
  for (size_t i = 0; i < a.calls.size(); ++i) {
    const auto& x = a.calls[i];
    const auto& y = b.calls[i];
    const std::string where = "export \"" + x.name + "\": " + x.message + " / " + y.message;
    if (x.ok != y.ok) mismatch(pair, "outcome", where);
    if (!x.ok) {
      if (x.kind != y.kind || x.message != y.message) mismatch(pair, "trap", where);
      continue;
    }
    if (x.results.size() != y.results.size()) mismatch(pair, "result count", where);
    for (size_t k = 0; k < x.results.size(); ++k) {
      const Val& u = x.results[k];
      const Val& v = y.results[k];
      if (u.kind() != v.kind()) mismatch(pair, "result kind", where);
      // References point into different stores: compare nullness only.
      if (u.kind() == ValKind::funcref || u.kind() == ValKind::externref ||
          u.kind() == ValKind::exnref) {
        if (u.is_null() != v.is_null()) mismatch(pair, "result ref", where);
      } else if (std::memcmp(u.raw().bytes, v.raw().bytes, value_bytes(u.kind())) != 0) {
        mismatch(pair, "result value", where);
      }
    }
  }
  if (a.memories != b.memories) mismatch(pair, "memory contents", "");
}

}  // namespace wisp::fuzz
