// A dropped store's linear memory reservation and stacks are kept for the next stores
// (runtime/memory_posix.cc, interp/executor.cc): the next store must see none of the old contents and
// exactly its own memory size (bytes past it still trap), whatever the sizes of the two.
#include <gtest/gtest.h>

#include <string>

#include "api_test_util.h"

namespace wisp {
namespace {

constexpr const char* kWat = R"((module
  (memory (export "mem") 1)
  ;; Fills [0, n) with 0xAB.
  (func (export "fill") (param $n i32)
    (memory.fill (i32.const 0) (i32.const 0xAB) (local.get $n)))
  ;; Sum of the bytes in [0, n).
  (func (export "sum") (param $n i32) (result i64) (local $i i32) (local $s i64)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $s (i64.add (local.get $s) (i64.load8_u (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $s))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0)))
  ;; Recursion with live values in every frame: a deep stack for the next store to reuse.
  (func $deep (export "deep") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (local.get $n) (call $deep (i32.sub (local.get $n) (i32.const 1))))))))
)";

struct Guest {
  Store store;
  Instance inst;
  explicit Guest(const Engine& e, const Module& m) : store(e) {
    auto i = Instance::create(store, m, {});
    EXPECT_TRUE(i.ok());
    if (i.ok()) inst = *i;
  }
  template <class Sig, class... A>
  auto call(const char* name, A... a) {
    return inst.get_typed_func<Sig>(store, name)->call(store, a...);
  }
};

TEST(StoreReuse, NextStoreSeesZeroedMemoryOfItsOwnSize) {
  Engine engine;
  Module module = testing::must_compile(engine, kWat);
  constexpr int32_t kPage = 65536;
  // Small (memset path) and large (madvise path, > 256 KiB) previous memories.
  for (int32_t grow : {0, 7}) {
    {
      Guest a(engine, module);
      ASSERT_EQ(*a.call<int32_t(int32_t)>("grow", grow), 1);
      ASSERT_TRUE(a.call<void(int32_t)>("fill", (1 + grow) * kPage).ok());
      ASSERT_EQ(*a.call<int64_t(int32_t)>("sum", 16), 16 * 0xAB);
    }
    for (int k = 0; k < 6; ++k) {  // more stores than the cache holds
      Guest b(engine, module);
      EXPECT_EQ(*b.call<int64_t(int32_t)>("sum", kPage), 0) << "grow " << grow;
      // One page: the byte after it traps, whatever the previous memory had committed.
      EXPECT_EQ(*b.call<int32_t(int32_t)>("load", kPage - 1), 0);
      auto oob = b.call<int32_t(int32_t)>("load", kPage);
      ASSERT_FALSE(oob.ok()) << "grow " << grow;
      EXPECT_EQ(oob.error().message, "out of bounds memory access");
      // Growing commits fresh zero pages.
      ASSERT_EQ(*b.call<int32_t(int32_t)>("grow", 2), 1);
      EXPECT_EQ(*b.call<int64_t(int32_t)>("sum", 3 * kPage), 0);
      ASSERT_TRUE(b.call<void(int32_t)>("fill", 3 * kPage).ok());
    }
  }
}

TEST(StoreReuse, StacksOfDroppedStoresServeTheNextOnes) {
  Engine engine;
  Module module = testing::must_compile(engine, kWat);
  for (int k = 0; k < 5; ++k) {
    Guest r(engine, module);
    EXPECT_EQ(*r.call<int32_t(int32_t)>("deep", 10000), 10000 * 10001 / 2);
    EXPECT_EQ(*r.call<int32_t(int32_t)>("deep", 3), 6);
  }
  // A store with other limits gets stacks of its own sizes.
  Guest small(engine, module);
  StoreLimits limits;
  limits.max_call_depth = 100;
  small.store.set_limits(limits);
  auto r = small.call<int32_t(int32_t)>("deep", 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "call stack exhausted");
  EXPECT_EQ(*small.call<int32_t(int32_t)>("deep", 50), 50 * 51 / 2);
}

}  // namespace
}  // namespace wisp
