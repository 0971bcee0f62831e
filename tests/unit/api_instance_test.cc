// Public API: modules, instantiation, import matching, linking, segment initialisation, start.
#include <gtest/gtest.h>

#include "api_test_util.h"

namespace wisp {
namespace {

using testing::compile_wat;
using testing::must_compile;

TEST(ApiModule, ImportsAndExportsDescribeTypes) {
  Engine engine;
  Module m = must_compile(engine, R"((module
    (import "env" "f" (func (param i32 f64) (result i64)))
    (import "env" "mem" (memory 1 2))
    (import "env" "g" (global (mut i32)))
    (import "env" "t" (table 3 funcref))
    (func (export "run") (result i32) i32.const 1)
    (global (export "gg") f32 (f32.const 1))
    (export "m" (memory 0)))
  )");
  std::vector<ImportType> imps = m.imports();
  ASSERT_EQ(imps.size(), 4u);
  EXPECT_EQ(imps[0].module, "env");
  EXPECT_EQ(imps[0].name, "f");
  EXPECT_EQ(imps[0].type.kind, ExternKind::func);
  EXPECT_EQ(imps[0].type.func, FuncType({ValKind::i32, ValKind::f64}, {ValKind::i64}));
  EXPECT_EQ(imps[1].type.kind, ExternKind::memory);
  EXPECT_EQ(imps[1].type.memory.limits.min, 1u);
  EXPECT_EQ(imps[1].type.memory.limits.max, std::optional<uint64_t>(2));
  EXPECT_EQ(imps[2].type.global.content, ValType::i32());
  EXPECT_TRUE(imps[2].type.global.is_mutable());
  EXPECT_EQ(imps[3].type.table.limits.min, 3u);
  std::vector<ExportType> exps = m.exports();
  ASSERT_EQ(exps.size(), 3u);
  EXPECT_EQ(exps[0].name, "run");
  EXPECT_EQ(exps[0].type.func.to_string(), "() -> (i32)");
  EXPECT_EQ(exps[1].type.global.content, ValType::f32());
  EXPECT_EQ(exps[2].type.kind, ExternKind::memory);
}

TEST(ApiModule, CompileErrorsHaveKinds) {
  Engine engine;
  std::vector<uint8_t> junk = {0, 'a', 's', 'n', 2, 0, 0, 0};
  Result<Module> m = Module::compile(engine, junk);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().kind, ErrorKind::Malformed);
  Result<Module> inv = compile_wat(engine, "(module (func (result i32) i64.const 1))");
  ASSERT_FALSE(inv.ok());
  EXPECT_EQ(inv.error().kind, ErrorKind::Invalid);
  EXPECT_FALSE(Module::validate(engine, junk).ok());
}

TEST(ApiInstance, UnknownImportIsUnlinkable) {
  Engine engine;
  Store store(engine);
  Linker linker(engine);
  Module m = must_compile(engine, R"((module (import "env" "missing" (func))))");
  Result<Instance> inst = linker.instantiate(store, m);
  ASSERT_FALSE(inst.ok());
  EXPECT_EQ(inst.error().kind, ErrorKind::Unlinkable);
  EXPECT_EQ(inst.error().message, "unknown import: env::missing");
}

