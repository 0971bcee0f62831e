#include "jit/perf_map.h"

#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <mutex>

namespace wisp::jit {

std::string perf_map_path() { return "/tmp/perf-" + std::to_string(getpid()) + ".map"; }

void perf_map_add(const uint8_t* start, size_t size, const wasm::Module& module, uint32_t func_index) {
  static std::mutex mu;
  static std::FILE* file = nullptr;
  std::string name = module.func_name(func_index);
  if (name.empty()) name = "wasm-function[" + std::to_string(func_index) + "]";
  // perf splits the line at the first two spaces: the name may hold anything but a newline.
  for (char& c : name)
    if (c == '\n' || c == '\r') c = ' ';
  std::lock_guard<std::mutex> lock(mu);
  if (file == nullptr) {
    file = std::fopen(perf_map_path().c_str(), "a");
    if (file == nullptr) return;  // profiling aid only: no map, the program runs on
  }
  std::fprintf(file, "%" PRIxPTR " %zx %s\n", reinterpret_cast<uintptr_t>(start), size, name.c_str());
  std::fflush(file);  // perf reads it after the process ends, which may be by _exit (proc_exit)
}

}  // namespace wisp::jit
