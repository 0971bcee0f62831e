#include "run_limits.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string_view>

#include "args.h"

namespace wisp::cli {

const char* const kLimitOptionsHelp =
    "  --fuel N               stop with a trap (\"all fuel consumed\") after N units of fuel: a unit is\n"
    "                         about one IR instruction, charged per function call and loop iteration\n"
    "  --timeout DURATION     stop with a trap (\"deadline exceeded\") after DURATION (e.g. 2s, 500ms,\n"
    "                         1m; a bare number is seconds), checked on calls and loop back-edges\n"
    "  --max-memory-size BYTES  cap every linear memory at BYTES (K/M/G suffixes: powers of 1024;\n"
    "                         default 16G, and a 32-bit memory stops at 4G anyway); memory.grow\n"
    "                         beyond it returns -1, a larger minimum fails instantiation\n"
    "  --max-wasm-stack BYTES the guest's value stack (call frames count 32 bytes each too); going\n"
    "                         deeper traps with \"call stack exhausted\"\n"
    "  --max-table-elements N cap every table at N elements (table.grow beyond it returns -1)\n"
    "  --max-instances N      at most N instances in the store\n"
    "  --max-gc-heap-size BYTES  cap the GC heap (structs, arrays, exceptions) at BYTES; an allocation\n"
    "                         beyond it traps with \"allocation failed: GC heap limit\"\n";

namespace {

// "123", "64K", "16M", "1G" (powers of 1024). Rejects overflow.
std::optional<uint64_t> parse_size(std::string_view s) {
  if (s.empty()) return std::nullopt;
  uint64_t mult = 1;
  char last = s.back();
  if (last == 'K' || last == 'k') mult = 1ull << 10;
  if (last == 'M' || last == 'm') mult = 1ull << 20;
  if (last == 'G' || last == 'g') mult = 1ull << 30;
  if (mult != 1) s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    if (v > (UINT64_MAX - uint64_t(c - '0')) / 10) return std::nullopt;
    v = v * 10 + uint64_t(c - '0');
  }
  if (v > UINT64_MAX / mult) return std::nullopt;
  return v * mult;
}

// "2s", "500ms", "1.5s", "1m", "1h", "3" (seconds) -> milliseconds.
std::optional<uint64_t> parse_duration(std::string_view s) {
  double unit = 1000;
  auto ends = [&](std::string_view suf) {
    if (s.size() > suf.size() && s.substr(s.size() - suf.size()) == suf) {
      s.remove_suffix(suf.size());
      return true;
    }
    return false;
  };
  if (ends("ms")) unit = 1;
  else if (ends("s")) unit = 1000;
  else if (ends("m")) unit = 60'000;
  else if (ends("h")) unit = 3'600'000;
  if (s.empty()) return std::nullopt;
  std::string text(s);
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !(v >= 0) || v * unit > 1e15) return std::nullopt;
  return uint64_t(v * unit);
}

}  // namespace

bool parse_limit_option(int argc, char** argv, int& i, LimitOptions& opts, std::string& error) {
  struct Opt {
    const char* name;
    std::optional<uint64_t>* slot;
    bool duration;
  };
  const Opt table[] = {
      {"--fuel", &opts.fuel, false},
      {"--timeout", &opts.timeout_ms, true},
      {"--max-memory-size", &opts.max_memory_bytes, false},
      {"--max-wasm-stack", &opts.max_wasm_stack, false},
      {"--max-table-elements", &opts.max_table_elements, false},
      {"--max-instances", &opts.max_instances, false},
      {"--max-gc-heap-size", &opts.max_gc_heap_bytes, false},
  };
  for (const Opt& o : table) {
    std::string value;
    bool missing = false;
    if (!match_option(argc, argv, i, o.name, value, missing)) continue;
    if (missing) {
      error = std::string("option '") + o.name + "' needs a value";
      return true;
    }
    std::optional<uint64_t> v = o.duration ? parse_duration(value) : parse_size(value);
    if (!v) {
      error = std::string("option '") + o.name + "': invalid value '" + value + "'";
      return true;
    }
    *o.slot = *v;
    return true;
  }
  return false;
}

Config limit_config(const LimitOptions& opts, Config base) {
  if (opts.fuel) base.consume_fuel = true;
  if (opts.timeout_ms) base.interruptible = true;
  return base;
}

Result<void> apply_limits(const LimitOptions& opts, Store& store) {
  StoreLimits l = store.limits();
  if (opts.max_memory_bytes) l.max_memory_pages = *opts.max_memory_bytes / 65536;
  if (opts.max_wasm_stack) {
    l.max_value_stack_bytes = *opts.max_wasm_stack;
    uint64_t frames = *opts.max_wasm_stack / 32;
    if (frames < l.max_call_depth) l.max_call_depth = uint32_t(frames);
  }
  if (opts.max_table_elements) l.max_table_elements = *opts.max_table_elements;
  if (opts.max_gc_heap_bytes) l.max_gc_heap_bytes = *opts.max_gc_heap_bytes;
  if (opts.max_instances) l.max_instances = uint32_t(std::min<uint64_t>(*opts.max_instances, UINT32_MAX));
  store.set_limits(l);
  if (opts.fuel) return store.set_fuel(*opts.fuel);
  return {};
}

Error annotate_memory_limit(const LimitOptions& opts, Error e) {
  if (e.kind != ErrorKind::Trap || e.message.find("exceeds memory limits") == std::string::npos) return e;
  if (opts.max_memory_bytes)
    e.message += " (--max-memory-size " + std::to_string(*opts.max_memory_bytes) + ")";
  else
    e.message += " (the default limit of 16 GiB per memory; --max-memory-size changes it)";
  return e;
}

Deadline::Deadline(const LimitOptions& opts, Store& store) : store_(store) {
  if (!opts.timeout_ms) return;
  timeout_ms_ = *opts.timeout_ms;
  // limit_config() made the engine interruptible, so this cannot fail.
  armed_ = store.set_timeout(std::chrono::milliseconds(timeout_ms_)).ok();
}

Deadline::~Deadline() {
  if (armed_) store_.clear_deadline();
}

Error Deadline::annotate(Error e) const {
  if (e.kind == ErrorKind::Trap && e.message == "deadline exceeded" && armed_)
    e.message = "deadline exceeded (--timeout " + std::to_string(timeout_ms_) + "ms)";
  return e;
}

}  // namespace wisp::cli
