// WAT to binary: module fields, implicit types, folded/flat instructions, text-level errors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/wat.h"

namespace wisp::text {
namespace {

using Bytes = std::vector<uint8_t>;

Bytes wat(std::string_view src) {
  auto r = wat_to_wasm(src);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message) << "\n" << src;
  return r.ok() ? *r : Bytes{};
}

std::string wat_error(std::string_view src) {
  auto r = wat_to_wasm(src);
  EXPECT_FALSE(r.ok()) << src;
  if (r.ok()) return "";
  EXPECT_EQ(r.error().kind, ErrorKind::Malformed);
  return r.error().message;
}

// Returns the payload of section `id` (empty if absent); the module must be well-formed at section level.
Bytes section(const Bytes& m, uint8_t id) {
  size_t p = 8;
  while (p < m.size()) {
    uint8_t sid = m[p++];
    uint32_t size = 0;
    unsigned shift = 0;
    while (m[p] & 0x80) size |= uint32_t(m[p++] & 0x7F) << shift, shift += 7;
    size |= uint32_t(m[p++]) << shift;
    if (sid == id) return Bytes(m.begin() + long(p), m.begin() + long(p + size));
    p += size;
  }
  return {};
}

TEST(TextWat, EmptyModule) {
  Bytes header = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
  EXPECT_EQ(wat("(module)"), header);
  EXPECT_EQ(wat(""), header);
  EXPECT_EQ(wat("(module $m)"), header);
}

TEST(TextWat, SimpleFunction) {
  Bytes m = wat("(module (func (export \"add\") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))");
  EXPECT_EQ(section(m, 1), (Bytes{0x01, 0x60, 0x02, 0x7F, 0x7F, 0x01, 0x7F}));
  EXPECT_EQ(section(m, 3), (Bytes{0x01, 0x00}));
  EXPECT_EQ(section(m, 7), (Bytes{0x01, 0x03, 'a', 'd', 'd', 0x00, 0x00}));
  EXPECT_EQ(section(m, 10), (Bytes{0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6A, 0x0B}));
}

TEST(TextWat, FoldedEqualsFlat) {
  Bytes flat = wat(R"((module (func $f (param $x i32) (result i32) (local $y i64)
      local.get $x i32.const 1 i32.add
      block $b (result i32) i32.const 2 br $b end
      i32.add
      local.get $x
      if (result i32) i32.const 3 else i32.const 4 end
      i32.mul
      i32.const 0 i32.load offset=8 align=2 drop)))");
  Bytes folded = wat(R"((module (func $f (param $x i32) (result i32) (local $y i64)
      (i32.mul
        (i32.add (i32.add (local.get $x) (i32.const 1)) (block $b (result i32) (br $b (i32.const 2))))
        (if (result i32) (local.get $x) (then (i32.const 3)) (else (i32.const 4))))
      (drop (i32.load offset=8 align=2 (i32.const 0))))))");
  // The bodies differ only in where br's operand is pushed; compare the outer structure instead.
  Bytes flat2 = wat(R"((module (func $f (param $x i32) (result i32) (local $y i64)
      local.get $x i32.const 1 i32.add
      block $b (result i32) i32.const 2 br $b end
      i32.add
      local.get $x
      if (result i32) i32.const 3 else i32.const 4 end
      i32.mul
      i32.const 0 i32.load offset=8 align=2 drop)))");
  EXPECT_EQ(flat, flat2);
  EXPECT_EQ(folded, flat);
}

TEST(TextWat, ImplicitTypesAreReusedOrAppended) {
  Bytes m = wat(R"((module
    (type $t (func (param i32)))
    (func (param i32))                 ;; reuses $t
    (func (result f64) (f64.const 0))  ;; appends type 1
    (func (result f64) (f64.const 1))  ;; reuses type 1
    (type (func (result i64)))         ;; explicit: index 1, implicit ones come after
  ))");
  Bytes types = section(m, 1);
  EXPECT_EQ(types, (Bytes{0x03, 0x60, 0x01, 0x7F, 0x00, 0x60, 0x00, 0x01, 0x7E, 0x60, 0x00, 0x01, 0x7C}));
  EXPECT_EQ(section(m, 3), (Bytes{0x03, 0x00, 0x02, 0x02}));
}

