// SIMD in the interpreter: v128 values take two slots (DESIGN.md §2), so these tests mix widths through
// params, locals, results, block results and branches, calls (Wasm and host), globals, select and
// memory, in both bounds-check modes.
#include <cstring>

#include "interp_test_util.h"

namespace wisp::interp::testing {
namespace {

using runtime::HostContext;

Value v128_i32x4(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
  Value v;
  uint32_t l[4] = {a, b, c, d};
  std::memcpy(v.bytes, l, 16);
  return v;
}
uint32_t lane32(const Value& v, int i) {
  uint32_t x;
  std::memcpy(&x, v.bytes + 4 * i, 4);
  return x;
}

constexpr const char* kMixed = R"((module
  (memory 1)
  (global $g (mut v128) (v128.const i32x4 1 2 3 4))
  ;; v128 between scalars: param slots are packed (i32 | v128 v128 | i64).
  (func $mid (export "mid") (param i32 v128 i64) (result i64 v128 i32)
    (i64.add (local.get 2) (i64.extend_i32_u (local.get 0)))
    (i32x4.add (local.get 1) (v128.const i32x4 10 20 30 40))
    (i32x4.extract_lane 3 (local.get 1)))
  ;; Block results of mixed widths reached by br_if and by fallthrough, with extra values below.
  (func (export "blocks") (param i32) (result i32 v128 i32)
    (local $v v128)
    (local.set $v (i32x4.splat (local.get 0)))
    (block (result i32 v128 i32)
      (v128.const i32x4 7 7 7 7)   ;; an extra v128 below the branch values
      (i32.const 1)
      (i32x4.mul (local.get $v) (local.get $v))
      (i32.const 3)
      (br_if 0 (local.get 0))
      (drop) (drop) (drop) (drop)
      (i32.const 4) (local.get $v) (i32.const 5)))
  (func (export "call_mid") (result i64 i32 i32 i32)
    (local $r v128)
    (call $mid (i32.const 5) (v128.const i32x4 1 2 3 4) (i64.const 100))
    (drop)
    (local.set $r)
    (i32x4.extract_lane 0 (local.get $r))
    (i32x4.extract_lane 3 (local.get $r))
    (i32.const 0))
  (func (export "globals") (result v128)
    (global.set $g (i32x4.add (global.get $g) (global.get $g)))
    (global.get $g))
  (func (export "select") (param i32) (result v128)
    (select (v128.const i32x4 1 1 1 1) (v128.const i32x4 2 2 2 2) (local.get 0)))
  (func (export "mem") (param i32) (result v128)
    (v128.store offset=4 (local.get 0) (v128.const i64x2 0x0102030405060708 0x1112131415161718))
    (v128.load8_lane offset=15 15 (i32.add (local.get 0) (i32.const 4))
      (v128.load offset=4 (local.get 0))))
  (func (export "shuffle") (param v128 v128) (result v128)
    (i8x16.shuffle 16 17 18 19 0 1 2 3 31 30 29 28 15 14 13 12 (local.get 0) (local.get 1)))
  (func (export "loop") (param i32) (result v128)
    (local $acc v128)
    (loop $l
      (local.set $acc (i32x4.add (local.get $acc) (i32x4.splat (local.get 0))))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
    (local.get $acc))
))";

void run_mixed(runtime::EngineConfig config) {
  InterpFixture fx(config);
  ASSERT_TRUE(fx.load(kMixed));
  auto r = fx.call("mid", {i32(5), v128_i32x4(1, 2, 3, 4), i64(100)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].i64(), 105u);
  EXPECT_EQ(lane32((*r)[1], 0), 11u);
  EXPECT_EQ(lane32((*r)[1], 3), 44u);
  EXPECT_EQ((*r)[2].i32(), 4u);

  r = fx.call("blocks", {i32(3)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].i32(), 1u);
  EXPECT_EQ(lane32((*r)[1], 2), 9u);
  EXPECT_EQ((*r)[2].i32(), 3u);
  r = fx.call("blocks", {i32(0)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].i32(), 4u);
  EXPECT_EQ(lane32((*r)[1], 1), 0u);
  EXPECT_EQ((*r)[2].i32(), 5u);

  r = fx.call("call_mid");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].i64(), 105u);
  EXPECT_EQ((*r)[1].i32(), 11u);
  EXPECT_EQ((*r)[2].i32(), 44u);

  r = fx.call("globals");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(lane32((*r)[0], 3), 8u);
  r = fx.call("globals");
  EXPECT_EQ(lane32((*r)[0], 3), 16u);

  r = fx.call("select", {i32(0)});
  EXPECT_EQ(lane32((*r)[0], 2), 2u);
  r = fx.call("select", {i32(1)});
  EXPECT_EQ(lane32((*r)[0], 2), 1u);

  r = fx.call("mem", {i32(8)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(lane32((*r)[0], 0), 0x05060708u);
  EXPECT_EQ(lane32((*r)[0], 3), 0x11121314u);  // lane 15 reloaded from the same byte
  EXPECT_EQ(fx.trap("mem", {i32(65536 - 16)}), "out of bounds memory access");

  r = fx.call("shuffle", {v128_i32x4(0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c),
                          v128_i32x4(0x13121110, 0x17161514, 0x1b1a1918, 0x1f1e1d1c)});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(lane32((*r)[0], 0), 0x13121110u);
  EXPECT_EQ(lane32((*r)[0], 1), 0x03020100u);
  EXPECT_EQ(lane32((*r)[0], 2), 0x1c1d1e1fu);
  EXPECT_EQ(lane32((*r)[0], 3), 0x0c0d0e0fu);

  r = fx.call("loop", {i32(4)});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(lane32((*r)[0], 1), 10u);
}

TEST(SimdInterp, MixedWidthsGuarded) { run_mixed({}); }

TEST(SimdInterp, MixedWidthsExplicitBoundsChecks) {
  runtime::EngineConfig c;
  c.explicit_bounds_checks = true;
  run_mixed(c);
}

TEST(SimdInterp, HostFunctionsSeePackedValues) {
  InterpFixture fx;
  wasm::FuncType t;
  t.params = {wasm::ValType::i32(), wasm::ValType::v128(), wasm::ValType::i32()};
  t.results = {wasm::ValType::v128(), wasm::ValType::i32()};
  runtime::FuncInstance* host = runtime::create_host_func(
      fx.store, t,
      [](HostContext&, const Value* args, Value* results) -> Result<void> {
        results[0] = v128_i32x4(lane32(args[1], 0) + args[0].i32(), lane32(args[1], 1), lane32(args[1], 2),
                                lane32(args[1], 3) + args[2].i32());
        results[1] = Value::from_i32(args[0].i32() * args[2].i32());
        return {};
      },
      "host");
  ASSERT_TRUE(fx.load(R"((module
    (import "env" "host" (func $host (param i32 v128 i32) (result v128 i32)))
    (func (export "f") (result i32 i32 i32)
      (local $v v128) (local $n i32)
      (call $host (i32.const 3) (v128.const i32x4 10 20 30 40) (i32.const 7))
      (local.set $n)
      (local.set $v)
      (i32x4.extract_lane 0 (local.get $v))
      (i32x4.extract_lane 3 (local.get $v))
      (local.get $n))
  ))",
                      {runtime::ExternRef::of(host)}));
  auto r = fx.call("f");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].i32(), 13u);
  EXPECT_EQ((*r)[1].i32(), 47u);
  EXPECT_EQ((*r)[2].i32(), 21u);
}

}  // namespace
}  // namespace wisp::interp::testing
