// PluginHost: the model embedding of wisp. It loads every `.wasm` file of a folder once (compiled,
// validated, shared), registers each plugin by its file stem, and runs one by name like a command:
// arguments, a string on stdin, and the plugin's stdout back as a string. Every call gets a fresh store
// with its own WASI context and limits (memory, call depth, fuel, timeout), so a plugin that traps, loops,
// exhausts its memory or recurses without end fails that call only: the host carries on.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wisp/wisp.h"

namespace plugin_host {

// Engine settings (explicit_bounds_checks and whether fuel is metered: fixed at construction) and
// per-call limits (read at each call, so they may change between calls).
struct HostOptions {
  // Check every memory access explicitly instead of relying on guard pages and SIGSEGV: for hosts that
  // own SIGSEGV themselves (Emacs).
  bool explicit_bounds_checks = false;
  uint64_t max_memory_bytes = 64ull << 20;  // per plugin memory; memory.grow beyond it fails (-1)
  uint32_t max_call_depth = 10'000;         // deeper recursion traps "call stack exhausted"
  bool enable_fuel = false;                 // meter calls even while `fuel` is 0 (so it can be set later)
  uint64_t fuel = 0;                        // 0: unmetered; else the instruction budget of one call
  std::chrono::milliseconds timeout{0};     // 0: none; else the call's deadline (Store::set_timeout)
};

// What a plugin call produced. A non-zero exit code is the plugin's answer, not a host error.
struct CallOutput {
  std::string out;    // everything the plugin wrote to stdout
  std::string err;    // everything it wrote to stderr
  int exit_code = 0;  // main's return value or proc_exit's argument
};

// A file of the folder that could not be loaded.
struct LoadFailure {
  std::string file;
  wisp::Error error;
};

class PluginHost {
 public:
  explicit PluginHost(HostOptions options = {});
  ~PluginHost();
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  // Compiles every `*.wasm` of `dir` (in name order) and registers it under its file stem: the
  // registered set becomes exactly these (a plugin deleted from the folder, or now broken, is gone).
  // Returns the names loaded; a file that does not compile is skipped and listed in `failures` (when
  // given). Io error when `dir` cannot be read (the registered set is then unchanged).
  wisp::Result<std::vector<std::string>> load_directory(const std::string& dir,
                                                        std::vector<LoadFailure>* failures = nullptr);
  // Compiles one file and registers it under `name`.
  wisp::Result<void> load_file(const std::string& path, const std::string& name);

  // The registered plugin names, sorted.
  std::vector<std::string> names() const;
  bool has(std::string_view name) const;

  // Runs plugin `name` as a WASI command (its `_start`) with argv = {name, args...} and `input` on stdin.
  // Errors: Usage (unknown plugin, no `_start`), Unlinkable (imports other than WASI), Trap / Exhaustion
  // (the plugin trapped, ran out of fuel, was interrupted or timed out, or recursed too deep; the message
  // says which and error.backtrace names the frames). `partial`, when given, receives the output written
  // before a failure. One call at a time per host (calls run on the caller's thread).
  wisp::Result<CallOutput> call(std::string_view name, const std::vector<std::string>& args,
                                std::string_view input, CallOutput* partial = nullptr);

  // Stops the call in progress, from any thread: it fails with "interrupted". When no call is running,
  // the next call is stopped at its first check instead (so an interrupt racing a call's start is not
  // lost); clear_interrupt() withdraws it.
  void interrupt();
  void clear_interrupt();

  const HostOptions& options() const { return options_; }
  HostOptions& options() { return options_; }  // change per-call limits between calls
  const wisp::Engine& engine() const { return engine_; }

 private:
  HostOptions options_;
  wisp::Engine engine_;
  wisp::Linker linker_;       // the WASI functions, defined once; each call's store brings its own state
  bool linker_ready_ = false;
  wisp::Result<wisp::Module> compile_file(const std::string& path);

  std::map<std::string, wisp::Module, std::less<>> plugins_;

  std::mutex mu_;                                  // guards the fields below
  std::optional<wisp::InterruptHandle> running_;   // the store of the call in progress
  bool pending_interrupt_ = false;
};

// Splits a command line into words: blanks separate words, double quotes group (with \" and \\ inside).
std::vector<std::string> split_words(std::string_view line);

}  // namespace plugin_host
