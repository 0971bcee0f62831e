// Start-up of a large WASI command: 120,000 functions (~25 MB of code) begin executing `_start` after
// one validation pass, because bodies are translated only when first called. The test asserts the
// mechanism (only the functions that ran were translated); the time is printed for the record and
// measured properly by the benchmark harness (bench/), never asserted here.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "api/internal.h"
#include "interp/func_code.h"
#include "wisp/wasi.h"
#include "wisp/wisp.h"

namespace {

using Bytes = std::vector<uint8_t>;

void uleb(Bytes& b, uint64_t v) {
  do {
    uint8_t byte = v & 0x7f;
    v >>= 7;
    if (v) byte |= 0x80;
    b.push_back(byte);
  } while (v);
}
void sleb(Bytes& b, int64_t v) {
  for (;;) {
    uint8_t byte = v & 0x7f;
    v >>= 7;
    bool done = (v == 0 && !(byte & 0x40)) || (v == -1 && (byte & 0x40));
    if (!done) byte |= 0x80;
    b.push_back(byte);
    if (done) break;
  }
}
void section(Bytes& out, uint8_t id, const Bytes& body) {
  out.push_back(id);
  uleb(out, body.size());
  out.insert(out.end(), body.begin(), body.end());
}
void name(Bytes& b, std::string_view s) {
  uleb(b, s.size());
  b.insert(b.end(), s.begin(), s.end());
}

// (import fd_write) (func $_start) (func $f_i (param i32) (result i32) ...arithmetic...) x n
Bytes make_module(uint32_t n, uint32_t ops_per_body) {
  Bytes m = {0, 'a', 's', 'm', 1, 0, 0, 0};
  Bytes types;
  uleb(types, 3);
  types.insert(types.end(), {0x60, 0, 0});                          // 0: [] -> []
  types.insert(types.end(), {0x60, 4, 0x7f, 0x7f, 0x7f, 0x7f, 1, 0x7f});  // 1: fd_write
  types.insert(types.end(), {0x60, 1, 0x7f, 1, 0x7f});              // 2: [i32] -> [i32]
  section(m, 1, types);
  Bytes imports;
  uleb(imports, 1);
  name(imports, "wasi_snapshot_preview1");
  name(imports, "fd_write");
  imports.push_back(0);
  uleb(imports, 1);
  section(m, 2, imports);
  Bytes funcs;
  uleb(funcs, n + 1);
  funcs.push_back(0);
  for (uint32_t i = 0; i < n; ++i) funcs.push_back(2);
  section(m, 3, funcs);
  section(m, 5, {1, 0, 1});  // memory 1 page
  Bytes exports;
  uleb(exports, 2);
  name(exports, "memory");
  exports.insert(exports.end(), {2, 0});
  name(exports, "_start");
  exports.push_back(0);
  uleb(exports, 1);
  section(m, 7, exports);
  Bytes code;
  uleb(code, n + 1);
  {
    // _start: iovec {16, 8} at 0; fd_write(1, 0, 1, 8); drop (call $f_(n-1) (i32.const 3))
    Bytes body = {0};
    auto i32c = [&](int32_t v) { body.push_back(0x41); sleb(body, v); };
    i32c(0); i32c(16); body.insert(body.end(), {0x36, 2, 0});
    i32c(4); i32c(8); body.insert(body.end(), {0x36, 2, 0});
    i32c(1); i32c(0); i32c(1); i32c(8); body.push_back(0x10); uleb(body, 0); body.push_back(0x1a);
    i32c(3); body.push_back(0x10); uleb(body, n); body.push_back(0x1a);
    body.push_back(0x0b);
    uleb(code, body.size());
    code.insert(code.end(), body.begin(), body.end());
  }
  for (uint32_t i = 0; i < n; ++i) {
    Bytes body = {0, 0x20, 0};  // no locals; local.get 0
    for (uint32_t k = 0; k < ops_per_body; ++k) {
      body.push_back(0x41);
      sleb(body, int32_t(i * 31 + k * 7));
      body.push_back(k % 3 == 0 ? 0x6a : k % 3 == 1 ? 0x6c : 0x73);  // add, mul, xor
    }
    if (i > 0 && i % 1000 == 0) {  // some calls, so bodies are not all leaves
      body.push_back(0x10);
      uleb(body, i);  // call the previous function (index i is f_(i-1))
    }
    body.push_back(0x0b);
    uleb(code, body.size());
    code.insert(code.end(), body.begin(), body.end());
  }
  section(m, 10, code);
  Bytes data;
  uleb(data, 1);
  data.insert(data.end(), {0, 0x41, 16, 0x0b});
  name(data, "started\n");
  section(m, 11, data);
  return m;
}

TEST(WasiLargeModule, StartsWithoutTranslatingEveryBody) {
  const uint32_t kFunctions = 120000;
  Bytes wasm = make_module(kFunctions, 50);
  ASSERT_GT(wasm.size(), 20u << 20);
  using Clock = std::chrono::steady_clock;
  Clock::time_point first_write;
  std::string out;
  wisp::WasiConfig cfg;
  cfg.stdout_stream = wisp::WasiStdio::to_callback([&](std::string_view s) {
    if (out.empty()) first_write = Clock::now();
    out.append(s);
  });
  auto t0 = Clock::now();
  wisp::Engine engine;
  auto module = wisp::Module::compile(engine, wasm);
  ASSERT_TRUE(module.ok()) << module.error().to_string();
  auto t1 = Clock::now();
  auto w = wisp::Wasi::create(cfg);
  ASSERT_TRUE(w.ok());
  wisp::Store store(engine);
  wisp::Linker linker(engine);
  ASSERT_TRUE((*w)->add_to_linker(linker).ok());
  auto inst = linker.instantiate(store, *module);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  auto start = inst->get_func(store, "_start");
  ASSERT_TRUE(start.has_value());
  auto r = start->call(store, {});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(out, "started\n");
  double compile_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  double start_ms = std::chrono::duration<double, std::milli>(first_write - t0).count();
  std::printf("large module: %zu bytes, %u functions: compile %.1f ms, first output from _start at %.1f ms\n",
              wasm.size(), kFunctions + 1, compile_ms, start_ms);
  // Lazy translation: _start and the one function it calls ran, so exactly two bodies have IR.
  const auto& code = static_cast<const wisp::interp::ModuleCode&>(*module->impl().code);
  size_t translated = 0;
  for (size_t i = 0; i < code.num_funcs; ++i) translated += code.funcs[i].load() != nullptr;
  EXPECT_EQ(translated, 2u);
}

}  // namespace