TEST(TextWat, MultiValueBlockTypeUsesTypeIndex) {
  Bytes m = wat("(module (func (result i32 i32) (block (result i32 i32) (i32.const 1) (i32.const 2))))");
  EXPECT_EQ(section(m, 1), (Bytes{0x01, 0x60, 0x00, 0x02, 0x7F, 0x7F}));
  Bytes code = section(m, 10);
  // body: 0 locals, block type 0, i32.const 1, i32.const 2, end, end
  EXPECT_EQ(code, (Bytes{0x01, 0x09, 0x00, 0x02, 0x00, 0x41, 0x01, 0x41, 0x02, 0x0B, 0x0B}));
}

TEST(TextWat, LabelsResolveToDepthsWithShadowing) {
  Bytes m = wat("(module (func (block $a (block $b (block $a (br $a) (br $b) (br 2) (br_table $a $b 0))))))");
  Bytes code = section(m, 10);
  Bytes expect = {0x01, 0x16, 0x00, 0x02, 0x40, 0x02, 0x40, 0x02, 0x40, 0x0C, 0x00, 0x0C, 0x01, 0x0C, 0x02,
                  0x0E, 0x02, 0x00, 0x01, 0x00, 0x0B, 0x0B, 0x0B, 0x0B};
  EXPECT_EQ(code, expect);
}

TEST(TextWat, IllTypedModuleStillEncodes) {
  // Type errors belong to the validator, not the text parser.
  wat("(module (func (result i32) (i64.const 0)))");
  wat("(module (func (call 7)))");
  wat("(module (func (type 9)))");
  wat("(module (func (local.get 3)))");
}

TEST(TextWat, ImportsExportsAndInlineForms) {
  Bytes m = wat(R"((module
    (import "m" "f" (func $f (param i32)))
    (func $g (export "g1") (export "g2") (import "m" "g") (result i32))
    (memory $mem (export "mem") 1 2)
    (table $t 0 funcref)
    (global $gl (mut i64) (i64.const -1))
    (export "gl" (global $gl))
    (start $h)
    (func $h (call $f (i32.const 0)))
  ))");
  Bytes imports = section(m, 2);
  ASSERT_FALSE(imports.empty());
  EXPECT_EQ(imports[0], 2);
  Bytes exports = section(m, 7);
  EXPECT_EQ(exports[0], 4);
  EXPECT_EQ(section(m, 8), (Bytes{0x02}));
  EXPECT_EQ(section(m, 5), (Bytes{0x01, 0x01, 0x01, 0x02}));
  EXPECT_EQ(section(m, 6), (Bytes{0x01, 0x7E, 0x01, 0x42, 0x7F, 0x0B}));
}

TEST(TextWat, ImportedFunctionsMayNameParams) {
  EXPECT_EQ(wat("(module (func $f (import \"m\" \"f\") (param $x i32)))"),
            wat("(module (import \"m\" \"f\" (func (param i32))))"));
  EXPECT_EQ(wat("(module (import \"m\" \"f\" (func $f (param $x i32))))"),
            wat("(module (import \"m\" \"f\" (func (param i32))))"));
}

