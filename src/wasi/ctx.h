// The per-store WASI state: arguments, environment and the descriptor table (built from a WasiConfig).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "wasi/fd_table.h"

namespace wisp {
class Store;
}

namespace wisp::wasi {

struct WasiCtx {
  std::vector<std::string> args;
  std::vector<std::string> env;  // "NAME=VALUE"
  FdTable fds;
  int exit_code = -1;  // set by proc_exit
  Store* store = nullptr;  // the store of the current call (bind.cc sets it): blocking calls check its interrupt
};

}  // namespace wisp::wasi
