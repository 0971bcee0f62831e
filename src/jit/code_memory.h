// Executable memory of one engine's JIT code (DESIGN.md §10): code is copied into pages mapped read-write,
// which are then made read-execute, never both at once. A function's code gets pages of its own, so a page
// never changes protection while another thread may run code on it. A byte limit per engine: allocation
// past it fails and the function stays interpreted.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>

#include "runtime/engine_config.h"

namespace wisp::jit {

// Counters of what the JIT did for an engine (wisp wast --tier-stats, Engine::tier_stats).
struct Counters {
  std::atomic<uint64_t> compiled{0};      // functions that run JIT code
  std::atomic<uint64_t> not_compiled{0};  // functions left interpreted (no instruction compiled, or a failure)
  std::atomic<uint64_t> over_limit{0};    // of those: the code memory limit was reached
  std::atomic<uint64_t> native_instrs{0}; // IR instructions compiled to machine code
  std::atomic<uint64_t> exit_instrs{0};   // IR instructions left to the interpreter (calls, returns, the rest)
};

class CodeMemory final : public runtime::TierEngineState {
 public:
  explicit CodeMemory(size_t limit_bytes) : limit_(limit_bytes) {}
  ~CodeMemory() override;
  CodeMemory(const CodeMemory&) = delete;
  CodeMemory& operator=(const CodeMemory&) = delete;

  // Copies `code` into fresh pages and makes them executable: their address, or nullptr when the limit
  // would be exceeded or the system refuses the mapping.
  const uint8_t* install(std::span<const uint8_t> code);
  size_t used_bytes() const { return used_.load(std::memory_order_relaxed); }
  size_t limit_bytes() const { return limit_; }
  Counters counters;
  bool perf_map = false;  // append each installed function to /tmp/perf-PID.map (perf_map.h)

 private:
  struct Block {
    void* base;
    size_t size;
    Block* next;
  };
  size_t limit_;
  std::atomic<size_t> used_{0};
  std::mutex mu_;
  Block* blocks_ = nullptr;  // every mapping, unmapped with the engine
};

// The page size used for code allocations.
size_t code_page_size();

}  // namespace wisp::jit
