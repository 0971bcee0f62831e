// Unit tests of the inspection tools (src/tools): printer details, instruction reader, strip, size, dump.
#include <gtest/gtest.h>

#include <cstring>

#include "binary/module_decoder.h"
#include "text/wat.h"
#include "tools/dump.h"
#include "tools/instr_reader.h"
#include "tools/json.h"
#include "tools/size.h"
#include "tools/strip.h"
#include "tools/wat_printer.h"
#include "tools_module_compare.h"

namespace wisp::tools {
namespace {

std::shared_ptr<wasm::Module> module(std::string_view wat) {
  auto bytes = text::wat_to_wasm(wat);
  EXPECT_TRUE(bytes.ok()) << (bytes.ok() ? "" : bytes.error().to_string());
  if (!bytes.ok()) return nullptr;
  auto m = binary::decode_module(std::move(*bytes));
  EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().to_string());
  return m.ok() ? *m : nullptr;
}

uint32_t f32_bits(float f) {
  uint32_t b;
  std::memcpy(&b, &f, 4);
  return b;
}

// Appends a custom section named `name` with `payload` bytes.
void add_custom(std::vector<uint8_t>& bytes, const std::string& name, size_t payload) {
  std::vector<uint8_t> contents;
  contents.push_back(uint8_t(name.size()));
  contents.insert(contents.end(), name.begin(), name.end());
  contents.insert(contents.end(), payload, 0xAB);
  bytes.push_back(0);
  size_t n = contents.size();
  do {
    uint8_t b = n & 0x7f;
    n >>= 7;
    bytes.push_back(uint8_t(b | (n ? 0x80 : 0)));
  } while (n);
  bytes.insert(bytes.end(), contents.begin(), contents.end());
}

TEST(ToolsPrinter, FloatsReadBackExactly) {
  EXPECT_EQ(format_f32(f32_bits(1.5f)), "1.5");
  EXPECT_EQ(format_f32(0x80000000u), "-0");
  EXPECT_EQ(format_f32(0x7f800000u), "inf");
  EXPECT_EQ(format_f32(0xff800000u), "-inf");
  EXPECT_EQ(format_f32(0x7fc00000u), "nan");
  EXPECT_EQ(format_f32(0xffc00001u), "-nan:0x400001");
  EXPECT_EQ(format_f64(0x7ff0000000000001ull), "nan:0x1");
  EXPECT_EQ(format_f64(0x3ff0000000000000ull), "1");
  // Every printed constant parses back to the same bits.
  for (uint32_t bits : {0x00000001u, 0x7f7fffffu, 0x3dcccccdu, 0x80800000u, 0x7fa00000u}) {
    auto m = module("(module (func (result f32) (f32.const " + format_f32(bits) + ")))");
    ASSERT_TRUE(m);
    auto ins = read_instrs(m->bytes.data(), m->bodies[0].body_offset, m->bodies[0].body_end);
    ASSERT_TRUE(ins.ok());
    EXPECT_EQ(uint32_t((*ins)[0].bits), bits) << format_f32(bits);
  }
}

TEST(ToolsPrinter, StringsEscapeEverythingButPrintableAscii) {
  EXPECT_EQ(quote_string(std::string_view("a\"b\\c\n\0\xff", 8)), "\"a\\22b\\5cc\\0a\\00\\ff\"");
}

TEST(ToolsPrinter, NamesBecomeIdsWhenValidAndUnique) {
  auto m = module("(module (func (param i32)) (func (call 0 (i32.const 1))))");
  ASSERT_TRUE(m);
  m->names.functions[0] = "callee";
  m->names.functions[1] = "has space";  // not an identifier: printed as an index
  m->names.locals[0][0] = "x";
  auto text = print_module(*m);
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("(func $callee (type 0) (param $x i32)"), std::string::npos) << *text;
  EXPECT_NE(text->find("call $callee"), std::string::npos) << *text;
  EXPECT_EQ(text->find("has space"), std::string::npos) << *text;
  auto plain = print_module(*m, PrintOptions{false, false});
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->find("$callee"), std::string::npos);
}

TEST(ToolsPrinter, FoldedKeepsInstructionOrder) {
  const char* wat = R"((module (func (param i32) (result i32)
      local.get 0 i32.const 1 i32.add
      unreachable i32.add
      block (result i32) i32.const 2 end
      i32.mul))
  )";
  auto m = module(wat);
  ASSERT_TRUE(m);
  auto folded = print_module(*m, PrintOptions{true, true});
  ASSERT_TRUE(folded.ok());
  EXPECT_NE(folded->find("(i32.add (local.get 0) (i32.const 1))"), std::string::npos) << *folded;
  auto back = text::wat_to_wasm(*folded);
  ASSERT_TRUE(back.ok()) << back.error().to_string() << "\n" << *folded;
  auto m2 = binary::decode_module(std::move(*back));
  ASSERT_TRUE(m2.ok());
  EXPECT_EQ(testing::compare_modules(*m, **m2), "");
}

