// GC references in the public API: rooted Vals (exnref, anyref), i31ref values, extern_to_any /
// any_to_extern, and the GC heap limit setting.
#include <gtest/gtest.h>

#include "api_test_util.h"
#include "gc/heap.h"
#include "runtime/store_data.h"

namespace wisp {
namespace {

using testing::must_compile;

// `make n` returns an exception carrying n; `churn k` throws and catches k exceptions (garbage);
// `payload e` rethrows e and returns its payload.
constexpr const char* kExnModule = R"((module (tag $e (param i32))
  (func (export "make") (param $n i32) (result exnref)
    (block $h (result exnref) (try_table (catch_all_ref $h) (throw $e (local.get $n))) (unreachable)))
  (func (export "churn") (param $k i32)
    (loop $l
      (block $h (try_table (catch_all $h) (throw $e (local.get $k))))
      (br_if $l (local.tee $k (i32.sub (local.get $k) (i32.const 1))))))
  (func (export "payload") (param $x exnref) (result i32)
    (block $h (result i32) (try_table (catch $e $h) (throw_ref (local.get $x))) (unreachable))))
)";

TEST(ApiGc, HostHeldExnrefIsARoot) {
  Engine engine;
  Store store(engine);
  Module m = must_compile(engine, kExnModule);
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok());
  Result<std::vector<Val>> made = inst->get_func(store, "make")->call(store, {Val::i32(4242)});
  ASSERT_TRUE(made.ok()) << made.error().to_string();
  Val held = (*made)[0];
  ASSERT_EQ(held.kind(), ValKind::exnref);
  ASSERT_FALSE(held.is_null());
  made->clear();
  const gc::HeapStats& stats = gc::heap_of(store.data_internal()).stats();
  uint64_t before = stats.collections;
  ASSERT_TRUE(inst->get_func(store, "churn")->call(store, {Val::i32(600000)}).ok());
  EXPECT_GT(stats.collections, before);
  Result<std::vector<Val>> p = inst->get_func(store, "payload")->call(store, {held});
  ASSERT_TRUE(p.ok()) << p.error().to_string();
  EXPECT_EQ((*p)[0].as_i32(), 4242);
  // Dropped, it is collected.
  uint64_t live = stats.live_objects;
  held = Val();
  gc::heap_of(store.data_internal()).collect({});
  EXPECT_LT(stats.live_objects, live);
}

TEST(ApiGc, I31AndExternConversions) {
  Engine engine;
  Store store(engine);
  Val i = Val::i31ref(-5);
  EXPECT_EQ(i.kind(), ValKind::i31ref);
  EXPECT_EQ(i.as_i31(), -5);
  EXPECT_EQ(Val::i31ref(0x40000000).as_i31(), -0x40000000);
  EXPECT_FALSE(Val::null(ValKind::anyref).as_i31());

  Result<Val> any = store.extern_to_any(Val::externref(99));
  ASSERT_TRUE(any.ok());
  EXPECT_EQ(any->kind(), ValKind::anyref);
  EXPECT_FALSE(any->as_i31());
  Result<Val> back = store.any_to_extern(*any);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->as_externref(), 99u);
  // An i31 goes out boxed and comes back as itself.
  Result<Val> ext = store.any_to_extern(i);
  ASSERT_TRUE(ext.ok());
  Result<Val> again = store.extern_to_any(*ext);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->as_i31(), -5);
  EXPECT_TRUE(store.extern_to_any(Val::null(ValKind::externref))->is_null());
  EXPECT_FALSE(store.extern_to_any(Val::i32(1)).ok());
  // The boxes are rooted while held.
  gc::heap_of(store.data_internal()).collect({});
  EXPECT_EQ(store.any_to_extern(*any)->as_externref(), 99u);
  EXPECT_GT(store.gc_heap_bytes(), 0u);
}

TEST(ApiGc, HeapLimitTraps) {
  Engine engine;
  Store store(engine);
  StoreLimits limits;
  limits.max_gc_heap_bytes = 4096;
  store.set_limits(limits);
  Module m = must_compile(engine, kExnModule);
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok());
  std::vector<Val> held;
  Result<std::vector<Val>> r = std::vector<Val>{};
  for (int n = 0; n < 1000 && r.ok(); ++n) {
    r = inst->get_func(store, "make")->call(store, {Val::i32(n)});
    if (r.ok()) held.push_back((*r)[0]);
  }
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Trap);
  EXPECT_NE(r.error().message.find("allocation failed: GC heap limit"), std::string::npos) << r.error().message;
  EXPECT_GT(held.size(), 50u);
  EXPECT_LE(store.gc_heap_bytes(), 4096u);
}

// The heap's figures through the API: zero before any allocation, then collections with their pauses
// once the allocation volume passes the trigger, and only what is reachable left live.
TEST(ApiGc, StatsCountCollectionsAndPauses) {
  Engine engine;
  Store store(engine);
  EXPECT_EQ(store.gc_stats().allocated_bytes, 0u);
  Module m = must_compile(engine, R"((module
    (type $n (struct (field i64) (field (ref null $n))))
    (func (export "churn") (param $k i32) (result i64)
      (local $keep (ref null $n))
      (loop $l
        (local.set $keep (struct.new $n (i64.extend_i32_u (local.get $k)) (ref.null $n)))
        (br_if $l (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
      (struct.get $n 0 (ref.as_non_null (local.get $keep))))))");
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  Result<std::vector<Val>> r = inst->get_func(store, "churn")->call(store, {Val::i32(1'000'000)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].as_i64(), 1);
  GcStats s = store.gc_stats();
  EXPECT_GE(s.allocated_bytes, 32'000'000u);  // a million 32-byte objects
  EXPECT_GE(s.collections, 2u);
  EXPECT_GE(s.freed_objects, 500'000u);
  EXPECT_LT(s.live_objects, 600'000u);
  EXPECT_LE(s.live_bytes, s.heap_bytes);
  EXPECT_GT(s.max_pause_ns, 0u);
  EXPECT_GE(s.total_pause_ns, s.max_pause_ns);
  EXPECT_EQ(s.live_bytes, store.gc_heap_bytes());
}

}  // namespace
}  // namespace wisp
