// Typed function references: the subtyping relation, type equivalence inside a module and across modules
// (canonical ids), the validator's non-nullable local tracking, and the new instructions in both dispatch
// modes (the spec scripts cover the rest).
#include <gtest/gtest.h>

#include "api_test_util.h"
#include "binary/module_decoder.h"
#include "interp_test_util.h"
#include "runtime/type_registry.h"
#include "text/wat.h"
#include "validate/module_validator.h"
#include "wasm/module.h"
#include "wasm/subtype.h"

namespace wisp {
namespace {

using wasm::HeapKind;
using wasm::ValType;

ValType ref(HeapKind h, bool nullable) { return ValType::ref(uint32_t(h), nullable); }
ValType ref(uint32_t index, bool nullable) { return ValType::ref(index, nullable); }

Result<std::shared_ptr<wasm::Module>> decode(const std::string& wat) {
  auto bytes = text::wat_to_wasm(wat);
  if (!bytes.ok()) return bytes.error();
  return binary::decode_module(std::move(*bytes), Features::defaults());
}

std::string validate_error(const std::string& wat) {
  auto m = decode(wat);
  if (!m.ok()) return "decode: " + m.error().message;
  auto r = validate::validate_module(**m);
  return r.ok() ? std::string() : r.error().message;
}

// A subtyping context in which every two function types are equivalent.
struct AllEquivalent : wasm::FuncOnlyTypes {
  constexpr bool equivalent(uint32_t, uint32_t) const { return true; }
};

TEST(TypedRefsSubtyping, AbstractHeapTypes) {
  constexpr wasm::FuncOnlyTypes no_index;
  // Nullability: (ref ht) <: (ref null ht), not the other way round.
  EXPECT_TRUE(wasm::val_subtype(ref(HeapKind::func, false), ValType::funcref(), no_index));
  EXPECT_FALSE(wasm::val_subtype(ValType::funcref(), ref(HeapKind::func, false), no_index));
  // Bottom types sit below their own hierarchy only.
  EXPECT_TRUE(wasm::val_subtype(ref(HeapKind::nofunc, true), ValType::funcref(), no_index));
  EXPECT_TRUE(wasm::val_subtype(ref(HeapKind::noextern, false), ValType::externref(), no_index));
  EXPECT_TRUE(wasm::val_subtype(ref(HeapKind::noexn, true), ValType::exnref(), no_index));
  EXPECT_FALSE(wasm::val_subtype(ref(HeapKind::nofunc, true), ValType::externref(), no_index));
  EXPECT_FALSE(wasm::val_subtype(ref(HeapKind::noextern, true), ValType::funcref(), no_index));
  EXPECT_FALSE(wasm::val_subtype(ValType::funcref(), ValType::externref(), no_index));
  EXPECT_FALSE(wasm::val_subtype(ValType::exnref(), ValType::funcref(), no_index));
  // The GC hierarchy's abstract part, for later.
  EXPECT_TRUE(wasm::abstract_heap_subtype(HeapKind::i31, HeapKind::eq));
  EXPECT_TRUE(wasm::abstract_heap_subtype(HeapKind::none, HeapKind::any));
  EXPECT_FALSE(wasm::abstract_heap_subtype(HeapKind::any, HeapKind::eq));
  // Numbers are subtypes of themselves only.
  EXPECT_TRUE(wasm::val_subtype(ValType::i32(), ValType::i32(), no_index));
  EXPECT_FALSE(wasm::val_subtype(ValType::i32(), ValType::i64(), no_index));
  EXPECT_FALSE(wasm::val_subtype(ValType::i32(), ValType::funcref(), no_index));
}

TEST(TypedRefsSubtyping, ConcreteHeapTypes) {
  constexpr wasm::FuncOnlyTypes no_index;
  EXPECT_TRUE(wasm::val_subtype(ref(0u, false), ValType::funcref(), no_index));     // $t <: func
  EXPECT_TRUE(wasm::val_subtype(ref(0u, false), ref(HeapKind::func, false), no_index));
  EXPECT_FALSE(wasm::val_subtype(ref(0u, true), ref(HeapKind::func, false), no_index));
  EXPECT_FALSE(wasm::val_subtype(ValType::funcref(), ref(0u, true), no_index));     // func </: $t
  EXPECT_TRUE(wasm::val_subtype(ref(HeapKind::nofunc, false), ref(3u, false), no_index));  // nofunc <: $t
  EXPECT_FALSE(wasm::val_subtype(ref(HeapKind::noextern, true), ref(3u, true), no_index));
  EXPECT_FALSE(wasm::val_subtype(ref(0u, false), ValType::externref(), no_index));
  EXPECT_FALSE(wasm::val_subtype(ref(0u, false), ref(1u, false), no_index));
  EXPECT_TRUE(wasm::val_subtype(ref(0u, false), ref(1u, true), AllEquivalent{}));
  EXPECT_TRUE(wasm::canonical_subtype(ref(7u, false), ref(7u, true)));
  EXPECT_FALSE(wasm::canonical_subtype(ref(7u, false), ref(8u, true)));
}

TEST(TypedRefsSubtyping, EquivalenceInsideAModule) {
  auto m = decode(R"((module
    (type $a (func (param i32)))
    (type $b (func (param i32)))
    (type $c (func (param (ref $a))))
    (type $d (func (param (ref $b))))
    (type $e (func (param (ref null $b))))
    (type $s1 (func (param (ref $s1))))
    (type $s2 (func (param (ref $s2))))
  ))");
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  const wasm::Module& mod = **m;
  EXPECT_TRUE(mod.types_equivalent(0, 1));
  EXPECT_TRUE(mod.types_equivalent(2, 3));  // through the indexed heap types they name
  EXPECT_FALSE(mod.types_equivalent(3, 4));
  EXPECT_TRUE(mod.types_equivalent(5, 6));  // self references
  EXPECT_FALSE(mod.types_equivalent(0, 2));
  EXPECT_TRUE(wasm::is_subtype(ref(2u, false), ref(3u, true), mod));
  EXPECT_FALSE(wasm::is_subtype(ref(2u, false), ref(4u, true), mod));
}

TEST(TypedRefsSubtyping, CanonicalIdsAcrossModules) {
  auto m1 = decode(R"((module (type $a (func)) (type $c (func (result (ref $a))))))");
  auto m2 = decode(R"((module (type (func (param i64))) (type $a (func)) (type $c (func (result (ref $a))))))");
  ASSERT_TRUE(m1.ok() && m2.ok());
  runtime::TypeRegistry reg;
  std::vector<uint32_t> ids1 = reg.intern_module((*m1)->types);
  std::vector<uint32_t> ids2 = reg.intern_module((*m2)->types);
  EXPECT_EQ(ids1[0], ids2[1]);
  EXPECT_EQ(ids1[1], ids2[2]);  // (ref 0) in one module, (ref 1) in the other: the same type
  EXPECT_NE(ids2[0], ids2[1]);
  EXPECT_EQ(runtime::canonical_type(ref(0u, true), ids1), runtime::canonical_type(ref(1u, true), ids2));
}

TEST(TypedRefsValidation, NonNullableLocals) {
  EXPECT_EQ(validate_error(R"((module (func (local (ref func)) (drop (local.get 0)))))"), "uninitialized local");
  EXPECT_EQ(validate_error(R"((module (func $f (local (ref func)) (local.set 0 (ref.func $f)) (drop (local.get 0)))
                              (elem declare func $f)))"),
            "");
  // The initialisation is forgotten at the end of the block that made it.
  EXPECT_EQ(validate_error(R"((module (elem declare func $f)
                              (func $f (local (ref func)) (block (local.set 0 (ref.func $f))) (drop (local.get 0)))))"),
            "uninitialized local");
  EXPECT_EQ(validate_error(R"((module (elem declare func $f)
                              (func $f (local (ref func))
                                (if (i32.const 1) (then (local.set 0 (ref.func $f))) (else (drop (local.get 0)))))))"),
            "uninitialized local");
  // Nullable and numeric locals need no initialisation; parameters are set.
  EXPECT_EQ(validate_error(R"((module (func (param (ref func)) (local funcref i32)
                              (drop (local.get 0)) (drop (local.get 1)) (drop (local.get 2)))))"),
            "");
  EXPECT_EQ(validate_error(R"((module (type $t (func)) (func (local (ref null 5)))))"), "unknown type 5");
}

