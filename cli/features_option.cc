#include "features_option.h"

#include <string_view>

#include "args.h"

namespace wisp::cli {

bool parse_features_option(int argc, char** argv, int& i, Features& features, std::string& error, bool& help) {
  std::string_view a = argv[i];
  std::string value;
  bool missing = false;
  if (a.size() > 2 && a.substr(0, 2) == "-W") {
    value = std::string(a.substr(2));
  } else if (!match_option(argc, argv, i, "-W", value, missing) &&
             !match_option(argc, argv, i, "--wasm", value, missing)) {
    return false;
  }
  if (missing) {
    error = "option '" + std::string(a) + "' needs a setting NAME=y|n (see '-W help')";
  } else if (value == "help") {
    help = true;
  } else if (Result<void> r = features.apply(value); !r.ok()) {
    error = r.error().message;
  }
  return true;
}

std::string feature_list() {
  std::string s =
      "Post-2.0 WebAssembly features (-W NAME=y|n; -W all-proposals=y enables all). A feature is on by\n"
      "default once wisp implements it completely; enabling an incomplete one lets the decoder name its\n"
      "instructions as not supported yet instead of illegal.\n\n";
  Features defaults = Features::defaults();
  for (unsigned f = 1; f < unsigned(Feature::count_); ++f) {
    std::string name(Features::name(Feature(f)));
    s += "  " + name + std::string(name.size() < 22 ? 22 - name.size() : 1, ' ');
    s += defaults.has(Feature(f)) ? "default: y\n" : "default: n (not complete)\n";
  }
  return s;
}

}  // namespace wisp::cli
