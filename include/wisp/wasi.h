// wisp public API: WASI preview1 (`wasi_snapshot_preview1`) and preview0 (`wasi_unstable`) for guests.
// Nothing on the host is reachable unless preopened. The usual set-up, as in wasmtime:
//   wisp::Linker linker(engine);
//   wisp::add_wasi_to_linker(linker);            // once per engine: the functions, no state
//   for each job:
//     wisp::Store store(engine);
//     wisp::Wasi::attach(store, config);         // this store's args, environment, stdio, preopens
//     wisp::run_command(store, linker, module);  // or linker.instantiate + calls
// Each store's WASI calls see only that store's state. (Wasi::create + Wasi::add_to_linker bind one
// state into a linker instead: the older form, for a linker used with one store.)
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "wisp/error.h"

namespace wisp::wasi {
struct WasiCtx;
}

namespace wisp {

class Linker;
class Module;
class Store;

// Where one standard stream goes.
struct WasiStdio {
  enum class Kind : uint8_t {
    Inherit,   // the host process's own stream
    Null,      // reads see end of file, writes are discarded
    File,      // a host file (stdin: read; stdout/stderr: created/truncated)
    Bytes,     // stdin only: these bytes, then end of file
    Callback,  // stdout/stderr only: every write is handed to `callback`
  };
  Kind kind = Kind::Inherit;
  std::string path;   // File
  std::string bytes;  // Bytes
  std::function<void(std::string_view)> callback;

  static WasiStdio inherit() { return {}; }
  static WasiStdio null() { return make(Kind::Null); }
  static WasiStdio file(std::string p) {
    WasiStdio s = make(Kind::File);
    s.path = std::move(p);
    return s;
  }
  static WasiStdio from_bytes(std::string b) {
    WasiStdio s = make(Kind::Bytes);
    s.bytes = std::move(b);
    return s;
  }
  static WasiStdio to_callback(std::function<void(std::string_view)> f) {
    WasiStdio s = make(Kind::Callback);
    s.callback = std::move(f);
    return s;
  }
  // Captures everything written into *out (which must outlive the Wasi).
  static WasiStdio capture(std::string* out) {
    return to_callback([out](std::string_view d) { out->append(d); });
  }

 private:
  static WasiStdio make(Kind k) {
    WasiStdio s;
    s.kind = k;
    return s;
  }
};

// A host directory visible to the guest under `guest` (e.g. "." or "/data").
struct WasiPreopen {
  std::string host;
  std::string guest;
};

struct WasiConfig {
  std::vector<std::string> args;                             // args[0] is the program name
  std::vector<std::pair<std::string, std::string>> env;      // in order
  std::vector<WasiPreopen> preopens;                         // fds 3, 4, ... in order
  std::vector<int> sockets;  // host sockets handed to the guest after the preopens (borrowed, not closed)
  WasiStdio stdin_stream, stdout_stream, stderr_stream;

  WasiConfig& arg(std::string a) {
    args.push_back(std::move(a));
    return *this;
  }
  WasiConfig& set_env(std::string name, std::string value) {
    env.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  // Adds every variable of the host process's environment.
  WasiConfig& inherit_env();
  WasiConfig& preopen(std::string host, std::string guest) {
    preopens.push_back({std::move(host), std::move(guest)});
    return *this;
  }
  // Parses a CLI `HOST[::GUEST]` spec (GUEST defaults to HOST). Usage error when empty.
  static Result<WasiPreopen> parse_dir(std::string_view spec);
};

// Defines every WASI function under both module names in `linker`, for any number of stores: a call
// works on the WASI state of the calling store (Wasi::attach). A call from a store without one traps
// with "... this store has no WASI context (wisp::Wasi::attach)"; instantiation itself does not check,
// so a store may get its state after instantiating, as long as it is before the first WASI call.
Result<void> add_wasi_to_linker(Linker& linker);

// Runs `module` as a WASI command in `store`: instantiates it through `linker` (holding the WASI
// functions: add_wasi_to_linker, or Wasi::add_to_linker) and calls its `_start`. Returns the exit code:
// 0 when `_start` returns, the code passed to proc_exit when the guest exits. An Error when
// instantiation fails, there is no `_start` (Usage), or the guest traps (Trap, Exhaustion) or throws
// (Exception).
Result<int> run_command(Store& store, const Linker& linker, const Module& module);

// The names of every function defined per module ("wasi_snapshot_preview1": 46, "wasi_unstable": 45).
std::vector<std::string_view> wasi_function_names(std::string_view module);

// The WASI state of one store: descriptor table, args, environment. Either attach it to its store (the
// store owns it; functions from add_wasi_to_linker find it), or create it and bind it into a linker of
// its own with add_to_linker (then keep it alive while the store runs guest code).
class Wasi {
 public:
  // Opens the preopened directories and stdio files (Io error naming the bad path).
  static Result<std::unique_ptr<Wasi>> create(const WasiConfig& config);
  // Creates the state for `config` and gives it to `store`, which owns it from then on (replacing an
  // earlier one: not while the store runs guest code). Returns it, e.g. for exit_code().
  static Result<Wasi*> attach(Store& store, const WasiConfig& config);
  // The state attached to `store`, or nullptr.
  static Wasi* of(const Store& store);
  ~Wasi();
  Wasi(const Wasi&) = delete;
  Wasi& operator=(const Wasi&) = delete;

  // Defines every function under both module names in `linker`, bound to this Wasi's state: use the
  // linker with the one store this Wasi belongs to (add_wasi_to_linker serves every store).
  Result<void> add_to_linker(Linker& linker);

  // The code passed to proc_exit, once the guest called it. A call trapping with an Error whose
  // exit_code >= 0 is this exit, not a failure.
  std::optional<int> exit_code() const;

  // Internal: the state the functions work on.
  wasi::WasiCtx& ctx() { return *ctx_; }

 private:
  Wasi();
  std::unique_ptr<wasi::WasiCtx> ctx_;
};

}  // namespace wisp
