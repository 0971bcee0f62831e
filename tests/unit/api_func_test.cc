// Public API: host functions (deduced signatures), calls, typed calls, Caller, Val, memories, tables,
// globals, store mismatches.
#include <gtest/gtest.h>

#include <cmath>

#include "api_test_util.h"

namespace wisp {
namespace {

using testing::must_compile;

TEST(ApiFunc, WrapDeducesTypes) {
  Engine engine;
  Store store(engine);
  Func a = Func::wrap(store, [](int32_t, int64_t, float, double) {});
  EXPECT_EQ(*a.type(store), FuncType({ValKind::i32, ValKind::i64, ValKind::f32, ValKind::f64}, {}));
  Func b = Func::wrap(store, [](Caller&, uint32_t x) -> Result<std::tuple<int64_t, double>> {
    return std::tuple<int64_t, double>(x, 0.5);
  });
  EXPECT_EQ(*b.type(store), FuncType({ValKind::i32}, {ValKind::i64, ValKind::f64}));
  Func c = Func::wrap(store, +[](double x) -> float { return float(x); });
  EXPECT_EQ(c.type(store)->to_string(), "(f64) -> (f32)");
}

TEST(ApiFunc, CallHostFunctionDirectly) {
  Engine engine;
  Store store(engine);
  Func add = Func::wrap(store, [](int32_t a, int32_t b) { return a + b; });
  Result<std::vector<Val>> r = add.call(store, {Val::i32(40), Val::i32(2)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].kind(), ValKind::i32);
  EXPECT_EQ((*r)[0].as_i32(), 42);
  // Arity and type checks.
  EXPECT_EQ(add.call(store, {Val::i32(1)}).error().kind, ErrorKind::Usage);
  EXPECT_EQ(add.call(store, {Val::i32(1), Val::i64(2)}).error().kind, ErrorKind::Usage);
  // Typed.
  auto typed = add.typed<int32_t(int32_t, int32_t)>(store);
  ASSERT_TRUE(typed.ok());
  EXPECT_EQ(*typed->call(store, -5, 3), -2);
  EXPECT_FALSE((add.typed<int64_t(int32_t, int32_t)>(store).ok()));
  EXPECT_FALSE((add.typed<int32_t(int32_t)>(store).ok()));
}

TEST(ApiFunc, HostErrorsTrapWithMessageAndExitCode) {
  Engine engine;
  Store store(engine);
  Linker linker(engine);
  ASSERT_TRUE(linker.func_wrap("env", "exit", [](int32_t code) -> Result<void> {
    Error e = Error::usage("exit");  // any kind becomes a trap
    e.exit_code = code;
    return e;
  }).ok());
  Module m = must_compile(engine, R"((module (import "env" "exit" (func $exit (param i32)))
    (func (export "_start") i32.const 3 call $exit unreachable)))");
  Result<Instance> inst = linker.instantiate(store, m);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  Result<std::vector<Val>> r = inst->get_func(store, "_start")->call(store, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Trap);
  EXPECT_EQ(r.error().message, "exit");
  EXPECT_EQ(r.error().exit_code, 3);
}

TEST(ApiFunc, CallerSeesMemoryAndExports) {
  Engine engine;
  Store store(engine);
  Linker linker(engine);
  std::string seen;
  ASSERT_TRUE(linker.func_wrap("env", "print", [&seen](Caller& caller, int32_t ptr, int32_t len) -> Result<void> {
    std::optional<Memory> mem = caller.memory();
    if (!mem) return Error::trap("no memory");
    std::string s(size_t(len), '\0');
    Result<void> r = mem->read(caller.store(), uint32_t(ptr), std::span<uint8_t>(reinterpret_cast<uint8_t*>(s.data()), s.size()));
    if (!r.ok()) return r;
    seen += s;
    if (!caller.get_export("helper") || !caller.get_export("helper")->func()) return Error::trap("no helper");
    return {};
  }).ok());
  Module m = must_compile(engine, R"((module (import "env" "print" (func $p (param i32 i32)))
    (memory (export "memory") 1)
    (data (i32.const 16) "hello")
    (func (export "helper"))
    (func (export "run") (param i32 i32) local.get 0 local.get 1 call $p)))");
  Result<Instance> inst = linker.instantiate(store, m);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  auto run = inst->get_func(store, "run")->typed<void(int32_t, int32_t)>(store);
  ASSERT_TRUE(run.ok());
  ASSERT_TRUE(run->call(store, 16, 5).ok());
  EXPECT_EQ(seen, "hello");
  Result<void> oob = run->call(store, 65534, 5);
  ASSERT_FALSE(oob.ok());
  EXPECT_EQ(oob.error().message, "out of bounds memory access");
  // Called from the host directly: no calling instance, so no memory.
  Func direct = Func::wrap(store, [](Caller& c) -> int32_t { return c.memory().has_value() ? 1 : 0; });
  EXPECT_EQ(direct.typed<int32_t()>(store)->call(store).value(), 0);
}

