#include <bit>
#include <cmath>

#include "interp_test_util.h"

namespace wisp::interp::testing {
namespace {

using runtime::HostContext;

TEST(InterpCalls, HostCallsAndReentry) {
  InterpFixture fx;
  wasm::FuncType t;
  t.params = {wasm::ValType::i32()};
  t.results = {wasm::ValType::i32()};
  // host(x): calls back into the guest's "dec" export unless x == 0.
  runtime::FuncInstance* host = runtime::create_host_func(
      fx.store, t,
      [&fx](HostContext& ctx, const Value* args, Value* results) -> Result<void> {
        EXPECT_EQ(ctx.store, &fx.store);
        uint32_t x = args[0].i32();
        if (x == 999) {
          Error e = Error::trap("host says no");
          e.exit_code = 3;
          return e;
        }
        if (x == 0) {
          results[0] = Value::from_i32(1000);
          return {};
        }
        Value arg = Value::from_i32(x);
        Value res;
        Result<void> r = invoke(*ctx.store, fx.func("dec"), &arg, &res);
        if (!r) return r.error();
        results[0] = Value::from_i32(res.i32() + 1);
        return {};
      },
      "host");
  ASSERT_TRUE(fx.load(R"((module
    (import "env" "host" (func $host (param i32) (result i32)))
    (func (export "dec") (param i32) (result i32) (call $host (i32.sub (local.get 0) (i32.const 1))))
    (func (export "start") (param i32) (result i32) (call $host (local.get 0)))
  ))",
                      {runtime::ExternRef::of(host)}));
  // start(5) -> host(5) -> dec(5) -> host(4) -> ... -> host(0) = 1000, +1 per host level above 0.
  EXPECT_EQ(fx.call_i32("start", {i32(5)}), 1005u);
  auto r = fx.call("start", {i32(999)});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "host says no");
  EXPECT_EQ(r.error().exit_code, 3);
  ASSERT_GE(r.error().backtrace.size(), 2u);
  EXPECT_EQ(r.error().backtrace[0], "host");
}

TEST(InterpCalls, DeepRecursionExhaustsWithoutNativeStack) {
  InterpFixture fx;
  fx.store.limits.max_call_depth = 200000;
  ASSERT_TRUE(fx.load(R"((module
    (func $sum (export "sum") (param i64) (result i64)
      (if (result i64) (i64.eqz (local.get 0)) (then (i64.const 0))
        (else (i64.add (local.get 0) (call $sum (i64.sub (local.get 0) (i64.const 1)))))))
  ))"));
  EXPECT_EQ(fx.call_i64("sum", {i64(100000)}), 5000050000ull);
  auto r = fx.call("sum", {i64(10000000)});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Exhaustion);
  EXPECT_EQ(r.error().message, "call stack exhausted");
  EXPECT_EQ(fx.call_i64("sum", {i64(10)}), 55u);
}

TEST(InterpCalls, CallIndirectTraps) {
  InterpFixture fx;
  ASSERT_TRUE(fx.load(R"((module
    (type $ii (func (param i32) (result i32)))
    (table 3 funcref)
    (elem (i32.const 0) $inc $nop)
    (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
    (func $nop)
    (func (export "ci") (param i32 i32) (result i32) (call_indirect (type $ii) (local.get 0) (local.get 1)))
  ))"));
  EXPECT_EQ(fx.call_i32("ci", {i32(41), i32(0)}), 42u);
  EXPECT_EQ(fx.trap("ci", {i32(0), i32(1)}), "indirect call type mismatch");
  EXPECT_EQ(fx.trap("ci", {i32(0), i32(2)}), "uninitialized element");
  EXPECT_EQ(fx.trap("ci", {i32(0), i32(3)}), "undefined element");
}

TEST(InterpCalls, FloatSemantics) {
  InterpFixture fx;
  ASSERT_TRUE(fx.load(R"((module
    (func (export "min") (param f32 f32) (result f32) (f32.min (local.get 0) (local.get 1)))
    (func (export "nearest") (param f64) (result f64) (f64.nearest (local.get 0)))
    (func (export "trunc") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
    (func (export "trunc_sat") (param f64) (result i64) (i64.trunc_sat_f64_u (local.get 0)))
    (func (export "cvt") (param i64) (result f32) (f32.convert_i64_u (local.get 0)))
  ))"));
  auto f32v = [](float f) { return Value::from_f32_bits(std::bit_cast<uint32_t>(f)); };
  auto f64v = [](double d) { return Value::from_f64_bits(std::bit_cast<uint64_t>(d)); };
  EXPECT_EQ(fx.call_i32("min", {f32v(0.0f), f32v(-0.0f)}), 0x80000000u);
  uint32_t nan = fx.call_i32("min", {Value::from_f32_bits(0x7fa00000), f32v(1.0f)});
  EXPECT_EQ(nan & 0x7fc00000u, 0x7fc00000u);  // quiet
  EXPECT_EQ(std::bit_cast<double>(fx.call_i64("nearest", {f64v(2.5)})), 2.0);
  EXPECT_EQ(std::bit_cast<double>(fx.call_i64("nearest", {f64v(-3.5)})), -4.0);
  EXPECT_EQ(fx.call_i32("trunc", {f64v(-2147483648.9)}), 0x80000000u);
  EXPECT_EQ(fx.trap("trunc", {f64v(2147483648.0)}), "integer overflow");
  EXPECT_EQ(fx.trap("trunc", {f64v(std::nan(""))}), "invalid conversion to integer");
  EXPECT_EQ(fx.call_i64("trunc_sat", {f64v(1e30)}), ~0ull);
  EXPECT_EQ(fx.call_i64("trunc_sat", {f64v(-5.0)}), 0u);
  // 2^64 - 1 rounds to 2^64 in f32.
  EXPECT_EQ(fx.call_i32("cvt", {i64(~0ull)}), 0x5f800000u);
}

}  // namespace
}  // namespace wisp::interp::testing
