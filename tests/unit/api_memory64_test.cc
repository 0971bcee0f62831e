// memory64 at full size through the public API: a 64-bit memory grown to 5 GiB under the store's default
// limits, stores and loads above 4 GiB round-tripping (Wasm and host both ways), the end checked exactly
// (address + offset overflow included), in both dispatch modes and both bounds-check configurations. Only
// a few pages are touched: the test checks that the process's resident memory stays small.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <unistd.h>

#include "api_test_util.h"

namespace wisp {
namespace {

using testing::must_compile;

constexpr const char* kWat = R"((module
  (memory (export "mem") i64 1)
  (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0)))
  (func (export "size") (result i64) (memory.size))
  (func (export "rt") (param i64 i64) (result i64)
    (i64.store (local.get 0) (local.get 1)) (i64.load (local.get 0)))
  (func (export "load8") (param i64) (result i32) (i32.load8_u (local.get 0)))
  (func (export "load_4g") (param i64) (result i64) (i64.load offset=0x100000000 (local.get 0)))
  (func (export "load_max") (param i64) (result i32) (i32.load8_u offset=0xffffffffffffffff (local.get 0)))
  (func (export "fill") (param i64 i32 i64) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy") (param i64 i64 i64) (memory.copy (local.get 0) (local.get 1) (local.get 2))))
)";

// Resident set size of this process in bytes (Linux), 0 when unknown.
uint64_t resident_bytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long long size = 0, resident = 0;
  int n = std::fscanf(f, "%llu %llu", &size, &resident);
  std::fclose(f);
  return n == 2 ? resident * uint64_t(sysconf(_SC_PAGESIZE)) : 0;
}

// The value of a successful call; a failure fails the test (with its error) and gives T{}.
template <typename T>
T ok_value(const Result<T>& r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_string());
  return r.ok() ? *r : T{};
}

class Memory64FiveGiB : public ::testing::TestWithParam<std::tuple<Config::Dispatch, bool>> {};

TEST_P(Memory64FiveGiB, GrowStoreLoadTrap) {
  Config config;
  config.dispatch = std::get<0>(GetParam());
  config.explicit_bounds_checks = std::get<1>(GetParam());
  config.features.set(Feature::memory64);
  Engine engine(config);
  Store store(engine);  // default limits: they must allow 5 GiB
  Module module = must_compile(engine, kWat);
  Result<Instance> inst = Instance::create(store, module, {});
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  const uint64_t rss_before = resident_bytes();

  auto grow = inst->get_typed_func<int64_t(int64_t)>(store, "grow").value();
  auto size = inst->get_typed_func<int64_t()>(store, "size").value();
  auto rt = inst->get_typed_func<int64_t(int64_t, int64_t)>(store, "rt").value();
  auto load8 = inst->get_typed_func<int32_t(int64_t)>(store, "load8").value();
  auto load_4g = inst->get_typed_func<int64_t(int64_t)>(store, "load_4g").value();
  auto load_max = inst->get_typed_func<int32_t(int64_t)>(store, "load_max").value();
  auto fill = inst->get_typed_func<void(int64_t, int32_t, int64_t)>(store, "fill").value();
  auto copy = inst->get_typed_func<void(int64_t, int64_t, int64_t)>(store, "copy").value();
  auto is_oob = [](const auto& r) { return !r.ok() && r.error().message == "out of bounds memory access"; };

  constexpr int64_t k4G = int64_t(1) << 32, k5G = int64_t(5) << 30;
  auto g = grow.call(store, 81919);
  ASSERT_TRUE(g.ok()) << g.error().to_string();
  ASSERT_EQ(*g, 1);  // 1 page -> 81920 pages = 5 GiB
  EXPECT_EQ(ok_value(size.call(store)), 81920);
  Memory mem = *inst->get_memory(store, "mem");
  EXPECT_EQ(ok_value(mem.size(store)), uint64_t(k5G));
  EXPECT_EQ(ok_value(mem.pages(store)), 81920u);
  EXPECT_TRUE(mem.type(store)->is64);

  // Above 4 GiB: Wasm stores and loads round-trip, and the host sees the same bytes (both ways).
  EXPECT_EQ(ok_value(rt.call(store, k4G + 0x12345678, 0x1122334455667788)), 0x1122334455667788);
  uint8_t byte = 0;
  ASSERT_TRUE(mem.read(store, k4G + 0x12345678, std::span<uint8_t>(&byte, 1)).ok());
  EXPECT_EQ(byte, 0x88);
  const uint8_t host_byte = 0x5a;
  ASSERT_TRUE(mem.write(store, k5G - 1, std::span<const uint8_t>(&host_byte, 1)).ok());
  EXPECT_EQ(ok_value(load8.call(store, k5G - 1)), 0x5a);
  EXPECT_EQ(mem.data(store)[k5G - 1], 0x5a);
  EXPECT_EQ(ok_value(rt.call(store, k5G - 8, 7)), 7);          // the last 8 bytes
  EXPECT_EQ(ok_value(load_4g.call(store, k5G - k4G - 8)), 7);  // address + offset above 4 GiB

  // Past the end: traps, at every edge; nothing wraps.
  EXPECT_TRUE(is_oob(rt.call(store, k5G - 7, 1)));
  EXPECT_TRUE(is_oob(load8.call(store, k5G)));
  EXPECT_TRUE(is_oob(load8.call(store, -1)));
  EXPECT_TRUE(is_oob(load_4g.call(store, k5G - k4G - 7)));
  EXPECT_TRUE(is_oob(load_max.call(store, 1)));               // address + offset overflows u64
  EXPECT_TRUE(is_oob(load_max.call(store, 0)));
  EXPECT_TRUE(is_oob(fill.call(store, k5G - 2, 1, 3)));
  EXPECT_TRUE(is_oob(copy.call(store, k4G, k5G - 2, 3)));
  EXPECT_FALSE(mem.read(store, k5G - 1, std::span<uint8_t>(&byte, 2)).ok());

  // Bulk operations above 4 GiB.
  ASSERT_TRUE(fill.call(store, k4G + 100, 0xab, 16).ok());
  ASSERT_TRUE(copy.call(store, k5G - 16, k4G + 100, 16).ok());
  EXPECT_EQ(ok_value(load8.call(store, k5G - 1)), 0xab);

  // The store's default limit (16 GiB per memory) stops growth well before the host runs out.
  EXPECT_EQ(ok_value(grow.call(store, int64_t(1) << 20)), -1);
  EXPECT_EQ(ok_value(size.call(store)), 81920);

  // Growing reserved and committed 5 GiB but touched a handful of pages.
  const uint64_t rss_after = resident_bytes();
  if (rss_before != 0 && rss_after != 0) {
    EXPECT_LT(rss_after - std::min(rss_after, rss_before), uint64_t(64) << 20);
  }
}

INSTANTIATE_TEST_SUITE_P(Modes, Memory64FiveGiB,
                         ::testing::Combine(::testing::Values(Config::Dispatch::tailcall, Config::Dispatch::loop),
                                            ::testing::Bool()),
                         [](const auto& info) {
                           return std::string(std::get<0>(info.param) == Config::Dispatch::loop ? "loop" : "tailcall") +
                                  (std::get<1>(info.param) ? "_explicit" : "_guarded");
                         });

}  // namespace
}  // namespace wisp
