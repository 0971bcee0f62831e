// Hostile guests against the WASI host (issue 19, items 3, 4, 6 and 7): each test fails on the code before
// its fix. Host memory per call bounded by the guest's, blocking calls that stop for a deadline or an
// interrupt, guest flags that never reach the host's shared descriptors, symlinks that stay inside.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "wasi/functions.h"
#include "wasi/path_resolver.h"
#include "wisp/linker.h"
#include "wisp/text.h"
#include "wisp/wasi.h"
#include "wisp/wisp.h"

namespace fs = std::filesystem;
using namespace wisp::wasi;

namespace {

struct FakeGuest {
  std::vector<uint8_t> bytes;
  explicit FakeGuest(size_t size) : bytes(size) {}
  GuestMemory mem() { return GuestMemory(bytes.data(), bytes.size()); }
  void iov(uint32_t at, uint32_t buf, uint32_t len) {
    IoVec v{buf, len};
    std::memcpy(bytes.data() + at, &v, sizeof v);
  }
  uint32_t u32(uint32_t at) const {
    uint32_t v;
    std::memcpy(&v, bytes.data() + at, 4);
    return v;
  }
};

// 1024 iovecs that all name the same 64 KiB: 64 MiB of "output" from a 64 KiB guest. The host hands the
// callback at most the guest's memory size per call and reports the short count.
TEST(WasiHostile, OverlappingIovecsToCapturedStdoutAreBoundedPerCall) {
  size_t delivered = 0, calls = 0;
  wisp::WasiConfig cfg;
  cfg.stdout_stream = wisp::WasiStdio::to_callback([&](std::string_view s) {
    delivered += s.size();
    ++calls;
  });
  auto w = wisp::Wasi::create(cfg);
  ASSERT_TRUE(w.ok());
  constexpr uint32_t kMem = 65536, kIovs = 1024, kIovAt = 0, kOut = 16 * 1024;
  FakeGuest g(kMem);
  for (uint32_t i = 0; i < kIovs; ++i) g.iov(kIovAt + i * 8, 0, kMem);
  ASSERT_EQ(fn::fd_write((*w)->ctx(), g.mem(), 1, kIovAt, kIovs, kOut), kSuccess);
  EXPECT_EQ(delivered, kMem);
  EXPECT_EQ(g.u32(kOut), kMem);  // the short count the guest sees
  EXPECT_EQ(calls, 1u);          // straight from guest memory, no gathered copy
}

// A 32 MiB path of "./" is refused before it is split or resolved.
TEST(WasiHostile, OverlongPathIsNameTooLong) {
  char tmpl[] = "/tmp/wisp-hostile-XXXXXX";
  fs::path root = mkdtemp(tmpl);
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY);
  ASSERT_GE(fd, 0);
  std::string path;
  for (size_t i = 0; i < (16u << 20); ++i) path += "./";
  ResolvedPath rp;
  EXPECT_EQ(resolve_path(fd, path, false, rp), kNametoolong);
  std::string ok_path;
  for (size_t i = 0; i < kMaxPathBytes / 2; ++i) ok_path += "./";
  EXPECT_EQ(resolve_path(fd, ok_path, false, rp), kSuccess);
  ::close(fd);
  fs::remove_all(root);
}

TEST(WasiHostile, SymlinkTargetsMayNotClimbOutOfThePreopen) {
  char tmpl[] = "/tmp/wisp-hostile-XXXXXX";
  fs::path root = mkdtemp(tmpl);
  fs::create_directories(root / "sandbox/sub");
  fs::create_directories(root / "OUTSIDE");
  wisp::WasiConfig cfg;
  cfg.preopen((root / "sandbox").string(), "/sandbox");
  auto w = wisp::Wasi::create(cfg);
  ASSERT_TRUE(w.ok());
  FakeGuest g(65536);
  auto put = [&](uint32_t at, std::string_view s) {
    std::memcpy(g.bytes.data() + at, s.data(), s.size());
    return uint32_t(s.size());
  };
  auto symlink = [&](std::string_view target, std::string_view link) {
    uint32_t tl = put(1000, target), ll = put(3000, link);
    return fn::path_symlink((*w)->ctx(), g.mem(), 1000, tl, 3, 3000, ll);
  };
  EXPECT_EQ(symlink("../OUTSIDE/secret", "link"), kPerm);
  EXPECT_EQ(symlink("sub/../../OUTSIDE", "link2"), kPerm);
  EXPECT_EQ(symlink("../../OUTSIDE", "sub/link3"), kPerm);
  EXPECT_FALSE(fs::exists(fs::symlink_status(root / "sandbox/link")));
  EXPECT_FALSE(fs::exists(fs::symlink_status(root / "sandbox/sub/link3")));
  // Links that stay inside are still planted.
  EXPECT_EQ(symlink("sub/../sub", "inside"), kSuccess);
  EXPECT_EQ(symlink("../sub", "sub/up_and_back"), kSuccess);
  EXPECT_TRUE(fs::is_symlink(root / "sandbox/sub/up_and_back"));
  fs::remove_all(root);
}

