// `wisp strip FILE -o OUT [--keep NAME]...`: drops custom sections (like `wasm-strip`).
#include <cstdio>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "load.h"
#include "tools/decode.h"
#include "tools/json.h"
#include "tools/strip.h"

namespace wisp::cli {

namespace {

constexpr const char* kStripUsage =
    "usage: wisp strip [options] FILE -o OUT\n"
    "\n"
    "Writes FILE (.wasm binary, or .wat text) to OUT without its custom sections (debug info, names,\n"
    "producers, ...). Every other section is copied unchanged, so the module stays valid.\n"
    "\n"
    "options:\n"
    "  -o OUT       the output file (required; may be FILE itself)\n"
    "  --keep NAME  keep custom sections called NAME (repeatable), e.g. --keep name\n"
    "  --json       report what was removed as JSON on standard output\n"
    "  -h, --help   show this help\n";

}  // namespace

int strip_command(int argc, char** argv) {
  bool json = false, options_done = false;
  std::string file, out_path;
  std::vector<std::string> keep;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool missing = false;
    std::string value;
    if (!options_done && is_help_flag(a)) {
      std::fputs(kStripUsage, stdout);
      return 0;
    }
    if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && a == "--json") {
      json = true;
    } else if (!options_done && match_option(argc, argv, i, "-o", out_path, missing)) {
      if (missing) return error(kExitUsage, "strip: -o needs a file (see 'wisp strip --help')");
    } else if (!options_done && match_option(argc, argv, i, "--keep", value, missing)) {
      if (missing) return error(kExitUsage, "strip: --keep needs a section name (see 'wisp strip --help')");
      keep.push_back(value);
    } else if (!options_done && a.size() > 1 && a[0] == '-') {
      return error(kExitUsage, "strip: unknown option '%s' (see 'wisp strip --help')", a.c_str());
    } else if (file.empty()) {
      file = a;
    } else {
      return error(kExitUsage, "strip: more than one input file (see 'wisp strip --help')");
    }
  }
  if (file.empty()) return error(kExitUsage, "strip: no input file (see 'wisp strip --help')");
  if (out_path.empty()) return error(kExitUsage, "strip: no output file: give -o OUT (see 'wisp strip --help')");

  auto bytes = load_module_bytes(file);
  if (!bytes.ok()) return error(kExitFailure, "%s", describe_error(file, bytes.error()).c_str());
  auto mod = tools::decode_module(std::move(bytes.value()));
  if (!mod.ok()) return error(kExitFailure, "%s", describe_error(file, mod.error()).c_str());
  tools::StripResult r = tools::strip_custom_sections(**mod, keep);

  FILE* f = std::fopen(out_path.c_str(), "wb");
  if (!f) return error(kExitFailure, "strip: cannot open '%s' for writing", out_path.c_str());
  bool ok = std::fwrite(r.bytes.data(), 1, r.bytes.size(), f) == r.bytes.size();
  ok &= std::fclose(f) == 0;
  if (!ok) return error(kExitFailure, "strip: cannot write '%s'", out_path.c_str());

  if (json) {
    tools::JsonWriter j;
    j.begin_object().field("input_size", uint64_t((*mod)->bytes.size())).field("output_size", uint64_t(r.bytes.size()));
    j.key("removed").begin_array();
    for (const std::string& n : r.removed) j.value(n);
    j.end_array().field("removed_bytes", r.removed_bytes).end_object();
    std::printf("%s\n", j.str().c_str());
  }
  return 0;
}

}  // namespace wisp::cli
