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

// ---- tail calls (return_call, return_call_indirect) ---------------------------------------------------
// Each runs in both dispatch modes (release builds compile both).
constexpr runtime::DispatchMode kModes[] = {runtime::DispatchMode::tailcall, runtime::DispatchMode::loop};

TEST(InterpCalls, TailCallsRunInConstantStack) {
  for (runtime::DispatchMode mode : kModes) {
    SCOPED_TRACE(mode == runtime::DispatchMode::loop ? "loop" : "tailcall");
    runtime::EngineConfig config;
    config.dispatch = mode;
    InterpFixture fx(config);
    // A call stack of 100 frames and 64 KiB of value stack: tail calls 10 million deep use neither.
    fx.store.limits.max_call_depth = 100;
    fx.store.limits.max_value_stack_bytes = 64 << 10;
    ASSERT_TRUE(fx.load(R"((module
      (func $even (export "even") (param i64) (result i32)
        (local f64 f64)  ;; frames of different sizes
        (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
          (else (return_call $odd (i64.sub (local.get 0) (i64.const 1)) (i32.const 7)))))
      (func $odd (param i64 i32) (result i32)
        (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
          (else (return_call $even (i64.sub (local.get 0) (i64.const 1))))))
      (func (export "via_call") (param i64) (result i32) (i32.add (call $even (local.get 0)) (i32.const 10)))
    ))"));
    EXPECT_EQ(fx.call_i32("even", {i64(10'000'000)}), 1u);
    EXPECT_EQ(fx.call_i32("even", {i64(1'000'001)}), 0u);
    EXPECT_EQ(fx.call_i32("via_call", {i64(1'000'001)}), 10u);  // returns to the caller of the first
  }
}

TEST(InterpCalls, TailCallArgumentsAndLocals) {
  for (runtime::DispatchMode mode : kModes) {
    SCOPED_TRACE(mode == runtime::DispatchMode::loop ? "loop" : "tailcall");
    runtime::EngineConfig config;
    config.dispatch = mode;
    InterpFixture fx(config);
    ASSERT_TRUE(fx.load(R"((module
      ;; Swaps its arguments n times: the moves to the frame base must not clobber one another.
      (func $swap (export "swap") (param i32 i64 i32) (result i64)
        (if (result i64) (i32.eqz (local.get 0)) (then (i64.add (local.get 1) (i64.extend_i32_u (local.get 2))))
          (else (return_call $swap2 (local.get 2) (local.get 1) (i32.sub (local.get 0) (i32.const 1))))))
      (func $swap2 (param i32 i64 i32) (result i64)
        (local i64)
        (local.set 3 (i64.mul (local.get 1) (i64.const 10)))
        (return_call $swap (local.get 2) (local.get 3) (local.get 0)))
      ;; The callee's declared locals start at zero even where the caller's frame held values.
      (func $dirty (export "dirty") (result i64)
        (local i64 i64 i64 i64)
        (local.set 0 (i64.const 5)) (local.set 1 (i64.const 6)) (local.set 2 (i64.const 7))
        (return_call $clean (i64.const 1)))
      (func $clean (param i64) (result i64)
        (local i64 i64 i64)
        (i64.add (local.get 0) (i64.add (local.get 1) (i64.add (local.get 2) (local.get 3)))))
      ;; v128 arguments take two slots.
      (func $vsum (export "vsum") (param i32 v128) (result i32)
        (return_call $vlane (v128.const i32x4 1 2 3 4) (local.get 0) (local.get 1)))
      (func $vlane (param v128 i32 v128) (result i32)
        (i32.add (local.get 1) (i32.add (i32x4.extract_lane 3 (local.get 0)) (i32x4.extract_lane 0 (local.get 2)))))
    ))"));
    // swap(2, 1, 5): swap2(5, 1, 1) -> swap(1, 10, 5) -> swap2(5, 10, 0) -> swap(0, 100, 5) = 105.
    EXPECT_EQ(fx.call_i64("swap", {i32(2), i64(1), i32(5)}), 105u);
    EXPECT_EQ(fx.call_i64("dirty"), 1u);
    Value v = Value::from_i32(40);  // lane 0 = 40, the others 0
    EXPECT_EQ(fx.call_i32("vsum", {i32(100), v}), 144u);
  }
}

