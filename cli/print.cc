// `wisp print [--folded] [--no-names] [-o OUT] FILE`: a module as WAT text (like `wasm2wat`).
#include <cstdio>
#include <string>

#include "args.h"
#include "commands.h"
#include "features_option.h"
#include "load.h"
#include "tools/decode.h"
#include "tools/json.h"
#include "tools/wat_printer.h"

namespace wisp::cli {

namespace {

constexpr const char* kPrintUsage =
    "usage: wisp print [options] FILE\n"
    "\n"
    "Prints a module (.wasm binary, or .wat text) as WAT text, with $names from the name section.\n"
    "Parsing the output back gives the same module (custom sections other than \"name\" are not printed).\n"
    "\n"
    "options:\n"
    "  --folded    fold operands into S-expressions: (i32.add (local.get 0) (i32.const 1))\n"
    "  --no-names  print indices only, ignoring the name section\n"
    "  -o OUT      write the text to OUT instead of standard output\n"
    "  --json      print {\"text\": ...} as JSON\n"
    "  -W NAME=y|n enable or disable a post-2.0 Wasm feature (-W help lists them)\n"
    "  -h, --help  show this help\n";

}  // namespace

int print_command(int argc, char** argv) {
  tools::PrintOptions options;
  bool json = false, options_done = false, help = false;
  Features features = Features::defaults();  // the module's features (-W): GC, memory64, ...
  std::string file, out_path;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool missing = false;
    if (!options_done && is_help_flag(a)) {
      std::fputs(kPrintUsage, stdout);
      return 0;
    }
    if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && a == "--folded") {
      options.folded = true;
    } else if (!options_done && a == "--flat") {
      options.folded = false;
    } else if (!options_done && a == "--no-names") {
      options.names = false;
    } else if (!options_done && a == "--json") {
      json = true;
    } else if (!options_done && match_option(argc, argv, i, "-o", out_path, missing)) {
      if (missing) return error(kExitUsage, "print: -o needs a file (see 'wisp print --help')");
    } else if (std::string ferr; !options_done && parse_features_option(argc, argv, i, features, ferr, help)) {
      if (!ferr.empty()) return error(kExitUsage, "print: %s", ferr.c_str());
      if (help) {
        std::fputs(feature_list().c_str(), stdout);
        return 0;
      }
    } else if (!options_done && a.size() > 1 && a[0] == '-') {
      return error(kExitUsage, "print: unknown option '%s' (see 'wisp print --help')", a.c_str());
    } else if (file.empty()) {
      file = a;
    } else {
      return error(kExitUsage, "print: more than one input file (see 'wisp print --help')");
    }
  }
  if (file.empty()) return error(kExitUsage, "print: no input file (see 'wisp print --help')");

  auto bytes = load_module_bytes(file);
  if (!bytes.ok()) return error(kExitFailure, "%s", describe_error(file, bytes.error()).c_str());
  auto mod = tools::decode_module(std::move(bytes.value()), features);
  if (!mod.ok()) return error(kExitFailure, "%s", describe_error(file, mod.error()).c_str());
  if (!json) {  // streamed: the text of a large module is never held whole
    FILE* f = out_path.empty() || out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
    if (!f) return error(kExitFailure, "print: cannot open '%s' for writing", out_path.c_str());
    bool ok = true;
    auto r = tools::print_module(**mod, options, [&](std::string_view s) {
      ok &= std::fwrite(s.data(), 1, s.size(), f) == s.size();
    });
    if (f != stdout) ok &= std::fclose(f) == 0;
    if (!r.ok()) return error(kExitFailure, "%s", describe_error(file, r.error()).c_str());
    if (!ok) return error(kExitFailure, "print: cannot write '%s'", out_path.empty() ? "-" : out_path.c_str());
    return 0;
  }
  auto text = tools::print_module(**mod, options);
  if (!text.ok()) return error(kExitFailure, "%s", describe_error(file, text.error()).c_str());

  std::string out = *text;
  if (json) {
    tools::JsonWriter j;
    j.begin_object().field("file", file).field("text", out).end_object();
    out = j.str() + "\n";
  }
  if (out_path.empty() || out_path == "-") {
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  FILE* f = std::fopen(out_path.c_str(), "wb");
  if (!f) return error(kExitFailure, "print: cannot open '%s' for writing", out_path.c_str());
  bool ok = std::fwrite(out.data(), 1, out.size(), f) == out.size();
  ok &= std::fclose(f) == 0;
  if (!ok) return error(kExitFailure, "print: cannot write '%s'", out_path.c_str());
  return 0;
}

}  // namespace wisp::cli
