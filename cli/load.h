// Reading a module file for the CLI: binary .wasm or WAT text.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "wisp/error.h"

namespace wisp::cli {

// Reads `path` and returns the module's binary bytes. Files starting with the "\0asm" magic, or named
// *.wasm, are binary; anything else is WAT text, encoded with text::wat_to_wasm (its errors are
// Malformed, "LINE:COL: ...").
// A file that cannot be read gives an Io error.
Result<std::vector<uint8_t>> load_module_bytes(const std::string& path);

// "FILE: kind at offset 0x..: message" for one-line reports.
std::string describe_error(const std::string& path, const Error& error);

}  // namespace wisp::cli
