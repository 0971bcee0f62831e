// `--dispatch=tailcall|loop|auto`, shared by `wisp run` and `wisp wast`: the interpreter's dispatch mode
// (Config::dispatch). Asking for a mode this build lacks is a usage error, not a silent fallback.
#pragma once
#include <string>

#include "wisp/wisp.h"

namespace wisp::cli {

// The help line of the option.
inline constexpr const char* kDispatchOptionHelp =
    "  --dispatch MODE        interpreter dispatch: tailcall, loop or auto (default: tailcall where the\n"
    "                         build has it, else loop)\n";

// Consumes argv[i] (and its value) when it is --dispatch; a bad or unavailable mode sets `error`.
bool parse_dispatch_option(int argc, char** argv, int& i, Config::Dispatch& mode, std::string& error);

}  // namespace wisp::cli
