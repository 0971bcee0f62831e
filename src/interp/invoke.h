// The interpreter's entry points. The runtime and the public API reach them only through executor(), the
// runtime::Executor that the API installs in EngineConfig; tools and tests may call them directly.
#pragma once
#include <optional>

#include "runtime/store_data.h"
#include "util/error.h"

namespace wisp::interp {

struct ModuleCode;

// The interpreter as the runtime's execution tier (runtime/executor.h): the functions below.
const runtime::Executor& executor();

// Creates the (initially empty) IR cache of a compiled module. The public Module keeps it and every
// instance of the module points to it (InstanceData::code), so each function is translated once per
// module, thread-safely, on its first call (or now, for eager translation).
std::shared_ptr<ModuleCode> make_module_code(std::shared_ptr<const wasm::Module> module,
                                             const runtime::EngineConfig& config);

// Calls `func` (Wasm or host) in `store` with `args` (one Value per parameter), writing one Value per
// result into `results`. A trap returns an Error of kind Trap (or Exhaustion for "call stack exhausted")
// with the spec's message and a backtrace, innermost frame first. Re-entrant: host functions may call
// back into Wasm through this function.
Result<void> invoke(runtime::StoreData& store, runtime::FuncInstance* func, const runtime::Value* args,
                    runtime::Value* results);
// The same without a Result on success (the host->Wasm hot path): true, or false with the Error in `err`.
bool invoke(runtime::StoreData& store, runtime::FuncInstance* func, const runtime::Value* args,
            runtime::Value* results, std::optional<Error>& err);

// Validates and translates the IR of a defined function now (for eager translation and tools).
Result<void> ensure_code(runtime::StoreData& store, runtime::FuncInstance* func);

}  // namespace wisp::interp
