// fd_* functions.
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "wasi/functions.h"
#include "wasi/os.h"
#include "wisp/store.h"

namespace wisp::wasi::fn {

Errno guest_iovecs(const Mem& m, uint32_t iovs, uint32_t iovs_len, std::vector<struct iovec>& out) {
  out.clear();
  if (!m.span(iovs, uint64_t{iovs_len} * sizeof(IoVec))) return kFault;
  uint32_t n = iovs_len > IOV_MAX ? IOV_MAX : iovs_len;
  out.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    IoVec v{};
    m.load(uint64_t{iovs} + i * sizeof(IoVec), v);
    uint8_t* p = m.span(v.buf, v.len);
    if (!p) return kFault;
    if (v.len) out.push_back({p, v.len});
  }
  return kSuccess;
}

Errno times_from_flags(uint64_t atim, uint64_t mtim, uint32_t f, struct timespec* ts) {
  if (f & ~uint32_t{0xf}) return kInval;
  if ((f & fstflags::kAtim) && (f & fstflags::kAtimNow)) return kInval;
  if ((f & fstflags::kMtim) && (f & fstflags::kMtimNow)) return kInval;
  auto set = [](struct timespec& t, bool explicit_time, bool now, uint64_t v) {
    if (now) {
      t.tv_sec = 0;
      t.tv_nsec = UTIME_NOW;
    } else if (explicit_time) {
      t.tv_sec = static_cast<time_t>(v / 1000000000ull);
      t.tv_nsec = static_cast<long>(v % 1000000000ull);
    } else {
      t.tv_sec = 0;
      t.tv_nsec = UTIME_OMIT;
    }
  };
  set(ts[0], f & fstflags::kAtim, f & fstflags::kAtimNow, atim);
  set(ts[1], f & fstflags::kMtim, f & fstflags::kMtimNow, mtim);
  return kSuccess;
}

bool emulated_nonblock(const FdEntry& e) {
  return e.kind == FdEntry::Kind::Host && e.owned.get() < 0 && (e.fdflags & fdflags::kNonblock);
}

bool interruptible(const Ctx& c) { return c.store && c.store->engine().config().interruptible; }

bool stop_requested(const Ctx& c) { return c.store && c.store->pending_interrupt().has_value(); }

Errno wait_ready(Ctx& c, const FdEntry& e, short poll_events) {
  if (e.type == kFiletypeRegularFile) return kSuccess;  // never blocks
  bool nonblock = emulated_nonblock(e);
  bool check_stop = interruptible(c);
  if (!nonblock && !check_stop) return kSuccess;
  for (;;) {
    if (check_stop && stop_requested(c)) return kStopRequested;
    struct pollfd p{};
    p.fd = e.host_fd;
    p.events = poll_events;
    int n = ::poll(&p, 1, nonblock ? 0 : kStopCheckMs);
    if (n < 0 && errno == EINTR) continue;
    if (n != 0) return kSuccess;  // ready, or an error the call itself will report
    if (nonblock) return kAgain;
  }
}