TEST(ApiInstance, IncompatibleImportTypes) {
  Engine engine;
  Store store(engine);
  Func f = Func::wrap(store, [](int32_t x) { return x; });
  Global gconst = Global::create(store, GlobalType{ValType::i32(), Mutability::constant}, Val::i32(1)).value();
  Global gvar = Global::create(store, GlobalType{ValType::i32(), Mutability::var}, Val::i32(1)).value();
  Memory mem = Memory::create(store, MemoryType{Limits{1, 3}}).value();
  Memory mem_unbounded = Memory::create(store, MemoryType{Limits{2, std::nullopt}}).value();
  Table tab = Table::create(store, TableType{ValType::funcref(), Limits{5, std::nullopt}}, Val::funcref(std::nullopt)).value();
  Table etab = Table::create(store, TableType{ValType::externref(), Limits{5, 5}}, Val::externref(std::nullopt)).value();

  auto expect = [&](std::string_view wat, const Extern& e, bool ok) {
    Module m = must_compile(engine, wat);
    std::vector<Extern> imports{e};
    Result<Instance> inst = Instance::create(store, m, imports);
    EXPECT_EQ(inst.ok(), ok) << wat;
    if (!ok && !inst.ok()) {
      EXPECT_EQ(inst.error().kind, ErrorKind::Unlinkable) << wat;
      EXPECT_EQ(inst.error().message, "incompatible import type") << wat;
    }
  };
  expect(R"((module (import "m" "f" (func (param i32) (result i32)))))", f, true);
  expect(R"((module (import "m" "f" (func (param i64) (result i32)))))", f, false);
  expect(R"((module (import "m" "f" (func (param i32)))))", f, false);
  expect(R"((module (import "m" "f" (global i32))))", f, false);  // wrong kind
  expect(R"((module (import "m" "g" (global i32))))", gconst, true);
  expect(R"((module (import "m" "g" (global (mut i32)))))", gconst, false);
  expect(R"((module (import "m" "g" (global i32))))", gvar, false);
  expect(R"((module (import "m" "g" (global i64))))", gconst, false);
  expect(R"((module (import "m" "mem" (memory 1))))", mem, true);
  expect(R"((module (import "m" "mem" (memory 1 3))))", mem, true);
  expect(R"((module (import "m" "mem" (memory 1 4))))", mem, true);
  expect(R"((module (import "m" "mem" (memory 2))))", mem, false);    // min too large
  expect(R"((module (import "m" "mem" (memory 1 2))))", mem, false);  // max too small
  expect(R"((module (import "m" "mem" (memory 1 9))))", mem_unbounded, false);  // needs a max
  expect(R"((module (import "m" "mem" (memory 2))))", mem_unbounded, true);
  expect(R"((module (import "m" "t" (table 5 funcref))))", tab, true);
  expect(R"((module (import "m" "t" (table 6 funcref))))", tab, false);
  expect(R"((module (import "m" "t" (table 5 externref))))", tab, false);
  expect(R"((module (import "m" "t" (table 5 10 externref))))", etab, true);
  expect(R"((module (import "m" "t" (table 1 4 externref))))", etab, false);

  // A grown memory matches a larger minimum.
  ASSERT_TRUE(mem.grow(store, 1).ok());
  expect(R"((module (import "m" "mem" (memory 2 3))))", mem, true);
}

TEST(ApiInstance, WrongImportCountAndStore) {
  Engine engine;
  Store store(engine), other(engine);
  Module m = must_compile(engine, R"((module (import "m" "f" (func))))");
  Result<Instance> none = Instance::create(store, m, {});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().kind, ErrorKind::Unlinkable);
  Func f = Func::wrap(other, [] {});
  std::vector<Extern> imports{f};
  Result<Instance> wrong = Instance::create(store, m, imports);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().kind, ErrorKind::Usage);
  Engine engine2;
  Store store2(engine2);
  Result<Instance> wrong_engine = Instance::create(store2, must_compile(engine, "(module)"), {});
  ASSERT_FALSE(wrong_engine.ok());
  EXPECT_EQ(wrong_engine.error().kind, ErrorKind::Usage);
}

TEST(ApiInstance, SegmentsInitialiseMemoryAndTables) {
  Engine engine;
  Store store(engine);
  Linker linker(engine);
  Global base = Global::create(store, GlobalType{ValType::i32(), Mutability::constant}, Val::i32(8)).value();
  ASSERT_TRUE(linker.define("env", "base", base).ok());
  Module m = must_compile(engine, R"((module
    (import "env" "base" (global i32))
    (memory (export "mem") 1)
    (table (export "tab") 4 funcref)
    (func $a (result i32) i32.const 1)
    (func $b (result i32) i32.const 2)
    (elem (i32.const 1) $a $b)
    (elem (i32.const 2) $a)
    (data (i32.const 0) "hi")
    (data (global.get 0) "\01\02"))
  )");
  Result<Instance> inst = linker.instantiate(store, m);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  Memory mem = *inst->get_memory(store, "mem");
  EXPECT_EQ(*mem.size(store), 65536u);
  EXPECT_EQ(mem.data(store)[0], 'h');
  EXPECT_EQ(mem.data(store)[1], 'i');
  EXPECT_EQ(mem.data(store)[8], 1);
  EXPECT_EQ(mem.data(store)[9], 2);
  Table tab = *inst->get_table(store, "tab");
  EXPECT_EQ(*tab.size(store), 4u);
  EXPECT_TRUE(tab.get(store, 0)->is_null());
  std::optional<Func> f1 = tab.get(store, 1)->as_funcref();
  std::optional<Func> f2 = tab.get(store, 2)->as_funcref();
  ASSERT_TRUE(f1 && f2);
  EXPECT_EQ(*f1, *f2);  // the second segment overwrote slot 2 with $a
  EXPECT_TRUE(tab.get(store, 3)->is_null());
  EXPECT_FALSE(tab.get(store, 4).ok());
}

