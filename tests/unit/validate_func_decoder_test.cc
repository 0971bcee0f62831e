#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "validate/func_decoder.h"
#include "validate/validate_function.h"
#include "validate_test_util.h"

namespace wisp::validate {
namespace {

using namespace wisp::validate::testing;

// Validates a single function of type `params -> results` with `code`.
Result<void> check(std::vector<ValType> params, std::vector<ValType> results, std::vector<uint8_t> code,
                   std::vector<wasm::LocalDecl> locals = {}) {
  TestModule t;
  uint32_t ty = t.type(std::move(params), std::move(results));
  uint32_t f = t.func(ty, std::move(code), std::move(locals));
  return validate_function(t.m, f);
}

void expect_ok(const Result<void>& r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_string());
}

void expect_error(const Result<void>& r, ErrorKind kind, const std::string& msg) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, kind) << r.error().to_string();
  EXPECT_EQ(r.error().message.substr(0, msg.size()), msg) << r.error().to_string();
}

void expect_invalid(const Result<void>& r, const std::string& msg) { expect_error(r, ErrorKind::Invalid, msg); }
void expect_malformed(const Result<void>& r, const std::string& msg) {
  expect_error(r, ErrorKind::Malformed, msg);
}

TEST(ValidateFunc, EmptyBody) { expect_ok(check({}, {}, {0x0B})); }

TEST(ValidateFunc, AddParams) {
  expect_ok(check({I32, I32}, {I32}, {0x20, 0, 0x20, 1, 0x6A, 0x0B}));
}

TEST(ValidateFunc, TypeMismatchOperands) {
  // i32.const 0; i64.const 0; i32.add
  auto r = check({}, {I32}, {0x41, 0, 0x42, 0, 0x6A, 0x0B});
  expect_invalid(r, "type mismatch");
  EXPECT_EQ(r.error().offset, 1u + 4u);  // offset of i32.add in Module::bytes (after the separator)
}

TEST(ValidateFunc, MissingResult) { expect_invalid(check({}, {I32}, {0x0B}), "type mismatch"); }
TEST(ValidateFunc, ExtraValueAtEnd) { expect_invalid(check({}, {}, {0x41, 1, 0x0B}), "type mismatch"); }
TEST(ValidateFunc, EmptyStackPop) { expect_invalid(check({}, {}, {0x1A, 0x0B}), "type mismatch"); }

TEST(ValidateFunc, UnknownLocal) {
  expect_invalid(check({I32}, {}, {0x20, 1, 0x1A, 0x0B}), "unknown local 1");
  expect_ok(check({I32}, {}, {0x20, 1, 0x1A, 0x0B}, {{1, I64}}));
  expect_invalid(check({I32}, {}, {0x20, 2, 0x1A, 0x0B}, {{1, I64}}), "unknown local 2");
}

TEST(ValidateFunc, LocalTypes) {
  // (local i64 f32) local.get 1 (f32) -> i64 result: mismatch; local.get 0: ok
  expect_ok(check({}, {I64}, {0x20, 0, 0x0B}, {{1, I64}, {1, F32}}));
  expect_invalid(check({}, {I64}, {0x20, 1, 0x0B}, {{1, I64}, {1, F32}}), "type mismatch");
  // local.tee keeps the value; local.set consumes it
  expect_ok(check({}, {F32}, {0x43, 0, 0, 0, 0, 0x22, 1, 0x0B}, {{1, I64}, {1, F32}}));
  expect_invalid(check({}, {F32}, {0x43, 0, 0, 0, 0, 0x21, 1, 0x0B}, {{1, I64}, {1, F32}}), "type mismatch");
}

TEST(ValidateFunc, UnreachableIsPolymorphic) {
  expect_ok(check({}, {I32}, {0x00, 0x6A, 0x0B}));                 // unreachable i32.add
  expect_ok(check({}, {I32}, {0x00, 0x0B}));                       // unreachable
  expect_ok(check({}, {}, {0x00, 0x1A, 0x1A, 0x0B}));              // unreachable drop drop
  expect_invalid(check({}, {I32}, {0x00, 0x42, 0, 0x0B}), "type mismatch");  // i64 stays known
  expect_ok(check({}, {}, {0x0F, 0x1B, 0x1A, 0x0B}));              // return select drop
  expect_invalid(check({}, {}, {0x00, 0x42, 0, 0x41, 0, 0x6A, 0x1A, 0x0B}), "type mismatch");
}