namespace {

// Copies `data` into the guest iovecs; returns the byte count.
size_t scatter(const std::vector<struct iovec>& iov, const char* data, size_t len) {
  size_t done = 0;
  for (const auto& v : iov) {
    if (done == len) break;
    size_t n = std::min(v.iov_len, len - done);
    std::memcpy(v.iov_base, data + done, n);
    done += n;
  }
  return done;
}

// Hands the iovecs to an in-memory stdout/stderr callback one by one, straight from guest memory. The
// iovecs may overlap, so their sum is not bounded by the guest's memory: one call passes at most
// `limit` bytes (the guest's memory size) and reports the short count, as a pipe's writev may.
size_t write_out(const std::vector<struct iovec>& iov, const std::function<void(std::string_view)>& out,
                 uint64_t limit) {
  size_t done = 0;
  for (const auto& v : iov) {
    size_t n = std::min<uint64_t>(v.iov_len, limit - done);
    if (n && out) out(std::string_view(static_cast<const char*>(v.iov_base), n));
    done += n;
    if (done == limit) break;
  }
  return done;
}

Errno store_size(const Mem& m, uint32_t out, uint64_t n32) {
  return m.store(out, static_cast<uint32_t>(n32)) ? kSuccess : kFault;
}

// Runs one vectored host I/O call (readv/preadv/writev/pwritev), retrying on EINTR, and stores the byte
// count at `out`.
template <typename Call>
Errno vectored_io(const Mem& m, uint32_t out, const std::vector<struct iovec>& iov, Call call) {
  if (iov.empty()) return store_size(m, out, 0);
  for (;;) {
    ssize_t n = call(iov.data(), static_cast<int>(iov.size()));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return os::last_error();
    return store_size(m, out, static_cast<uint64_t>(n));
  }
}

Errno seek(Ctx& c, const Mem& m, uint32_t fd, int64_t offset, int whence, uint32_t out) {
  FdEntry* e;
  uint64_t need = (offset == 0 && whence == SEEK_CUR) ? rights::kFdTell : rights::kFdSeek;
  if (Errno r = c.fds.get(fd, need, e)) return r;
  if (!m.span(out, 8)) return kFault;
  if (e->kind != FdEntry::Kind::Host) return kSpipe;
  if (e->type == kFiletypeDirectory) return kBadf;
  off_t pos = ::lseek(e->host_fd, static_cast<off_t>(offset), whence);
  if (pos < 0) return os::last_error();
  m.store(out, static_cast<uint64_t>(pos));
  return kSuccess;
}

Errno filestat(Ctx& c, uint32_t fd, FileStat& st) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdFilestatGet, e)) return r;
  st = FileStat{};
  if (e->kind != FdEntry::Kind::Host) {
    st.filetype = kFiletypeCharacterDevice;
    st.nlink = 1;
    return kSuccess;
  }
  struct stat hs;
  if (::fstat(e->host_fd, &hs) != 0) return os::last_error();
  st = os::filestat_from_host(hs);
  return kSuccess;
}

Errno refresh_dir_cache(FdEntry& e) {
  int dupfd = ::dup(e.host_fd);
  if (dupfd < 0) return os::last_error();
  DIR* d = ::fdopendir(dupfd);
  if (!d) {
    Errno r = os::last_error();
    ::close(dupfd);
    return r;
  }
  ::rewinddir(d);
  e.dir_cache.clear();
  errno = 0;
  while (struct dirent* de = ::readdir(d)) {
    DirEntryInfo info;
    info.name = de->d_name;
    info.ino = de->d_ino;
    switch (de->d_type) {
      case DT_REG: info.type = kFiletypeRegularFile; break;
      case DT_DIR: info.type = kFiletypeDirectory; break;
      case DT_LNK: info.type = kFiletypeSymbolicLink; break;
      case DT_CHR: info.type = kFiletypeCharacterDevice; break;
      case DT_BLK: info.type = kFiletypeBlockDevice; break;
      case DT_SOCK: info.type = kFiletypeSocketStream; break;
      default: {
        struct stat st;
        info.type = ::fstatat(e.host_fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0
                        ? os::filetype_from_mode(st.st_mode)
                        : kFiletypeUnknown;
      }
    }
    e.dir_cache.push_back(std::move(info));
  }
  Errno r = errno ? os::last_error() : kSuccess;
  ::closedir(d);
  e.dir_cache_valid = (r == kSuccess);
  return r;
}

}  // namespace

Errno fd_advise(Ctx& c, const Mem&, uint32_t fd, uint64_t offset, uint64_t len, uint32_t advice) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdAdvise, e)) return r;
  int a;
  switch (advice) {
    case kAdviceNormal: a = POSIX_FADV_NORMAL; break;
    case kAdviceSequential: a = POSIX_FADV_SEQUENTIAL; break;
    case kAdviceRandom: a = POSIX_FADV_RANDOM; break;
    case kAdviceWillneed: a = POSIX_FADV_WILLNEED; break;
    case kAdviceDontneed: a = POSIX_FADV_DONTNEED; break;
    case kAdviceNoreuse: a = POSIX_FADV_NOREUSE; break;
    default: return kInval;
  }
  if (offset > INT64_MAX || len > INT64_MAX) return kInval;
  if (e->kind != FdEntry::Kind::Host) return kSpipe;
  if (e->type == kFiletypeDirectory) return kBadf;
  int r = ::posix_fadvise(e->host_fd, static_cast<off_t>(offset), static_cast<off_t>(len), a);
  return os::from_host_errno(r);
}

