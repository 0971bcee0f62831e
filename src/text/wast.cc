#include "text/wast.h"

#include "text/lexer.h"
#include "text/numbers.h"
#include "text/wat.h"
#include "text/wat_encoder.h"

namespace wisp::text {

namespace {

void store_le(uint8_t* dst, uint64_t v, unsigned nbytes) {
  for (unsigned i = 0; i < nbytes; ++i) dst[i] = uint8_t(v >> (8 * i));
}

Error num_error(const Sexp& s, NumStatus st) {
  return s.error(st == NumStatus::out_of_range ? "constant out of range" : "unknown operator");
}

// A float that may be a NaN pattern (expected results only).
Result<void> float_value(const Sexp& s, unsigned bits, bool expected, uint8_t* dst, NanPattern& nan) {
  if (!s.is_atom()) return s.error("unexpected token, expected number");
  if (expected && (s.text == "nan:canonical" || s.text == "nan:arithmetic")) {
    nan = s.text == "nan:canonical" ? NanPattern::canonical : NanPattern::arithmetic;
    return {};
  }
  NumResult r = bits == 32 ? parse_f32(s.text) : parse_f64(s.text);
  if (!r.ok()) return num_error(s, r.status);
  store_le(dst, r.bits, bits / 8);
  return {};
}

Result<WastValue> parse_value(const Sexp& s, bool expected) {
  WastValue v;
  if (!s.is_list() || s.items.empty() || !s.items[0].is_atom()) return s.error("unexpected token, expected value");
  const std::string& head = s.items[0].text;
  auto arg = [&](size_t i) -> Result<const Sexp*> {
    if (s.items.size() <= i) return s.error("unexpected end of value");
    return &s.items[i];
  };
  if (head == "i32.const" || head == "i64.const") {
    unsigned bits = head[1] == '3' ? 32 : 64;
    v.kind = bits == 32 ? WastValue::Kind::i32 : WastValue::Kind::i64;
    WISP_TRY(auto a, arg(1));
    if (s.items.size() != 2) return s.error("unexpected token in value");
    NumResult r = parse_int(a->text, bits);
    if (!a->is_atom() || !r.ok()) return num_error(*a, r.status);
    store_le(v.bytes, r.bits, bits / 8);
    return v;
  }
  if (head == "f32.const" || head == "f64.const") {
    unsigned bits = head[1] == '3' ? 32 : 64;
    v.kind = bits == 32 ? WastValue::Kind::f32 : WastValue::Kind::f64;
    WISP_TRY(auto a, arg(1));
    if (s.items.size() != 2) return s.error("unexpected token in value");
    WISP_TRY(float_value(*a, bits, expected, v.bytes, v.nan));
    return v;
  }
  if (head == "v128.const") {
    v.kind = WastValue::Kind::v128;
    WISP_TRY(auto a, arg(1));
    const std::string& shape = a->text;
    unsigned lane_bits;
    bool is_float = false;
    if (shape == "i8x16") lane_bits = 8;
    else if (shape == "i16x8") lane_bits = 16;
    else if (shape == "i32x4") lane_bits = 32;
    else if (shape == "i64x2") lane_bits = 64;
    else if (shape == "f32x4") lane_bits = 32, is_float = true;
    else if (shape == "f64x2") lane_bits = 64, is_float = true;
    else return a->error("unexpected token, expected v128 shape");
    unsigned lanes = 128 / lane_bits;
    if (s.items.size() != 2 + lanes) return s.error("wrong number of lane literals");
    v.lane_bits = uint8_t(lane_bits);
    v.lanes_float = is_float;
    for (unsigned i = 0; i < lanes; ++i) {
      const Sexp& l = s.items[2 + i];
      uint8_t* dst = v.bytes + i * (lane_bits / 8);
      if (is_float) {
        WISP_TRY(float_value(l, lane_bits, expected, dst, v.lane_nan[i]));
      } else {
        NumResult r = parse_int(l.text, lane_bits);
        if (!l.is_atom() || !r.ok()) return num_error(l, r.status);
        store_le(dst, r.bits, lane_bits / 8);
      }
    }
    return v;
  }
  if (head == "ref.null") {
    v.kind = WastValue::Kind::ref_null;
    WISP_TRY(auto a, arg(1));
    if (a->text == "func") v.ref_type = wasm::ValType::funcref();
    else if (a->text == "extern") v.ref_type = wasm::ValType::externref();
    else return a->error("unexpected token, expected heap type");
    return v;
  }
  if (head == "ref.extern" || head == "ref.func") {
    v.kind = head == "ref.extern" ? WastValue::Kind::ref_extern : WastValue::Kind::ref_func;
    if (s.items.size() == 1) {
      if (!expected) return s.error("unexpected end of value");
      (head == "ref.func" ? v.ref_func_any : v.ref_extern_any) = true;
      return v;
    }
    NumResult r = parse_uint(s.items[1].text, 32);
    if (!s.items[1].is_atom() || !r.ok()) return num_error(s.items[1], r.status);
    store_le(v.bytes, r.bits, 4);
    return v;
  }
  return s.items[0].error("unknown value " + head);
}

Result<Action> parse_action(const Sexp& s) {
  Action a;
  if (s.is_list_of("invoke")) a.kind = Action::Kind::invoke;
  else if (s.is_list_of("get")) a.kind = Action::Kind::get;
  else return s.error("unexpected token, expected action");
  size_t i = 1;
  if (i < s.items.size() && s.items[i].is_id()) a.module = s.items[i++].text;
  if (i >= s.items.size() || !s.items[i].is_string()) return s.error("unexpected token, expected export name");
  a.field = s.items[i++].text;
  for (; i < s.items.size(); ++i) {
    if (a.kind == Action::Kind::get) return s.items[i].error("unexpected token");
    WISP_TRY(auto v, parse_value(s.items[i], false));
    a.args.push_back(v);
  }
  return a;
}

// Encodes a (module ...) command. With keep_text, modules failing at the text level become quotes.
Result<void> parse_module(const Sexp& m, std::string_view source, bool keep_text, Command& cmd) {
  size_t i = 1;
  if (i < m.items.size() && m.items[i].is_id()) cmd.module_name = m.items[i++].text;
  bool quote = i < m.items.size() && m.items[i].is_keyword("quote");
  if (quote && keep_text) {
    cmd.module.kind = ModuleSource::Kind::quote;
    for (size_t k = i + 1; k < m.items.size(); ++k) {
      if (!m.items[k].is_string()) return m.items[k].error("unexpected token, expected string");
      cmd.module.quote += m.items[k].text;
    }
    return {};
  }
  auto bytes = encode_module_sexp(m, kScriptDialect);
  if (!bytes.ok()) {
    if (keep_text) {
      cmd.module.kind = ModuleSource::Kind::quote;
      cmd.module.quote = std::string(source.substr(m.begin, m.end - m.begin));
      return {};
    }
    return bytes.error();
  }
  cmd.module.kind = ModuleSource::Kind::binary;
  cmd.module.bytes = std::move(*bytes);
  return {};
}

Result<std::string> message(const Sexp& s, size_t i) {
  if (i >= s.items.size() || !s.items[i].is_string()) return s.error("unexpected token, expected failure message");
  if (i + 1 != s.items.size()) return s.items[i + 1].error("unexpected token");
  return s.items[i].text;
}

Result<Command> parse_command(const Sexp& s, std::string_view source) {
  Command cmd;
  cmd.line = s.line;
  if (!s.is_list() || s.items.empty() || !s.items[0].is_atom()) return s.error("unexpected token, expected command");
  const std::string& head = s.items[0].text;
  if (head == "module") {
    cmd.kind = Command::Kind::module;
    WISP_TRY(parse_module(s, source, false, cmd));
    return cmd;
  }
  if (head == "register") {
    cmd.kind = Command::Kind::register_;
    if (s.items.size() < 2 || !s.items[1].is_string()) return s.error("unexpected token in register");
    cmd.register_as = s.items[1].text;
    if (s.items.size() == 3 && s.items[2].is_id()) cmd.module_name = s.items[2].text;
    else if (s.items.size() != 2) return s.error("unexpected token in register");
    return cmd;
  }
  if (head == "invoke" || head == "get") {
    cmd.kind = Command::Kind::action;
    WISP_TRY(auto a, parse_action(s));
    cmd.action = std::move(a);
    return cmd;
  }
  if (s.items.size() < 2) return s.error("unexpected end of command");
  const Sexp& target = s.items[1];
  if (head == "assert_return") {
    cmd.kind = Command::Kind::assert_return;
    WISP_TRY(auto a, parse_action(target));
    cmd.action = std::move(a);
    for (size_t i = 2; i < s.items.size(); ++i) {
      WISP_TRY(auto v, parse_value(s.items[i], true));
      cmd.expected.push_back(v);
    }
    return cmd;
  }
  if (head == "assert_exception") {  // minimal form (exceptions): an action that throws uncaught
    cmd.kind = Command::Kind::assert_exception;
    WISP_TRY(auto a, parse_action(target));
    cmd.action = std::move(a);
    return cmd;
  }
  if (head == "assert_trap" || head == "assert_exhaustion") {
    cmd.kind = head == "assert_trap" ? Command::Kind::assert_trap : Command::Kind::assert_exhaustion;
    if (target.is_list_of("module")) {
      cmd.has_module = true;
      WISP_TRY(parse_module(target, source, false, cmd));
    } else {
      WISP_TRY(auto a, parse_action(target));
      cmd.action = std::move(a);
    }
    WISP_TRY(auto m, message(s, 2));
    cmd.text = std::move(m);
    return cmd;
  }
  Command::Kind kind;
  bool keep_text = false;
  if (head == "assert_malformed") kind = Command::Kind::assert_malformed, keep_text = true;
  else if (head == "assert_invalid") kind = Command::Kind::assert_invalid, keep_text = true;
  else if (head == "assert_unlinkable") kind = Command::Kind::assert_unlinkable;
  else if (head == "assert_uninstantiable") kind = Command::Kind::assert_uninstantiable;
  else return s.items[0].error("unknown command " + head);
  cmd.kind = kind;
  if (!target.is_list_of("module")) return target.error("unexpected token, expected module");
  cmd.has_module = true;
  WISP_TRY(parse_module(target, source, keep_text, cmd));
  WISP_TRY(auto m, message(s, 2));
  cmd.text = std::move(m);
  return cmd;
}

}  // namespace

Result<Script> parse_wast(std::string_view source) {
  WISP_TRY(auto sexps, parse_sexps(source));
  Script script;
  // A script that is only module fields is one inline module.
  for (const Sexp& s : sexps) {
    static const char* kFields[] = {"type", "import", "func", "table", "memory", "global", "export", "start",
                                    "elem", "data"};
    bool field = false;
    for (const char* k : kFields) field = field || s.is_list_of(k);
    if (!field) continue;
    WISP_TRY(auto bytes, wat_to_wasm(source, kScriptDialect));
    Command cmd;
    cmd.line = s.line;
    cmd.module.bytes = std::move(bytes);
    script.commands.push_back(std::move(cmd));
    return script;
  }
  for (const Sexp& s : sexps) {
    WISP_TRY(auto c, parse_command(s, source));
    script.commands.push_back(std::move(c));
  }
  return script;
}

}  // namespace wisp::text
