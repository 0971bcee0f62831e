// Hostile inputs (issue 7): huge declared counts and sizes, deep nesting, giant br_tables, memory.grow
// storms, stack exhaustion and malformed UTF-8. Each must end in a clean error or result: no crash,
// no huge allocation, no native stack overflow.
#include <gtest/gtest.h>
#include <pthread.h>

#include <cstdint>
#include <string>
#include <vector>

#include "../unit/api_test_util.h"
#include "wisp/wisp.h"

namespace wisp {
namespace {

using Bytes = std::vector<uint8_t>;

Bytes uleb(uint64_t v) {
  Bytes b;
  do {
    uint8_t byte = v & 0x7f;
    v >>= 7;
    if (v) byte |= 0x80;
    b.push_back(byte);
  } while (v);
  return b;
}
void append(Bytes& a, const Bytes& b) { a.insert(a.end(), b.begin(), b.end()); }
Bytes section(uint8_t id, const Bytes& contents) {
  Bytes s{id};
  append(s, uleb(contents.size()));
  append(s, contents);
  return s;
}
Bytes header() { return {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00}; }
// type 0 = () -> ()
Bytes void_type() { return section(1, {0x01, 0x60, 0x00, 0x00}); }
// A module with one () -> () function exported as "f" with `body` (locals + code, without size).
Bytes one_func(const Bytes& body, const Bytes& extra_before_code = {}) {
  Bytes m = header();
  append(m, void_type());
  append(m, section(3, {0x01, 0x00}));
  append(m, extra_before_code);
  append(m, section(7, {0x01, 0x01, 'f', 0x00, 0x00}));
  Bytes code{0x01};
  append(code, uleb(body.size()));
  append(code, body);
  append(m, section(10, code));
  return m;
}

ErrorKind compile_kind(const Bytes& b) {
  static const Engine engine;
  auto m = Module::compile(engine, b);
  return m.ok() ? ErrorKind::Usage : m.error().kind;  // Usage stands for "compiled"
}

TEST(Hostile, HugeDeclaredCounts) {
  // Sections claiming 2^32-1 entries in a few bytes must fail without reserving memory for them.
  for (uint8_t id : {1, 2, 3, 4, 5, 6, 7, 9, 10, 11}) {
    Bytes m = header();
    Bytes contents = uleb(0xFFFFFFFFu);
    contents.push_back(0x00);
    append(m, section(id, contents));
    EXPECT_EQ(compile_kind(m), ErrorKind::Malformed) << "section " << int(id);
  }
}

TEST(Hostile, SectionSizeBeyondTheInput) {
  Bytes m = header();
  m.push_back(1);
  append(m, uleb(0xFFFFFFF0u));
  m.push_back(0x00);
  EXPECT_EQ(compile_kind(m), ErrorKind::Malformed);
}

TEST(Hostile, HugeLocalCounts) {
  // Two local groups of 2^32-1 each: "too many locals", not an allocation of 2^33 slots.
  Bytes body{0x02};
  append(body, uleb(0xFFFFFFFFu));
  body.push_back(0x7f);
  append(body, uleb(0xFFFFFFFFu));
  body.push_back(0x7e);
  body.push_back(0x0b);
  ErrorKind k = compile_kind(one_func(body));
  EXPECT_TRUE(k == ErrorKind::Malformed || k == ErrorKind::Invalid);
  // 50,000 locals are fine, and the function runs (its frame is zeroed, 400 KB).
  Bytes ok_body{0x01};
  append(ok_body, uleb(50'000));
  ok_body.push_back(0x7e);
  ok_body.push_back(0x0b);
  Engine engine;
  auto m = Module::compile(engine, one_func(ok_body));
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  Store store(engine);
  auto inst = Instance::create(store, *m, {});
  ASSERT_TRUE(inst.ok());
  EXPECT_TRUE(inst->get_func(store, "f")->call(store, {}).ok());
}

TEST(Hostile, DeepBlockNesting) {
  // 200,000 nested blocks in binary: the decoder's control stack is on the heap.
  constexpr int kDepth = 200'000;
  Bytes body{0x00};
  for (int i = 0; i < kDepth; ++i) append(body, {0x02, 0x40});
  for (int i = 0; i < kDepth; ++i) body.push_back(0x0b);
  body.push_back(0x0b);
  Engine engine;
  auto m = Module::compile(engine, one_func(body));
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  Store store(engine);
  auto inst = Instance::create(store, *m, {});
  ASSERT_TRUE(inst.ok());
  EXPECT_TRUE(inst->get_func(store, "f")->call(store, {}).ok());
}

TEST(Hostile, DeepNestingInText) {
  // Folded and flat nesting in WAT: parsed without native recursion limits biting (or a clean error).
  for (int depth : {10'000, 100'000}) {
    std::string folded = "(module (func";
    for (int i = 0; i < depth; ++i) folded += " (block";
    for (int i = 0; i < depth; ++i) folded += ")";
    folded += "))";
    auto r = text::wat_to_wasm(folded);
    if (!r.ok()) {
      EXPECT_EQ(r.error().kind, ErrorKind::Malformed) << r.error().to_string();
    }
    std::string parens(size_t(depth), '(');
    auto p = text::wat_to_wasm(parens);
    EXPECT_FALSE(p.ok());
  }
}

TEST(Hostile, GiantBrTable) {
  constexpr uint32_t kTargets = 100'000;
  Bytes body{0x00, 0x02, 0x40, 0x41, 0x05, 0x0e};  // block; i32.const 5; br_table
  append(body, uleb(kTargets));
  for (uint32_t i = 0; i < kTargets; ++i) body.push_back(0x00);
  body.push_back(0x00);
  append(body, {0x0b, 0x0b});
  Engine engine;
  auto m = Module::compile(engine, one_func(body));
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  Store store(engine);
  auto inst = Instance::create(store, *m, {});
  ASSERT_TRUE(inst.ok());
  EXPECT_TRUE(inst->get_func(store, "f")->call(store, {}).ok());
  // A br_table claiming 2^32-1 targets in a few bytes.
  Bytes bad{0x00, 0x02, 0x40, 0x41, 0x00, 0x0e};
  append(bad, uleb(0xFFFFFFFFu));
  append(bad, {0x00, 0x0b, 0x0b});
  EXPECT_EQ(compile_kind(one_func(bad)), ErrorKind::Malformed);
}

TEST(Hostile, MemoryGrowStorm) {
  Engine engine;
  Module m = testing::must_compile(engine, R"(
    (module (memory 0)
      (func (export "storm") (result i32) (local i32)
        (block $done (loop $l
          (br_if $done (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
          (local.set 0 (i32.add (local.get 0) (i32.const 1)))
          (br $l)))
        (local.get 0))))");
  Store store(engine);
  StoreLimits l;
  l.max_memory_pages = 256;
  store.set_limits(l);
  auto inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok());
  auto r = inst->get_func(store, "storm")->call(store, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].as_i32(), 256);
}

TEST(Hostile, StackExhaustionInEveryForm) {
  Engine engine;
  Module m = testing::must_compile(engine, R"(
    (module
      (type $t (func))
      (table 1 funcref) (elem (i32.const 0) $ind)
      (func $direct (export "direct") (call $direct))
      (func $ind (export "indirect") (call_indirect (type $t) (i32.const 0)))
      (func $a (export "mutual") (call $b)) (func $b (call $a))
      (func $args (export "args") (param i64 i64 i64 i64 i64 i64 i64 i64)
        (call $args (local.get 0) (local.get 1) (local.get 2) (local.get 3)
                    (local.get 4) (local.get 5) (local.get 6) (local.get 7))))
  )");
  Store store(engine);
  auto inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok());
  for (const char* name : {"direct", "indirect", "mutual"}) {
    auto r = inst->get_func(store, name)->call(store, {});
    ASSERT_FALSE(r.ok()) << name;
    EXPECT_EQ(r.error().kind, ErrorKind::Exhaustion) << name;
  }
  std::vector<Val> args(8, Val::i64(1));
  auto r = inst->get_func(store, "args")->call(store, args);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Exhaustion);
}

// A host function that calls back into the guest, which calls the host again...: the error it ends in
// (kind Usage if the module did not even instantiate, never expected).
ErrorKind host_reentry_outcome() {
  Engine engine;
  Module m = testing::must_compile(engine, R"(
    (module (import "env" "h" (func $h)) (func (export "g") (call $h)))
  )");
  Store store(engine);
  std::optional<Func> g;
  Func h = Func::wrap(store, [&](Caller&) -> Result<void> {
    auto r = g->call(store, {});
    if (!r.ok()) return r.error();
    return {};
  });
  std::vector<Extern> imports{Extern(h)};
  auto inst = Instance::create(store, m, imports);
  if (!inst.ok()) return ErrorKind::Usage;
  g = inst->get_func(store, "g");
  auto r = g->call(store, {});
  return r.ok() ? ErrorKind::Usage : r.error().kind;
}

TEST(Hostile, HostReentryRecursion) {
  // Bounded and clean.
  EXPECT_EQ(host_reentry_outcome(), ErrorKind::Exhaustion);
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAsanBuild = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAsanBuild = true;
#else
constexpr bool kAsanBuild = false;
#endif
#else
constexpr bool kAsanBuild = false;
#endif

// The same recursion on threads with small stacks (issue 19): the bound comes from the thread's real
// stack, not a fixed 1 MiB from the outermost call, so it ends in Exhaustion instead of SIGSEGV.
TEST(Hostile, HostReentryRecursionOnSmallThreadStacks) {
  // Under AddressSanitizer one dispatcher frame alone is about 200 KB: start at 512 KiB there.
  for (size_t stack_kib : {256, 512, 1024}) {
    if (kAsanBuild && stack_kib < 512) continue;
    struct Run {
      ErrorKind kind = ErrorKind::Usage;
      static void* body(void* p) {
        static_cast<Run*>(p)->kind = host_reentry_outcome();
        return nullptr;
      }
    } run;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    ASSERT_EQ(pthread_attr_setstacksize(&attr, stack_kib << 10), 0);
    pthread_t t;
    ASSERT_EQ(pthread_create(&t, &attr, &Run::body, &run), 0);
    pthread_join(t, nullptr);
    pthread_attr_destroy(&attr);
    EXPECT_EQ(run.kind, ErrorKind::Exhaustion) << stack_kib << " KiB";
  }
}

TEST(Hostile, MalformedUtf8Names) {
  for (Bytes name : {Bytes{0xff}, Bytes{0xc0, 0x80}, Bytes{0xed, 0xa0, 0x80}, Bytes{0xe0, 0x80}, Bytes{0xf4, 0x90, 0x80, 0x80}}) {
    Bytes m = header();
    Bytes exp{0x01};
    append(exp, uleb(name.size()));
    append(exp, name);
    append(exp, {0x00, 0x00});  // func 0 (invalid anyway, but the name is decoded first)
    append(m, section(7, exp));
    EXPECT_EQ(compile_kind(m), ErrorKind::Malformed);
    Bytes imp{0x01};
    append(imp, uleb(name.size()));
    append(imp, name);
    append(imp, {0x01, 'x', 0x03, 0x7f, 0x00});
    Bytes m2 = header();
    append(m2, section(2, imp));
    EXPECT_EQ(compile_kind(m2), ErrorKind::Malformed);
  }
}

}  // namespace
}  // namespace wisp
