// Every resource limit of a store (issue 7): fuel, interruption, memory, table elements, call depth,
// value stack, instances. Each test shows the clean trap or error the limit produces.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "../unit/api_test_util.h"
#include "wisp/wisp.h"

namespace wisp {
namespace {

using testing::must_compile;

constexpr std::string_view kLoops = R"(
  (module
    (memory (export "mem") 1)
    (table (export "tab") 1 funcref)
    (func (export "spin") (loop $l (br $l)))
    (func $rec (export "rec") (call $rec))
    (func $down (export "down") (param i32)
      (if (local.get 0) (then (call $down (i32.sub (local.get 0) (i32.const 1))))))
    (func (export "count") (param i32) (result i32) (local i32)
      (loop $l
        (local.set 1 (i32.add (local.get 1) (i32.const 1)))
        (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
      (local.get 1))
    (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
    (func (export "tgrow") (param i32) (result i32) (table.grow (ref.null func) (local.get 0))))
)";

Engine engine_with(bool fuel, bool interrupt) {
  Config c;
  c.consume_fuel = fuel;
  c.interruptible = interrupt;
  return Engine(c);
}

Instance instantiate(Store& store, const Module& m) {
  auto inst = Instance::create(store, m, {});
  EXPECT_TRUE(inst.ok()) << (inst.ok() ? "" : inst.error().to_string());
  return *inst;
}

Result<std::vector<Val>> call(Store& store, const Instance& inst, std::string_view name, std::vector<Val> args = {}) {
  auto f = inst.get_func(store, name);
  EXPECT_TRUE(f.has_value()) << name;
  return f->call(store, args);
}

TEST(Limits, FuelStopsAnInfiniteLoop) {
  Engine engine = engine_with(true, false);
  Module m = must_compile(engine, kLoops);
  Store store(engine);
  ASSERT_TRUE(store.set_fuel(10'000).ok());
  Instance inst = instantiate(store, m);
  auto r = call(store, inst, "spin");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Trap);
  EXPECT_EQ(r.error().message, "all fuel consumed");
  EXPECT_EQ(store.get_fuel().value(), 0u);
  // Infinite recursion runs out of fuel or stack, cleanly either way.
  ASSERT_TRUE(store.set_fuel(1'000).ok());
  auto rec = call(store, inst, "rec");
  ASSERT_FALSE(rec.ok());
  EXPECT_EQ(rec.error().message, "all fuel consumed");
}

TEST(Limits, FuelIsChargedPerIterationAndRefillable) {
  Engine engine = engine_with(true, false);
  Module m = must_compile(engine, kLoops);
  Store store(engine);
  ASSERT_TRUE(store.set_fuel(1'000'000).ok());
  Instance inst = instantiate(store, m);
  uint64_t before = store.get_fuel().value();
  auto r = call(store, inst, "count", {Val::i32(1000)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].as_i32(), 1000);
  uint64_t used = before - store.get_fuel().value();
  EXPECT_GE(used, 1000u);  // at least one unit per iteration
  EXPECT_LT(used, 100'000u);
  // Ten times the iterations cost about ten times the fuel (deterministic).
  before = store.get_fuel().value();
  ASSERT_TRUE(call(store, inst, "count", {Val::i32(10'000)}).ok());
  uint64_t used10 = before - store.get_fuel().value();
  EXPECT_GE(used10, 9 * used);
  EXPECT_LE(used10, 11 * used);
  // Too little fuel traps; refuelling lets the same store run again.
  ASSERT_TRUE(store.set_fuel(used / 2).ok());
  auto short_run = call(store, inst, "count", {Val::i32(1000)});
  ASSERT_FALSE(short_run.ok());
  EXPECT_EQ(short_run.error().message, "all fuel consumed");
  ASSERT_TRUE(store.set_fuel(used).ok());
  EXPECT_TRUE(call(store, inst, "count", {Val::i32(1000)}).ok());
}

TEST(Limits, FuelNeedsTheConfig) {
  Engine engine;
  Store store(engine);
  auto r = store.set_fuel(10);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Usage);
  EXPECT_FALSE(store.get_fuel().ok());
}

TEST(Limits, InterruptFromAnotherThread) {
  Engine engine = engine_with(false, true);
  Module m = must_compile(engine, kLoops);
  Store store(engine);
  Instance inst = instantiate(store, m);
  InterruptHandle handle = store.interrupt_handle();
  std::thread timer([handle] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    handle.interrupt();
  });
  auto r = call(store, inst, "spin");
  timer.join();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Trap);
  EXPECT_EQ(r.error().message, "interrupted");
  // A pending interrupt stops the next call at its entry; clearing it lets the store run again.
  handle.interrupt();
  auto again = call(store, inst, "count", {Val::i32(3)});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().message, "interrupted");
  store.clear_interrupt();
  auto ok = call(store, inst, "count", {Val::i32(3)});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ((*ok)[0].as_i32(), 3);
}

TEST(Limits, InterruptStopsRecursionWithoutLoops) {
  Engine engine = engine_with(true, true);
  Module m = must_compile(engine, kLoops);
  Store store(engine);
  ASSERT_TRUE(store.set_fuel(UINT64_MAX).ok());
  Instance inst = instantiate(store, m);
  store.interrupt_handle().interrupt();
  auto r = call(store, inst, "down", {Val::i32(10)});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "interrupted");
}

TEST(Limits, MaxMemoryPages) {
  Engine engine;
  Module m = must_compile(engine, kLoops);
  Store store(engine);
  StoreLimits l;
  l.max_memory_pages = 4;
  store.set_limits(l);
  Instance inst = instantiate(store, m);
  EXPECT_EQ((*call(store, inst, "grow", {Val::i32(3)}))[0].as_i32(), 1);   // 1 -> 4 pages
  EXPECT_EQ((*call(store, inst, "grow", {Val::i32(1)}))[0].as_i32(), -1);  // beyond the limit
  EXPECT_EQ(*inst.get_memory(store, "mem")->pages(store), 4u);
  // A module whose minimum exceeds the limit does not instantiate.
  Module big = must_compile(engine, "(module (memory 5))");
  auto r = Instance::create(store, big, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("memory"), std::string::npos) << r.error().message;
  // Host-created memories obey the limit too.
  MemoryType mt;
  mt.limits.min = 8;
  EXPECT_FALSE(Memory::create(store, mt).ok());
}

TEST(Limits, MaxTableElements) {
  Engine engine;
  Module m = must_compile(engine, kLoops);
  Store store(engine);
  StoreLimits l;
  l.max_table_elements = 10;
  store.set_limits(l);
  Instance inst = instantiate(store, m);
  EXPECT_EQ((*call(store, inst, "tgrow", {Val::i32(9)}))[0].as_i32(), 1);
  EXPECT_EQ((*call(store, inst, "tgrow", {Val::i32(1)}))[0].as_i32(), -1);
  Module big = must_compile(engine, "(module (table 11 funcref))");
  EXPECT_FALSE(Instance::create(store, big, {}).ok());
}

TEST(Limits, MaxCallDepth) {
  Engine engine;
  Module m = must_compile(engine, kLoops);
  Store store(engine);
  StoreLimits l;
  l.max_call_depth = 100;
  store.set_limits(l);
  Instance inst = instantiate(store, m);
  EXPECT_TRUE(call(store, inst, "down", {Val::i32(90)}).ok());
  auto r = call(store, inst, "down", {Val::i32(200)});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Exhaustion);
  EXPECT_EQ(r.error().message, "call stack exhausted");
  auto rec = call(store, inst, "rec");
  ASSERT_FALSE(rec.ok());
  EXPECT_EQ(rec.error().kind, ErrorKind::Exhaustion);
  // The store is usable afterwards.
  EXPECT_TRUE(call(store, inst, "down", {Val::i32(10)}).ok());
}

TEST(Limits, MaxValueStack) {
  // Frames of 1,000 locals (8 KB each) exhaust a 64 KB value stack within a few calls.
  Engine engine;
  std::string wat = "(module (func $f (export \"f\") (param i32) (local";
  for (int i = 0; i < 1000; ++i) wat += " i64";
  wat += ") (if (local.get 0) (then (call $f (i32.sub (local.get 0) (i32.const 1)))))))";
  Module m = must_compile(engine, wat);
  Store store(engine);
  StoreLimits l;
  l.max_value_stack_bytes = 64 << 10;
  store.set_limits(l);
  Instance inst = instantiate(store, m);
  EXPECT_TRUE(call(store, inst, "f", {Val::i32(3)}).ok());
  auto r = call(store, inst, "f", {Val::i32(20)});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Exhaustion);
  EXPECT_EQ(r.error().message, "call stack exhausted");
}

TEST(Limits, MaxInstances) {
  Engine engine;
  Module m = must_compile(engine, "(module)");
  Store store(engine);
  StoreLimits l;
  l.max_instances = 2;
  store.set_limits(l);
  EXPECT_TRUE(Instance::create(store, m, {}).ok());
  EXPECT_TRUE(Instance::create(store, m, {}).ok());
  auto r = Instance::create(store, m, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("instance"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace wisp
