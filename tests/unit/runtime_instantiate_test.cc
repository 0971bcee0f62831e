// Runtime layer: type registry, constant expressions, limits subtyping, store object creation.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "runtime/const_eval.h"
#include "runtime/instantiate.h"
#include "runtime/store_data.h"
#include "runtime/type_registry.h"

namespace wisp::runtime {
namespace {

wasm::FuncType ft(std::vector<wasm::ValType> p, std::vector<wasm::ValType> r) { return {std::move(p), std::move(r)}; }

TEST(RuntimeTypeRegistry, EqualTypesShareIds) {
  TypeRegistry reg;
  uint32_t a = reg.intern(ft({wasm::ValType::i32()}, {wasm::ValType::i64()}));
  uint32_t b = reg.intern(ft({wasm::ValType::i32()}, {wasm::ValType::i64()}));
  uint32_t c = reg.intern(ft({}, {wasm::ValType::i32(), wasm::ValType::i64()}));
  uint32_t d = reg.intern(ft({wasm::ValType::i32()}, {}));
  uint32_t e = reg.intern(ft({wasm::ValType::i32(), wasm::ValType::i64()}, {}));
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_NE(c, d);
  EXPECT_NE(c, e);  // same value sequence, different split between params and results
  EXPECT_EQ(reg.type(a), ft({wasm::ValType::i32()}, {wasm::ValType::i64()}));
  EXPECT_EQ(reg.type(e).params.size(), 2u);
}

TEST(RuntimeTypeRegistry, ThreadSafe) {
  TypeRegistry reg;
  std::vector<std::thread> threads;
  std::vector<std::vector<uint32_t>> ids(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (uint32_t n = 0; n < 200; ++n) {
        std::vector<wasm::ValType> params(n % 17, wasm::ValType::f64());
        ids[t].push_back(reg.intern(ft(params, {wasm::ValType::i32()})));
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 1; t < 4; ++t) EXPECT_EQ(ids[t], ids[0]);
}

// eval_const decodes with the module's index spaces: one immutable i32 global and one function.
std::shared_ptr<wasm::Module> const_eval_module() {
  auto m = std::make_shared<wasm::Module>();
  m->globals.push_back({wasm::ValType::i32(), false});
  m->num_imported_globals = 1;
  m->types.push_back({});
  m->func_types.push_back(0);
  m->num_imported_funcs = 1;
  return m;
}

TEST(RuntimeConstEval, Numbers) {
  InstanceData inst;
  inst.module = const_eval_module();
  auto eval = [&](std::vector<uint8_t> code) { return eval_const(wasm::ConstExpr{std::move(code)}, inst); };
  auto r = eval({0x41, 0x7b, 0x0b});  // i32.const -5
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(int32_t(r->i32()), -5);
  r = eval({0x42, 0x80, 0x80, 0x80, 0x80, 0x10, 0x0b});  // i64.const 2^32
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->i64(), uint64_t(1) << 32);
  r = eval({0x43, 0x00, 0x00, 0xc0, 0x7f, 0x0b});  // f32.const nan bits
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->i32(), 0x7fc00000u);
  r = eval({0x41, 0x02, 0x41, 0x03, 0x6c, 0x41, 0x01, 0x6b, 0x0b});  // (2*3)-1, extended const
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->i32(), 5u);
  r = eval({0xd0, 0x70, 0x0b});  // ref.null func
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ref(), 0u);
  EXPECT_FALSE(eval({0x41, 0x01}).ok());            // no end
  EXPECT_FALSE(eval({0x41, 0x01, 0x41, 0x02, 0x0b}).ok());  // two values
  EXPECT_FALSE(eval({0x23, 0x00, 0x0b}).ok());       // the instance has no global yet
}

TEST(RuntimeConstEval, GlobalsAndFuncs) {
  InstanceData inst;
  inst.module = const_eval_module();
  GlobalInstance g;
  g.type = {wasm::ValType::i32(), false};
  g.value = Value::from_i32(666);
  FuncInstance f;
  inst.globals.push_back(&g);
  inst.funcs.push_back(&f);
  auto r = eval_const(wasm::ConstExpr{{0x23, 0x00, 0x0b}}, inst);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->i32(), 666u);
  r = eval_const(wasm::ConstExpr{{0xd2, 0x00, 0x0b}}, inst);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ref(), reinterpret_cast<RefBits>(&f));
  EXPECT_FALSE(eval_const(wasm::ConstExpr{{0xd2, 0x01, 0x0b}}, inst).ok());
}

TEST(RuntimeLimits, Subtyping) {
  auto L = [](uint64_t min, std::optional<uint64_t> max) { return wasm::Limits{min, max, false, false}; };
  EXPECT_TRUE(limits_match(L(1, std::nullopt), L(1, std::nullopt)));
  EXPECT_TRUE(limits_match(L(2, 3), L(1, std::nullopt)));
  EXPECT_TRUE(limits_match(L(2, 3), L(1, 3)));
  EXPECT_FALSE(limits_match(L(0, 3), L(1, 3)));           // min too small
  EXPECT_FALSE(limits_match(L(1, std::nullopt), L(1, 3)));  // no max where one is required
  EXPECT_FALSE(limits_match(L(1, 4), L(1, 3)));           // max too large
}

TEST(RuntimeObjects, TablesGrowWithinLimits) {
  StoreData store;
  store.types = std::make_shared<TypeRegistry>();
  store.limits.max_table_elements = 10;
  wasm::TableType tt;
  tt.limits = {2, std::nullopt, false, false};
  auto t = create_table(store, tt, 0);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ((*t)->elems.size(), 2u);
  EXPECT_EQ(table_grow(**t, 3, 7), 2);
  EXPECT_EQ((*t)->elems.size(), 5u);
  EXPECT_EQ((*t)->elems[4], 7u);
  EXPECT_EQ(current_type(**t).limits.min, 5u);
  EXPECT_EQ(table_grow(**t, 6, 0), -1);  // beyond the store limit
  tt.limits.min = 11;
  EXPECT_FALSE(create_table(store, tt, 0).ok());
}

TEST(RuntimeObjects, HostFunctionsGetCanonicalIds) {
  StoreData store;
  store.types = std::make_shared<TypeRegistry>();
  auto t = ft({wasm::ValType::i32()}, {wasm::ValType::i32()});
  FuncInstance* a = create_host_func(store, t, nullptr);
  FuncInstance* b = create_host_func(store, t, nullptr);
  EXPECT_EQ(a->type_id, b->type_id);
  EXPECT_EQ(a->type_id, store.types->intern(t));
  EXPECT_TRUE(a->is_host());
  EXPECT_EQ(*a->type, t);
}

}  // namespace
}  // namespace wisp::runtime
