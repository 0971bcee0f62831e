// GC types (issue 16): rec-group decoding, module-level equivalence and subtyping, the engine registry's
// iso-recursive canonical ids and its O(1) supertype displays, and the validator's sub type rules.
#include <gtest/gtest.h>

#include "binary/module_decoder.h"
#include "runtime/type_registry.h"
#include "text/wat.h"
#include "validate/module_validator.h"
#include "wasm/module.h"

namespace wisp {
namespace {

using wasm::HeapKind;
using wasm::ValType;

Result<std::shared_ptr<wasm::Module>> decode(const std::string& wat) {
  auto bytes = text::wat_to_wasm(wat);
  if (!bytes.ok()) return bytes.error();
  return binary::decode_module(std::move(*bytes), Features::defaults().set(Feature::gc));
}

std::shared_ptr<wasm::Module> must_decode(const std::string& wat) {
  auto m = decode(wat);
  EXPECT_TRUE(m.ok()) << m.error().to_string();
  if (!m.ok()) return std::make_shared<wasm::Module>();
  auto v = validate::validate_module(**m);
  EXPECT_TRUE(v.ok()) << v.error().to_string();
  return *m;
}

TEST(GcTypes, DecodesRecGroupsAndSubTypes) {
  auto m = must_decode(R"((module
    (rec (type $a (sub (struct (field (mut i8)) (field i64)))) (type $b (sub final $a (struct (field (mut i8)) (field i64) (field (ref $a))))))
    (type $v (array (mut i16)))))");
  ASSERT_EQ(m->types.size(), 3u);
  ASSERT_EQ(m->type_defs.size(), 3u);
  const wasm::TypeDef& a = m->type_defs[0];
  const wasm::TypeDef& b = m->type_defs[1];
  EXPECT_EQ(a.kind, wasm::TypeKind::struct_);
  EXPECT_FALSE(a.final);
  EXPECT_EQ(a.rec_start, 0u);
  EXPECT_EQ(a.rec_size, 2u);
  ASSERT_EQ(a.fields.size(), 2u);
  EXPECT_EQ(a.fields[0].packed, wasm::Packed::i8);
  EXPECT_TRUE(a.fields[0].mut);
  EXPECT_EQ(a.fields[1].type, ValType::i64());
  EXPECT_TRUE(b.final);
  EXPECT_EQ(b.supertype, 0u);
  EXPECT_EQ(b.fields[2].type, ValType::ref(0, false));
  EXPECT_EQ(m->type_defs[2].kind, wasm::TypeKind::array);
  EXPECT_EQ(m->type_defs[2].fields[0].packed, wasm::Packed::i16);
  EXPECT_EQ(m->type_defs[2].rec_start, 2u);
  EXPECT_EQ(m->type_defs[2].rec_size, 1u);
}

TEST(GcTypes, ModuleSubtyping) {
  auto m = must_decode(R"((module
    (type $s (sub (struct)))
    (type $t (sub $s (struct (field i32))))
    (type $u (sub $t (struct (field i32) (field i32))))
    (type $a (array i8))
    (type $f (func))))");
  auto sub = [&](ValType x, ValType y) { return wasm::is_subtype(x, y, *m); };
  auto r = [](uint32_t h) { return ValType::ref(h, false); };
  auto rk = [](HeapKind h) { return ValType::ref(uint32_t(h), false); };
  EXPECT_TRUE(sub(r(2), r(0)));  // transitively
  EXPECT_FALSE(sub(r(0), r(2)));
  EXPECT_TRUE(sub(r(2), rk(HeapKind::struct_)));
  EXPECT_TRUE(sub(r(2), rk(HeapKind::eq)));
  EXPECT_TRUE(sub(r(3), rk(HeapKind::array)));
  EXPECT_FALSE(sub(r(3), rk(HeapKind::struct_)));
  EXPECT_TRUE(sub(r(4), rk(HeapKind::func)));
  EXPECT_FALSE(sub(r(4), rk(HeapKind::any)));
  EXPECT_TRUE(sub(rk(HeapKind::none), r(3)));
  EXPECT_FALSE(sub(rk(HeapKind::nofunc), r(3)));
  EXPECT_TRUE(sub(rk(HeapKind::nofunc), r(4)));
  EXPECT_TRUE(sub(rk(HeapKind::i31), rk(HeapKind::any)));
  EXPECT_FALSE(sub(rk(HeapKind::any), rk(HeapKind::eq)));
}

