// The baseline JIT (src/jit, DESIGN.md §10): code memory (W^X, the limit and the fallback to the
// interpreter) and compiled functions checked against the interpreter: results, trap messages and
// frames, fuel left.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "api_test_util.h"

#if WISP_HAVE_JIT
#include "jit/code_memory.h"
#endif

namespace wisp {
namespace {

#if WISP_HAVE_JIT

TEST(JitCodeMemory, CodeIsExecutableAndNeverWritable) {
  jit::CodeMemory mem(1 << 20);
  std::vector<uint8_t> code = {0xb8, 0x2a, 0x00, 0x00, 0x00, 0xc3};  // mov eax, 42; ret
  const uint8_t* p = mem.install(code);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(testing::mapping_perms(p), "r-xp");
  EXPECT_EQ(std::memcmp(p, code.data(), code.size()), 0);
  auto f = reinterpret_cast<int (*)()>(reinterpret_cast<uintptr_t>(p));
  EXPECT_EQ(f(), 42);
  EXPECT_EQ(mem.used_bytes(), jit::code_page_size());
}

TEST(JitCodeMemory, LimitRefusesInstallation) {
  jit::CodeMemory mem(jit::code_page_size());
  std::vector<uint8_t> code(100, 0xc3);
  EXPECT_NE(mem.install(code), nullptr);
  EXPECT_EQ(mem.install(code), nullptr);  // the one page is taken
  std::vector<uint8_t> big(jit::code_page_size() + 1, 0xc3);
  jit::CodeMemory mem2(jit::code_page_size());
  EXPECT_EQ(mem2.install(big), nullptr);
  EXPECT_EQ(mem2.used_bytes(), 0u);
}

#endif

constexpr const char* kWat = R"((module
  (memory 1)
  (global $g (mut i64) (i64.const 5))
  (table 2 funcref)
  (elem (i32.const 0) $fib $div)
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func $div (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "rem64") (param i64 i64) (result i64) (i64.rem_s (local.get 0) (local.get 1)))
  (func (export "loop") (param i32) (result i64) (local i64)
    (block (loop
      (br_if 1 (i32.eqz (local.get 0)))
      (local.set 1 (i64.add (local.get 1) (i64.mul (i64.extend_i32_u (local.get 0)) (i64.const 0x100000001))))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br 0)))
    (local.get 1))
  (func (export "mem") (param i32 i32) (result i64)
    (i32.store8 (local.get 0) (local.get 1))
    (i64.store offset=8 (local.get 0) (i64.const -3))
    (i64.add (i64.load8_s (local.get 0)) (i64.load offset=8 (local.get 0))))
  (func (export "float") (param f64 f32) (result f64)
    (f64.add (f64.sqrt (local.get 0))
             (f64.promote_f32 (f32.mul (f32.floor (local.get 1)) (f32.const 2.5)))))
  (func (export "fcmp") (param f64 f64) (result i32)
    (i32.add (i32.add (f64.lt (local.get 0) (local.get 1)) (i32.shl (f64.eq (local.get 0) (local.get 1)) (i32.const 1)))
             (i32.shl (f64.ne (local.get 0) (local.get 1)) (i32.const 2))))
  (func (export "table") (param i32) (result i32)
    (block (block (block (br_table 0 1 2 (local.get 0))) (return (i32.const 10))) (return (i32.const 20)))
    (i32.const 30))
  (func (export "global") (param i64) (result i64)
    (global.set $g (i64.add (global.get $g) (local.get 0))) (global.get $g))
  (func (export "indirect") (param i32 i32) (result i32)
    (call_indirect (param i32) (result i32) (local.get 1) (local.get 0)))
  (func (export "trunc") (param f64) (result i64)
    (i64.add (i64.add (i64.extend_i32_u (i32.trunc_f64_u (local.get 0))) (i64.trunc_f64_s (local.get 0)))
             (i64.add (i64.trunc_sat_f64_u (local.get 0)) (i64.extend_i32_s (i32.trunc_f64_s (local.get 0))))))
  (func (export "minmax") (param f32 f32) (result i64)
    (i64.or (i64.extend_i32_u (i32.reinterpret_f32 (f32.min (local.get 0) (local.get 1))))
            (i64.shl (i64.extend_i32_u (i32.reinterpret_f32 (f32.max (local.get 0) (local.get 1)))) (i64.const 32))))
  (func (export "u64") (param i64) (result f64)
    (f64.add (f64.convert_i64_u (local.get 0)) (f64.promote_f32 (f32.convert_i64_u (local.get 0)))))
  (func $inf (export "inf") (param i32) (result i32) (i32.add (call $inf (local.get 0)) (i32.const 1)))
  (func (export "select") (param i32) (result i64)
    (select (i64.const 7) (i64.const -7) (local.get 0)))
)
)";