TEST(ApiFunc, CreateWithExplicitTypeAndVals) {
  Engine engine;
  Store store(engine);
  FuncType t({ValKind::f64, ValKind::externref}, {ValKind::f64, ValKind::externref});
  Func f = Func::create(store, t, [](Caller&, std::span<const Val> args, std::span<Val> results) -> Result<void> {
    results[0] = Val::f64(std::sqrt(args[0].as_f64()));
    results[1] = args[1];
    return {};
  });
  Result<std::vector<Val>> r = f.call(store, {Val::f64(16.0), Val::externref(7)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].as_f64(), 4.0);
  EXPECT_EQ((*r)[1].as_externref(), std::optional<uint64_t>(7));
  r = f.call(store, {Val::f64(1.0), Val::null(ValKind::externref)});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE((*r)[1].is_null());
  // A host function writing a wrong result type traps.
  Func bad = Func::create(store, FuncType({}, {ValKind::i32}), [](Caller&, std::span<const Val>, std::span<Val> res) -> Result<void> {
    res[0] = Val::i64(1);
    return {};
  });
  Result<std::vector<Val>> br = bad.call(store, {});
  ASSERT_FALSE(br.ok());
  EXPECT_EQ(br.error().kind, ErrorKind::Trap);
}

TEST(ApiFunc, WasmCallsAndTraps) {
  Engine engine;
  Store store(engine);
  Module m = must_compile(engine, R"((module
    (func $fac (export "fac") (param i64) (result i64)
      local.get 0 i64.eqz
      if (result i64) i64.const 1
      else local.get 0 local.get 0 i64.const 1 i64.sub call $fac i64.mul end)
    (func (export "div") (param i32 i32) (result i32) local.get 0 local.get 1 i32.div_s)
    (func (export "pair") (result i32 f32) i32.const 1 f32.const 2.5)))");
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  auto fac = inst->get_func(store, "fac")->typed<int64_t(int64_t)>(store);
  ASSERT_TRUE(fac.ok());
  Result<int64_t> r = fac->call(store, 10);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(*r, 3628800);
  auto div = inst->get_func(store, "div")->typed<int32_t(int32_t, int32_t)>(store);
  Result<int32_t> d = div->call(store, 1, 0);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().kind, ErrorKind::Trap);
  EXPECT_EQ(d.error().message, "integer divide by zero");
  auto pair = inst->get_func(store, "pair")->typed<std::tuple<int32_t, float>()>(store);
  ASSERT_TRUE(pair.ok());
  auto p = pair->call(store);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(std::get<0>(*p), 1);
  EXPECT_EQ(std::get<1>(*p), 2.5f);
}

