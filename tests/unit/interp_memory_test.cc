#include "interp_test_util.h"

namespace wisp::interp::testing {
namespace {

constexpr const char* kMemModule = R"((module
  (memory 1 3)
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "load_off") (param i32) (result i32) (i32.load offset=0xfffffff0 (local.get 0)))
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "load8s") (param i32) (result i32) (i32.load8_s (local.get 0)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "size") (result i32) (memory.size))
  (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
))";

class InterpMemory : public ::testing::TestWithParam<bool> {};

TEST_P(InterpMemory, BoundsAndGrow) {
  runtime::EngineConfig config;
  config.explicit_bounds_checks = GetParam();
  InterpFixture fx(config);
  ASSERT_TRUE(fx.load(kMemModule));
  EXPECT_EQ(fx.instance->mem0->guarded, !GetParam());
  EXPECT_TRUE(fx.call("store", {i32(65532), i32(0x80402010)}).ok());
  EXPECT_EQ(fx.call_i32("load", {i32(65532)}), 0x80402010u);
  EXPECT_EQ(fx.call_i32("load8s", {i32(65535)}), 0xffffff80u);
  EXPECT_EQ(fx.trap("load", {i32(65533)}), "out of bounds memory access");
  EXPECT_EQ(fx.trap("load", {i32(0xffffffff)}), "out of bounds memory access");
  EXPECT_EQ(fx.trap("load_off", {i32(0xffffffff)}), "out of bounds memory access");
  EXPECT_EQ(fx.trap("store", {i32(65536), i32(1)}), "out of bounds memory access");
  // Growing makes the next page accessible (zeroed); the maximum is respected.
  EXPECT_EQ(fx.call_i32("grow", {i32(1)}), 1u);
  EXPECT_EQ(fx.call_i32("size"), 2u);
  EXPECT_EQ(fx.call_i32("load", {i32(65536)}), 0u);
  EXPECT_EQ(fx.call_i32("grow", {i32(2)}), 0xffffffffu);
  EXPECT_EQ(fx.call_i32("grow", {i32(1)}), 2u);
  EXPECT_EQ(fx.trap("load", {i32(3 * 65536)}), "out of bounds memory access");
  // Bulk operations check bounds before writing anything.
  EXPECT_EQ(fx.trap("fill", {i32(3 * 65536 - 2), i32(7), i32(3)}), "out of bounds memory access");
  EXPECT_EQ(fx.call_i32("load8s", {i32(3 * 65536 - 2)}), 0u);
  EXPECT_TRUE(fx.call("fill", {i32(100), i32(0xab), i32(4)}).ok());
  EXPECT_EQ(fx.call_i32("load", {i32(100)}), 0xababababu);
  EXPECT_TRUE(fx.call("copy", {i32(101), i32(100), i32(4)}).ok());
  EXPECT_EQ(fx.call_i32("load", {i32(101)}), 0xababababu);
  EXPECT_EQ(fx.trap("copy", {i32(0), i32(3 * 65536), i32(1)}), "out of bounds memory access");
}

// Scaled-index addressing (`base + (i << k)`) is fused into op_i32_add_shl_sssi and into loads/stores
// (op_*_sssio) with guard pages; explicit checks keep the unfused loads. Both must wrap the address at
// 32 bits before adding the offset, as Wasm does, and trap exactly where the unfused code traps.
constexpr const char* kScaledModule = R"((module
  (memory 1)
  (func (export "get") (param $base i32) (param $i i32) (result i32)
    (i32.load offset=4 (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2)))))
  (func (export "get_rev") (param $base i32) (param $i i32) (result i64)
    (i64.load (i32.add (i32.shl (local.get $i) (i32.const 3)) (local.get $base))))
  (func (export "put") (param $base i32) (param $i i32) (param $v i32)
    (i32.store16 offset=2 (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 1))) (local.get $v)))
  (func (export "get_plus") (param $base i32) (param $i i32) (result i32)
    (i32.load (i32.add (i32.shl (local.get $i) (i32.const 2)) (i32.add (local.get $base) (i32.const 100)))))
  (func (export "addr") (param $base i32) (param $i i32) (result i32)
    (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 35))))  ;; shift count taken mod 32
))";

