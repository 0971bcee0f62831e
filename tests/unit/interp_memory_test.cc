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
