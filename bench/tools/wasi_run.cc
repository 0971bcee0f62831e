// wisp_bench_run FILE.wasm [ARGS...]: the minimal WASI embedding of the public API (compile, link WASI,
// instantiate, call _start), for profiling the engine without the CLI around it. Exit status: the
// guest's proc_exit code, 0 after a normal return, 134 after a trap, 1 on other errors.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "wisp/wasi.h"
#include "wisp/wisp.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: wisp_bench_run FILE.wasm [ARGS...]\n");
    return 1;
  }
  std::ifstream in(argv[1], std::ios::binary | std::ios::ate);
  std::vector<uint8_t> bytes(in ? static_cast<size_t>(in.tellg()) : 0);
  in.seekg(0);
  if (!in || !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()))) {
    std::fprintf(stderr, "wisp_bench_run: cannot read %s\n", argv[1]);
    return 1;
  }
  wisp::Engine engine;
  auto module = wisp::Module::compile(engine, bytes);
  if (!module.ok()) {
    std::fprintf(stderr, "wisp_bench_run: %s\n", module.error().to_string().c_str());
    return 1;
  }
  wisp::Store store(engine);
  wisp::WasiConfig config;
  for (int i = 1; i < argc; i++) config.arg(argv[i]);
  auto wasi = wisp::Wasi::create(config);
  if (!wasi.ok()) {
    std::fprintf(stderr, "wisp_bench_run: %s\n", wasi.error().to_string().c_str());
    return 1;
  }
  wisp::Linker linker(engine);
  if (auto r = wasi.value()->add_to_linker(linker); !r.ok()) {
    std::fprintf(stderr, "wisp_bench_run: %s\n", r.error().to_string().c_str());
    return 1;
  }
  auto instance = linker.instantiate(store, module.value());
  if (!instance.ok()) {
    std::fprintf(stderr, "wisp_bench_run: %s\n", instance.error().to_string().c_str());
    return 1;
  }
  auto start = instance->get_func(store, "_start");
  if (!start) {
    std::fprintf(stderr, "wisp_bench_run: no _start export\n");
    return 1;
  }
  auto r = start->call(store, {});
  std::fflush(stdout);
  if (auto code = wasi.value()->exit_code()) return *code;
  if (!r.ok()) {
    std::fprintf(stderr, "wisp_bench_run: %s\n", r.error().to_string().c_str());
    return 134;
  }
  return 0;
}