TEST(TypedRefsValidation, TablesAndSubsumption) {
  EXPECT_EQ(validate_error(R"((module (table 1 (ref func))))"), "type mismatch");
  EXPECT_EQ(validate_error(R"((module (func $f) (table 1 (ref func) (ref.func $f))))"), "");
  EXPECT_EQ(validate_error(R"((module (type $t (func)) (func $f (type $t))
                              (func (result (ref null func)) (ref.func $f)) (elem declare func $f)))"),
            "");
  EXPECT_EQ(validate_error(R"((module (type $t (func)) (func (param (ref null func)) (result (ref null $t))
                              (local.get 0))))"),
            "type mismatch");
}

// ---- execution ------------------------------------------------------------------------------------------

constexpr runtime::DispatchMode kModes[] = {runtime::DispatchMode::tailcall, runtime::DispatchMode::loop};

TEST(TypedRefsInterp, CallRefAndNullChecks) {
  using interp::testing::InterpFixture;
  using runtime::Value;
  for (runtime::DispatchMode mode : kModes) {
    SCOPED_TRACE(mode == runtime::DispatchMode::loop ? "loop" : "tailcall");
    runtime::EngineConfig config;
    config.dispatch = mode;
    InterpFixture fx(config);
    ASSERT_TRUE(fx.load(R"((module
      (type $ii (func (param i32) (result i32)))
      (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
      (func $dbl (type $ii) (i32.mul (local.get 0) (i32.const 2)))
      (table $t 2 (ref null $ii))
      (elem (table $t) (i32.const 0) (ref $ii) (ref.func $inc) (ref.func $dbl))
      (func (export "call") (param i32 i32) (result i32)
        (call_ref $ii (local.get 1) (table.get $t (local.get 0))))
      (func (export "call_null") (result i32) (call_ref $ii (i32.const 1) (ref.null $ii)))
      (func (export "tail") (param i32 i32) (result i32)
        (return_call_ref $ii (local.get 1) (table.get $t (local.get 0))))
      (func (export "as_non_null") (param i32) (result i32)
        (drop (ref.as_non_null (select (result (ref null $ii)) (ref.func $inc) (ref.null $ii) (local.get 0))))
        (i32.const 7))
      ;; 0 when the reference is null, else its call on 10.
      (func (export "on_null") (param i32) (result i32)
        (block $null
          (return (call_ref $ii (i32.const 10)
            (br_on_null $null (select (result (ref null $ii)) (ref.func $dbl) (ref.null $ii) (local.get 0))))))
        (i32.const 0))
      (func (export "on_non_null") (param i32) (result i32)
        (call_ref $ii (i32.const 5)
          (block $some (result (ref $ii))
            (br_on_non_null $some (select (result (ref null $ii)) (ref.func $dbl) (ref.null $ii) (local.get 0)))
            (ref.func $inc))))
      ;; A non-nullable local, set before use.
      (func (export "local") (result i32)
        (local $f (ref $ii))
        (local.set $f (ref.func $dbl))
        (call_ref $ii (i32.const 21) (local.get $f)))
    ))"));
    EXPECT_EQ(fx.call_i32("call", {Value::from_i32(0), Value::from_i32(4)}), 5u);
    EXPECT_EQ(fx.call_i32("call", {Value::from_i32(1), Value::from_i32(4)}), 8u);
    EXPECT_EQ(fx.trap("call_null"), "null function reference");
    EXPECT_EQ(fx.call_i32("tail", {Value::from_i32(1), Value::from_i32(9)}), 18u);
    EXPECT_EQ(fx.call_i32("as_non_null", {Value::from_i32(1)}), 7u);
    EXPECT_EQ(fx.trap("as_non_null", {Value::from_i32(0)}), "null reference");
    EXPECT_EQ(fx.call_i32("on_null", {Value::from_i32(1)}), 20u);
    EXPECT_EQ(fx.call_i32("on_null", {Value::from_i32(0)}), 0u);
    EXPECT_EQ(fx.call_i32("on_non_null", {Value::from_i32(1)}), 10u);
    EXPECT_EQ(fx.call_i32("on_non_null", {Value::from_i32(0)}), 6u);
    EXPECT_EQ(fx.call_i32("local"), 42u);
  }
}

// The public API keeps typed slots sound: no null where the type is non-nullable, no function of another
// type where a (ref $t) is expected; a (ref $t) value reads as a funcref Val.
TEST(TypedRefsApi, TypedParamsGlobalsAndTables) {
  Engine engine;
  Store store(engine);
  Module m = testing::must_compile(engine, R"((module
    (type $ii (func (param i32) (result i32)))
    (func $inc (export "inc") (type $ii) (i32.add (local.get 0) (i32.const 1)))
    (func $other (export "other") (param i64))
    (func (export "apply") (param (ref $ii)) (param i32) (result i32) (call_ref $ii (local.get 1) (local.get 0)))
    (func (export "get") (result (ref $ii)) (ref.func $inc))
    (global $g (export "g") (mut (ref null $ii)) (ref.null $ii))
    (table $t (export "t") 1 (ref null $ii))
    (elem declare func $inc $other)))");
  Result<Instance> inst = Instance::create(store, m, {});
  ASSERT_TRUE(inst.ok()) << inst.error().to_string();
  Func inc = *inst->get_func(store, "inc"), other = *inst->get_func(store, "other");
  Func apply = *inst->get_func(store, "apply");
  Result<std::vector<Val>> r = apply.call(store, {Val::funcref(inc), Val::i32(41)});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].as_i32(), 42);
  EXPECT_EQ(apply.call(store, {Val::funcref(std::nullopt), Val::i32(1)}).error().kind, ErrorKind::Usage);
  EXPECT_EQ(apply.call(store, {Val::funcref(other), Val::i32(1)}).error().kind, ErrorKind::Usage);
  // TypedFunc's calls are unchecked: it refuses typed reference parameters.
  EXPECT_FALSE((apply.typed<int32_t(std::optional<Func>, int32_t)>(store)).ok());
  EXPECT_TRUE((inc.typed<int32_t(int32_t)>(store)).ok());
  Result<std::vector<Val>> got = inst->get_func(store, "get")->call(store, {});
  ASSERT_TRUE(got.ok());
  EXPECT_EQ((*got)[0].kind(), ValKind::funcref);
  EXPECT_FALSE((*got)[0].is_null());

  Global g = *inst->get_global(store, "g");
  EXPECT_TRUE(g.set(store, Val::funcref(inc)).ok());
  EXPECT_TRUE(g.set(store, Val::funcref(std::nullopt)).ok());
  EXPECT_EQ(g.set(store, Val::funcref(other)).error().kind, ErrorKind::Usage);
  Table t = *inst->get_table(store, "t");
  EXPECT_TRUE(t.set(store, 0, Val::funcref(inc)).ok());
  EXPECT_EQ(t.set(store, 0, Val::funcref(other)).error().kind, ErrorKind::Usage);
  EXPECT_EQ(t.grow(store, 1, Val::funcref(other)).error().kind, ErrorKind::Usage);
}

