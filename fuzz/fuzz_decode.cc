// Fuzz target: binary decoder + validator, and `wisp print`. Any byte string must produce a module or a
// Malformed / Invalid error, never a crash, hang, leak or sanitizer report; whatever decodes must print
// (flat and folded) or fail with Malformed.
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "tools/decode.h"
#include "tools/wat_printer.h"
#include "wisp/wisp.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const wisp::Engine engine;
  std::span<const uint8_t> bytes(data, size);
  auto valid = wisp::Module::validate(engine, bytes);
  auto module = wisp::Module::compile(engine, bytes);
  // validate() and compile() must agree.
  if (bool(valid) != bool(module)) std::abort();
  if (!module) {
    if (auto decoded = wisp::tools::decode_module(std::vector<uint8_t>(data, data + size))) {
      auto r = wisp::tools::print_module(**decoded, {false, true});  // invalid modules print too
      if (!r && r.error().kind != wisp::ErrorKind::Malformed) std::abort();
    }
    auto k = module.error().kind;
    if (k != wisp::ErrorKind::Malformed && k != wisp::ErrorKind::Invalid) std::abort();
    return 0;
  }
  if (auto decoded = wisp::tools::decode_module(std::vector<uint8_t>(data, data + size))) {
    for (bool folded : {false, true}) {
      size_t printed = 0;
      auto r = wisp::tools::print_module(**decoded, {folded, true}, [&](std::string_view s) { printed += s.size(); });
      if (!r && r.error().kind != wisp::ErrorKind::Malformed) std::abort();
    }
  }
  // Reflection over a valid module must work.
  (void)module->imports();
  (void)module->exports();
  (void)module->name();
  return 0;
}
