// Hostile nesting on the text and print paths (issue 19, items 1 and 2): a million nested blocks or
// operands must end in a clean error or in output linear in the input, never in native-stack recursion
// per level or quadratic text.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "binary/module_decoder.h"
#include "tools/wat_printer.h"
#include "wisp/text.h"

namespace wisp {
namespace {

using Bytes = std::vector<uint8_t>;

Bytes uleb(uint64_t v) {
  Bytes out;
  do {
    uint8_t b = v & 0x7f;
    v >>= 7;
    out.push_back(v ? b | 0x80 : b);
  } while (v);
  return out;
}

void append(Bytes& a, const Bytes& b) { a.insert(a.end(), b.begin(), b.end()); }

// One function () -> (): `depth` nested blocks, then a chain of `depth` i32.add operands, dropped.
Bytes deep_module(size_t depth) {
  Bytes body{0x00};
  for (size_t i = 0; i < depth; ++i) append(body, {0x02, 0x40});
  body.insert(body.end(), depth, 0x0B);
  append(body, {0x41, 0x01});
  for (size_t i = 0; i < depth; ++i) append(body, {0x41, 0x01, 0x6A});
  append(body, {0x1A, 0x0B});
  Bytes code = uleb(1);
  append(code, uleb(body.size()));
  append(code, body);
  Bytes m{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00};
  m.push_back(0x0A);
  append(m, uleb(code.size()));
  append(m, code);
  return m;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(DeepNesting, FlatTextNestingIsAnErrorNotACrash) {
  // A million levels of `block`; the other openers (and `if`) at 100,000 to keep the test quick.
  for (const char* open : {"block ", "loop ", "try ", "block (result i32) "}) {
    size_t depth = std::string(open) == "block " ? 1'000'000 : 100'000;
    std::string wat = "(module (func " + repeat(open, depth) + repeat("end ", depth) + "))";
    auto r = wat_to_wasm(wat);
    ASSERT_FALSE(r.ok()) << open;
    EXPECT_EQ(r.error().kind, ErrorKind::Malformed);
    EXPECT_NE(r.error().message.find("nesting too deep"), std::string::npos) << r.error().message;
  }
  std::string ifs = "(module (func " + repeat("i32.const 0 if ", 100'000) + repeat("end ", 100'000) + "))";
  EXPECT_FALSE(wat_to_wasm(ifs).ok());
  // Moderate nesting still encodes.
  EXPECT_TRUE(wat_to_wasm("(module (func " + repeat("block ", 500) + repeat("end ", 500) + "))").ok());
}

TEST(DeepNesting, PrintIsLinearAndBoundedAtAMillionLevels) {
  for (bool folded : {false, true}) {
    auto m = binary::decode_module(deep_module(1'000'000), Features::defaults());
    ASSERT_TRUE(m.ok());
    size_t bytes = 0, chunks = 0, biggest = 0;
    auto r = tools::print_module(**m, tools::PrintOptions{folded, true}, [&](std::string_view s) {
      bytes += s.size();
      ++chunks;
      biggest = std::max(biggest, s.size());
    });
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    // 3,000,001 instructions: linear output (indentation stops growing), handed over in pieces.
    EXPECT_LT(bytes, size_t(200) << 20) << folded;
    EXPECT_GT(chunks, 100u) << folded;
    EXPECT_LT(biggest, size_t(1) << 20) << folded;
  }
}

// Nesting beyond the folding depth prints flat inside the folded form: the text still parses back to
// the same instructions.
TEST(DeepNesting, DeepFoldedPrintRoundTrips) {
  Bytes original = deep_module(300);
  auto m = binary::decode_module(original, Features::defaults());
  ASSERT_TRUE(m.ok());
  for (bool folded : {false, true}) {
    auto text = tools::print_module(**m, tools::PrintOptions{folded, true});
    ASSERT_TRUE(text.ok());
    auto again = wat_to_wasm(*text);
    ASSERT_TRUE(again.ok()) << again.error().to_string();
    auto m2 = binary::decode_module(*again, Features::defaults());
    ASSERT_TRUE(m2.ok());
    const auto& a = (*m)->body(0);
    const auto& b = (*m2)->body(0);
    Bytes code_a((*m)->bytes.begin() + a.body_offset, (*m)->bytes.begin() + a.body_end);
    Bytes code_b((*m2)->bytes.begin() + b.body_offset, (*m2)->bytes.begin() + b.body_end);
    EXPECT_EQ(code_a, code_b) << folded;
  }
}

// Fuzzer find: four local declarations of 2^30 each in 26 bytes. `wisp print` names every local, so it
// refuses more than the validator allows instead of writing billions of type names.
TEST(DeepNesting, PrintRefusesHugeLocalCounts) {
  Bytes m{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x00,
          0x03, 0x02, 0x01, 0x00, 0x0a, 0x1c, 0x01, 0x1a, 0x04, 0x80, 0x80, 0x80, 0x80, 0x04, 0x7f, 0x80,
          0x80, 0x80, 0x80, 0x04, 0x7e, 0x80, 0x80, 0x80, 0x80, 0x04, 0x7d, 0x80, 0x88, 0x7f, 0x7f, 0xfb,
          0x7c, 0x0b};
  auto decoded = binary::decode_module(m, Features::defaults());
  ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
  for (bool folded : {false, true}) {
    auto r = tools::print_module(**decoded, tools::PrintOptions{folded, true});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, "too many locals");
  }
}

}  // namespace
}  // namespace wisp
