// Post-2.0 features as data (wisp/features.h): parsing `-W` settings, the feature column of the opcode
// tables, and the decoders rejecting a disabled feature's instructions (illegal opcode) while naming an
// enabled but unimplemented one (not supported yet).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "text/wat.h"
#include "wasm/opcodes.h"
#include "wasm/simd_opcodes.h"
#include "wisp/wisp.h"

namespace wisp {
namespace {

TEST(Features, DefaultsAreTheCompleteFeatures) {
  Features f;
  EXPECT_TRUE(f.has(Feature::none));
  for (unsigned i = 1; i < unsigned(Feature::count_); ++i) EXPECT_FALSE(f.has(Feature(i))) << i;
  EXPECT_EQ(Features::defaults(),  // the complete ones
            Features().set(Feature::tail_call).set(Feature::exceptions).set(Feature::legacy_exceptions)
                .set(Feature::function_references).set(Feature::relaxed_simd).set(Feature::multi_memory)
                .set(Feature::extended_const).set(Feature::memory64).set(Feature::gc));
  EXPECT_EQ(Features::defaults(), Features::all());  // since GC (issue 16): all of Wasm 3.0
  EXPECT_EQ(Config().features, Features::defaults());
  for (unsigned i = 0; i < unsigned(Feature::count_); ++i) EXPECT_TRUE(Features::all().has(Feature(i))) << i;
}

TEST(Features, SetAndNames) {
  Features f;
  f.set(Feature::tail_call).set(Feature::gc);
  EXPECT_TRUE(f.has(Feature::tail_call));
  EXPECT_TRUE(f.has(Feature::gc));
  EXPECT_FALSE(f.has(Feature::memory64));
  f.set(Feature::tail_call, false);
  EXPECT_FALSE(f.has(Feature::tail_call));
  f.set(Feature::none, false);  // cannot switch off Wasm 2.0
  EXPECT_TRUE(f.has(Feature::none));
  EXPECT_EQ(Features::name(Feature::tail_call), "tail-call");
  EXPECT_EQ(Features::name(Feature::legacy_exceptions), "legacy-exceptions");
  EXPECT_EQ(Features::name(Feature::none), "");
  EXPECT_EQ(Features::from_name("multi-memory"), Feature::multi_memory);
  EXPECT_EQ(Features::from_name("multi_memory"), Feature::multi_memory);
  EXPECT_EQ(Features::from_name("simd"), std::nullopt);  // Wasm 2.0: not a switch
  EXPECT_EQ(Features::from_name(""), std::nullopt);
  for (unsigned i = 1; i < unsigned(Feature::count_); ++i)
    EXPECT_EQ(Features::from_name(Features::name(Feature(i))), Feature(i));
  EXPECT_NE(Features::names().find("relaxed-simd"), std::string::npos);
}

TEST(Features, ApplyWasmtimeSyntax) {
  Features f;
  ASSERT_TRUE(f.apply("tail-call=y").ok());
  EXPECT_TRUE(f.has(Feature::tail_call));
  ASSERT_TRUE(f.apply("tail-call=n,memory64=yes,gc").ok());  // a bare name means =y
  EXPECT_FALSE(f.has(Feature::tail_call));
  EXPECT_TRUE(f.has(Feature::memory64));
  EXPECT_TRUE(f.has(Feature::gc));
  ASSERT_TRUE(f.apply("gc=false,exceptions=true,memory64=no").ok());
  EXPECT_FALSE(f.has(Feature::gc));
  EXPECT_FALSE(f.has(Feature::memory64));
  EXPECT_TRUE(f.has(Feature::exceptions));
  ASSERT_TRUE(f.apply("all-proposals=y").ok());
  EXPECT_EQ(f, Features::all());
  ASSERT_TRUE(f.apply("all-proposals=y,gc=n").ok());
  EXPECT_FALSE(f.has(Feature::gc));
  EXPECT_TRUE(f.has(Feature::tail_call));
  ASSERT_TRUE(f.apply("all-proposals=n").ok());
  EXPECT_EQ(f, Features());
}

TEST(Features, ApplyErrorsLeaveTheSetUnchanged) {
  Features f;
  f.set(Feature::gc);
  const Features before = f;
  Result<void> r = f.apply("tail-call=y,bogus=y");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Usage);
  EXPECT_NE(r.error().message.find("unknown feature 'bogus'"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("tail-call"), std::string::npos);  // lists the known names
  EXPECT_EQ(f, before);
  r = f.apply("tail-call=maybe");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("bad value 'maybe'"), std::string::npos) << r.error().message;
  EXPECT_EQ(f, before);
  EXPECT_FALSE(f.apply("").ok());
  EXPECT_FALSE(f.apply("=y").ok());
  EXPECT_FALSE(f.apply("gc=").ok());
  EXPECT_FALSE(f.apply("gc=y,").ok());
  EXPECT_EQ(f, before);
}

// ---- the opcode tables' feature column -------------------------------------------------------------

TEST(Features, OpcodeTableFeatureColumn) {
  size_t base = 0, post = 0;
  for (size_t i = 0; i < wasm::kNumOps; ++i) (wasm::kOpInfo[i].feature == Feature::none ? base : post)++;
  EXPECT_EQ(base, 201u);  // every non-SIMD instruction of Wasm 2.0
  EXPECT_GT(post, 0u);
  EXPECT_EQ(wasm::op_info(wasm::Op::return_call).feature, Feature::tail_call);
  EXPECT_EQ(wasm::op_info(wasm::Op::try_table).feature, Feature::exceptions);
  EXPECT_EQ(wasm::op_info(wasm::Op::delegate).feature, Feature::legacy_exceptions);
  EXPECT_EQ(wasm::op_info(wasm::Op::call_ref).feature, Feature::function_references);
  EXPECT_EQ(wasm::op_info(wasm::Op::i32_add).feature, Feature::none);
  EXPECT_EQ(wasm::op_info(wasm::Op::struct_new).feature, Feature::gc);
  EXPECT_EQ(wasm::op_from_fb(0x00, Features()), std::nullopt);
  EXPECT_EQ(wasm::op_from_fb(0x1E, Features().set(Feature::gc)), wasm::Op::i31_get_u);
  EXPECT_EQ(wasm::op_from_fb(0x1F, Features::all()), std::nullopt);
  // The lookups hide a feature's instructions unless asked for it.
  EXPECT_EQ(wasm::op_from_byte(0x12, Features()), std::nullopt);
  EXPECT_EQ(wasm::op_from_byte(0x12, Features().set(Feature::tail_call)), wasm::Op::return_call);
  EXPECT_EQ(wasm::op_from_byte(0x12, Features().set(Feature::gc)), std::nullopt);
  EXPECT_EQ(wasm::op_from_byte(0x12), wasm::Op::return_call);  // tail calls are on by default
  EXPECT_EQ(wasm::op_from_name("return_call", Features()), std::nullopt);
  EXPECT_EQ(wasm::op_from_name("try_table"), wasm::Op::try_table);  // exceptions are on by default
  EXPECT_EQ(wasm::op_from_name("try_table", Features()), std::nullopt);
  EXPECT_EQ(wasm::op_from_name("try_table", Features::all()), wasm::Op::try_table);
  EXPECT_EQ(wasm::op_from_byte(0x6A), wasm::Op::i32_add);

  size_t simd_base = 0, relaxed = 0;
  for (size_t i = 0; i < wasm::kNumSimdOps; ++i) {
    Feature f = wasm::kSimdOpInfo[i].feature;
    if (f == Feature::none) ++simd_base;
    else if (f == Feature::relaxed_simd) ++relaxed;
  }
  EXPECT_EQ(simd_base, 236u);
  EXPECT_EQ(relaxed, 20u);
  EXPECT_EQ(wasm::simd_op_from_code(0x100), wasm::SimdOp::i8x16_relaxed_swizzle);  // on by default
  EXPECT_EQ(wasm::simd_op_from_code(0x100, Features()), std::nullopt);
  EXPECT_EQ(wasm::simd_op_from_name("f32x4.relaxed_madd"), wasm::SimdOp::f32x4_relaxed_madd);
  EXPECT_EQ(wasm::simd_op_from_name("f32x4.relaxed_madd", Features()), std::nullopt);
}

// ---- the decoders ----------------------------------------------------------------------------------

void uleb(std::vector<uint8_t>& out, uint32_t v) {
  do {
    uint8_t b = v & 0x7F;
    v >>= 7;
    out.push_back(v ? (b | 0x80) : b);
  } while (v);
}

void section(std::vector<uint8_t>& out, uint8_t id, const std::vector<uint8_t>& contents) {
  out.push_back(id);
  uleb(out, uint32_t(contents.size()));
  out.insert(out.end(), contents.begin(), contents.end());
}

// A module with one function of type [] -> [] whose body (after the local declarations) is `code`.
std::vector<uint8_t> one_func(std::vector<uint8_t> code) {
  std::vector<uint8_t> m = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
  section(m, 1, {0x01, 0x60, 0x00, 0x00});
  section(m, 3, {0x01, 0x00});
  std::vector<uint8_t> body = {0x00};  // no locals
  body.insert(body.end(), code.begin(), code.end());
  std::vector<uint8_t> entry = {0x01};
  uleb(entry, uint32_t(body.size()));
  entry.insert(entry.end(), body.begin(), body.end());
  section(m, 10, entry);
  return m;
}

Result<void> validate_with(std::string_view settings, const std::vector<uint8_t>& bytes) {
  Config c;
  if (!settings.empty()) {
    EXPECT_TRUE(c.features.apply(settings).ok()) << settings;
  }
  return Module::validate(Engine(c), bytes);
}

void expect_error(const Result<void>& r, ErrorKind kind, std::string_view message) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, kind) << r.error().to_string();
  EXPECT_EQ(r.error().message, message);
}

