// A guest that traps, loops forever, exhausts its memory limit or recurses without end never takes the
// host down: each case fails the guest's call with a clear error, and the host (the same store where
// that is meaningful, else a new one) keeps running guest code afterwards.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <thread>

#include "text/wat.h"
#include "wisp/wisp.h"

namespace {

using namespace std::chrono_literals;

// Every case below lives in this module; `ok` is the "host is still fine" probe.
constexpr std::string_view kGuest = R"((module
  (memory (export "memory") 1)
  (func (export "ok") (result i32) (i32.const 42))
  (func (export "unreachable") (unreachable))
  (func (export "div") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
  (func (export "oob") (result i32) (i32.load (i32.const 0xfffffff0)))
  (func (export "loop") (loop $l (br $l)))
  (func (export "busy") (result i32) (local $i i32)
    (loop $l (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $l))
    (local.get $i))
  (func $recurse (export "recurse") (param i32) (result i32)
    (i32.add (call $recurse (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))
  ;; Grows one page at a time until memory.grow fails; returns the pages it got.
  (func (export "grow_all") (result i32) (local $n i32)
    (block $done (loop $l
      (br_if $done (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $l)))
    (local.get $n))
  ;; Touches the last byte of the memory it has, then one byte past it.
  (func (export "touch_past_end") (result i32)
    (i32.store8 (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 1)) (i32.const 7))
    (i32.load8_u (i32.mul (memory.size) (i32.const 65536))))
))";

wisp::Module compile(const wisp::Engine& engine) {
  auto bytes = wisp::text::wat_to_wasm(kGuest);
  EXPECT_TRUE(bytes.ok());
  auto module = wisp::Module::compile(engine, *bytes);
  EXPECT_TRUE(module.ok()) << module.error().to_string();
  return std::move(*module);
}

// A store with the guest instantiated.
struct Guest {
  explicit Guest(const wisp::Config& config = {}, const wisp::StoreLimits& limits = {})
      : engine(config), store(engine) {
    store.set_limits(limits);
    wisp::Module module = compile(engine);
    auto inst = wisp::Instance::create(store, module, {});
    EXPECT_TRUE(inst.ok()) << inst.error().to_string();
    instance = *inst;
  }
  wisp::Func func(std::string_view name) {
    auto f = instance.get_func(store, name);
    EXPECT_TRUE(f.has_value()) << name;
    return f.value_or(wisp::Func());
  }
  // Calls `name` (no arguments) and returns the error it must fail with.
  wisp::Error fails(std::string_view name, std::initializer_list<wisp::Val> args = {}) {
    auto r = func(name).call(store, args);
    EXPECT_FALSE(r.ok()) << name << " did not fail";
    return r.ok() ? wisp::Error() : r.error();
  }
  // The host can still run guest code in this store.
  void still_alive() {
    auto ok = func("ok").typed<int32_t()>(store);
    ASSERT_TRUE(ok.ok());
    auto r = ok->call(store);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(*r, 42);
  }

  wisp::Engine engine;
  wisp::Store store;
  wisp::Instance instance;
};

TEST(GuestSafety, TrapUnreachable) {
  Guest g;
  wisp::Error e = g.fails("unreachable");
  EXPECT_EQ(e.kind, wisp::ErrorKind::Trap);
  EXPECT_EQ(e.message, "unreachable");
  EXPECT_FALSE(e.backtrace.empty());
  g.still_alive();
}

TEST(GuestSafety, TrapDivideByZero) {
  Guest g;
  wisp::Error e = g.fails("div", {wisp::Val::i32(0)});
  EXPECT_EQ(e.kind, wisp::ErrorKind::Trap);
  EXPECT_EQ(e.message, "integer divide by zero");
  g.still_alive();
}

TEST(GuestSafety, TrapOutOfBoundsGuardPages) {
  Guest g;
  wisp::Error e = g.fails("oob");
  EXPECT_EQ(e.kind, wisp::ErrorKind::Trap);
  EXPECT_EQ(e.message, "out of bounds memory access");
  g.still_alive();
}

TEST(GuestSafety, TrapOutOfBoundsExplicitChecks) {
  wisp::Config config;
  config.explicit_bounds_checks = true;
  Guest g(config);
  wisp::Error e = g.fails("oob");
  EXPECT_EQ(e.message, "out of bounds memory access");
  g.still_alive();
}

TEST(GuestSafety, ManyTrapsInARow) {
  Guest g;
  for (int i = 0; i < 2000; i++) {
    auto r = g.func(i % 2 ? "unreachable" : "oob").call(g.store, {});
    ASSERT_FALSE(r.ok());
  }
  g.still_alive();
}

TEST(GuestSafety, EndlessLoopStoppedByFuel) {
  wisp::Config config;
  config.consume_fuel = true;
  Guest g(config);
  ASSERT_TRUE(g.store.set_fuel(1'000'000).ok());
  for (const char* name : {"loop", "busy"}) {
    wisp::Error e = g.fails(name);
    EXPECT_EQ(e.kind, wisp::ErrorKind::Trap);
    EXPECT_EQ(e.message, "all fuel consumed") << name;
    ASSERT_TRUE(g.store.set_fuel(1'000'000).ok());
  }
  g.still_alive();
  auto left = g.store.get_fuel();
  ASSERT_TRUE(left.ok());
  EXPECT_LT(*left, 1'000'000u);  // the probe consumed some
}

TEST(GuestSafety, EndlessLoopStoppedByInterruptFromAnotherThread) {
  wisp::Config config;
  config.interruptible = true;
  Guest g(config);
  for (const char* name : {"loop", "busy"}) {
    wisp::InterruptHandle handle = g.store.interrupt_handle();
    std::thread stopper([handle] {
      std::this_thread::sleep_for(50ms);
      handle.interrupt();
    });
    auto start = std::chrono::steady_clock::now();
    wisp::Error e = g.fails(name);
    stopper.join();
    EXPECT_EQ(e.kind, wisp::ErrorKind::Trap);
    EXPECT_EQ(e.message, "interrupted") << name;
    EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
    g.store.clear_interrupt();
  }
  g.still_alive();
}

TEST(GuestSafety, MemoryLimitRefusesGrowth) {
  wisp::StoreLimits limits;
  limits.max_memory_pages = 16;
  Guest g({}, limits);
  auto grow_all = g.func("grow_all").typed<int32_t()>(g.store);
  ASSERT_TRUE(grow_all.ok());
  auto got = grow_all->call(g.store);
  ASSERT_TRUE(got.ok()) << got.error().to_string();
  EXPECT_EQ(*got, 15);  // from 1 page to the limit of 16, then memory.grow returns -1
  // Going past the end of the memory it has is a trap, not a host fault.
  wisp::Error e = g.fails("touch_past_end");
  EXPECT_EQ(e.message, "out of bounds memory access");
  g.still_alive();
}

TEST(GuestSafety, MemoryLimitExplicitChecks) {
  wisp::Config config;
  config.explicit_bounds_checks = true;
  wisp::StoreLimits limits;
  limits.max_memory_pages = 4;
  Guest g(config, limits);
  auto got = g.func("grow_all").call(g.store, {});
  ASSERT_TRUE(got.ok()) << got.error().to_string();
  EXPECT_EQ((*got)[0].as_i32(), 3);
  EXPECT_EQ(g.fails("touch_past_end").message, "out of bounds memory access");
  g.still_alive();
}

TEST(GuestSafety, EndlessRecursionExhaustsTheStack) {
  Guest g;
  wisp::Error e = g.fails("recurse", {wisp::Val::i32(0)});
  EXPECT_EQ(e.kind, wisp::ErrorKind::Exhaustion);
  EXPECT_EQ(e.message, "call stack exhausted");
  g.still_alive();
  // The stack was unwound: it exhausts again at the same depth, not sooner.
  EXPECT_EQ(g.fails("recurse", {wisp::Val::i32(0)}).message, "call stack exhausted");
}

TEST(GuestSafety, EndlessRecursionWithSmallDepthLimit) {
  wisp::StoreLimits limits;
  limits.max_call_depth = 100;
  Guest g({}, limits);
  wisp::Error e = g.fails("recurse", {wisp::Val::i32(0)});
  EXPECT_EQ(e.kind, wisp::ErrorKind::Exhaustion);
  g.still_alive();
}

}  // namespace
