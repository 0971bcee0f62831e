// `wisp run [OPTIONS] FILE [ARGS...]`: compiles, instantiates and runs a module's `_start`, or calls one
// export with `--invoke NAME ARGS...` and prints its results. WASI (preview1 and preview0) is linked in,
// with wasmtime's options (--dir, --env, --inherit-env, --argv0, --trap-unknown-imports).
#include <array>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "dispatch_option.h"
#include "features_option.h"
#include "load.h"
#include "run_limits.h"
#include "value_text.h"
#include "wasi_options.h"
#include "wisp/wasi.h"
#include "wisp/wisp.h"

namespace wisp::cli {

namespace {
// A finished run exits without destroying its store, module, linker and WASI state: the OS reclaims the
// memory at once, where freeing it piece by piece (and unmapping the memory reservations) is a visible
// part of a short run's start-up cost (bench/RESULTS.md). Sanitizer builds return normally so the leak
// checker still sees this path.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WISP_CLI_KEEP_TEARDOWN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define WISP_CLI_KEEP_TEARDOWN 1
#endif
int exit_without_teardown(int code) {
#ifndef WISP_CLI_KEEP_TEARDOWN
  if (std::getenv("WISP_JIT_EXITS") != nullptr) return code;  // the JIT prints its statistics at exit
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(code);
#endif
  return code;
}
}  // namespace

namespace {

constexpr const char* kRunUsage =
    "usage: wisp run [options] FILE [ARGS...]\n"
    "\n"
    "Compiles FILE (.wasm binary or .wat text), instantiates it (running its start function) and calls\n"
    "its `_start` export, with WASI: ARGS after FILE are the guest's arguments. With --invoke, calls\n"
    "export NAME instead (after `_initialize` for a reactor), with ARGS converted to its parameter\n"
    "types (integers in decimal or 0x hex; floats in decimal, hex, inf, nan or nan:0xPAYLOAD), and prints\n"
    "each result on its own line (integers as signed decimal, floats in a form that reads back exactly).\n"
    "\n"
    "options:\n"
    "  --invoke NAME          call export NAME instead of _start\n"
    "  --profile perfmap      write /tmp/perf-PID.map (START SIZE NAME per JIT-compiled function) for\n"
    "                         Linux perf: with --tier jit, every function; with auto, each one tiered up\n"
    "%s"
    "%s"
    "%s"
    "%s"
    "  -h, --help             show this help\n"
    "\n"
    "Nothing on the host is visible to the guest unless given with --dir. The guest's exit code (WASI\n"
    "proc_exit) becomes wisp's.\n"
    "A trap prints 'Error: wasm trap: MESSAGE' and a backtrace on stderr and exits with 134; so does an\n"
    "uncaught Wasm exception (the message names its tag).\n";

// Converts one command-line argument to a Val of type `type`.
std::optional<Val> parse_arg(const std::string& text, ValType type) {
  switch (type.kind()) {
    case ValKind::i32:
      if (auto v = parse_int(text, 32)) return Val::i32(int32_t(uint32_t(*v)));
      return std::nullopt;
    case ValKind::i64:
      if (auto v = parse_int(text, 64)) return Val::i64(int64_t(*v));
      return std::nullopt;
    case ValKind::f32:
      if (auto v = parse_f32_bits(text)) return Val::f32_bits(*v);
      return std::nullopt;
    case ValKind::f64:
      if (auto v = parse_f64_bits(text)) return Val::f64_bits(*v);
      return std::nullopt;
    case ValKind::externref:
      if (text == "null") return Val::null(ValKind::externref);
      if (auto v = parse_int(text, 64)) {
        if (*v != UINT64_MAX) return Val::externref(*v);
      }
      return std::nullopt;
    case ValKind::funcref:
    case ValKind::exnref:
    case ValKind::anyref:
    case ValKind::eqref:
    case ValKind::structref:
    case ValKind::arrayref:
      if (text == "null") return Val::null(type.kind());
      return std::nullopt;
    case ValKind::i31ref:
      if (text == "null") return Val::null(type.kind());
      if (auto v = parse_int(text, 32)) return Val::i31ref(int32_t(uint32_t(*v)));
      return std::nullopt;
    case ValKind::v128: {
      // 0x followed by 32 hex digits, most significant byte first.
      if (text.size() != 34 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) return std::nullopt;
      std::array<uint8_t, 16> bytes{};
      for (int i = 0; i < 16; ++i) {
        auto b = parse_int("0x" + text.substr(2 + 2 * size_t(i), 2), 32);
        if (!b) return std::nullopt;
        bytes[15 - size_t(i)] = uint8_t(*b);
      }
      return Val::v128(bytes);
    }
  }
  return std::nullopt;
}

std::string format_val(const Val& v) {
  char buf[64];
  switch (v.kind()) {
    case ValKind::i32: std::snprintf(buf, sizeof buf, "%" PRId32, v.as_i32()); return buf;
    case ValKind::i64: std::snprintf(buf, sizeof buf, "%" PRId64, v.as_i64()); return buf;
    case ValKind::f32: return format_f32(v.f32_bits());
    case ValKind::f64: return format_f64(v.f64_bits());
    case ValKind::v128: {
      std::string s = "0x";
      auto bytes = v.as_v128();
      for (int i = 15; i >= 0; --i) {
        std::snprintf(buf, sizeof buf, "%02x", bytes[size_t(i)]);
        s += buf;
      }
      return s;
    }
    case ValKind::funcref: return v.is_null() ? "null" : "funcref";
    case ValKind::exnref: return v.is_null() ? "null" : "exnref";
    case ValKind::anyref:
    case ValKind::eqref:
    case ValKind::i31ref:
    case ValKind::structref:
    case ValKind::arrayref:
      if (v.is_null()) return "null";
      if (auto i = v.as_i31()) return "i31 " + std::to_string(*i);
      return val_kind_name(v.kind());
    case ValKind::externref:
      if (v.is_null()) return "null";
      std::snprintf(buf, sizeof buf, "externref %" PRIu64, *v.as_externref());
      return buf;
  }
  return "?";
}

// One frame as `func[3] "name" @ 0x1a2` (the offset in the module binary of the trapping instruction or
// of the call), or just the name for host functions and frames the runtime did not locate.
std::string frame_label(const Error& e, size_t i) {
  if (e.frames.size() != e.backtrace.size() || e.frames[i].func_index == UINT32_MAX) return e.backtrace[i];
  const Frame& f = e.frames[i];
  std::string s = "func[" + std::to_string(f.func_index) + "] \"" + f.name + "\"";
  if (f.module_offset != UINT64_MAX) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " @ 0x%" PRIx64, f.module_offset);
    s += buf;
  }
  return s;
}