TEST(ValidateFunc, BlockResults) {
  // block (result i32) i32.const 1 end
  expect_ok(check({}, {I32}, {0x02, 0x7F, 0x41, 1, 0x0B, 0x0B}));
  expect_invalid(check({}, {I32}, {0x02, 0x7F, 0x0B, 0x0B}), "type mismatch");
  expect_invalid(check({}, {I32}, {0x02, 0x7F, 0x42, 1, 0x0B, 0x0B}), "type mismatch");
  // block cannot see the outer stack
  expect_invalid(check({}, {I32}, {0x41, 1, 0x02, 0x7F, 0x6A, 0x0B, 0x0B}), "type mismatch");
}

TEST(ValidateFunc, MultiValueBlock) {
  TestModule t;
  uint32_t fty = t.type({}, {I32, I64});
  uint32_t bty = t.type({I32}, {I32, I64});
  // i32.const 1; block (type bty) i64.const 2 end
  uint32_t f = t.func(fty, {0x41, 1, 0x02, uint8_t(bty), 0x42, 2, 0x0B, 0x0B});
  expect_ok(validate_function(t.m, f));
  // the param is missing
  uint32_t g = t.func(fty, {0x02, uint8_t(bty), 0x42, 2, 0x0B, 0x0B});
  expect_invalid(validate_function(t.m, g), "type mismatch");
  // unknown block type index
  uint32_t h = t.func(fty, {0x02, 0x10, 0x0B, 0x0B});
  expect_invalid(validate_function(t.m, h), "unknown type");
}

TEST(ValidateFunc, LoopLabelTakesParams) {
  TestModule t;
  uint32_t fty = t.type({}, {});
  uint32_t lty = t.type({I32}, {});
  // i32.const 0; loop (type lty) br 0 end: br to a loop passes its params (i32)
  uint32_t f = t.func(fty, {0x41, 0, 0x03, uint8_t(lty), 0x0C, 0, 0x0B, 0x0B});
  expect_ok(validate_function(t.m, f));
  // loop (result i32): br 0 needs no value
  expect_ok(check({}, {I32}, {0x03, 0x7F, 0x0C, 0, 0x0B, 0x0B}));
  // block (result i32): br 0 needs an i32
  expect_invalid(check({}, {I32}, {0x02, 0x7F, 0x0C, 0, 0x0B, 0x0B}), "type mismatch");
}

TEST(ValidateFunc, IfElse) {
  // i32.const 1; if (result i32) i32.const 2 else i32.const 3 end
  expect_ok(check({}, {I32}, {0x41, 1, 0x04, 0x7F, 0x41, 2, 0x05, 0x41, 3, 0x0B, 0x0B}));
  // if (result i32) without else: type mismatch
  expect_invalid(check({}, {I32}, {0x41, 1, 0x04, 0x7F, 0x41, 2, 0x0B, 0x0B}), "type mismatch");
  // missing condition
  expect_invalid(check({}, {}, {0x04, 0x40, 0x0B, 0x0B}), "type mismatch");
  // else branch with wrong type
  expect_invalid(check({}, {I32}, {0x41, 1, 0x04, 0x7F, 0x41, 2, 0x05, 0x42, 3, 0x0B, 0x0B}), "type mismatch");
  // if with params == results and no else is valid
  TestModule t;
  uint32_t fty = t.type({}, {I32});
  uint32_t ity = t.type({I32}, {I32});
  uint32_t f = t.func(fty, {0x41, 5, 0x41, 1, 0x04, uint8_t(ity), 0x0B, 0x0B});
  expect_ok(validate_function(t.m, f));
}

TEST(ValidateFunc, ElseOutsideIfIsMalformed) {
  expect_malformed(check({}, {}, {0x02, 0x40, 0x05, 0x0B, 0x0B}), "END opcode expected");
  expect_malformed(check({}, {}, {0x41, 1, 0x04, 0x40, 0x05, 0x05, 0x0B, 0x0B}), "END opcode expected");
}

