// The runtime object model (DESIGN.md §3): plain structs that the interpreter's handlers index directly.
// Every object is owned by a runtime::StoreData; pointers between them stay valid for the store's life.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/func_entry.h"
#include "runtime/value.h"
#include "util/error.h"
#include "wasm/module.h"

namespace wisp::runtime {

struct InstanceData;
struct StoreData;
struct TierModuleCode;

// Linear memory. With a guard reservation the base never moves and loads need no bounds checks.
struct MemoryInstance {
  uint8_t* base = nullptr;       // start of the accessible bytes
  uint64_t size = 0;             // accessible bytes (pages * 64 KiB)
  uint64_t max_pages = 0;        // effective maximum (declared max, store limit and implementation limit)
  wasm::MemoryType type;         // current type (min updated on grow) for import matching
  uint64_t reserved = 0;         // bytes of address space reserved at base (0: plain allocation)
  bool guarded = false;          // out-of-bounds accesses fault in PROT_NONE pages

  uint64_t pages() const { return size / wasm::kPageSize; }
};

// A table of references (RefBits: FuncInstance* for funcref, encoded host value for externref).
struct TableInstance {
  wasm::TableType type;          // current type (min updated on grow)
  std::vector<RefBits> elems;
  uint64_t max_size = 0;         // effective maximum
};

struct GlobalInstance {
  wasm::GlobalType type;
  Value value;
};

// The context a host function receives: its store and the calling instance (null when called from the
// embedder directly). The public API wraps this into wisp::Caller.
struct HostContext {
  StoreData* store = nullptr;
  InstanceData* caller = nullptr;
};

// A host function: reads params from args, writes results; returns an Error (kind Trap) to trap.
using HostCallback = std::function<Result<void>(HostContext& ctx, const Value* args, Value* results)>;

struct FuncInstance {
  uint32_t type_id = 0;                 // canonical id from TypeRegistry: call_indirect compares these
  const wasm::FuncType* type = nullptr; // owned by the module or by the host function record
  InstanceData* instance = nullptr;     // defining instance; nullptr for host functions
  uint32_t index = 0;                   // function index inside its module
  HostCallback host;                    // set for host functions
  std::shared_ptr<wasm::FuncType> host_type;  // keeps a host function's type alive
  std::string debug_name;               // for backtraces: name section, export name or "<wasm function N>"
  std::atomic<FuncEntry*> entry{nullptr};  // compiled form (interp IR first, built on first call)

  bool is_host() const { return instance == nullptr; }
};

// A tag (exceptions): identity matters (a catch matches the very tag instance thrown), so every
// module instantiation makes new ones and an import is the exporter's.
struct TagInstance {
  uint32_t type_id = 0;                 // canonical id of its function type (import matching)
  const wasm::FuncType* type = nullptr; // params = the payload; owned by the module or host_type
  std::shared_ptr<wasm::FuncType> host_type;
  std::string debug_name;               // export name or "<tag N>", for messages
};

// One instantiated module: arrays of pointers into the store, in index-space order.
struct InstanceData {
  std::shared_ptr<const wasm::Module> module;
  StoreData* store = nullptr;
  std::vector<FuncInstance*> funcs;
  std::vector<TableInstance*> tables;
  std::vector<MemoryInstance*> memories;
  std::vector<GlobalInstance*> globals;
  std::vector<TagInstance*> tags;
  std::vector<uint32_t> type_ids;        // canonical id of each type index of the module
  std::vector<bool> dropped_elems;       // elem.drop'ed (or active/declarative after instantiation)
  // Passive segments given by expressions: their values, evaluated once at instantiation (GC objects in
  // them keep their identity across table.init / array.new_elem; GC roots until elem.drop).
  std::vector<std::vector<RefBits>> elem_values;
  std::vector<bool> dropped_datas;       // data.drop'ed (or active after instantiation)
  MemoryInstance* mem0 = nullptr;        // memories[0] or nullptr: the handlers' fast path
  std::shared_ptr<TierModuleCode> code;  // from Executor::make_module_code, shared per compiled module
};

}  // namespace wisp::runtime
