// plugin-host: loads every .wasm plugin of a folder at start, then runs plugins by name.
//
//   plugin-host [OPTIONS] DIR call NAME [ARGS...] < input    one call: stdin is the plugin's input
//   plugin-host [OPTIONS] DIR list                           the plugins loaded
//   plugin-host [OPTIONS] DIR                                commands from stdin, one per line:
//       call NAME [ARGS...] [< FILE]     run NAME (input from FILE, else empty); print its stdout
//       list                             the plugins loaded
//       quit
//
// Options: --fuel N, --timeout MS, --max-memory MIB, --max-depth N, --explicit-bounds-checks.
// One call's exit status is the plugin's; 70 when it failed (trapped, ran out of fuel, timed out, ...).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "plugin_host.h"

namespace {

constexpr int kExitFailed = 70;  // EX_SOFTWARE: the plugin failed
constexpr int kExitUsage = 64;   // EX_USAGE

int usage() {
  std::fprintf(stderr,
               "usage: plugin-host [--fuel N] [--timeout MS] [--max-memory MIB] [--max-depth N]\n"
               "                   [--explicit-bounds-checks] DIR [list | call NAME [ARGS...]]\n");
  return kExitUsage;
}

void print_error(const wisp::Error& e) {
  std::fprintf(stderr, "plugin-host: %s\n", e.to_string().c_str());
  // Endless recursion leaves thousands of frames: show the innermost and the outermost ones.
  const std::vector<std::string>& bt = e.backtrace;
  constexpr size_t kInner = 6, kOuter = 3;
  for (size_t i = 0; i < bt.size(); i++) {
    if (bt.size() > kInner + kOuter + 1 && i == kInner) {
      std::fprintf(stderr, "    ... %zu more frames ...\n", bt.size() - kInner - kOuter);
      i = bt.size() - kOuter;
    }
    std::fprintf(stderr, "    at %s\n", bt[i].c_str());
  }
}

// Runs one call and prints its output; returns the exit status.
int run_call(plugin_host::PluginHost& host, const std::string& name, const std::vector<std::string>& args,
             const std::string& input) {
  plugin_host::CallOutput partial;
  auto r = host.call(name, args, input, &partial);
  const plugin_host::CallOutput& out = r.ok() ? *r : partial;
  std::fwrite(out.out.data(), 1, out.out.size(), stdout);
  std::fflush(stdout);
  std::fwrite(out.err.data(), 1, out.err.size(), stderr);
  if (!r.ok()) {
    print_error(r.error());
    return kExitFailed;
  }
  return r->exit_code;
}

void list(const plugin_host::PluginHost& host) {
  for (const std::string& n : host.names()) std::printf("%s\n", n.c_str());
}

// The command loop: `call NAME ARGS [< FILE]`, `list`, `quit`.
int repl(plugin_host::PluginHost& host) {
  std::string line;
  int status = 0;
  while (std::getline(std::cin, line)) {
    std::vector<std::string> words = plugin_host::split_words(line);
    if (words.empty() || words[0][0] == '#') continue;
    if (words[0] == "quit") break;
    if (words[0] == "list") {
      list(host);
      continue;
    }
    if (words[0] != "call" || words.size() < 2) {
      std::fprintf(stderr, "plugin-host: unknown command (call NAME [ARGS...] [< FILE], list, quit)\n");
      status = kExitUsage;
      continue;
    }
    std::string input;
    std::vector<std::string> args(words.begin() + 2, words.end());
    if (args.size() >= 2 && args[args.size() - 2] == "<") {
      std::ifstream f(args.back(), std::ios::binary);
      if (!f) {
        std::fprintf(stderr, "plugin-host: cannot open %s\n", args.back().c_str());
        status = kExitUsage;
        continue;
      }
      input.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
      args.resize(args.size() - 2);
    }
    int rc = run_call(host, words[1], args, input);
    if (rc != 0) std::printf("[exit %d]\n", rc);
    std::fflush(stdout);
    status = rc;
  }
  return status;
}

bool parse_number(const char* s, uint64_t* out) {
  char* end = nullptr;
  unsigned long long v = std::strtoull(s, &end, 10);
  if (!*s || *end) return false;
  *out = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  plugin_host::HostOptions options;
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
    std::string opt = argv[i];
    if (opt == "--explicit-bounds-checks") {
      options.explicit_bounds_checks = true;
      continue;
    }
    uint64_t v = 0;
    if (i + 1 >= argc || !parse_number(argv[i + 1], &v)) return usage();
    i++;
    if (opt == "--fuel") options.fuel = v;
    else if (opt == "--timeout") options.timeout = std::chrono::milliseconds(v);
    else if (opt == "--max-memory") options.max_memory_bytes = v << 20;
    else if (opt == "--max-depth") options.max_call_depth = static_cast<uint32_t>(v);
    else return usage();
  }
  if (i >= argc) return usage();
  std::string dir = argv[i++];

  plugin_host::PluginHost host(options);
  std::vector<plugin_host::LoadFailure> failures;
  auto loaded = host.load_directory(dir, &failures);
  if (!loaded.ok()) {
    print_error(loaded.error());
    return 1;
  }
  for (const auto& f : failures) std::fprintf(stderr, "plugin-host: skipped %s: %s\n", f.file.c_str(),
                                              f.error.to_string().c_str());

  if (i == argc) return repl(host);
  std::string cmd = argv[i++];
  if (cmd == "list" && i == argc) {
    list(host);
    return 0;
  }
  if (cmd != "call" || i == argc) return usage();
  std::string name = argv[i++];
  std::vector<std::string> args(argv + i, argv + argc);
  std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  return run_call(host, name, args, input);
}
