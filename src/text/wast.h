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
  enum class Kind : uint8_t { i32, i64, f32, f64, v128, ref_null, ref_extern, ref_func };
  Kind kind = Kind::i32;
  uint8_t bytes[16] = {};      // little-endian bits (i32/f32: 4 bytes, i64/f64: 8, v128: 16); ref_extern: the u32 host value
  wasm::ValType ref_type;       // ref_null: funcref or externref (the heap type written)
  NanPattern nan = NanPattern::none;   // f32/f64 expected results: nan:canonical / nan:arithmetic
  // v128 expected results: the lane shape written (i8,i16,i32,i64,f32,f64) and per-lane NaN patterns
  uint8_t lane_bits = 0;        // 8/16/32/64 for integer shapes, 32/64 for float shapes; 0 if not v128
  bool lanes_float = false;
  NanPattern lane_nan[4] = {};  // for f32x4 (4 lanes) / f64x2 (2 lanes)
  bool ref_func_any = false;    // `(ref.func)` with no index in an expected result: any non-null funcref
  bool ref_extern_any = false;  // `(ref.extern)` with no value in an expected result: any non-null externref
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
  enum class Kind : uint8_t { module, register_, action, assert_return, assert_trap, assert_exhaustion,
                              assert_malformed, assert_invalid, assert_unlinkable, assert_uninstantiable,
                              assert_exception };
  Kind kind = Kind::module;
  uint32_t line = 0;            // 1-based line of the command
  std::string module_name;      // module: "$id" if given; register_: the "$id" being registered (may be empty)
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

// Parses a .wast script. Text modules inside are encoded to binary here; if such a module fails to
// encode, that is an error of the script itself (returned), except inside assert_malformed/assert_invalid
// where a module that fails at the text level is kept as ModuleSource::quote (its source text, or the
// quoted strings) so the runner reports the text error through wat_to_wasm.
Result<Script> parse_wast(std::string_view source);

}  // namespace wisp::text
