// Tokens and S-expression tree of the WebAssembly text format (WAT/WAST).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"

namespace wisp::text {

// One node of the S-expression tree: an atom (keyword, id, number, reserved), a string, or a list.
struct Sexp {
  enum class Kind : uint8_t { atom, string, list };
  Kind kind = Kind::atom;
  std::string text;          // atom: its characters; string: the decoded bytes
  std::vector<Sexp> items;   // list: its elements
  // list: the annotations `(@id ...)` written among its elements, in order. Each is a list whose first
  // item is the atom "@id"; its place among `items` follows from `begin`. Annotation contents may hold
  // reserved tokens (atoms of any characters).
  std::vector<Sexp> annotations;
  uint32_t line = 0, col = 0;
  size_t begin = 0, end = 0; // byte range in the source (lists: '(' .. ')' inclusive)

  bool is_list() const { return kind == Kind::list; }
  bool is_atom() const { return kind == Kind::atom; }
  bool is_string() const { return kind == Kind::string; }
  bool is_id() const { return kind == Kind::atom && !text.empty() && text[0] == '$'; }
  bool is_keyword(std::string_view k) const { return kind == Kind::atom && text == k; }
  // A list whose first element is the keyword `head`.
  bool is_list_of(std::string_view head) const {
    return kind == Kind::list && !items.empty() && items[0].is_keyword(head);
  }
  // "LINE:COL: what" for errors at this node.
  Error error(std::string_view what) const;
};

// Parses the whole source into a sequence of top-level S-expressions. Comments are skipped, annotations
// are kept aside (Sexp::annotations), strings are unescaped, quoted identifiers $"..." become "$" plus
// their content. Errors are Malformed with "LINE:COL: what".
Result<std::vector<Sexp>> parse_sexps(std::string_view source);
// The same as one list holding the top-level items and the top-level annotations.
Result<Sexp> parse_root(std::string_view source);

// Recovery for scripts: the top-level forms of `source` as byte ranges, found by balancing parentheses
// (strings and comments skipped) without checking the tokens, so that each can be lexed on its own.
struct SourceRange {
  size_t begin = 0, end = 0;
  uint32_t line = 1;      // line of `begin`
  size_t line_start = 0;  // offset where that line starts
};
std::vector<SourceRange> split_top_level(std::string_view source);
// Lexes one range of split_top_level: positions and lines stay those of `source`.
Result<std::vector<Sexp>> parse_sexps_range(std::string_view source, const SourceRange& range);

// Annotations of `list` that lie between items[i-1] and items[i] (i == items.size(): after the last).
std::vector<const Sexp*> annotations_before(const Sexp& list, size_t i);

// True when the bytes are valid UTF-8 (names must be).
bool is_valid_utf8(std::string_view s);

}  // namespace wisp::text