// Multi-memory through the API: several memories exported and imported, each with its own data.
TEST(ApiInstance, SeveralMemories) {
  Engine engine;
  Store store(engine);
  Linker linker(engine);
  Memory host = Memory::create(store, MemoryType{Limits{1, std::nullopt}}).value();
  host.data(store)[5] = 42;
  ASSERT_TRUE(linker.define("env", "mem", host).ok());
  Module m = must_compile(engine, R"((module
    (import "env" "mem" (memory $h 1))
    (memory $own (export "own") 2)
    (data (memory $own) (i32.const 3) "\07")
    (func (export "sum") (param i32 i32) (result i32)
      (i32.add (i32.load8_u $h (local.get 0)) (i32.load8_u $own (local.get 1)))))
  )");
  Result<Instance> inst = linker.instantiate(store, m);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  Memory own = *inst->get_memory(store, "own");
  EXPECT_EQ(*own.size(store), 2u * 65536u);
  EXPECT_EQ(own.data(store)[3], 7);
  EXPECT_EQ(host.data(store)[3], 0);
  auto sum = inst->get_func(store, "sum")->typed<int32_t(int32_t, int32_t)>(store);
  ASSERT_TRUE(sum.ok()) << sum.error().to_string();
  EXPECT_EQ(sum->call(store, 5, 3).value(), 49);
}

// memory64 through the API: a host-made 64-bit memory imported by a module of an engine with the feature;
// a 32-bit import does not match it.
TEST(ApiInstance, Memory64Import) {
  Config config;
  config.features.set(Feature::memory64);
  Engine engine(config);
  Store store(engine);
  Linker linker(engine);
  Memory mem = Memory::create(store, MemoryType{Limits{1, 4}, true}).value();
  ASSERT_TRUE(linker.define("env", "mem", mem).ok());
  Module m = must_compile(engine, R"((module
    (import "env" "mem" (memory i64 1 4))
    (func (export "put") (param i64 i32) (i32.store8 (local.get 0) (local.get 1)))
    (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0))))
  )");
  Result<Instance> inst = linker.instantiate(store, m);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  auto put = inst->get_func(store, "put")->typed<void(int64_t, int32_t)>(store);
  ASSERT_TRUE(put.ok());
  EXPECT_TRUE(put->call(store, 65535, 9).ok());
  EXPECT_EQ(mem.data(store)[65535], 9);
  EXPECT_FALSE(put->call(store, 65536, 9).ok());
  auto grow = inst->get_func(store, "grow")->typed<int64_t(int64_t)>(store);
  EXPECT_EQ(grow->call(store, 1).value(), 1);
  EXPECT_EQ(*mem.pages(store), 2u);
  EXPECT_TRUE(mem.type(store)->is64);
  Module m32 = must_compile(engine, R"((module (import "env" "mem" (memory 1 4))))");
  EXPECT_FALSE(linker.instantiate(store, m32).ok());
}

TEST(ApiInstance, OutOfBoundsSegmentTrapsAfterEarlierWrites) {
  Engine engine;
  Store store(engine);
  Linker linker(engine);
  Memory mem = Memory::create(store, MemoryType{Limits{1, std::nullopt}}).value();
  Table tab = Table::create(store, TableType{ValType::funcref(), Limits{2, std::nullopt}}, Val::funcref(std::nullopt)).value();
  ASSERT_TRUE(linker.define("env", "mem", mem).ok());
  ASSERT_TRUE(linker.define("env", "tab", tab).ok());

  // Data: the first segment is written, the second is out of bounds.
  Module data_oob = must_compile(engine, R"((module
    (import "env" "mem" (memory 1))
    (data (i32.const 10) "ab")
    (data (i32.const 65535) "cd")))");
  Result<Instance> r = linker.instantiate(store, data_oob);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Trap);
  EXPECT_EQ(r.error().message, "out of bounds memory access");
  EXPECT_EQ(mem.data(store)[10], 'a');
  EXPECT_EQ(mem.data(store)[11], 'b');
  EXPECT_EQ(mem.data(store)[65535], 0);  // nothing of the failing segment

  // Elements come before data: an element trap leaves memory untouched.
  Module elem_oob = must_compile(engine, R"((module
    (import "env" "mem" (memory 1))
    (import "env" "tab" (table 2 funcref))
    (func $f)
    (elem (i32.const 0) $f)
    (elem (i32.const 1) $f $f)
    (data (i32.const 20) "x")))");
  r = linker.instantiate(store, elem_oob);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "out of bounds table access");
  EXPECT_FALSE(tab.get(store, 0)->is_null());
  EXPECT_TRUE(tab.get(store, 1)->is_null());
  EXPECT_EQ(mem.data(store)[20], 0);

  // An empty segment at exactly the end is fine; one past the end traps.
  Module empty_end = must_compile(engine, R"((module (import "env" "mem" (memory 1)) (data (i32.const 65536) "")))");
  EXPECT_TRUE(linker.instantiate(store, empty_end).ok());
  Module empty_past = must_compile(engine, R"((module (import "env" "mem" (memory 1)) (data (i32.const 65537) "")))");
  EXPECT_FALSE(linker.instantiate(store, empty_past).ok());
}

