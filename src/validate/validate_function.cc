#include "validate/validate_function.h"

#include "validate/func_decoder.h"

namespace wisp::validate {

Result<void> validate_function(const wasm::Module& module, uint32_t func_index) {
  if (func_index < module.num_imported_funcs || func_index - module.num_imported_funcs >= module.bodies.size())
    return Error::usage("validate_function: not a defined function: " + std::to_string(func_index));
  // Reused across calls on this thread: validating a module allocates only for its largest body.
  thread_local DecoderScratch scratch;
  NullVisitor visitor;
  FuncDecoder<BodyTag, NullVisitor> decoder(module, func_index, visitor, &scratch);
  return decoder.decode();
}

}  // namespace wisp::validate
