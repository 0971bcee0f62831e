// Public API: per-store deadlines (Store::set_deadline / set_timeout / clear_deadline).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "api_test_util.h"

namespace wisp {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// The machine running the tests may be loaded: deadlines must never fire early, and fire "soon" after.
constexpr milliseconds kSlack{3000};

constexpr const char* kWat = R"((module
  (func (export "forever") (loop $l (br $l)))
  (func (export "count") (param i32) (result i32)
    (loop $l (local.set 0 (i32.sub (local.get 0) (i32.const 1))) (br_if $l (local.get 0)))
    (local.get 0))
  (func (export "one") (result i32) (i32.const 1)))
)";

Config interruptible() {
  Config c;
  c.interruptible = true;
  return c;
}

struct Guest {
  explicit Guest(const Engine& engine) : store(engine) {
    Module m = testing::must_compile(engine, kWat);
    Result<Instance> inst = Instance::create(store, m, {});
    EXPECT_TRUE(inst.ok());
    if (inst.ok()) instance = *inst;
  }
  Result<std::vector<Val>> call(const char* name, std::initializer_list<Val> args = {}) {
    return instance.get_func(store, name)->call(store, args);
  }
  Store store;
  Instance instance;
};

bool is_deadline(const Result<std::vector<Val>>& r) {
  return !r.ok() && r.error().kind == ErrorKind::Trap && r.error().message == "deadline exceeded";
}

TEST(ApiDeadline, StopsAnEndlessLoopSoonAfterTheDeadline) {
  Engine engine(interruptible());
  Guest g(engine);
  auto start = Clock::now();
  ASSERT_TRUE(g.store.set_timeout(milliseconds(50)).ok());
  auto r = g.call("forever");
  auto elapsed = Clock::now() - start;
  ASSERT_TRUE(is_deadline(r)) << (r.ok() ? "returned" : r.error().to_string());
  EXPECT_GE(elapsed, milliseconds(50));
  EXPECT_LT(elapsed, milliseconds(50) + kSlack);
  EXPECT_FALSE(r.error().backtrace.empty());
  // The deadline stays expired: later calls trap at their first check until it is cleared or replaced.
  EXPECT_TRUE(is_deadline(g.call("one")));
  g.store.clear_deadline();
  auto ok = g.call("one");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ((*ok)[0].as_i32(), 1);
}

TEST(ApiDeadline, AbsoluteDeadlineInThePastTrapsAtTheFirstCheck) {
  Engine engine(interruptible());
  Guest g(engine);
  ASSERT_TRUE(g.store.set_deadline(Clock::now() - milliseconds(1)).ok());
  EXPECT_TRUE(is_deadline(g.call("one")));  // no loop: the function entry check
  ASSERT_TRUE(g.store.set_timeout(std::chrono::nanoseconds(0)).ok());
  EXPECT_TRUE(is_deadline(g.call("count", {Val::i32(10)})));
  // A new, later deadline withdraws the expired one.
  ASSERT_TRUE(g.store.set_timeout(std::chrono::hours(1)).ok());
  auto r = g.call("count", {Val::i32(1000)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].as_i32(), 0);
}

TEST(ApiDeadline, ClearedDeadlineNeverFires) {
  Engine engine(interruptible());
  Guest g(engine);
  ASSERT_TRUE(g.store.set_timeout(milliseconds(20)).ok());
  g.store.clear_deadline();
  std::this_thread::sleep_for(milliseconds(60));
  auto r = g.call("count", {Val::i32(100000)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  // Replaced deadlines: only the last one counts.
  ASSERT_TRUE(g.store.set_timeout(milliseconds(10)).ok());
  ASSERT_TRUE(g.store.set_timeout(std::chrono::hours(1)).ok());
  std::this_thread::sleep_for(milliseconds(40));
  EXPECT_TRUE(g.call("one").ok());
  // Huge timeouts are clamped, not overflowed into the past.
  ASSERT_TRUE(g.store.set_timeout(std::chrono::nanoseconds::max()).ok());
  EXPECT_TRUE(g.call("one").ok());
}

TEST(ApiDeadline, InterruptAndDeadlineAreDistinct) {
  Engine engine(interruptible());
  Guest g(engine);
  g.store.interrupt_handle().interrupt();
  auto r = g.call("one");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "interrupted");
  // Setting or clearing a deadline does not withdraw an interrupt request; clear_interrupt does.
  ASSERT_TRUE(g.store.set_timeout(std::chrono::hours(1)).ok());
  g.store.clear_deadline();
  r = g.call("one");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "interrupted");
  g.store.clear_interrupt();
  EXPECT_TRUE(g.call("one").ok());
  // clear_interrupt also withdraws an expired deadline.
  ASSERT_TRUE(g.store.set_deadline(Clock::now() - milliseconds(1)).ok());
  EXPECT_TRUE(is_deadline(g.call("one")));
  g.store.clear_interrupt();
  EXPECT_TRUE(g.call("one").ok());
}

TEST(ApiDeadline, NeedsAnInterruptibleEngine) {
  Engine engine;  // no checks are emitted: a deadline could not stop anything
  Guest g(engine);
  Result<void> r = g.store.set_timeout(milliseconds(1));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Usage);
  g.store.clear_deadline();  // harmless
  EXPECT_TRUE(g.call("one").ok());
}

TEST(ApiDeadline, StoresOnManyThreadsEachStopAtTheirOwnDeadline) {
  Engine engine(interruptible());
  Module m = testing::must_compile(engine, kWat);
  constexpr int kThreads = 6;
  std::vector<Clock::duration> elapsed(kThreads);
  std::vector<int> stopped(kThreads, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      Store store(engine);
      Result<Instance> inst = Instance::create(store, m, {});
      if (!inst.ok()) return;
      auto start = Clock::now();
      if (!store.set_timeout(milliseconds(40 * (i + 1))).ok()) return;
      auto r = inst->get_func(store, "forever")->call(store, {});
      elapsed[i] = Clock::now() - start;
      stopped[i] = is_deadline(r) ? 1 : 0;
    });
  }
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) {
    EXPECT_EQ(stopped[i], 1) << i;
    EXPECT_GE(elapsed[i], milliseconds(40 * (i + 1))) << i;
    EXPECT_LT(elapsed[i], milliseconds(40 * (i + 1)) + kSlack) << i;
  }
}

TEST(ApiDeadline, StoresDestroyedWithPendingDeadlinesAreSafe) {
  Engine engine(interruptible());
  // Many short-lived stores whose deadlines expire around their destruction, from two threads, while a
  // long-lived store keeps a deadline queued: the timer must never touch a destroyed store (ASan).
  Store keeper(engine);
  ASSERT_TRUE(keeper.set_timeout(std::chrono::hours(1)).ok());
  auto churn = [&engine](int seed) {
    for (int i = 0; i < 300; ++i) {
      auto store = std::make_unique<Store>(engine);
      (void)store->set_timeout(std::chrono::microseconds((i * 37 + seed) % 2000));
      if (i % 3 == 0) std::this_thread::sleep_for(std::chrono::microseconds(500));
      store.reset();
    }
  };
  std::thread t1(churn, 1), t2(churn, 2);
  t1.join();
  t2.join();
  std::this_thread::sleep_for(milliseconds(10));  // any deadline left would fire now
  // The service still works after all that.
  Guest g(engine);
  ASSERT_TRUE(g.store.set_timeout(milliseconds(20)).ok());
  EXPECT_TRUE(is_deadline(g.call("forever")));
}

}  // namespace
}  // namespace wisp