TEST(Features, TailCallOnByDefaultRejectedOff) {
  std::vector<uint8_t> m = one_func({0x12, 0x00, 0x0B});  // return_call 0
  EXPECT_TRUE(validate_with("", m).ok());
  EXPECT_TRUE(validate_with("tail-call=y", m).ok());
  expect_error(validate_with("tail-call=n", m), ErrorKind::Malformed, "illegal opcode 0x12");
  expect_error(validate_with("tail-call=n,gc=y,exceptions=y", m), ErrorKind::Malformed, "illegal opcode 0x12");
  // return_call_indirect 0 0 without a table.
  expect_error(validate_with("tail-call=n", one_func({0x13, 0x00, 0x00, 0x0B})), ErrorKind::Malformed,
               "illegal opcode 0x13");
}

std::vector<uint8_t> module_with(uint8_t id, const std::vector<uint8_t>& contents);

TEST(Features, FunctionReferencesOnByDefaultRejectedOff) {
  // GC builds on typed references, so switching them off means switching GC off too.
  std::vector<uint8_t> m = one_func({0xD0, 0x70, 0xD4, 0x1A, 0x0B});  // ref.null func; ref.as_non_null; drop
  EXPECT_TRUE(validate_with("", m).ok());
  expect_error(validate_with("function-references=n,gc=n", m), ErrorKind::Malformed, "illegal opcode 0xd4");
  // call_ref 0 on (ref.null 0).
  EXPECT_TRUE(validate_with("", one_func({0xD0, 0x00, 0x14, 0x00, 0x0B})).ok());
  expect_error(validate_with("function-references=n,gc=n", one_func({0xD0, 0x00, 0x14, 0x00, 0x0B})),
               ErrorKind::Malformed, "malformed reference type");
  // (type (func (param (ref null func))))
  std::vector<uint8_t> t = module_with(1, {0x01, 0x60, 0x01, 0x63, 0x70, 0x00});
  EXPECT_TRUE(validate_with("", t).ok());
  expect_error(validate_with("function-references=n,gc=n", t), ErrorKind::Malformed, "malformed value type");
}

