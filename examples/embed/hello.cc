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
  wisp::Linker linker(engine);  // set up once, shared by every store
  if (!wisp::add_wasi_to_linker(linker).ok()) return 1;

  // One store per run (here one run): it owns the instance and its own WASI state.
  std::string out;
  wisp::WasiConfig config;
  config.arg("plugin");
  config.stdin_stream = wisp::WasiStdio::from_bytes(argc > 2 ? argv[2] : "hello from the host\n");
  config.stdout_stream = wisp::WasiStdio::capture(&out);
  wisp::Store store(engine);
  if (auto wasi = wisp::Wasi::attach(store, config); !wasi.ok())
    return std::fprintf(stderr, "%s\n", wasi.error().to_string().c_str()), 1;

  // Instantiates, calls _start; proc_exit(n) comes back as the exit code n.
  auto code = wisp::run_command(store, linker, *module);
  // A trap comes back as an Error with a backtrace, never a crash.
  if (!code.ok()) return std::fprintf(stderr, "%s\n", code.error().to_string().c_str()), 1;
  std::printf("plugin wrote: %s", out.c_str());
  return *code;
}