TEST(ApiFunc, FuncrefsRoundTrip) {
  Engine engine;
  Store store(engine);
  Module m = must_compile(engine, R"((module
    (table $t 2 funcref)
    (func $seven (result i32) i32.const 7)
    (elem declare func $seven)
    (func (export "get") (result funcref) ref.func $seven)
    (func (export "id") (param funcref) (result funcref) local.get 0)))");
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  Result<std::vector<Val>> r = inst->get_func(store, "get")->call(store, {});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  std::optional<Func> seven = (*r)[0].as_funcref();
  ASSERT_TRUE(seven.has_value());
  EXPECT_EQ(seven->call(store, {}).value()[0].as_i32(), 7);
  Result<std::vector<Val>> id = inst->get_func(store, "id")->call(store, {Val::funcref(seven)});
  ASSERT_TRUE(id.ok());
  EXPECT_EQ((*id)[0], (*r)[0]);
  // Typed funcrefs: std::optional<Func>.
  auto typed_id = inst->get_func(store, "id")->typed<std::optional<Func>(std::optional<Func>)>(store);
  ASSERT_TRUE(typed_id.ok()) << typed_id.error().to_string();
  EXPECT_EQ(typed_id->call(store, seven).value(), seven);
  EXPECT_EQ(typed_id->call(store, std::nullopt).value(), std::nullopt);
  Func host = Func::wrap(store, [](std::optional<Func> f) -> int32_t { return f ? 1 : 0; });
  EXPECT_EQ(*host.type(store), FuncType({ValKind::funcref}, {ValKind::i32}));
  // A funcref of another store is refused.
  Store other(engine);
  Func foreign = Func::wrap(other, [] {});
  Result<std::vector<Val>> bad = inst->get_func(store, "id")->call(store, {Val::funcref(foreign)});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::Usage);
  Result<std::optional<Func>> bad_typed = typed_id->call(store, foreign);
  ASSERT_FALSE(bad_typed.ok());
  EXPECT_EQ(bad_typed.error().kind, ErrorKind::Usage);
}

TEST(ApiStore, HandlesOfAnotherStoreAreRejected) {
  Engine engine;
  Store a(engine), b(engine);
  Func f = Func::wrap(a, [] { return int32_t(1); });
  Result<std::vector<Val>> r = f.call(b, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Usage);
  EXPECT_FALSE(f.typed<int32_t()>(b).ok());
  Memory m = Memory::create(a, MemoryType{Limits{1, std::nullopt}}).value();
  EXPECT_EQ(m.data(b), nullptr);
  EXPECT_FALSE(m.grow(b, 1).ok());
  Global g = Global::create(a, GlobalType{ValType::i32(), Mutability::var}, Val::i32(5)).value();
  EXPECT_FALSE(g.set(b, Val::i32(1)).ok());
  EXPECT_EQ(g.get(a)->as_i32(), 5);
  Func empty;
  EXPECT_EQ(empty.call(a, {}).error().kind, ErrorKind::Usage);
}

// Accessors fail on a handle of another store (or an empty one) instead of returning a default value
// that looks real (an i32 0, an empty type, a size of 0).
TEST(ApiStore, AccessorsOfAnotherStoreFail) {
  Engine engine;
  Store a(engine), b(engine);
  auto expect_wrong_store = [](const auto& r, const char* what) {
    ASSERT_FALSE(r.ok()) << what;
    EXPECT_EQ(r.error().kind, ErrorKind::Usage) << what;
    EXPECT_EQ(r.error().message, "object used with a store it does not belong to") << what;
  };
  auto expect_empty = [](const auto& r, const char* what) {
    ASSERT_FALSE(r.ok()) << what;
    EXPECT_EQ(r.error().kind, ErrorKind::Usage) << what;
    EXPECT_EQ(r.error().message, "empty handle") << what;
  };
  Func f = Func::wrap(a, [](int32_t x) { return x; });
  Global g = Global::create(a, GlobalType{ValType::i64(), Mutability::var}, Val::i64(7)).value();
  Memory m = Memory::create(a, MemoryType{Limits{1, std::nullopt}}).value();
  Table t = Table::create(a, TableType{ValType::funcref(), Limits{2, std::nullopt}}, Val::funcref(f)).value();

  expect_wrong_store(f.type(b), "Func::type");
  expect_wrong_store(g.type(b), "Global::type");
  expect_wrong_store(g.get(b), "Global::get");
  expect_wrong_store(m.type(b), "Memory::type");
  expect_wrong_store(m.size(b), "Memory::size");
  expect_wrong_store(m.pages(b), "Memory::pages");
  expect_wrong_store(t.type(b), "Table::type");
  expect_wrong_store(t.size(b), "Table::size");
  expect_wrong_store(t.get(b, 0), "Table::get");
  for (const Extern& e : {Extern(f), Extern(g), Extern(m), Extern(t)}) expect_wrong_store(e.type(b), "Extern::type");

  expect_empty(Func().type(a), "Func::type");
  expect_empty(Global().get(a), "Global::get");
  expect_empty(Memory().size(a), "Memory::size");
  expect_empty(Table().size(a), "Table::size");

  // The owning store still sees the objects.
  EXPECT_EQ(*f.type(a), FuncType({ValKind::i32}, {ValKind::i32}));
  EXPECT_EQ(g.get(a)->as_i64(), 7);
  EXPECT_EQ(*m.pages(a), 1u);
  EXPECT_EQ(*t.size(a), 2u);
  EXPECT_EQ(Extern(m).type(a)->kind, ExternKind::memory);
  EXPECT_EQ(Extern(m).type(a)->memory.limits.min, 1u);
}