Errno fd_allocate(Ctx& c, const Mem&, uint32_t fd, uint64_t offset, uint64_t len) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdAllocate, e)) return r;
  if (offset > INT64_MAX || len > INT64_MAX || len == 0) return kInval;
  if (e->kind != FdEntry::Kind::Host) return kSpipe;
  if (e->type == kFiletypeDirectory) return kBadf;
  int r = ::posix_fallocate(e->host_fd, static_cast<off_t>(offset), static_cast<off_t>(len));
  return os::from_host_errno(r);
}

Errno fd_close(Ctx& c, const Mem&, uint32_t fd) { return c.fds.close(fd); }

Errno fd_datasync(Ctx& c, const Mem&, uint32_t fd) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdDatasync, e)) return r;
  if (e->kind != FdEntry::Kind::Host) return kInval;
  return ::fdatasync(e->host_fd) == 0 ? kSuccess : os::last_error();
}

Errno fd_sync(Ctx& c, const Mem&, uint32_t fd) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdSync, e)) return r;
  if (e->kind != FdEntry::Kind::Host) return kInval;
  return ::fsync(e->host_fd) == 0 ? kSuccess : os::last_error();
}

Errno fd_fdstat_get(Ctx& c, const Mem& m, uint32_t fd, uint32_t out) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, 0, e)) return r;
  FdStat st{};
  st.fs_filetype = e->type;
  st.fs_flags = e->fdflags;
  if (e->kind == FdEntry::Kind::Host) {
    int fl = ::fcntl(e->host_fd, F_GETFL);
    if (fl >= 0) {
      st.fs_flags = 0;
      if (fl & O_APPEND) st.fs_flags |= fdflags::kAppend;
      if ((fl & O_NONBLOCK) || emulated_nonblock(*e)) st.fs_flags |= fdflags::kNonblock;
#if defined(O_DSYNC)
      if ((fl & O_SYNC) == O_SYNC) st.fs_flags |= fdflags::kSync;
      else if (fl & O_DSYNC) st.fs_flags |= fdflags::kDsync;
#endif
    }
  }
  st.fs_rights_base = e->rights_base;
  st.fs_rights_inheriting = e->rights_inheriting;
  return m.store(out, st) ? kSuccess : kFault;
}

Errno fd_fdstat_set_flags(Ctx& c, const Mem&, uint32_t fd, uint32_t flags) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdFdstatSetFlags, e)) return r;
  if (flags & ~uint32_t{0x1f}) return kInval;
  // The host cannot change synchronisation flags of an open descriptor.
  if (flags & (fdflags::kDsync | fdflags::kRsync | fdflags::kSync)) return kNotsup;
  if (e->kind != FdEntry::Kind::Host) {
    e->fdflags = static_cast<uint16_t>(flags);
    return kSuccess;
  }
  int fl = ::fcntl(e->host_fd, F_GETFL);
  if (fl < 0) return os::last_error();
  if (e->owned.get() < 0) {
    // A borrowed descriptor (inherited stdio, an embedder's socket) shares its open file description
    // with the host: changing its flags would change the parent's (a shell's terminal, a pipeline) and
    // outlive the guest. NONBLOCK is emulated per guest descriptor (wait_ready); APPEND cannot be, so it
    // may only stay as the host has it.
    if (bool(flags & fdflags::kAppend) != bool(fl & O_APPEND)) return kNotsup;
    e->fdflags = static_cast<uint16_t>(flags);
    return kSuccess;
  }
  fl &= ~(O_APPEND | O_NONBLOCK);
  if (flags & fdflags::kAppend) fl |= O_APPEND;
  if (flags & fdflags::kNonblock) fl |= O_NONBLOCK;
  if (::fcntl(e->host_fd, F_SETFL, fl) != 0) return os::last_error();
  e->fdflags = static_cast<uint16_t>(flags);
  return kSuccess;
}

Errno fd_fdstat_set_rights(Ctx& c, const Mem&, uint32_t fd, uint64_t base, uint64_t inheriting) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, 0, e)) return r;
  // Rights can only be dropped, never gained.
  if ((base & ~e->rights_base) || (inheriting & ~e->rights_inheriting)) return kNotcapable;
  e->rights_base = base;
  e->rights_inheriting = inheriting;
  return kSuccess;
}

