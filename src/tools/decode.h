// The tools' entry: a module file's bytes decoded into the wasm::Module every tool works on (not
// validated: inspect, print, strip and size also serve invalid modules). Keeps the CLI off src/binary.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "util/error.h"
#include "wasm/module.h"

namespace wisp::tools {

Result<std::shared_ptr<wasm::Module>> decode_module(std::vector<uint8_t> bytes);

}  // namespace wisp::tools
