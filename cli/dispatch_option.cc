#include <cstdlib>

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

bool parse_tier_option(int argc, char** argv, int& i, Config::Tier& tier, std::string& error) {
  std::string value;
  bool missing = false;
  if (!match_option(argc, argv, i, "--tier", value, missing)) return false;
  if (missing) {
    error = "option '--tier' needs a tier (interp, jit or auto)";
  } else if (value == "interp") {
    tier = Config::Tier::interp;
  } else if (value == "jit") {
    tier = Config::Tier::jit;
    if (!Config::tier_supported(tier)) error = "--tier=jit: this build of wisp has no JIT (not x86-64, or built without Xbyak)";
  } else if (value == "auto") {
    tier = Config::Tier::automatic;
  } else {
    error = "--tier: unknown tier '" + value + "' (interp, jit or auto)";
  }
  return true;
}

bool parse_tier_up_threshold_option(int argc, char** argv, int& i, uint32_t& threshold, std::string& error) {
  std::string value;
  bool missing = false;
  if (!match_option(argc, argv, i, "--tier-up-threshold", value, missing)) return false;
  char* end = nullptr;
  unsigned long n = missing || value.empty() ? 0 : std::strtoul(value.c_str(), &end, 10);
  if (missing || value.empty() || *end != '\0' || n == 0 || n > 1000000000ul)
    error = "option '--tier-up-threshold' needs a count from 1 to 1000000000";
  else
    threshold = uint32_t(n);
  return true;
}

}  // namespace wisp::cli
