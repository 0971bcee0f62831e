// The translated IR of one function and the per-module cache of translations (DESIGN.md §2).
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "runtime/executor.h"
#include "runtime/store_data.h"
#include "wasm/module.h"

namespace wisp::interp {

// IR: a sequence of 32-bit words. Each instruction is an 8-byte handler word (function pointer in
// tail-call mode, handler id in loop mode) followed by 4-byte operands.
struct FuncCode {
  std::vector<uint32_t> code;
  uint32_t num_params = 0;      // parameter slots
  uint32_t num_locals = 0;      // declared (non-parameter) local slots, zeroed on entry
  uint32_t num_results = 0;     // result slots (written at slot 0.. on return)
  uint32_t frame_slots = 0;     // params + locals + temporaries (>= num_results)
  uint32_t func_index = 0;
  // Where instructions that can trap or call came from, for trap frames: sorted by `ir`; each entry
  // covers the IR from `ir` up to the next entry. Only such instructions are recorded (IrBuilder::mark_site).
  struct Site {
    uint32_t ir;    // word offset in `code` (at or before the instruction's handler word)
    uint32_t wasm;  // byte offset of the Wasm instruction in Module::bytes
  };
  std::vector<Site> sites;

  uint64_t frame_bytes() const { return uint64_t(frame_slots) * 8; }
};

// Lazily built IR of every defined function of a module: one atomic slot per function; a translation
// is published with compare-exchange (the loser frees its copy), so sharing a module across threads is safe.
// It is the interpreter's runtime::TierModuleCode (`config` is inherited from it).
struct ModuleCode final : runtime::TierModuleCode {
  std::shared_ptr<const wasm::Module> module;
  std::unique_ptr<std::atomic<FuncCode*>[]> funcs;  // indexed by defined-function index
  size_t num_funcs = 0;

  ModuleCode(std::shared_ptr<const wasm::Module> m, const runtime::EngineConfig& c);
  ~ModuleCode() override;
};

}  // namespace wisp::interp
