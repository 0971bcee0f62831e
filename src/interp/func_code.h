// The translated IR of one function and the per-module cache of translations (DESIGN.md §2).
#pragma once
#include <atomic>
#include <cstdint>
#include <forward_list>
#include <memory>
#include <vector>

#include "gc/object.h"
#include "runtime/executor.h"
#include "runtime/func_entry.h"
#include "runtime/store_data.h"
#include "wasm/module.h"

namespace wisp::interp {

struct ExecState;

// Where JIT code hands over to the interpreter: the IR position and the frame (calls and returns between
// compiled functions switch frames in machine code).
struct JitExit {
  const uint32_t* ip;
  char* fp;
};

// A struct.new / struct.new_default site (FuncCode::gc_structs, its address an IR immediate): the struct
// type (module index), its layout, and the byte offset of each field's operand from the first (operands
// sit like call arguments: a v128 takes two slots).
struct GcStructSite {
  uint32_t type_index = 0;
  gc::StructLayout layout;
  std::vector<uint32_t> arg_offsets;
};

// IR: a sequence of 32-bit words. Each instruction is an 8-byte handler word (function pointer in
// tail-call mode, handler id in loop mode) followed by 4-byte operands. The FuncEntry part (frame
// layout, interp_entry = code.data()) is what callers read.
struct FuncCode : runtime::FuncEntry {
  std::vector<uint32_t> code;
  uint32_t func_index = 0;
  // Where instructions that can trap or call came from, for trap frames: sorted by `ir`; each entry
  // covers the IR from `ir` up to the next entry. Only such instructions are recorded (IrBuilder::mark_site).
  struct Site {
    uint32_t ir;    // word offset in `code` (at or before the instruction's handler word)
    uint32_t wasm;  // byte offset of the Wasm instruction in Module::bytes
  };
  std::vector<Site> sites;
  // Exceptions (DESIGN.md §9): the handlers of try_table / try / delegate, innermost first (in the
  // order their constructs close, clauses in order). A throw at IR position p takes the first entry
  // with start <= p < end, of depth <= the current delegate limit, whose tag matches.
  struct Handler {
    static constexpr uint32_t kAnyTag = UINT32_MAX;
    enum Kind : uint8_t { kCatch, kCatchRef, kDelegate };
    uint32_t start = 0, end = 0;  // IR word range covered
    uint32_t tag = kAnyTag;       // module tag index, or kAnyTag (catch_all)
    Kind kind = kCatch;           // kCatchRef: the exnref follows the payload
    uint32_t depth = 0;           // nesting depth of the construct (control stack size)
    uint32_t landing = 0;         // IR word to resume at; kDelegate: the depth limit it delegates to
    uint32_t dst = 0;             // byte offset of the first value slot (payload, then exnref)
    uint32_t exn_slot = UINT32_MAX;  // legacy catch: byte offset of the slot that keeps the exnref
  };
  std::vector<Handler> handlers;
  // A tier above (src/jit) that compiled this function: its op_jit_resume instructions (handler words
  // it patched in) enter its machine code at `ip`, which returns where the interpreter goes on.
  JitExit (*jit_resume)(const FuncCode& code, const uint32_t* ip, char* fp, ExecState* st) = nullptr;
  // GC: struct.new sites (addresses stay put; a list: an empty std::deque allocates ~600 bytes, per function)
  std::forward_list<GcStructSite> gc_structs;
  // Tier-up (Config::tier auto): op_tier_count (function entry, loop headers) counts this down and calls
  // jit_resume at zero; the tier's own data once it compiled the function. Both are shared by the threads
  // running this code: read and written through std::atomic_ref (relaxed counts, acquire/release data).
  mutable int32_t hotness = 0;
  mutable const void* jit_data = nullptr;
};

// The interpreter's code of an entry (its tier is interp).
inline const FuncCode& interp_code(const runtime::FuncEntry& e) { return static_cast<const FuncCode&>(e); }

// Lazily built IR of every defined function of a module: one atomic slot per function; a translation
// is published with compare-exchange (the loser frees its copy), so sharing a module across threads is safe.
// It is the interpreter's runtime::TierModuleCode (`config` is inherited from it).
struct ModuleCode final : runtime::TierModuleCode {
  std::shared_ptr<const wasm::Module> module;
  std::unique_ptr<std::atomic<FuncCode*>[]> funcs;  // indexed by defined-function index
  size_t num_funcs = 0;
  // Set by a tier above (src/jit): called on each freshly translated function before it is published;
  // returns it, or its own extension of it (the JIT's), or it unchanged when it does not compile it.
  std::unique_ptr<FuncCode> (*tier_up)(std::unique_ptr<FuncCode> code, const ModuleCode& mc) = nullptr;

  ModuleCode(std::shared_ptr<const wasm::Module> m, const runtime::EngineConfig& c);
  ~ModuleCode() override;
};

}  // namespace wisp::interp
