// Public API: trap frames carry the function index and the Wasm byte offsets of the trapping
// instruction and of each call on the way (Error::frames).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "api_test_util.h"

namespace wisp {
namespace {

// Each function starts with a distinctive constant so the test finds its bytes in the binary by
// pattern, independently of the runtime: a body without locals starts with the local-declaration count
// (one byte, 0) and then its first instruction, so the code entry starts one byte before the pattern.
constexpr const char* kWat = R"((module
  (import "env" "host" (func $host))
  (import "env" "ok" (func $ok))
  (memory 1)
  (func $div (param i32) (result i32)
    i32.const 12345 local.get 0 i32.div_s)
  (func $mid (export "mid") (param i32) (result i32)
    i32.const 4242 drop local.get 0 call $div)
  (func (export "oob") (result i32)
    i32.const 7777 drop i32.const 70000 i32.load)
  (func (export "via_host")
    i32.const 6666 drop call $host)
  (func (export "spin")
    i32.const 5555 drop (loop $l (br $l)))
  (func (export "ok_then_oob") (result i32)
    i32.const 3333 drop call $ok i32.const 70000 i32.load))
)";

// 12345, 4242, 7777, 6666, 5555, 3333 as i32.const (signed LEB128); 70000 takes 3 bytes.
const std::vector<uint8_t> kDivPat = {0x41, 0xb9, 0xe0, 0x00, 0x20, 0x00, 0x6d};    // +6: i32.div_s
const std::vector<uint8_t> kMidPat = {0x41, 0x92, 0x21, 0x1a, 0x20, 0x00, 0x10};    // +6: call
const std::vector<uint8_t> kOobPat = {0x41, 0xe1, 0x3c, 0x1a, 0x41};                // +8: i32.load
const std::vector<uint8_t> kHostPat = {0x41, 0x8a, 0x34, 0x1a, 0x10, 0x00};         // +4: call
const std::vector<uint8_t> kSpinPat = {0x41, 0xb3, 0x2b, 0x1a, 0x03, 0x40};         // +4: loop
const std::vector<uint8_t> kOkOobPat = {0x41, 0x85, 0x1a, 0x1a, 0x10, 0x01};        // +4: call, +10: i32.load

uint64_t find_once(const std::vector<uint8_t>& bytes, const std::vector<uint8_t>& pat) {
  auto it = std::search(bytes.begin(), bytes.end(), pat.begin(), pat.end());
  EXPECT_NE(it, bytes.end());
  if (it == bytes.end()) return 0;
  EXPECT_EQ(std::search(it + 1, bytes.end(), pat.begin(), pat.end()), bytes.end()) << "pattern not unique";
  return uint64_t(it - bytes.begin());
}

struct Fixture {
  explicit Fixture(Config c) : engine(c), store(engine), linker(engine) {
    bytes = text::wat_to_wasm(kWat).value();
    Result<Module> m = Module::compile(engine, bytes);
    EXPECT_TRUE(m.ok());
    EXPECT_TRUE(linker.func_wrap("env", "host", []() -> Result<void> { return Error::trap("host failed"); }).ok());
    EXPECT_TRUE(linker.func_wrap("env", "ok", []() {}).ok());
    Result<Instance> inst = linker.instantiate(store, *m);
    EXPECT_TRUE(inst.ok()) << inst.error().to_string();
    instance = *inst;
  }
  Error trap(const char* name, std::initializer_list<Val> args = {}) {
    auto r = instance.get_func(store, name)->call(store, args);
    EXPECT_FALSE(r.ok());
    Error e = r.ok() ? Error() : r.error();
    EXPECT_EQ(e.frames.size(), e.backtrace.size());
    for (size_t i = 0; i < std::min(e.frames.size(), e.backtrace.size()); ++i)
      EXPECT_EQ(e.frames[i].name, e.backtrace[i]);
    return e;
  }
  Engine engine;
  Store store;
  Linker linker;
  Instance instance;
  std::vector<uint8_t> bytes;
};

