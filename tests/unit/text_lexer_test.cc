// Lexer / S-expression tests for the text format.
#include <gtest/gtest.h>

#include "text/lexer.h"
#include "text/wat.h"

namespace wisp::text {
namespace {

TEST(TextLexer, AtomsStringsAndLists) {
  auto r = parse_sexps("(module $m (func \"a\\n\\t\\\\\\'\\\"\\41\\u{1F600}\"))");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  const Sexp& m = (*r)[0];
  ASSERT_TRUE(m.is_list_of("module"));
  ASSERT_EQ(m.items.size(), 3u);
  EXPECT_TRUE(m.items[1].is_id());
  EXPECT_EQ(m.items[1].text, "$m");
  const Sexp& s = m.items[2].items[1];
  ASSERT_TRUE(s.is_string());
  EXPECT_EQ(s.text, std::string("a\n\t\\'\"A\xF0\x9F\x98\x80"));
}

TEST(TextLexer, CommentsAndAnnotationsAreSkipped) {
  auto r = parse_sexps(";; line\n(a (; block (; nested ;) still ;) b (@ann (x \"y\")) c) ;; tail");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  const Sexp& l = (*r)[0];
  ASSERT_EQ(l.items.size(), 3u);
  EXPECT_EQ(l.items[0].text, "a");
  EXPECT_EQ(l.items[1].text, "b");
  EXPECT_EQ(l.items[2].text, "c");
}

TEST(TextLexer, AnnotationsAreKeptAside) {
  auto r = parse_root("(@top) (a (@custom \"n\" (after func) \"x\") b (@\"q id\" , ; {} x\")\"y (@z)) c)");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->annotations.size(), 1u);
  EXPECT_EQ(r->annotations[0].items[0].text, "@top");
  const Sexp& l = r->items.at(0);
  ASSERT_EQ(l.items.size(), 3u);
  ASSERT_EQ(l.annotations.size(), 2u);
  const Sexp& c = l.annotations[0];
  ASSERT_EQ(c.items.size(), 4u);
  EXPECT_EQ(c.items[0].text, "@custom");
  EXPECT_TRUE(c.items[1].is_string());
  EXPECT_TRUE(c.items[2].is_list_of("after"));
  const Sexp& q = l.annotations[1];
  EXPECT_EQ(q.items[0].text, "@q id");
  ASSERT_EQ(q.items.size(), 6u);
  EXPECT_EQ(q.items[4].text, "x\")\"y");  // a reserved token, raw
  EXPECT_TRUE(q.items[5].is_list());      // nested annotations are plain content
  // Placement among the items.
  EXPECT_EQ(annotations_before(l, 1).size(), 1u);
  EXPECT_EQ(annotations_before(l, 2).size(), 1u);
  EXPECT_EQ(annotations_before(l, 0).size(), 0u);
  EXPECT_EQ(annotations_before(l, 3).size(), 0u);
}

TEST(TextLexer, QuotedIdentifiers) {
  auto r = parse_sexps("($\"a b\" $\"\\41\" $x)");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Sexp& l = (*r)[0];
  EXPECT_EQ(l.items[0].text, "$a b");
  EXPECT_TRUE(l.items[0].is_id());
  EXPECT_EQ(l.items[1].text, "$A");
  EXPECT_FALSE(parse_sexps("($\"\")").ok());
  EXPECT_FALSE(parse_sexps("($)").ok());
  EXPECT_FALSE(parse_sexps("($\"\\ef\")").ok());  // not UTF-8
  EXPECT_FALSE(parse_sexps("($\"a\"b)").ok());
}

TEST(TextLexer, AnnotationErrors) {
  for (const char* bad : {"(@)", "(@ x)", "(@\"\")", "(@x ", "(@x (y)", "(@x))", "(@a \x01)", "(@a \xc3\xa4)",
                          "(@a \x80)"}) {
    auto r = parse_sexps(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.error().kind, ErrorKind::Malformed);
    }
  }
  EXPECT_NE(parse_sexps("(@x (y)").error().message.find("unclosed annotation"), std::string::npos);
  EXPECT_NE(parse_sexps("(@ x)").error().message.find("empty annotation id"), std::string::npos);
  EXPECT_NE(parse_sexps("(a \x80)").error().message.find("malformed UTF-8"), std::string::npos);
}

