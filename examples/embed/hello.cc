// Runs a WASI plugin in-process: its input from a string, its stdout captured into a string.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "wisp/wasi.h"
#include "wisp/wisp.h"

int main(int argc, char** argv) {
  if (argc < 2) return std::fprintf(stderr, "usage: %s PLUGIN.wasm [INPUT]\n", argv[0]), 2;
  std::ifstream file(argv[1], std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());

  wisp::Engine engine;
  auto module = wisp::Module::compile(engine, bytes);  // validated once, instantiable in many stores
  if (!module.ok()) return std::fprintf(stderr, "%s\n", module.error().to_string().c_str()), 1;

  std::string out;
  wisp::WasiConfig config;
  config.arg("plugin");
  config.stdin_stream = wisp::WasiStdio::from_bytes(argc > 2 ? argv[2] : "hello from the host\n");
  config.stdout_stream = wisp::WasiStdio::capture(&out);
  auto wasi = wisp::Wasi::create(config);

  wisp::Store store(engine);  // owns the instance; one WASI context per store
  wisp::Linker linker(engine);
  if (!wasi.ok() || !(*wasi)->add_to_linker(linker).ok()) return 1;
  auto instance = linker.instantiate(store, *module);
  if (!instance.ok()) return std::fprintf(stderr, "%s\n", instance.error().to_string().c_str()), 1;

  auto start = instance->get_func(store, "_start");
  if (!start) return std::fprintf(stderr, "not a WASI command\n"), 1;
  auto r = start->call(store, {});  // a trap comes back as an Error with a backtrace, never a crash
  if (!r.ok() && !(*wasi)->exit_code()) return std::fprintf(stderr, "%s\n", r.error().to_string().c_str()), 1;
  std::printf("plugin wrote: %s", out.c_str());
  return (*wasi)->exit_code().value_or(0);
}