TEST(Features, UnsupportedPointsAtTheInstruction) {
  // An enabled but unimplemented instruction's error points at it, as an illegal opcode's does.
  std::vector<uint8_t> m = one_func({0xD3, 0x0B});  // ref.eq
  Result<void> off = validate_with("", m), on = validate_with("gc=y", m);
  ASSERT_FALSE(off.ok());
  ASSERT_FALSE(on.ok());
  EXPECT_EQ(off.error().offset, on.error().offset);
}

TEST(Features, GcInstructionsNeedTheFeature) {
  struct Case {
    std::vector<uint8_t> code;
    const char* off;
  };
  const Case cases[] = {
      {{0xD0, 0x71, 0xD0, 0x71, 0xD3, 0x1A, 0x0B}, "malformed heap type"},  // ref.eq of two ref.null none
      {{0x41, 0x05, 0xFB, 0x1C, 0x1A, 0x0B}, "illegal opcode 0xfb"},       // ref.i31 (i32.const 5)
      {{0xD3, 0x0B}, "illegal opcode 0xd3"},
  };
  for (const Case& c : cases) {
    std::vector<uint8_t> m = one_func(c.code);
    expect_error(validate_with("gc=n", m), ErrorKind::Malformed, c.off);
  }
  EXPECT_TRUE(validate_with("gc=y", one_func(cases[0].code)).ok());
  EXPECT_TRUE(validate_with("gc=y", one_func(cases[1].code)).ok());
  expect_error(validate_with("gc=y", one_func(cases[2].code)), ErrorKind::Invalid, "type mismatch");
  expect_error(validate_with("gc=y", one_func({0xFB, 0x18, 0x0B})), ErrorKind::Malformed,
               "malformed br_on_cast flags");
  expect_error(validate_with("gc=y", one_func({0xFB, 0x1F, 0x0B})), ErrorKind::Malformed, "illegal opcode 0xfb 0x1f");
}

