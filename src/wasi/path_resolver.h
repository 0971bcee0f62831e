// Sandboxed path resolution. A guest path is resolved component by component from a directory descriptor
// that acts as the root: every directory is opened with O_NOFOLLOW relative to one already held, `..` pops
// our own stack (never the kernel's), symlinks are read and expanded by us, absolute paths and absolute
// symlink targets are refused. A symlink planted while the guest runs is therefore seen as a symlink and
// resolved inside the sandbox too.
#pragma once
#include <string>
#include <string_view>
#include <utility>

#include "wasi/abi.h"

namespace wisp::wasi {

// An owned host file descriptor.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& o) noexcept {
    if (this != &o) {
      reset();
      fd_ = std::exchange(o.fd_, -1);
    }
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }
  void reset(int fd = -1);

 private:
  int fd_ = -1;
};

// Where a path lands: the directory holding the final component, and that component's name
// ("." when the path names the directory itself).
struct ResolvedPath {
  UniqueFd owned;  // the parent directory when we had to open it
  int dir = -1;    // the parent directory (owned.get() or the root passed in)
  std::string name;
  bool trailing_slash = false;  // "a/b/": the target must be a directory
  size_t depth = 0;             // how many directories `dir` lies below the root
};

constexpr int kMaxSymlinkExpansions = 40;
// The longest guest path (and symlink target) accepted, as Linux's PATH_MAX: a longer one is
// ENAMETOOLONG before any work, so one call's host memory and system calls stay bounded.
constexpr size_t kMaxPathBytes = 4096;

// Whether a relative symlink target, placed in a directory `depth` levels below the root, stays inside
// the root when read lexically (no ".." climbs above it). Such links are all path_symlink may plant.
bool target_stays_inside(std::string_view target, size_t depth);

// Resolves `path` beneath `root_fd`. follow_final: expand a symlink in the last component too.
Errno resolve_path(int root_fd, std::string_view path, bool follow_final, ResolvedPath& out);

}  // namespace wisp::wasi