TEST(GcTypes, IsoRecursiveEquivalenceInAModule) {
  auto m = must_decode(R"((module
    (rec (type $a1 (struct (field (ref null $b1)))) (type $b1 (struct (field (ref null $a1)))))
    (rec (type $a2 (struct (field (ref null $b2)))) (type $b2 (struct (field (ref null $a2)))))
    (rec (type $b3 (struct (field (ref null $a3)))) (type $a3 (struct (field (ref null $b3)))))
    (type $c (struct (field (ref null $c))))))");
  EXPECT_TRUE(m->types_equivalent(0, 2));
  EXPECT_TRUE(m->types_equivalent(1, 3));
  EXPECT_FALSE(m->types_equivalent(0, 1));  // same shape, other position in the group
  EXPECT_TRUE(m->types_equivalent(0, 4));   // the names differ, the groups' structure does not
  EXPECT_TRUE(m->types_equivalent(1, 5));
  EXPECT_FALSE(m->types_equivalent(0, 6));  // a group of one is another group
}

TEST(GcTypes, RegistryCanonicalIdsAndDisplays) {
  const char* wat = R"((module
    (type $s (sub (struct)))
    (rec (type $t (sub $s (struct (field (ref null $u))))) (type $u (sub $t (struct (field (ref null $u)) (field i8)))))
    (type $f (func))))";
  auto m1 = must_decode(wat);
  auto m2 = must_decode(std::string("(module (type (func (param i32)))") + std::string(wat).substr(8));
  runtime::TypeRegistry reg;
  std::vector<uint32_t> ids1 = reg.intern_module(m1->types, m1->type_defs);
  std::vector<uint32_t> ids2 = reg.intern_module(m2->types, m2->type_defs);
  for (uint32_t i = 0; i < 4; ++i) EXPECT_EQ(ids1[i], ids2[i + 1]) << i;
  // A plain function type is the same canonical type as a host signature.
  EXPECT_EQ(ids1[3], reg.intern(wasm::FuncType{}));
  // Displays: the chain from the root, so a subtype test is one compare.
  const runtime::CanonicalType& s = reg.info(ids1[0]);
  const runtime::CanonicalType& t = reg.info(ids1[1]);
  const runtime::CanonicalType& u = reg.info(ids1[2]);
  EXPECT_EQ(s.depth(), 0u);
  EXPECT_EQ(t.depth(), 1u);
  EXPECT_EQ(u.depth(), 2u);
  EXPECT_EQ(u.display, (std::vector<uint32_t>{ids1[0], ids1[1], ids1[2]}));
  EXPECT_TRUE(u.is_subtype_of(s));
  EXPECT_TRUE(u.is_subtype_of(t));
  EXPECT_TRUE(u.is_subtype_of(u));
  EXPECT_FALSE(s.is_subtype_of(t));
  EXPECT_FALSE(reg.info(ids1[3]).is_subtype_of(s));
  EXPECT_TRUE(reg.is_subtype(ids1[2], ids1[0]));
  EXPECT_FALSE(reg.is_subtype(ids1[0], ids1[2]));
  // Registered types hold canonical ids in their references.
  EXPECT_EQ(u.fields[0].type, ValType::ref(ids1[2], true));
  EXPECT_EQ(u.fields[1].packed, wasm::Packed::i8);
  EXPECT_TRUE(reg.val_subtype(ValType::ref(ids1[2], false), ValType::ref(uint32_t(HeapKind::eq), true)));
  EXPECT_FALSE(reg.val_subtype(ValType::ref(ids1[3], false), ValType::ref(uint32_t(HeapKind::eq), true)));
}

TEST(GcTypes, SubTypeRules) {
  auto invalid = [](const std::string& wat) {
    auto m = decode(wat);
    if (!m.ok()) return "decode: " + m.error().message;
    auto v = validate::validate_module(**m);
    return v.ok() ? std::string() : v.error().message;
  };
  EXPECT_EQ(invalid("(module (type (struct)) (type (sub 0 (struct))))"), "sub type 1 does not match super type 0");
  EXPECT_EQ(invalid("(module (type (sub (struct))) (type (sub 0 (array i8))))"), "sub type 1 does not match super type 0");
  EXPECT_EQ(invalid("(module (type (sub (func (result anyref)))) (type (sub 0 (func (result eqref)))))"), "");
  EXPECT_EQ(invalid("(module (type (sub (func (param anyref)))) (type (sub 0 (func (param eqref)))))"),
            "sub type 1 does not match super type 0");
  EXPECT_EQ(invalid("(module (rec (type (sub 1 (struct))) (type (sub (struct)))))"),
            "forward use of type 1 in sub type definition");
}

}  // namespace
}  // namespace wisp