struct Outcome {
  std::string text;       // results or the error
  std::vector<Frame> frames;
  uint64_t fuel_left = 0;
};

Outcome run_in(Config::Tier tier, bool fuel, const char* name, std::initializer_list<Val> args,
               bool explicit_bounds = false, const char* wat = kWat) {
  Config c;
  c.tier = tier;
  c.consume_fuel = fuel;
  c.explicit_bounds_checks = explicit_bounds;
  Engine engine(c);
  Store store(engine);
  if (fuel) {
    EXPECT_TRUE(store.set_fuel(1000000).ok());
  }
  Module m = testing::must_compile(engine, wat);
  Result<Instance> inst = Instance::create(store, m, {});
  EXPECT_TRUE(inst.ok());
  Outcome out;
  if (!inst.ok()) return out;
  auto r = inst->get_func(store, name)->call(store, args);
  if (r.ok()) {
    // The value's bits by its type (the bytes past an i32/f32 are unspecified).
    for (const Val& v : *r) {
      bool narrow = v.kind() == ValKind::i32 || v.kind() == ValKind::f32;
      out.text += std::to_string(narrow ? uint64_t(v.f32_bits()) : v.f64_bits()) + " ";
    }
  } else {
    out.text = r.error().to_string();
    out.frames = r.error().frames;
  }
  if (fuel) out.fuel_left = store.get_fuel().value();
  if (tier == Config::Tier::jit && Config::tier_supported(tier)) {
    TierStats s = engine.tier_stats();
    EXPECT_GT(s.compiled, 0u);
    EXPECT_GT(s.native_instrs, 0u);
  }
  return out;
}

void expect_same(const char* name, std::initializer_list<Val> args, const char* wat = kWat) {
  for (int mode = 0; mode < 3; ++mode) {
    bool fuel = mode == 1, explicit_bounds = mode == 2;
    Outcome a = run_in(Config::Tier::interp, fuel, name, args, explicit_bounds, wat);
    Outcome b = run_in(Config::Tier::jit, fuel, name, args, explicit_bounds, wat);
    EXPECT_EQ(a.text, b.text) << name << (fuel ? " (fuel)" : "") << (explicit_bounds ? " (bounds checks)" : "");
    EXPECT_EQ(a.fuel_left, b.fuel_left) << name;
    ASSERT_EQ(a.frames.size(), b.frames.size()) << name;
    for (size_t i = 0; i < a.frames.size(); ++i) {
      EXPECT_EQ(a.frames[i].func_index, b.frames[i].func_index) << name << " frame " << i;
      EXPECT_EQ(a.frames[i].module_offset, b.frames[i].module_offset) << name << " frame " << i;
    }
  }
}

