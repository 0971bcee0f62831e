// Public API: the host->Wasm call fast paths (TypedFunc without Result on success, Func::call with stack
// buffers, fixed-size argument/result moves, inline zeroing of few locals) keep their checks and results.
#include <gtest/gtest.h>

#include <array>
#include <stdexcept>
#include <vector>

#include "api_test_util.h"

namespace wisp {
namespace {

using testing::must_compile;

TEST(ApiCallPath, TypedCallChecksTheStoreOfTheHandle) {
  Engine engine;
  Store a(engine), b(engine);
  Module m = must_compile(engine, R"((module (func (export "id") (param i32) (result i32) local.get 0)))");
  Result<Instance> inst = Instance::create(a, m, {});
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  auto id = inst->get_func(a, "id")->typed<int32_t(int32_t)>(a);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(id->call(a, 41).value(), 41);
  Result<int32_t> wrong = id->call(b, 1);  // a typed view made in store a, used with store b
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().kind, ErrorKind::Usage);
  TypedFunc<int32_t(int32_t)> empty{Func()};
  Result<int32_t> none = empty.call(a, 1);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().kind, ErrorKind::Usage);
  EXPECT_EQ(id->call(a, 7).value(), 7);  // still usable after the failures
}

TEST(ApiCallPath, ManyMixedValuesThroughValSpans) {
  Engine engine;
  Store store(engine);
  // 10 params (over the 8-value stack buffer) mixing one- and two-slot (v128) values; the results are
  // the params reversed, so every value's packing in both directions is checked.
  Module m = must_compile(engine, R"((module
    (func (export "rev") (param i32 i64 v128 f32 f64 i32 v128 i64 f32 i32)
                         (result i32 f32 i64 v128 i32 f64 f32 v128 i64 i32)
      local.get 9 local.get 8 local.get 7 local.get 6 local.get 5
      local.get 4 local.get 3 local.get 2 local.get 1 local.get 0)))");
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  std::array<uint8_t, 16> va{}, vb{};
  for (int i = 0; i < 16; ++i) {
    va[i] = uint8_t(i + 1);
    vb[i] = uint8_t(0xF0 + i);
  }
  std::vector<Val> args = {Val::i32(-1), Val::i64(int64_t(0x1122334455667788)), Val::v128(va),
                           Val::f32(1.5f), Val::f64(-2.25), Val::i32(7), Val::v128(vb),
                           Val::i64(-9), Val::f32(3.0f), Val::i32(123456)};
  Result<std::vector<Val>> r = inst->get_func(store, "rev")->call(store, args);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(r->size(), 10u);
  for (size_t i = 0; i < 10; ++i) EXPECT_EQ((*r)[i], args[9 - i]) << "result " << i;
}

TEST(ApiCallPath, DeclaredLocalsStartAtZeroOnEveryCall) {
  Engine engine;
  Store store(engine);
  // `dirty` leaves non-zero values in the value-stack slots that the next call's locals reuse; `few`
  // (inline zeroing) and `many` (memset) must still see their declared locals as zero.
  Module m = must_compile(engine, R"((module
    (func (export "dirty") (param i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
                                                         i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
      (local.set 1 (local.get 0)) (local.set 5 (local.get 0)) (local.set 10 (local.get 0))
      (local.set 16 (local.get 0)) (local.set 23 (local.get 0))
      (i64.add (local.get 1) (local.get 23)))
    (func (export "few") (param i64) (result i64) (local i64 i64 i64)
      (i64.or (i64.or (local.get 1) (local.get 2)) (local.get 3)))
    (func (export "many") (param i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
                                                        i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
      (i64.or (i64.or (i64.or (local.get 1) (local.get 5)) (i64.or (local.get 10) (local.get 16)))
              (local.get 23)))))");
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  auto dirty = inst->get_func(store, "dirty")->typed<int64_t(int64_t)>(store);
  auto few = inst->get_func(store, "few")->typed<int64_t(int64_t)>(store);
  auto many = inst->get_func(store, "many")->typed<int64_t(int64_t)>(store);
  ASSERT_TRUE(dirty.ok() && few.ok() && many.ok());
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(dirty->call(store, -1).value(), -2);
    EXPECT_EQ(few->call(store, -1).value(), 0);
    EXPECT_EQ(dirty->call(store, -1).value(), -2);
    EXPECT_EQ(many->call(store, -1).value(), 0);
  }
}