TEST(ValidateFunc, Branches) {
  expect_invalid(check({}, {}, {0x0C, 1, 0x0B}), "unknown label 1");
  expect_ok(check({}, {}, {0x0C, 0, 0x0B}));
  // br_if keeps the label values: block (result i32) i32.const 1 i32.const 0 br_if 0 end
  expect_ok(check({}, {I32}, {0x02, 0x7F, 0x41, 1, 0x41, 0, 0x0D, 0, 0x0B, 0x0B}));
  expect_invalid(check({}, {I32}, {0x02, 0x7F, 0x41, 0, 0x0D, 0, 0x0B, 0x0B}), "type mismatch");
  // br_if in unreachable code pushes the label's types: unreachable br_if 0 (label i32) then f32 use fails
  expect_invalid(check({}, {I32}, {0x00, 0x0D, 0, 0x8C, 0x1A, 0x0B}), "type mismatch");
}

TEST(ValidateFunc, BrTable) {
  // block block i32.const 0 br_table 0 1 1 end end
  expect_ok(check({}, {}, {0x02, 0x40, 0x02, 0x40, 0x41, 0, 0x0E, 2, 0, 1, 1, 0x0B, 0x0B, 0x0B}));
  // arity mismatch: block (result i32) block ... br_table 0 1
  expect_invalid(check({}, {I32}, {0x02, 0x7F, 0x02, 0x40, 0x41, 0, 0x0E, 1, 0, 1, 0x0B, 0x41, 0, 0x0B, 0x0B}),
                 "type mismatch");
  expect_invalid(check({}, {}, {0x41, 0, 0x0E, 0, 5, 0x0B}), "unknown label");
  // unreachable code: the targets are still checked against each other's types
  // block (result f32) block (result i32) unreachable br_table 0 1 end drop end
  expect_ok(check({}, {F32}, {0x02, 0x7D, 0x02, 0x7F, 0x00, 0x0E, 1, 0, 1, 0x0B, 0x1A, 0x43, 0, 0, 0, 0, 0x0B,
                              0x0B}));
  // with a known i32 on the stack it cannot go to the f32 label
  expect_invalid(check({}, {F32},
                       {0x02, 0x7D, 0x02, 0x7F, 0x00, 0x41, 1, 0x41, 0, 0x0E, 1, 0, 1, 0x0B, 0x1A, 0x43, 0, 0,
                        0, 0, 0x0B, 0x0B}),
                 "type mismatch");
  // huge target count is a malformed body, not a huge allocation
  expect_malformed(check({}, {}, {0x41, 0, 0x0E, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x0B}), "unexpected end");
}

TEST(ValidateFunc, Return) {
  expect_ok(check({}, {I32}, {0x41, 0, 0x0F, 0x0B}));
  expect_invalid(check({}, {I32}, {0x0F, 0x0B}), "type mismatch");
  expect_ok(check({}, {I32}, {0x02, 0x40, 0x41, 0, 0x0F, 0x0B, 0x00, 0x0B}));
}

TEST(ValidateFunc, Calls) {
  TestModule t;
  uint32_t t0 = t.type({I32, I64}, {F32});
  uint32_t t1 = t.type({}, {F32});
  uint32_t imp = t.import_func(t0);
  uint32_t f = t.func(t1, {0x41, 0, 0x42, 0, 0x10, uint8_t(imp), 0x0B});
  expect_ok(validate_function(t.m, f));
  uint32_t g = t.func(t1, {0x42, 0, 0x41, 0, 0x10, uint8_t(imp), 0x0B});
  expect_invalid(validate_function(t.m, g), "type mismatch");
  uint32_t h = t.func(t1, {0x10, 9, 0x0B});
  expect_invalid(validate_function(t.m, h), "unknown function 9");
  // call_indirect needs a table
  uint32_t ci = t.func(t1, {0x41, 0, 0x42, 0, 0x41, 0, 0x11, uint8_t(t0), 0, 0x0B});
  expect_invalid(validate_function(t.m, ci), "unknown table 0");
  t.table(ExternRef);
  expect_invalid(validate_function(t.m, ci), "type mismatch");  // table must be funcref
  t.m.tables[0].elem = FuncRef;
  expect_ok(validate_function(t.m, ci));
  uint32_t cu = t.func(t1, {0x41, 0, 0x11, 7, 0, 0x0B});
  expect_invalid(validate_function(t.m, cu), "unknown type 7");
}