// Memory indices (multi-memory) and 64-bit memories (memory64) print back to the same module.
TEST(ToolsPrinter, MemoriesReadBack) {
  const char* wat = R"((module
    (memory $a 1) (memory $b i64 1 2)
    (data (memory $b) (i64.const 8) "x")
    (func (param i32 i64) (result i32)
      (i64.store $b offset=0x100000000 (local.get 1) (i64.const 1))
      (memory.copy $a $b (local.get 0) (local.get 1) (i32.const 1))
      (drop (memory.grow $b (i64.const 1)))
      (i32.add (i32.load8_u $b (local.get 1)) (i32.load offset=4 (local.get 0)))))
  )";
  auto bytes = text::wat_to_wasm(wat);
  ASSERT_TRUE(bytes.ok()) << bytes.error().to_string();
  Features f = Features::defaults().set(Feature::memory64);
  auto m = binary::decode_module(*bytes, f);
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  auto text = print_module(**m);
  ASSERT_TRUE(text.ok()) << text.error().to_string();
  EXPECT_NE(text->find("(memory (;1;) i64 1 2)"), std::string::npos) << *text;
  EXPECT_NE(text->find("i64.store 1 offset=4294967296"), std::string::npos) << *text;
  auto again = text::wat_to_wasm(*text);
  ASSERT_TRUE(again.ok()) << again.error().to_string() << "\n" << *text;
  EXPECT_EQ(*again, *bytes);
}

TEST(ToolsPrinter, CompareSeesDifferences) {
  // The round-trip comparison must notice a changed instruction, immediate, block type or segment.
  auto a = module("(module (func (result i32) (i32.add (i32.const 1) (i32.const 2))))");
  auto b = module("(module (func (result i32) (i32.sub (i32.const 1) (i32.const 2))))");
  auto c = module("(module (func (result i32) (i32.add (i32.const 1) (i32.const 3))))");
  auto d = module("(module (type (func (result i32))) (func (result i32) (block (type 0) (i32.const 1))))");
  auto e = module("(module (type (func (result i32))) (func (result i32) (block (result i32) (i32.const 1))))");
  auto f = module("(module (memory 1) (data (i32.const 0) \"a\"))");
  auto g = module("(module (memory 1) (data (i32.const 1) \"a\"))");
  ASSERT_TRUE(a && b && c && d && e && f && g);
  EXPECT_NE(testing::compare_modules(*a, *b), "");
  EXPECT_NE(testing::compare_modules(*a, *c), "");
  EXPECT_EQ(testing::compare_modules(*a, *a), "");
  EXPECT_EQ(testing::compare_modules(*d, *e), "");  // (type 0) = [] -> [i32] is the same block type
  EXPECT_NE(testing::compare_modules(*f, *g), "");
}

TEST(ToolsPrinter, SimdImmediates) {
  auto m = module(R"((module (memory 1) (func (param i32) (result v128)
      (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31
        (v128.load32_lane offset=4 1 (local.get 0) (v128.const i32x4 1 2 3 -1))
        (i32x4.replace_lane 3 (v128.load align=4 (local.get 0)) (i32.const 7))))))");
  ASSERT_TRUE(m);
  auto flat = print_module(*m);
  ASSERT_TRUE(flat.ok()) << flat.error().to_string();
  EXPECT_NE(flat->find("(v128.const i32x4 0x00000001 0x00000002 0x00000003 0xffffffff)"), std::string::npos) << *flat;
  EXPECT_NE(flat->find("v128.load32_lane offset=4 1\n"), std::string::npos) << *flat;
  EXPECT_NE(flat->find("v128.load align=4\n"), std::string::npos) << *flat;
  EXPECT_NE(flat->find("(i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31)"), std::string::npos) << *flat;
  auto folded = print_module(*m, PrintOptions{true, true});
  ASSERT_TRUE(folded.ok());
  EXPECT_NE(folded->find("(i32x4.replace_lane 3 (v128.load align=4 (local.get 0)) (i32.const 7))"), std::string::npos)
      << *folded;
  for (const std::string* text : {&*flat, &*folded}) {
    auto back = text::wat_to_wasm(*text);
    ASSERT_TRUE(back.ok()) << back.error().to_string() << "\n" << *text;
    auto m2 = binary::decode_module(std::move(*back));
    ASSERT_TRUE(m2.ok());
    EXPECT_EQ(testing::compare_modules(*m, **m2), "");
  }
}

