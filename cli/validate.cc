// `wisp validate FILE...`: checks that modules are well-formed and valid; silent on success.
#include <cstdio>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "features_option.h"
#include "load.h"
#include "tools/json.h"
#include "wisp/wisp.h"

namespace wisp::cli {

namespace {

constexpr const char* kValidateUsage =
    "usage: wisp validate [options] FILE...\n"
    "\n"
    "Checks that each module (.wasm binary or .wat text) is well-formed and valid. Prints one line per\n"
    "invalid module (file, error kind, byte offset, reason) and exits with 1 if any is invalid.\n"
    "\n"
    "options:\n"
    "  -q, --quiet  print nothing, only set the exit status\n"
    "  --json       print one JSON object: every file with valid, kind, offset and message\n"
    "  -W NAME=y|n  enable or disable a post-2.0 Wasm feature (repeatable, or NAME=y,NAME=n);\n"
    "               -W help lists them with their defaults\n"
    "  -h, --help   show this help\n";

}  // namespace

int validate_command(int argc, char** argv) {
  bool quiet = false;
  bool json = false;
  std::vector<std::string> files;
  bool options_done = false;
  Config config;
  bool help = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (!options_done && is_help_flag(a)) {
      std::fputs(kValidateUsage, stdout);
      return 0;
    }
    if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && (a == "-q" || a == "--quiet")) {
      quiet = true;
    } else if (!options_done && a == "--json") {
      json = true;
    } else if (std::string ferr; !options_done && parse_features_option(argc, argv, i, config.features, ferr, help)) {
      if (!ferr.empty()) return error(kExitUsage, "validate: %s", ferr.c_str());
      if (help) {
        std::fputs(feature_list().c_str(), stdout);
        return 0;
      }
    } else if (!options_done && a.size() > 1 && a[0] == '-') {
      return error(kExitUsage, "validate: unknown option '%s' (see 'wisp validate --help')", a.c_str());
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) return error(kExitUsage, "validate: no input files (see 'wisp validate --help')");

  Engine engine(config);
  int status = 0;
  tools::JsonWriter j;
  j.begin_object().key("files").begin_array();
  for (const std::string& path : files) {
    auto bytes = load_module_bytes(path);
    Result<void> r = bytes.ok() ? Module::validate(engine, bytes.value()) : Result<void>(bytes.error());
    if (json) {
      j.begin_object().field("file", path).field("valid", r.ok());
      if (!r.ok()) {
        j.field("kind", error_kind_name(r.error().kind));
        if (r.error().offset != UINT64_MAX) j.field("offset", uint64_t(r.error().offset));
        j.field("message", r.error().message);
      }
      j.end_object();
    }
    if (r.ok()) continue;
    status = kExitFailure;
    if (!quiet && !json) std::printf("%s\n", describe_error(path, r.error()).c_str());
  }
  j.end_array().end_object();
  if (json && !quiet) std::printf("%s\n", j.str().c_str());
  return status;
}

}  // namespace wisp::cli