// A body using a GC instruction translates eagerly (the feature is on by default).
TEST(Features, GcInstructionsTranslate) {
  Config c;
  c.lazy_translation = false;  // the function is not exported: translate it at instantiation
  Engine engine(c);
  Result<Module> mod = Module::compile(engine, one_func({0x41, 0x05, 0xFB, 0x1C, 0x1A, 0x0B}));  // ref.i31; drop
  ASSERT_TRUE(mod.ok()) << mod.error().to_string();
  Store store(engine);
  Result<Instance> inst = Instance::create(store, *mod, {});
  EXPECT_TRUE(inst.ok()) << inst.error().to_string();
}

TEST(Features, RelaxedSimd) {
  std::vector<uint8_t> code;
  for (int k = 0; k < 2; ++k) {
    code.insert(code.end(), {0xFD, 0x0C});
    code.insert(code.end(), 16, 0x00);
  }
  code.insert(code.end(), {0xFD, 0x80, 0x02, 0x1A, 0x0B});  // i8x16.relaxed_swizzle (0x100); drop; end
  std::vector<uint8_t> m = one_func(code);
  EXPECT_TRUE(validate_with("", m).ok());  // on by default
  EXPECT_TRUE(validate_with("relaxed-simd=y", m).ok());
  expect_error(validate_with("relaxed-simd=n", m), ErrorKind::Malformed, "illegal opcode 0xfd 0x100");
}

TEST(Features, GcPrefixWithGcOnButUnknownSubOpcode) {
  std::vector<uint8_t> m = one_func({0xFB, 0x7F, 0x0B});
  expect_error(validate_with("gc=n", m), ErrorKind::Malformed, "illegal opcode 0xfb");
  expect_error(validate_with("gc=y", m), ErrorKind::Malformed, "illegal opcode 0xfb 0x7f");
}

TEST(Features, ExtendedConst) {
  // (global i32 (i32.add (i32.const 1) (i32.const 2)))
  std::vector<uint8_t> m = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
  section(m, 6, {0x01, 0x7F, 0x00, 0x41, 0x01, 0x41, 0x02, 0x6A, 0x0B});
  expect_error(validate_with("extended-const=n", m), ErrorKind::Invalid, "constant expression required");
  EXPECT_TRUE(validate_with("", m).ok());  // on by default
  // A defined global is visible to the globals after it only with the feature.
  std::vector<uint8_t> g = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
  section(g, 6, {0x02, 0x7F, 0x00, 0x41, 0x01, 0x0B, 0x7F, 0x00, 0x23, 0x00, 0x0B});
  EXPECT_TRUE(validate_with("", g).ok());
  // GC lets constant expressions read any earlier immutable global too, so both must be off.
  expect_error(validate_with("extended-const=n,gc=n", g), ErrorKind::Invalid, "unknown global 0");
}

std::vector<uint8_t> module_with(uint8_t id, const std::vector<uint8_t>& contents) {
  std::vector<uint8_t> m = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
  section(m, id, contents);
  return m;
}

TEST(Features, MultiMemory) {
  // (memory 1) (memory 1): on by default, Wasm 2.0 has one memory.
  std::vector<uint8_t> m = module_with(5, {0x02, 0x00, 0x01, 0x00, 0x01});
  EXPECT_TRUE(validate_with("", m).ok());
  expect_error(validate_with("multi-memory=n", m), ErrorKind::Invalid, "multiple memories");
  // memory.size 1 with one memory: an unknown memory, or the reserved byte of 2.0.
  std::vector<uint8_t> f = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
  section(f, 1, {0x01, 0x60, 0x00, 0x01, 0x7F});
  section(f, 3, {0x01, 0x00});
  section(f, 5, {0x01, 0x00, 0x01});
  section(f, 10, {0x01, 0x04, 0x00, 0x3F, 0x01, 0x0B});
  expect_error(validate_with("", f), ErrorKind::Invalid, "unknown memory 1");
  expect_error(validate_with("multi-memory=n", f), ErrorKind::Malformed, "zero byte expected");
}

