// WAST scripts (the spec test format): modules, registrations, actions and assertions.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"
#include "wasm/types.h"

namespace wisp::text {

enum class NanPattern : uint8_t { none, canonical, arithmetic };

// A value in a WAST script (argument or expected result).
struct WastValue {
  // ref_host .. ref_array: a non-null reference of that kind (expected results; ref_host also an argument).
  enum class Kind : uint8_t { i32, i64, f32, f64, v128, ref_null, ref_extern, ref_func, ref_host, ref_exn,
                              ref_any, ref_eq, ref_i31, ref_struct, ref_array, either };
  Kind kind = Kind::i32;
  uint8_t bytes[16] = {};      // little-endian bits (i32/f32: 4 bytes, i64/f64: 8, v128: 16); ref_extern/ref_host: the u32 host value
  wasm::ValType ref_type;       // ref_null: (ref null ht) of the abstract heap type written
  bool ref_null_any = false;    // `(ref.null)` with no heap type in an expected result: any null reference
  NanPattern nan = NanPattern::none;   // f32/f64 expected results: nan:canonical / nan:arithmetic
  // v128 expected results: the lane shape written (i8,i16,i32,i64,f32,f64) and per-lane NaN patterns
  uint8_t lane_bits = 0;        // 8/16/32/64 for integer shapes, 32/64 for float shapes; 0 if not v128
  bool lanes_float = false;
  NanPattern lane_nan[4] = {};  // for f32x4 (4 lanes) / f64x2 (2 lanes)
  bool ref_func_any = false;    // `(ref.func)` with no index in an expected result: any non-null funcref
  bool ref_extern_any = false;  // `(ref.extern)` with no value in an expected result: any non-null externref
  std::vector<WastValue> alternatives;  // either: `(either v1 v2 ...)` in an expected result, matched by any
  bool ref_host_any = false;    // `(ref.host)` likewise
};

struct Action {
  enum class Kind : uint8_t { invoke, get } kind = Kind::invoke;
  std::string module;           // "$name" as written, or empty for the last module
  std::string field;            // export name (decoded string, may contain any bytes)
  std::vector<WastValue> args;
};

struct ModuleSource {
  enum class Kind : uint8_t { binary, quote } kind = Kind::binary;
  std::vector<uint8_t> bytes;   // binary: the encoded module (text modules are encoded here by parse_wast)
  std::string quote;            // quote: the concatenated text, to be parsed with wat_to_wasm by the runner
};

struct Command {
  // module: `(module ...)`, or with `definition` set `(module definition ...)` (compiled, not instantiated);
  // module_instance: `(module instance $I? $M?)`; bad: a command that failed to parse (see parse_error).
  enum class Kind : uint8_t { module, register_, action, assert_return, assert_trap, assert_exhaustion,
                              assert_malformed, assert_invalid, assert_unlinkable, assert_uninstantiable,
                              module_instance, assert_exception, assert_malformed_custom, assert_invalid_custom,
                              bad };
  Kind kind = Kind::module;
  uint32_t line = 0;            // 1-based line of the command
  // module: "$id" if given; module_instance: the instance's "$id"; register_: the "$id" being registered
  // (each may be empty)
  std::string module_name;
  bool definition = false;      // module: `(module definition ...)`
  std::string definition_name;  // module_instance: the definition's "$id" (empty: the last definition)
  // Non-empty when the command, or the text module it holds, failed to parse: the runner fails the command
  // with this message (and a module that failed counts as failed for the commands using it).
  std::string parse_error;
  std::string register_as;      // register_: the name string
  ModuleSource module;          // module and assert_{malformed,invalid,unlinkable,uninstantiable}, assert_trap with a module
  bool has_module = false;      // assert_trap/assert_return? on a module rather than an action
  Action action;                // action, assert_return, assert_trap, assert_exhaustion
  std::vector<WastValue> expected;  // assert_return
  std::string text;             // expected failure message for assert_* forms
};

struct Script {
  std::vector<Command> commands;
};

// Parses a .wast script. Text modules inside are encoded to binary here. Inside assert_malformed/
// assert_invalid (and their _custom forms) a module that fails at the text level is kept as
// ModuleSource::quote (its source text, or the quoted strings) so the runner reports the text error
// through wat_to_wasm; elsewhere such a failure, or a command that does not parse, is recorded in the
// command's parse_error and the other commands are kept. After a lexical error (a reserved token, an
// unclosed string, ...) each top-level form is lexed on its own, so that error too stays in its command.
// Errors are returned only for a script of bare module fields (one inline module) that does not encode.
Result<Script> parse_wast(std::string_view source);

}  // namespace wisp::text
