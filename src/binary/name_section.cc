#include "binary/name_section.h"

#include <utility>

#include "binary/byte_reader.h"

namespace wisp::binary {
namespace {

// Subsection ids of the name section (extended-name-section ids beyond 2 are skipped).
constexpr uint8_t kModuleNames = 0, kFunctionNames = 1, kLocalNames = 2;

bool read_name_map(ByteReader& r, size_t end, std::unordered_map<uint32_t, std::string>& out) {
  auto n = r.length(end);
  if (!n) return false;
  for (uint32_t i = 0; i < *n; ++i) {
    auto idx = r.u32();
    if (!idx) return false;
    auto name = r.name(end);
    if (!name) return false;
    out.insert_or_assign(*idx, std::move(*name));
  }
  return true;
}

}  // namespace

bool decode_name_section(const uint8_t* base, size_t begin, size_t end, wasm::NameSection& out) {
  ByteReader r(base, begin, end);
  wasm::NameSection names;
  int last_id = -1;
  while (!r.at_end()) {
    auto id = r.u8();
    if (!id) return false;
    auto size = r.length(end);
    if (!size) return false;
    size_t sub_end = r.pos() + *size;
    // Subsections appear at most once, in increasing order.
    if (int(*id) <= last_id) return false;
    last_id = *id;
    ByteReader sr(base, r.pos(), sub_end);
    switch (*id) {
      case kModuleNames: {
        auto name = sr.name(sub_end);
        if (!name) return false;
        names.module_name = std::move(*name);
        break;
      }
      case kFunctionNames:
        if (!read_name_map(sr, sub_end, names.functions)) return false;
        break;
      case kLocalNames: {
        auto n = sr.length(sub_end);
        if (!n) return false;
        for (uint32_t i = 0; i < *n; ++i) {
          auto func = sr.u32();
          if (!func) return false;
          if (!read_name_map(sr, sub_end, names.locals[*func])) return false;
        }
        break;
      }
      default:
        sr.seek(sub_end);  // other subsections (labels, types, ...) are not needed
        break;
    }
    if (sr.pos() != sub_end) return false;
    r.seek(sub_end);
  }
  out = std::move(names);
  return true;
}

}  // namespace wisp::binary
