// The per-store WASI state: arguments, environment and the descriptor table (built from a WasiConfig).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "wasi/fd_table.h"

namespace wisp::wasi {

struct WasiCtx {
  std::vector<std::string> args;
  std::vector<std::string> env;  // "NAME=VALUE"
  FdTable fds;
  int exit_code = -1;  // set by proc_exit
};

}  // namespace wisp::wasi