// Imports match by canonical types: the same function type at another index of another module matches;
// an immutable global may have a subtype of the import's type, a mutable one and a table exactly it.
TEST(TypedRefsApi, LinkingMatchesCanonicalTypes) {
  Engine engine;
  Store store(engine);
  Module a = testing::must_compile(engine, R"((module
    (type (func (param i64)))
    (type $ii (func (param i32) (result i32)))
    (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
    (global (export "g") (ref $ii) (ref.func $inc))
    (global (export "mg") (mut (ref null $ii)) (ref.null $ii))
    (table (export "t") 1 (ref null $ii) (ref.func $inc))))");
  Result<Instance> ia = Instance::create(store, a, {});
  ASSERT_TRUE(ia.ok()) << ia.error().to_string();
  Extern g = *ia->get_export(store, "g"), mg = *ia->get_export(store, "mg"), t = *ia->get_export(store, "t");

  auto link = [&](const char* g_type, const char* mg_type, const char* t_type, bool with_run = false) {
    std::string wat = "(module (type $t (func (param i32) (result i32)))";
    wat += std::string("(import \"a\" \"g\" (global ") + g_type + "))";
    wat += std::string("(import \"a\" \"mg\" (global (mut ") + mg_type + ")))";
    wat += std::string("(import \"a\" \"t\" (table 1 ") + t_type + "))";
    if (with_run) wat += "(func (export \"run\") (result i32) (call_ref $t (i32.const 41) (global.get 0)))";
    wat += ")";
    Module b = testing::must_compile(engine, wat);
    std::vector<Extern> imports = {g, mg, t};
    return Instance::create(store, b, imports);
  };
  Result<Instance> ok = link("(ref $t)", "(ref null $t)", "(ref null $t)", true);
  ASSERT_TRUE(ok.ok()) << ok.error().to_string();
  Result<std::vector<Val>> r = ok->get_func(store, "run")->call(store, {});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ((*r)[0].as_i32(), 42);
  EXPECT_TRUE(link("(ref null $t)", "(ref null $t)", "(ref null $t)").ok());  // immutable: a supertype
  EXPECT_TRUE(link("(ref func)", "(ref null $t)", "(ref null $t)").ok());
  EXPECT_EQ(link("(ref $t)", "(ref null func)", "(ref null $t)").error().kind, ErrorKind::Unlinkable);
  EXPECT_EQ(link("(ref $t)", "(ref null $t)", "funcref").error().kind, ErrorKind::Unlinkable);
  EXPECT_EQ(link("externref", "(ref null $t)", "(ref null $t)").error().kind, ErrorKind::Unlinkable);
}

}  // namespace
}  // namespace wisp
