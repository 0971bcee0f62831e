// `wisp size`: where a module's bytes go (what `twiggy top` shows). Items partition the file: the
// header, each non-code/data section, each custom section, each function body, each data segment, and
// the remaining bytes of the code and data sections (their headers and counts), so shares sum to 100%.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "wasm/module.h"

namespace wisp::tools {

struct SizeItem {
  std::string kind;  // "header", "section", "custom", "function", "data"
  std::string name;  // "type section", "custom \".debug_info\"", "func[3] <main>", "data[0]"
  uint64_t bytes = 0;
};

// Every item, largest first (ties in file order).
std::vector<SizeItem> size_items(const wasm::Module& m);

// The top `top_n` items (0: all) as a table, then the rest summed, then the total.
std::string size_text(const wasm::Module& m, size_t top_n);
std::string size_json(const wasm::Module& m, size_t top_n);

}  // namespace wisp::tools