TEST(ToolsInstrReader, ImmediatesAndErrors) {
  EXPECT_EQ(natural_align_log2(wasm::Op::i64_load16_s), 1u);
  EXPECT_EQ(natural_align_log2(wasm::Op::i64_store32), 2u);
  EXPECT_EQ(natural_align_log2(wasm::Op::f64_load), 3u);
  EXPECT_EQ(natural_align_log2(wasm::Op::i32_store8), 0u);
  const uint8_t br_table[] = {0x0E, 0x02, 0x00, 0x01, 0x02};
  auto in = read_instr(br_table, 0, sizeof br_table);
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in->targets, (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(in->a, 2u);
  EXPECT_EQ(in->end, sizeof br_table);
  const uint8_t truncated[] = {0x41, 0x80};
  auto bad = read_instr(truncated, 0, sizeof truncated);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::Malformed);
  const uint8_t illegal[] = {0xFF};
  EXPECT_FALSE(read_instr(illegal, 0, 1).ok());
}

TEST(ToolsStrip, DropsCustomSectionsExceptKept) {
  auto bytes = text::wat_to_wasm("(module (func (export \"f\")))");
  ASSERT_TRUE(bytes.ok());
  std::vector<uint8_t> original = *bytes;
  std::vector<uint8_t> with = original;
  add_custom(with, ".debug_info", 300);
  add_custom(with, "keep_me", 5);
  auto m = binary::decode_module(with);
  ASSERT_TRUE(m.ok());
  StripResult all = strip_custom_sections(**m, {});
  EXPECT_EQ(all.bytes, original);
  EXPECT_EQ(all.removed, (std::vector<std::string>{".debug_info", "keep_me"}));
  EXPECT_EQ(all.removed_bytes, with.size() - original.size());
  StripResult kept = strip_custom_sections(**m, {"keep_me"});
  auto km = binary::decode_module(kept.bytes);
  ASSERT_TRUE(km.ok());
  ASSERT_EQ((*km)->customs.size(), 1u);
  EXPECT_EQ((*km)->customs[0].name, "keep_me");
}

TEST(ToolsSize, ItemsPartitionTheFile) {
  auto bytes = text::wat_to_wasm(R"((module (memory 1) (func $a (export "a") (result i32) (i32.const 1))
                                     (data (i32.const 0) "0123456789")))");
  ASSERT_TRUE(bytes.ok());
  std::vector<uint8_t> b = *bytes;
  add_custom(b, ".debug_line", 1000);
  auto m = binary::decode_module(b);
  ASSERT_TRUE(m.ok());
  auto items = size_items(**m);
  uint64_t sum = 0;
  for (const SizeItem& i : items) sum += i.bytes;
  EXPECT_EQ(sum, b.size());
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0].name, "custom \".debug_line\"");
  for (size_t i = 1; i < items.size(); ++i) EXPECT_GE(items[i - 1].bytes, items[i].bytes);
  bool saw_func = false, saw_data = false;
  for (const SizeItem& i : items) {
    saw_func |= i.name == "func[0] <a>";
    saw_data |= i.kind == "data" && i.bytes == 10;
  }
  EXPECT_TRUE(saw_func);
  EXPECT_TRUE(saw_data);
  std::string top2 = size_text(**m, 2);
  EXPECT_NE(top2.find("more items"), std::string::npos) << top2;
}

TEST(ToolsDump, InspectAndFindFunction) {
  auto m = module(R"((module (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
                     (func $f (export "go") (result i32) (i32.const 7))))");
  ASSERT_TRUE(m);
  std::string t = inspect_text(*m);
  EXPECT_NE(t.find("func[0] sig=0 <- wasi_snapshot_preview1.fd_write (i32, i32, i32, i32) -> (i32)"), std::string::npos) << t;
  EXPECT_NE(t.find("func[1] <go> -> \"go\""), std::string::npos) << t;
  std::string j = inspect_json(*m);
  EXPECT_NE(j.find("\"signature\":\"(i32, i32, i32, i32) -> (i32)\""), std::string::npos) << j;
  EXPECT_EQ(find_function(*m, "go"), 1u);
  EXPECT_EQ(find_function(*m, "0"), 0u);
  EXPECT_FALSE(find_function(*m, "nope"));
  auto ir = function_ir_text(*m, "go");
  ASSERT_TRUE(ir.ok()) << ir.error().to_string();
  EXPECT_NE(ir->find("op_"), std::string::npos) << *ir;
  auto imported = function_ir_text(*m, "0");
  ASSERT_FALSE(imported.ok());
  EXPECT_EQ(imported.error().kind, ErrorKind::Usage);
}

TEST(ToolsJson, EscapesAndCommas) {
  JsonWriter j;
  j.begin_object().field("a", "x\"\n\x01").key("b").begin_array().value(1).value(true).null().end_array().end_object();
  EXPECT_EQ(j.str(), "{\"a\":\"x\\\"\\n\\u0001\",\"b\":[1,true,null]}");
}

}  // namespace
}  // namespace wisp::tools