TEST(TextWat, TableAndMemoryAbbreviations) {
  Bytes m = wat(R"((module
    (func $a) (func $b)
    (table funcref (elem $a $b $a))
    (memory (data "hello" "!"))
  ))");
  EXPECT_EQ(section(m, 4), (Bytes{0x01, 0x70, 0x01, 0x03, 0x03}));
  EXPECT_EQ(section(m, 5), (Bytes{0x01, 0x01, 0x01, 0x01}));
  EXPECT_EQ(section(m, 9), (Bytes{0x01, 0x02, 0x00, 0x41, 0x00, 0x0B, 0x00, 0x03, 0x00, 0x01, 0x00}));
  Bytes data = section(m, 11);
  EXPECT_EQ(data, (Bytes{0x01, 0x02, 0x00, 0x41, 0x00, 0x0B, 0x06, 'h', 'e', 'l', 'l', 'o', '!'}));
  EXPECT_TRUE(section(m, 12).empty());  // no memory.init / data.drop: no data count section
  Bytes dc = wat("(module (memory 1) (data \"x\") (func (data.drop 0)))");
  EXPECT_EQ(section(dc, 12), (Bytes{0x01}));
}

TEST(TextWat, ElemSegmentForms) {
  Bytes m = wat(R"((module
    (table $t 10 funcref)
    (func $f)
    (elem (i32.const 0) $f)
    (elem func $f)
    (elem declare func $f)
    (elem (table $t) (offset (i32.const 1)) func $f)
    (elem funcref (ref.func $f) (item ref.null func))
    (elem $e externref)
  ))");
  Bytes e = section(m, 9);
  Bytes expect = {0x06,
                  0x00, 0x41, 0x00, 0x0B, 0x01, 0x00,
                  0x01, 0x00, 0x01, 0x00,
                  0x03, 0x00, 0x01, 0x00,
                  0x02, 0x00, 0x41, 0x01, 0x0B, 0x00, 0x01, 0x00,
                  0x05, 0x70, 0x02, 0xD2, 0x00, 0x0B, 0xD0, 0x70, 0x0B,
                  0x05, 0x6F, 0x00};
  EXPECT_EQ(e, expect);
}

TEST(TextWat, InstructionImmediates) {
  Bytes m = wat(R"((module
    (type $v (func))
    (table 1 funcref) (memory 1)
    (func
      (call_indirect (type $v) (i32.const 0))
      (drop (select (result i32) (i32.const 1) (i32.const 2) (i32.const 3)))
      (drop (ref.null extern))
      (memory.fill (i32.const 0) (i32.const 0) (i32.const 0))
      (table.copy (i32.const 0) (i32.const 0) (i32.const 0))
      (i64.store32 (i32.const 0) (i64.const 0))
      (drop (f32.const -0x1p-1))
      (drop (i32.const 0xffff_ffff))
      (drop (i64.const -9223372036854775808))
    )))");
  Bytes code = section(m, 10);
  Bytes expect = {0x01, 0x43, 0x00,
                  0x41, 0x00, 0x11, 0x00, 0x00,
                  0x41, 0x01, 0x41, 0x02, 0x41, 0x03, 0x1C, 0x01, 0x7F, 0x1A,
                  0xD0, 0x6F, 0x1A,
                  0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0B, 0x00,
                  0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0E, 0x00, 0x00,
                  0x41, 0x00, 0x42, 0x00, 0x3E, 0x02, 0x00,
                  0x43, 0x00, 0x00, 0x00, 0xBF, 0x1A,
                  0x41, 0x7F, 0x1A,
                  0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F, 0x1A,
                  0x0B};
  EXPECT_EQ(code, expect);
}

TEST(TextWat, BinaryAndQuoteModules) {
  EXPECT_EQ(wat("(module binary \"\\00asm\" \"\\01\\00\\00\\00\")"),
            (Bytes{0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00}));
  EXPECT_EQ(wat("(module quote \"(func)\")"), wat("(module (func))"));
  EXPECT_EQ(wat("(func) (memory 1)"), wat("(module (func) (memory 1))"));
}

