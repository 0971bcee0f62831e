// Instantiation (Wasm 2.0 semantics) and creation of store objects (functions, tables, memories,
// globals) shared by instantiation and the public API.
#pragma once
#include <memory>
#include <span>
#include <string>

#include "runtime/instance_data.h"
#include "runtime/store_data.h"
#include "util/error.h"
#include "wasm/module.h"

namespace wisp::runtime {

// Names one object of a store, as an import.
struct ExternRef {
  wasm::ExternKind kind = wasm::ExternKind::func;
  void* ptr = nullptr;

  static ExternRef of(FuncInstance* f) { return {wasm::ExternKind::func, f}; }
  static ExternRef of(TableInstance* t) { return {wasm::ExternKind::table, t}; }
  static ExternRef of(MemoryInstance* m) { return {wasm::ExternKind::memory, m}; }
  static ExternRef of(GlobalInstance* g) { return {wasm::ExternKind::global, g}; }
  static ExternRef of(TagInstance* t) { return {wasm::ExternKind::tag, t}; }
  TagInstance* tag() const { return kind == wasm::ExternKind::tag ? static_cast<TagInstance*>(ptr) : nullptr; }
  FuncInstance* func() const { return kind == wasm::ExternKind::func ? static_cast<FuncInstance*>(ptr) : nullptr; }
  TableInstance* table() const { return kind == wasm::ExternKind::table ? static_cast<TableInstance*>(ptr) : nullptr; }
  MemoryInstance* memory() const { return kind == wasm::ExternKind::memory ? static_cast<MemoryInstance*>(ptr) : nullptr; }
  GlobalInstance* global() const { return kind == wasm::ExternKind::global ? static_cast<GlobalInstance*>(ptr) : nullptr; }
};

// Instantiates a validated `module` in `store` with `imports` in the module's import order.
// `code` is the module's code (store.config.executor->make_module_code); it may be null only for modules
// without defined functions. Errors: Unlinkable "incompatible import type" (kind, function type id,
// global type, table element type, limits subtyping) or "wrong number of imports"; Trap for store limits, segment
// initialisation ("out of bounds table access" / "out of bounds memory access", after the earlier
// segments were written) and a trapping start function.
Result<InstanceData*> instantiate(StoreData& store, std::shared_ptr<const wasm::Module> module,
                                  std::shared_ptr<TierModuleCode> code, std::span<const ExternRef> imports);

// Whether an object of type `actual` may be imported where `expected` is declared (limits subtyping).
bool limits_match(const wasm::Limits& actual, const wasm::Limits& expected);

// The current type of a table / memory (limits.min = current size).
wasm::TableType current_type(const TableInstance& t);
wasm::MemoryType current_type(const MemoryInstance& m);

// Store object creation (the store owns them; pointers stay valid for its life).
FuncInstance* create_host_func(StoreData& store, const wasm::FuncType& type, HostCallback fn,
                               std::string debug_name = "<host function>");
Result<TableInstance*> create_table(StoreData& store, const wasm::TableType& type, RefBits init);
Result<MemoryInstance*> create_memory(StoreData& store, const wasm::MemoryType& type);
GlobalInstance* create_global(StoreData& store, const wasm::GlobalType& type, Value value);
TagInstance* create_tag(StoreData& store, const wasm::FuncType& type, std::string debug_name = "<host tag>");

// Grows a table by `delta` elements set to `init`: the old size, or -1 when it cannot grow.
int64_t table_grow(TableInstance& table, uint64_t delta, RefBits init);

}  // namespace wisp::runtime