TEST(Jit, CompiledFunctionsMatchTheInterpreter) {
  expect_same("fib", {Val::i32(20)});
  expect_same("div", {Val::i32(-7), Val::i32(2)});
  expect_same("div", {Val::i32(INT32_MIN), Val::i32(-1)});
  expect_same("div", {Val::i32(INT32_MIN), Val::i32(1)});
  expect_same("div", {Val::i32(5), Val::i32(0)});
  expect_same("rem64", {Val::i64(INT64_MIN), Val::i64(-1)});
  expect_same("rem64", {Val::i64(-13), Val::i64(4)});
  expect_same("rem64", {Val::i64(1), Val::i64(0)});
  expect_same("loop", {Val::i32(1000)});
  expect_same("mem", {Val::i32(100), Val::i32(0x1ff)});
  expect_same("mem", {Val::i32(65530), Val::i32(1)});  // the i64.store is out of bounds
  expect_same("mem", {Val::i32(65535), Val::i32(1)});  // the i32.store8 is the last byte
  expect_same("mem", {Val::i32(65536), Val::i32(1)});
  expect_same("mem", {Val::i32(-1), Val::i32(1)});
  expect_same("float", {Val::f64(2.0), Val::f32(-1.5f)});
  expect_same("fcmp", {Val::f64(1.0), Val::f64(2.0)});
  expect_same("fcmp", {Val::f64(2.0), Val::f64(2.0)});
  expect_same("fcmp", {Val::f64(std::nan("")), Val::f64(2.0)});
  for (int i = 0; i < 5; ++i) expect_same("table", {Val::i32(i)});
  expect_same("global", {Val::i64(-9)});
  expect_same("indirect", {Val::i32(0), Val::i32(10)});
  expect_same("indirect", {Val::i32(1), Val::i32(10)});  // type mismatch
  expect_same("indirect", {Val::i32(2), Val::i32(10)});  // undefined element
  for (double v : {0.0, -0.75, 3.9, -1.0, 4294967295.0, 4294967296.0, 2147483648.0, -2147483648.0,
                   -2147483649.0, 9.3e18, 1.9e19, std::nan(""), double(INFINITY)})
    expect_same("trunc", {Val::f64(v)});
  for (float a : {0.0f, -0.0f, 1.5f, -2.0f, std::nanf("")})
    for (float b : {0.0f, -0.0f, 1.5f, std::nanf("")}) expect_same("minmax", {Val::f32(a), Val::f32(b)});
  for (int64_t v : {int64_t(0), int64_t(12345), INT64_MAX, INT64_MIN, int64_t(-1), int64_t(0x8000000000000401)})
    expect_same("u64", {Val::i64(v)});
  expect_same("select", {Val::i32(0)});
  expect_same("select", {Val::i32(3)});
}

