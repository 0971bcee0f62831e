#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "binary/byte_reader.h"
#include "binary/module_decoder.h"
#include "binary/type_reader.h"
#include "binary_test_builder.h"

namespace {

using namespace wisp::testing;
using wisp::ErrorKind;
using wisp::binary::decode_module;
using wisp::wasm::ValType;

// Decodes `b` (with `features`) and expects a Malformed error with exactly `msg`; returns the error offset.
uint64_t expect_malformed(const Bytes& b, const std::string& msg,
                          wisp::Features features = wisp::Features::defaults()) {
  auto r = decode_module(b, features);
  EXPECT_FALSE(r.ok()) << "expected '" << msg << "'";
  if (r.ok()) return 0;
  EXPECT_EQ(r.error().kind, ErrorKind::Malformed);
  EXPECT_EQ(r.error().message, msg);
  return r.error().offset;
}

const Bytes kTypeVoid = section(1, vec({{0x60, 0x00, 0x00}}));

TEST(BinaryDecoder, EmptyModule) {
  auto r = decode_module(header());
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto& m = **r;
  EXPECT_EQ(m.bytes.size(), 8u);
  EXPECT_TRUE(m.types.empty());
  EXPECT_TRUE(m.func_types.empty());
  EXPECT_TRUE(m.sections.empty());
  EXPECT_FALSE(m.start.has_value());
  EXPECT_FALSE(m.data_count.has_value());
}

TEST(BinaryDecoder, FullModule) {
  Bytes name_contents = cat({
      Bytes{0x00}, uleb(name("mod").size()), name("mod"),
      Bytes{0x01}, uleb(vec({cat({uleb(1), name("run_fn")})}).size()), vec({cat({uleb(1), name("run_fn")})}),
      Bytes{0x02}, uleb(vec({cat({uleb(1), vec({cat({uleb(0), name("a")})})})}).size()),
      vec({cat({uleb(1), vec({cat({uleb(0), name("a")})})})}),
  });
  Bytes bytes = module({
      section(1, vec({{0x60, 0x00, 0x00}, {0x60, 0x01, 0x7F, 0x01, 0x7E}})),
      section(2, vec({cat({name("env"), name("f"), Bytes{0x00, 0x01}}),
                      cat({name("env"), name("t"), Bytes{0x01, 0x70, 0x01, 0x01, 0x0A}}),
                      cat({name("env"), name("m"), Bytes{0x02, 0x00, 0x01}}),
                      cat({name("env"), name("g"), Bytes{0x03, 0x7F, 0x00}})})),
      section(3, vec({{0x00}, {0x01}, {0x00}})),
      section(4, vec({{0x6F, 0x00, 0x02}})),
      section(6, vec({{0x7F, 0x01, 0x41, 0x2A, 0x0B}, {0x70, 0x00, 0xD2, 0x02, 0x0B}})),
      section(7, vec({cat({name("run"), Bytes{0x00, 0x01}}), cat({name("mem"), Bytes{0x02, 0x00}})})),
      section(8, uleb(1)),
      section(9, vec({cat({Bytes{0x00, 0x41, 0x00, 0x0B}, vec({{0x00}})}),
                      cat({Bytes{0x05, 0x70}, vec({{0xD2, 0x01, 0x0B}, {0xD0, 0x70, 0x0B}})}),
                      cat({Bytes{0x03, 0x00}, vec({{0x02}})})})),
      section(12, uleb(2)),
      section(10, vec({func_body({0x02, 0x02, 0x7F, 0x01, 0x7E, 0x0B}), func_body({0x00, 0x42, 0x07, 0x0B}),
                       func_body({0x00, 0x0B})})),
      section(11, vec({cat({Bytes{0x00, 0x41, 0x08, 0x0B}, name("hi")}), cat({Bytes{0x01}, name("xyz")})})),
      section(0, cat({name("name"), name_contents})),
      section(0, cat({name("other"), Bytes{1, 2, 3}})),
  });
  auto r = decode_module(bytes);
  ASSERT_TRUE(r.ok()) << r.error().message << " at " << r.error().offset;
  const auto& m = **r;
  EXPECT_EQ(m.bytes, bytes);

  ASSERT_EQ(m.types.size(), 2u);
  EXPECT_TRUE(m.types[0].params.empty());
  EXPECT_EQ(m.types[1].params, std::vector<ValType>{ValType::i32()});
  EXPECT_EQ(m.types[1].results, std::vector<ValType>{ValType::i64()});

  ASSERT_EQ(m.imports.size(), 4u);
  EXPECT_EQ(m.imports[0].module, "env");
  EXPECT_EQ(m.imports[0].name, "f");
  EXPECT_EQ(m.imports[0].func_type, 1u);
  EXPECT_EQ(m.imports[1].kind, wisp::wasm::ExternKind::table);
  EXPECT_EQ(m.imports[1].table.limits.min, 1u);
  EXPECT_EQ(m.imports[1].table.limits.max, 10u);
  EXPECT_EQ(m.imports[2].memory.limits.min, 1u);
  EXPECT_FALSE(m.imports[2].memory.limits.max.has_value());
  EXPECT_EQ(m.imports[3].global.type, ValType::i32());
  EXPECT_FALSE(m.imports[3].global.mut);

  EXPECT_EQ(m.num_imported_funcs, 1u);
  EXPECT_EQ(m.num_imported_tables, 1u);
  EXPECT_EQ(m.num_imported_memories, 1u);
  EXPECT_EQ(m.num_imported_globals, 1u);
  EXPECT_EQ(m.func_types, (std::vector<uint32_t>{1, 0, 1, 0}));
  ASSERT_EQ(m.tables.size(), 2u);
  EXPECT_EQ(m.tables[1].elem, ValType::externref());
  EXPECT_EQ(m.tables[1].limits.min, 2u);
  EXPECT_EQ(m.memories.size(), 1u);

  ASSERT_EQ(m.globals.size(), 3u);
  ASSERT_EQ(m.global_inits.size(), 2u);
  EXPECT_TRUE(m.global_inits[0].type.mut);
  EXPECT_EQ(m.global_inits[0].init.code, (Bytes{0x41, 0x2A, 0x0B}));
  EXPECT_EQ(m.global_inits[1].type.type, ValType::funcref());
  EXPECT_EQ(m.global_inits[1].init.code, (Bytes{0xD2, 0x02, 0x0B}));

  ASSERT_EQ(m.exports.size(), 2u);
  EXPECT_EQ(m.exports[0].name, "run");
  EXPECT_EQ(m.exports[0].index, 1u);
  EXPECT_EQ(m.exports[1].kind, wisp::wasm::ExternKind::memory);
  EXPECT_EQ(m.start, 1u);

  ASSERT_EQ(m.elems.size(), 3u);
  EXPECT_EQ(m.elems[0].mode, wisp::wasm::SegmentMode::active);
  EXPECT_EQ(m.elems[0].offset.code, (Bytes{0x41, 0x00, 0x0B}));
  EXPECT_EQ(m.elems[0].func_indices, std::vector<uint32_t>{0});
  // Function indices: (ref func) with typed function references (on by default).
  EXPECT_EQ(m.elems[0].type, ValType::ref(uint32_t(wisp::wasm::HeapKind::func), false));
  EXPECT_EQ(m.elems[1].mode, wisp::wasm::SegmentMode::passive);
  EXPECT_TRUE(m.elems[1].uses_exprs);
  ASSERT_EQ(m.elems[1].exprs.size(), 2u);
  EXPECT_EQ(m.elems[1].exprs[1].code, (Bytes{0xD0, 0x70, 0x0B}));
  EXPECT_EQ(m.elems[2].mode, wisp::wasm::SegmentMode::declarative);
  EXPECT_EQ(m.elems[2].size(), 1u);

  EXPECT_EQ(m.data_count, 2u);
  ASSERT_EQ(m.datas.size(), 2u);
  EXPECT_EQ(m.datas[0].offset.code, (Bytes{0x41, 0x08, 0x0B}));
  EXPECT_EQ(m.datas[0].bytes, (Bytes{'h', 'i'}));
  EXPECT_EQ(m.datas[1].mode, wisp::wasm::SegmentMode::passive);
  EXPECT_EQ(m.datas[1].bytes, (Bytes{'x', 'y', 'z'}));

  ASSERT_EQ(m.bodies.size(), 3u);
  EXPECT_EQ(m.bodies[0].type_index, 0u);
  ASSERT_EQ(m.bodies[0].locals.size(), 2u);
  EXPECT_EQ(m.bodies[0].locals[0].count, 2u);
  EXPECT_EQ(m.bodies[0].locals[1].type, ValType::i64());
  EXPECT_EQ(m.bodies[0].num_locals, 3u);
  EXPECT_EQ(m.bodies[0].body_end - m.bodies[0].body_offset, 1u);
  EXPECT_EQ(m.bodies[1].type_index, 1u);
  EXPECT_EQ(Bytes(m.bytes.begin() + m.bodies[1].body_offset, m.bytes.begin() + m.bodies[1].body_end),
            (Bytes{0x42, 0x07, 0x0B}));
  EXPECT_EQ(m.bytes[m.bodies[1].entry_offset], 4u);  // the entry's size field
  for (const auto& b : m.bodies) EXPECT_EQ(m.bytes[b.body_end - 1], 0x0B);

  // Sections in file order, custom ones included.
  std::vector<uint8_t> ids;
  for (const auto& s : m.sections) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<uint8_t>{1, 2, 3, 4, 6, 7, 8, 9, 12, 10, 11, 0, 0}));
  EXPECT_EQ(m.sections[0].offset, 8u);
  EXPECT_EQ(m.sections[0].contents_offset, 10u);

  ASSERT_EQ(m.customs.size(), 2u);
  EXPECT_EQ(m.customs[1].name, "other");
  EXPECT_EQ(m.customs[1].size, 3u);
  EXPECT_EQ(m.bytes[m.customs[1].offset], 1u);

  EXPECT_EQ(m.names.module_name, "mod");
  EXPECT_EQ(m.func_name(1), "run_fn");
  EXPECT_EQ(m.func_name(2), "");
  EXPECT_EQ(m.names.locals.at(1).at(0), "a");

  // C.refs: exports (1), element segments (0, 1, 2) and global initialisers (2); not function 3.
  EXPECT_EQ(m.declared_funcs, (std::vector<bool>{true, true, true, false}));
}