TEST(ApiMemory, GrowReadWriteAndLimits) {
  Engine engine;
  Store store(engine);
  StoreLimits limits;
  limits.max_memory_pages = 3;
  store.set_limits(limits);
  Memory m = Memory::create(store, MemoryType{Limits{1, std::nullopt}}).value();
  EXPECT_EQ(*m.pages(store), 1u);
  EXPECT_EQ(*m.size(store), 65536u);
  std::vector<uint8_t> in = {1, 2, 3};
  ASSERT_TRUE(m.write(store, 65533, in).ok());
  EXPECT_FALSE(m.write(store, 65534, in).ok());
  std::vector<uint8_t> out(3);
  ASSERT_TRUE(m.read(store, 65533, out).ok());
  EXPECT_EQ(out, in);
  Result<uint64_t> g = m.grow(store, 2);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(*g, 1u);
  EXPECT_EQ(*m.pages(store), 3u);
  EXPECT_EQ(m.data(store)[65533], 1);
  EXPECT_EQ(m.data(store)[3 * 65536 - 1], 0);
  EXPECT_FALSE(m.grow(store, 1).ok());  // store limit
  EXPECT_EQ(m.type(store)->limits.min, 3u);
  EXPECT_FALSE(Memory::create(store, MemoryType{Limits{4, std::nullopt}}).ok());
  Memory capped = Memory::create(store, MemoryType{Limits{0, 1}}).value();
  EXPECT_TRUE(capped.grow(store, 1).ok());
  EXPECT_FALSE(capped.grow(store, 1).ok());  // declared max
  // Wasm memory.grow sees the same limits.
  Module mod = must_compile(engine, R"((module (memory (export "mem") 1)
    (func (export "grow") (param i32) (result i32) local.get 0 memory.grow)))");
  Result<Instance> inst = Instance::create(store, mod, {});
  ASSERT_TRUE(inst.ok());
  auto grow = inst->get_func(store, "grow")->typed<int32_t(int32_t)>(store);
  EXPECT_EQ(grow->call(store, 2).value(), 1);
  EXPECT_EQ(grow->call(store, 1).value(), -1);
}

TEST(ApiTable, CreateGetSetGrow) {
  Engine engine;
  Store store(engine);
  Func f = Func::wrap(store, [] {});
  Table t = Table::create(store, TableType{ValType::funcref(), Limits{2, 4}}, Val::funcref(f)).value();
  EXPECT_EQ(*t.size(store), 2u);
  EXPECT_EQ(t.get(store, 1)->as_funcref(), std::optional<Func>(f));
  ASSERT_TRUE(t.set(store, 0, Val::funcref(std::nullopt)).ok());
  EXPECT_TRUE(t.get(store, 0)->is_null());
  EXPECT_FALSE(t.set(store, 0, Val::externref(1)).ok());  // wrong kind
  EXPECT_FALSE(t.set(store, 2, Val::funcref(f)).ok());    // out of bounds
  EXPECT_EQ(t.grow(store, 2, Val::funcref(std::nullopt)).value(), 2u);
  EXPECT_EQ(*t.size(store), 4u);
  EXPECT_FALSE(t.grow(store, 1, Val::funcref(std::nullopt)).ok());  // declared max
  EXPECT_EQ(t.type(store)->limits.min, 4u);
  EXPECT_FALSE(Table::create(store, TableType{ValType::i32(), Limits{1, std::nullopt}}, Val::i32(0)).ok());
  Table e = Table::create(store, TableType{ValType::externref(), Limits{1, std::nullopt}}, Val::externref(41)).value();
  EXPECT_EQ(e.get(store, 0)->as_externref(), std::optional<uint64_t>(41));
}

