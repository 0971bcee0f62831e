#include "wasi_options.h"

#include <cstdlib>
#include <cstring>
#include <string_view>

namespace wisp::wasi {

const char* const kCliOptionsHelp =
    "  --dir HOST[::GUEST]    make host directory HOST visible to the guest as GUEST (default: HOST)\n"
    "  --env NAME=VALUE       set an environment variable for the guest\n"
    "  --env NAME             pass the host's NAME through to the guest\n"
    "  --inherit-env          pass the host's whole environment through\n"
    "  --argv0 NAME           the guest's argv[0] (default: FILE)\n"
    "  --trap-unknown-imports link imports nothing defines to functions that trap when called\n";

namespace {

bool take_value(int argc, char** argv, int& i, std::string_view name, std::string& value, bool& matched,
                std::string& error) {
  std::string_view a = argv[i];
  matched = false;
  if (a == name) {
    matched = true;
    if (i + 1 >= argc) {
      error = "option '" + std::string(name) + "' needs a value";
      return false;
    }
    value = argv[++i];
    return true;
  }
  if (a.size() > name.size() && a.substr(0, name.size()) == name && a[name.size()] == '=') {
    matched = true;
    value = std::string(a.substr(name.size() + 1));
    return true;
  }
  return false;
}

}  // namespace

bool parse_cli_option(int argc, char** argv, int& i, CliOptions& out, std::string& error) {
  std::string_view a = argv[i];
  if (a == "--inherit-env") {
    out.inherit_env = true;
    return true;
  }
  if (a == "--trap-unknown-imports") {
    out.trap_unknown_imports = true;
    return true;
  }
  std::string value;
  bool matched;
  for (std::string_view name : {"--dir", "--env", "--argv0"}) {
    bool ok = take_value(argc, argv, i, name, value, matched, error);
    if (!matched) continue;
    if (!ok) return true;
    if (name == "--dir") out.dirs.push_back(value);
    else if (name == "--env") out.envs.push_back(value);
    else out.argv0 = value;
    return true;
  }
  return false;
}

Result<WasiConfig> make_cli_config(const CliOptions& opts, const std::string& module_path,
                                   const std::vector<std::string>& guest_args) {
  WasiConfig cfg;
  cfg.args.push_back(opts.argv0 ? *opts.argv0 : module_path);
  cfg.args.insert(cfg.args.end(), guest_args.begin(), guest_args.end());
  if (opts.inherit_env) cfg.inherit_env();
  // A later setting of the same name replaces an earlier one (also one inherited).
  auto set = [&cfg](std::string name, std::string value) {
    for (auto& kv : cfg.env)
      if (kv.first == name) {
        kv.second = std::move(value);
        return;
      }
    cfg.set_env(std::move(name), std::move(value));
  };
  for (const std::string& e : opts.envs) {
    size_t eq = e.find('=');
    if (eq == 0 || e.empty()) return Error::usage("bad --env '" + e + "': expected NAME=VALUE or NAME");
    if (eq == std::string::npos) {
      // Inherit one variable; absent on the host means absent for the guest.
      if (const char* v = std::getenv(e.c_str())) set(e, v);
      continue;
    }
    set(e.substr(0, eq), e.substr(eq + 1));
  }
  for (const std::string& d : opts.dirs) {
    auto p = WasiConfig::parse_dir(d);
    if (!p.ok()) return std::move(p.error());
    cfg.preopens.push_back(std::move(p.value()));
  }
  return cfg;
}

}  // namespace wisp::wasi
