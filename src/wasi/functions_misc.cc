// args, environ, clocks, random, process, poll_oneoff and sockets.
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "wasi/functions.h"
#include "wasi/os.h"

namespace wisp::wasi::fn {

namespace {

// Writes a NUL-terminated string list: pointers into `ptrs`, bytes into `buf`.
Errno write_strings(const Mem& m, const std::vector<std::string>& list, uint32_t ptrs, uint32_t buf) {
  uint64_t total = 0;
  for (const auto& s : list) total += s.size() + 1;
  if (!m.span(ptrs, uint64_t{4} * list.size()) || !m.span(buf, total)) return kFault;
  uint64_t off = buf;
  for (size_t i = 0; i < list.size(); ++i) {
    m.store(uint64_t{ptrs} + 4 * i, static_cast<uint32_t>(off));
    m.write(off, list[i].c_str(), list[i].size() + 1);
    off += list[i].size() + 1;
  }
  return kSuccess;
}

Errno write_sizes(const Mem& m, const std::vector<std::string>& list, uint32_t count_out, uint32_t size_out) {
  uint64_t total = 0;
  for (const auto& s : list) total += s.size() + 1;
  if (!m.span(count_out, 4) || !m.span(size_out, 4)) return kFault;
  m.store(count_out, static_cast<uint32_t>(list.size()));
  m.store(size_out, static_cast<uint32_t>(total));
  return kSuccess;
}

// One decoded subscription, the same for both layouts.
struct Sub {
  uint64_t userdata;
  uint8_t tag;
  uint32_t clock_id;
  uint64_t timeout;
  uint16_t clock_flags;
  uint32_t fd;
};

Errno poll_common(Ctx& c, const Mem& m, const std::vector<Sub>& subs, uint32_t out, uint32_t nevents_out) {
  std::vector<Event> events;
  auto add_event = [&](const Sub& s, Errno err, uint64_t nbytes, uint16_t flags) {
    Event ev{};
    ev.userdata = s.userdata;
    ev.error = err;
    ev.type = s.tag;
    ev.nbytes = nbytes;
    ev.flags = flags;
    events.push_back(ev);
  };

  // Clock subscriptions become one deadline on the monotonic clock.
  uint64_t now_mono = 0;
  os::clock_time(kClockMonotonic, now_mono);
  bool have_deadline = false;
  uint64_t deadline = 0;  // monotonic ns
  std::vector<size_t> clock_subs;
  std::vector<struct pollfd> pfds;
  std::vector<size_t> pfd_sub;
  for (size_t i = 0; i < subs.size(); ++i) {
    const Sub& s = subs[i];
    if (s.tag == kEventClock) {
      uint64_t now;
      if ((s.clock_id != kClockRealtime && s.clock_id != kClockMonotonic) || !os::clock_time(s.clock_id, now)) {
        add_event(s, kInval, 0, 0);
        continue;
      }
      uint64_t rel = s.timeout;
      if (s.clock_flags & kSubclockAbstime) rel = s.timeout > now ? s.timeout - now : 0;
      uint64_t d = now_mono + rel < now_mono ? UINT64_MAX : now_mono + rel;
      if (!have_deadline || d < deadline) deadline = d;
      have_deadline = true;
      clock_subs.push_back(i);
      continue;
    }
    if (s.tag != kEventFdRead && s.tag != kEventFdWrite) return kInval;
    FdEntry* e;
    if (Errno r = c.fds.get(s.fd, rights::kPollFdReadwrite, e)) {
      add_event(s, r, 0, 0);
      continue;
    }
    if (e->kind == FdEntry::Kind::MemIn) {
      if (s.tag == kEventFdRead) add_event(s, kSuccess, e->input->data.size() - e->input->pos, 0);
      else add_event(s, kBadf, 0, 0);
      continue;
    }
    if (e->kind == FdEntry::Kind::MemOut) {
      if (s.tag == kEventFdWrite) add_event(s, kSuccess, 0, 0);
      else add_event(s, kBadf, 0, 0);
      continue;
    }
    struct pollfd p{};
    p.fd = e->host_fd;
    p.events = s.tag == kEventFdRead ? POLLIN : POLLOUT;
    pfds.push_back(p);
    pfd_sub.push_back(i);
  }

  // Anything already decided (errors, memory streams) returns at once; otherwise wait.
  bool check_stop = interruptible(c);
  for (;;) {
    int timeout_ms = -1;
    if (!events.empty()) {
      timeout_ms = 0;
    } else if (have_deadline) {
      uint64_t now;
      os::clock_time(kClockMonotonic, now);
      uint64_t left = deadline > now ? deadline - now : 0;
      uint64_t ms = (left + 999999) / 1000000;
      timeout_ms = ms > INT32_MAX ? INT32_MAX : static_cast<int>(ms);
    }
    if (pfds.empty() && timeout_ms == -1) return kInval;  // nothing could ever complete
    // An interruptible store's guest must not sleep through its deadline or an interrupt: wait in slices.
    if (check_stop) {
      if (stop_requested(c)) return kStopRequested;
      if (timeout_ms < 0 || timeout_ms > kStopCheckMs) timeout_ms = kStopCheckMs;
    }
    int n = ::poll(pfds.data(), pfds.size(), timeout_ms);
    if (n < 0) {
      if (errno == EINTR) continue;
      return os::last_error();
    }
    for (size_t k = 0; k < pfds.size(); ++k) {
      short re = pfds[k].revents;
      if (!re) continue;
      const Sub& s = subs[pfd_sub[k]];
      if (re & POLLNVAL) {
        add_event(s, kBadf, 0, 0);
        continue;
      }
      uint16_t flags = (re & POLLHUP) ? kEventFdReadwriteHangup : 0;
      uint64_t nbytes = 0;
      if (s.tag == kEventFdRead) {
        struct stat st;
        if (::fstat(pfds[k].fd, &st) == 0 && S_ISREG(st.st_mode)) {
          off_t pos = ::lseek(pfds[k].fd, 0, SEEK_CUR);
          if (pos >= 0 && st.st_size > pos) nbytes = static_cast<uint64_t>(st.st_size - pos);
        } else {
          int avail = 0;
          if (::ioctl(pfds[k].fd, FIONREAD, &avail) == 0 && avail > 0) nbytes = static_cast<uint64_t>(avail);
        }
      }
      add_event(s, (re & POLLERR) && !(re & (POLLIN | POLLOUT | POLLHUP)) ? kIo : kSuccess, nbytes, flags);
    }
    uint64_t now;
    os::clock_time(kClockMonotonic, now);
    if (have_deadline && now >= deadline) {
      for (size_t i : clock_subs) add_event(subs[i], kSuccess, 0, 0);
    }
    if (!events.empty()) break;
  }
  if (events.size() > subs.size()) events.resize(subs.size());
  if (!m.span(out, uint64_t{sizeof(Event)} * events.size())) return kFault;
  for (size_t i = 0; i < events.size(); ++i) m.store(uint64_t{out} + i * sizeof(Event), events[i]);
  m.store(nevents_out, static_cast<uint32_t>(events.size()));
  return kSuccess;
}

}  // namespace

Errno args_get(Ctx& c, const Mem& m, uint32_t argv, uint32_t buf) { return write_strings(m, c.args, argv, buf); }
Errno args_sizes_get(Ctx& c, const Mem& m, uint32_t n, uint32_t size) { return write_sizes(m, c.args, n, size); }
Errno environ_get(Ctx& c, const Mem& m, uint32_t env, uint32_t buf) { return write_strings(m, c.env, env, buf); }
Errno environ_sizes_get(Ctx& c, const Mem& m, uint32_t n, uint32_t size) { return write_sizes(m, c.env, n, size); }

Errno clock_res_get(Ctx&, const Mem& m, uint32_t id, uint32_t out) {
  uint64_t v;
  if (!os::clock_res(id, v)) return kInval;
  return m.store(out, v) ? kSuccess : kFault;
}

Errno clock_time_get(Ctx&, const Mem& m, uint32_t id, uint64_t, uint32_t out) {
  uint64_t v;
  if (!os::clock_time(id, v)) return kInval;
  return m.store(out, v) ? kSuccess : kFault;
}

Errno random_get(Ctx&, const Mem& m, uint32_t buf, uint32_t len) {
  uint8_t* p = m.span(buf, len);
  if (!p) return kFault;
  return os::random_fill(p, len);
}

// Raising a real signal would take down the host; no WASI host supports it meaningfully.
Errno proc_raise(Ctx&, const Mem&, uint32_t) { return kNosys; }

Errno sched_yield(Ctx&, const Mem&) {
  ::sched_yield();
  return kSuccess;
}

Errno poll_oneoff(Ctx& c, const Mem& m, uint32_t in, uint32_t out, uint32_t n, uint32_t nevents_out) {
  if (n == 0) return kInval;
  if (!m.span(in, uint64_t{n} * sizeof(Subscription)) || !m.span(out, uint64_t{n} * sizeof(Event)) ||
      !m.span(nevents_out, 4))
    return kFault;
  std::vector<Sub> subs(n);
  for (uint32_t i = 0; i < n; ++i) {
    Subscription s{};
    m.load(uint64_t{in} + i * sizeof(Subscription), s);
    subs[i] = {s.userdata, s.tag, s.u.clock.id, s.u.clock.timeout, s.u.clock.flags, s.u.fd_readwrite.fd};
  }
  return poll_common(c, m, subs, out, nevents_out);
}

Errno poll_oneoff0(Ctx& c, const Mem& m, uint32_t in, uint32_t out, uint32_t n, uint32_t nevents_out) {
  if (n == 0) return kInval;
  if (!m.span(in, uint64_t{n} * sizeof(Subscription0)) || !m.span(out, uint64_t{n} * sizeof(Event)) ||
      !m.span(nevents_out, 4))
    return kFault;
  std::vector<Sub> subs(n);
  for (uint32_t i = 0; i < n; ++i) {
    Subscription0 s{};
    m.load(uint64_t{in} + i * sizeof(Subscription0), s);
    subs[i] = {s.userdata, s.tag, s.u.clock.id, s.u.clock.timeout, s.u.clock.flags, s.u.fd_readwrite.fd};
  }
  return poll_common(c, m, subs, out, nevents_out);
}

Errno sock_accept(Ctx& c, const Mem& m, uint32_t fd, uint32_t flags, uint32_t fd_out) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kSockAccept, e)) return r;
  if (!m.span(fd_out, 4)) return kFault;
  if (flags & ~uint32_t{fdflags::kNonblock}) return kInval;
  if (e->kind != FdEntry::Kind::Host) return kNotsock;
  if (Errno r = wait_ready(c, *e, POLLIN)) return r;
  int nfd = ::accept(e->host_fd, nullptr, nullptr);
  if (nfd < 0) return os::last_error();
  UniqueFd owned(nfd);
  ::fcntl(nfd, F_SETFD, FD_CLOEXEC);
  if (flags & fdflags::kNonblock) ::fcntl(nfd, F_SETFL, ::fcntl(nfd, F_GETFL) | O_NONBLOCK);
  auto ne = std::make_unique<FdEntry>();
  ne->type = kFiletypeSocketStream;
  ne->rights_base = rights::kSocket & ~rights::kSockAccept;
  ne->fdflags = static_cast<uint16_t>(flags);
  ne->host_fd = nfd;
  ne->owned = std::move(owned);
  uint32_t out;
  if (Errno r = c.fds.insert(std::move(ne), out)) return r;
  m.store(fd_out, out);
  return kSuccess;
}