TEST(ValidateFunc, Select) {
  expect_ok(check({}, {I64}, {0x42, 1, 0x42, 2, 0x41, 0, 0x1B, 0x0B}));
  expect_invalid(check({}, {I64}, {0x42, 1, 0x41, 2, 0x41, 0, 0x1B, 0x0B}), "type mismatch");
  // untyped select on references is invalid
  expect_invalid(check({}, {FuncRef}, {0xD0, 0x70, 0xD0, 0x70, 0x41, 0, 0x1B, 0x0B}), "type mismatch");
  // typed select on references is fine
  expect_ok(check({}, {FuncRef}, {0xD0, 0x70, 0xD0, 0x70, 0x41, 0, 0x1C, 1, 0x70, 0x0B}));
  expect_invalid(check({}, {I32}, {0x41, 0, 0x41, 0, 0x41, 0, 0x1C, 2, 0x7F, 0x7F, 0x0B}), "invalid result arity");
  expect_invalid(check({}, {I32}, {0x41, 0, 0x41, 0, 0x41, 0, 0x1C, 0, 0x0B}), "invalid result arity");
  // unreachable select: result is the known operand's type
  expect_ok(check({}, {I32}, {0x00, 0x41, 0, 0x41, 0, 0x1B, 0x0B}));
  expect_invalid(check({}, {I64}, {0x00, 0x41, 0, 0x41, 0, 0x1B, 0x0B}), "type mismatch");
}

TEST(ValidateFunc, Globals) {
  TestModule t;
  t.global(I32, false);
  t.global(I64, true);
  uint32_t ty = t.type({}, {});
  expect_ok(validate_function(t.m, t.func(ty, {0x42, 0, 0x24, 1, 0x0B})));
  expect_invalid(validate_function(t.m, t.func(ty, {0x41, 0, 0x24, 0, 0x0B})), "global is immutable");
  expect_invalid(validate_function(t.m, t.func(ty, {0x23, 2, 0x1A, 0x0B})), "unknown global 2");
  expect_invalid(validate_function(t.m, t.func(ty, {0x41, 0, 0x24, 1, 0x0B})), "type mismatch");
}

// Multi-memory: memory indices in memargs (flag bit 6) and in memory.size/grow/fill/copy/init; flags
// 32..63 are alignments (invalid), from 128 malformed.
TEST(ValidateFunc, MultiMemory) {
  TestModule t;
  t.m.features.set(wisp::Feature::multi_memory);
  uint32_t ty = t.type({}, {I32});
  uint32_t t2 = t.type({}, {});
  t.memory();
  t.memory();
  expect_ok(validate_function(t.m, t.func(ty, {0x41, 0, 0x28, 0x42, 1, 4, 0x0B})));  // i32.load 1 offset=4
  expect_invalid(validate_function(t.m, t.func(ty, {0x41, 0, 0x28, 0x42, 2, 0, 0x0B})), "unknown memory 2");
  expect_invalid(validate_function(t.m, t.func(ty, {0x41, 0, 0x28, 0x63, 1, 0, 0x0B})),
                 "alignment must not be larger than natural");
  expect_invalid(validate_function(t.m, t.func(ty, {0x41, 0, 0x28, 0x20, 0, 0x0B})),
                 "alignment must not be larger than natural");
  expect_malformed(validate_function(t.m, t.func(ty, {0x41, 0, 0x28, 0x80, 0x01, 0, 0x0B})), "malformed memop flags");
  expect_ok(validate_function(t.m, t.func(ty, {0x3F, 1, 0x0B})));
  expect_invalid(validate_function(t.m, t.func(ty, {0x3F, 2, 0x0B})), "unknown memory 2");
  expect_ok(validate_function(t.m, t.func(ty, {0x41, 0, 0x40, 0x81, 0x00, 0x0B})));  // memory.grow 1 (2-byte LEB)
  expect_ok(validate_function(t.m, t.func(t2, {0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 11, 1, 0x0B})));
  expect_ok(validate_function(t.m, t.func(t2, {0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 10, 1, 0, 0x0B})));
  expect_invalid(validate_function(t.m, t.func(t2, {0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 10, 0, 2, 0x0B})),
                 "unknown memory 2");
  t.m.data_count = 1;
  expect_ok(validate_function(t.m, t.func(t2, {0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 8, 0, 1, 0x0B})));
  expect_invalid(validate_function(t.m, t.func(t2, {0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 8, 0, 3, 0x0B})),
                 "unknown memory 3");
}