// Instructions compiled through the instance or runtime helpers (emit_cover in src/jit/compiler.cc):
// the same results, trap messages, trap sites and fuel as the interpreter, in the three modes.
constexpr const char* kCoverWat = R"((module
  (memory 1 4)
  (memory $m1 1)
  (data $d "abcdefgh")
  (table $t 2 8 funcref)
  (global $g (mut i64) (i64.const 5))
  (type $pt (struct (field $x (mut i32)) (field $y (mut i64)) (field $r (mut (ref null $pt)))))
  (type $arr (array (mut i16)))
  (func $f (export "f") (result i32) (i32.const 3))
  (elem declare func $f)
  (func (export "grow_loop") (param $n i32) (result i32) (local $sum i32) (local $at i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get $n)))
      (br_if $done (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
      (local.set $at (i32.sub (i32.shl (memory.size) (i32.const 16)) (i32.const 8)))
      (i64.store (local.get $at) (i64.extend_i32_u (local.get $n)))
      (local.set $sum (i32.add (local.get $sum) (i32.wrap_i64 (i64.load (local.get $at)))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $l)))
    (i32.add (local.get $sum) (i32.load (i32.const 65532))))
  (func (export "bulk") (param $d i32) (param $n i32) (result i32)
    (memory.init $d (local.get $d) (i32.const 0) (i32.const 8))
    (memory.fill (local.get $d) (i32.const 0x41) (local.get $n))
    (memory.copy (i32.const 0) (local.get $d) (local.get $n))
    (i32.load8_u (i32.const 0)))
  (func (export "mem1") (param $a i32) (result i64)
    (i64.store $m1 offset=4 (local.get $a) (i64.const 0x1122334455667788))
    (i64.add (i64.load $m1 offset=4 (local.get $a)) (i64.load8_s $m1 (local.get $a))))
  (func (export "tables") (param $i i32) (result i32)
    (drop (table.grow $t (ref.func $f) (i32.const 1)))
    (table.fill $t (i32.const 0) (ref.func $f) (i32.const 2))
    (table.set $t (local.get $i) (table.get $t (i32.const 0)))
    (i32.add (table.size $t) (ref.is_null (table.get $t (local.get $i)))))
  (func (export "global") (param i64) (result i64)
    (global.set $g (i64.add (global.get $g) (local.get 0))) (global.get $g))
  (func (export "gc") (param $k i32) (param $i i32) (result i64)
    (local $p (ref null $pt)) (local $a (ref null $arr))
    (local.set $p (struct.new $pt (i32.const 7) (i64.const 8) (ref.null $pt)))
    (if (i32.eq (local.get $k) (i32.const 1)) (then (local.set $p (ref.null $pt))))
    (struct.set $pt $y (local.get $p) (i64.const 40))
    (local.set $a (array.new $arr (i32.const -2) (i32.const 4)))
    (if (i32.eq (local.get $k) (i32.const 2)) (then (local.set $a (ref.null $arr))))
    (array.set $arr (local.get $a) (local.get $i) (i32.const 9))
    (i64.add (i64.add (struct.get $pt $y (local.get $p)) (i64.extend_i32_s (struct.get $pt $x (local.get $p))))
             (i64.add (i64.extend_i32_s (array.get_s $arr (local.get $a) (i32.const 0)))
                      (i64.extend_i32_u (array.len (local.get $a))))))
  (func (export "gc_next") (result i32)
    (struct.get $pt $x (struct.get $pt $r (struct.new_default $pt))))
  (func (export "cast") (param $k i32) (result i32)
    (i31.get_s (ref.cast (ref i31)
      (if (result anyref) (local.get $k) (then (struct.new_default $pt)) (else (ref.i31 (i32.const -9)))))))
)
)";

TEST(Jit, CoveredInstructionsMatchTheInterpreter) {
  expect_same("grow_loop", {Val::i32(2)}, kCoverWat);
  expect_same("grow_loop", {Val::i32(5)}, kCoverWat);  // memory.grow fails after 3 pages
  expect_same("bulk", {Val::i32(100), Val::i32(4)}, kCoverWat);
  expect_same("bulk", {Val::i32(65530), Val::i32(4)}, kCoverWat);   // memory.init out of bounds
  expect_same("bulk", {Val::i32(65528), Val::i32(20)}, kCoverWat);  // memory.fill out of bounds
  expect_same("mem1", {Val::i32(0)}, kCoverWat);
  expect_same("mem1", {Val::i32(65524)}, kCoverWat);
  expect_same("mem1", {Val::i32(65525)}, kCoverWat);  // the store is out of bounds
  expect_same("mem1", {Val::i32(-4)}, kCoverWat);
  expect_same("tables", {Val::i32(2)}, kCoverWat);
  expect_same("tables", {Val::i32(3)}, kCoverWat);  // table.set out of bounds
  expect_same("global", {Val::i64(-9)}, kCoverWat);
  expect_same("gc", {Val::i32(0), Val::i32(3)}, kCoverWat);
  expect_same("gc", {Val::i32(0), Val::i32(4)}, kCoverWat);  // array index out of bounds
  expect_same("gc", {Val::i32(1), Val::i32(0)}, kCoverWat);  // struct.set on null
  expect_same("gc", {Val::i32(2), Val::i32(0)}, kCoverWat);  // array.set on null
  expect_same("gc_next", {}, kCoverWat);                     // struct.get on null
  expect_same("cast", {Val::i32(0)}, kCoverWat);
  expect_same("cast", {Val::i32(1)}, kCoverWat);  // cast failure
  Outcome null_struct = run_in(Config::Tier::jit, false, "gc_next", {}, false, kCoverWat);
  EXPECT_NE(null_struct.text.find("null structure reference"), std::string::npos) << null_struct.text;
  Outcome null_array = run_in(Config::Tier::jit, false, "gc", {Val::i32(2), Val::i32(0)}, false, kCoverWat);
  EXPECT_NE(null_array.text.find("null array reference"), std::string::npos) << null_array.text;
}

