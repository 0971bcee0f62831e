// wisp-module: an Emacs dynamic module running WebAssembly plugins in-process with wisp.
//
//   (require 'wisp-module)                 ; wisp-module.so on the load-path
//   (wisp-load-directory "~/plugins")      ; => ("upcase" "wordcount" ...), every *.wasm by file stem
//   (wisp-call "upcase" nil "hello")       ; => "HELLO": ARGS a list of strings, INPUT a string or nil
//   (wisp-plugins)                         ; => the loaded names
//
// Per call, these variables are read when bound (see wisp.el): `wisp-fuel' (instructions, nil: unmetered),
// `wisp-timeout' (seconds, nil: none), `wisp-max-memory' (bytes per plugin memory), `wisp-max-depth'.
// Errors are signals: `wisp-error' (unknown plugin, unreadable directory, bad module), its children
// `wisp-trap' (data: MESSAGE PARTIAL-STDOUT BACKTRACE; traps, fuel, timeout, stack exhaustion) and
// `wisp-exit' (data: CODE STDOUT STDERR; a non-zero exit status). C-g interrupts a running plugin: the
// plugin runs on a worker thread while Emacs's thread polls for quit and triggers the store's interrupt.
// Emacs owns SIGSEGV, so the engine uses explicit bounds checks instead of guard pages.
#include <emacs-module.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "plugin_host.h"

extern "C" {
__attribute__((visibility("default"))) int plugin_is_GPL_compatible;
__attribute__((visibility("default"))) int emacs_module_init(struct emacs_runtime* runtime) EMACS_NOEXCEPT;
}

namespace {

// One host per Emacs process, created at load time; Emacs calls module functions from its main thread.
std::unique_ptr<plugin_host::PluginHost> g_host;
bool g_has_process_input = false;  // Emacs >= 27: env->process_input, else env->should_quit

emacs_value intern(emacs_env* env, const char* name) { return env->intern(env, name); }

// Whether `s` is UTF-8 as Emacs's make_string accepts it: shortest forms, no surrogates, <= U+10FFFF.
bool is_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    uint32_t cp;
    if ((c >> 5) == 6) {
      n = 1, cp = c & 0x1F;
    } else if ((c >> 4) == 14) {
      n = 2, cp = c & 0x0F;
    } else if ((c >> 3) == 30) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (s.size() - i <= n) return false;
    for (size_t k = 1; k <= n; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d >> 6) != 2) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

// Text for Emacs: a multibyte string when `s` is UTF-8, else a unibyte string of the same bytes (a
// plugin's output is bytes; Emacs >= 28 has unibyte strings in the module API). Older Emacs: signal.
emacs_value make_string(emacs_env* env, const std::string& s) {
  if (is_utf8(s)) return env->make_string(env, s.data(), static_cast<ptrdiff_t>(s.size()));
  if (static_cast<size_t>(env->size) >= sizeof(emacs_env_28))
    return env->make_unibyte_string(env, s.data(), static_cast<ptrdiff_t>(s.size()));
  emacs_value sym = env->intern(env, "wisp-error");
  emacs_value msg = env->make_string(env, "output is not UTF-8", 19);
  env->non_local_exit_signal(env, sym, env->funcall(env, env->intern(env, "list"), 1, &msg));
  return nullptr;
}

emacs_value make_list(emacs_env* env, std::vector<emacs_value> items) {
  return env->funcall(env, intern(env, "list"), static_cast<ptrdiff_t>(items.size()), items.data());
}

bool ok(emacs_env* env) { return env->non_local_exit_check(env) == emacs_funcall_exit_return; }

// Copies a Lisp string (signals wrong-type-argument itself when it is not one).
bool get_string(emacs_env* env, emacs_value v, std::string* out) {
  ptrdiff_t size = 0;
  if (!env->copy_string_contents(env, v, nullptr, &size)) return false;
  std::string s(static_cast<size_t>(size), '\0');
  if (!env->copy_string_contents(env, v, s.data(), &size)) return false;
  s.resize(static_cast<size_t>(size > 0 ? size - 1 : 0));  // drop the terminating NUL
  *out = std::move(s);
  return true;
}

void raise_signal(emacs_env* env, const char* symbol, std::vector<emacs_value> data) {
  emacs_value list = make_list(env, std::move(data));
  env->non_local_exit_signal(env, intern(env, symbol), list);
}

void signal_error(emacs_env* env, const char* symbol, const std::string& message) {
  raise_signal(env, symbol, {make_string(env, message)});
}

// The value of variable `name`, or nil when unbound.
emacs_value variable(emacs_env* env, const char* name) {
  emacs_value sym = intern(env, name);
  if (!env->is_not_nil(env, env->funcall(env, intern(env, "boundp"), 1, &sym))) return intern(env, "nil");
  return env->funcall(env, intern(env, "symbol-value"), 1, &sym);
}