TEST(ValidateFunc, Memory) {
  TestModule t;
  uint32_t ty = t.type({}, {I32});
  uint32_t load = t.func(ty, {0x41, 0, 0x28, 2, 0, 0x0B});
  expect_invalid(validate_function(t.m, load), "unknown memory 0");
  t.memory();
  expect_ok(validate_function(t.m, load));
  expect_invalid(validate_function(t.m, t.func(ty, {0x41, 0, 0x28, 3, 0, 0x0B})),
                 "alignment must not be larger than natural");
  expect_invalid(validate_function(t.m, t.func(ty, {0x41, 0, 0x2C, 1, 0, 0x0B})),
                 "alignment must not be larger than natural");
  expect_malformed(validate_function(t.m, t.func(ty, {0x41, 0, 0x28, 0x20, 0, 0x0B})), "malformed memop flags");
  expect_malformed(validate_function(t.m, t.func(ty, {0x41, 0, 0x28, 0x40, 0, 0x0B})), "malformed memop flags");
  // i64.store align=3 offset=8 with an i32 value: mismatch
  uint32_t t2 = t.type({}, {});
  expect_invalid(validate_function(t.m, t.func(t2, {0x41, 0, 0x41, 0, 0x37, 3, 8, 0x0B})), "type mismatch");
  expect_ok(validate_function(t.m, t.func(t2, {0x41, 0, 0x42, 0, 0x37, 3, 8, 0x0B})));
  // memory.size / grow and their reserved byte
  expect_ok(validate_function(t.m, t.func(ty, {0x3F, 0, 0x40, 0, 0x0B})));
  expect_malformed(validate_function(t.m, t.func(ty, {0x3F, 1, 0x0B})), "zero byte expected");
  expect_malformed(validate_function(t.m, t.func(ty, {0x3F, 0x80, 0x00, 0x0B})), "zero byte expected");
  // bulk memory
  expect_ok(validate_function(t.m, t.func(t2, {0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 11, 0, 0x0B})));
  expect_ok(validate_function(t.m, t.func(t2, {0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 10, 0, 0, 0x0B})));
  uint32_t init = t.func(t2, {0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 8, 1, 0, 0x0B});
  expect_malformed(validate_function(t.m, init), "data count section required");
  t.m.data_count = 1;
  expect_invalid(validate_function(t.m, init), "unknown data segment 1");
  t.m.data_count = 2;
  expect_ok(validate_function(t.m, init));
  expect_ok(validate_function(t.m, t.func(t2, {0xFC, 9, 1, 0x0B})));
  expect_invalid(validate_function(t.m, t.func(t2, {0xFC, 9, 2, 0x0B})), "unknown data segment 2");
}

TEST(ValidateFunc, Tables) {
  TestModule t;
  uint32_t ty = t.type({}, {});
  uint32_t get = t.func(ty, {0x41, 0, 0x25, 0, 0x1A, 0x0B});
  expect_invalid(validate_function(t.m, get), "unknown table 0");
  t.table(FuncRef);
  t.table(ExternRef);
  expect_ok(validate_function(t.m, get));
  // table.set 1 with a funcref: mismatch (table 1 holds externref)
  expect_invalid(validate_function(t.m, t.func(ty, {0x41, 0, 0xD0, 0x70, 0x26, 1, 0x0B})), "type mismatch");
  expect_ok(validate_function(t.m, t.func(ty, {0x41, 0, 0xD0, 0x6F, 0x26, 1, 0x0B})));
  // table.copy between different element types
  expect_invalid(validate_function(t.m, t.func(ty, {0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 14, 0, 1, 0x0B})),
                 "type mismatch");
  expect_ok(validate_function(t.m, t.func(ty, {0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 14, 1, 1, 0x0B})));
  // table.init needs the segment and matching types
  uint32_t init = t.func(ty, {0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 12, 0, 1, 0x0B});
  expect_invalid(validate_function(t.m, init), "unknown elem segment 0");
  t.elem(FuncRef);
  expect_invalid(validate_function(t.m, init), "type mismatch");
  t.m.elems[0].type = ExternRef;
  expect_ok(validate_function(t.m, init));
  expect_invalid(validate_function(t.m, t.func(ty, {0xFC, 13, 1, 0x0B})), "unknown elem segment 1");
  // table.grow / size / fill
  uint32_t ri = t.type({}, {I32});
  expect_ok(validate_function(t.m, t.func(ri, {0xD0, 0x70, 0x41, 1, 0xFC, 15, 0, 0x0B})));
  expect_ok(validate_function(t.m, t.func(ri, {0xFC, 16, 1, 0x0B})));
  expect_ok(validate_function(t.m, t.func(ty, {0x41, 0, 0xD0, 0x6F, 0x41, 1, 0xFC, 17, 1, 0x0B})));
  expect_invalid(validate_function(t.m, t.func(ty, {0x41, 0, 0xD0, 0x70, 0x41, 1, 0xFC, 17, 1, 0x0B})),
                 "type mismatch");
}

