// One Linker with the WASI functions defined once (add_wasi_to_linker), many stores each with its own
// WASI state (Wasi::attach): every store sees its own args, stdin, stdout and exit code; stores and the
// linker die in any order; a store without a WASI state gets a trap naming the fix, never a crash.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "api_test_util.h"
#include "runtime/store_data.h"
#include "wisp/linker.h"
#include "wisp/wasi.h"

namespace wisp {
namespace {

// Writes argv[1] followed by what it reads from stdin (up to 100 bytes), then exits with strlen(argv[1]).
constexpr const char* kEchoWat = R"((module
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func $strlen (param $p i32) (result i32) (local $n i32)
    (block $done (loop $next
      (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $next)))
    (local.get $n))
  (func (export "_start") (local $arg i32)
    (drop (call $args_get (i32.const 0) (i32.const 1024)))
    (local.set $arg (i32.load (i32.const 4)))
    (i32.store (i32.const 256) (local.get $arg))
    (i32.store (i32.const 260) (call $strlen (local.get $arg)))
    (i32.store (i32.const 272) (i32.const 4096))
    (i32.store (i32.const 276) (i32.const 100))
    (drop (call $fd_read (i32.const 0) (i32.const 272) (i32.const 1) (i32.const 280)))
    (i32.store (i32.const 264) (i32.const 4096))
    (i32.store (i32.const 268) (i32.load (i32.const 280)))
    (drop (call $fd_write (i32.const 1) (i32.const 256) (i32.const 2) (i32.const 300)))
    (call $proc_exit (call $strlen (local.get $arg))))))";

struct Job {
  std::unique_ptr<Store> store;
  std::string out;
  Instance instance;
};

WasiConfig echo_config(const std::string& arg, const std::string& in, std::string* out) {
  WasiConfig c;
  c.arg("echo").arg(arg);
  c.stdin_stream = WasiStdio::from_bytes(in);
  c.stdout_stream = WasiStdio::capture(out);
  return c;
}

// Calls _start; the exit code it passed to proc_exit, or -1 when the call failed otherwise.
int start(Job& j) {
  auto r = j.instance.get_func(*j.store, "_start")->call(*j.store, {});
  if (r.ok() || r.error().exit_code < 0) return -1;
  return r.error().exit_code;
}

TEST(WasiSharedLinker, StoresThroughOneLinkerSeeOnlyTheirOwnState) {
  Engine engine;
  Module module = testing::must_compile(engine, kEchoWat);
  Linker linker(engine);
  ASSERT_TRUE(add_wasi_to_linker(linker).ok());

  // Three stores instantiated first, then run alternately: a call never sees another store's state.
  std::vector<Job> jobs(3);
  const char* args[] = {"a", "bb", "cccc"};
  const char* ins[] = {"-in-a", "-in-b", ""};
  for (size_t i = 0; i < jobs.size(); ++i) {
    jobs[i].store = std::make_unique<Store>(engine);
    ASSERT_TRUE(Wasi::attach(*jobs[i].store, echo_config(args[i], ins[i], &jobs[i].out)).ok());
    auto inst = linker.instantiate(*jobs[i].store, module);
    ASSERT_TRUE(inst.ok()) << inst.error().to_string();
    jobs[i].instance = *inst;
  }
  EXPECT_EQ(start(jobs[1]), 2);
  EXPECT_EQ(start(jobs[0]), 1);
  EXPECT_EQ(start(jobs[2]), 4);
  EXPECT_EQ(start(jobs[1]), 2);  // stdin now at its end: argv[1] alone
  EXPECT_EQ(jobs[0].out, "a-in-a");
  EXPECT_EQ(jobs[1].out, "bb-in-bbb");
  EXPECT_EQ(jobs[2].out, "cccc");
  for (size_t i = 0; i < jobs.size(); ++i) {
    ASSERT_NE(Wasi::of(*jobs[i].store), nullptr);
    EXPECT_EQ(Wasi::of(*jobs[i].store)->exit_code(), static_cast<int>(std::string(args[i]).size()));
  }
}

