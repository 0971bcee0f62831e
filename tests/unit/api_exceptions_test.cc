// Public API: tags and exceptions (issue 14). An uncaught Wasm exception reaches the embedder as an
// Error of kind Exception carrying its tag and payload; exceptions cross host frames both ways.
#include <gtest/gtest.h>

#include "api_test_util.h"
#include "gc/heap.h"
#include "runtime/store_data.h"

namespace wisp {
namespace {

using testing::must_compile;

TEST(ApiExceptions, UncaughtExceptionCarriesTagAndPayload) {
  Engine engine;
  Store store(engine);
  Module m = must_compile(engine, R"((module
    (tag $e (export "e") (param i32 i64 f64))
    (func $inner (param i32) (throw $e (local.get 0) (i64.const -3) (f64.const 1.5)))
    (func (export "run") (param i32) (call $inner (local.get 0)))))");
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  Result<std::vector<Val>> r = inst->get_func(store, "run")->call(store, {Val::i32(7)});
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.kind, ErrorKind::Exception);
  EXPECT_NE(e.message.find("tag e"), std::string::npos) << e.message;
  ASSERT_TRUE(e.exception);
  std::optional<Extern> tag = inst->get_export(store, "e");
  ASSERT_TRUE(tag && tag->tag());
  EXPECT_EQ(e.exception->tag, *tag->tag());
  ASSERT_EQ(e.exception->payload.size(), 3u);
  EXPECT_EQ(e.exception->payload[0].as_i32(), 7);
  EXPECT_EQ(e.exception->payload[1].as_i64(), -3);
  EXPECT_EQ(e.exception->payload[2].as_f64(), 1.5);
  ASSERT_FALSE(e.frames.empty());
  EXPECT_EQ(e.frames[0].func_index, 0u);  // the backtrace starts at the throw, in $inner
  EXPECT_EQ(e.frames.size(), 2u);
  Result<TagType> tt = tag->tag()->type(store);
  ASSERT_TRUE(tt.ok());
  EXPECT_EQ(tt->params, (std::vector<ValType>{ValKind::i32, ValKind::i64, ValKind::f64}));
}

// A payload of a concrete GC type reaches the host with the kind the API gives that type elsewhere
// (structref), not the funcref an abstract-only mapping would give every indexed type.
TEST(ApiExceptions, ConcreteGcPayloadKeepsItsKind) {
  Engine engine;
  Store store(engine);
  Module m = must_compile(engine, R"((module
    (type $s (struct (field i32)))
    (tag $e (param (ref $s)))
    (func (export "run") (throw $e (struct.new $s (i32.const 5))))))");
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  Result<std::vector<Val>> r = inst->get_func(store, "run")->call(store, {});
  ASSERT_FALSE(r.ok());
  ASSERT_TRUE(r.error().exception);
  ASSERT_EQ(r.error().exception->payload.size(), 1u);
  EXPECT_EQ(r.error().exception->payload[0].kind(), ValKind::structref);
}

// Wasm -> host -> Wasm: an exception the inner Wasm does not catch propagates through the host frame
// into the outer Wasm, which catches it.
TEST(ApiExceptions, PropagatesThroughHostFrame) {
  Engine engine;
  Store store(engine);
  Linker linker(engine);
  Module inner = must_compile(engine, R"((module
    (tag $e (export "e") (param i32))
    (func (export "throw") (param i32) (throw $e (local.get 0)))))");
  Result<Instance> in = linker.instantiate(store, inner);
  ASSERT_TRUE(in.ok()) << in.error().to_string();
  ASSERT_TRUE(linker.define_instance(store, "inner", *in).ok());
  Func thrower = *in->get_func(store, "throw");
  ASSERT_TRUE(linker.func_wrap("host", "call", [thrower](Caller& c, int32_t x) -> Result<void> {
    Result<std::vector<Val>> r = thrower.call(c.store(), {Val::i32(x)});
    if (!r.ok()) return r.error();  // not caught here: passed on
    return {};
  }).ok());
  Module outer = must_compile(engine, R"((module
    (import "inner" "e" (tag $e (param i32)))
    (import "host" "call" (func $call (param i32)))
    (func (export "run") (param i32) (result i32)
      (block $h (result i32)
        (try_table (result i32) (catch $e $h) (call $call (local.get 0)) (i32.const -1))))
    (func (export "legacy") (param i32) (result i32)
      (try (result i32) (do (call $call (local.get 0)) (i32.const -1)) (catch $e (i32.const 1) (i32.add))))))");
  Result<Instance> out = linker.instantiate(store, outer);
  ASSERT_TRUE(out.ok()) << out.error().to_string();
  Result<std::vector<Val>> r = out->get_func(store, "run")->call(store, {Val::i32(41)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].as_i32(), 41);
  r = out->get_func(store, "legacy")->call(store, {Val::i32(41)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].as_i32(), 42);
}

