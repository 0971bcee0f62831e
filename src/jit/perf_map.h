// Linux perf's map of JIT code (Config::perf_map, `wisp run --profile perfmap`): one line
// "START SIZE name" (hex, no 0x) per compiled function in /tmp/perf-PID.map, so `perf report` names
// samples in machine code: the name section's name, else wasm-function[N].
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "wasm/module.h"

namespace wisp::jit {

// Appends one function's line (thread-safe; the file is opened on first use and stays open).
void perf_map_add(const uint8_t* start, size_t size, const wasm::Module& module, uint32_t func_index);

// The path this process writes: /tmp/perf-PID.map.
std::string perf_map_path();

}  // namespace wisp::jit
