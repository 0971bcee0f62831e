// Executable memory of one engine's JIT code (DESIGN.md §10): code is copied into pages mapped read-write,
// which are then made read-execute, never both at once, and never written again: so a page never changes
// protection while another thread may run code on it. A module compiled whole (Config::tier jit) gets one
// mapping for all its functions, packed (generated in place: begin_batch/end_batch; install_batch copies
// pieces); a function tiered up alone gets pages of its own.
// A byte limit per engine: allocation past it fails and the function stays interpreted.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <deque>
#include <span>
#include <vector>

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

// A compiled function's machine code: its entry trampoline at `native` (nullptr: not compilable), and per
// IR word the offset in it of the instruction starting there.
struct NativeCode {
  const uint8_t* native = nullptr;
  std::vector<uint32_t> native_at;
  // What calls and returns between compiled functions read from machine code: the code of the IR's first
  // instruction (the function's entry), and native_at's data; nullptr both when not compilable.
  const uint8_t* entry = nullptr;
  const uint32_t* at = nullptr;
  // `at` minus the IR's address (both have one 4-byte entry per IR word): a return address plus this is
  // its native_at entry (returns read it).
  uintptr_t at_from_ir = 0;
  // (IR position, offset of its code) of the instructions whose native_at is an entry stub that loads
  // the pinned registers first (compiler.cc), ascending.
  std::vector<std::pair<uint32_t, uint32_t>> entry_bodies;
  // For the tools (code_info.h) and the perf map: bytes in all; of them instructions (br_table jump
  // tables follow); where the hand-overs at the IR's end and the slow-path stubs start.
  size_t size = 0, text_size = 0;
  uint32_t stubs_offset = 0;
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
  // Copies each piece into one mapping (16-byte aligned) made executable once: their addresses, all
  // nullptr when the limit would be exceeded or the system refuses.
  std::vector<const uint8_t*> install_batch(std::span<const std::span<const uint8_t>> pieces);
  // A module's code generated straight into one mapping (Config::tier jit: no per-function buffer, no
  // copy, no second image of the code while the rest is compiled): begin_batch reserves up to `bytes`
  // (whole pages, at most what the limit leaves; pages never written cost nothing), read-write;
  // end_batch makes its first `used` bytes read-execute and gives the rest back (false, all of it given
  // back, when the system refuses). base is nullptr when nothing could be reserved.
  struct Batch {
    uint8_t* base = nullptr;
    size_t size = 0;  // reserved
    size_t used = 0;  // written
  };
  Batch begin_batch(size_t bytes);
  bool end_batch(Batch& batch);
  // Keeps `n` as long as the engine: its stable address.
  const NativeCode* keep(NativeCode n);
  // Held while a function is compiled for tier-up (one compilation per function, whichever thread).
  std::mutex& compile_mutex() { return compile_mu_; }
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
  std::deque<NativeCode> natives_;  // under mu_
  std::mutex compile_mu_;
  const uint8_t* map_code(size_t bytes, const std::span<const uint8_t>* pieces, size_t count,
                          std::vector<const uint8_t*>* at);
};

// The page size used for code allocations.
size_t code_page_size();

}  // namespace wisp::jit
