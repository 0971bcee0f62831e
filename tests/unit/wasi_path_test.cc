// The sandboxed path resolver and the WASI functions against a scratch directory, without an engine:
// a byte vector stands in for guest memory.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "wasi/functions.h"
#include "wasi/os.h"
#include "wasi/path_resolver.h"
#include "wisp/wasi.h"

namespace fs = std::filesystem;
using namespace wisp::wasi;

namespace {

class Scratch {
 public:
  Scratch() {
    char tmpl[] = "/tmp/wisp-wasi-XXXXXX";
    root_ = mkdtemp(tmpl);
    fs::create_directories(root_ / "sandbox/a/b");
    fs::create_directories(root_ / "outside");
    std::ofstream(root_ / "sandbox/a/b/file.txt") << "hello";
    std::ofstream(root_ / "outside/secret") << "secret";
    fs::create_directory_symlink("a/b", root_ / "sandbox/link_in");
    fs::create_directory_symlink("../outside", root_ / "sandbox/link_out");
    fs::create_directory_symlink("/etc", root_ / "sandbox/link_abs");
    fs::create_symlink("loop2", root_ / "sandbox/loop1");
    fs::create_symlink("loop1", root_ / "sandbox/loop2");
    fs::create_symlink("b/../../a/b/file.txt", root_ / "sandbox/a/roundabout");
    fs::create_symlink("../../outside/secret", root_ / "sandbox/a/up_out");
    fd_ = ::open((root_ / "sandbox").c_str(), O_RDONLY | O_DIRECTORY);
  }
  ~Scratch() {
    ::close(fd_);
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  int fd() const { return fd_; }
  const fs::path& root() const { return root_; }

 private:
  fs::path root_;
  int fd_ = -1;
};

Errno resolve(const Scratch& s, const char* p, bool follow, std::string* name = nullptr) {
  ResolvedPath rp;
  Errno e = resolve_path(s.fd(), p, follow, rp);
  if (name) *name = rp.name;
  return e;
}

TEST(WasiPath, ResolvesInsideTheSandbox) {
  Scratch s;
  std::string name;
  EXPECT_EQ(resolve(s, "a/b/file.txt", false, &name), kSuccess);
  EXPECT_EQ(name, "file.txt");
  EXPECT_EQ(resolve(s, "a/../a/./b//file.txt", true, &name), kSuccess);
  EXPECT_EQ(name, "file.txt");
  EXPECT_EQ(resolve(s, "link_in/file.txt", false, &name), kSuccess);
  EXPECT_EQ(name, "file.txt");
  EXPECT_EQ(resolve(s, "a/roundabout", true, &name), kSuccess);
  EXPECT_EQ(name, "file.txt");
  EXPECT_EQ(resolve(s, ".", false, &name), kSuccess);
  EXPECT_EQ(name, ".");
  EXPECT_EQ(resolve(s, "a/..", false, &name), kSuccess);
  EXPECT_EQ(name, ".");
  EXPECT_EQ(resolve(s, "new_file", true, &name), kSuccess);  // a missing last component may be created
  EXPECT_EQ(name, "new_file");
}

TEST(WasiPath, RefusesEveryEscape) {
  Scratch s;
  EXPECT_EQ(resolve(s, "..", false), kNotcapable);
  EXPECT_EQ(resolve(s, "../outside/secret", false), kNotcapable);
  EXPECT_EQ(resolve(s, "a/../../outside/secret", false), kNotcapable);
  EXPECT_EQ(resolve(s, "a/b/../../..", false), kNotcapable);
  EXPECT_EQ(resolve(s, "/etc/passwd", false), kNotcapable);
  EXPECT_EQ(resolve(s, "link_out/secret", false), kNotcapable);
  EXPECT_EQ(resolve(s, "link_abs/passwd", false), kNotcapable);
  EXPECT_EQ(resolve(s, "link_out", true), kNotcapable);
  EXPECT_EQ(resolve(s, "a/up_out", true), kNotcapable);
  // Not following the final link names the link itself, which is inside.
  EXPECT_EQ(resolve(s, "link_out", false), kSuccess);
}

TEST(WasiPath, ReportsOrdinaryErrors) {
  Scratch s;
  EXPECT_EQ(resolve(s, "", false), kNoent);
  EXPECT_EQ(resolve(s, "missing/x", false), kNoent);
  EXPECT_EQ(resolve(s, "a/b/file.txt/x", false), kNotdir);
  EXPECT_EQ(resolve(s, "loop1/x", false), kLoop);
  EXPECT_EQ(resolve(s, "loop1", true), kLoop);
  EXPECT_EQ(resolve(s, std::string_view("a\0b", 3).data(), false), kSuccess);  // C string stops at NUL
  ResolvedPath rp;
  EXPECT_EQ(resolve_path(s.fd(), std::string_view("a\0b", 3), false, rp), kIlseq);
}

TEST(WasiPath, SymlinkPlantedLaterCannotEscape) {
  Scratch s;
  EXPECT_EQ(resolve(s, "a/b/file.txt", false), kSuccess);
  // The guest (or anyone) swaps a directory for a symlink pointing out while the program runs.
  fs::remove_all(s.root() / "sandbox/a");
  fs::create_directory_symlink("../outside", s.root() / "sandbox/a");
  EXPECT_EQ(resolve(s, "a/secret", false), kNotcapable);
  fs::remove(s.root() / "sandbox/a");
  fs::create_directory_symlink(s.root() / "outside", s.root() / "sandbox/a");
  EXPECT_EQ(resolve(s, "a/secret", false), kNotcapable);
}

// ---- The functions over a fake guest memory ----

struct Guest {
  std::vector<uint8_t> bytes = std::vector<uint8_t>(65536);
  GuestMemory mem() { return GuestMemory(bytes.data(), bytes.size()); }
  uint32_t put(uint32_t at, std::string_view s) {
    std::memcpy(bytes.data() + at, s.data(), s.size());
    return at;
  }
  uint32_t u32(uint32_t at) {
    uint32_t v;
    std::memcpy(&v, bytes.data() + at, 4);
    return v;
  }
  uint64_t u64(uint32_t at) {
    uint64_t v;
    std::memcpy(&v, bytes.data() + at, 8);
    return v;
  }
  void iov(uint32_t at, uint32_t buf, uint32_t len) {
    IoVec v{buf, len};
    std::memcpy(bytes.data() + at, &v, sizeof v);
  }
};

std::unique_ptr<wisp::Wasi> make_wasi(const Scratch& s, std::string* out = nullptr) {
  wisp::WasiConfig cfg;
  cfg.arg("prog").arg("x y");
  cfg.set_env("A", "1");
  cfg.preopen((s.root() / "sandbox").string(), "/sandbox");
  if (out) cfg.stdout_stream = wisp::WasiStdio::capture(out);
  cfg.stdin_stream = wisp::WasiStdio::from_bytes("input!");
  auto w = wisp::Wasi::create(cfg);
  EXPECT_TRUE(w.ok());
  return std::move(w.value());
}

TEST(WasiFunctions, OpenWriteSeekReadThroughPreopen) {
  Scratch s;
  auto w = make_wasi(s);
  WasiCtx& c = w->ctx();
  Guest g;
  GuestMemory m = g.mem();
  // Prestat of fd 3.
  ASSERT_EQ(fn::fd_prestat_get(c, m, 3, 100), kSuccess);
  EXPECT_EQ(g.u32(104), 8u);
  ASSERT_EQ(fn::fd_prestat_dir_name(c, m, 3, 200, 8), kSuccess);
  EXPECT_EQ(std::string(reinterpret_cast<char*>(&g.bytes[200]), 8), "/sandbox");
  EXPECT_EQ(fn::fd_prestat_get(c, m, 2, 100), kBadf);

  g.put(1000, "a/new.txt");
  ASSERT_EQ(fn::path_open(c, m, 3, 0, 1000, 9, oflags::kCreat | oflags::kTrunc, rights::kAll, 0, 0, 300), kSuccess);
  uint32_t fd = g.u32(300);
  EXPECT_EQ(fd, 4u);
  g.put(2000, "hello world");
  g.iov(400, 2000, 5);
  g.iov(408, 2005, 6);
  ASSERT_EQ(fn::fd_write(c, m, fd, 400, 2, 500), kSuccess);
  EXPECT_EQ(g.u32(500), 11u);
  ASSERT_EQ(fn::fd_seek(c, m, fd, 6, kWhenceSet, 508), kSuccess);
  EXPECT_EQ(g.u64(508), 6u);
  // preview0 whence order: 0 is CUR.
  ASSERT_EQ(fn::fd_seek0(c, m, fd, -1, kWhence0Cur, 508), kSuccess);
  EXPECT_EQ(g.u64(508), 5u);
  g.iov(600, 3000, 64);
  ASSERT_EQ(fn::fd_read(c, m, fd, 600, 1, 520), kSuccess);
  EXPECT_EQ(g.u32(520), 6u);
  EXPECT_EQ(std::string(reinterpret_cast<char*>(&g.bytes[3000]), 6), " world");
  ASSERT_EQ(fn::fd_filestat_get(c, m, fd, 700), kSuccess);
  EXPECT_EQ(g.bytes[716], kFiletypeRegularFile);
  EXPECT_EQ(g.u64(732), 11u);  // preview1 size at offset 32
  ASSERT_EQ(fn::fd_filestat_get0(c, m, fd, 800), kSuccess);
  EXPECT_EQ(g.u32(820), 1u);   // preview0 nlink u32 at 20
  EXPECT_EQ(g.u64(824), 11u);  // preview0 size at 24
  ASSERT_EQ(fn::fd_tell(c, m, fd, 900), kSuccess);
  EXPECT_EQ(g.u64(900), 11u);
  EXPECT_EQ(fn::fd_seek(c, m, fd, 0, 3, 900), kInval);  // no such whence
  EXPECT_EQ(fn::fd_advise(c, m, fd, 0, 11, kAdviceWillneed), kSuccess);
  EXPECT_EQ(fn::fd_advise(c, m, fd, 0, 11, 17), kInval);
  EXPECT_EQ(fn::fd_allocate(c, m, fd, 0, 100), kSuccess);
  EXPECT_EQ(fn::fd_allocate(c, m, fd, 0, 0), kInval);
  EXPECT_EQ(fn::fd_sync(c, m, fd), kSuccess);
  EXPECT_EQ(fn::fd_datasync(c, m, fd), kSuccess);
  EXPECT_EQ(fn::fd_filestat_set_size(c, m, fd, 3), kSuccess);
  EXPECT_EQ(fn::fd_filestat_set_times(c, m, fd, 5'000'000'000ull, 7'000'000'000ull,
                                      fstflags::kAtim | fstflags::kMtim), kSuccess);
  ASSERT_EQ(fn::fd_filestat_get(c, m, fd, 700), kSuccess);
  EXPECT_EQ(g.u64(732), 3u);
  EXPECT_EQ(g.u64(740), 5'000'000'000ull);  // atim
  EXPECT_EQ(g.u64(748), 7'000'000'000ull);  // mtim
  EXPECT_EQ(fn::fd_fdstat_set_flags(c, m, fd, fdflags::kAppend), kSuccess);
  ASSERT_EQ(fn::fd_fdstat_get(c, m, fd, 600), kSuccess);
  EXPECT_EQ(g.bytes[600], kFiletypeRegularFile);
  EXPECT_EQ(g.bytes[602] & fdflags::kAppend, fdflags::kAppend);
  EXPECT_EQ(fn::fd_fdstat_set_flags(c, m, fd, fdflags::kSync), kNotsup);
  // path_filestat_get / set_times and preview0's filestat through a path.
  g.put(1000, "a/new.txt");
  EXPECT_EQ(fn::path_filestat_set_times(c, m, 3, 0, 1000, 9, 0, 9'000'000'000ull, fstflags::kMtim), kSuccess);
  ASSERT_EQ(fn::path_filestat_get(c, m, 3, 0, 1000, 9, 700), kSuccess);
  EXPECT_EQ(g.u64(748), 9'000'000'000ull);
  EXPECT_EQ(g.u64(740), 5'000'000'000ull);  // atim untouched
  ASSERT_EQ(fn::path_filestat_get0(c, m, 3, 0, 1000, 9, 800), kSuccess);
  EXPECT_EQ(g.u64(824), 3u);                 // preview0 size at 24
  EXPECT_EQ(g.u64(840), 9'000'000'000ull);   // preview0 mtim at 40
  EXPECT_EQ(fn::fd_close(c, m, fd), kSuccess);
  EXPECT_EQ(fn::fd_close(c, m, fd), kBadf);
}

TEST(WasiFunctions, PathOperations) {
  Scratch s;
  auto w = make_wasi(s);
  WasiCtx& c = w->ctx();
  Guest g;
  GuestMemory m = g.mem();
  auto str = [&](uint32_t at, std::string_view v) { return g.put(at, v); };
  str(100, "d");
  ASSERT_EQ(fn::path_create_directory(c, m, 3, 100, 1), kSuccess);
  EXPECT_EQ(fn::path_create_directory(c, m, 3, 100, 1), kExist);
  str(200, "a/b/file.txt");
  str(300, "d/hard");
  ASSERT_EQ(fn::path_link(c, m, 3, 0, 200, 12, 3, 300, 6), kSuccess);
  ASSERT_EQ(fn::path_filestat_get(c, m, 3, 0, 300, 6, 1000), kSuccess);
  EXPECT_EQ(g.u64(1024), 2u);  // nlink
  str(400, "../a/b/file.txt");
  str(500, "d/sym");
  ASSERT_EQ(fn::path_symlink(c, m, 400, 15, 3, 500, 5), kSuccess);
  ASSERT_EQ(fn::path_readlink(c, m, 3, 500, 5, 2000, 64, 1100), kSuccess);
  EXPECT_EQ(g.u32(1100), 15u);
  EXPECT_EQ(std::string(reinterpret_cast<char*>(&g.bytes[2000]), 15), "../a/b/file.txt");
  ASSERT_EQ(fn::path_readlink(c, m, 3, 500, 5, 2000, 4, 1100), kSuccess);  // truncates
  EXPECT_EQ(g.u32(1100), 4u);
  str(600, "/etc/passwd");
  EXPECT_EQ(fn::path_symlink(c, m, 600, 11, 3, 700, 1), kNotcapable);
  // Following vs not following the final link.
  ASSERT_EQ(fn::path_filestat_get(c, m, 3, kLookupSymlinkFollow, 500, 5, 1000), kSuccess);
  EXPECT_EQ(g.bytes[1016], kFiletypeRegularFile);
  ASSERT_EQ(fn::path_filestat_get(c, m, 3, 0, 500, 5, 1000), kSuccess);
  EXPECT_EQ(g.bytes[1016], kFiletypeSymbolicLink);
  EXPECT_EQ(fn::path_open(c, m, 3, 0, 500, 5, 0, rights::kFdRead, 0, 0, 1200), kLoop);
  ASSERT_EQ(fn::path_open(c, m, 3, kLookupSymlinkFollow, 500, 5, 0, rights::kFdRead, 0, 0, 1200), kSuccess);
  // Rename, unlink, rmdir.
  str(800, "d/renamed");
  ASSERT_EQ(fn::path_rename(c, m, 3, 300, 6, 3, 800, 9), kSuccess);
  EXPECT_EQ(fn::path_filestat_get(c, m, 3, 0, 300, 6, 1000), kNoent);
  EXPECT_EQ(fn::path_remove_directory(c, m, 3, 100, 1), kNotempty);
  EXPECT_EQ(fn::path_unlink_file(c, m, 3, 100, 1), kIsdir);
  ASSERT_EQ(fn::path_unlink_file(c, m, 3, 800, 9), kSuccess);
  ASSERT_EQ(fn::path_unlink_file(c, m, 3, 500, 5), kSuccess);
  ASSERT_EQ(fn::path_remove_directory(c, m, 3, 100, 1), kSuccess);
  str(900, ".");
  EXPECT_NE(fn::path_remove_directory(c, m, 3, 900, 1), kSuccess);  // never the preopen itself
  // Escapes through the functions, not just the resolver.
  str(950, "../outside/secret");
  EXPECT_EQ(fn::path_open(c, m, 3, 0, 950, 17, 0, rights::kFdRead, 0, 0, 1200), kNotcapable);
  EXPECT_EQ(fn::path_unlink_file(c, m, 3, 950, 17), kNotcapable);
  EXPECT_EQ(fn::path_rename(c, m, 3, 200, 12, 3, 950, 17), kNotcapable);
  EXPECT_TRUE(fs::exists(s.root() / "outside/secret"));
}

TEST(WasiFunctions, RightsAreEnforced) {
  Scratch s;
  auto w = make_wasi(s);
  WasiCtx& c = w->ctx();
  Guest g;
  GuestMemory m = g.mem();
  g.put(1000, "a/b/file.txt");
  ASSERT_EQ(fn::path_open(c, m, 3, 0, 1000, 12, 0, rights::kFdRead | rights::kFdSeek, 0, 0, 300), kSuccess);
  uint32_t fd = g.u32(300);
  g.put(2000, "x");
  g.iov(400, 2000, 1);
  EXPECT_EQ(fn::fd_write(c, m, fd, 400, 1, 500), kNotcapable);
  EXPECT_EQ(fn::fd_fdstat_set_rights(c, m, fd, rights::kFdRead, 0), kSuccess);
  EXPECT_EQ(fn::fd_seek(c, m, fd, 0, kWhenceSet, 508), kNotcapable);
  EXPECT_EQ(fn::fd_fdstat_set_rights(c, m, fd, rights::kFdRead | rights::kFdWrite, 0), kNotcapable);
  // A file descriptor is not a directory to resolve paths from.
  EXPECT_EQ(fn::path_open(c, m, fd, 0, 1000, 1, 0, rights::kFdRead, 0, 0, 300), kNotcapable);
}

TEST(WasiFunctions, ReaddirWithCookies) {
  Scratch s;
  auto w = make_wasi(s);
  WasiCtx& c = w->ctx();
  Guest g;
  GuestMemory m = g.mem();
  g.put(1000, "a/b");
  for (const char* n : {"one", "two", "three"}) std::ofstream(s.root() / "sandbox/a/b" / n) << n;
  ASSERT_EQ(fn::path_open(c, m, 3, 0, 1000, 3, oflags::kDirectory, rights::kDirectory, rights::kAll, 0, 300),
            kSuccess);
  uint32_t fd = g.u32(300);
  std::vector<std::string> names;
  uint64_t cookie = 0;
  // A tiny buffer forces one entry per call, so cookies must resume correctly.
  for (int guard = 0; guard < 100; ++guard) {
    ASSERT_EQ(fn::fd_readdir(c, m, fd, 4000, 40, cookie, 500), kSuccess);
    uint32_t used = g.u32(500);
    if (used == 0) break;
    Dirent d;
    std::memcpy(&d, &g.bytes[4000], sizeof d);
    ASSERT_LE(sizeof d + d.d_namlen, 40u);
    names.emplace_back(reinterpret_cast<char*>(&g.bytes[4000 + sizeof d]), d.d_namlen);
    cookie = d.d_next;
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{".", "..", "file.txt", "one", "three", "two"}));
}

TEST(WasiFunctions, ArgsEnvStdio) {
  Scratch s;
  std::string out;
  auto w = make_wasi(s, &out);
  WasiCtx& c = w->ctx();
  Guest g;
  GuestMemory m = g.mem();
  ASSERT_EQ(fn::args_sizes_get(c, m, 100, 104), kSuccess);
  EXPECT_EQ(g.u32(100), 2u);
  EXPECT_EQ(g.u32(104), 9u);
  ASSERT_EQ(fn::args_get(c, m, 200, 300), kSuccess);
  EXPECT_STREQ(reinterpret_cast<char*>(&g.bytes[g.u32(204)]), "x y");
  ASSERT_EQ(fn::environ_get(c, m, 400, 500), kSuccess);
  EXPECT_STREQ(reinterpret_cast<char*>(&g.bytes[g.u32(400)]), "A=1");
  g.iov(600, 700, 100);
  ASSERT_EQ(fn::fd_read(c, m, 0, 600, 1, 800), kSuccess);
  EXPECT_EQ(g.u32(800), 6u);
  ASSERT_EQ(fn::fd_read(c, m, 0, 600, 1, 800), kSuccess);
  EXPECT_EQ(g.u32(800), 0u);
  g.put(900, "out");
  g.iov(600, 900, 3);
  ASSERT_EQ(fn::fd_write(c, m, 1, 600, 1, 800), kSuccess);
  EXPECT_EQ(out, "out");
}

TEST(WasiFunctions, WildPointersGiveEfault) {
  Scratch s;
  auto w = make_wasi(s);
  WasiCtx& c = w->ctx();
  Guest g;
  GuestMemory m = g.mem();
  const uint32_t bad = 0xfffffff0u;
  EXPECT_EQ(fn::args_get(c, m, bad, 0), kFault);
  EXPECT_EQ(fn::args_sizes_get(c, m, bad, 0), kFault);
  EXPECT_EQ(fn::environ_get(c, m, 0, bad), kFault);
  EXPECT_EQ(fn::environ_sizes_get(c, m, 0, bad), kFault);
  EXPECT_EQ(fn::clock_time_get(c, m, 0, 0, bad), kFault);
  EXPECT_EQ(fn::clock_res_get(c, m, 1, bad), kFault);
  EXPECT_EQ(fn::random_get(c, m, 65530, 100), kFault);
  EXPECT_EQ(fn::fd_write(c, m, 1, bad, 1, 0), kFault);
  g.iov(100, 65000, 10000);  // buffer runs past the end
  EXPECT_EQ(fn::fd_write(c, m, 1, 100, 1, 0), kFault);
  EXPECT_EQ(fn::fd_read(c, m, 0, 100, 1, 0), kFault);
  EXPECT_EQ(fn::fd_write(c, m, 1, 100, 0x20000000, 0), kFault);  // iovec array length overflow
  EXPECT_EQ(fn::fd_prestat_dir_name(c, m, 3, bad, 100), kFault);
  EXPECT_EQ(fn::fd_prestat_get(c, m, 3, bad), kFault);
  EXPECT_EQ(fn::fd_fdstat_get(c, m, 1, bad), kFault);
  EXPECT_EQ(fn::fd_filestat_get(c, m, 3, bad), kFault);
  EXPECT_EQ(fn::fd_readdir(c, m, 3, 65000, 1000, 0, 0), kFault);
  EXPECT_EQ(fn::path_open(c, m, 3, 0, bad, 10, 0, 0, 0, 0, 0), kFault);
  EXPECT_EQ(fn::path_open(c, m, 3, 0, 0, 1, 0, 0, 0, 0, bad), kFault);
  EXPECT_EQ(fn::path_filestat_get(c, m, 3, 0, 0, 0xffffffffu, 0), kFault);
  EXPECT_EQ(fn::path_readlink(c, m, 3, 0, 1, 65500, 100, 0), kFault);
  EXPECT_EQ(fn::path_symlink(c, m, bad, 4, 3, 0, 1), kFault);
  g.put(10, "a");
  EXPECT_EQ(fn::path_rename(c, m, 3, 10, 1, 3, bad, 2), kFault);
  EXPECT_EQ(fn::poll_oneoff(c, m, bad, 0, 1, 0), kFault);
  EXPECT_EQ(fn::poll_oneoff(c, m, 0, 0, 0x10000000, 0), kFault);
  EXPECT_EQ(fn::sock_recv(c, m, 0, bad, 1, 0, 0, 0), kFault);
  // With no memory at all (a module that exports none) nothing is touched.
  GuestMemory none;
  EXPECT_EQ(fn::fd_write(c, none, 1, 0, 0, 0), kFault);
  EXPECT_EQ(fn::args_sizes_get(c, none, 0, 4), kFault);
}

TEST(WasiFunctions, PollClockAndStdin) {
  Scratch s;
  auto w = make_wasi(s);
  WasiCtx& c = w->ctx();
  Guest g;
  GuestMemory m = g.mem();
  Subscription sub{};
  sub.userdata = 42;
  sub.tag = kEventClock;
  sub.u.clock.id = kClockMonotonic;
  sub.u.clock.timeout = 2'000'000;  // 2 ms
  std::memcpy(&g.bytes[100], &sub, sizeof sub);
  uint64_t t0, t1;
  ASSERT_TRUE(wisp::wasi::os::clock_time(kClockMonotonic, t0));
  ASSERT_EQ(fn::poll_oneoff(c, m, 100, 1000, 1, 2000), kSuccess);
  ASSERT_TRUE(wisp::wasi::os::clock_time(kClockMonotonic, t1));
  EXPECT_GE(t1 - t0, 2'000'000u);
  EXPECT_EQ(g.u32(2000), 1u);
  EXPECT_EQ(g.u64(1000), 42u);
  // stdin (in-memory bytes) is readable at once, before a long clock.
  sub.u.clock.timeout = 10'000'000'000ull;
  std::memcpy(&g.bytes[100], &sub, sizeof sub);
  Subscription rd{};
  rd.userdata = 7;
  rd.tag = kEventFdRead;
  rd.u.fd_readwrite.fd = 0;
  std::memcpy(&g.bytes[100 + sizeof sub], &rd, sizeof rd);
  ASSERT_EQ(fn::poll_oneoff(c, m, 100, 1000, 2, 2000), kSuccess);
  EXPECT_EQ(g.u32(2000), 1u);
  EXPECT_EQ(g.u64(1000), 7u);
  EXPECT_EQ(g.u64(1016), 6u);  // nbytes available
}

TEST(WasiConfig, ParseDirAndBadPreopen) {
  auto p = wisp::WasiConfig::parse_dir("/tmp::/data");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->host, "/tmp");
  EXPECT_EQ(p->guest, "/data");
  p = wisp::WasiConfig::parse_dir("here");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->guest, "here");
  EXPECT_FALSE(wisp::WasiConfig::parse_dir("::x").ok());
  wisp::WasiConfig cfg;
  cfg.preopen("/nonexistent/wisp/dir", "x");
  auto w = wisp::Wasi::create(cfg);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.error().message.find("/nonexistent/wisp/dir"), std::string::npos);
  EXPECT_EQ(wisp::wasi_function_names("wasi_snapshot_preview1").size(), 46u);
  EXPECT_EQ(wisp::wasi_function_names("wasi_unstable").size(), 45u);
}

}  // namespace

namespace {

// OFLAGS_DIRECTORY with write rights on a directory: EISDIR (not a silent read-only open).
TEST(WasiFunctions, OpenDirectoryForWritingIsEisdir) {
  Scratch s;
  auto w = make_wasi(s);
  WasiCtx& c = w->ctx();
  Guest g;
  GuestMemory m = g.mem();
  uint32_t len = static_cast<uint32_t>(std::string_view("a").size());
  g.put(1000, "a");
  EXPECT_EQ(fn::path_open(c, m, 3, 0, 1000, len, oflags::kDirectory, rights::kFdWrite | rights::kFdReaddir, 0, 0, 300),
            kIsdir);
  ASSERT_EQ(fn::path_open(c, m, 3, 0, 1000, len, oflags::kDirectory, rights::kFdReaddir, 0, 0, 300), kSuccess);
  EXPECT_EQ(fn::fd_close(c, m, g.u32(300)), kSuccess);
}

}  // namespace