TEST(WasiSharedLinker, StoresAndLinkerDieInAnyOrder) {
  Engine engine;
  Module module = testing::must_compile(engine, kEchoWat);
  auto linker = std::make_unique<Linker>(engine);
  ASSERT_TRUE(add_wasi_to_linker(*linker).ok());
  // Many short-lived stores: each is dropped while the linker lives, and the next one works.
  for (int i = 0; i < 50; ++i) {
    std::string out;
    Store store(engine);
    ASSERT_TRUE(Wasi::attach(store, echo_config("x" + std::to_string(i), "!", &out)).ok());
    auto code = run_command(store, *linker, module);
    ASSERT_TRUE(code.ok()) << code.error().to_string();
    EXPECT_EQ(*code, i < 10 ? 2 : 3);
    EXPECT_EQ(out, "x" + std::to_string(i) + "!");
    // The host functions the linker made live in the store (the four imports, made once).
    EXPECT_EQ(store.data_internal().linker_funcs.size(), 4u);
  }
  // A store outliving the linker keeps running its instance.
  std::string out;
  Store store(engine);
  ASSERT_TRUE(Wasi::attach(store, echo_config("late", "", &out)).ok());
  auto inst = linker->instantiate(store, module);
  ASSERT_TRUE(inst.ok());
  linker.reset();
  auto r = inst->get_func(store, "_start")->call(store, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().exit_code, 4);
  EXPECT_EQ(out, "late");
}

TEST(WasiSharedLinker, StoreWithoutWasiStateTrapsAtTheFirstWasiCall) {
  Engine engine;
  Module module = testing::must_compile(engine, kEchoWat);
  Linker linker(engine);
  ASSERT_TRUE(add_wasi_to_linker(linker).ok());
  Store store(engine);
  EXPECT_EQ(Wasi::of(store), nullptr);
  // Instantiation does not check (the state may come later); the first WASI call traps.
  auto inst = linker.instantiate(store, module);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  auto r = inst->get_func(store, "_start")->call(store, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Trap);
  EXPECT_EQ(r.error().exit_code, -1);
  EXPECT_NE(r.error().message.find("wasi_snapshot_preview1::args_get: this store has no WASI context "
                                   "(wisp::Wasi::attach)"),
            std::string::npos)
      << r.error().message;
  auto code = run_command(store, linker, module);
  ASSERT_FALSE(code.ok());
  EXPECT_NE(code.error().message.find("no WASI context"), std::string::npos);

  // Attached after instantiation, before the next call: that call works.
  std::string out;
  ASSERT_TRUE(Wasi::attach(store, echo_config("later", "", &out)).ok());
  auto again = inst->get_func(store, "_start")->call(store, {});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().exit_code, 5);
  EXPECT_EQ(out, "later");
}

TEST(WasiSharedLinker, ProcExitWithoutStateTrapsToo) {
  Engine engine;
  Module module = testing::must_compile(engine, R"((module
    (import "wasi_unstable" "proc_exit" (func $exit (param i32)))
    (func (export "_start") (call $exit (i32.const 3)))))");
  Linker linker(engine);
  ASSERT_TRUE(add_wasi_to_linker(linker).ok());
  Store store(engine);
  auto code = run_command(store, linker, module);
  ASSERT_FALSE(code.ok());
  EXPECT_NE(code.error().message.find("wasi_unstable::proc_exit: this store has no WASI context"),
            std::string::npos)
      << code.error().message;
}

TEST(WasiSharedLinker, ConcurrentStoresOnOneLinker) {
  Engine engine;
  Module module = testing::must_compile(engine, kEchoWat);
  Linker linker(engine);
  ASSERT_TRUE(add_wasi_to_linker(linker).ok());
  const Linker& shared = linker;  // instantiation only reads the linker
  std::atomic<int> good{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        std::string out, arg = "t" + std::to_string(t);
        Store store(engine);
        if (!Wasi::attach(store, echo_config(arg, "+", &out)).ok()) return;
        auto code = run_command(store, shared, module);
        if (code.ok() && *code == 2 && out == arg + "+") ++good;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(good.load(), 100);
}

}  // namespace
}  // namespace wisp
