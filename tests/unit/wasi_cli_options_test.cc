// wisp run's WASI options (src/wasi/cli_options.h): parsing and the WasiConfig they produce.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>
#include <vector>

#include "../../cli/wasi_options.h"

using wisp::wasi::CliOptions;

namespace {

// Parses argv the way `wisp run` does: options until the first non-option.
std::string parse(std::vector<std::string> args, CliOptions& opts, int& stop) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::string err;
  int i = 0;
  for (; i < int(argv.size()); ++i) {
    if (!wisp::wasi::parse_cli_option(int(argv.size()), argv.data(), i, opts, err)) break;
    if (!err.empty()) break;
  }
  stop = i;
  return err;
}

TEST(WasiCliOptions, ParsesWasmtimeSpellings) {
  CliOptions o;
  int stop;
  EXPECT_EQ(parse({"--dir", "/a::/b", "--dir=c", "--env", "X=1", "--env=Y", "--inherit-env", "--argv0", "prog",
                   "--trap-unknown-imports", "file.wasm", "--dir", "guest"},
                  o, stop),
            "");
  EXPECT_EQ(stop, 10);
  EXPECT_EQ(o.dirs, (std::vector<std::string>{"/a::/b", "c"}));
  EXPECT_EQ(o.envs, (std::vector<std::string>{"X=1", "Y"}));
  EXPECT_TRUE(o.inherit_env);
  EXPECT_TRUE(o.trap_unknown_imports);
  EXPECT_EQ(o.argv0, "prog");
  CliOptions missing;
  EXPECT_NE(parse({"--dir"}, missing, stop), "");
}

TEST(WasiCliOptions, BuildsTheConfig) {
  setenv("WISP_CLI_TEST_VAR", "host-value", 1);
  CliOptions o;
  o.dirs = {"/tmp::/data", "rel"};
  o.envs = {"A=1", "WISP_CLI_TEST_VAR", "WISP_CLI_TEST_ABSENT", "A=2", "B=x=y"};
  auto cfg = wisp::wasi::make_cli_config(o, "prog.wasm", {"x", "y"});
  ASSERT_TRUE(cfg.ok());
  EXPECT_EQ(cfg->args, (std::vector<std::string>{"prog.wasm", "x", "y"}));
  ASSERT_EQ(cfg->env.size(), 3u);  // A replaced, the absent one skipped
  EXPECT_EQ(cfg->env[0], (std::pair<std::string, std::string>{"A", "2"}));
  EXPECT_EQ(cfg->env[1], (std::pair<std::string, std::string>{"WISP_CLI_TEST_VAR", "host-value"}));
  EXPECT_EQ(cfg->env[2], (std::pair<std::string, std::string>{"B", "x=y"}));
  ASSERT_EQ(cfg->preopens.size(), 2u);
  EXPECT_EQ(cfg->preopens[0].guest, "/data");
  EXPECT_EQ(cfg->preopens[1].host, "rel");
  EXPECT_EQ(cfg->preopens[1].guest, "rel");
  o.argv0 = "name";
  EXPECT_EQ(wisp::wasi::make_cli_config(o, "prog.wasm", {})->args[0], "name");
  CliOptions bad;
  bad.envs = {"=x"};
  EXPECT_FALSE(wisp::wasi::make_cli_config(bad, "p", {}).ok());
  bad.envs.clear();
  bad.dirs = {"::guest"};
  EXPECT_FALSE(wisp::wasi::make_cli_config(bad, "p", {}).ok());
}

}  // namespace