TEST(ApiCallPath, HostExceptionBecomesATrapAndTheStoreStaysUsable) {
  Engine engine;
  Store store(engine);
  Linker linker(engine);
  ASSERT_TRUE(linker.func_wrap("env", "check", [](int32_t x) -> int32_t {
    if (x < 0) throw std::runtime_error("negative");
    if (x == 0) throw 42;  // not a std::exception
    return x * 2;
  }).ok());
  Module m = must_compile(engine, R"((module (import "env" "check" (func $check (param i32) (result i32)))
    (func (export "f") (param i32) (result i32) (i32.add (call $check (local.get 0)) (i32.const 1)))))");
  Result<Instance> inst = linker.instantiate(store, m);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  auto f = inst->get_func(store, "f")->typed<int32_t(int32_t)>(store);
  ASSERT_TRUE(f.ok());
  for (int round = 0; round < 3; ++round) {
    Result<int32_t> thrown = f->call(store, -1);
    ASSERT_FALSE(thrown.ok());
    EXPECT_EQ(thrown.error().kind, ErrorKind::Trap);
    EXPECT_EQ(thrown.error().message, "host function threw an exception: negative");
    Result<int32_t> other = f->call(store, 0);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().message, "host function threw an exception");
    EXPECT_EQ(f->call(store, 20).value(), 41);  // the stacks were restored after each trap
  }
  // Called directly from the host, a throwing host function is an error result too, not an exception.
  Func direct = Func::wrap(store, [](int32_t x) -> int32_t {
    if (x < 0) throw std::runtime_error("direct");
    return x;
  });
  auto typed = direct.typed<int32_t(int32_t)>(store);
  ASSERT_TRUE(typed.ok());
  Result<int32_t> thrown = typed->call(store, -1);
  ASSERT_FALSE(thrown.ok());
  EXPECT_EQ(thrown.error().message, "host function threw an exception: direct");
  EXPECT_EQ(typed->call(store, 5).value(), 5);
}

TEST(ApiCallPath, WasmToHostWithManyMixedValues) {
  Engine engine;
  Store store(engine);
  // 10 params and 10 results (over call_host's 8-value stack buffer), one- and two-slot values: the host
  // function returns its params reversed and Wasm passes them back, so both packings are checked.
  std::vector<ValType> params = {ValKind::i32, ValKind::i64, ValKind::v128, ValKind::f32, ValKind::f64,
                                 ValKind::i32, ValKind::v128, ValKind::i64, ValKind::f32, ValKind::i32};
  std::vector<ValType> results(params.rbegin(), params.rend());
  Func rev = Func::create(store, FuncType(params, results),
                          [](Caller&, std::span<const Val> args, std::span<Val> out) -> Result<void> {
                            for (size_t i = 0; i < args.size(); ++i) out[i] = args[args.size() - 1 - i];
                            return {};
                          });
  Module m = must_compile(engine, R"((module
    (import "env" "rev" (func $rev (param i32 i64 v128 f32 f64 i32 v128 i64 f32 i32)
                                   (result i32 f32 i64 v128 i32 f64 f32 v128 i64 i32)))
    (func (export "f") (param i32 i64 v128 f32 f64 i32 v128 i64 f32 i32)
                       (result i32 f32 i64 v128 i32 f64 f32 v128 i64 i32)
      (call $rev (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)
                 (local.get 5) (local.get 6) (local.get 7) (local.get 8) (local.get 9)))))");
  std::vector<Extern> imports = {rev};
  Result<Instance> inst = Instance::create(store, m, imports);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  std::array<uint8_t, 16> va{}, vb{};
  for (int i = 0; i < 16; ++i) {
    va[i] = uint8_t(3 * i + 1);
    vb[i] = uint8_t(0xA0 + i);
  }
  std::vector<Val> args = {Val::i32(-7), Val::i64(int64_t(0x0102030405060708)), Val::v128(va),
                           Val::f32(0.5f), Val::f64(6.75), Val::i32(99), Val::v128(vb),
                           Val::i64(-1234567890123), Val::f32(-8.0f), Val::i32(31337)};
  Result<std::vector<Val>> r = inst->get_func(store, "f")->call(store, args);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(r->size(), 10u);
  for (size_t i = 0; i < 10; ++i) EXPECT_EQ((*r)[i], args[9 - i]) << "result " << i;
}

TEST(ApiCallPath, AGuardPageTrapInANestedCallUnwindsOnlyThatLevel) {
  Engine engine;  // default configuration: out-of-bounds accesses fault on guard pages
  Store store(engine);
  Linker linker(engine);
  int inner_traps = 0;
  ASSERT_TRUE(linker.func_wrap("env", "probe", [&inner_traps](Caller& caller, int32_t addr) -> int32_t {
    std::optional<Func> load = caller.get_export("load")->func();
    Result<int32_t> r = load->typed<int32_t(int32_t)>(caller.store())->call(caller.store(), addr);
    if (!r.ok()) {
      EXPECT_EQ(r.error().message, "out of bounds memory access");
      ++inner_traps;
      return -100;
    }
    return r.value();
  }).ok());
  Module m = must_compile(engine, R"((module (import "env" "probe" (func $probe (param i32) (result i32)))
    (memory 1) (data (i32.const 8) "\2a")
    (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
    (func (export "outer") (param i32) (result i32)
      (i32.add (call $probe (local.get 0)) (i32.load (i32.const 8))))))");
  Result<Instance> inst = linker.instantiate(store, m);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  auto outer = inst->get_func(store, "outer")->typed<int32_t(int32_t)>(store);
  auto load = inst->get_func(store, "load")->typed<int32_t(int32_t)>(store);
  ASSERT_TRUE(outer.ok() && load.ok());
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(outer->call(store, 8).value(), 84);
    EXPECT_EQ(outer->call(store, int32_t(0xFFFFFFF0)).value(), -100 + 42);  // inner level trapped
    Result<int32_t> direct = load->call(store, 65536);
    ASSERT_FALSE(direct.ok());
    EXPECT_EQ(direct.error().message, "out of bounds memory access");
  }
  EXPECT_EQ(inner_traps, 3);
}

}  // namespace
}  // namespace wisp