// Prints frames as "  N: label", innermost first. Deep recursion would print thousands of equal lines:
// runs of one label are folded after a few frames, and the whole listing is capped.
void print_backtrace(const Error& e) {
  std::vector<std::string> frames;
  for (size_t i = 0; i < e.backtrace.size(); ++i) frames.push_back(frame_label(e, i));
  constexpr size_t kRunShown = 3, kMaxLines = 100;
  size_t lines = 0;
  for (size_t i = 0; i < frames.size();) {
    size_t run = 1;
    while (i + run < frames.size() && frames[i + run] == frames[i]) ++run;
    size_t shown = run <= kRunShown + 1 ? run : kRunShown;
    for (size_t k = 0; k < shown; ++k, ++lines) {
      if (lines == kMaxLines) {
        std::fprintf(stderr, "  ... %zu more frames\n", frames.size() - (i + k));
        return;
      }
      std::fprintf(stderr, "  %zu: %s\n", i + k, frames[i].c_str());
    }
    if (shown < run) {
      std::fprintf(stderr, "  ... %zu more frames of %s\n", run - shown, frames[i].c_str());
      ++lines;
    }
    i += run;
  }
}

// Reports an execution failure: a WASI exit passes its code through; traps print the message and the
// backtrace (innermost first) and exit like an abort.
int report_trap(const Error& e) {
  if (e.exit_code >= 0) return e.exit_code;
  if (e.kind != ErrorKind::Trap && e.kind != ErrorKind::Exhaustion && e.kind != ErrorKind::Exception) {
    return error(kExitFailure, "%s", e.to_string().c_str());
  }
  std::fprintf(stderr, "Error: wasm trap: %s\n", e.message.c_str());
  print_backtrace(e);
  return kExitTrap;
}

}  // namespace

