// Test fixture for the interpreter: WAT -> module -> instance in a fresh store, then invoke exports.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "binary/module_decoder.h"
#include "gc/heap.h"
#include "interp/func_code.h"
#include "interp/invoke.h"
#include "runtime/instantiate.h"
#include "runtime/store_data.h"
#include "text/wat.h"
#include "validate/module_validator.h"

namespace wisp::interp::testing {

using runtime::Value;

class InterpFixture {
 public:
  explicit InterpFixture(runtime::EngineConfig config = {}) {
    store.types = std::make_shared<runtime::TypeRegistry>();
    store.config = config;
    if (!store.config.executor) store.config.executor = &executor();  // what the public API installs
    store.make_gc_heap = &gc::heap_state_of;
  }

  // Compiles and instantiates `wat` (no imports unless given). Fails the test on error.
  runtime::InstanceData* load(const std::string& wat, std::vector<runtime::ExternRef> imports = {},
                              Features features = Features::defaults()) {
    auto bytes = text::wat_to_wasm(wat);
    EXPECT_TRUE(bytes.ok()) << (bytes.ok() ? "" : bytes.error().to_string());
    if (!bytes.ok()) return nullptr;
    auto mod = binary::decode_module(std::move(*bytes), features);
    EXPECT_TRUE(mod.ok()) << (mod.ok() ? "" : mod.error().to_string());
    if (!mod.ok()) return nullptr;
    auto valid = validate::validate_module(**mod);
    EXPECT_TRUE(valid.ok()) << (valid.ok() ? "" : valid.error().to_string());
    if (!valid.ok()) return nullptr;
    std::shared_ptr<const wasm::Module> m = *mod;
    auto code = make_module_code(m, store.config);
    auto inst = runtime::instantiate(store, m, code, imports);
    EXPECT_TRUE(inst.ok()) << (inst.ok() ? "" : inst.error().to_string());
    if (!inst.ok()) return nullptr;
    instance = *inst;
    return instance;
  }

  runtime::FuncInstance* func(const std::string& name) {
    for (const wasm::Export& e : instance->module->exports)
      if (e.name == name && e.kind == wasm::ExternKind::func) return instance->funcs[e.index];
    ADD_FAILURE() << "no export " << name;
    return nullptr;
  }

  // Calls export `name`; returns the results or the error.
  Result<std::vector<Value>> call(const std::string& name, std::vector<Value> args = {}) {
    runtime::FuncInstance* f = func(name);
    if (!f) return Error::usage("no such export");
    std::vector<Value> results(f->type->results.size());
    Result<void> r = invoke(store, f, args.data(), results.data());
    if (!r) return r.error();
    return results;
  }

  uint32_t call_i32(const std::string& name, std::vector<Value> args = {}) {
    auto r = call(name, std::move(args));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_string());
    return r.ok() && !r->empty() ? (*r)[0].i32() : 0xdeadbeef;
  }
  uint64_t call_i64(const std::string& name, std::vector<Value> args = {}) {
    auto r = call(name, std::move(args));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_string());
    return r.ok() && !r->empty() ? (*r)[0].i64() : 0xdeadbeef;
  }
  // The trap message of calling `name` ("" if it did not trap).
  std::string trap(const std::string& name, std::vector<Value> args = {}) {
    auto r = call(name, std::move(args));
    return r.ok() ? std::string() : r.error().message;
  }

  runtime::StoreData store;
  runtime::InstanceData* instance = nullptr;
};

inline Value i32(uint32_t v) { return Value::from_i32(v); }
inline Value i64(uint64_t v) { return Value::from_i64(v); }

}  // namespace wisp::interp::testing