// Older compilers emit the pre-standard names; wisp accepts them by default and encodes the same
// opcodes, while the spec scripts' strict dialect rejects them as unknown operators.
TEST(TextWat, LegacyNames) {
  const char* legacy =
      "(module (global $g (mut i32) (i32.const 0)) (memory 1)"
      " (func (param i32) (result i32) (local i32)"
      "  (set_local 1 (get_local 0)) (set_global $g (tee_local 1 (get_local 1)))"
      "  (drop (grow_memory (current_memory))) (get_global $g)))";
  const char* standard =
      "(module (global $g (mut i32) (i32.const 0)) (memory 1)"
      " (func (param i32) (result i32) (local i32)"
      "  (local.set 1 (local.get 0)) (global.set $g (local.tee 1 (local.get 1)))"
      "  (drop (memory.grow (memory.size))) (global.get $g)))";
  EXPECT_EQ(wat(legacy), wat(standard));
  EXPECT_EQ(wat("(module (func (param i64) (result i32) (i32.wrap/i64 (get_local 0))))"),
            wat("(module (func (param i64) (result i32) (i32.wrap_i64 (local.get 0))))"));
  auto strict = wat_to_wasm("(module (func (local i32) (drop (get_local 0))))", kScriptDialect);
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(strict.error().message.find("unknown operator"), std::string::npos);
}

TEST(TextWat, TextLevelErrors) {
  EXPECT_NE(wat_error("(module (func (br $nope)))").find("unknown label"), std::string::npos);
  EXPECT_NE(wat_error("(module (func (call $nope)))").find("unknown function"), std::string::npos);
  EXPECT_NE(wat_error("(module (func (i32.const 0x1_0000_0000)))").find("constant out of range"), std::string::npos);
  EXPECT_NE(wat_error("(module (func (i32.const 0x)))").find("unknown operator"), std::string::npos);
  EXPECT_NE(wat_error("(module (func (i32.frob)))").find("unknown operator"), std::string::npos);
  EXPECT_NE(wat_error("(module (func) (import \"m\" \"f\" (func)))").find("import after function"),
            std::string::npos);
  EXPECT_NE(wat_error("(module (memory 1) (memory $m (import \"a\" \"b\") 1))").find("import after memory"),
            std::string::npos);
  EXPECT_NE(wat_error("(module (func $f) (func $f))").find("duplicate func"), std::string::npos);
  EXPECT_NE(wat_error("(module (func (export \"a\") (import \"m\" \"f\")) (func (import \"m\" \"f\") (export \"a\")))")
                .find("unexpected token"),
            std::string::npos);
  EXPECT_NE(wat_error("(module (func (param $x i32) (local $x i32)))").find("duplicate local"), std::string::npos);
  EXPECT_NE(wat_error("(module (func (result i32) (param i32)))").find("unexpected token"), std::string::npos);
  EXPECT_NE(wat_error("(module (func block $a end $b))").find("mismatching label"), std::string::npos);
  EXPECT_NE(wat_error("(module (memory 1) (func (drop (i32.load align=3 (i32.const 0)))))").find("alignment"),
            std::string::npos);
  EXPECT_NE(wat_error("(module (type $t (func)) (func (type $t) (param i32)))").find("inline function type"),
            std::string::npos);
  EXPECT_NE(wat_error("(module (start 0) (start 0) (func))").find("multiple start"), std::string::npos);
  EXPECT_NE(wat_error("(module (func (export \"\\ff\")))").find("malformed UTF-8"), std::string::npos);
  // Limits are u64 in the text (Wasm 3.0: a 32-bit memory's range is the validator's), so only a
  // bound past 2^64 is a text error.
  EXPECT_NE(wat_error("(module (memory 0x1_0000_0000_0000_0000))").find("constant out of range"), std::string::npos);
  EXPECT_NE(wat_error("(module (table i64 0x1_0000_0000_0000_0000 funcref))").find("i64 constant out of range"),
            std::string::npos);
  std::string pos = wat_error("(module\n  (func\n    (nop) (bogus)))");
  EXPECT_EQ(pos.rfind("3:12:", 0), 0u) << pos;
}

}  // namespace
}  // namespace wisp::text

