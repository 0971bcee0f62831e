// Out-of-line helpers for FuncDecoder's (cold) error paths.
#include <cstdio>

#include "validate/func_decoder.h"

namespace wisp::validate::detail {

std::string index_message(const char* what, uint64_t index) {
  return std::string(what) + " " + std::to_string(index);
}

std::string opcode_message(uint8_t byte, bool prefixed, uint32_t sub) {
  char buf[48];
  if (prefixed) std::snprintf(buf, sizeof buf, "illegal opcode 0x%02x 0x%x", unsigned(byte), unsigned(sub));
  else std::snprintf(buf, sizeof buf, "illegal opcode 0x%02x", unsigned(byte));
  return buf;
}

std::string unsupported_message(std::string_view what, Feature feature) {
  return Features::unsupported_message(what, feature);
}

uint64_t code_section_end(const wasm::Module& m) {
  for (const wasm::SectionInfo& s : m.sections)
    if (s.id == 10) return uint64_t(s.contents_offset) + s.size;
  return 0;
}

}  // namespace wisp::validate::detail