int run_command(int argc, char** argv) {
  std::string invoke;
  bool has_invoke = false;
  wasi::CliOptions wasi_opts;
  LimitOptions limit_opts;
  Config::Dispatch dispatch = Config::Dispatch::automatic;
  Config::Tier tier = Config::Tier::automatic;
  bool perf_map = false;
  uint32_t tier_up_threshold = Config().tier_up_threshold;
  Features features = Features::defaults();
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (is_help_flag(a)) {
      std::printf(kRunUsage, wasi::kCliOptionsHelp, kLimitOptionsHelp, kDispatchOptionHelp, kFeaturesOptionHelp);
      return 0;
    }
    bool missing = false;
    if (match_option(argc, argv, i, "--invoke", invoke, missing)) {
      if (missing) return error(kExitUsage, "run: option '--invoke' needs an export name");
      has_invoke = true;
      continue;
    }
    std::string profile;
    if (match_option(argc, argv, i, "--profile", profile, missing)) {
      if (missing || profile != "perfmap")
        return error(kExitUsage, "run: --profile takes 'perfmap' (see 'wisp run --help')");
      perf_map = true;
      continue;
    }
    std::string limit_error;
    if (parse_limit_option(argc, argv, i, limit_opts, limit_error)) {
      if (!limit_error.empty()) return error(kExitUsage, "run: %s", limit_error.c_str());
      continue;
    }
    std::string dispatch_error;
    if (parse_dispatch_option(argc, argv, i, dispatch, dispatch_error)) {
      if (!dispatch_error.empty()) return error(kExitUsage, "run: %s", dispatch_error.c_str());
      continue;
    }
    if (parse_tier_option(argc, argv, i, tier, dispatch_error)) {
      if (!dispatch_error.empty()) return error(kExitUsage, "run: %s", dispatch_error.c_str());
      continue;
    }
    if (parse_tier_up_threshold_option(argc, argv, i, tier_up_threshold, dispatch_error)) {
      if (!dispatch_error.empty()) return error(kExitUsage, "run: %s", dispatch_error.c_str());
      continue;
    }
    std::string features_error;
    bool features_help = false;
    if (parse_features_option(argc, argv, i, features, features_error, features_help)) {
      if (!features_error.empty()) return error(kExitUsage, "run: %s", features_error.c_str());
      if (features_help) {
        std::fputs(feature_list().c_str(), stdout);
        return 0;
      }
      continue;
    }
    std::string wasi_error;
    if (wasi::parse_cli_option(argc, argv, i, wasi_opts, wasi_error)) {
      if (!wasi_error.empty()) return error(kExitUsage, "run: %s", wasi_error.c_str());
      continue;
    }
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() > 1 && a[0] == '-') return error(kExitUsage, "run: unknown option '%s' (see 'wisp run --help')", a.c_str());
    break;  // the module file; everything after it belongs to the guest
  }
  if (i >= argc) return error(kExitUsage, "run: no input file (see 'wisp run --help')");
  std::string path = argv[i++];
  std::vector<std::string> args(argv + i, argv + argc);

  auto bytes = load_module_bytes(path);
  if (!bytes.ok()) return error(kExitFailure, "%s", describe_error(path, bytes.error()).c_str());
  Config base;
  base.dispatch = dispatch;
  base.tier = tier;
  base.perf_map = perf_map;
  base.tier_up_threshold = tier_up_threshold;
  base.features = features;
  Engine engine(limit_config(limit_opts, base));
  auto module = Module::compile(engine, std::move(bytes.value()));
  if (!module.ok()) return error(kExitFailure, "%s", describe_error(path, module.error()).c_str());

  // WASI: configuration errors (bad --dir / --env) are reported before anything runs.
  auto wasi_config = wasi::make_cli_config(wasi_opts, path, args);
  if (!wasi_config.ok()) return error(kExitUsage, "run: %s", wasi_config.error().message.c_str());
  auto wasi_state = Wasi::create(wasi_config.value());
  if (!wasi_state.ok()) {
    const Error& e = wasi_state.error();
    return error(e.kind == ErrorKind::Usage ? kExitUsage : kExitFailure, "run: %s", e.message.c_str());
  }

  Store store(engine);
  if (auto r = apply_limits(limit_opts, store); !r.ok()) return error(kExitUsage, "run: %s", r.error().message.c_str());
  Deadline deadline(limit_opts, store);
  auto report_trap = [&](const Error& e) { return cli::report_trap(deadline.annotate(e)); };
  // Imports resolve by name: WASI under both module names; anything else is "unknown import:
  // MODULE::NAME", unless --trap-unknown-imports links it to a stub that traps when called.
  Linker linker(engine);
  if (auto r = wasi_state.value()->add_to_linker(linker); !r.ok())
    return error(kExitFailure, "%s", r.error().to_string().c_str());
  if (wasi_opts.trap_unknown_imports) {
    if (auto r = linker.define_unknown_imports_as_traps(module.value()); !r.ok())
      return error(kExitFailure, "%s", describe_error(path, r.error()).c_str());
  }
  auto instance = linker.instantiate(store, module.value());
  if (!instance.ok()) {
    const Error& e = instance.error();
    if (e.kind == ErrorKind::Trap || e.kind == ErrorKind::Exhaustion || e.kind == ErrorKind::Exception)
      return report_trap(annotate_memory_limit(limit_opts, e));
    return error(kExitFailure, "%s", describe_error(path, e).c_str());
  }

  // A reactor (exports `_initialize`) is initialised before the invoked export, as in wasmtime.
  if (has_invoke && invoke != "_initialize") {
    if (std::optional<Func> init = instance->get_func(store, "_initialize")) {
      auto r = init->call(store, {});
      if (!r.ok()) return report_trap(r.error());
    }
  }

  std::string name = has_invoke ? invoke : "_start";
  std::optional<Func> func = instance->get_func(store, name);
  if (!func) {
    if (has_invoke) return error(kExitFailure, "%s: no exported function '%s'", path.c_str(), name.c_str());
    return error(kExitFailure, "%s: no '_start' export (use --invoke NAME to call another export)", path.c_str());
  }
  Result<FuncType> func_type = func->type(store);
  if (!func_type.ok()) return error(kExitFailure, "%s: %s", path.c_str(), func_type.error().message.c_str());
  const FuncType& type = *func_type;
  std::vector<Val> call_args;
  if (has_invoke) {
    if (args.size() != type.params().size())
      return error(kExitUsage, "run: '%s' takes %zu argument(s), got %zu (its type is %s)", name.c_str(),
                   type.params().size(), args.size(), type.to_string().c_str());
    for (size_t k = 0; k < args.size(); ++k) {
      auto v = parse_arg(args[k], type.params()[k]);
      if (!v)
        return error(kExitUsage, "run: argument %zu of '%s': '%s' is not a valid %s", k + 1, name.c_str(),
                     args[k].c_str(), type.params()[k].name().c_str());
      call_args.push_back(*v);
    }
  } else if (!type.params().empty()) {
    return error(kExitFailure, "%s: '_start' must take no parameters (its type is %s)", path.c_str(),
                 type.to_string().c_str());
  }

  auto results = func->call(store, call_args);
  if (!results.ok()) return report_trap(results.error());
  if (has_invoke)
    for (const Val& v : results.value()) std::printf("%s\n", format_val(v).c_str());
  return exit_without_teardown(0);
}

}  // namespace wisp::cli
