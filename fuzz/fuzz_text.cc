// Fuzz target: the text front end. The input is parsed both as a WAT module and as a WAST script;
// every module WAT produces must then decode and validate (the encoder must emit well-formed binary
// for anything the parser accepts, or the text parser must report the error itself).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/wast.h"
#include "text/wat.h"
#include "wisp/wisp.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const wisp::Engine engine;
  std::string_view src(reinterpret_cast<const char*>(data), size);
  auto wasm = wisp::text::wat_to_wasm(src);
  if (wasm) {
    auto module = wisp::Module::compile(engine, *wasm);
    // Text that parses may still be invalid (types), but never malformed binary -- except
    // `(module binary "...")`, whose bytes are passed through as written.
    if (!module && module.error().kind == wisp::ErrorKind::Malformed &&
        src.find("binary") == std::string_view::npos) {
      std::fprintf(stderr, "encoder produced malformed binary: %s\n", module.error().to_string().c_str());
      std::abort();
    }
  }
  (void)wisp::text::parse_wast(src);
  return 0;
}
