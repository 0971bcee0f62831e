// The C API's objects: what the opaque types of include/wasm.h are, on top of the C++ API. Shared by
// the src/capi/*.cc files only.
//
// Reference objects (wasm_func_t, wasm_memory_t, ..., wasm_trap_t) all derive from wasm_ref_t and the
// four extern kinds from wasm_extern_t, so the standard's as_ref / as_extern casts are plain pointer
// casts of one object. Type objects derive from wasm_externtype_t likewise.
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wasm.h"
#include "wisp.h"
#include "wisp/wasi.h"
#include "wisp/wisp.h"

namespace wisp::capi {

// An embedder pointer with an optional finalizer, run when the holder dies.
struct HostInfo {
  void* info = nullptr;
  void (*finalizer)(void*) = nullptr;

  HostInfo() = default;
  HostInfo(const HostInfo&) = delete;
  HostInfo& operator=(const HostInfo&) = delete;
  ~HostInfo() { reset(nullptr, nullptr); }
  // Replacing host info finalizes the previous one.
  void reset(void* i, void (*f)(void*)) {
    if (finalizer) finalizer(info);
    info = i;
    finalizer = f;
  }
};

enum class RefKind : uint8_t { func, global, table, memory, instance, module, trap, foreign, tag, gc };

// A trap's shared state (copies of a trap share it, and its host info).
struct TrapData {
  wisp::Error error;
  HostInfo host_info;
};

// A module's shared state: the compiled module and its binary (for serialize).
struct ModuleData {
  wisp::Module module;
  std::vector<uint8_t> binary;
  HostInfo host_info;
};

struct ForeignData {
  HostInfo host_info;
};

// Lets an interrupt handle outlive its store.
struct InterruptState {
  std::mutex mutex;
  std::optional<wisp::InterruptHandle> handle;  // reset when the store dies
};

// Maps a C API kind to the C++ one and back.
wasm_valkind_t to_c(wisp::ValKind k);
bool from_c(wasm_valkind_t k, wisp::ValKind* out);
wasm_externkind_t to_c(wisp::ExternKind k);

wisp_error_t* make_error(wisp::Error e);

// The WASI functions of one engine: defined on first use, then shared by every store of the engine
// (each store has its own WASI state, Wasi::attach); never modified after, so no lock to read it.
struct WasiLinker {
  std::once_flag once;
  std::unique_ptr<Linker> linker;
  bool ok = false;
  const Linker* get(const Engine& engine) {
    std::call_once(once, [&] {
      linker = std::make_unique<Linker>(engine);
      ok = add_wasi_to_linker(*linker).ok();
    });
    return ok ? linker.get() : nullptr;
  }
};

}  // namespace wisp::capi

// ---- The opaque types ------------------------------------------------------------------------------

struct wasm_config_t {
  wisp::Config config;
};

struct wasm_engine_t {
  wisp::Engine engine;
  std::shared_ptr<wisp::capi::WasiLinker> wasi = std::make_shared<wisp::capi::WasiLinker>();
};

struct wasm_store_t {
  explicit wasm_store_t(const wisp::Engine& e);
  ~wasm_store_t();

  wisp::Engine engine;
  std::unique_ptr<wisp::Store> store;
  // Host info of store objects, by identity (the runtime object's address); finalized with the store.
  std::unordered_map<const void*, std::unique_ptr<wisp::capi::HostInfo>> host_infos;
  // externref values: the payload is an index into `externrefs` (owned references, one per object).
  std::vector<wasm_ref_t*> externrefs;
  std::unordered_map<const void*, uint64_t> externref_index;
  std::shared_ptr<wisp::capi::InterruptState> interrupt;
  // WASI: the engine's linker holding the functions (the state is the store's: Wasi::attach), and
  // captured output.
  std::shared_ptr<wisp::capi::WasiLinker> wasi_linker;
  std::shared_ptr<std::string> wasi_stdout, wasi_stderr;

  wisp::Store& s() { return *store; }
  const wisp::Store& s() const { return *store; }
};

struct wasm_ref_t {
  wisp::capi::RefKind kind;
  wasm_store_t* store;
};

struct wasm_extern_t : wasm_ref_t {
  wisp::Extern ext;
};
struct wasm_func_t : wasm_extern_t {};
struct wasm_global_t : wasm_extern_t {};
struct wasm_table_t : wasm_extern_t {};
struct wasm_memory_t : wasm_extern_t {};