TEST(ApiInstance, StartFunctionRunsAndItsTrapFailsInstantiation) {
  Engine engine;
  Store store(engine);
  Linker linker(engine);
  int calls = 0;
  ASSERT_TRUE(linker.func_wrap("env", "hit", [&calls](int32_t v) -> Result<void> {
    calls += v;
    if (v == 99) return Error::trap("host says no");
    return {};
  }).ok());
  Module ok = must_compile(engine, R"((module (import "env" "hit" (func $hit (param i32)))
    (func $s i32.const 5 call $hit) (start $s)))");
  ASSERT_TRUE(linker.instantiate(store, ok).ok());
  EXPECT_EQ(calls, 5);
  Module bad = must_compile(engine, R"((module (import "env" "hit" (func $hit (param i32)))
    (func $s i32.const 99 call $hit) (start $s)))");
  Result<Instance> r = linker.instantiate(store, bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Trap);
  EXPECT_EQ(r.error().message, "host says no");
  Module unreachable = must_compile(engine, R"((module (func $s unreachable) (start $s)))");
  r = linker.instantiate(store, unreachable);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Trap);
  EXPECT_EQ(r.error().message, "unreachable");
}

TEST(ApiLinker, DefineInstanceLinksModules) {
  Engine engine;
  Store store(engine);
  Linker linker(engine);
  Module a = must_compile(engine, R"((module
    (func (export "seven") (result i32) i32.const 7)
    (global (export "g") (mut i32) (i32.const 3))
    (memory (export "mem") 1)))");
  Result<Instance> ia = linker.instantiate(store, a);
  ASSERT_TRUE(ia.ok());
  ASSERT_TRUE(linker.define_instance(store, "a", *ia).ok());
  Module b = must_compile(engine, R"((module
    (import "a" "seven" (func $seven (result i32)))
    (import "a" "g" (global $g (mut i32)))
    (import "a" "mem" (memory 1))
    (func (export "run") (result i32)
      global.get $g
      call $seven
      i32.add
      i32.const 0
      i32.const 42
      i32.store8
      i32.const 100
      global.set $g)))");
  Result<Instance> ib = linker.instantiate(store, b);
  ASSERT_TRUE(ib.ok()) << ib.error().to_string();
  Result<std::vector<Val>> r = ib->get_func(store, "run")->call(store, {});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].as_i32(), 10);
  EXPECT_EQ(ia->get_global(store, "g")->get(store)->as_i32(), 100);  // shared global
  EXPECT_EQ(ia->get_memory(store, "mem")->data(store)[0], 42);       // shared memory
  // Redefinition needs shadowing.
  EXPECT_FALSE(linker.define_instance(store, "a", *ia).ok());
  linker.allow_shadowing(true);
  EXPECT_TRUE(linker.define_instance(store, "a", *ia).ok());
}

TEST(ApiLinker, HostFunctionsAreCreatedPerStore) {
  Engine engine;
  Linker linker(engine);
  ASSERT_TRUE(linker.func_wrap("env", "twice", [](int32_t x) { return 2 * x; }).ok());
  Module m = must_compile(engine, R"((module (import "env" "twice" (func $t (param i32) (result i32)))
    (func (export "run") (param i32) (result i32) local.get 0 call $t)))");
  Store s1(engine), s2(engine);
  for (Store* s : {&s1, &s2}) {
    Result<Instance> inst = linker.instantiate(*s, m);
    ASSERT_TRUE(inst.ok()) << inst.error().to_string();
    auto run = inst->get_func(*s, "run")->typed<int32_t(int32_t)>(*s);
    ASSERT_TRUE(run.ok());
    Result<int32_t> r = run->call(*s, 21);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(*r, 42);
  }
  std::optional<Extern> e1 = linker.get(s1, "env", "twice");
  std::optional<Extern> e2 = linker.get(s2, "env", "twice");
  ASSERT_TRUE(e1 && e2);
  EXPECT_EQ(e1->store_id(), s1.id());
  EXPECT_EQ(e2->store_id(), s2.id());
  EXPECT_EQ(*e1, *linker.get(s1, "env", "twice"));  // cached per store
}

