// `-W NAME=y|n` (wasmtime's spelling; also `-WNAME=y`, `--wasm NAME=y` and comma lists `-W a=y,b=n`),
// shared by `wisp run`, `wisp wast` and `wisp validate`: switches the post-2.0 features of
// Config::features (wisp/features.h). `-W help` lists them. Repeatable; later settings win.
#pragma once
#include <string>

#include "wisp/wisp.h"

namespace wisp::cli {

// The help line of the option.
inline constexpr const char* kFeaturesOptionHelp =
    "  -W NAME=y|n            enable or disable a post-2.0 Wasm feature (repeatable, or NAME=y,NAME=n);\n"
    "                         -W help lists them with their defaults\n";

// Consumes argv[i] (and its value) when it is -W/--wasm and applies it to `features`. A bad name or value
// sets `error`; `-W help` sets `help` (the caller prints feature_list() and exits 0).
bool parse_features_option(int argc, char** argv, int& i, Features& features, std::string& error, bool& help);

// One line per feature: its name and whether it is on by default.
std::string feature_list();

}  // namespace wisp::cli
