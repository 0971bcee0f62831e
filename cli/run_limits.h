// `wisp run` resource-limit options, named after wasmtime's: --fuel, --timeout, --max-memory-size,
// --max-wasm-stack, --max-table-elements, --max-instances; and --max-gc-heap-size. Kept apart from run.cc so the WASI options
// and the limits evolve independently.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "wisp/wisp.h"

namespace wisp::cli {

struct LimitOptions {
  std::optional<uint64_t> fuel;
  std::optional<uint64_t> timeout_ms;
  std::optional<uint64_t> max_memory_bytes;
  std::optional<uint64_t> max_wasm_stack;
  std::optional<uint64_t> max_table_elements;
  std::optional<uint64_t> max_instances;
  std::optional<uint64_t> max_gc_heap_bytes;
};

// The help lines of the options (for `wisp run --help`).
extern const char* const kLimitOptionsHelp;

// Consumes argv[i] (and its value) when it is a limit option; a bad value sets `error`.
bool parse_limit_option(int argc, char** argv, int& i, LimitOptions& opts, std::string& error);

// The engine configuration the options need (fuel counting, interruption).
Config limit_config(const LimitOptions& opts, Config base = {});

// Applies the store limits and the fuel to `store`.
Result<void> apply_limits(const LimitOptions& opts, Store& store);

// Says which limit an instantiation failed on when a memory's minimum exceeds the store's memory limit:
// the --max-memory-size given, or the default and how to raise it.
Error annotate_memory_limit(const LimitOptions& opts, Error e);

// Arms the store's deadline for --timeout (Store::set_timeout: the process-wide timer service, no
// thread of our own; no cost when there is no timeout) and removes it when done.
class Deadline {
 public:
  Deadline(const LimitOptions& opts, Store& store);
  ~Deadline();
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;
  // Adds the option to "deadline exceeded": "deadline exceeded (--timeout 200ms)".
  Error annotate(Error e) const;

 private:
  Store& store_;
  uint64_t timeout_ms_ = 0;
  bool armed_ = false;
};

}  // namespace wisp::cli
