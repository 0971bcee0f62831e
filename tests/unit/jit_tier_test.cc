// Tiering (DESIGN.md §10): code packing of a module compiled whole, tier-up of hot functions in
// Config::tier automatic (calls and loop iterations), OSR into a running loop, tier-up from several
// threads at once on a shared Module.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "api_test_util.h"

#if WISP_HAVE_JIT
#include "jit/code_memory.h"
#endif

namespace wisp {
namespace {

#if WISP_HAVE_JIT

TEST(JitCodePacking, BatchSharesOneExecutableMapping) {
  jit::CodeMemory mem(1 << 20);
  std::vector<uint8_t> a = {0xb8, 0x01, 0x00, 0x00, 0x00, 0xc3};  // mov eax, 1; ret
  std::vector<uint8_t> b = {0xb8, 0x02, 0x00, 0x00, 0x00, 0xc3};  // mov eax, 2; ret
  std::vector<std::span<const uint8_t>> pieces = {a, b, a};
  std::vector<const uint8_t*> at = mem.install_batch(pieces);
  ASSERT_EQ(at.size(), 3u);
  EXPECT_EQ(at[1] - at[0], 16);  // 16-byte aligned, packed
  EXPECT_EQ(at[2] - at[1], 16);
  EXPECT_EQ(testing::mapping_perms(at[0]), "r-xp");
  EXPECT_EQ(mem.used_bytes(), jit::code_page_size());
  EXPECT_EQ(reinterpret_cast<int (*)()>(reinterpret_cast<uintptr_t>(at[1]))(), 2);
  EXPECT_EQ(reinterpret_cast<int (*)()>(reinterpret_cast<uintptr_t>(at[2]))(), 1);
  jit::CodeMemory small(jit::code_page_size());
  std::vector<uint8_t> big(jit::code_page_size(), 0xc3);
  std::vector<std::span<const uint8_t>> too_much = {a, big};
  std::vector<const uint8_t*> none = small.install_batch(too_much);
  ASSERT_EQ(none.size(), 2u);
  EXPECT_EQ(none[0], nullptr);
  EXPECT_EQ(none[1], nullptr);
  EXPECT_EQ(small.used_bytes(), 0u);
}

#endif

constexpr const char* kTierWat = R"((module
  (func $add (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  ;; One long loop: the work of a `main` that is called once.
  (func (export "sum") (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (call $add (local.get $i) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $acc))
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func (export "cold") (result i32) (i32.const 7)))
)";

struct TierRun {
  int64_t sum = 0;
  int32_t fib = 0;
  TierStats stats;
};

TierRun run_tier(Config::Tier tier, uint32_t threshold, int32_t n) {
  Config c;
  c.tier = tier;
  c.tier_up_threshold = threshold;
  Engine engine(c);
  Store store(engine);
  Module m = testing::must_compile(engine, kTierWat);
  Result<Instance> inst = Instance::create(store, m, {});
  EXPECT_TRUE(inst.ok());
  TierRun out;
  auto s = inst->get_func(store, "sum")->call(store, {Val::i32(n)});
  EXPECT_TRUE(s.ok());
  if (s.ok()) out.sum = (*s)[0].as_i64();
  auto f = inst->get_func(store, "fib")->call(store, {Val::i32(20)});
  EXPECT_TRUE(f.ok());
  if (f.ok()) out.fib = (*f)[0].as_i32();
  auto k = inst->get_func(store, "cold")->call(store, {});
  EXPECT_TRUE(k.ok());
  out.stats = engine.tier_stats();
  return out;
}

TEST(JitTier, HotLoopAndHotCallsTierUp) {
  const int32_t n = 100000;
  TierRun ref = run_tier(Config::Tier::interp, 1000, n);
  EXPECT_EQ(ref.sum, int64_t(n) * (n + 1) / 2);
  EXPECT_EQ(ref.fib, 6765);
  TierRun a = run_tier(Config::Tier::automatic, 1000, n);
  EXPECT_EQ(a.sum, ref.sum);
  EXPECT_EQ(a.fib, ref.fib);
  if (Config::tier_supported(Config::Tier::jit)) {
    // sum (its loop: OSR, as it is called once), add (its calls) and fib; not `cold` (one call).
    EXPECT_EQ(a.stats.compiled, 3u);
    EXPECT_EQ(a.stats.not_compiled, 0u);
    EXPECT_GT(a.stats.code_bytes, 0u);
  }
  // Threshold 1: everything tiers up at its first call or iteration.
  TierRun b = run_tier(Config::Tier::automatic, 1, n);
  EXPECT_EQ(b.sum, ref.sum);
  EXPECT_EQ(b.fib, ref.fib);
  if (Config::tier_supported(Config::Tier::jit)) {
    EXPECT_EQ(b.stats.compiled, 4u);
  }
  // A threshold never reached: nothing compiled.
  TierRun c = run_tier(Config::Tier::automatic, 1000000000, 10);
  EXPECT_EQ(c.sum, 55);
  EXPECT_EQ(c.stats.compiled, 0u);
}

TEST(JitTier, ThreadsTierUpOneSharedModule) {
  Config c;
  c.tier_up_threshold = 50;
  Engine engine(c);
  Module m = testing::must_compile(engine, kTierWat);
  std::vector<std::thread> threads;
  std::vector<int64_t> sums(4, 0);
  std::vector<int32_t> fibs(4, 0);
  for (size_t t = 0; t < sums.size(); ++t) {
    threads.emplace_back([&, t] {
      Store store(engine);
      Result<Instance> inst = Instance::create(store, m, {});
      if (!inst.ok()) return;
      for (int rep = 0; rep < 20; ++rep) {
        auto s = inst->get_func(store, "sum")->call(store, {Val::i32(int32_t(1000 + t))});
        auto f = inst->get_func(store, "fib")->call(store, {Val::i32(15)});
        if (s.ok()) sums[t] += (*s)[0].as_i64();
        if (f.ok()) fibs[t] += (*f)[0].as_i32();
      }
    });
  }
  for (auto& th : threads) th.join();
  for (size_t t = 0; t < sums.size(); ++t) {
    int64_t n = int64_t(1000 + t);
    EXPECT_EQ(sums[t], 20 * n * (n + 1) / 2);
    EXPECT_EQ(fibs[t], 20 * 610);
  }
  if (Config::tier_supported(Config::Tier::jit)) {
    EXPECT_EQ(engine.tier_stats().compiled, 3u);
  }
}

}  // namespace
}  // namespace wisp