// LocalDecls keeps up to kInline declarations in place and spills to the heap beyond; both behave alike.
TEST(BinaryDecoder, LocalDeclsInlineAndHeap) {
  using wisp::wasm::LocalDecl;
  using wisp::wasm::LocalDecls;
  LocalDecls small{{1, ValType::i32()}, {2, ValType::f64()}};
  LocalDecls big;
  for (uint32_t i = 0; i < 3 * LocalDecls::kInline; ++i) big.push_back({i + 1, i % 2 ? ValType::i64() : ValType::f32()});
  ASSERT_EQ(big.size(), 3 * LocalDecls::kInline);
  for (uint32_t i = 0; i < big.size(); ++i) EXPECT_EQ(big[i].count, i + 1);
  LocalDecls copy = big;
  EXPECT_TRUE(copy == big);
  LocalDecls moved = std::move(copy);
  EXPECT_TRUE(moved == big);
  EXPECT_TRUE(copy.empty());
  moved = small;
  EXPECT_TRUE(moved == small);
  EXPECT_EQ(moved[1].type, ValType::f64());
  LocalDecls from_vector = std::vector<LocalDecl>{{7, ValType::i32()}};
  ASSERT_EQ(from_vector.size(), 1u);
  EXPECT_EQ(from_vector[0].count, 7u);

  // A body with more declarations than fit inline decodes all of them.
  Bytes locals = uleb(6);
  for (int i = 0; i < 6; ++i) locals = cat({locals, Bytes{0x01, uint8_t(i % 2 ? 0x7E : 0x7F)}});
  Bytes body = cat({locals, Bytes{0x0B}});
  Bytes bytes = module({kTypeVoid, section(3, vec({{0x00}})), section(10, vec({cat({uleb(body.size()), body})}))});
  auto m = decode_module(bytes);
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  const auto& decls = (*m)->bodies[0].locals;
  ASSERT_EQ(decls.size(), 6u);
  EXPECT_EQ(decls[5].type, ValType::i64());
  EXPECT_EQ((*m)->bodies[0].num_locals, 6u);
}

