// Shared helpers of the fuzz targets: instantiate an arbitrary module with stand-in imports and run
// every exported function with zero arguments under fuel, memory, table and stack limits.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
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

}  // namespace wisp::fuzz
