// Shared internals of the public API implementation: engine/module state and type conversions between
// the public wisp:: types and the internal wasm:: / runtime:: ones.
#pragma once
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>

#include "gc/heap.h"
#include "runtime/store_data.h"
#include "runtime/type_registry.h"
#include "runtime/value.h"
#include "wasm/module.h"
#include "wisp/engine.h"
#include "wisp/extern.h"
#include "wisp/types.h"
#include "wisp/val.h"

namespace wisp::detail {

struct EngineImpl {
  Config config;
  runtime::EngineConfig runtime_config;
  std::shared_ptr<runtime::TypeRegistry> types = std::make_shared<runtime::TypeRegistry>();
};

struct ModuleImpl {
  Engine engine;
  std::shared_ptr<const wasm::Module> module;
  std::shared_ptr<runtime::TierModuleCode> code;
};

static_assert(sizeof(RawVal) == sizeof(runtime::Value) && alignof(RawVal) == alignof(runtime::Value));
inline const runtime::Value* to_values(const RawVal* r) { return reinterpret_cast<const runtime::Value*>(r); }
inline runtime::Value* to_values(RawVal* r) { return reinterpret_cast<runtime::Value*>(r); }
inline const RawVal* to_raw(const runtime::Value* v) { return reinterpret_cast<const RawVal*>(v); }
inline RawVal* to_raw(runtime::Value* v) { return reinterpret_cast<RawVal*>(v); }

inline runtime::Value to_value(const Val& v) {
  runtime::Value x;
  std::memcpy(x.bytes, v.raw().bytes, 16);
  return x;
}
inline Val to_val(ValKind kind, const runtime::Value& v, uint64_t store_id) {
  RawVal r;
  std::memcpy(r.bytes, v.bytes, 16);
  return Val::from_raw(kind, r, store_id);
}
// The same for a value the host keeps: a reference to a GC object of `store` roots it (gc::root_handle).
inline Val to_val(ValKind kind, const runtime::Value& v, runtime::StoreData& store) {
  Val r = to_val(kind, v, store.id);
  if (kind >= ValKind::externref && store.gc_heap && v.ref() != 0) r.set_root_internal(gc::root_handle(store, v.ref()));
  return r;
}

ValType to_public(wasm::ValType t);
wasm::ValType to_wasm(ValType t);
FuncType to_public(const wasm::FuncType& t);
wasm::FuncType to_wasm(const FuncType& t);
Limits to_public(const wasm::Limits& l);
TableType to_public(const wasm::TableType& t);
wasm::TableType to_wasm(const TableType& t);
MemoryType to_public(const wasm::MemoryType& t);
wasm::MemoryType to_wasm(const MemoryType& t);
GlobalType to_public(const wasm::GlobalType& t);
wasm::GlobalType to_wasm(const GlobalType& t);

// Runs `func` in `store` through the engine's execution tier (runtime/executor.h).
inline bool call(Store& store, runtime::FuncInstance* func, const runtime::Value* args, runtime::Value* results,
                 std::optional<Error>& err) {
  runtime::StoreData& s = store.data_internal();
  return s.config.executor->call(s, func, args, results, err);
}

// Usage errors for handles.
Error wrong_store();
Error empty_handle();

// The check every handle operation starts with: `obj` (the handle's object) exists and the handle
// belongs to `store`. owns() is the test for hot paths; check_handle() also says what is wrong.
inline bool owns(const Store& store, uint64_t store_id, const void* obj) { return obj && store_id == store.id(); }
inline Result<void> check_handle(const Store& store, uint64_t store_id, const void* obj) {
  if (!obj) return empty_handle();
  if (store_id != store.id()) return wrong_store();
  return {};
}

// Checks that a Val may be stored in a `store` slot of type `expected` (kind; funcref store).
Result<void> check_val(const Store& store, const Val& v, ValType expected);
// The same for a slot of engine type `expected` with canonical type ids (runtime objects' types): also
// refuses a null for a non-nullable reference and a function of another type for a (ref $t).
Result<void> check_val(const Store& store, const Val& v, wasm::ValType expected);

// The export `name` of an instance as an Extern of `store`, or nullopt.
std::optional<Extern> find_export(Store& store, runtime::InstanceData* inst, std::string_view name);
// The Extern for export `e` of an instance.
Extern export_extern(Store& store, runtime::InstanceData* inst, const wasm::Export& e);

}  // namespace wisp::detail