namespace wisp::text {
namespace {

TEST(TextWatSimd, ConstantsLanesAndMemargs) {
  Bytes m = wat(R"((module (memory 1) (func (result v128)
    (v128.const i32x4 1 -1 0x10 0)
    (v128.const f32x4 1 -0 inf nan)
    (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31)
    (i32x4.extract_lane 3) (i32x4.splat)
    (v128.load (i32.const 0)) (v128.load8_lane offset=2 7) drop drop
    (v128.load32_splat align=2 (i32.const 0)) i64x2.add)))");
  Bytes code = section(m, 10);
  Bytes expect = {0x01, 0x53, 0x00,
                  0xFD, 0x0C, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x10, 0, 0, 0, 0, 0, 0, 0,
                  0xFD, 0x0C, 0, 0, 0x80, 0x3F, 0, 0, 0, 0x80, 0, 0, 0x80, 0x7F, 0, 0, 0xC0, 0x7F,
                  0xFD, 0x0D, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31,
                  0xFD, 0x1B, 3, 0xFD, 0x11,
                  0x41, 0x00, 0xFD, 0x00, 0x04, 0x00,
                  0xFD, 0x54, 0x00, 0x02, 7,
                  0x1A, 0x1A,
                  0x41, 0x00, 0xFD, 0x09, 0x01, 0x00,
                  0xFD, 0xCE, 0x01,
                  0x0B};
  EXPECT_EQ(code, expect);
}

TEST(TextWatSimd, Errors) {
  EXPECT_NE(wat_error("(module (func (drop (v128.const i32x4 1 2 3))))").find("wrong number of lane literals"),
            std::string::npos);
  EXPECT_NE(wat_error("(module (func (drop (v128.const i16x8 0 0 0 0 0 0 0 65536))))").find("constant out of range"),
            std::string::npos);
  EXPECT_NE(wat_error("(module (func (param v128) (drop (i8x16.shuffle 0 1 (local.get 0) (local.get 0)))))")
                .find("invalid lane length"),
            std::string::npos);
  EXPECT_NE(wat_error("(module (func (param v128) (drop (i32x4.extract_lane 256 (local.get 0)))))")
                .find("malformed lane index"),
            std::string::npos);
  EXPECT_NE(wat_error("(module (func (param v128) (drop (i32x4.extract_lane 1.5 (local.get 0)))))")
                .find("unexpected token"),
            std::string::npos);
}

}  // namespace
}  // namespace wisp::text

