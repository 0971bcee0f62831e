#include <gtest/gtest.h>

#include <string>

#include "binary/module_decoder.h"
#include "binary_test_builder.h"
#include "validate/module_validator.h"

namespace {

using namespace wisp::testing;
using wisp::ErrorKind;

const Bytes kTypeVoid = section(1, vec({{0x60, 0x00, 0x00}}));
const Bytes kTypeI32ToVoid = section(1, vec({{0x60, 0x00, 0x00}, {0x60, 0x01, 0x7F, 0x00}}));

wisp::Result<void> validate(const Bytes& b) {
  auto m = wisp::binary::decode_module(b);
  EXPECT_TRUE(m.ok()) << m.error().message;
  if (!m.ok()) return m.error();
  return wisp::validate::validate_module(**m);
}

void expect_invalid(const Bytes& b, const std::string& msg) {
  auto r = validate(b);
  ASSERT_FALSE(r.ok()) << "expected '" << msg << "'";
  EXPECT_EQ(r.error().kind, ErrorKind::Invalid) << r.error().message;
  EXPECT_EQ(r.error().message, msg);
}

void expect_valid(const Bytes& b) {
  auto r = validate(b);
  EXPECT_TRUE(r.ok()) << r.error().message;
}

Bytes one_void_func(std::initializer_list<Bytes> middle_sections, const Bytes& body = {0x00, 0x0B}) {
  Bytes out = module({kTypeVoid, section(3, vec({{0x00}}))});
  for (const Bytes& s : middle_sections) out.insert(out.end(), s.begin(), s.end());
  Bytes code = section(10, vec({func_body(body)}));
  out.insert(out.end(), code.begin(), code.end());
  return out;
}

TEST(ModuleValidator, ValidModule) {
  expect_valid(header());
  expect_valid(one_void_func({section(4, vec({{0x70, 0x00, 0x01}})), section(5, vec({{0x01, 0x01, 0x02}})),
                              section(6, vec({{0x7F, 0x01, 0x41, 0x05, 0x0B}})),
                              section(7, vec({cat({name("f"), Bytes{0x00, 0x00}}), cat({name("m"), Bytes{0x02, 0x00}})})),
                              section(8, uleb(0)),
                              section(9, vec({cat({Bytes{0x00, 0x41, 0x00, 0x0B}, vec({{0x00}})})}))}));
}

TEST(ModuleValidator, TypeIndices) {
  expect_invalid(module({kTypeVoid, section(3, vec({{0x01}})), section(10, vec({func_body({0x00, 0x0B})}))}),
                 "unknown type 1");
  expect_invalid(module({section(2, cat({uleb(1), name("m"), name("f"), Bytes{0x00, 0x03}}))}), "unknown type 3");
}

TEST(ModuleValidator, Limits) {
  expect_invalid(module({section(5, vec({{0x00, 0x81, 0x80, 0x04}}))}),
                 "memory size must be at most 65536 pages (4GiB)");
  expect_invalid(module({section(5, vec({{0x01, 0x00, 0x81, 0x80, 0x04}}))}),
                 "memory size must be at most 65536 pages (4GiB)");
  expect_valid(module({section(5, vec({{0x01, 0x00, 0x80, 0x80, 0x04}}))}));  // exactly 65536
  expect_invalid(module({section(5, vec({{0x01, 0x02, 0x01}}))}), "size minimum must not be greater than maximum");
  expect_invalid(module({section(4, vec({{0x70, 0x01, 0x02, 0x01}}))}),
                 "size minimum must not be greater than maximum");
  expect_valid(module({section(4, vec({{0x70, 0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F}}))}));
  expect_invalid(module({section(2, cat({uleb(1), name("m"), name("mem"), Bytes{0x02, 0x01, 0x03, 0x02}}))}),
                 "size minimum must not be greater than maximum");
}

TEST(ModuleValidator, MultipleMemories) {
  // Wasm 2.0 allows one memory; multi-memory (on by default) any number.
  auto validate_2_0 = [](const Bytes& b) {
    auto m = wisp::binary::decode_module(b, wisp::Features());
    EXPECT_TRUE(m.ok()) << m.error().message;
    return wisp::validate::validate_module(**m);
  };
  Bytes two = module({section(5, vec({{0x00, 0x00}, {0x00, 0x00}}))});
  Bytes imported_and_defined = module({section(2, cat({uleb(1), name("m"), name("mem"), Bytes{0x02, 0x00, 0x00}})),
                                       section(5, vec({{0x00, 0x00}}))});
  for (const Bytes* b : {&two, &imported_and_defined}) {
    auto r = validate_2_0(*b);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, "multiple memories");
  }
  expect_valid(two);
  expect_valid(imported_and_defined);
  expect_invalid(module({section(5, vec({{0x00, 0x00}})), section(11, vec({{0x02, 0x01, 0x41, 0x00, 0x0B, 0x00}}))}),
                 "unknown memory 1");
  // Several tables are fine in 2.0.
  expect_valid(module({section(4, vec({{0x70, 0x00, 0x00}, {0x6F, 0x00, 0x00}}))}));
}