TEST(Features, TypesAndSectionsOfProposals) {
  // (type (func (param anyref))): GC's reference types decode with the feature on.
  std::vector<uint8_t> any = module_with(1, {0x01, 0x60, 0x01, 0x6E, 0x00});
  expect_error(validate_with("gc=n", any), ErrorKind::Malformed, "malformed value type");
  EXPECT_TRUE(validate_with("gc=y", any).ok());
  // (type (struct)): GC's type definitions likewise.
  std::vector<uint8_t> st = module_with(1, {0x01, 0x5F, 0x00});
  expect_error(validate_with("gc=n", st), ErrorKind::Malformed, "malformed function type");
  EXPECT_TRUE(validate_with("gc=y", st).ok());
}

// table64 comes with memory64: (table i64 1 funcref) decodes only with the feature.
TEST(Features, Table64LimitsNeedMemory64) {
  std::vector<uint8_t> t64 = module_with(4, {0x01, 0x70, 0x04, 0x01});
  expect_error(validate_with("memory64=n", t64), ErrorKind::Malformed, "integer too large");
  EXPECT_TRUE(validate_with("memory64=y", t64).ok());
}

// Exceptions are complete: on by default, and each encoding rejected when switched off.
TEST(Features, ExceptionsOnByDefaultRejectedOff) {
  std::vector<uint8_t> thr = one_func({0x08, 0x00, 0x0B});  // throw 0 (no tag: invalid when on)
  expect_error(validate_with("", thr), ErrorKind::Invalid, "unknown tag 0");
  expect_error(validate_with("legacy-exceptions=n", thr), ErrorKind::Invalid, "unknown tag 0");  // in both
  expect_error(validate_with("exceptions=n,legacy-exceptions=n", thr), ErrorKind::Malformed, "illegal opcode 0x08");
  std::vector<uint8_t> tt = one_func({0x1F, 0x40, 0x00, 0x0B, 0x0B});  // try_table end
  EXPECT_TRUE(validate_with("", tt).ok());
  expect_error(validate_with("exceptions=n", tt), ErrorKind::Malformed, "illegal opcode 0x1f");
  std::vector<uint8_t> tr = one_func({0x06, 0x40, 0x0B, 0x0B});  // try end
  EXPECT_TRUE(validate_with("", tr).ok());
  expect_error(validate_with("legacy-exceptions=n", tr), ErrorKind::Malformed, "illegal opcode 0x06");
  std::vector<uint8_t> tags = module_with(13, {0x01, 0x00, 0x00});  // a tag section with (tag) of type 0
  expect_error(validate_with("", tags), ErrorKind::Invalid, "unknown type 0");
  expect_error(validate_with("exceptions=n,legacy-exceptions=n", tags), ErrorKind::Malformed,
               "malformed section id");
  std::vector<uint8_t> imp = module_with(2, {0x01, 0x01, 'm', 0x01, 't', 0x04, 0x00, 0x00});  // tag import
  expect_error(validate_with("exceptions=n,legacy-exceptions=n", imp), ErrorKind::Malformed, "malformed import kind");
}

TEST(Features, Wasm20UnaffectedByFeatures) {
  std::vector<uint8_t> m = one_func({0x41, 0x01, 0x1A, 0x0B});  // i32.const 1; drop
  EXPECT_TRUE(validate_with("", m).ok());
  EXPECT_TRUE(validate_with("all-proposals=y", m).ok());
  // An opcode no proposal assigns stays illegal with everything on.
  expect_error(validate_with("all-proposals=y", one_func({0x27, 0x0B})), ErrorKind::Malformed,
               "illegal opcode 0x27");
}

TEST(Features, TextKnowsEveryFeaturesInstructions) {
  // The text format encodes the instructions of every feature; the decoder checks which are enabled.
  EXPECT_TRUE(text::wat_to_wasm("(module (type (struct)) (func struct.new 0 drop))").ok());  // GC
  EXPECT_TRUE(text::wat_to_wasm("(module (func return_call 0))").ok());  // tail calls: implemented
  EXPECT_TRUE(text::wat_to_wasm("(module (tag) (func throw 0))").ok());  // exceptions: implemented
  EXPECT_TRUE(text::wat_to_wasm("(module (type (func)) (func (param (ref null 0)) (call_ref 0 (local.get 0))))").ok());
}

}  // namespace
}  // namespace wisp