// Throws (try_table, legacy try/catch/rethrow, throw_ref) land in compiled frames, this one or callers,
// with pinned loop variables live across the landing; unreachable and uncaught exceptions trap at the
// same sites as in the interpreter.
constexpr const char* kExnWat = R"((module
  (tag $e (param i32))
  (tag $f (param i64 f64))
  (func $thrower (param $n i32) (result i32)
    (if (i32.eqz (local.get $n)) (then (throw $e (i32.const 7))))
    (if (i32.eq (local.get $n) (i32.const 3)) (then (throw $f (i64.const -5) (f64.const 2.5))))
    (i32.add (call $thrower (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))
  (func (export "catch_loop") (param $k i32) (result i64) (local $i i32) (local $acc i64) (local $t i32)
    (loop $l
      (local.set $t (block $h (result i32)
        (try_table (catch $e $h)
          (local.set $acc (i64.add (local.get $acc)
            (i64.extend_i32_u (call $thrower (i32.rem_u (local.get $i) (i32.const 3)))))))
        (i32.const 100)))
      (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (local.get $t))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $k))))
    (local.get $acc))
  (func (export "catch_f") (param $n i32) (result f64) (local $d f64)
    (block $h (result i64 f64)
      (try_table (catch $f $h) (drop (call $thrower (local.get $n))))
      (return (f64.const -1)))
    (local.set $d)
    (f64.add (f64.convert_i64_s (i64.mul (i64.const 3))) (local.get $d)))
  (func (export "legacy") (param $n i32) (result i32) (local $x i32)
    (local.set $x (i32.const 40))
    (try (result i32)
      (do
        (try (result i32)
          (do (call $thrower (local.get $n)))
          (catch $e (local.set $x (i32.add (local.get $x) (i32.const 1))) (rethrow 0))))
      (catch $e (i32.add (local.get $x)))
      (catch_all (i32.const -2))))
  (func (export "by_ref") (param $n i32) (result i32)
    (block $outer (result i32)
      (try_table (catch $e $outer)
        (block $h (result exnref)
          (try_table (catch_all_ref $h) (drop (call $thrower (local.get $n))))
          (return (i32.const -1)))
        (throw_ref))
      (i32.const -3)))
  (func (export "null_ref") (result i32)
    (throw_ref (ref.null exn)))
  (func (export "uncaught") (param $n i32) (result i32)
    (call $thrower (local.get $n)))
  (func $deep (param $n i32) (result i32)
    (if (i32.eqz (local.get $n)) (then (unreachable)))
    (call $deep (i32.sub (local.get $n) (i32.const 1))))
  (func (export "unreachable") (param $n i32) (result i32)
    (i32.add (call $deep (local.get $n)) (i32.const 1)))
)
)";

TEST(Jit, ThrowsAndUnreachableMatchTheInterpreter) {
  expect_same("catch_loop", {Val::i32(10)}, kExnWat);
  expect_same("catch_f", {Val::i32(5)}, kExnWat);
  expect_same("catch_f", {Val::i32(2)}, kExnWat);   // $e: caught by no handler of catch_f, leaves
  expect_same("legacy", {Val::i32(1)}, kExnWat);
  expect_same("legacy", {Val::i32(4)}, kExnWat);    // $f: catch_all
  expect_same("by_ref", {Val::i32(2)}, kExnWat);
  expect_same("by_ref", {Val::i32(3)}, kExnWat);    // $f rethrown past the $e handler
  expect_same("null_ref", {}, kExnWat);
  expect_same("uncaught", {Val::i32(5)}, kExnWat);
  expect_same("unreachable", {Val::i32(4)}, kExnWat);
  Outcome u = run_in(Config::Tier::jit, false, "unreachable", {Val::i32(4)}, false, kExnWat);
  EXPECT_NE(u.text.find("unreachable"), std::string::npos) << u.text;
  EXPECT_EQ(u.frames.size(), 6u);
  Outcome c = run_in(Config::Tier::jit, false, "catch_loop", {Val::i32(10)}, false, kExnWat);
  EXPECT_EQ(c.text, "70 ");  // every call ends in a throw of $e 7, from 1 to 3 frames down
}

