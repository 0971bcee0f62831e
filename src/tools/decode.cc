#include "tools/decode.h"

#include "binary/module_decoder.h"

namespace wisp::tools {

Result<std::shared_ptr<wasm::Module>> decode_module(std::vector<uint8_t> bytes, Features features) {
  return binary::decode_module(std::move(bytes), features);
}

}  // namespace wisp::tools