TEST(BinaryDecoder, DeclaredFuncsOnlyFromModuleLevelReferences) {
  // ref.func inside a body does not declare; the start function does not declare either.
  Bytes b = module({kTypeVoid, section(3, vec({{0x00}, {0x00}})), section(8, uleb(0)),
                    section(10, vec({func_body({0x00, 0xD2, 0x01, 0x1A, 0x0B}), func_body({0x00, 0x0B})}))});
  auto r = decode_module(b);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)->declared_funcs, (std::vector<bool>{false, false}));
}

TEST(BinaryDecoder, Header) {
  EXPECT_EQ(expect_malformed({}, "unexpected end"), 0u);
  expect_malformed({0x00, 0x61, 0x73}, "unexpected end");
  expect_malformed({0x00, 0x61, 0x73, 0x6D, 0x01, 0x00}, "unexpected end");
  expect_malformed({0x00, 0x41, 0x53, 0x4D, 0x01, 0x00, 0x00, 0x00}, "magic header not detected");
  EXPECT_EQ(expect_malformed({0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00}, "unknown binary version"), 4u);
}

TEST(BinaryDecoder, SectionFraming) {
  EXPECT_EQ(expect_malformed(module({{0x0E, 0x00}}), "malformed section id"), 8u);  // 0x0D: tags
  expect_malformed(module({{0x80, 0x00}}), "malformed section id");
  expect_malformed(module({{0x01}}), "unexpected end");
  expect_malformed(module({{0x01, 0x05, 0x00}}), "length out of bounds");
  // Declared size larger than what the contents use.
  expect_malformed(module({{0x01, 0x02, 0x00, 0x00}}), "section size mismatch");
  // Contents that run past the declared size.
  expect_malformed(module({section(1, {0x01, 0x60, 0x00}), {0x00}}), "section size mismatch");
  // Custom sections may appear anywhere, other sections once and in order.
  ASSERT_TRUE(decode_module(module({section(0, name("a")), kTypeVoid, section(0, name("b"))})).ok());
  expect_malformed(module({kTypeVoid, kTypeVoid}), "unexpected content after last section");
  expect_malformed(module({section(3, vec({})), kTypeVoid}), "unexpected content after last section");
  expect_malformed(module({section(10, vec({})), section(12, uleb(0))}), "unexpected content after last section");
  // Data count sits between element and code.
  EXPECT_TRUE(decode_module(module({section(9, vec({})), section(12, uleb(0)), section(10, vec({}))})).ok());
}

