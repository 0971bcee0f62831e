// The tools' entry: a module file's bytes decoded into the wasm::Module every tool works on (not
// validated: inspect, print, strip and size also serve invalid modules). Keeps the CLI off src/binary.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "util/error.h"
#include "wasm/module.h"
#include "wisp/features.h"

namespace wisp::tools {

// `features`: the post-2.0 features the module may use (the defaults unless the user says otherwise).
Result<std::shared_ptr<wasm::Module>> decode_module(std::vector<uint8_t> bytes, Features features = Features::defaults());

}  // namespace wisp::tools
