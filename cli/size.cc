// `wisp size [-n N] [--json] FILE`: the largest items of a module by bytes and share (like `twiggy top`).
#include <cstdio>
#include <string>

#include "args.h"
#include "commands.h"
#include "load.h"
#include "tools/decode.h"
#include "tools/size.h"

namespace wisp::cli {

namespace {

constexpr const char* kSizeUsage =
    "usage: wisp size [options] FILE\n"
    "\n"
    "Lists what takes the space in a module (.wasm binary, or .wat text), largest first: sections,\n"
    "custom sections (debug info), function bodies (by name) and data segments, with their share of\n"
    "the file. The items partition the file, so the shares add up to 100%.\n"
    "\n"
    "options:\n"
    "  -n N        show the top N items only (the rest is summed on one line)\n"
    "  --json      print JSON instead of a table\n"
    "  -h, --help  show this help\n";

}  // namespace

int size_command(int argc, char** argv) {
  bool json = false, options_done = false;
  size_t top_n = 0;
  std::string file;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool missing = false;
    std::string value;
    if (!options_done && is_help_flag(a)) {
      std::fputs(kSizeUsage, stdout);
      return 0;
    }
    if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && a == "--json") {
      json = true;
    } else if (!options_done && (match_option(argc, argv, i, "-n", value, missing) ||
                                 match_option(argc, argv, i, "--top", value, missing))) {
      if (missing) return error(kExitUsage, "size: -n needs a number (see 'wisp size --help')");
      if (value.empty() || value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos)
        return error(kExitUsage, "size: -n needs a number, got '%s'", value.c_str());
      top_n = std::stoul(value);
    } else if (!options_done && a.size() > 1 && a[0] == '-') {
      return error(kExitUsage, "size: unknown option '%s' (see 'wisp size --help')", a.c_str());
    } else if (file.empty()) {
      file = a;
    } else {
      return error(kExitUsage, "size: more than one input file (see 'wisp size --help')");
    }
  }
  if (file.empty()) return error(kExitUsage, "size: no input file (see 'wisp size --help')");

  auto bytes = load_module_bytes(file);
  if (!bytes.ok()) return error(kExitFailure, "%s", describe_error(file, bytes.error()).c_str());
  auto mod = tools::decode_module(std::move(bytes.value()));
  if (!mod.ok()) return error(kExitFailure, "%s", describe_error(file, mod.error()).c_str());
  std::string out = json ? tools::size_json(**mod, top_n) : tools::size_text(**mod, top_n);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace wisp::cli
