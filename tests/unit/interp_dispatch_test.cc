// Both dispatch modes in one binary (Config::dispatch): the IR differs only in its handler words, which
// decode back to the same handlers, and programs give the same results, traps and host calls in both.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "api_test_util.h"
#include "binary/module_decoder.h"
#include "interp/handler_table.h"
#include "interp/ir_builder.h"
#include "interp/ir_printer.h"
#include "runtime/instantiate.h"
#include "interp/invoke.h"
#include "text/wat.h"

namespace wisp {
namespace {

using D = Config::Dispatch;

constexpr const char* kProgram = R"((module
  (import "host" "twice" (func $twice (param i32) (result i32)))
  (memory (export "mem") 1)
  (table 2 funcref)
  (elem (i32.const 0) $fib $twice)
  (type $un (func (param i32) (result i32)))
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call_indirect (type $un) (i32.sub (local.get 0) (i32.const 2)) (i32.const 0))))))
  (func (export "loop") (param i32) (result i64) (local i64)
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get 0)))
      (i64.store (i32.and (i32.mul (local.get 0) (i32.const 8)) (i32.const 0xfff8))
                 (i64.extend_i32_u (call_indirect (type $un) (local.get 0) (i32.const 1))))
      (local.set 1 (i64.add (local.get 1) (i64.load (i32.const 8))))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br_table $next $done (i32.const 0))))
    (local.get 1))
  (func (export "oob") (result i32) (i32.load (i32.const 65533)))
  (func (export "div") (param i32) (result i32) (i32.div_s (i32.const 7) (local.get 0))))
)";

struct Outcome {
  std::vector<std::string> lines;
  std::vector<uint8_t> memory;
};

Outcome run_program(D mode) {
  Config c;
  c.dispatch = mode;
  Engine engine(c);
  Module m = testing::must_compile(engine, kProgram);
  Store store(engine);
  Outcome out;
  int host_calls = 0;
  Func twice = Func::create(store, FuncType({ValType::i32()}, {ValType::i32()}),
                            [&](Caller&, std::span<const Val> args, std::span<Val> results) -> Result<void> {
                              ++host_calls;
                              results[0] = Val::i32(args[0].as_i32() * 2);
                              return {};
                            });
  std::vector<Extern> imports{twice};
  auto inst = Instance::create(store, m, imports);
  EXPECT_TRUE(inst.ok()) << (inst.ok() ? "" : inst.error().to_string());
  if (!inst.ok()) return out;
  auto call = [&](const char* name, std::vector<Val> args) {
    auto f = inst->get_func(store, name);
    EXPECT_TRUE(f.has_value()) << name;
    if (!f) return;
    auto r = f->call(store, args);
    std::string line = std::string(name) + ": ";
    if (!r.ok()) {
      line += "trap " + r.error().message;
    } else {
      for (const Val& v : *r) line += std::to_string(v.kind() == ValKind::i64 ? v.as_i64() : v.as_i32()) + " ";
    }
    out.lines.push_back(line);
  };
  call("fib", {Val::i32(20)});
  call("loop", {Val::i32(3000)});
  call("oob", {});
  call("div", {Val::i32(0)});
  call("div", {Val::i32(2)});
  out.lines.push_back("host calls " + std::to_string(host_calls));
  auto mem = inst->get_memory(store, "mem");
  EXPECT_TRUE(mem.has_value());
  if (mem) out.memory.assign(mem->data(store), mem->data(store) + *mem->size(store));
  return out;
}

TEST(DispatchModes, EngineResolvesTheMode) {
  EXPECT_TRUE(Config::dispatch_supported(D::automatic));
  EXPECT_TRUE(Config::dispatch_supported(D::loop));
  EXPECT_EQ(Config::dispatch_supported(D::tailcall), runtime::kTailcallCompiledIn);
  const D best = runtime::kTailcallCompiledIn ? D::tailcall : D::loop;
  EXPECT_EQ(Engine().config().dispatch, best);
  Config c;
  c.dispatch = D::loop;
  EXPECT_EQ(Engine(c).config().dispatch, D::loop);
  c.dispatch = D::tailcall;
  EXPECT_EQ(Engine(c).config().dispatch, best);  // falls back to loop where tail-call is not compiled in
}

