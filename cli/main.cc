// wisp command-line entry point: dispatches to one file per subcommand.
#include <cstdio>
#include <string_view>

#include "args.h"
#include "commands.h"

namespace {

constexpr const char* kUsage =
    "wisp: a WebAssembly runtime\n"
    "\n"
    "usage: wisp <command> [options] [args...]\n"
    "\n"
    "commands:\n"
    "  run       compile and run a module (.wasm or .wat): its _start, or an export with --invoke\n"
    "  wast      run spec test scripts (.wast) and report passed/failed assertions\n"
    "  validate  check that modules are well-formed and valid\n"
    "  inspect   list a module's sections, imports, exports, segments... (or a function's IR)\n"
    "  print     print a module as WAT text\n"
    "  strip     remove custom sections (debug info, names)\n"
    "  size      show what takes the space in a module\n"
    "  help      show this help, or a command's help: wisp help <command>\n"
    "\n"
    "options:\n"
    "  -h, --help     show this help\n"
    "  -V, --version  show the version\n"
    "\n"
    "Run 'wisp <command> --help' for a command's options.\n";

struct Command {
  std::string_view name;
  int (*fn)(int, char**);
};

constexpr Command kCommands[] = {
    {"run", wisp::cli::run_command},
    {"wast", wisp::cli::wast_command},
    {"validate", wisp::cli::validate_command},
    {"inspect", wisp::cli::inspect_command},
    {"print", wisp::cli::print_command},
    {"strip", wisp::cli::strip_command},
    {"size", wisp::cli::size_command},
};

const Command* find_command(std::string_view name) {
  for (const Command& c : kCommands)
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace wisp::cli;
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return kExitUsage;
  }
  std::string_view cmd = argv[1];
  if (is_help_flag(cmd)) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (cmd == "--version" || cmd == "-V" || cmd == "version") {
    std::printf("wisp %s\n", kVersion);
    return 0;
  }
  if (cmd == "help") {
    if (argc < 3) {
      std::fputs(kUsage, stdout);
      return 0;
    }
    const Command* c = find_command(argv[2]);
    if (!c) return error(kExitUsage, "unknown command '%s' (see 'wisp --help')", argv[2]);
    char help[] = "--help";
    char* sub_argv[] = {argv[2], help, nullptr};
    return c->fn(2, sub_argv);
  }
  if (!cmd.empty() && cmd[0] == '-') return error(kExitUsage, "unknown option '%s' (see 'wisp --help')", argv[1]);
  const Command* c = find_command(cmd);
  if (!c) return error(kExitUsage, "unknown command '%s' (see 'wisp --help')", argv[1]);
  // The subcommand sees its own name as argv[0], like a standalone program.
  return c->fn(argc - 1, argv + 1);
}