TEST(ApiGlobal, GetSetAndImportIntoWasm) {
  Engine engine;
  Store store(engine);
  Global c = Global::create(store, GlobalType{ValType::f64(), Mutability::constant}, Val::f64(1.5)).value();
  EXPECT_EQ(c.get(store)->as_f64(), 1.5);
  EXPECT_FALSE(c.set(store, Val::f64(2)).ok());
  Global v = Global::create(store, GlobalType{ValType::i64(), Mutability::var}, Val::i64(-1)).value();
  EXPECT_FALSE(v.set(store, Val::i32(2)).ok());
  ASSERT_TRUE(v.set(store, Val::i64(41)).ok());
  EXPECT_FALSE(Global::create(store, GlobalType{ValType::i32(), Mutability::var}, Val::f32(1)).ok());
  Global init = Global::create(store, GlobalType{ValType::i64(), Mutability::constant}, Val::i64(41)).value();
  Module m = must_compile(engine, R"((module (import "env" "g" (global $g (mut i64)))
    (import "env" "init" (global $init i64))
    (global $copy (export "copy") i64 (global.get $init))
    (func (export "inc") global.get $g i64.const 1 i64.add global.set $g)))");
  std::vector<Extern> imports{v, init};
  Result<Instance> inst = Instance::create(store, m, imports);
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  ASSERT_TRUE(inst->get_func(store, "inc")->call(store, {}).ok());
  EXPECT_EQ(v.get(store)->as_i64(), 42);
  EXPECT_EQ(inst->get_global(store, "copy")->get(store)->as_i64(), 41);
  EXPECT_EQ(*inst->get_global(store, "copy")->type(store), (GlobalType{ValType::i64(), Mutability::constant}));
}

TEST(ApiVal, KindsAndBits) {
  EXPECT_EQ(Val::i32(-1).as_i32(), -1);
  EXPECT_EQ(Val::i64(-1).as_i64(), -1);
  EXPECT_EQ(Val::f32_bits(0x7fc00001).f32_bits(), 0x7fc00001u);
  EXPECT_TRUE(std::isnan(Val::f64_bits(0x7ff8000000000001ull).as_f64()));
  EXPECT_NE(Val::i32(0), Val::i64(0));
  EXPECT_EQ(Val::externref(0).as_externref(), std::optional<uint64_t>(0));  // distinct from null
  EXPECT_FALSE(Val::externref(0).is_null());
  EXPECT_TRUE(Val::externref(std::nullopt).is_null());
  EXPECT_TRUE(Val::null(ValKind::funcref).is_null());
  EXPECT_FALSE(Val::null(ValKind::funcref).as_funcref().has_value());
  std::array<uint8_t, 16> bytes{};
  bytes[15] = 9;
  EXPECT_EQ(Val::v128(bytes).as_v128(), bytes);
}

TEST(ApiStore, FuelNeedsConfig) {
  Engine plain;
  Store s(plain);
  EXPECT_FALSE(s.set_fuel(10).ok());
  Config c;
  c.consume_fuel = true;
  Engine fueled(c);
  Store f(fueled);
  ASSERT_TRUE(f.set_fuel(10).ok());
  EXPECT_EQ(f.get_fuel().value(), 10u);
  int x = 0;
  f.set_data(&x);
  EXPECT_EQ(f.data(), &x);
}

}  // namespace
}  // namespace wisp