TEST(ValidateFunc, References) {
  TestModule t;
  uint32_t ty = t.type({}, {I32});
  uint32_t f = t.func(ty, {0xD2, 0, 0xD1, 0x0B});
  expect_invalid(validate_function(t.m, f), "undeclared function reference");
  t.m.declared_funcs[0] = true;
  expect_ok(validate_function(t.m, f));
  expect_invalid(validate_function(t.m, t.func(ty, {0xD2, 9, 0xD1, 0x0B})), "unknown function 9");
  expect_invalid(validate_function(t.m, t.func(ty, {0x41, 0, 0xD1, 0x0B})), "type mismatch");
  expect_malformed(validate_function(t.m, t.func(ty, {0xD0, 0x7F, 0xD1, 0x0B})), "malformed reference type");
}

TEST(ValidateFunc, Numeric) {
  expect_ok(check({F64}, {I64}, {0x20, 0, 0xB0, 0x0B}));   // i64.trunc_f64_s
  expect_invalid(check({F32}, {I64}, {0x20, 0, 0xB0, 0x0B}), "type mismatch");
  expect_ok(check({F32}, {I32}, {0x20, 0, 0xFC, 0, 0x0B}));  // i32.trunc_sat_f32_s
  expect_ok(check({I32}, {I32}, {0x20, 0, 0x45, 0x0B}));     // i32.eqz
  expect_ok(check({F32, F32}, {I32}, {0x20, 0, 0x20, 1, 0x5B, 0x0B}));  // f32.eq
  expect_invalid(check({F32, F64}, {I32}, {0x20, 0, 0x20, 1, 0x5B, 0x0B}), "type mismatch");
}

TEST(ValidateFunc, MalformedEncodings) {
  expect_malformed(check({}, {}, {0x06, 0x0B}), "illegal opcode");
  expect_malformed(check({}, {}, {0xFC, 0x20, 0x0B}), "illegal opcode");
  expect_malformed(check({}, {}, {0xFD, 0x9A, 0x01, 0x0B}), "illegal opcode");  // an unassigned SIMD opcode
  // i32.const with a 6-byte LEB and with unused bits that are not a sign extension
  expect_malformed(check({}, {I32}, {0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0B}),
                   "integer representation too long");
  expect_malformed(check({}, {I32}, {0x41, 0x80, 0x80, 0x80, 0x80, 0x70, 0x0B}), "integer too large");
  expect_ok(check({}, {I32}, {0x41, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x0B}));  // -1, 5 bytes
  expect_ok(check({}, {I32}, {0x41, 0x80, 0x80, 0x80, 0x80, 0x78, 0x0B}));  // INT32_MIN
  expect_malformed(check({}, {I64}, {0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02, 0x0B}),
                   "integer too large");
  expect_ok(check({}, {I64}, {0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F, 0x0B}));
  // local index u32 too large
  expect_malformed(check({}, {}, {0x20, 0x80, 0x80, 0x80, 0x80, 0x10, 0x1A, 0x0B}), "integer too large");
}