TEST(Jit, DeepRecursionExhaustsTheSameCallStack) {
  Outcome a = run_in(Config::Tier::interp, false, "inf", {Val::i32(1)});
  EXPECT_NE(a.text.find("call stack exhausted"), std::string::npos) << a.text;
  expect_same("inf", {Val::i32(1)});
}

// Calls between compiled functions run inline in machine code (src/jit/compiler.cc, emit_call): the call
// stack limit is reached at the same depth as in the interpreter, through direct calls, call_indirect and
// calls between instances, with the same message and backtrace; tail calls run in constant stack.
struct DepthOutcome {
  std::string message;
  int32_t depth = 0;  // calls made when the stack ran out
  size_t frames = 0;
  std::vector<uint32_t> first_frames;  // function indices of the innermost few frames
  std::string tail_result;
};

DepthOutcome run_deep(Config::Tier tier, uint32_t threshold, const char* entry) {
  Config c;
  c.tier = tier;
  c.tier_up_threshold = threshold;
  Engine engine(c);
  Store store(engine);
  DepthOutcome out;
  // Module B calls back into A through a table they share (A's function in it): every other call of the
  // recursion switches instances.
  Table table = Table::create(store, TableType{ValType::funcref(), Limits{1, std::nullopt}}, Val::funcref(std::nullopt)).value();
  Module b = testing::must_compile(engine, R"((module
    (import "a" "t" (table 1 funcref))
    (type $r (func (param i64) (result i64)))
    (func (export "hop") (param i64) (result i64)
      (i64.add (call_indirect (type $r) (i64.add (local.get 0) (i64.const 1)) (i32.const 0)) (i64.const 1)))))");
  std::vector<Extern> b_imports{table};
  Result<Instance> bi = Instance::create(store, b, b_imports);
  EXPECT_TRUE(bi.ok());
  if (!bi.ok()) return out;
  Module a = testing::must_compile(engine, R"((module
    (import "a" "t" (table 1 funcref))
    (import "b" "hop" (func $hop (param i64) (result i64)))
    (global $depth (export "depth") (mut i32) (i32.const 0))
    (type $r (func (param i64) (result i64)))
    (elem (i32.const 0) $cross)
    (func $count (global.set $depth (i32.add (global.get $depth) (i32.const 1))))
    (func $direct (export "direct") (param i64) (result i64) (local i64 i32)
      (call $count)
      (i64.add (call $direct (i64.add (local.get 0) (i64.const 1))) (i64.const 1)))
    (func $indirect (export "indirect") (param i64) (result i64)
      (call $count)
      (i64.add (call_indirect $own (type $r) (local.get 0) (i32.const 1)) (i64.const 1)))
    (table $own 2 funcref)
    (elem (table $own) (i32.const 1) $indirect)
    (func $cross (export "cross") (param i64) (result i64)
      (call $count)
      (i64.add (call $hop (local.get 0)) (i64.const 1)))
    (func $tail (export "tail") (param i64 i64) (result i64)
      (if (result i64) (i64.eqz (local.get 0)) (then (local.get 1))
        (else (return_call $tail (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (i64.const 3))))))))");
  std::vector<Extern> a_imports{table, *bi->get_export(store, "hop")};
  Result<Instance> ai = Instance::create(store, a, a_imports);
  EXPECT_TRUE(ai.ok());
  if (!ai.ok()) return out;
  auto r = ai->get_func(store, entry)->call(store, {Val::i64(0)});
  EXPECT_FALSE(r.ok()) << entry;
  if (!r.ok()) {
    out.message = r.error().message;
    out.frames = r.error().frames.size();
    for (size_t i = 0; i < r.error().frames.size() && i < 6; ++i) out.first_frames.push_back(r.error().frames[i].func_index);
  }
  out.depth = ai->get_global(store, "depth")->get(store).value().as_i32();
  auto t = ai->get_func(store, "tail")->call(store, {Val::i64(10000000), Val::i64(0)});
  out.tail_result = t.ok() ? std::to_string((*t)[0].as_i64()) : t.error().to_string();
  if (tier == Config::Tier::jit && Config::tier_supported(tier)) {
    EXPECT_EQ(engine.tier_stats().not_compiled, 0u);
  }
  return out;
}

