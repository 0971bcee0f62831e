// POSIX implementation of the WASI OS layer.
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "wasi/os.h"

namespace wisp::wasi::os {

Errno from_host_errno(int e) {
  switch (e) {
    case 0: return kSuccess;
    case E2BIG: return k2big;
    case EACCES: return kAcces;
    case EADDRINUSE: return kAddrinuse;
    case EADDRNOTAVAIL: return kAddrnotavail;
    case EAFNOSUPPORT: return kAfnosupport;
    case EAGAIN: return kAgain;
    case EALREADY: return kAlready;
    case EBADF: return kBadf;
    case EBADMSG: return kBadmsg;
    case EBUSY: return kBusy;
    case ECANCELED: return kCanceled;
    case ECHILD: return kChild;
    case ECONNABORTED: return kConnaborted;
    case ECONNREFUSED: return kConnrefused;
    case ECONNRESET: return kConnreset;
    case EDEADLK: return kDeadlk;
    case EDESTADDRREQ: return kDestaddrreq;
    case EDOM: return kDom;
    case EDQUOT: return kDquot;
    case EEXIST: return kExist;
    case EFAULT: return kFault;
    case EFBIG: return kFbig;
    case EHOSTUNREACH: return kHostunreach;
    case EIDRM: return kIdrm;
    case EILSEQ: return kIlseq;
    case EINPROGRESS: return kInprogress;
    case EINTR: return kIntr;
    case EINVAL: return kInval;
    case EIO: return kIo;
    case EISCONN: return kIsconn;
    case EISDIR: return kIsdir;
    case ELOOP: return kLoop;
    case EMFILE: return kMfile;
    case EMLINK: return kMlink;
    case EMSGSIZE: return kMsgsize;
    case EMULTIHOP: return kMultihop;
    case ENAMETOOLONG: return kNametoolong;
    case ENETDOWN: return kNetdown;
    case ENETRESET: return kNetreset;
    case ENETUNREACH: return kNetunreach;
    case ENFILE: return kNfile;
    case ENOBUFS: return kNobufs;
    case ENODEV: return kNodev;
    case ENOENT: return kNoent;
    case ENOEXEC: return kNoexec;
    case ENOLCK: return kNolck;
    case ENOLINK: return kNolink;
    case ENOMEM: return kNomem;
    case ENOMSG: return kNomsg;
    case ENOPROTOOPT: return kNoprotoopt;
    case ENOSPC: return kNospc;
    case ENOSYS: return kNosys;
    case ENOTCONN: return kNotconn;
    case ENOTDIR: return kNotdir;
    case ENOTEMPTY: return kNotempty;
    case ENOTRECOVERABLE: return kNotrecoverable;
    case ENOTSOCK: return kNotsock;
#if defined(ENOTSUP) && ENOTSUP != EOPNOTSUPP
    case ENOTSUP: return kNotsup;
#endif
    case EOPNOTSUPP: return kNotsup;
    case ENOTTY: return kNotty;
    case ENXIO: return kNxio;
    case EOVERFLOW: return kOverflow;
    case EOWNERDEAD: return kOwnerdead;
    case EPERM: return kPerm;
    case EPIPE: return kPipe;
    case EPROTO: return kProto;
    case EPROTONOSUPPORT: return kProtonosupport;
    case EPROTOTYPE: return kPrototype;
    case ERANGE: return kRange;
    case EROFS: return kRofs;
    case ESPIPE: return kSpipe;
    case ESRCH: return kSrch;
    case ESTALE: return kStale;
    case ETIMEDOUT: return kTimedout;
    case ETXTBSY: return kTxtbsy;
    case EXDEV: return kXdev;
    default: return kIo;
  }
}

Errno last_error() { return from_host_errno(errno); }

FileType filetype_from_mode(uint32_t m) {
  switch (m & S_IFMT) {
    case S_IFREG: return kFiletypeRegularFile;
    case S_IFDIR: return kFiletypeDirectory;
    case S_IFLNK: return kFiletypeSymbolicLink;
    case S_IFCHR: return kFiletypeCharacterDevice;
    case S_IFBLK: return kFiletypeBlockDevice;
    case S_IFSOCK: return kFiletypeSocketStream;
    default: return kFiletypeUnknown;
  }
}

static uint64_t ns(const struct timespec& ts) {
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000ull + static_cast<uint64_t>(ts.tv_nsec);
}

FileStat filestat_from_host(const struct stat& st) {
  FileStat f{};
  f.dev = static_cast<uint64_t>(st.st_dev);
  f.ino = static_cast<uint64_t>(st.st_ino);
  f.filetype = filetype_from_mode(st.st_mode);
  f.nlink = static_cast<uint64_t>(st.st_nlink);
  f.size = static_cast<uint64_t>(st.st_size);
  f.atim = ns(st.st_atim);
  f.mtim = ns(st.st_mtim);
  f.ctim = ns(st.st_ctim);
  return f;
}

FileStat0 filestat0_from(const FileStat& s) {
  FileStat0 f{};
  f.dev = s.dev;
  f.ino = s.ino;
  f.filetype = s.filetype;
  f.nlink = s.nlink > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(s.nlink);
  f.size = s.size;
  f.atim = s.atim;
  f.mtim = s.mtim;
  f.ctim = s.ctim;
  return f;
}

static bool host_clock(uint32_t id, clockid_t& out) {
  switch (id) {
    case kClockRealtime: out = CLOCK_REALTIME; return true;
    case kClockMonotonic: out = CLOCK_MONOTONIC; return true;
    case kClockProcessCpu: out = CLOCK_PROCESS_CPUTIME_ID; return true;
    case kClockThreadCpu: out = CLOCK_THREAD_CPUTIME_ID; return true;
    default: return false;
  }
}

bool clock_time(uint32_t id, uint64_t& out_ns) {
  clockid_t c;
  struct timespec ts;
  if (!host_clock(id, c) || clock_gettime(c, &ts) != 0) return false;
  out_ns = ns(ts);
  return true;
}

bool clock_res(uint32_t id, uint64_t& out_ns) {
  clockid_t c;
  struct timespec ts;
  if (!host_clock(id, c) || clock_getres(c, &ts) != 0) return false;
  out_ns = ns(ts);
  if (out_ns == 0) out_ns = 1;
  return true;
}

Errno random_fill(void* buf, size_t len) {
  auto* p = static_cast<uint8_t*>(buf);
  while (len > 0) {
    ssize_t n = getrandom(p, len > 33554431 ? 33554431 : len, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno != ENOSYS) return last_error();
      // Old kernels: fall back to the device.
      int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
      if (fd < 0) return last_error();
      while (len > 0) {
        ssize_t r = ::read(fd, p, len);
        if (r <= 0) {
          if (r < 0 && errno == EINTR) continue;
          ::close(fd);
          return kIo;
        }
        p += r;
        len -= static_cast<size_t>(r);
      }
      ::close(fd);
      return kSuccess;
    }
    p += n;
    len -= static_cast<size_t>(n);
  }
  return kSuccess;
}

}  // namespace wisp::wasi::os