TEST_P(InterpMemory, ScaledIndexAddressing) {
  runtime::EngineConfig config;
  config.explicit_bounds_checks = GetParam();
  InterpFixture fx(config);
  ASSERT_TRUE(fx.load(kScaledModule));
  EXPECT_TRUE(fx.call("put", {i32(100), i32(3), i32(0xbeef)}).ok());  // 100 + 6 + 2 = 108
  EXPECT_EQ(fx.call_i32("get", {i32(100), i32(1)}), 0xbeefu);         // 100 + 4 + 4 = 108
  EXPECT_EQ(fx.call_i32("get", {i32(104), i32(0)}), 0xbeefu);
  EXPECT_EQ(fx.call_i64("get_rev", {i32(92), i32(2)}), 0xbeefull);  // 92 + 16: bytes 108..115
  // 0xfffffff8 + (2 << 2) wraps to 0: address 0 + offset 4.
  EXPECT_TRUE(fx.call("put", {i32(0), i32(1), i32(0x1234)}).ok());  // bytes 4..5
  EXPECT_EQ(fx.call_i32("get", {i32(0xfffffff8), i32(2)}), 0x1234u);
  EXPECT_EQ(fx.call_i64("get_rev", {i32(0xfffffff8), i32(1)}), 0x1234ull << 32);  // wraps to 0
  // Without wrapping it is out of bounds, by one byte past the end and far past it.
  EXPECT_EQ(fx.trap("get", {i32(65528), i32(1)}), "out of bounds memory access");  // 65528+4+4 = 65536
  EXPECT_EQ(fx.trap("put", {i32(65530), i32(2), i32(1)}), "out of bounds memory access");
  EXPECT_EQ(fx.trap("get", {i32(0x7fffffff), i32(0x1fffffff)}), "out of bounds memory access");
  EXPECT_EQ(fx.call_i32("get_plus", {i32(0), i32(2)}), 0xbeefu);             // 8 + 100 = 108
  EXPECT_EQ(fx.call_i32("get_plus", {i32(0xffffff98), i32(2)}), 0x1234u);    // -104 + 100 + 8 wraps to 4
  EXPECT_EQ(fx.trap("get_plus", {i32(65432), i32(1)}), "out of bounds memory access");  // 65536
  EXPECT_EQ(fx.call_i32("addr", {i32(10), i32(3)}), 34u);  // 10 + (3 << 3)
}

// Multi-memory: memory 0 keeps its forms (guarded unless explicit checks are asked for); memory 1 uses
// the _ssxI forms with explicit checks in both modes, against its own size.
TEST_P(InterpMemory, OtherMemories) {
  runtime::EngineConfig config;
  config.explicit_bounds_checks = GetParam();
  InterpFixture fx(config);
  ASSERT_TRUE(fx.load(R"((module
    (memory $a 2)
    (memory $b 1 2)
    (func (export "load_a") (param i32) (result i32) (i32.load $a (local.get 0)))
    (func (export "load_b") (param i32) (result i32) (i32.load $b offset=8 (local.get 0)))
    (func (export "store_b") (param i32 i32) (i32.store $b (local.get 0) (local.get 1)))
    (func (export "grow_b") (param i32) (result i32) (memory.grow $b (local.get 0)))
    (func (export "copy_ab") (param i32 i32 i32) (memory.copy $a $b (local.get 0) (local.get 1) (local.get 2))))
  )"));
  EXPECT_EQ(fx.instance->mem0->guarded, !GetParam());
  EXPECT_TRUE(fx.call("store_b", {i32(65528), i32(0x12345678)}).ok());
  EXPECT_EQ(fx.call_i32("load_b", {i32(65520)}), 0x12345678u);
  EXPECT_EQ(fx.call_i32("load_a", {i32(65528)}), 0u);
  EXPECT_EQ(fx.trap("load_b", {i32(65525)}), "out of bounds memory access");
  EXPECT_EQ(fx.trap("load_b", {i32(0xfffffffc)}), "out of bounds memory access");
  EXPECT_EQ(fx.trap("store_b", {i32(65533), i32(1)}), "out of bounds memory access");
  EXPECT_EQ(fx.call_i32("load_a", {i32(65536)}), 0u);  // memory 0 has two pages, memory 1 one
  EXPECT_EQ(fx.call_i32("grow_b", {i32(1)}), 1u);
  EXPECT_TRUE(fx.call("store_b", {i32(65533), i32(7)}).ok());
  EXPECT_EQ(fx.call_i32("grow_b", {i32(1)}), 0xffffffffu);
  EXPECT_TRUE(fx.call("copy_ab", {i32(131068), i32(65528), i32(4)}).ok());
  EXPECT_EQ(fx.call_i32("load_a", {i32(131068)}), 0x12345678u);
  EXPECT_EQ(fx.trap("copy_ab", {i32(0), i32(131070), i32(4)}), "out of bounds memory access");
}

