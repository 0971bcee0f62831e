// sock_* over host sockets handed to the guest (WasiConfig::sockets), and proc/sched odds and ends.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "wasi/functions.h"
#include "wisp/wasi.h"

using namespace wisp::wasi;

namespace {

struct Mem {
  std::vector<uint8_t> bytes = std::vector<uint8_t>(4096);
  GuestMemory view() { return GuestMemory(bytes.data(), bytes.size()); }
  uint32_t u32(uint32_t at) {
    uint32_t v;
    std::memcpy(&v, &bytes[at], 4);
    return v;
  }
  void iov(uint32_t at, uint32_t buf, uint32_t len) {
    IoVec v{buf, len};
    std::memcpy(&bytes[at], &v, sizeof v);
  }
};

TEST(WasiSock, SendRecvShutdownOnAHandedInSocket) {
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  wisp::WasiConfig cfg;
  cfg.sockets.push_back(sv[0]);
  auto w = wisp::Wasi::create(cfg);
  ASSERT_TRUE(w.ok());
  WasiCtx& c = (*w)->ctx();
  Mem m;
  GuestMemory g = m.view();
  std::memcpy(&m.bytes[1000], "ping", 4);
  m.iov(100, 1000, 4);
  ASSERT_EQ(fn::sock_send(c, g, 3, 100, 1, 0, 200), kSuccess);
  EXPECT_EQ(m.u32(200), 4u);
  char buf[8] = {};
  ASSERT_EQ(read(sv[1], buf, sizeof buf), 4);
  EXPECT_STREQ(buf, "ping");
  ASSERT_EQ(write(sv[1], "pong!", 5), 5);
  m.iov(100, 2000, 3);
  // Peek leaves the data; a normal receive then takes it.
  ASSERT_EQ(fn::sock_recv(c, g, 3, 100, 1, kRiflagsPeek, 200, 204), kSuccess);
  EXPECT_EQ(m.u32(200), 3u);
  m.iov(100, 2000, 16);
  ASSERT_EQ(fn::sock_recv(c, g, 3, 100, 1, 0, 200, 204), kSuccess);
  EXPECT_EQ(m.u32(200), 5u);
  EXPECT_EQ(std::string(reinterpret_cast<char*>(&m.bytes[2000]), 5), "pong!");
  EXPECT_EQ(fn::sock_shutdown(c, g, 3, kSdflagsWr), kSuccess);
  EXPECT_EQ(read(sv[1], buf, sizeof buf), 0);  // the peer sees end of stream
  EXPECT_EQ(fn::sock_shutdown(c, g, 3, 7), kInval);
  // A non-socket descriptor is no socket, whatever its rights: the kind is checked before the rights.
  EXPECT_EQ(fn::sock_shutdown(c, g, 1, kSdflagsRd), kNotsock);
  // accept on a connected (not listening) socket: the host's EINVAL.
  EXPECT_EQ(fn::sock_accept(c, g, 3, 0, 300), kInval);
  close(sv[0]);
  close(sv[1]);
}

TEST(WasiSock, AcceptOnAListeningSocket) {
  int lfd = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(lfd, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::string path = "/tmp/wisp-wasi-sock-" + std::to_string(getpid());
  std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
  unlink(path.c_str());
  ASSERT_EQ(bind(lfd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(lfd, 1), 0);
  int cfd = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_EQ(connect(cfd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  wisp::WasiConfig cfg;
  cfg.sockets.push_back(lfd);
  auto w = wisp::Wasi::create(cfg);
  ASSERT_TRUE(w.ok());
  WasiCtx& c = (*w)->ctx();
  Mem m;
  GuestMemory g = m.view();
  ASSERT_EQ(fn::sock_accept(c, g, 3, 0, 300), kSuccess);
  uint32_t conn = m.u32(300);
  EXPECT_EQ(conn, 4u);
  ASSERT_EQ(write(cfd, "hey", 3), 3);
  m.iov(100, 2000, 16);
  ASSERT_EQ(fn::fd_read(c, g, conn, 100, 1, 200), kSuccess);  // an accepted socket reads like a stream
  EXPECT_EQ(m.u32(200), 3u);
  EXPECT_EQ(fn::sock_accept(c, g, 3, 0xff, 300), kInval);
  EXPECT_EQ(fn::fd_close(c, g, conn), kSuccess);
  close(cfd);
  close(lfd);
  unlink(path.c_str());
}

TEST(WasiMisc, ClocksRandomProc) {
  wisp::WasiConfig cfg;
  auto w = wisp::Wasi::create(cfg);
  ASSERT_TRUE(w.ok());
  WasiCtx& c = (*w)->ctx();
  Mem m;
  GuestMemory g = m.view();
  for (uint32_t id = 0; id < 4; ++id) {
    EXPECT_EQ(fn::clock_time_get(c, g, id, 1, 8), kSuccess) << id;
    EXPECT_EQ(fn::clock_res_get(c, g, id, 16), kSuccess) << id;
  }
  EXPECT_EQ(fn::clock_time_get(c, g, 4, 1, 8), kInval);
  EXPECT_EQ(fn::clock_res_get(c, g, 99, 8), kInval);
  ASSERT_EQ(fn::random_get(c, g, 100, 1024), kSuccess);
  int zeros = 0;
  for (int i = 100; i < 1124; ++i) zeros += m.bytes[i] == 0;
  EXPECT_LT(zeros, 30);
  EXPECT_EQ(fn::proc_raise(c, g, 6), kNosys);
  EXPECT_EQ(fn::sched_yield(c, g), kSuccess);
  EXPECT_EQ(fn::fd_renumber(c, g, 1, 2), kSuccess);  // stdout now also at 2; 1 is closed
  EXPECT_EQ(fn::fd_fdstat_get(c, g, 1, 8), kBadf);
  EXPECT_EQ(fn::fd_fdstat_get(c, g, 2, 8), kSuccess);
  EXPECT_EQ(fn::fd_renumber(c, g, 2, 77), kBadf);
}

}  // namespace

namespace {

TEST(WasiPoll, PipeReadinessAndHangup) {
  int p[2];
  ASSERT_EQ(pipe(p), 0);
  wisp::WasiConfig cfg;
  auto w = wisp::Wasi::create(cfg);
  ASSERT_TRUE(w.ok());
  WasiCtx& c = (*w)->ctx();
  auto e = std::make_unique<FdEntry>();
  e->owned.reset(p[0]);
  e->host_fd = p[0];
  e->rights_base = rights::kFdRead | rights::kPollFdReadwrite;
  c.fds.insert_at(5, std::move(e));
  Mem m;
  GuestMemory g = m.view();
  Subscription subs[2] = {};
  subs[0].userdata = 1;
  subs[0].tag = kEventFdRead;
  subs[0].u.fd_readwrite.fd = 5;
  subs[1].userdata = 2;
  subs[1].tag = kEventClock;
  subs[1].u.clock.id = kClockMonotonic;
  subs[1].u.clock.timeout = 30'000'000;
  std::memcpy(&m.bytes[0], subs, sizeof subs);
  // Empty pipe: the clock fires.
  ASSERT_EQ(fn::poll_oneoff(c, g, 0, 1000, 2, 2000), kSuccess);
  ASSERT_EQ(m.u32(2000), 1u);
  Event ev;
  std::memcpy(&ev, &m.bytes[1000], sizeof ev);
  EXPECT_EQ(ev.userdata, 2u);
  EXPECT_EQ(ev.type, kEventClock);
  // Data in the pipe: readable with its byte count.
  ASSERT_EQ(write(p[1], "hello", 5), 5);
  ASSERT_EQ(fn::poll_oneoff(c, g, 0, 1000, 2, 2000), kSuccess);
  ASSERT_GE(m.u32(2000), 1u);
  std::memcpy(&ev, &m.bytes[1000], sizeof ev);
  EXPECT_EQ(ev.userdata, 1u);
  EXPECT_EQ(ev.error, kSuccess);
  EXPECT_EQ(ev.nbytes, 5u);
  // Writer gone: hang-up is reported.
  close(p[1]);
  char buf[8];
  ASSERT_EQ(read(p[0], buf, sizeof buf), 5);
  ASSERT_EQ(fn::poll_oneoff(c, g, 0, 1000, 2, 2000), kSuccess);
  std::memcpy(&ev, &m.bytes[1000], sizeof ev);
  EXPECT_EQ(ev.userdata, 1u);
  EXPECT_EQ(ev.flags & kEventFdReadwriteHangup, kEventFdReadwriteHangup);
  // A bad descriptor is reported in its event, not as the call's error.
  subs[0].u.fd_readwrite.fd = 99;
  std::memcpy(&m.bytes[0], subs, sizeof subs);
  ASSERT_EQ(fn::poll_oneoff(c, g, 0, 1000, 2, 2000), kSuccess);
  std::memcpy(&ev, &m.bytes[1000], sizeof ev);
  EXPECT_EQ(ev.error, kBadf);
  // preview0 layout: the clock's timeout sits 8 bytes later.
  Subscription0 s0{};
  s0.userdata = 9;
  s0.tag = kEventClock;
  s0.u.clock.id = kClockMonotonic;
  s0.u.clock.timeout = 1'000'000;
  std::memcpy(&m.bytes[0], &s0, sizeof s0);
  ASSERT_EQ(fn::poll_oneoff0(c, g, 0, 1000, 1, 2000), kSuccess);
  std::memcpy(&ev, &m.bytes[1000], sizeof ev);
  EXPECT_EQ(ev.userdata, 9u);
  EXPECT_EQ(ev.error, kSuccess);
}

}  // namespace
