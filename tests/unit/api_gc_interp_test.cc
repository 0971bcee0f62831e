// GC instructions through the interpreter, both dispatch modes: i31, ref.eq, casts on abstract types,
// any/extern conversions (boxing both ways) and box churn under a small heap limit. The module is
// binary (assembled by binaryen's wasm-as from the text in the comment) until the text format has GC.
#include <gtest/gtest.h>

#include "api_test_util.h"
#include "gc/heap.h"

namespace wisp {
namespace {


// (func "i31" (param i32) (result i32) (i31.get_s (ref.i31 (local.get 0))))
// (func "i31u" ...)  i31.get_u;  (func "eq" (param i32 i32)) ref.eq of two ref.i31
// (func "test" (param i32)) ref.test (ref i31) of any.convert_extern(extern.convert_any(ref.i31 x))
// (func "conv" (param i32)) i31.get_s (ref.cast (ref i31) (the same round trip))
// (func "castfail" (param externref)) ref.test (ref eq) (any.convert_extern x)
// (func "nulli31") i31.get_s (ref.null i31)
// (func "churn" (param $n i32)) n boxes from extern.convert_any, then unboxes the last
const std::vector<uint8_t> kModule = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x15, 0x04, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x60, 0x02,
    0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x01, 0x6f, 0x01, 0x7f, 0x60, 0x00, 0x01, 0x7f, 0x03, 0x09, 0x08, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x02, 0x03, 0x00, 0x07, 0x3e, 0x08, 0x03, 0x69, 0x33, 0x31, 0x00, 0x00, 0x04, 0x69, 0x33,
    0x31, 0x75, 0x00, 0x01, 0x02, 0x65, 0x71, 0x00, 0x02, 0x04, 0x74, 0x65, 0x73, 0x74, 0x00, 0x03, 0x04, 0x63,
    0x6f, 0x6e, 0x76, 0x00, 0x04, 0x08, 0x63, 0x61, 0x73, 0x74, 0x66, 0x61, 0x69, 0x6c, 0x00, 0x05, 0x07, 0x6e,
    0x75, 0x6c, 0x6c, 0x69, 0x33, 0x31, 0x00, 0x06, 0x05, 0x63, 0x68, 0x75, 0x72, 0x6e, 0x00, 0x07, 0x0a, 0x70,
    0x08, 0x08, 0x00, 0x20, 0x00, 0xfb, 0x1c, 0xfb, 0x1d, 0x0b, 0x08, 0x00, 0x20, 0x00, 0xfb, 0x1c, 0xfb, 0x1e,
    0x0b, 0x0b, 0x00, 0x20, 0x00, 0xfb, 0x1c, 0x20, 0x01, 0xfb, 0x1c, 0xd3, 0x0b, 0x0d, 0x00, 0x20, 0x00, 0xfb,
    0x1c, 0xfb, 0x1b, 0xfb, 0x1a, 0xfb, 0x14, 0x6c, 0x0b, 0x0f, 0x00, 0x20, 0x00, 0xfb, 0x1c, 0xfb, 0x1b, 0xfb,
    0x1a, 0xfb, 0x16, 0x6c, 0xfb, 0x1d, 0x0b, 0x09, 0x00, 0x20, 0x00, 0xfb, 0x1a, 0xfb, 0x14, 0x6d, 0x0b, 0x06,
    0x00, 0xd0, 0x71, 0xfb, 0x1d, 0x0b, 0x21, 0x01, 0x01, 0x6f, 0x03, 0x40, 0x20, 0x00, 0xfb, 0x1c, 0xfb, 0x1b,
    0x21, 0x01, 0x20, 0x00, 0x41, 0x01, 0x6b, 0x22, 0x00, 0x0d, 0x00, 0x0b, 0x20, 0x01, 0xfb, 0x1a, 0xfb, 0x16,
    0x6c, 0xfb, 0x1e, 0x0b
};

class ApiGcInterp : public ::testing::TestWithParam<Config::Dispatch> {
 protected:
  Config config() {
    Config c;
    EXPECT_TRUE(c.features.apply("gc=y").ok());
    c.dispatch = GetParam();
    return c;
  }
};

int32_t call_i32(Store& store, Instance& inst, const char* name, std::vector<Val> args) {
  Result<std::vector<Val>> r = inst.get_func(store, name)->call(store, args);
  EXPECT_TRUE(r.ok()) << name << ": " << r.error().to_string();
  return r.ok() ? (*r)[0].as_i32() : INT32_MIN;
}

TEST_P(ApiGcInterp, I31CastsAndConversions) {
  Engine engine(config());
  Result<Module> m = Module::compile(engine, std::span<const uint8_t>(kModule));
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  Store store(engine);
  Result<Instance> inst = Instance::create(store, *m, {});
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  EXPECT_EQ(call_i32(store, *inst, "i31", {Val::i32(-5)}), -5);
  EXPECT_EQ(call_i32(store, *inst, "i31", {Val::i32(0x40000000)}), -0x40000000);
  EXPECT_EQ(call_i32(store, *inst, "i31u", {Val::i32(-5)}), 0x7ffffffb);
  EXPECT_EQ(call_i32(store, *inst, "eq", {Val::i32(3), Val::i32(3)}), 1);
  EXPECT_EQ(call_i32(store, *inst, "eq", {Val::i32(3), Val::i32(4)}), 0);
  EXPECT_EQ(call_i32(store, *inst, "eq", {Val::i32(-1), Val::i32(0x7fffffff)}), 1);  // same 31 bits
  EXPECT_EQ(call_i32(store, *inst, "test", {Val::i32(7)}), 1);
  EXPECT_EQ(call_i32(store, *inst, "conv", {Val::i32(-77)}), -77);
  EXPECT_EQ(call_i32(store, *inst, "castfail", {Val::externref(5)}), 0);  // a host value is no eqref
  Result<std::vector<Val>> r = inst->get_func(store, "nulli31")->call(store, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "null i31 reference");
}

TEST_P(ApiGcInterp, BoxChurnIsCollectedUnderASmallLimit) {
  Engine engine(config());
  Result<Module> m = Module::compile(engine, std::span<const uint8_t>(kModule));
  ASSERT_TRUE(m.ok());
  Store store(engine);
  StoreLimits limits;
  limits.max_gc_heap_bytes = 64 << 10;
  store.set_limits(limits);
  Result<Instance> inst = Instance::create(store, *m, {});
  ASSERT_TRUE(inst.ok());
  EXPECT_EQ(call_i32(store, *inst, "churn", {Val::i32(1'000'000)}), 1);
  const gc::HeapStats& stats = gc::heap_of(store.data_internal()).stats();
  EXPECT_GT(stats.collections, 100u);
  EXPECT_LE(stats.live_bytes, 64u << 10);
}

INSTANTIATE_TEST_SUITE_P(Dispatch, ApiGcInterp, ::testing::Values(Config::Dispatch::tailcall, Config::Dispatch::loop));

}  // namespace
}  // namespace wisp
