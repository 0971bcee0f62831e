// path_* functions: every path goes through the sandboxed resolver; the final operation always uses the
// *at() call on the resolved parent with no symlink following (the resolver already expanded them).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

#include "wasi/functions.h"
#include "wasi/os.h"

namespace wisp::wasi::fn {

namespace {

// Fetches the directory descriptor (with `need` rights), reads the guest path and resolves it.
Errno prepare(Ctx& c, const Mem& m, uint32_t fd, uint64_t need, uint32_t path, uint32_t path_len, bool follow,
              ResolvedPath& out, FdEntry** dir_out = nullptr) {
  FdEntry* e;
  if (Errno r = c.fds.get(fd, need, e)) return r;
  std::string_view p;
  if (!m.string(path, path_len, p)) return kFault;
  if (e->kind != FdEntry::Kind::Host || e->type != kFiletypeDirectory) return kNotdir;
  if (dir_out) *dir_out = e;
  return resolve_path(e->host_fd, p, follow, out);
}

Errno stat_path(Ctx& c, const Mem& m, uint32_t fd, uint32_t flags, uint32_t path, uint32_t path_len, FileStat& st) {
  ResolvedPath rp;
  if (Errno r = prepare(c, m, fd, rights::kPathFilestatGet, path, path_len, flags & kLookupSymlinkFollow, rp))
    return r;
  struct stat hs;
  if (::fstatat(rp.dir, rp.name.c_str(), &hs, AT_SYMLINK_NOFOLLOW) != 0) return os::last_error();
  if (rp.trailing_slash && !S_ISDIR(hs.st_mode)) return kNotdir;
  st = os::filestat_from_host(hs);
  return kSuccess;
}

}  // namespace

Errno path_create_directory(Ctx& c, const Mem& m, uint32_t fd, uint32_t path, uint32_t path_len) {
  ResolvedPath rp;
  if (Errno r = prepare(c, m, fd, rights::kPathCreateDirectory, path, path_len, false, rp)) return r;
  return ::mkdirat(rp.dir, rp.name.c_str(), 0777) == 0 ? kSuccess : os::last_error();
}

Errno path_filestat_get(Ctx& c, const Mem& m, uint32_t fd, uint32_t flags, uint32_t path, uint32_t path_len,
                        uint32_t out) {
  if (!m.span(out, sizeof(FileStat))) return kFault;
  FileStat st;
  if (Errno r = stat_path(c, m, fd, flags, path, path_len, st)) return r;
  m.store(out, st);
  return kSuccess;
}

Errno path_filestat_get0(Ctx& c, const Mem& m, uint32_t fd, uint32_t flags, uint32_t path, uint32_t path_len,
                         uint32_t out) {
  if (!m.span(out, sizeof(FileStat0))) return kFault;
  FileStat st;
  if (Errno r = stat_path(c, m, fd, flags, path, path_len, st)) return r;
  m.store(out, os::filestat0_from(st));
  return kSuccess;
}

Errno path_filestat_set_times(Ctx& c, const Mem& m, uint32_t fd, uint32_t flags, uint32_t path, uint32_t path_len,
                              uint64_t atim, uint64_t mtim, uint32_t fst_flags) {
  struct timespec ts[2];
  if (Errno r = times_from_flags(atim, mtim, fst_flags, ts)) return r;
  ResolvedPath rp;
  if (Errno r = prepare(c, m, fd, rights::kPathFilestatSetTimes, path, path_len, flags & kLookupSymlinkFollow, rp))
    return r;
  return ::utimensat(rp.dir, rp.name.c_str(), ts, AT_SYMLINK_NOFOLLOW) == 0 ? kSuccess : os::last_error();
}

Errno path_link(Ctx& c, const Mem& m, uint32_t old_fd, uint32_t old_flags, uint32_t old_path, uint32_t old_path_len,
                uint32_t new_fd, uint32_t new_path, uint32_t new_path_len) {
  ResolvedPath from, to;
  if (Errno r = prepare(c, m, old_fd, rights::kPathLinkSource, old_path, old_path_len,
                        old_flags & kLookupSymlinkFollow, from))
    return r;
  if (Errno r = prepare(c, m, new_fd, rights::kPathLinkTarget, new_path, new_path_len, false, to)) return r;
  if (to.trailing_slash) return kNoent;
  return ::linkat(from.dir, from.name.c_str(), to.dir, to.name.c_str(), 0) == 0 ? kSuccess : os::last_error();
}

Errno path_open(Ctx& c, const Mem& m, uint32_t fd, uint32_t dirflags, uint32_t path, uint32_t path_len,
                uint32_t oflags_in, uint64_t rights_base, uint64_t rights_inheriting, uint32_t fdflags_in,
                uint32_t fd_out) {
  if (!m.span(fd_out, 4)) return kFault;
  if (oflags_in & ~uint32_t{0xf}) return kInval;
  if (fdflags_in & ~uint32_t{0x1f}) return kInval;
  uint64_t need = rights::kPathOpen;
  if (oflags_in & oflags::kCreat) need |= rights::kPathCreateFile;
  if (oflags_in & oflags::kTrunc) need |= rights::kPathFilestatSetSize;
  FdEntry* dir;
  ResolvedPath rp;
  if (Errno r = prepare(c, m, fd, need, path, path_len, dirflags & kLookupSymlinkFollow, rp, &dir)) return r;

  // A descriptor never gets more than its directory may hand down.
  rights_base &= dir->rights_inheriting;
  rights_inheriting &= dir->rights_inheriting;
  bool want_dir = (oflags_in & oflags::kDirectory) || rp.trailing_slash;
  bool read = rights_base & (rights::kFdRead | rights::kFdReaddir);
  bool write = rights_base & (rights::kFdWrite | rights::kFdDatasync | rights::kFdAllocate |
                              rights::kFdFilestatSetSize);
  int flags = O_CLOEXEC | O_NOCTTY | O_NOFOLLOW;
  if (write && !want_dir) flags |= read ? O_RDWR : O_WRONLY;
  else flags |= O_RDONLY;
  if (oflags_in & oflags::kCreat) flags |= O_CREAT;
  if (oflags_in & oflags::kExcl) flags |= O_EXCL;
  if (oflags_in & oflags::kTrunc) flags |= O_TRUNC;
  if (want_dir) flags |= O_DIRECTORY;
  if (fdflags_in & fdflags::kAppend) flags |= O_APPEND;
  if (fdflags_in & fdflags::kNonblock) flags |= O_NONBLOCK;
  if (fdflags_in & fdflags::kDsync) flags |= O_DSYNC;
  if (fdflags_in & fdflags::kSync) flags |= O_SYNC;
#ifdef O_RSYNC
  if (fdflags_in & fdflags::kRsync) flags |= O_RSYNC;
#endif
  int hfd = ::openat(rp.dir, rp.name.c_str(), flags, 0666);
  if (hfd < 0) {
    // A final symlink not to be followed: report ELOOP like O_NOFOLLOW does, whatever the flags.
    return os::last_error();
  }
  UniqueFd owned(hfd);
  struct stat st;
  if (::fstat(hfd, &st) != 0) return os::last_error();
  auto e = std::make_unique<FdEntry>();
  e->type = os::filetype_from_mode(st.st_mode);
  // A directory opened for writing: the host opened it read-only (O_DIRECTORY), but the guest asked for
  // something no directory can give (as wasmtime and Linux's open(O_WRONLY) on a directory say).
  if (e->type == kFiletypeDirectory && (oflags_in & oflags::kDirectory) && write) return kIsdir;
  uint64_t allowed = e->type == kFiletypeDirectory ? rights::kDirectory : rights::kRegularFile;
  if (e->type == kFiletypeDirectory) {
    e->rights_base = rights_base & allowed;
    e->rights_inheriting = rights_inheriting;
  } else {
    if (!write) rights_base &= ~(rights::kFdWrite | rights::kFdDatasync | rights::kFdAllocate |
                                 rights::kFdFilestatSetSize);
    if (!read) rights_base &= ~rights::kFdRead;
    e->rights_base = rights_base & allowed;
    e->rights_inheriting = 0;
  }
  e->fdflags = static_cast<uint16_t>(fdflags_in);
  e->host_fd = hfd;
  e->owned = std::move(owned);
  uint32_t nfd;
  if (Errno r = c.fds.insert(std::move(e), nfd)) return r;
  m.store(fd_out, nfd);
  return kSuccess;
}

Errno path_readlink(Ctx& c, const Mem& m, uint32_t fd, uint32_t path, uint32_t path_len, uint32_t buf,
                    uint32_t buf_len, uint32_t out) {
  uint8_t* dst = m.span(buf, buf_len);
  if (!dst || !m.span(out, 4)) return kFault;
  ResolvedPath rp;
  if (Errno r = prepare(c, m, fd, rights::kPathReadlink, path, path_len, false, rp)) return r;
  std::string target(4096, '\0');
  ssize_t n = ::readlinkat(rp.dir, rp.name.c_str(), target.data(), target.size());
  if (n < 0) return os::last_error();
  size_t len = std::min<size_t>(static_cast<size_t>(n), buf_len);
  std::memcpy(dst, target.data(), len);
  m.store(out, static_cast<uint32_t>(len));
  return kSuccess;
}

Errno path_remove_directory(Ctx& c, const Mem& m, uint32_t fd, uint32_t path, uint32_t path_len) {
  ResolvedPath rp;
  if (Errno r = prepare(c, m, fd, rights::kPathRemoveDirectory, path, path_len, false, rp)) return r;
  if (rp.name == ".") return kInval;  // never remove a directory by its own handle (e.g. a preopen)
  return ::unlinkat(rp.dir, rp.name.c_str(), AT_REMOVEDIR) == 0 ? kSuccess : os::last_error();
}

Errno path_rename(Ctx& c, const Mem& m, uint32_t fd, uint32_t old_path, uint32_t old_path_len, uint32_t new_fd,
                  uint32_t new_path, uint32_t new_path_len) {
  ResolvedPath from, to;
  if (Errno r = prepare(c, m, fd, rights::kPathRenameSource, old_path, old_path_len, false, from)) return r;
  if (Errno r = prepare(c, m, new_fd, rights::kPathRenameTarget, new_path, new_path_len, false, to)) return r;
  if (from.name == "." || to.name == ".") return kBusy;
  if (from.trailing_slash || to.trailing_slash) {
    struct stat st;
    if (::fstatat(from.dir, from.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return os::last_error();
    if (!S_ISDIR(st.st_mode)) return kNotdir;
  }
  return ::renameat(from.dir, from.name.c_str(), to.dir, to.name.c_str()) == 0 ? kSuccess : os::last_error();
}

Errno path_symlink(Ctx& c, const Mem& m, uint32_t old_path, uint32_t old_path_len, uint32_t fd, uint32_t new_path,
                   uint32_t new_path_len) {
  std::string_view target;
  if (!m.string(old_path, old_path_len, target)) return kFault;
  if (target.find('\0') != std::string_view::npos) return kIlseq;
  // An absolute target could never be followed inside the sandbox; do not plant it for host tools either.
  if (!target.empty() && target.front() == '/') return kNotcapable;
  ResolvedPath rp;
  if (Errno r = prepare(c, m, fd, rights::kPathSymlink, new_path, new_path_len, false, rp)) return r;
  if (rp.trailing_slash) return kNoent;
  // Nor a relative target that climbs out of the preopen ("../OUTSIDE/secret"): wisp would refuse to
  // follow it, but host tools walking the directory later would not (wasmtime refuses these too).
  if (target.size() > kMaxPathBytes) return kNametoolong;
  if (!target_stays_inside(target, rp.depth)) return kPerm;
  return ::symlinkat(std::string(target).c_str(), rp.dir, rp.name.c_str()) == 0 ? kSuccess : os::last_error();
}

Errno path_unlink_file(Ctx& c, const Mem& m, uint32_t fd, uint32_t path, uint32_t path_len) {
  ResolvedPath rp;
  if (Errno r = prepare(c, m, fd, rights::kPathUnlinkFile, path, path_len, false, rp)) return r;
  if (rp.trailing_slash) {
    struct stat st;
    if (::fstatat(rp.dir, rp.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return os::last_error();
    return S_ISDIR(st.st_mode) ? kIsdir : kNotdir;
  }
  if (rp.name == ".") return kIsdir;
  return ::unlinkat(rp.dir, rp.name.c_str(), 0) == 0 ? kSuccess : os::last_error();
}

}  // namespace wisp::wasi::fn
