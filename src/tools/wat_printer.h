// `wisp print`: a decoded module back to WAT text, flat or folded, with $names from the name section.
// Printing then parsing the text (text::wat_to_wasm) gives a module with the same types, imports,
// functions (instruction for instruction), tables, memories, globals, exports, start, elements and data.
// Custom sections other than "name" are not printed (the 2.0 text format has no syntax for them).
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "util/error.h"
#include "wasm/module.h"

namespace wisp::tools {

struct PrintOptions {
  bool folded = false;  // S-expression operands: (i32.add (local.get 0) (i32.const 1))
  bool names = true;    // $ids from the name section where they are valid, unique identifiers
};

// The whole module as text, ending with a newline. Errors (Malformed) when a function body or constant
// expression cannot be decoded.
Result<std::string> print_module(const wasm::Module& module, const PrintOptions& options = {});
// The same, handed to `sink` in pieces as it is printed, so memory stays bounded by a chunk and one
// function's folded tree whatever the module's size; on an error, the text before it was handed over.
// Nesting deeper than 64 levels, and bodies over 256 KiB, print flat (valid text too) and indentation
// stops at 32 levels, so the output is linear in the module and memory is bounded.
Result<void> print_module(const wasm::Module& module, const PrintOptions& options,
                          const std::function<void(std::string_view)>& sink);

// A type definition's text (GC): "(func (param i32))", "(struct (field (mut i8)) (field i64))",
// "(array (mut f32))", wrapped in "(sub final? SUPER? ...)" unless it is final without a supertype.
std::string type_def_text(const wasm::Module& module, uint32_t type_index);

// A constant expression as folded text without its final `end`: "(i32.const 1024)"; "?" if undecodable.
std::string const_expr_text(const wasm::Module& module, const wasm::ConstExpr& expr);

// WAT text of a float constant that parses back to exactly `bits` (nan payloads, -0, inf included).
std::string format_f32(uint32_t bits);
std::string format_f64(uint64_t bits);

// A WAT string literal: printable ASCII as is, \hh escapes for every other byte, quotes and backslashes.
std::string quote_string(std::string_view bytes);

}  // namespace wisp::tools
