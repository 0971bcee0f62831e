// C++ API conveniences a first-time embedder reaches for (issue 18): typed export lookup that fails
// cleanly, strings and views of guest memory, and run_command for WASI commands.
#include <gtest/gtest.h>

#include <string>

#include "api_test_util.h"
#include "wisp/linker.h"
#include "wisp/text.h"
#include "wisp/wasi.h"

namespace wisp {
namespace {

constexpr const char* kWat = R"((module
  (memory (export "mem") 1)
  (data (i32.const 16) "hello, host")
  (global (export "g") i32 (i32.const 1))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))))";

struct Guest {
  Engine engine;
  Store store{engine};
  Instance instance;
  Guest() {
    Module m = testing::must_compile(engine, kWat);
    auto inst = Instance::create(store, m, {});
    EXPECT_TRUE(inst.ok());
    if (inst.ok()) instance = *inst;
  }
};

TEST(ApiConveniences, GetTypedFuncFailsCleanly) {
  Guest g;
  auto add = g.instance.get_typed_func<int32_t(int32_t, int32_t)>(g.store, "add");
  ASSERT_TRUE(add.ok()) << add.error().to_string();
  auto r = add->call(g.store, 40, 2);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 42);
  auto missing = g.instance.get_typed_func<int32_t()>(g.store, "nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::Usage);
  EXPECT_NE(missing.error().message.find("unknown export"), std::string::npos);
  auto not_func = g.instance.get_typed_func<int32_t()>(g.store, "g");
  ASSERT_FALSE(not_func.ok());
  EXPECT_NE(not_func.error().message.find("not a function"), std::string::npos);
  EXPECT_FALSE((g.instance.get_typed_func<int64_t(int32_t, int32_t)>(g.store, "add").ok()));  // wrong type
}

TEST(ApiConveniences, MemoryStringsAndViews) {
  Guest g;
  auto mem = g.instance.get_memory(g.store, "mem");
  ASSERT_TRUE(mem.has_value());
  auto s = mem->read_string(g.store, 16, 11);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*s, "hello, host");
  auto v = mem->view(g.store, 16, 5);
  ASSERT_TRUE(v.ok());
  (*v)[0] = 'j';
  EXPECT_EQ(*mem->read_string(g.store, 16, 5), "jello");
  EXPECT_TRUE(mem->view(g.store, 65536, 0).ok());
  auto oob = mem->read_string(g.store, 65530, 7);
  ASSERT_FALSE(oob.ok());
  EXPECT_EQ(oob.error().message, "out of bounds memory access");
  EXPECT_FALSE(mem->view(g.store, UINT64_MAX, 2).ok());  // no offset + length overflow
}

Result<int> run(const std::string& wat) {
  Engine engine;
  auto bytes = wat_to_wasm(wat);
  if (!bytes.ok()) return bytes.error();
  auto module = Module::compile(engine, *bytes);
  if (!module.ok()) return module.error();
  auto wasi = Wasi::create({});
  if (!wasi.ok()) return wasi.error();
  Store store(engine);
  Linker linker(engine);
  if (auto r = (*wasi)->add_to_linker(linker); !r.ok()) return r.error();
  return run_command(store, linker, *module);
}

TEST(ApiConveniences, RunCommandGivesTheExitCode) {
  const std::string exit_with = R"((module
    (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
    (memory (export "memory") 1)
    (func (export "_start") (call $exit (i32.const 3)))))";
  auto r = run(exit_with);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(*r, 3);
  auto zero = run(R"((module (memory (export "memory") 1) (func (export "_start"))))");
  ASSERT_TRUE(zero.ok());
  EXPECT_EQ(*zero, 0);
  auto trap = run(R"((module (memory (export "memory") 1) (func (export "_start") unreachable)))");
  ASSERT_FALSE(trap.ok());
  EXPECT_EQ(trap.error().kind, ErrorKind::Trap);
  auto no_start = run(R"((module (memory (export "memory") 1)))");
  ASSERT_FALSE(no_start.ok());
  EXPECT_EQ(no_start.error().kind, ErrorKind::Usage);
}

}  // namespace
}  // namespace wisp
