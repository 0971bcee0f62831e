#include "interp_test_util.h"

namespace wisp::interp::testing {
namespace {

TEST(InterpBasic, AddAndLocals) {
  InterpFixture fx;
  ASSERT_TRUE(fx.load(R"((module
    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
    (func (export "addk") (param i32) (result i32) (i32.add (local.get 0) (i32.const 7)))
    (func (export "ksub") (param i32) (result i32) (i32.sub (i32.const 7) (local.get 0)))
    (func (export "tee") (param i32) (result i32) (local i32)
      (local.set 1 (i32.mul (local.get 0) (i32.const 3)))
      (i32.add (local.tee 0 (local.get 1)) (local.get 0)))
    (func (export "swap") (param i32 i32) (result i32 i32) (local.get 1) (local.get 0))
  ))"));
  EXPECT_EQ(fx.call_i32("add", {i32(2), i32(40)}), 42u);
  EXPECT_EQ(fx.call_i32("addk", {i32(35)}), 42u);
  EXPECT_EQ(fx.call_i32("ksub", {i32(10)}), uint32_t(-3));
  EXPECT_EQ(fx.call_i32("tee", {i32(5)}), 30u);
  auto r = fx.call("swap", {i32(1), i32(2)});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].i32(), 2u);
  EXPECT_EQ((*r)[1].i32(), 1u);
}

TEST(InterpBasic, LoopsAndBranches) {
  InterpFixture fx;
  ASSERT_TRUE(fx.load(R"((module
    (func (export "fac") (param i64) (result i64) (local i64)
      (local.set 1 (i64.const 1))
      (block $done
        (loop $l
          (br_if $done (i64.le_s (local.get 0) (i64.const 1)))
          (local.set 1 (i64.mul (local.get 1) (local.get 0)))
          (local.set 0 (i64.sub (local.get 0) (i64.const 1)))
          (br $l)))
      (local.get 1))
    (func (export "fac_rec") (param i64) (result i64)
      (if (result i64) (i64.le_s (local.get 0) (i64.const 1))
        (then (i64.const 1))
        (else (i64.mul (local.get 0) (call 1 (i64.sub (local.get 0) (i64.const 1)))))))
    (func (export "sel") (param i32) (result i32)
      (block $a (result i32)
        (block $b (result i32)
          (block $c (result i32)
            (i32.const 100)
            (br_table $a $b $c (local.get 0)))
          (i32.add (i32.const 1)))
        (i32.add (i32.const 10))))
    (func (export "brif_val") (param i32) (result i32)
      (block (result i32)
        (drop (br_if 0 (i32.const 5) (local.get 0)))
        (i32.const 9)))
  ))"));
  EXPECT_EQ(fx.call_i64("fac", {i64(20)}), 2432902008176640000ull);
  EXPECT_EQ(fx.call_i64("fac_rec", {i64(20)}), 2432902008176640000ull);
  EXPECT_EQ(fx.call_i32("sel", {i32(0)}), 100u);
  EXPECT_EQ(fx.call_i32("sel", {i32(1)}), 110u);
  EXPECT_EQ(fx.call_i32("sel", {i32(2)}), 111u);
  EXPECT_EQ(fx.call_i32("sel", {i32(7)}), 111u);
  EXPECT_EQ(fx.call_i32("brif_val", {i32(1)}), 5u);
  EXPECT_EQ(fx.call_i32("brif_val", {i32(0)}), 9u);
}

TEST(InterpBasic, TrapsAndBacktrace) {
  InterpFixture fx;
  ASSERT_TRUE(fx.load(R"((module
    (func $inner (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
    (func $outer (export "outer") (result i32) (call $inner (i32.const 1) (i32.const 0)))
    (func (export "unreach") unreachable)
    (func $rec (export "rec") (call $rec))
  ))"));
  EXPECT_EQ(fx.trap("div", {i32(1), i32(0)}), "integer divide by zero");
  EXPECT_EQ(fx.trap("div", {i32(0x80000000u), i32(-1)}), "integer overflow");
  EXPECT_EQ(fx.trap("unreach"), "unreachable");
  auto r = fx.call("outer");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Trap);
  ASSERT_EQ(r.error().backtrace.size(), 2u);
  auto rec = fx.call("rec");
  ASSERT_FALSE(rec.ok());
  EXPECT_EQ(rec.error().kind, ErrorKind::Exhaustion);
  EXPECT_EQ(rec.error().message, "call stack exhausted");
  // The store is still usable after traps.
  EXPECT_EQ(fx.call_i32("div", {i32(9), i32(3)}), 3u);
}

}  // namespace
}  // namespace wisp::interp::testing