TEST(Jit, InlineCallsExhaustTheStackAtTheSameDepth) {
  for (const char* entry : {"direct", "indirect", "cross"}) {
    DepthOutcome interp = run_deep(Config::Tier::interp, 1000, entry);
    EXPECT_EQ(interp.message, "call stack exhausted") << entry;
    EXPECT_GT(interp.depth, 1000) << entry;
    EXPECT_EQ(interp.tail_result, "30000000");
    for (uint32_t threshold : {0u, 1u, 50u}) {
      DepthOutcome other = threshold == 0 ? run_deep(Config::Tier::jit, 1000, entry)
                                          : run_deep(Config::Tier::automatic, threshold, entry);
      EXPECT_EQ(interp.message, other.message) << entry << " " << threshold;
      EXPECT_EQ(interp.depth, other.depth) << entry << " " << threshold;
      EXPECT_EQ(interp.frames, other.frames) << entry << " " << threshold;
      EXPECT_EQ(interp.first_frames, other.first_frames) << entry << " " << threshold;
      EXPECT_EQ(interp.tail_result, other.tail_result) << entry << " " << threshold;
    }
  }
}

TEST(Jit, NoCodeMemoryFallsBackToTheInterpreter) {
  Config c;
  c.tier = Config::Tier::jit;
  c.jit_code_limit = 0;
  Engine engine(c);
  Store store(engine);
  Module m = testing::must_compile(engine, kWat);
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok());
  auto r = inst->get_func(store, "fib")->call(store, {Val::i32(15)});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].as_i32(), 610);
  TierStats s = engine.tier_stats();
  EXPECT_EQ(s.compiled, 0u);
  if (Config::tier_supported(Config::Tier::jit)) {
    EXPECT_GT(s.over_limit, 0u);
    EXPECT_EQ(s.over_limit, s.not_compiled);
  }
}

// Pinned registers (compiler.cc) at hand-over points mid-loop: a host call that reads memory and the
// global the loop just wrote, fuel running out at every possible point, a memory.grow, a trap raised in
// the loop; the embedder then sees the same memory, global, fuel and results as with the interpreter.
constexpr const char* kPinnedWat = R"((module
  (import "host" "peek" (func $peek (param i32 i64) (result i32)))
  (memory (export "mem") 1 4)
  (global $g (export "g") (mut i64) (i64.const 0))
  (func (export "run") (param $n i32) (param $trap_at i32) (result f64)
    (local $i i32) (local $a i64) (local $x f64) (local $y f32) (local $h i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $a (i64.add (local.get $a) (i64.mul (i64.extend_i32_u (local.get $i)) (i64.const 3))))
        (local.set $x (f64.add (local.get $x) (f64.convert_i64_s (local.get $a))))
        (local.set $y (f32.mul (f32.add (local.get $y) (f32.const 1.5)) (f32.const 0.75)))
        (i64.store (i32.shl (i32.and (local.get $i) (i32.const 63)) (i32.const 3)) (local.get $a))
        (global.set $g (i64.add (global.get $g) (local.get $a)))
        (local.set $h (i32.add (local.get $h) (call $peek (local.get $i) (local.get $a))))
        (if (i32.eq (local.get $i) (i32.const 5)) (then (drop (memory.grow (i32.const 1)))))
        (if (i32.eq (local.get $i) (local.get $trap_at)) (then (unreachable)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (f64.add (f64.add (local.get $x) (f64.promote_f32 (local.get $y)))
             (f64.convert_i32_s (i32.add (local.get $h) (memory.size))))))
)";