// NONBLOCK on an inherited (borrowed) descriptor is emulated for the guest and never set on the host's
// open file description, which the parent shares.
TEST(WasiHostile, NonblockOnBorrowedDescriptorDoesNotReachTheHost) {
  int p[2];
  ASSERT_EQ(::pipe(p), 0);
  wisp::WasiConfig cfg;
  auto w = wisp::Wasi::create(cfg);
  ASSERT_TRUE(w.ok());
  WasiCtx& c = (*w)->ctx();
  auto e = std::make_unique<FdEntry>();
  e->host_fd = p[0];  // borrowed: `owned` stays empty, as for inherited stdio
  e->type = kFiletypeUnknown;
  e->rights_base = rights::kFdRead | rights::kFdFdstatSetFlags | rights::kPollFdReadwrite;
  c.fds.insert_at(10, std::move(e));
  FakeGuest g(65536);
  ASSERT_EQ(fn::fd_fdstat_set_flags(c, g.mem(), 10, fdflags::kNonblock), kSuccess);
  EXPECT_EQ(::fcntl(p[0], F_GETFL) & O_NONBLOCK, 0);
  ASSERT_EQ(fn::fd_fdstat_get(c, g.mem(), 10, 100), kSuccess);
  FdStat st;
  std::memcpy(&st, g.bytes.data() + 100, sizeof st);
  EXPECT_TRUE(st.fs_flags & fdflags::kNonblock);
  g.iov(200, 300, 16);
  EXPECT_EQ(fn::fd_read(c, g.mem(), 10, 200, 1, 400), kAgain);  // empty pipe: would block
  ASSERT_EQ(::write(p[1], "hi", 2), 2);
  ASSERT_EQ(fn::fd_read(c, g.mem(), 10, 200, 1, 400), kSuccess);
  EXPECT_EQ(g.u32(400), 2u);
  // APPEND cannot be emulated: refused rather than set on the host.
  EXPECT_EQ(fn::fd_fdstat_set_flags(c, g.mem(), 10, fdflags::kAppend), kNotsup);
  EXPECT_EQ(::fcntl(p[0], F_GETFL) & O_APPEND, 0);
  c.fds.close(10);
  ::close(p[0]);
  ::close(p[1]);
}

// A guest sleeping 30 s in poll_oneoff stops at its store's deadline, and at an interrupt from another
// thread, as promptly as a running one.
constexpr const char* kSleeper = R"((module
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; one clock subscription at 0: userdata 0, tag 0 (clock), id 1 (monotonic), timeout 30 s, relative
  (data (i32.const 16) "\01\00\00\00")
  (data (i32.const 24) "\00\ac\23\fc\06\00\00\00")
  (func (export "sleep") (result i32)
    (call $poll (i32.const 0) (i32.const 100) (i32.const 1) (i32.const 200))))
)";

struct Sleeper {
  wisp::Engine engine;
  wisp::Store store;
  std::unique_ptr<wisp::Wasi> wasi;
  std::optional<wisp::Func> sleep;
  Sleeper() : engine(interruptible()), store(engine) {
    auto bytes = wisp::wat_to_wasm(kSleeper);
    EXPECT_TRUE(bytes.ok());
    auto m = wisp::Module::compile(engine, *bytes);
    EXPECT_TRUE(m.ok());
    auto w = wisp::Wasi::create({});
    EXPECT_TRUE(w.ok());
    wasi = std::move(*w);
    wisp::Linker linker(engine);
    EXPECT_TRUE(wasi->add_to_linker(linker).ok());
    auto inst = linker.instantiate(store, *m);
    EXPECT_TRUE(inst.ok());
    sleep = inst->get_func(store, "sleep");
  }
  static wisp::Config interruptible() {
    wisp::Config c;
    c.interruptible = true;
    return c;
  }
};

using Clock = std::chrono::steady_clock;

TEST(WasiHostile, DeadlineStopsAGuestSleepingInPollOneoff) {
  Sleeper s;
  ASSERT_TRUE(s.sleep.has_value());
  ASSERT_TRUE(s.store.set_timeout(std::chrono::milliseconds(300)).ok());
  auto t0 = Clock::now();
  auto r = s.sleep->call(s.store, {});
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, wisp::ErrorKind::Trap);
  EXPECT_EQ(r.error().message, "deadline exceeded");
  EXPECT_LT(secs, 5.0);  // not 30 s (generous for a loaded machine)
}

TEST(WasiHostile, InterruptStopsAGuestSleepingInPollOneoff) {
  Sleeper s;
  ASSERT_TRUE(s.sleep.has_value());
  wisp::InterruptHandle h = s.store.interrupt_handle();
  std::thread t([h] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    h.interrupt();
  });
  auto t0 = Clock::now();
  auto r = s.sleep->call(s.store, {});
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  t.join();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "interrupted");
  EXPECT_LT(secs, 5.0);
}

}  // namespace
