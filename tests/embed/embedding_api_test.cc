// The embedding API as a plugin host uses it: one compiled Module shared by many stores on many
// threads, typed calls, host functions from lambdas reaching the caller's memory, and per-store WASI
// contexts whose captured output never mixes.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "text/wat.h"
#include "wisp/wasi.h"
#include "wisp/wisp.h"

namespace {

// `sum_to(n)` loops in Wasm; `shout(ptr, len)` hands a string in its memory to the host.
constexpr const char* kModule = R"((module
  (import "host" "shout" (func $shout (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello from the guest")
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "sum_to") (param $n i64) (result i64) (local $acc i64)
    (block $done (loop $l
      (br_if $done (i64.eqz (local.get $n)))
      (local.set $acc (i64.add (local.get $acc) (local.get $n)))
      (local.set $n (i64.sub (local.get $n) (i64.const 1)))
      (br $l)))
    (local.get $acc))
  (func (export "greet") (result i32) (call $shout (i32.const 16) (i32.const 20)))
))";

wisp::Module compile(const wisp::Engine& engine) {
  auto bytes = wisp::text::wat_to_wasm(kModule);
  EXPECT_TRUE(bytes.ok());
  auto m = wisp::Module::compile(engine, *bytes);
  EXPECT_TRUE(m.ok()) << m.error().to_string();
  return std::move(*m);
}

// A linker whose host function reads the guest's string from the caller's memory into *seen.
wisp::Linker make_linker(const wisp::Engine& engine, std::string* seen) {
  wisp::Linker linker(engine);
  auto r = linker.func_wrap("host", "shout", [seen](wisp::Caller& caller, int32_t ptr, int32_t len) -> int32_t {
    std::optional<wisp::Memory> mem = caller.memory();
    if (!mem) return -1;
    std::string s(static_cast<size_t>(len), '\0');
    if (!mem->read(caller.store(), static_cast<uint64_t>(ptr),
                   std::span<uint8_t>(reinterpret_cast<uint8_t*>(s.data()), s.size()))
             .ok())
      return -1;
    *seen = s;
    return len;
  });
  EXPECT_TRUE(r.ok());
  return linker;
}

TEST(EmbeddingApi, TypedCallsAndHostLambdaWithCallerMemory) {
  wisp::Engine engine;
  wisp::Module module = compile(engine);
  wisp::Store store(engine);
  std::string seen;
  wisp::Linker linker = make_linker(engine, &seen);
  auto inst = linker.instantiate(store, module);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  auto add = inst->get_func(store, "add")->typed<int32_t(int32_t, int32_t)>(store);
  ASSERT_TRUE(add.ok());
  EXPECT_EQ(*add->call(store, 40, 2), 42);
  auto greet = inst->get_func(store, "greet")->typed<int32_t()>(store);
  ASSERT_TRUE(greet.ok());
  EXPECT_EQ(*greet->call(store), 20);
  EXPECT_EQ(seen, "hello from the guest");
  // A wrong static signature is refused, not called.
  EXPECT_FALSE(inst->get_func(store, "add")->typed<int64_t(int32_t, int32_t)>(store).ok());
}

TEST(EmbeddingApi, OneModuleManyStoresOnManyThreads) {
  wisp::Engine engine;
  wisp::Module module = compile(engine);  // compiled once, shared by every thread
  constexpr int kThreads = 4, kCalls = 200;
  std::atomic<int> good{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; t++) {
    threads.emplace_back([&, t] {
      wisp::Store store(engine);  // one store per thread
      std::string seen;
      wisp::Linker linker = make_linker(engine, &seen);
      auto inst = linker.instantiate(store, module);
      if (!inst.ok()) return;
      auto sum_to = inst->get_func(store, "sum_to")->typed<int64_t(int64_t)>(store);
      if (!sum_to.ok()) return;
      for (int i = 0; i < kCalls; i++) {
        int64_t n = 1000 + t * 100 + i;
        auto r = sum_to->call(store, n);
        if (!r.ok() || *r != n * (n + 1) / 2) return;
      }
      good++;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(good.load(), kThreads);
}

TEST(EmbeddingApi, WasiContextsPerStoreDoNotMix) {
  // A WASI command writing its argv[1] to stdout, run in two stores with separate captured outputs.
  constexpr const char* kEcho = R"((module
    (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
    (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
    (memory (export "memory") 1)
    (func (export "_start")
      (drop (call $args_get (i32.const 0) (i32.const 64)))
      ;; iovec at 256: base = argv[1], len = 3
      (i32.store (i32.const 256) (i32.load (i32.const 4)))
      (i32.store (i32.const 260) (i32.const 3))
      (drop (call $fd_write (i32.const 1) (i32.const 256) (i32.const 1) (i32.const 300))))
  ))";
  wisp::Engine engine;
  auto bytes = wisp::text::wat_to_wasm(kEcho);
  ASSERT_TRUE(bytes.ok());
  auto module = wisp::Module::compile(engine, *bytes);
  ASSERT_TRUE(module.ok()) << module.error().to_string();
  std::string out_a, out_b;
  auto run = [&](const char* arg, std::string* out) {
    wisp::WasiConfig config;
    config.arg("echo").arg(arg);
    config.stdout_stream = wisp::WasiStdio::capture(out);
    auto wasi = wisp::Wasi::create(config);
    ASSERT_TRUE(wasi.ok());
    wisp::Store store(engine);
    wisp::Linker linker(engine);
    ASSERT_TRUE((*wasi)->add_to_linker(linker).ok());
    auto inst = linker.instantiate(store, *module);
    ASSERT_TRUE(inst.ok()) << inst.error().to_string();
    auto r = inst->get_func(store, "_start")->call(store, {});
    ASSERT_TRUE(r.ok()) << r.error().to_string();
  };
  run("aaa", &out_a);
  run("bbb", &out_b);
  EXPECT_EQ(out_a, "aaa");
  EXPECT_EQ(out_b, "bbb");
}

}  // namespace
