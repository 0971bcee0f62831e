// `wisp inspect [--json] [--ir FUNC | --asm FUNC] FILE`: sections, index spaces, segments, custom sections
// and names of a module (like `wasm-objdump -x`), or the interpreter IR or JIT machine code of one function.
#include <cstdio>
#include <string>

#include "args.h"
#include "commands.h"
#include "features_option.h"
#include "load.h"
#include "tools/decode.h"
#include "tools/dump.h"
#include "tools/jit_asm.h"
#include "tools/json.h"

namespace wisp::cli {

namespace {

constexpr const char* kInspectUsage =
    "usage: wisp inspect [options] FILE\n"
    "\n"
    "Lists everything in a module (.wasm binary or .wat text): header, each section with its offset and\n"
    "size, types, imports with their signatures, functions, tables, memories, globals, exports, start,\n"
    "element and data segments, custom sections and names.\n"
    "\n"
    "options:\n"
    "  --ir FUNC   print the interpreter IR of function FUNC (an index, a name or an export name)\n"
    "  --asm FUNC  compile FUNC with the baseline JIT and disassemble it, under each IR instruction\n"
    "              the code it became (needs a JIT build and Zydis, libzydis4.0)\n"
    "  --json      print JSON instead of a listing\n"
    "  -W NAME=y|n enable or disable a post-2.0 Wasm feature (-W help lists them)\n"
    "  -h, --help  show this help\n";

}  // namespace

int inspect_command(int argc, char** argv) {
  bool json = false;
  std::string ir_func, file;
  bool has_ir = false, has_asm = false, options_done = false, help = false;
  Features features = Features::defaults();  // the module's features (-W): GC, memory64, ...
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool missing = false;
    if (!options_done && is_help_flag(a)) {
      std::fputs(kInspectUsage, stdout);
      return 0;
    }
    if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && a == "--json") {
      json = true;
    } else if (!options_done && match_option(argc, argv, i, "--ir", ir_func, missing)) {
      if (missing) return error(kExitUsage, "inspect: --ir needs a function (see 'wisp inspect --help')");
      has_ir = true;
    } else if (!options_done && match_option(argc, argv, i, "--asm", ir_func, missing)) {
      if (missing) return error(kExitUsage, "inspect: --asm needs a function (see 'wisp inspect --help')");
      has_asm = true;
    } else if (std::string ferr; !options_done && parse_features_option(argc, argv, i, features, ferr, help)) {
      if (!ferr.empty()) return error(kExitUsage, "inspect: %s", ferr.c_str());
      if (help) {
        std::fputs(feature_list().c_str(), stdout);
        return 0;
      }
    } else if (!options_done && a.size() > 1 && a[0] == '-') {
      return error(kExitUsage, "inspect: unknown option '%s' (see 'wisp inspect --help')", a.c_str());
    } else if (file.empty()) {
      file = a;
    } else {
      return error(kExitUsage, "inspect: more than one input file (see 'wisp inspect --help')");
    }
  }
  if (file.empty()) return error(kExitUsage, "inspect: no input file (see 'wisp inspect --help')");

  auto bytes = load_module_bytes(file);
  if (!bytes.ok()) return error(kExitFailure, "%s", describe_error(file, bytes.error()).c_str());
  auto mod = tools::decode_module(std::move(bytes.value()), features);
  if (!mod.ok()) return error(kExitFailure, "%s", describe_error(file, mod.error()).c_str());

  if (has_ir && has_asm) return error(kExitUsage, "inspect: --ir and --asm exclude each other");
  if (has_ir || has_asm) {
    auto text = has_asm ? tools::function_asm_text(**mod, ir_func) : tools::function_ir_text(**mod, ir_func);
    if (!text.ok()) {
      int code = text.error().kind == ErrorKind::Usage ? kExitUsage : kExitFailure;
      return error(code, "%s", describe_error(file, text.error()).c_str());
    }
    if (json) {
      tools::JsonWriter j;
      j.begin_object().field("function", ir_func).field(has_asm ? "asm" : "ir", *text).end_object();
      std::printf("%s\n", j.str().c_str());
      return 0;
    }
    std::fputs(text->c_str(), stdout);
    return 0;
  }
  std::string out = json ? tools::inspect_json(**mod) : tools::inspect_text(**mod);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace wisp::cli