TEST(ValidateFunc, BodyBoundaries) {
  // missing final end; the body is the last thing in Module::bytes
  expect_malformed(check({}, {}, {0x41, 1, 0x1A}), "unexpected end");
  // truncated immediate
  expect_malformed(check({}, {}, {0x41}), "unexpected end");
  // junk after the final end
  expect_malformed(check({}, {}, {0x0B, 0x01}), "section size mismatch");
  // missing end with another function after it
  TestModule t;
  uint32_t ty = t.type({}, {});
  uint32_t f = t.func(ty, {0x41, 1, 0x1A});
  t.func(ty, {0x0B});
  expect_malformed(validate_function(t.m, f), "END opcode expected");
}

// Records the hooks as text.
struct Recorder : NullVisitor {
  std::vector<std::string> log;
  void begin_function(const wasm::FuncType&, std::span<const wasm::ValType> locals) {
    log.push_back("begin " + std::to_string(locals.size()));
  }
  void end_function(bool r) { log.push_back(std::string("end_function ") + (r ? "1" : "0")); }
  void on_block(const BlockSig& s, bool r) {
    log.push_back("block " + std::to_string(s.params.size()) + std::to_string(s.results.size()) + (r ? " 1" : " 0"));
  }
  void on_loop(const BlockSig&, bool r) { log.push_back(std::string("loop ") + (r ? "1" : "0")); }
  void on_if(const BlockSig&, bool r) { log.push_back(std::string("if ") + (r ? "1" : "0")); }
  void on_else(bool r) { log.push_back(std::string("else ") + (r ? "1" : "0")); }
  void on_end(bool r) { log.push_back(std::string("end ") + (r ? "1" : "0")); }
  void on_br(uint32_t d) { log.push_back("br " + std::to_string(d)); }
  void on_br_if(uint32_t d) { log.push_back("br_if " + std::to_string(d)); }
  void on_br_table(std::span<const uint32_t> ds, uint32_t def) {
    std::string s = "br_table";
    for (uint32_t d : ds) s += " " + std::to_string(d);
    log.push_back(s + " / " + std::to_string(def));
  }
  void on_return() { log.push_back("return"); }
  void on_unreachable() { log.push_back("unreachable"); }
  void on_nop() { log.push_back("nop"); }
  void on_drop(wasm::ValType t) { log.push_back("drop " + t.name()); }
  void on_select(wasm::ValType t) { log.push_back("select " + t.name()); }
  void on_local_get(uint32_t i, wasm::ValType t) { log.push_back("local.get " + std::to_string(i) + " " + t.name()); }
  void on_local_set(uint32_t i, wasm::ValType t) { log.push_back("local.set " + std::to_string(i) + " " + t.name()); }
  void on_i32_const(uint32_t v) { log.push_back("i32.const " + std::to_string(v)); }
  void on_i64_const(uint64_t v) { log.push_back("i64.const " + std::to_string(v)); }
  void on_f32_const(uint32_t v) { log.push_back("f32.const " + std::to_string(v)); }
  void on_numeric(wasm::Op op) { log.push_back(std::string(wasm::op_info(op).name)); }
  void on_load(wasm::Op op, const MemArg& ma) {
    log.push_back(std::string(wasm::op_info(op).name) + " " + std::to_string(ma.memory) + " " +
                  std::to_string(ma.offset) + " " + std::to_string(ma.align));
  }
  void on_global_get(uint32_t i, wasm::ValType t) { log.push_back("global.get " + std::to_string(i) + " " + t.name()); }
  void on_ref_func(uint32_t i) { log.push_back("ref.func " + std::to_string(i)); }
  void on_ref_null(wasm::ValType t) { log.push_back("ref.null " + t.name()); }
};

std::vector<std::string> record(TestModule& t, uint32_t f) {
  Recorder r;
  FuncDecoder<BodyTag, Recorder> d(t.m, f, r);
  auto res = d.decode();
  EXPECT_TRUE(res.ok()) << (res.ok() ? "" : res.error().to_string());
  // The second decode of a validated body (IR translation) skips the checks but calls the same hooks
  // with the same types.
  Recorder trusted;
  FuncDecoder<BodyTag, Recorder, Trusted> d2(t.m, f, trusted);
  EXPECT_TRUE(d2.decode().ok());
  EXPECT_EQ(trusted.log, r.log);
  return r.log;
}