TEST(BinaryDecoder, Leb128) {
  // Memory limits min in Wasm 2.0 (a u32): 6 bytes is too long, a 5th byte with high bits is too large.
  const wisp::Features wasm2;
  expect_malformed(module({section(5, {0x01, 0x00, 0x82, 0x80, 0x80, 0x80, 0x80, 0x00})}),
                   "integer representation too long", wasm2);
  expect_malformed(module({section(5, {0x01, 0x00, 0x82, 0x80, 0x80, 0x80, 0x70})}), "integer too large", wasm2);
  // Non-minimal but in-range encodings are fine.
  EXPECT_TRUE(decode_module(module({section(5, {0x01, 0x00, 0x82, 0x80, 0x80, 0x80, 0x00})}), wasm2).ok());
  // Wasm 3.0 (memory64): limits are u64, even a 32-bit memory's (its range is the validator's).
  EXPECT_TRUE(decode_module(module({section(5, {0x01, 0x00, 0x82, 0x80, 0x80, 0x80, 0x70})})).ok());
  expect_malformed(module({section(5, {0x01, 0x00, 0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00})}),
                   "integer representation too long");
  expect_malformed(module({section(5, {0x01, 0x00, 0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x70})}),
                   "integer too large");
  // Signed LEB128 in a constant expression.
  expect_malformed(module({section(6, {0x01, 0x7F, 0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x70, 0x0B})}),
                   "integer too large");
  expect_malformed(module({section(6, {0x01, 0x7F, 0x00, 0x41, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x0B})}),
                   "integer representation too long");
  EXPECT_TRUE(decode_module(module({section(6, {0x01, 0x7F, 0x00, 0x41, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x0B})})).ok());
}