TEST(DispatchModes, SameResultsTrapsAndMemory) {
  Outcome loop = run_program(D::loop);
  Outcome tail = run_program(D::tailcall);
  ASSERT_EQ(loop.lines.size(), 6u);
  EXPECT_EQ(loop.lines[0], "fib: 6765 ");
  EXPECT_EQ(loop.lines[2], "oob: trap out of bounds memory access");
  EXPECT_EQ(loop.lines[3], "div: trap integer divide by zero");
  EXPECT_EQ(loop.lines[4], "div: 3 ");
  EXPECT_EQ(loop.lines, tail.lines);
  EXPECT_EQ(loop.memory, tail.memory);
}

// The IR of a function in both modes: same length and operands; the handler words decode to the same
// handlers (ids in loop mode, addresses in tail-call mode), so the printed listings are identical.
TEST(DispatchModes, IrDiffersOnlyInHandlerWords) {
  auto bytes = text::wat_to_wasm(kProgram);
  ASSERT_TRUE(bytes.ok());
  auto mod = binary::decode_module(std::move(*bytes));
  ASSERT_TRUE(mod.ok());
  const wasm::Module& m = **mod;
  runtime::EngineConfig loop_cfg, tail_cfg;
  loop_cfg.dispatch = runtime::DispatchMode::loop;
  tail_cfg.dispatch = runtime::DispatchMode::tailcall;
  for (uint32_t f = m.num_imported_funcs; f < m.func_types.size(); ++f) {
    auto a = interp::translate_function(m, f, loop_cfg);
    auto b = interp::translate_function(m, f, tail_cfg);
    ASSERT_TRUE(a.ok() && b.ok());
    const std::vector<uint32_t>& x = (*a)->code;
    const std::vector<uint32_t>& y = (*b)->code;
    ASSERT_EQ(x.size(), y.size());
    EXPECT_EQ(interp::print_ir(**a), interp::print_ir(**b));
    size_t pc = 0, instrs = 0;
    while (pc < x.size()) {
      uint64_t wx, wy;
      std::memcpy(&wx, x.data() + pc, 8);
      std::memcpy(&wy, y.data() + pc, 8);
      auto hx = interp::handler_from_word(wx);
      auto hy = interp::handler_from_word(wy);
      ASSERT_TRUE(hx.has_value() && hy.has_value()) << "func " << f << " @" << pc;
      EXPECT_EQ(*hx, *hy);
      EXPECT_LT(wx, interp::kNumHandlers);
      if (runtime::kTailcallCompiledIn) {
        EXPECT_GE(wy, uint64_t(4096));
      }
      size_t n = interp::instruction_words(x.data() + pc);
      EXPECT_EQ(n, interp::instruction_words(y.data() + pc));
      EXPECT_TRUE(std::equal(x.begin() + long(pc) + 2, x.begin() + long(pc + n), y.begin() + long(pc) + 2));
      pc += n;
      ++instrs;
    }
    EXPECT_EQ(pc, x.size());
    EXPECT_GT(instrs, 0u);
  }
}

// invoke() runs all code of a store in the store's mode: the runtime refuses code built for the other.
TEST(DispatchModes, InstantiateRefusesCodeOfAnotherMode) {
  runtime::StoreData store;
  store.types = std::make_shared<runtime::TypeRegistry>();
  store.config.dispatch = runtime::DispatchMode::loop;
  store.config.executor = &interp::executor();
  auto bytes = text::wat_to_wasm(R"((module (func (export "f") (result i32) i32.const 7)))");
  ASSERT_TRUE(bytes.ok());
  auto mod = binary::decode_module(std::move(*bytes));
  ASSERT_TRUE(mod.ok());
  std::shared_ptr<const wasm::Module> m = *mod;
  runtime::EngineConfig other = store.config;
  other.dispatch = runtime::DispatchMode::tailcall;
  auto refused = runtime::instantiate(store, m, interp::make_module_code(m, other), {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::Usage);
  EXPECT_EQ(refused.error().message, "module code was built for another dispatch mode than the store's");
  EXPECT_TRUE(store.instances.empty());
  EXPECT_TRUE(runtime::instantiate(store, m, interp::make_module_code(m, store.config), {}).ok());
}

}  // namespace
}  // namespace wisp
