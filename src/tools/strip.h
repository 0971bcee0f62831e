// `wisp strip`: removes custom sections (all, or all but the named ones) from a module's bytes. Every
// other section is copied byte for byte, so the module stays exactly as valid as it was.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "wasm/module.h"

namespace wisp::tools {

struct StripResult {
  std::vector<uint8_t> bytes;
  std::vector<std::string> removed;  // names of the custom sections dropped, in file order
  uint64_t removed_bytes = 0;        // including their section headers
};

// `m` must come from binary::decode_module (its section table locates every section in m.bytes).
StripResult strip_custom_sections(const wasm::Module& m, const std::vector<std::string>& keep);

}  // namespace wisp::tools