TEST(BinaryDecoder, Utf8) {
  using wisp::binary::is_valid_utf8;
  auto valid = [](Bytes b) { return is_valid_utf8(b.data(), b.size()); };
  EXPECT_TRUE(valid({'a', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80}));
  EXPECT_TRUE(valid({0xF4, 0x8F, 0xBF, 0xBF}));   // U+10FFFF
  EXPECT_FALSE(valid({0xC0, 0x80}));              // overlong NUL
  EXPECT_FALSE(valid({0xE0, 0x80, 0xAF}));        // overlong
  EXPECT_FALSE(valid({0xED, 0xA0, 0x80}));        // surrogate U+D800
  EXPECT_FALSE(valid({0xF4, 0x90, 0x80, 0x80}));  // U+110000
  EXPECT_FALSE(valid({0x80}));                    // stray continuation
  EXPECT_FALSE(valid({0xE2, 0x82}));              // truncated
  EXPECT_FALSE(valid({0xF8, 0x88, 0x80, 0x80, 0x80}));

  Bytes bad_name = {0x02, 0xC0, 0x80};
  expect_malformed(module({section(2, cat({uleb(1), bad_name, name("x"), Bytes{0x00, 0x00}}))}),
                   "malformed UTF-8 encoding");
  expect_malformed(module({section(0, Bytes{0x01, 0xFF})}), "malformed UTF-8 encoding");
  expect_malformed(module({section(7, cat({uleb(1), Bytes{0x01, 0x80}, Bytes{0x00, 0x00}}))}),
                   "malformed UTF-8 encoding");
}

TEST(BinaryDecoder, TypesAndKinds) {
  expect_malformed(module({section(2, cat({uleb(1), name("a"), name("b"), Bytes{0x05, 0x00}}))}),  // 4: tags
                   "malformed import kind");
  expect_malformed(module({section(7, cat({uleb(1), name("a"), Bytes{0x05, 0x00}}))}), "malformed export kind");
  expect_malformed(module({section(4, {0x01, 0x7F, 0x00, 0x00})}), "malformed reference type");
  expect_malformed(module({section(4, {0x01, 0x70, 0x02, 0x00})}),
                   "integer too large: shared limits (the threads proposal) are not supported");
  expect_malformed(module({section(4, {0x01, 0x70, 0x08, 0x00})}), "integer too large");
  expect_malformed(module({section(4, {0x01, 0x70, 0x81, 0x00, 0x00})}), "integer representation too long");
  expect_malformed(module({section(5, {0x01, 0x04, 0x00})}), "integer too large", wisp::Features());  // 2.0
  EXPECT_TRUE(decode_module(module({section(5, {0x01, 0x04, 0x00})})).ok());  // (memory i64 0): memory64
  expect_malformed(module({section(5, {0x01, 0x06, 0x00})}),
                   "integer too large: shared limits (the threads proposal) are not supported");
  expect_malformed(module({section(5, {0x01, 0x03, 0x00, 0x01})}),
                   "integer too large: shared limits (the threads proposal) are not supported");
  expect_malformed(module({section(6, {0x01, 0x7F, 0x02, 0x41, 0x00, 0x0B})}), "malformed mutability");
  // 0x61 is no type form: with GC a "composite type" (func, struct, array), without it a function type.
  expect_malformed(module({section(1, {0x01, 0x61, 0x00, 0x00})}), "malformed composite type");
  expect_malformed(module({section(1, {0x01, 0x61, 0x00, 0x00})}), "malformed function type",
                   wisp::Features::defaults().set(wisp::Feature::gc, false));
  expect_malformed(module({section(1, {0x01, 0x60, 0x01, 0x40, 0x00})}), "malformed value type");
}

