#include "interp/ir_printer.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "interp/handler_table.h"

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
  appendf(out, "params=%u locals=%u results=%u frame=%u\n", code.num_params, code.num_locals,
          code.num_results, code.frame_slots);
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
    size_t k = pc + 2;
    for (char kind : info.kinds) {
      if (k >= n) break;
      switch (kind) {
        case 's': appendf(out, " s%u", words[k++] / 8); break;
        case 'i': appendf(out, " i0x%x", words[k++]); break;
        case 'I': {
          uint64_t v = uint64_t(words[k]) | (uint64_t(words[k + 1]) << 32);
          appendf(out, " I0x%" PRIx64, v);
          k += 2;
          break;
        }
        case 'b': appendf(out, " @%" PRId64, int64_t(pc) + int32_t(words[k++])); break;
        case 'x': appendf(out, " #%u", words[k++]); break;
        case 'o': appendf(out, " +%u", words[k++]); break;
        case 'T': {
          uint32_t count = words[k++];
          out += " [";
          for (uint32_t t = 0; t <= count && k < n; ++t)
            appendf(out, t ? " @%" PRId64 : "@%" PRId64, int64_t(pc) + int32_t(words[k++]));
          out += "]";
          break;
        }
        default: break;
      }
    }
    out += '\n';
    pc = k;
  }
  return out;
}

}  // namespace wisp::interp