Errno fd_filestat_get(Ctx& c, const Mem& m, uint32_t fd, uint32_t out) {
  if (!m.span(out, sizeof(FileStat))) return kFault;
  FileStat st;
  if (Errno r = filestat(c, fd, st)) return r;
  m.store(out, st);
  return kSuccess;
}

Errno fd_filestat_get0(Ctx& c, const Mem& m, uint32_t fd, uint32_t out) {
  if (!m.span(out, sizeof(FileStat0))) return kFault;
  FileStat st;
  if (Errno r = filestat(c, fd, st)) return r;
  m.store(out, os::filestat0_from(st));
  return kSuccess;
}

Errno fd_filestat_set_size(Ctx& c, const Mem&, uint32_t fd, uint64_t size) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdFilestatSetSize, e)) return r;
  if (size > INT64_MAX) return kInval;
  if (e->kind != FdEntry::Kind::Host) return kInval;
  return ::ftruncate(e->host_fd, static_cast<off_t>(size)) == 0 ? kSuccess : os::last_error();
}

Errno fd_filestat_set_times(Ctx& c, const Mem&, uint32_t fd, uint64_t atim, uint64_t mtim, uint32_t fst_flags) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdFilestatSetTimes, e)) return r;
  struct timespec ts[2];
  if (Errno r = times_from_flags(atim, mtim, fst_flags, ts)) return r;
  if (e->kind != FdEntry::Kind::Host) return kInval;
  return ::futimens(e->host_fd, ts) == 0 ? kSuccess : os::last_error();
}

Errno fd_read(Ctx& c, const Mem& m, uint32_t fd, uint32_t iovs, uint32_t iovs_len, uint32_t out) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdRead, e)) return r;
  std::vector<struct iovec> iov;
  if (Errno r = guest_iovecs(m, iovs, iovs_len, iov)) return r;
  if (!m.span(out, 4)) return kFault;
  if (e->kind == FdEntry::Kind::MemIn) {
    MemoryInput& in = *e->input;
    size_t n = scatter(iov, in.data.data() + in.pos, in.data.size() - in.pos);
    in.pos += n;
    return store_size(m, out, n);
  }
  if (e->kind != FdEntry::Kind::Host) return kBadf;
  if (e->type == kFiletypeDirectory) return kIsdir;
  if (Errno r = wait_ready(c, *e, POLLIN)) return r;
  return vectored_io(m, out, iov, [&](const struct iovec* v, int n) {
    return ::readv(e->host_fd, v, n);
  });
}

Errno fd_pread(Ctx& c, const Mem& m, uint32_t fd, uint32_t iovs, uint32_t iovs_len, uint64_t offset, uint32_t out) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdRead | rights::kFdSeek, e)) return r;
  std::vector<struct iovec> iov;
  if (Errno r = guest_iovecs(m, iovs, iovs_len, iov)) return r;
  if (!m.span(out, 4)) return kFault;
  if (offset > INT64_MAX) return kInval;
  if (e->kind != FdEntry::Kind::Host) return kSpipe;
  if (e->type == kFiletypeDirectory) return kIsdir;
  return vectored_io(m, out, iov, [&](const struct iovec* v, int n) {
    return ::preadv(e->host_fd, v, n, static_cast<off_t>(offset));
  });
}

Errno fd_write(Ctx& c, const Mem& m, uint32_t fd, uint32_t iovs, uint32_t iovs_len, uint32_t out) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdWrite, e)) return r;
  std::vector<struct iovec> iov;
  if (Errno r = guest_iovecs(m, iovs, iovs_len, iov)) return r;
  if (!m.span(out, 4)) return kFault;
  if (e->kind == FdEntry::Kind::MemOut) return store_size(m, out, write_out(iov, e->output, m.size()));
  if (e->kind != FdEntry::Kind::Host) return kBadf;
  if (e->type == kFiletypeDirectory) return kIsdir;
  if (Errno r = wait_ready(c, *e, POLLOUT)) return r;
  return vectored_io(m, out, iov, [&](const struct iovec* v, int n) {
    return ::writev(e->host_fd, v, n);
  });
}