// memory64: a 64-bit memory 0 of 5 GiB (the store limited to 8 GiB per memory) uses the
// _m64 forms; accesses above 4 GiB round-trip and the end is checked exactly, offset overflow included.
TEST_P(InterpMemory, Memory64FiveGiB) {
  runtime::EngineConfig config;
  config.explicit_bounds_checks = GetParam();
  InterpFixture fx(config);
  fx.store.limits.max_memory_pages = 2 * 65536;
  ASSERT_TRUE(fx.load(R"((module
    (memory i64 81920)
    (func (export "rt") (param i64 i64) (result i64) (i64.store (local.get 0) (local.get 1)) (i64.load (local.get 0)))
    (func (export "load_off") (param i64) (result i32) (i32.load8_u offset=0xffffffffffffffff (local.get 0)))
    (func (export "size") (result i64) (memory.size))
    (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0))))
  )", {}, Features::defaults().set(Feature::memory64)));
  auto i64 = [](uint64_t v) { return runtime::Value::from_i64(v); };
  auto rt = [&](uint64_t at, uint64_t v) { return fx.call("rt", {i64(at), i64(v)}); };
  EXPECT_EQ(fx.call("size").value()[0].i64(), 81920u);
  EXPECT_EQ(rt(0x120000000, 42).value()[0].i64(), 42u);
  EXPECT_EQ(rt(0x13FFFFFF8, 7).value()[0].i64(), 7u);
  EXPECT_EQ(fx.trap("rt", {i64(0x13FFFFFF9), i64(1)}), "out of bounds memory access");
  EXPECT_EQ(fx.trap("rt", {i64(UINT64_MAX), i64(1)}), "out of bounds memory access");
  EXPECT_EQ(fx.trap("load_off", {i64(1)}), "out of bounds memory access");  // address + offset overflows
  EXPECT_EQ(fx.call("grow", {i64(65536)}).value()[0].i64(), UINT64_MAX);  // past the store's limit
  EXPECT_EQ(fx.call("grow", {i64(1)}).value()[0].i64(), 81920u);
  EXPECT_EQ(rt(0x140000000, 9).value()[0].i64(), 9u);
}

INSTANTIATE_TEST_SUITE_P(Modes, InterpMemory, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "explicit" : "guarded"; });

TEST(InterpMemoryFaults, ForeignFaultsStillWork) {
  // A guard trap restores the thread so later calls (and later traps) behave.
  InterpFixture fx;
  ASSERT_TRUE(fx.load(kMemModule));
  for (int i = 0; i < 100; ++i) EXPECT_EQ(fx.trap("load", {i32(0x7fffffff)}), "out of bounds memory access");
  EXPECT_EQ(fx.call_i32("size"), 1u);
}

}  // namespace
}  // namespace wisp::interp::testing