// Reads the per-call limits from the Lisp variables into the host's options.
bool read_limits(emacs_env* env, plugin_host::HostOptions* o) {
  emacs_value fuel = variable(env, "wisp-fuel");
  o->fuel = env->is_not_nil(env, fuel) ? static_cast<uint64_t>(env->extract_integer(env, fuel)) : 0;
  emacs_value timeout = variable(env, "wisp-timeout");
  if (env->is_not_nil(env, timeout)) {
    emacs_value seconds = env->funcall(env, intern(env, "float"), 1, &timeout);
    o->timeout = std::chrono::milliseconds(static_cast<int64_t>(env->extract_float(env, seconds) * 1000.0));
  } else {
    o->timeout = std::chrono::milliseconds(0);
  }
  emacs_value mem = variable(env, "wisp-max-memory");
  if (env->is_not_nil(env, mem)) o->max_memory_bytes = static_cast<uint64_t>(env->extract_integer(env, mem));
  emacs_value depth = variable(env, "wisp-max-depth");
  if (env->is_not_nil(env, depth)) o->max_call_depth = static_cast<uint32_t>(env->extract_integer(env, depth));
  return ok(env);
}

// (wisp-load-directory DIR): loads every *.wasm of DIR; returns the names loaded. Files that fail are
// reported with `message' and skipped.
emacs_value wisp_load_directory(emacs_env* env, ptrdiff_t, emacs_value* args, void*) noexcept {
  try {
    std::string dir;
    if (!get_string(env, args[0], &dir)) return nullptr;
    emacs_value expanded = env->funcall(env, intern(env, "expand-file-name"), 1, &args[0]);
    if (!ok(env) || !get_string(env, expanded, &dir)) return nullptr;
    std::vector<plugin_host::LoadFailure> failures;
    auto loaded = g_host->load_directory(dir, &failures);
    if (!loaded.ok()) {
      signal_error(env, "wisp-error", loaded.error().to_string());
      return nullptr;
    }
    for (const auto& f : failures) {
      emacs_value margs[] = {make_string(env, "wisp: skipped %s: %s"), make_string(env, f.file),
                             make_string(env, f.error.to_string())};
      env->funcall(env, intern(env, "message"), 3, margs);
    }
    std::vector<emacs_value> names;
    for (const std::string& n : *loaded) names.push_back(make_string(env, n));
    return make_list(env, std::move(names));
  } catch (const std::exception& e) {
    signal_error(env, "wisp-error", e.what());
    return nullptr;
  }
}

// (wisp-plugins): the loaded plugin names.
emacs_value wisp_plugins(emacs_env* env, ptrdiff_t, emacs_value*, void*) noexcept {
  try {
    std::vector<emacs_value> names;
    for (const std::string& n : g_host->names()) names.push_back(make_string(env, n));
    return make_list(env, std::move(names));
  } catch (const std::exception& e) {
    signal_error(env, "wisp-error", e.what());
    return nullptr;
  }
}

// The result of a call made on the worker thread.
struct CallState {
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  wisp::Result<plugin_host::CallOutput> result = wisp::Error::trap("not run");
  plugin_host::CallOutput partial;
};

// Whether the user asked to quit (C-g). After a true answer a quit is pending in `env`: the module
// function must return, and Emacs then signals `quit'.
bool quit_requested(emacs_env* env) {
  if (g_has_process_input) return env->process_input(env) == emacs_process_input_quit;
  return env->should_quit(env);
}

