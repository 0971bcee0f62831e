#include "interp/ir_printer.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "interp/handler_table.h"
#include "interp/operand_kinds.h"

namespace wisp::interp {

namespace {
void appendf(std::string& out, const char* fmt, auto... args) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, args...);
  out += buf;
}
}  // namespace

std::string print_ir(const FuncCode& code) {
  std::string out;
  const runtime::FrameLayout& f = code.frame;
  appendf(out, "params=%u locals=%u results=%u frame=%u\n", f.num_params, f.num_locals, f.num_results, f.frame_slots);
  const uint32_t* words = code.code.data();
  size_t n = code.code.size();
  size_t pc = 0;
  while (pc + 2 <= n) {
    uint64_t w;
    std::memcpy(&w, words + pc, 8);
    auto id = handler_from_word(w);
    appendf(out, "%4zu: ", pc);
    if (!id) {
      out += "<bad handler word>\n";
      break;
    }
    const HandlerInfo& info = handler_info(*id);
    out += info.name;
    const int64_t at_pc = int64_t(pc);  // branch offsets are relative to the instruction start
    pc += for_each_operand(words + pc, info.kinds, [&](char kind, const uint32_t* at) {
      switch (kind) {
        case 's': appendf(out, " s%u", at[0] / 8); break;
        case 'i': appendf(out, " i0x%x", at[0]); break;
        case 'I': appendf(out, " I0x%" PRIx64, uint64_t(at[0]) | (uint64_t(at[1]) << 32)); break;
        case 'b': appendf(out, " @%" PRId64, at_pc + int32_t(at[0])); break;
        case 'x': appendf(out, " #%u", at[0]); break;
        case 'o': appendf(out, " +%u", at[0]); break;
        case 'T':
          out += " [";
          for (uint32_t t = 0; t <= at[0]; ++t)
            appendf(out, t ? " @%" PRId64 : "@%" PRId64, at_pc + int32_t(at[1 + t]));
          out += "]";
          break;
        default: break;
      }
    });
    out += '\n';
  }
  return out;
}

}  // namespace wisp::interp
