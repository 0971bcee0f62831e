// The WASI options of `wisp run`, spelled like wasmtime's CLI, and what they turn into: a WasiConfig
// and the steps around running a command or a reactor. Lives here so cli/run.cc stays a thin driver.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "wisp/error.h"
#include "wisp/wasi.h"

namespace wisp {
class Linker;
class Module;
class Store;
class Instance;
}  // namespace wisp

namespace wisp::wasi {

struct CliOptions {
  std::vector<std::string> dirs;  // --dir HOST[::GUEST]
  std::vector<std::string> envs;  // --env NAME=VALUE or --env NAME (inherit one)
  bool inherit_env = false;       // --inherit-env
  std::optional<std::string> argv0;  // --argv0 NAME
  bool trap_unknown_imports = false;  // --trap-unknown-imports
};

// Help lines for the options above (for `wisp run --help`).
extern const char* const kCliOptionsHelp;

// If argv[i] is one of the options above, consumes it and its value ("--opt VALUE" or "--opt=VALUE"),
// advances i to the last consumed argument and returns true. A missing value sets `error`.
bool parse_cli_option(int argc, char** argv, int& i, CliOptions& out, std::string& error);

// args = argv0 (default: the module path as given) followed by the guest's arguments. A bad --dir or
// --env is a Usage error.
Result<WasiConfig> make_cli_config(const CliOptions& opts, const std::string& module_path,
                                   const std::vector<std::string>& guest_args);

}  // namespace wisp::wasi