TEST(ModuleValidator, Exports) {
  expect_invalid(one_void_func({section(7, vec({cat({name("a"), Bytes{0x00, 0x00}}), cat({name("a"), Bytes{0x00, 0x00}})}))}),
                 "duplicate export name");
  expect_invalid(one_void_func({section(7, vec({cat({name("a"), Bytes{0x00, 0x01}})}))}), "unknown function 1");
  expect_invalid(one_void_func({section(7, vec({cat({name("a"), Bytes{0x01, 0x00}})}))}), "unknown table 0");
  expect_invalid(one_void_func({section(7, vec({cat({name("a"), Bytes{0x02, 0x00}})}))}), "unknown memory 0");
  expect_invalid(one_void_func({section(7, vec({cat({name("a"), Bytes{0x03, 0x00}})}))}), "unknown global 0");
}

// Many names: the flat table of the uniqueness check (names sharing prefixes, lengths and the empty name).
TEST(ModuleValidator, ManyExportNames) {
  auto export_section = [](const std::vector<std::string>& names) {
    Bytes contents = uleb(uint32_t(names.size()));
    for (const std::string& n : names) {
      Bytes item = cat({name(n), Bytes{0x00, 0x00}});
      contents.insert(contents.end(), item.begin(), item.end());
    }
    return section(7, contents);
  };
  std::vector<std::string> names{""};
  for (int i = 0; i < 5000; ++i) names.push_back("e" + std::to_string(i));
  expect_valid(one_void_func({export_section(names)}));
  std::vector<std::string> dup = names;
  dup.push_back("e4321");
  expect_invalid(one_void_func({export_section(dup)}), "duplicate export name");
  std::vector<std::string> dup_empty = names;
  dup_empty.push_back("");
  expect_invalid(one_void_func({export_section(dup_empty)}), "duplicate export name");
}

TEST(ModuleValidator, Start) {
  expect_invalid(one_void_func({section(8, uleb(1))}), "unknown function 1");
  Bytes wrong_type = module({kTypeI32ToVoid, section(3, vec({{0x01}})), section(8, uleb(0)),
                             section(10, vec({func_body({0x00, 0x0B})}))});
  expect_invalid(wrong_type, "start function");
}

TEST(ModuleValidator, Globals) {
  // 2.0: a global initialiser may read only imported globals.
  Bytes import_g = section(2, cat({uleb(1), name("m"), name("g"), Bytes{0x03, 0x7F, 0x00}}));
  expect_valid(module({import_g, section(6, vec({{0x7F, 0x00, 0x23, 0x00, 0x0B}}))}));
  // With extended-const (on by default) the globals defined before it too, never itself or later ones.
  expect_valid(module({section(6, vec({{0x7F, 0x00, 0x41, 0x00, 0x0B}, {0x7F, 0x00, 0x23, 0x00, 0x0B}}))}));
  expect_invalid(module({section(6, vec({{0x7F, 0x00, 0x23, 0x00, 0x0B}}))}), "unknown global 0");
  expect_invalid(module({section(6, vec({{0x7F, 0x00, 0x23, 0x01, 0x0B}, {0x7F, 0x00, 0x41, 0x00, 0x0B}}))}),
                 "unknown global 1");
  auto r = validate(module({section(6, vec({{0x7F, 0x00, 0x42, 0x00, 0x0B}}))}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Invalid);
}

TEST(ModuleValidator, Segments) {
  Bytes table = section(4, vec({{0x70, 0x00, 0x01}}));
  Bytes active_elem = section(9, vec({cat({Bytes{0x00, 0x41, 0x00, 0x0B}, vec({{0x00}})})}));
  expect_invalid(one_void_func({active_elem}), "unknown table 0");
  expect_valid(one_void_func({table, active_elem}));
  // Function index out of range in a segment.
  expect_invalid(one_void_func({table, section(9, vec({cat({Bytes{0x00, 0x41, 0x00, 0x0B}, vec({{0x05}})})}))}),
                 "unknown function 5");
  // Offset must be an i32 constant.
  auto r = validate(one_void_func({table, section(9, vec({cat({Bytes{0x00, 0x42, 0x00, 0x0B}, vec({{0x00}})})}))}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Invalid);
  // externref segment into a funcref table.
  expect_invalid(one_void_func({table, section(9, vec({cat({Bytes{0x06, 0x00, 0x41, 0x00, 0x0B, 0x6F}, vec({{0xD0, 0x6F, 0x0B}})})}))}),
                 "type mismatch");
  // Data segment without a memory.
  expect_invalid(module({section(11, vec({cat({Bytes{0x00, 0x41, 0x00, 0x0B}, name("x")})}))}), "unknown memory 0");
  expect_valid(module({section(5, vec({{0x00, 0x01}})), section(11, vec({cat({Bytes{0x00, 0x41, 0x00, 0x0B}, name("x")})}))}));
  // Passive data needs no memory.
  expect_valid(module({section(11, vec({cat({Bytes{0x01}, name("x")})}))}));
}

TEST(ModuleValidator, FunctionBodiesAreValidated) {
  // i32.const 1 left on the stack of a [] -> [] function.
  auto r = validate(one_void_func({}, {0x00, 0x41, 0x01, 0x0B}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(r.error().message, "type mismatch");
  // A body that does not end with `end` is malformed.
  r = validate(one_void_func({}, {0x00, 0x01}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Malformed);
}

}  // namespace
