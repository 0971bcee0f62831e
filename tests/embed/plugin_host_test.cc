// The plugin host over the C plugins of examples/plugins (compiled by tests/embed/build-plugins.sh into
// $WISP_EMBED_PLUGINS): the model use case, and every failing plugin failing only its own call.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

#include "plugin_host.h"

namespace {

using namespace std::chrono_literals;
using plugin_host::HostOptions;
using plugin_host::PluginHost;

std::string plugin_dir() {
  const char* d = std::getenv("WISP_EMBED_PLUGINS");
  return d ? d : "";
}

// A host with the plugin folder loaded.
class PluginHostTest : public ::testing::Test {
 protected:
  void load(PluginHost& host) {
    if (plugin_dir().empty()) GTEST_SKIP() << "WISP_EMBED_PLUGINS is not set";
    std::vector<plugin_host::LoadFailure> failures;
    auto names = host.load_directory(plugin_dir(), &failures);
    ASSERT_TRUE(names.ok()) << names.error().to_string();
    EXPECT_EQ(*names, (std::vector<std::string>{"loop", "oom", "recurse", "trap", "upcase", "wordcount"}));
    ASSERT_EQ(failures.size(), 1u);  // broken.wasm
    EXPECT_EQ(failures[0].error.kind, wisp::ErrorKind::Malformed);
  }
  // The host still serves an ordinary call.
  static void still_alive(PluginHost& host) {
    auto r = host.call("upcase", {}, "still here");
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->out, "STILL HERE");
  }
};

TEST_F(PluginHostTest, ModelUseCase) {
  PluginHost host;
  load(host);
  auto up = host.call("upcase", {}, "hello, wisp\n");
  ASSERT_TRUE(up.ok()) << up.error().to_string();
  EXPECT_EQ(up->out, "HELLO, WISP\n");
  EXPECT_EQ(up->exit_code, 0);
  auto wc = host.call("wordcount", {"-w"}, "the quick brown fox\njumps\n");
  ASSERT_TRUE(wc.ok());
  EXPECT_EQ(wc->out, "5\n");
  auto bad = host.call("wordcount", {"-x"}, "");
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(bad->exit_code, 2);
  EXPECT_EQ(bad->err, "wordcount: unknown option -x\n");
  auto unknown = host.call("nosuch", {}, "");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, "unknown plugin: nosuch");
}

TEST_F(PluginHostTest, TrapFailsOnlyThatCall) {
  PluginHost host;
  load(host);
  for (auto [how, message] : {std::pair{"abort", "unreachable"}, std::pair{"div", "integer divide by zero"},
                              std::pair{"oob", "out of bounds memory access"}}) {
    plugin_host::CallOutput partial;
    auto r = host.call("trap", {how}, "", &partial);
    ASSERT_FALSE(r.ok()) << how;
    EXPECT_EQ(r.error().kind, wisp::ErrorKind::Trap);
    EXPECT_EQ(r.error().message, message);
    EXPECT_EQ(partial.out, std::string("crashing with ") + how + "\n");  // output before the trap is kept
    still_alive(host);
  }
}

TEST_F(PluginHostTest, TrapWithExplicitBoundsChecks) {
  HostOptions o;
  o.explicit_bounds_checks = true;
  PluginHost host(o);
  load(host);
  auto r = host.call("trap", {"oob"}, "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "out of bounds memory access");
  still_alive(host);
}

TEST_F(PluginHostTest, EndlessLoopStoppedByFuel) {
  HostOptions o;
  o.fuel = 20'000'000;
  PluginHost host(o);
  load(host);
  plugin_host::CallOutput partial;
  auto r = host.call("loop", {}, "", &partial);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "all fuel consumed");
  EXPECT_EQ(partial.out, "spinning\n");
  still_alive(host);
}

TEST_F(PluginHostTest, EndlessLoopStoppedByTimeout) {
  HostOptions o;
  o.timeout = 200ms;
  PluginHost host(o);
  load(host);
  auto start = std::chrono::steady_clock::now();
  auto r = host.call("loop", {}, "");
  auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "timed out after 200 ms (deadline exceeded)");
  EXPECT_GE(took, 200ms);
  EXPECT_LT(took, 10s);
  still_alive(host);  // the timeout is per call: a quick call is not affected
}

TEST_F(PluginHostTest, EndlessLoopStoppedByInterruptFromAnotherThread) {
  PluginHost host;
  load(host);
  std::thread stopper([&host] {
    std::this_thread::sleep_for(100ms);
    host.interrupt();
  });
  auto r = host.call("loop", {}, "");
  stopper.join();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "interrupted");
  still_alive(host);  // the interrupt was consumed by the call it stopped
}

TEST_F(PluginHostTest, MemoryHogHitsItsLimit) {
  HostOptions o;
  o.max_memory_bytes = 8 << 20;
  PluginHost host(o);
  load(host);
  auto r = host.call("oom", {}, "");
  ASSERT_TRUE(r.ok()) << r.error().to_string();  // malloc failed inside the plugin; it reported it
  EXPECT_EQ(r->exit_code, 3);
  int mib = -1;
  ASSERT_EQ(std::sscanf(r->out.c_str(), "out of memory after %d MiB", &mib), 1) << r->out;
  EXPECT_GE(mib, 1);
  EXPECT_LT(mib, 8);
  still_alive(host);
}

TEST_F(PluginHostTest, EndlessRecursionExhaustsTheStack) {
  PluginHost host;
  load(host);
  auto r = host.call("recurse", {}, "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, wisp::ErrorKind::Exhaustion);
  EXPECT_EQ(r.error().message, "call stack exhausted");
  EXPECT_FALSE(r.error().backtrace.empty());
  still_alive(host);
}

TEST_F(PluginHostTest, EveryFailureInOneHost) {
  HostOptions o;
  o.fuel = 50'000'000;
  o.max_memory_bytes = 8 << 20;
  PluginHost host(o);
  load(host);
  for (int round = 0; round < 3; round++) {
    EXPECT_FALSE(host.call("trap", {}, "").ok());
    EXPECT_FALSE(host.call("loop", {}, "").ok());
    EXPECT_EQ(host.call("oom", {}, "")->exit_code, 3);
    EXPECT_FALSE(host.call("recurse", {}, "").ok());
    still_alive(host);
  }
}

TEST(SplitWords, QuotesAndBlanks) {
  EXPECT_EQ(plugin_host::split_words("  call upcase \"two words\" x\\y \"q\\\"t\"  "),
            (std::vector<std::string>{"call", "upcase", "two words", "x\\y", "q\"t"}));
  EXPECT_TRUE(plugin_host::split_words("   ").empty());
}

}  // namespace