TEST(ApiLinker, UnknownImportsAsTraps) {
  Engine engine;
  Store store(engine);
  Linker linker(engine);
  Module m = must_compile(engine, R"((module (import "x" "y" (func $y))
    (func (export "run") call $y)))");
  ASSERT_TRUE(linker.define_unknown_imports_as_traps(m).ok());
  Result<Instance> inst = linker.instantiate(store, m);
  ASSERT_TRUE(inst.ok());
  Result<std::vector<Val>> r = inst->get_func(store, "run")->call(store, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Trap);
  EXPECT_NE(r.error().message.find("x::y"), std::string::npos);
}

TEST(ApiInstance, ExportsListAndNames) {
  Engine engine;
  Store store(engine);
  Module m = must_compile(engine, R"((module (func $f (export "a") (export "b")) (memory (export "m") 0)))");
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok());
  auto exps = inst->exports(store);
  ASSERT_EQ(exps.size(), 3u);
  EXPECT_EQ(exps[0].first, "a");
  EXPECT_EQ(exps[0].second, exps[1].second);  // the same function
  EXPECT_EQ(exps[2].second.kind(), ExternKind::memory);
  EXPECT_FALSE(inst->get_export(store, "zz").has_value());
  EXPECT_FALSE(inst->get_func(store, "m").has_value());  // wrong kind
  Store other(engine);
  EXPECT_FALSE(inst->get_export(other, "a").has_value());
}

TEST(ApiStore, InstanceLimit) {
  Engine engine;
  Store store(engine);
  StoreLimits limits;
  limits.max_instances = 2;
  store.set_limits(limits);
  Module m = must_compile(engine, "(module)");
  EXPECT_TRUE(Instance::create(store, m, {}).ok());
  EXPECT_TRUE(Instance::create(store, m, {}).ok());
  EXPECT_FALSE(Instance::create(store, m, {}).ok());
}

}  // namespace
}  // namespace wisp

namespace wisp {
namespace {

// The engine's configuration reaches instantiation: eager translation and explicit bounds checks.
TEST(ApiEngine, EagerTranslationAndExplicitBounds) {
  Config config;
  config.lazy_translation = false;
  config.explicit_bounds_checks = true;
  Engine engine(config);
  Store store(engine);
  Module m = testing::must_compile(engine, R"((module (memory 1)
    (data (i32.const 3) "\2a")
    (func (export "load") (param i32) (result i32) local.get 0 i32.load8_u)))");
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  auto load = inst->get_func(store, "load")->typed<int32_t(int32_t)>(store);
  ASSERT_TRUE(load.ok());
  EXPECT_EQ(load->call(store, 3).value(), 42);
  Result<int32_t> oob = load->call(store, 65536);
  ASSERT_FALSE(oob.ok());
  EXPECT_EQ(oob.error().message, "out of bounds memory access");
}

}  // namespace
}  // namespace wisp

namespace wisp {
namespace {

TEST(ApiInstance, BacktraceNames) {
  Engine engine;
  Store store(engine);
  Linker linker(engine);
  ASSERT_TRUE(linker.func_wrap("env", "fail", []() -> Result<void> { return Error::trap("boom"); }).ok());
  // Without a name section, an exported function is named by its export.
  Module m = testing::must_compile(engine, R"((module (import "env" "fail" (func $fail))
    (func $inner call $fail) (func (export "run") call $inner)))");
  Result<Instance> inst = linker.instantiate(store, m);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  Result<std::vector<Val>> r = inst->get_func(store, "run")->call(store, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "boom");
  const std::vector<std::string>& bt = r.error().backtrace;
  ASSERT_FALSE(bt.empty());
  EXPECT_EQ(bt.back(), "run");  // outermost frame: named by its export
  for (const std::string& frame : bt) EXPECT_FALSE(frame.empty());
}

}  // namespace
}  // namespace wisp
