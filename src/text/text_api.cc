// include/wisp/text.h: the text format for embedders, over the text layer's encoder.
#include "text/wat.h"
#include "wisp/text.h"

namespace wisp {

Result<std::vector<uint8_t>> wat_to_wasm(std::string_view wat) { return text::wat_to_wasm(wat); }

}  // namespace wisp