namespace wisp::text {
namespace {

// Section ids in file order, custom sections as their names.
std::vector<std::string> section_order(const Bytes& m) {
  std::vector<std::string> out;
  size_t p = 8;
  while (p < m.size()) {
    uint8_t sid = m[p++];
    uint32_t size = 0;
    unsigned shift = 0;
    while (m[p] & 0x80) size |= uint32_t(m[p++] & 0x7F) << shift, shift += 7;
    size |= uint32_t(m[p++]) << shift;
    if (sid == 0) out.emplace_back(reinterpret_cast<const char*>(&m[p + 1]), m[p]);
    else out.push_back(std::to_string(sid));
    p += size;
  }
  return out;
}

TEST(TextWat, AnnotationsAreIgnored) {
  EXPECT_EQ(wat("((@a) module (@a x \"y\" (z)) (@b) (func (@c) (param (@d) i32) (@e) nop))"),
            wat("(module (func (param i32) nop))"));
  EXPECT_EQ(wat("(module (func $\"a b\") (func (call $\"a b\") (call 0)))"),
            wat("(module (func $ab) (func (call $ab) (call 0)))"));
}

TEST(TextWat, CustomAnnotationsBecomeSectionsInPlace) {
  Bytes m = wat(R"((module
    (@custom "last" "L")
    (@custom "before-global" (before global) "G" "H")
    (@custom "after-func" (after func) "F")
    (@custom "first" (before first) "0")
    (@custom "after-data" (after data))
    (type (func)) (func (type 0)) (global i32 (i32.const 0))))");
  EXPECT_EQ(section_order(m), (std::vector<std::string>{"first", "1", "3", "after-func", "before-global", "6", "10",
                                                        "after-data", "last"}));
  // Bare fields too.
  EXPECT_EQ(section_order(wat("(@custom \"x\" \"y\") (func)")), (std::vector<std::string>{"1", "3", "10", "x"}));
  EXPECT_NE(wat_error("(module (func (@custom \"x\")))").find("misplaced @custom annotation"), std::string::npos);
  EXPECT_NE(wat_error("(@custom \"x\" (after types))").find("malformed section kind"), std::string::npos);
  EXPECT_NE(wat_error("(@custom \"x\" (aft type))").find("malformed placement"), std::string::npos);
  EXPECT_NE(wat_error("(@custom x)").find("missing section name"), std::string::npos);
  EXPECT_NE(wat_error("(@custom \"x\" y)").find("unexpected token"), std::string::npos);
}

TEST(TextWat, NameAnnotationsBecomeTheNameSection) {
  Bytes m = wat("(module (@name \"M\") (import \"a\" \"b\" (func (@name \"i\"))) (func $f (@name \"f\")))");
  EXPECT_EQ(section_order(m).back(), "name");
  Bytes names = section(m, 0);
  Bytes want = {4, 'n', 'a', 'm', 'e', 0, 2, 1, 'M', 1, 7, 2, 0, 1, 'i', 1, 1, 'f'};
  EXPECT_EQ(names, want);
  Bytes locals = section(wat("(module (type (func (param i32))) (func (type 0) (local (@name \"q\") i32)) "
                             "(func (param (@name \"p\") i32)))"), 0);
  Bytes want_locals = {4, 'n', 'a', 'm', 'e', 2, 11, 2, 0, 1, 1, 1, 'q', 1, 1, 0, 1, 'p'};
  EXPECT_EQ(locals, want_locals);
  EXPECT_NE(wat_error("(module (@name \"a\") (@name \"b\"))").find("multiple module"), std::string::npos);
  EXPECT_NE(wat_error("(module (func) (@name \"a\"))").find("misplaced @name"), std::string::npos);
  EXPECT_NE(wat_error("(module (start 0 (@name \"a\")) (func))").find("misplaced @name"), std::string::npos);
}

TEST(TextWat, BranchHintsBecomeTheirSection) {
  std::string name = "metadata.code.branch_hint";
  Bytes want = {uint8_t(name.size())};
  want.insert(want.end(), name.begin(), name.end());
  // Offsets within the body, locals included: if at 3, br_if at 8 (and the same flat or folded).
  Bytes hints = {1, 0, 2, 3, 1, 1, 8, 1, 0};
  want.insert(want.end(), hints.begin(), hints.end());
  Bytes flat = wat("(func (param i32) local.get 0 (@metadata.code.branch_hint \"\\01\") if end "
                   "i32.const 0 (@metadata.code.branch_hint \"\\00\") br_if 0)");
  EXPECT_EQ(section(flat, 0), want);
  EXPECT_EQ(section_order(flat), (std::vector<std::string>{"1", "3", name, "10"}));
  Bytes folded = wat("(func (param i32) (@metadata.code.branch_hint \"\\01\") (if (local.get 0) (then)) "
                     "(@metadata.code.branch_hint \"\\00\") (br_if 0 (i32.const 0)))");
  EXPECT_EQ(section(folded, 0), want);
  EXPECT_NE(wat_error("(func i32.const 0 (@metadata.code.branch_hint \"\\01\") (@metadata.code.branch_hint \"\\01\") "
                      "br_if 0)").find("duplicate annotation"), std::string::npos);
  EXPECT_NE(wat_error("(@metadata.code.branch_hint \"\\01\") (func)").find("not in a function"), std::string::npos);
  auto r = wat_to_wasm("(func (@metadata.code.branch_hint \"\\01\") nop)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Invalid);
  EXPECT_NE(r.error().message.find("invalid target"), std::string::npos);
}

}  // namespace
}  // namespace wisp::text