// Checks frame `f`: function index, the instruction at `at`, and the code entry starting at `entry`.
void expect_frame(const Frame& f, uint32_t func_index, uint64_t at, uint64_t entry) {
  EXPECT_EQ(f.func_index, func_index) << f.name;
  EXPECT_EQ(f.module_offset, at) << f.name;
  EXPECT_EQ(f.func_offset, at - entry) << f.name;
  EXPECT_EQ(f.func_offset + entry, f.module_offset) << f.name;
  EXPECT_NE(f.instance, nullptr) << f.name;
}

TEST(ApiTrapFrames, TrappingInstructionAndCallSites) {
  Fixture fx{Config{}};
  Error e = fx.trap("mid", {Val::i32(0)});
  EXPECT_EQ(e.message, "integer divide by zero");
  ASSERT_EQ(e.frames.size(), 2u);
  uint64_t div = find_once(fx.bytes, kDivPat), mid = find_once(fx.bytes, kMidPat);
  expect_frame(e.frames[0], 2, div + 6, div - 1);
  expect_frame(e.frames[1], 3, mid + 6, mid - 1);
  EXPECT_EQ(e.frames[0].instance, e.frames[1].instance);
  EXPECT_EQ(e.frames[0].instance, fx.instance.internal());
}

TEST(ApiTrapFrames, HostFramesHaveNoIndex) {
  Fixture fx{Config{}};
  Error e = fx.trap("via_host");
  EXPECT_EQ(e.message, "host failed");
  ASSERT_EQ(e.frames.size(), 2u);
  EXPECT_EQ(e.frames[0].func_index, UINT32_MAX);
  EXPECT_EQ(e.frames[0].module_offset, UINT64_MAX);
  EXPECT_EQ(e.frames[0].instance, nullptr);
  uint64_t at = find_once(fx.bytes, kHostPat);
  expect_frame(e.frames[1], 5, at + 4, at - 1);
}

TEST(ApiTrapFrames, MemoryAccessWithExplicitBoundsChecks) {
  Config c;
  c.explicit_bounds_checks = true;
  Fixture fx{c};
  Error e = fx.trap("oob");
  EXPECT_EQ(e.message, "out of bounds memory access");
  ASSERT_EQ(e.frames.size(), 1u);
  uint64_t at = find_once(fx.bytes, kOobPat);
  expect_frame(e.frames[0], 4, at + 8, at - 1);
}

TEST(ApiTrapFrames, MemoryAccessWithGuardPagesKnowsTheFunction) {
  Fixture fx{Config{}};
  Error e = fx.trap("oob");
  EXPECT_EQ(e.message, "out of bounds memory access");
  ASSERT_EQ(e.frames.size(), 1u);
  EXPECT_EQ(e.frames[0].func_index, 4u);
  // A guard-page fault has no instruction position; an explicitly checked access (when the memory has
  // no reservation) does.
  uint64_t at = find_once(fx.bytes, kOobPat);
  if (e.frames[0].module_offset != UINT64_MAX) expect_frame(e.frames[0], 4, at + 8, at - 1);
  // A host call earlier in the same function leaves no stale position for a later fault.
  e = fx.trap("ok_then_oob");
  ASSERT_EQ(e.frames.size(), 1u);
  EXPECT_EQ(e.frames[0].func_index, 7u);
  uint64_t ok = find_once(fx.bytes, kOkOobPat);
  if (e.frames[0].module_offset != UINT64_MAX) expect_frame(e.frames[0], 7, ok + 10, ok - 1);
}

TEST(ApiTrapFrames, DeadlineTrapsAtTheLoopHeader) {
  Config c;
  c.interruptible = true;
  Fixture fx{c};
  ASSERT_TRUE(fx.store.set_timeout(std::chrono::milliseconds(100)).ok());
  Error e = fx.trap("spin");
  EXPECT_EQ(e.message, "deadline exceeded");
  ASSERT_EQ(e.frames.size(), 1u);
  uint64_t at = find_once(fx.bytes, kSpinPat);
  expect_frame(e.frames[0], 6, at + 4, at - 1);
}

}  // namespace
}  // namespace wisp