struct wasm_instance_t : wasm_ref_t {
  wisp::Instance instance;
};
struct wasm_module_t : wasm_ref_t {
  std::shared_ptr<wisp::capi::ModuleData> data;
};
struct wasm_shared_module_t {
  std::shared_ptr<wisp::capi::ModuleData> data;
};
struct wasm_trap_t : wasm_ref_t {
  std::shared_ptr<wisp::capi::TrapData> data;
};
struct wasm_foreign_t : wasm_ref_t {
  std::shared_ptr<wisp::capi::ForeignData> data;
};
// A GC reference (anyref and subtypes, or an externref holding one): the rooted Val.
struct wisp_gc_ref_t : wasm_ref_t {
  wisp::Val val;
};

struct wasm_frame_t {
  std::string name;
  uint32_t func_index = UINT32_MAX;
  size_t func_offset = 0;    // 0 when unknown (host frames, guard-page faults)
  size_t module_offset = 0;
  std::shared_ptr<wasm_instance_t> instance;  // what wasm_frame_instance returns (NULL for host frames)
};

struct wasm_valtype_t {
  wasm_valkind_t kind;
};

struct wasm_externtype_t {
  wasm_externkind_t kind;
};
struct wasm_functype_t : wasm_externtype_t {
  wasm_valtype_vec_t params;
  wasm_valtype_vec_t results;
};
struct wasm_globaltype_t : wasm_externtype_t {
  wasm_valtype_t* content;
  wasm_mutability_t mutability;
};
// Tables and memories keep their full limits (u64, address type: memory64/table64) next to wasm.h's
// u32 view, which wasm_*type_limits returns.
struct wasm_tabletype_t : wasm_externtype_t {
  wasm_valtype_t* element;
  wasm_limits_t limits;
  wisp::Limits limits64;
  bool is64 = false;
};
struct wasm_memorytype_t : wasm_externtype_t {
  wasm_limits_t limits;
  wisp::Limits limits64;
  bool is64 = false;
};
struct wasm_importtype_t {
  wasm_name_t module;
  wasm_name_t name;
  wasm_externtype_t* type;
};
struct wasm_exporttype_t {
  wasm_name_t name;
  wasm_externtype_t* type;
};

struct wisp_error_t {
  wisp::Error error;
};

namespace wisp::capi {

// New C objects for C++ values.
wasm_func_t* new_func(wasm_store_t* store, wisp::Func f);
wasm_extern_t* new_extern(wasm_store_t* store, const wisp::Extern& e);
wasm_trap_t* new_trap(wasm_store_t* store, wisp::Error e);
wasm_externtype_t* new_externtype(const wisp::ExternType& t);
wasm_functype_t* new_functype(const wisp::FuncType& t);
wasm_globaltype_t* new_globaltype(const wisp::GlobalType& t);
wasm_tabletype_t* new_tabletype(const wisp::TableType& t);
wasm_memorytype_t* new_memorytype(const wisp::MemoryType& t);

// C types to C++ types (false for kinds wisp does not know).
bool to_wisp(const wasm_valtype_vec_t& v, std::vector<wisp::ValType>* out);
bool to_wisp(const wasm_functype_t* t, wisp::FuncType* out);
bool to_wisp(const wasm_globaltype_t* t, wisp::GlobalType* out);
bool to_wisp(const wasm_tabletype_t* t, wisp::TableType* out);
wisp::Limits to_wisp(const wasm_limits_t& l);
wasm_limits_t limits_to_c(const wisp::Limits& l);  // clamped to u32

// Values. A C value becomes a C++ value of `store` (externrefs are registered in the store); refs of
// C++ values become new owned C references.
bool to_wisp(wasm_store_t* store, const wasm_val_t& v, wisp::Val* out);
void to_c(wasm_store_t* store, const wisp::Val& v, wasm_val_t* out);
// A reference (NULL: null) as a C++ value of reference kind `kind`.
bool ref_to_wisp(wasm_store_t* store, const wasm_ref_t* r, wisp::ValKind kind, wisp::Val* out);
// A reference value as a new C reference (NULL for null).
wasm_ref_t* ref_to_c(wasm_store_t* store, const wisp::Val& v);

// The identity of the object a reference designates (equal for copies).
const void* identity(const wasm_ref_t* r);
// The host info slot of the object `r` designates.
HostInfo& host_info(const wasm_ref_t* r);

// Byte vectors from strings.
void set_name(wasm_name_t* out, std::string_view s);
void set_name_nt(wasm_name_t* out, std::string_view s);  // NUL-terminated
std::string_view view(const wasm_byte_vec_t* v);

}  // namespace wisp::capi