TEST(BinaryDecoder, Segments) {
  Bytes table = section(4, vec({{0x70, 0x00, 0x01}}));
  expect_malformed(module({table, section(9, {0x01, 0x08})}), "malformed elements segment kind");
  expect_malformed(module({table, section(9, {0x01, 0x01, 0x01, 0x00})}), "malformed element kind");
  expect_malformed(module({table, section(9, {0x01, 0x05, 0x7F, 0x00})}), "malformed reference type");
  // Segment flags are a LEB128 u32.
  auto r = decode_module(module({table, section(9, {0x01, 0x82, 0x00, 0x80, 0x00, 0x41, 0x00, 0x0B, 0x00, 0x00})}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)->elems[0].mode, wisp::wasm::SegmentMode::active);
  expect_malformed(module({section(11, {0x01, 0x03, 0x00})}), "malformed data segment kind");
  // Unknown opcode inside a constant expression.
  expect_malformed(module({table, section(9, {0x01, 0x05, 0x70, 0x01, 0xF3, 0x00, 0x0B})}), "illegal opcode");
  // A data segment whose bytes run past the input.
  expect_malformed(module({section(11, {0x01, 0x01, 0x05, 'a', 'b'})}), "unexpected end of section or function");
}

TEST(BinaryDecoder, CountsAcrossSections) {
  expect_malformed(module({kTypeVoid, section(3, vec({{0x00}}))}),
                   "function and code section have inconsistent lengths");
  expect_malformed(module({section(10, vec({func_body({0x00, 0x0B})}))}),
                   "function and code section have inconsistent lengths");
  expect_malformed(module({kTypeVoid, section(3, vec({{0x00}, {0x00}})), section(10, vec({func_body({0x00, 0x0B})}))}),
                   "function and code section have inconsistent lengths");
  expect_malformed(module({section(12, uleb(1))}), "data count and data section have inconsistent lengths");
  expect_malformed(module({section(12, uleb(2)), section(11, vec({{0x01, 0x00}}))}),
                   "data count and data section have inconsistent lengths");
  EXPECT_TRUE(decode_module(module({section(12, uleb(0))})).ok());
}

TEST(BinaryDecoder, Locals) {
  Bytes pre = module({kTypeVoid, section(3, vec({{0x00}}))});
  // 0xFFFFFFFF + 2 locals: too many.
  expect_malformed(cat({pre, section(10, vec({func_body({0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x02, 0x7E, 0x0B})}))}),
                   "too many locals");
  expect_malformed(cat({pre, section(10, vec({func_body({0x01, 0x80, 0x80, 0x80, 0x80, 0x10, 0x7F, 0x0B})}))}),
                   "integer too large");
  // Local declarations may not run past the body.
  expect_malformed(cat({pre, section(10, {0x01, 0x02, 0x01, 0x01, 0x7F})}), "unexpected end of section or function");
  // A body size beyond the input.
  expect_malformed(cat({pre, section(10, {0x01, 0x09, 0x00, 0x0B})}), "length out of bounds");
}

TEST(BinaryDecoder, HostileCountsDoNotAllocate) {
  // A count of 2^32-1 types in a 6-byte section must fail quickly, not reserve gigabytes.
  expect_malformed(module({section(1, {0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x60})}), "unexpected end of section or function");
  expect_malformed(module({section(3, {0xFF, 0xFF, 0xFF, 0xFF, 0x0F})}), "unexpected end of section or function");
  expect_malformed(module({section(10, {0xFF, 0xFF, 0xFF, 0xFF, 0x0F})}), "unexpected end of section or function");
}