TEST(FuncDecoderHooks, Straight) {
  TestModule t;
  uint32_t ty = t.type({I32}, {I32});
  t.memory();
  // local.get 0; i32.load offset=16 align=2; i32.const 7; i32.add; local.set 1; local.get 1; end
  uint32_t f = t.func(ty, {0x20, 0, 0x28, 2, 16, 0x41, 7, 0x6A, 0x21, 1, 0x20, 1, 0x0B}, {{1, I32}});
  std::vector<std::string> want = {"begin 1",     "local.get 0 i32", "i32.load 0 16 2", "i32.const 7", "i32.add",
                                   "local.set 1 i32", "local.get 1 i32", "end_function 1"};
  EXPECT_EQ(record(t, f), want);
}

TEST(FuncDecoderHooks, DeadCodeAfterBr) {
  TestModule t;
  uint32_t ty = t.type({}, {});
  // block br 0 i32.const 1 drop block nop end if(i32) else end end nop end
  uint32_t f = t.func(ty, {0x02, 0x40, 0x0C, 0, 0x41, 1, 0x1A, 0x02, 0x40, 0x01, 0x0B, 0x41, 0, 0x04, 0x40, 0x01,
                           0x05, 0x01, 0x0B, 0x0B, 0x01, 0x0B});
  std::vector<std::string> want = {"begin 0", "block 00 1", "br 0", "block 00 0", "end 0", "if 0", "else 0",
                                   "end 0",   "end 0",      "nop",  "end_function 1"};
  EXPECT_EQ(record(t, f), want);
}

TEST(FuncDecoderHooks, IfElseAndBranches) {
  TestModule t;
  uint32_t ty = t.type({I32}, {I32});
  // local.get 0; if (result i32) i32.const 1 else i32.const 2 br 0 end; end
  uint32_t f = t.func(ty, {0x20, 0, 0x04, 0x7F, 0x41, 1, 0x05, 0x41, 2, 0x0C, 0, 0x0B, 0x0B});
  std::vector<std::string> want = {"begin 0",     "local.get 0 i32", "if 1", "i32.const 1", "else 1",
                                   "i32.const 2", "br 0",            "end 0", "end_function 1"};
  EXPECT_EQ(record(t, f), want);
  // if without else: no on_else
  uint32_t g = t.func(ty, {0x20, 0, 0x04, 0x40, 0x01, 0x0B, 0x41, 3, 0x0B});
  std::vector<std::string> want2 = {"begin 0", "local.get 0 i32", "if 1", "nop", "end 1", "i32.const 3",
                                    "end_function 1"};
  EXPECT_EQ(record(t, g), want2);
}

TEST(FuncDecoderHooks, ReturnMakesEndUnreachable) {
  TestModule t;
  uint32_t ty = t.type({}, {I32});
  // block (result i32) i32.const 1 br_table 0 0 / 0 end (br_table consumes the index) -- here: i32.const 5
  // i32.const 0 br_table 0 / 0 end; return; end
  uint32_t f = t.func(ty, {0x02, 0x7F, 0x41, 5, 0x41, 0, 0x0E, 1, 0, 0, 0x0B, 0x0F, 0x0B});
  std::vector<std::string> want = {"begin 0",          "block 01 1", "i32.const 5", "i32.const 0",
                                   "br_table 0 / 0",   "end 0",      "return",      "end_function 0"};
  EXPECT_EQ(record(t, f), want);
}

TEST(FuncDecoderHooks, InstrOffsetAvailable) {
  struct OffsetRecorder : NullVisitor {
    FuncDecoder<BodyTag, OffsetRecorder>* d = nullptr;
    std::vector<uint64_t> offsets;
    void on_i32_const(uint32_t) { offsets.push_back(d->instr_offset()); }
  };
  TestModule t;
  uint32_t ty = t.type({}, {});
  uint32_t f = t.func(ty, {0x01, 0x41, 1, 0x1A, 0x41, 2, 0x1A, 0x0B});
  OffsetRecorder r;
  FuncDecoder<BodyTag, OffsetRecorder> d(t.m, f, r);
  r.d = &d;
  ASSERT_TRUE(d.decode().ok());
  uint64_t base = t.m.bodies[0].body_offset;
  EXPECT_EQ(r.offsets, (std::vector<uint64_t>{base + 1, base + 4}));
}

}  // namespace
}  // namespace wisp::validate
