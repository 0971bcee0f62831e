#include "dispatch_option.h"

#include "args.h"

namespace wisp::cli {

bool parse_dispatch_option(int argc, char** argv, int& i, Config::Dispatch& mode, std::string& error) {
  std::string value;
  bool missing = false;
  if (!match_option(argc, argv, i, "--dispatch", value, missing)) return false;
  if (missing) {
    error = "option '--dispatch' needs a mode (tailcall, loop or auto)";
  } else if (value == "tailcall") {
    mode = Config::Dispatch::tailcall;
    if (!Config::dispatch_supported(mode))
      error = "--dispatch=tailcall: this build of wisp has loop dispatch only (GCC or sanitizer build)";
  } else if (value == "loop") {
    mode = Config::Dispatch::loop;
  } else if (value == "auto") {
    mode = Config::Dispatch::automatic;
  } else {
    error = "--dispatch: unknown mode '" + value + "' (tailcall, loop or auto)";
  }
  return true;
}

}  // namespace wisp::cli