TEST(BinaryDecoder, MalformedNameSectionIsIgnored) {
  // Function names subsection whose name length overruns the subsection.
  Bytes bad = cat({name("name"), Bytes{0x01, 0x03, 0x01, 0x00, 0x09}});
  auto r = decode_module(module({section(0, bad)}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE((*r)->names.functions.empty());
  ASSERT_EQ((*r)->customs.size(), 1u);
  EXPECT_EQ((*r)->customs[0].name, "name");
}

TEST(BinaryDecoder, ManyFunctions) {
  // 100,000 small functions: every body is recorded with its extent.
  constexpr uint32_t kN = 100000;
  Bytes funcs = uleb(kN);
  funcs.insert(funcs.end(), kN, 0x00);
  Bytes code = uleb(kN);
  for (uint32_t i = 0; i < kN; ++i) code.insert(code.end(), {0x04, 0x01, 0x01, 0x7F, 0x0B});
  auto r = decode_module(module({kTypeVoid, section(3, funcs), section(10, code)}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ((*r)->bodies.size(), kN);
  EXPECT_EQ((*r)->bodies[kN - 1].num_locals, 1u);
  EXPECT_EQ((*r)->bodies[kN - 1].body_end, (*r)->bytes.size());
}

// The one value-type reader: one-byte types, and the typed references `(ref null? ht)` that stay
// rejected (like any unknown byte) until the function-references feature is on.
TEST(TypeReader, ValueAndHeapTypes) {
  using wisp::binary::TypeOptions;
  using wisp::binary::TypeStatus;
  auto read = [](Bytes b, bool typed_refs, ValType* out = nullptr, size_t* used = nullptr) {
    const uint8_t* p = b.data();
    ValType t;
    TypeStatus s = wisp::binary::read_val_type(p, b.data() + b.size(), t, TypeOptions{typed_refs});
    if (out) *out = t;
    if (used) *used = size_t(p - b.data());
    return s;
  };
  ValType t;
  size_t used = 0;
  EXPECT_EQ(read({0x7F}, false, &t, &used), TypeStatus::ok);
  EXPECT_EQ(t, ValType::i32());
  EXPECT_EQ(used, 1u);
  EXPECT_EQ(read({0x6F}, false, &t), TypeStatus::ok);
  EXPECT_EQ(t, ValType::externref());
  EXPECT_EQ(read({}, false), TypeStatus::eof);
  EXPECT_EQ(read({0x63, 0x70}, false, nullptr, &used), TypeStatus::bad_byte);
  EXPECT_EQ(used, 0u);
  EXPECT_EQ(read({0x63, 0x70}, true, &t, &used), TypeStatus::ok);  // (ref null func) = funcref
  EXPECT_EQ(t, ValType::funcref());
  EXPECT_EQ(used, 2u);
  EXPECT_EQ(read({0x64, 0x6F}, true, &t), TypeStatus::ok);  // (ref extern)
  EXPECT_EQ(t, ValType::ref(uint32_t(wisp::wasm::HeapKind::extern_), false));
  EXPECT_EQ(read({0x64, 0x85, 0x00}, true, &t), TypeStatus::ok);  // (ref 5), a padded s33
  EXPECT_EQ(t, ValType::ref(5, false));
  EXPECT_EQ(read({0x63, 0x7E}, true), TypeStatus::bad_heap_type);
  EXPECT_EQ(read({0x63}, true), TypeStatus::eof);
  EXPECT_EQ(read({0x63, 0x80, 0x80, 0x80, 0x80, 0x80}, true), TypeStatus::heap_leb_too_long);
  // ref.null's heap type: in 2.0 the funcref / externref byte.
  Bytes b{0x70};
  const uint8_t* p = b.data();
  EXPECT_EQ(wisp::binary::read_heap_type(p, b.data() + 1, t), TypeStatus::ok);
  EXPECT_EQ(t, ValType::funcref());
  Bytes i32{0x7F};
  p = i32.data();
  EXPECT_EQ(wisp::binary::read_ref_type(p, i32.data() + 1, t), TypeStatus::bad_byte);
}

}  // namespace