// (wisp-call NAME ARGS INPUT): runs plugin NAME with ARGS (a list of strings) and INPUT on its stdin;
// returns its stdout.
emacs_value wisp_call(emacs_env* env, ptrdiff_t nargs, emacs_value* args, void*) noexcept {
  try {
    std::string name, input;
    std::vector<std::string> argv;
    if (!get_string(env, args[0], &name)) return nullptr;
    if (nargs > 1 && env->is_not_nil(env, args[1])) {
      emacs_value list = args[1];
      while (env->is_not_nil(env, list)) {
        emacs_value item = env->funcall(env, intern(env, "car"), 1, &list);
        std::string a;
        if (!ok(env) || !get_string(env, item, &a)) return nullptr;
        argv.push_back(std::move(a));
        list = env->funcall(env, intern(env, "cdr"), 1, &list);
        if (!ok(env)) return nullptr;
      }
    }
    if (nargs > 2 && env->is_not_nil(env, args[2]) && !get_string(env, args[2], &input)) return nullptr;
    if (!read_limits(env, &g_host->options())) return nullptr;
    if (!g_host->has(name)) {
      signal_error(env, "wisp-error", "unknown plugin: " + name);
      return nullptr;
    }

    // The guest runs on a worker thread so this thread can keep polling for C-g.
    auto state = std::make_shared<CallState>();
    g_host->clear_interrupt();
    std::thread worker([state, name, argv = std::move(argv), input = std::move(input)] {
      plugin_host::CallOutput partial;
      auto r = g_host->call(name, argv, input, &partial);
      std::lock_guard<std::mutex> lock(state->mu);
      state->result = std::move(r);
      state->partial = std::move(partial);
      state->done = true;
      state->cv.notify_all();
    });
    bool quit = false;
    {
      std::unique_lock<std::mutex> lock(state->mu);
      while (!state->done) {
        if (state->cv.wait_for(lock, std::chrono::milliseconds(20), [&] { return state->done; })) break;
        if (quit) continue;
        lock.unlock();
        quit = quit_requested(env);
        if (quit) g_host->interrupt();  // the worker's call fails with "interrupted" and ends
        lock.lock();
      }
    }
    worker.join();
    if (quit) return nullptr;  // Emacs signals the pending `quit'

    auto& r = state->result;
    if (!r.ok()) {
      // Endless recursion leaves thousands of frames: keep the innermost and outermost ones readable.
      const std::vector<std::string>& bt = r.error().backtrace;
      constexpr size_t kInner = 20, kOuter = 5;
      std::vector<emacs_value> frames;
      for (size_t i = 0; i < bt.size(); i++) {
        if (bt.size() > kInner + kOuter + 1 && i == kInner) {
          std::string gap = "... " + std::to_string(bt.size() - kInner - kOuter) + " more frames";
          frames.push_back(make_string(env, gap));
          i = bt.size() - kOuter;
        }
        frames.push_back(make_string(env, bt[i]));
      }
      raise_signal(env, "wisp-trap",
                   {make_string(env, r.error().to_string()), make_string(env, state->partial.out),
                    make_list(env, std::move(frames))});
      return nullptr;
    }
    if (r->exit_code != 0) {
      raise_signal(env, "wisp-exit",
                   {env->make_integer(env, r->exit_code), make_string(env, r->out), make_string(env, r->err)});
      return nullptr;
    }
    return make_string(env, r->out);
  } catch (const std::exception& e) {
    signal_error(env, "wisp-error", e.what());
    return nullptr;
  }
}

void defun(emacs_env* env, const char* name, ptrdiff_t min_args, ptrdiff_t max_args,
           emacs_value (*fn)(emacs_env*, ptrdiff_t, emacs_value*, void*) noexcept, const char* doc) {
  emacs_value f = env->make_function(env, min_args, max_args, fn, doc, nullptr);
  emacs_value fargs[] = {intern(env, name), f};
  env->funcall(env, intern(env, "defalias"), 2, fargs);
}

void define_error(emacs_env* env, const char* name, const char* message, const char* parent) {
  emacs_value eargs[] = {intern(env, name), make_string(env, message), intern(env, parent)};
  env->funcall(env, intern(env, "define-error"), 3, eargs);
}

}  // namespace

int emacs_module_init(struct emacs_runtime* runtime) EMACS_NOEXCEPT {
  if (runtime->size < static_cast<ptrdiff_t>(sizeof(*runtime))) return 1;
  emacs_env* env = runtime->get_environment(runtime);
  if (env->size < static_cast<ptrdiff_t>(sizeof(struct emacs_env_26))) return 2;  // needs should_quit
  g_has_process_input = env->size >= static_cast<ptrdiff_t>(sizeof(struct emacs_env_27));
  try {
    plugin_host::HostOptions options;
    options.explicit_bounds_checks = true;  // Emacs owns SIGSEGV: no guard-page faults in this process
    options.enable_fuel = true;             // so `wisp-fuel' can meter any call
    g_host = std::make_unique<plugin_host::PluginHost>(options);
  } catch (const std::exception&) {
    return 3;
  }

  define_error(env, "wisp-error", "wisp error", "error");
  define_error(env, "wisp-trap", "wisp plugin failed", "wisp-error");
  define_error(env, "wisp-exit", "wisp plugin exited with a failure status", "wisp-error");
  defun(env, "wisp-load-directory", 1, 1, wisp_load_directory,
        "Load every .wasm plugin of DIR, each named by its file stem; return the names loaded.\n\n"
        "(fn DIR)");
  defun(env, "wisp-call", 1, 3, wisp_call,
        "Run plugin NAME with ARGS (a list of strings) and INPUT (a string) on its stdin; return its stdout.\n"
        "Signals `wisp-trap' when the plugin fails and `wisp-exit' on a non-zero exit status.\n\n"
        "(fn NAME &optional ARGS INPUT)");
  defun(env, "wisp-plugins", 0, 0, wisp_plugins, "Return the names of the loaded plugins.");
  emacs_value feature = intern(env, "wisp-module");
  env->funcall(env, intern(env, "provide"), 1, &feature);
  return ok(env) ? 0 : 4;
}
