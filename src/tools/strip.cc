#include "tools/strip.h"

#include <algorithm>

namespace wisp::tools {

StripResult strip_custom_sections(const wasm::Module& m, const std::vector<std::string>& keep) {
  StripResult r;
  const std::vector<uint8_t>& in = m.bytes;
  size_t header = std::min<size_t>(8, in.size());
  r.bytes.assign(in.begin(), in.begin() + ptrdiff_t(header));
  size_t ci = 0;
  for (const wasm::SectionInfo& s : m.sections) {
    size_t begin = s.offset, end = size_t(s.contents_offset) + s.size;
    if (s.id == 0) {
      const std::string& name = m.customs.at(ci++).name;
      if (std::find(keep.begin(), keep.end(), name) == keep.end()) {
        r.removed.push_back(name);
        r.removed_bytes += end - begin;
        continue;
      }
    }
    r.bytes.insert(r.bytes.end(), in.begin() + ptrdiff_t(begin), in.begin() + ptrdiff_t(end));
  }
  return r;
}

}  // namespace wisp::tools