TEST(TextLexer, PositionsAndSourceRange) {
  std::string src = "\n  (foo\n   bar)";
  auto r = parse_sexps(src);
  ASSERT_TRUE(r.ok());
  const Sexp& l = (*r)[0];
  EXPECT_EQ(l.line, 2u);
  EXPECT_EQ(l.col, 3u);
  EXPECT_EQ(l.items[1].line, 3u);
  EXPECT_EQ(l.items[1].col, 4u);
  EXPECT_EQ(src.substr(l.begin, l.end - l.begin), "(foo\n   bar)");
}

TEST(TextLexer, Errors) {
  auto unclosed = parse_sexps("(a (b)");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_EQ(unclosed.error().kind, ErrorKind::Malformed);
  EXPECT_EQ(unclosed.error().message.rfind("1:1:", 0), 0u) << unclosed.error().message;
  EXPECT_FALSE(parse_sexps("(a \"x\\q\")").ok());       // bad escape
  EXPECT_FALSE(parse_sexps("(a \"x\\u{D800}\")").ok()); // surrogate
  EXPECT_FALSE(parse_sexps("(a \"unterminated)").ok());
  EXPECT_FALSE(parse_sexps("(a (; open)").ok());
  EXPECT_FALSE(parse_sexps("(a \"x\"y)").ok());         // tokens must be separated
  EXPECT_FALSE(parse_sexps("(a {)").ok());              // reserved character
  EXPECT_FALSE(parse_sexps(")").ok());
}

TEST(TextLexer, Utf8Validation) {
  EXPECT_TRUE(is_valid_utf8("abc\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"));
  EXPECT_FALSE(is_valid_utf8("\x80"));
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
}

}  // namespace
}  // namespace wisp::text

namespace wisp::text {
namespace {

TEST(TextLexer, NestingIsBounded) {
  std::string deep(100000, '(');
  deep += std::string(100000, ')');
  auto r = parse_sexps(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("nesting too deep"), std::string::npos);
  std::string ok(1900, '(');
  ok += std::string(1900, ')');
  EXPECT_TRUE(parse_sexps(ok).ok());
}

#if defined(__SANITIZE_ADDRESS__)
#define WISP_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WISP_TEST_ASAN 1
#endif
#endif

TEST(TextLexer, DeepFoldedExpressionEncodes) {
  // The encoder recurses per folded level; the lexer's bound keeps that within the native stack.
  std::string body;
  for (int i = 0; i < 1900; ++i) body += "(i32.eqz ";
  body += "(i32.const 0)";
  body += std::string(1900, ')');
  auto r = wat_to_wasm("(module (func (result i32) " + body + "))");
#if WISP_TEST_ASAN
  // Sanitizer frames are far larger: the encoder's own stack budget must stop it cleanly instead.
  if (!r.ok()) {
    EXPECT_NE(r.error().message.find("nesting too deep"), std::string::npos) << r.error().message;
  }
#else
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
#endif
}

TEST(TextLexer, DeepFoldedBlocksNeverOverflow) {
  // Nested folded blocks recurse through two functions per level; at the lexer's bound the input is
  // either encoded or rejected, in every build.
  std::string body;
  for (int i = 0; i < 1990; ++i) body += "(block ";
  body += std::string(1990, ')');
  auto r = wat_to_wasm("(module (func " + body + "))");
  if (!r.ok()) {
    EXPECT_NE(r.error().message.find("nesting too deep"), std::string::npos) << r.error().message;
  }
}

}  // namespace
}  // namespace wisp::text