// A host function throws an exception of a host-made tag; Wasm catches it, or it reaches the caller.
TEST(ApiExceptions, HostThrows) {
  Engine engine;
  Store store(engine);
  Linker linker(engine);
  Result<Tag> tag = Tag::create(store, TagType{{ValKind::i32}});
  ASSERT_TRUE(tag.ok());
  ASSERT_TRUE(linker.define("host", "t", *tag).ok());
  Tag t = *tag;
  ASSERT_TRUE(linker.func_wrap("host", "fail", [t](int32_t x) -> Result<void> {
    return exception_error(Exception{t, {Val::i32(x * 2)}});
  }).ok());
  Module m = must_compile(engine, R"((module
    (import "host" "t" (tag $t (param i32)))
    (import "host" "fail" (func $fail (param i32)))
    (func (export "caught") (result i32)
      (block $h (result i32) (try_table (result i32) (catch $t $h) (call $fail (i32.const 5)) (i32.const -1))))
    (func (export "uncaught") (call $fail (i32.const 8)))))");
  Result<Instance> inst = linker.instantiate(store, m);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  Result<std::vector<Val>> r = inst->get_func(store, "caught")->call(store, {});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].as_i32(), 10);
  r = inst->get_func(store, "uncaught")->call(store, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Exception);
  ASSERT_TRUE(r.error().exception);
  EXPECT_EQ(r.error().exception->tag, t);
  EXPECT_EQ(r.error().exception->payload[0].as_i32(), 16);
}

// Tags have identity: two instances of one module have distinct tags, so one's catch misses the other's.
TEST(ApiExceptions, TagsOfEachInstantiationDiffer) {
  Engine engine;
  Store store(engine);
  Module m = must_compile(engine, R"((module (tag (export "t"))))");
  Result<Instance> a = Instance::create(store, m, {}), b = Instance::create(store, m, {});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a->get_export(store, "t")->tag(), *b->get_export(store, "t")->tag());
  EXPECT_EQ(*a->get_export(store, "t")->tag(), *a->get_export(store, "t")->tag());
  EXPECT_EQ(m.exports()[0].type.kind, ExternKind::tag);
}

// GC references in a payload keep their hierarchy: a concrete array / struct / function type is arrayref /
// structref / funcref, in the uncaught exception and in the tag's type (found by the GC differential fuzzer:
// the payload's concrete types were read as function types, tests/gc/diff-corpus).
TEST(ApiExceptions, PayloadOfConcreteGcTypes) {
  Engine engine;
  Store store(engine);
  Module m = must_compile(engine, R"((module
    (type $f (func))
    (type $a (array (mut i8)))
    (type $s (struct (field i32)))
    (tag $e (export "e") (param (ref $a) (ref null $s) (ref $f) (ref i31)))
    (elem declare func $g)
    (func $g)
    (func (export "run")
      (throw $e (array.new_default $a (i32.const 3)) (struct.new $s (i32.const 9)) (ref.func $g)
                (ref.i31 (i32.const 5))))))");
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  Result<std::vector<Val>> r = inst->get_func(store, "run")->call(store, {});
  ASSERT_FALSE(r.ok());
  ASSERT_TRUE(r.error().exception);
  const std::vector<Val>& p = r.error().exception->payload;
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].kind(), ValKind::arrayref);
  EXPECT_EQ(p[0].any_kind(), AnyRefKind::array);
  EXPECT_EQ(p[1].kind(), ValKind::structref);
  EXPECT_EQ(p[1].any_kind(), AnyRefKind::struct_);
  EXPECT_EQ(p[2].kind(), ValKind::funcref);
  EXPECT_TRUE(p[2].as_funcref().has_value());
  EXPECT_EQ(p[3].kind(), ValKind::i31ref);
  EXPECT_EQ(p[3].as_i31(), 5);
  Result<TagType> tt = r.error().exception->tag.type(store);
  ASSERT_TRUE(tt.ok());
  EXPECT_EQ(tt->params, (std::vector<ValType>{ValKind::arrayref, ValKind::structref, ValKind::funcref,
                                              ValKind::i31ref}));
}

// A million throws and catches (64 MB of exception objects) stay within a bounded heap: exceptions are
// GC objects, collected every few MB of allocation.
TEST(ApiExceptions, ManyThrowsStayBounded) {
  Engine engine;
  Store store(engine);
  Module m = must_compile(engine, R"((module (tag $e (param i32))
    (func (export "run") (param $n i32) (result i32) (local $x exnref)
      (loop $l
        (local.set $x (block $h (result exnref) (try_table (catch_all_ref $h) (throw $e (local.get $n))) (unreachable)))
        (try (do (throw $e (local.get $n))) (catch $e (drop)))
        (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
      (i32.const 1))))");
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok());
  Result<std::vector<Val>> r = inst->get_func(store, "run")->call(store, {Val::i32(1000000)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const gc::HeapStats& stats = gc::heap_of(store.data_internal()).stats();
  EXPECT_GE(stats.allocated_bytes, 60'000'000u);
  EXPECT_LE(stats.live_bytes, 2 * gc::Heap::kMinTrigger);
}

}  // namespace
}  // namespace wisp