Errno sock_recv(Ctx& c, const Mem& m, uint32_t fd, uint32_t ri_data, uint32_t ri_data_len, uint32_t ri_flags,
                uint32_t ro_datalen_out, uint32_t ro_flags_out) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdRead, e)) return r;
  std::vector<struct iovec> iov;
  if (Errno r = guest_iovecs(m, ri_data, ri_data_len, iov)) return r;
  if (!m.span(ro_datalen_out, 4) || !m.span(ro_flags_out, 2)) return kFault;
  if (ri_flags & ~uint32_t{kRiflagsPeek | kRiflagsWaitall}) return kInval;
  if (e->kind != FdEntry::Kind::Host) return kNotsock;
  struct msghdr msg{};
  msg.msg_iov = iov.data();
  msg.msg_iovlen = iov.size();
  int fl = 0;
  if (ri_flags & kRiflagsPeek) fl |= MSG_PEEK;
  if (ri_flags & kRiflagsWaitall) fl |= MSG_WAITALL;
  if (Errno r = wait_ready(c, *e, POLLIN)) return r;
  ssize_t n;
  do {
    n = ::recvmsg(e->host_fd, &msg, fl);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return os::last_error();
  m.store(ro_datalen_out, static_cast<uint32_t>(n));
  m.store(ro_flags_out, static_cast<uint16_t>((msg.msg_flags & MSG_TRUNC) ? kRoflagsDataTruncated : 0));
  return kSuccess;
}