Errno fd_pwrite(Ctx& c, const Mem& m, uint32_t fd, uint32_t iovs, uint32_t iovs_len, uint64_t offset,
                uint32_t out) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdWrite | rights::kFdSeek, e)) return r;
  std::vector<struct iovec> iov;
  if (Errno r = guest_iovecs(m, iovs, iovs_len, iov)) return r;
  if (!m.span(out, 4)) return kFault;
  if (offset > INT64_MAX) return kInval;
  if (e->kind != FdEntry::Kind::Host) return kSpipe;
  if (e->type == kFiletypeDirectory) return kIsdir;
  return vectored_io(m, out, iov, [&](const struct iovec* v, int n) {
    return ::pwritev(e->host_fd, v, n, static_cast<off_t>(offset));
  });
}

Errno fd_prestat_get(Ctx& c, const Mem& m, uint32_t fd, uint32_t out) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, 0, e)) return r;
  if (!e->preopen) return kBadf;
  Prestat p{};
  p.tag = kPreopentypeDir;
  p.pr_name_len = static_cast<uint32_t>(e->preopen_name.size());
  return m.store(out, p) ? kSuccess : kFault;
}

Errno fd_prestat_dir_name(Ctx& c, const Mem& m, uint32_t fd, uint32_t path, uint32_t path_len) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, 0, e)) return r;
  if (!e->preopen) return kBadf;
  if (path_len < e->preopen_name.size()) return kNametoolong;
  return m.write(path, e->preopen_name.data(), e->preopen_name.size()) ? kSuccess : kFault;
}

Errno fd_readdir(Ctx& c, const Mem& m, uint32_t fd, uint32_t buf, uint32_t buf_len, uint64_t cookie,
                 uint32_t out) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, rights::kFdReaddir, e)) return r;
  uint8_t* dst = m.span(buf, buf_len);
  if (!dst || !m.span(out, 4)) return kFault;
  if (e->kind != FdEntry::Kind::Host || e->type != kFiletypeDirectory) return kNotdir;
  // A listing is a snapshot taken at cookie 0; later cookies index into it.
  if (cookie == 0 || !e->dir_cache_valid) {
    if (Errno r = refresh_dir_cache(*e)) return r;
  }
  uint64_t used = 0;
  for (uint64_t i = cookie; i < e->dir_cache.size() && used < buf_len; ++i) {
    const DirEntryInfo& d = e->dir_cache[i];
    Dirent hdr{};
    hdr.d_next = i + 1;
    hdr.d_ino = d.ino;
    hdr.d_namlen = static_cast<uint32_t>(d.name.size());
    hdr.d_type = d.type;
    // Entries are truncated at the end of the buffer; a full buffer tells the guest to call again.
    uint64_t n = std::min<uint64_t>(sizeof(Dirent), buf_len - used);
    std::memcpy(dst + used, &hdr, n);
    used += n;
    n = std::min<uint64_t>(d.name.size(), buf_len - used);
    std::memcpy(dst + used, d.name.data(), n);
    used += n;
  }
  return store_size(m, out, used);
}

Errno fd_renumber(Ctx& c, const Mem&, uint32_t fd, uint32_t to) { return c.fds.renumber(fd, to); }

Errno fd_seek(Ctx& c, const Mem& m, uint32_t fd, int64_t offset, uint32_t whence, uint32_t out) {
  int w;
  switch (whence) {
    case kWhenceSet: w = SEEK_SET; break;
    case kWhenceCur: w = SEEK_CUR; break;
    case kWhenceEnd: w = SEEK_END; break;
    default: return kInval;
  }
  return seek(c, m, fd, offset, w, out);
}

Errno fd_seek0(Ctx& c, const Mem& m, uint32_t fd, int64_t offset, uint32_t whence, uint32_t out) {
  int w;
  switch (whence) {
    case kWhence0Set: w = SEEK_SET; break;
    case kWhence0Cur: w = SEEK_CUR; break;
    case kWhence0End: w = SEEK_END; break;
    default: return kInval;
  }
  return seek(c, m, fd, offset, w, out);
}

Errno fd_tell(Ctx& c, const Mem& m, uint32_t fd, uint32_t out) { return seek(c, m, fd, 0, SEEK_CUR, out); }

}  // namespace wisp::wasi::fn