TEST(InterpCalls, TailCallHostAndIndirect) {
  for (runtime::DispatchMode mode : kModes) {
    SCOPED_TRACE(mode == runtime::DispatchMode::loop ? "loop" : "tailcall");
    runtime::EngineConfig config;
    config.dispatch = mode;
    InterpFixture fx(config);
    wasm::FuncType t;
    t.params = {wasm::ValType::i32(), wasm::ValType::i32()};
    t.results = {wasm::ValType::i32()};
    runtime::FuncInstance* host = runtime::create_host_func(
        fx.store, t,
        [](HostContext&, const Value* args, Value* results) -> Result<void> {
          if (args[0].i32() == 999) return Error::trap("host says no");
          results[0] = Value::from_i32(args[0].i32() * 100 + args[1].i32());
          return {};
        },
        "host");
    ASSERT_TRUE(fx.load(R"((module
      (import "env" "host" (func $host (param i32 i32) (result i32)))
      (type $ii (func (param i32 i32) (result i32)))
      (table 4 funcref)
      (elem (i32.const 0) $host $sub $nop)
      (func $sub (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
      (func $nop)
      (func $h (export "h") (param i32) (result i32)
        (local i32 i32 i32)
        (return_call $host (local.get 0) (i32.const 3)))
      (func (export "h_in_call") (param i32) (result i32) (i32.add (call $h (local.get 0)) (i32.const 1)))
      (func (export "rci") (param i32 i32) (result i32)
        (return_call_indirect (type $ii) (local.get 0) (i32.const 2) (local.get 1)))
    ))",
                        {runtime::ExternRef::of(host)}));
    EXPECT_EQ(fx.call_i32("h", {i32(7)}), 703u);
    EXPECT_EQ(fx.call_i32("h_in_call", {i32(7)}), 704u);
    EXPECT_EQ(fx.trap("h", {i32(999)}), "host says no");
    EXPECT_EQ(fx.call_i32("rci", {i32(7), i32(0)}), 702u);
    EXPECT_EQ(fx.call_i32("rci", {i32(7), i32(1)}), 5u);
    EXPECT_EQ(fx.trap("rci", {i32(7), i32(2)}), "indirect call type mismatch");
    EXPECT_EQ(fx.trap("rci", {i32(7), i32(3)}), "uninitialized element");
    EXPECT_EQ(fx.trap("rci", {i32(7), i32(4)}), "undefined element");
  }
}

TEST(InterpCalls, TailCallAcrossInstances) {
  for (runtime::DispatchMode mode : kModes) {
    SCOPED_TRACE(mode == runtime::DispatchMode::loop ? "loop" : "tailcall");
    runtime::EngineConfig config;
    config.dispatch = mode;
    InterpFixture fx(config);
    runtime::InstanceData* a = fx.load(R"((module
      (memory 1) (data (i32.const 0) "\2a")
      (func (export "peek") (param i32) (result i32) (i32.load8_u (local.get 0)))
    ))");
    ASSERT_NE(a, nullptr);
    runtime::FuncInstance* peek = fx.func("peek");
    ASSERT_TRUE(fx.load(R"((module
      (import "a" "peek" (func $peek (param i32) (result i32)))
      (memory 1) (data (i32.const 0) "\07")
      (func $t (param i32) (result i32) (return_call $peek (local.get 0)))
      ;; Back in this instance after the tail-called function returns: its own memory again.
      (func (export "both") (result i32) (i32.add (call $t (i32.const 0)) (i32.load8_u (i32.const 0))))
    ))",
                        {runtime::ExternRef::of(peek)}));
    EXPECT_EQ(fx.call_i32("both"), 49u);
  }
}

TEST(InterpCalls, TailCallLoopsConsumeFuel) {
  for (runtime::DispatchMode mode : kModes) {
    SCOPED_TRACE(mode == runtime::DispatchMode::loop ? "loop" : "tailcall");
    runtime::EngineConfig config;
    config.dispatch = mode;
    config.consume_fuel = true;
    InterpFixture fx(config);
    fx.store.fuel_enabled = true;
    fx.store.fuel = 1'000'000;
    ASSERT_TRUE(fx.load(R"((module
      (type $v (func))
      (table funcref (elem $g))
      (func $f (export "f") (return_call $g))
      (func $g (return_call_indirect (type $v) (i32.const 0)))
    ))"));
    // The callee's entry check charges each tail call, as it does each call.
    EXPECT_EQ(fx.trap("f"), "all fuel consumed");
  }
}

TEST(InterpCalls, TailCallReplacesTheFrameInBacktraces) {
  for (runtime::DispatchMode mode : kModes) {
    SCOPED_TRACE(mode == runtime::DispatchMode::loop ? "loop" : "tailcall");
    runtime::EngineConfig config;
    config.dispatch = mode;
    InterpFixture fx(config);
    ASSERT_TRUE(fx.load(R"((module
      (func $f (export "f") (result i32) (i32.add (call $g) (i32.const 1)))
      (func $g (result i32) (return_call $h))
      (func $h (result i32) unreachable)
    ))"));
    auto r = fx.call("f");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, "unreachable");
    std::string frames;
    for (const std::string& b : r.error().backtrace) frames += b + ";";
    EXPECT_EQ(frames.find("g"), std::string::npos) << frames;  // $g is gone
    ASSERT_EQ(r.error().backtrace.size(), 2u) << frames;
  }
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