Errno sock_send(Ctx& c, const Mem& m, uint32_t fd, uint32_t si_data, uint32_t si_data_len, uint32_t si_flags,
                uint32_t so_datalen_out) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdWrite, e)) return r;
  std::vector<struct iovec> iov;
  if (Errno r = guest_iovecs(m, si_data, si_data_len, iov)) return r;
  if (!m.span(so_datalen_out, 4)) return kFault;
  if (si_flags != 0) return kInval;
  if (e->kind != FdEntry::Kind::Host) return kNotsock;
  struct msghdr msg{};
  msg.msg_iov = iov.data();
  msg.msg_iovlen = iov.size();
  if (Errno r = wait_ready(c, *e, POLLOUT)) return r;
  ssize_t n;
  do {
    n = ::sendmsg(e->host_fd, &msg, MSG_NOSIGNAL);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return os::last_error();
  m.store(so_datalen_out, static_cast<uint32_t>(n));
  return kSuccess;
}

Errno sock_shutdown(Ctx& c, const Mem&, uint32_t fd, uint32_t how) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, 0, e)) return r;
  // The kind first: a file or directory is no socket whatever its rights (ENOTSOCK, not ENOTCAPABLE).
  if (e->kind != FdEntry::Kind::Host || (e->type != kFiletypeSocketStream && e->type != kFiletypeSocketDgram))
    return kNotsock;
  if (Errno r = c.fds.get(fd, rights::kSockShutdown, e)) return r;
  int h;
  switch (how) {
    case kSdflagsRd: h = SHUT_RD; break;
    case kSdflagsWr: h = SHUT_WR; break;
    case kSdflagsRd | kSdflagsWr: h = SHUT_RDWR; break;
    default: return kInval;
  }
  if (e->kind != FdEntry::Kind::Host) return kNotsock;
  return ::shutdown(e->host_fd, h) == 0 ? kSuccess : os::last_error();
}

}  // namespace wisp::wasi::fn
