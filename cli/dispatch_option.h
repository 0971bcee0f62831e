// `--dispatch=tailcall|loop|auto`, shared by `wisp run` and `wisp wast`: the interpreter's dispatch mode
// (Config::dispatch). Asking for a mode this build lacks is a usage error, not a silent fallback.
#pragma once
#include <string>

#include "wisp/wisp.h"

namespace wisp::cli {

// The help line of the option.
inline constexpr const char* kDispatchOptionHelp =
    "  --dispatch MODE        interpreter dispatch: tailcall, loop or auto (default: tailcall where the\n"
    "                         build has it, else loop)\n"
    "  --tier TIER            execution tier: interp, jit (the baseline x86-64 JIT compiles every function\n"
    "                         before running; what it cannot compile stays interpreted) or auto (default:\n"
    "                         functions start interpreted; hot functions and loops are compiled)\n";

// Consumes argv[i] (and its value) when it is --dispatch; a bad or unavailable mode sets `error`.
bool parse_dispatch_option(int argc, char** argv, int& i, Config::Dispatch& mode, std::string& error);

// Consumes argv[i] (and its value) when it is --tier; a bad tier, or `jit` in a build without the JIT,
// sets `error`.
bool parse_tier_option(int argc, char** argv, int& i, Config::Tier& tier, std::string& error);

// Consumes argv[i] (and its value) when it is --tier-up-threshold N (not in the help: for tests, which use
// 1 so every function and loop tiers up at once): Config::tier_up_threshold.
bool parse_tier_up_threshold_option(int argc, char** argv, int& i, uint32_t& threshold, std::string& error);

}  // namespace wisp::cli