struct PinnedOutcome {
  std::string text;
  uint64_t fuel_left = 0;
  int64_t global = 0;
  std::vector<uint8_t> memory;
  int64_t host_sum = 0;
};

PinnedOutcome run_pinned(Config::Tier tier, uint64_t fuel, int32_t n, int32_t trap_at) {
  Config c;
  c.tier = tier;
  c.consume_fuel = fuel != 0;
  Engine engine(c);
  Store store(engine);
  if (fuel != 0) {
    EXPECT_TRUE(store.set_fuel(fuel).ok());
  }
  Module m = testing::must_compile(engine, kPinnedWat);
  PinnedOutcome out;
  Instance* self = nullptr;
  // The host reads what the loop stored in memory and the global before the call: the frame and memory
  // must be current at the hand-over.
  Func peek = Func::wrap(store, [&](Caller&, int32_t i, int64_t a) -> int32_t {
    std::optional<Memory> mem = self->get_memory(store, "mem");
    int64_t stored = 0;
    std::memcpy(&stored, mem->data(store) + (uint32_t(i) & 63) * 8, 8);
    int64_t g = self->get_global(store, "g")->get(store)->as_i64();
    out.host_sum += stored ^ g;
    return int32_t(stored == a) + int32_t(g & 7);
  });
  std::vector<Extern> imports = {peek};
  Result<Instance> inst = Instance::create(store, m, imports);
  EXPECT_TRUE(inst.ok());
  if (!inst.ok()) return out;
  self = &*inst;
  auto r = inst->get_func(store, "run")->call(store, {Val::i32(n), Val::i32(trap_at)});
  out.text = r.ok() ? std::to_string((*r)[0].f64_bits()) : r.error().to_string();
  if (fuel != 0) out.fuel_left = store.get_fuel().value();
  out.global = inst->get_global(store, "g")->get(store)->as_i64();
  std::optional<Memory> mem = inst->get_memory(store, "mem");
  out.memory.assign(mem->data(store), mem->data(store) + 64 * 8);
  return out;
}

TEST(Jit, PinnedRegistersAtHandOvers) {
  for (int32_t trap_at : {-1, 7}) {
    for (uint64_t fuel : {uint64_t(0), uint64_t(60), uint64_t(300), uint64_t(1000), uint64_t(100000)}) {
      PinnedOutcome a = run_pinned(Config::Tier::interp, fuel, 40, trap_at);
      PinnedOutcome b = run_pinned(Config::Tier::jit, fuel, 40, trap_at);
      std::string what = "fuel " + std::to_string(fuel) + " trap_at " + std::to_string(trap_at);
      EXPECT_EQ(a.text, b.text) << what;
      EXPECT_EQ(a.fuel_left, b.fuel_left) << what;
      EXPECT_EQ(a.global, b.global) << what;
      EXPECT_EQ(a.memory, b.memory) << what;
      EXPECT_EQ(a.host_sum, b.host_sum) << what;
    }
  }
}

TEST(Jit, InterruptStopsALoopInMachineCode) {
  Config c;
  c.tier = Config::Tier::jit;
  c.interruptible = true;
  Engine engine(c);
  Store store(engine);
  Module m = testing::must_compile(engine, R"((module (func (export "forever") (loop $l (br $l)))))");
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok());
  ASSERT_TRUE(store.set_timeout(std::chrono::milliseconds(20)).ok());
  auto r = inst->get_func(store, "forever")->call(store, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "deadline exceeded");
}

}  // namespace
}  // namespace wisp
