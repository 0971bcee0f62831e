#include "runtime/const_eval.h"

#include <cstring>

#include "util/leb128.h"

namespace wisp::runtime {

namespace {

Error bad_expr(const char* what) { return Error::invalid(std::string("constant expression: ") + what); }

}  // namespace

Result<Value> eval_const(const wasm::ConstExpr& expr, const InstanceData& inst) {
  // A tiny value stack: validated expressions need at most a few entries.
  Value stack[16];
  size_t sp = 0;
  const uint8_t* p = expr.code.data();
  const uint8_t* end = p + expr.code.size();
  auto push = [&](Value v) -> bool {
    if (sp == std::size(stack)) return false;
    stack[sp++] = v;
    return true;
  };
  while (p < end) {
    uint8_t op = *p++;
    Value v;
    switch (op) {
      case 0x0B:  // end
        if (sp != 1) return bad_expr("type mismatch");
        return stack[0];
      case 0x41: {  // i32.const
        auto x = util::read_sleb<32>(p, end);
        if (!x) return bad_expr("bad i32.const");
        v = Value::from_i32(uint32_t(*x));
        break;
      }
      case 0x42: {  // i64.const
        auto x = util::read_sleb<64>(p, end);
        if (!x) return bad_expr("bad i64.const");
        v = Value::from_i64(uint64_t(*x));
        break;
      }
      case 0x43: {  // f32.const
        if (end - p < 4) return bad_expr("bad f32.const");
        std::memcpy(v.bytes, p, 4);
        p += 4;
        break;
      }
      case 0x44: {  // f64.const
        if (end - p < 8) return bad_expr("bad f64.const");
        std::memcpy(v.bytes, p, 8);
        p += 8;
        break;
      }
      case 0xD0: {  // ref.null t
        if (p >= end) return bad_expr("bad ref.null");
        ++p;
        v = Value::from_ref(0);
        break;
      }
      case 0xD2: {  // ref.func i
        auto i = util::read_uleb<32>(p, end);
        if (!i || *i >= inst.funcs.size()) return bad_expr("unknown function");
        v = Value::from_ref(reinterpret_cast<RefBits>(inst.funcs[*i]));
        break;
      }
      case 0x23: {  // global.get i
        auto i = util::read_uleb<32>(p, end);
        if (!i || *i >= inst.globals.size() || !inst.globals[*i]) return bad_expr("unknown global");
        v = inst.globals[*i]->value;
        break;
      }
      case 0x6A: case 0x6B: case 0x6C: {  // i32.add/sub/mul (extended const)
        if (sp < 2) return bad_expr("type mismatch");
        uint32_t b = stack[--sp].i32(), a = stack[--sp].i32();
        v = Value::from_i32(op == 0x6A ? a + b : op == 0x6B ? a - b : a * b);
        break;
      }
      case 0x7C: case 0x7D: case 0x7E: {  // i64.add/sub/mul (extended const)
        if (sp < 2) return bad_expr("type mismatch");
        uint64_t b = stack[--sp].i64(), a = stack[--sp].i64();
        v = Value::from_i64(op == 0x7C ? a + b : op == 0x7D ? a - b : a * b);
        break;
      }
      case 0xFD: {  // v128.const
        auto sub = util::read_uleb<32>(p, end);
        if (!sub || *sub != 12 || end - p < 16) return bad_expr("unsupported instruction");
        std::memcpy(v.bytes, p, 16);
        p += 16;
        break;
      }
      default:
        return bad_expr("unsupported instruction");
    }
    if (!push(v)) return bad_expr("too deep");
  }
  return bad_expr("missing end");
}

}  // namespace wisp::runtime
