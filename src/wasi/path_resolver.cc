// Component-by-component sandboxed resolution (see path_resolver.h).
#include "wasi/path_resolver.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "wasi/os.h"

namespace wisp::wasi {

#ifdef O_PATH
constexpr int kDirLookupFlags = O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
#else
constexpr int kDirLookupFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
#endif

void UniqueFd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

namespace {

// Pushes the components of `p` so that the first one is popped first. Returns true when p ends in '/'.
bool push_components(std::string_view p, std::vector<std::string>& pending) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    if (j > i) parts.push_back(p.substr(i, j - i));
    i = j + 1;
  }
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) pending.emplace_back(*it);
  return !p.empty() && p.back() == '/';
}

// Reads a symlink; false when `name` is not a symlink (or cannot be read, with err set).
bool read_link(int dir, const std::string& name, std::string& target, int& err) {
  std::string buf(256, '\0');
  for (;;) {
    ssize_t n = ::readlinkat(dir, name.c_str(), buf.data(), buf.size());
    if (n < 0) {
      err = errno;
      return false;
    }
    if (static_cast<size_t>(n) < buf.size()) {
      buf.resize(static_cast<size_t>(n));
      target = std::move(buf);
      return true;
    }
    if (buf.size() >= kMaxPathBytes) {
      err = ENAMETOOLONG;
      return false;
    }
    buf.resize(buf.size() * 2);
  }
}

}  // namespace

bool target_stays_inside(std::string_view target, size_t depth) {
  size_t i = 0;
  while (i < target.size()) {
    size_t j = target.find('/', i);
    if (j == std::string_view::npos) j = target.size();
    std::string_view comp = target.substr(i, j - i);
    if (comp == "..") {
      if (depth == 0) return false;
      --depth;
    } else if (!comp.empty() && comp != ".") {
      ++depth;
    }
    i = j + 1;
  }
  return true;
}

Errno resolve_path(int root_fd, std::string_view path, bool follow_final, ResolvedPath& out) {
  if (path.empty()) return kNoent;
  if (path.size() > kMaxPathBytes) return kNametoolong;
  if (path.find('\0') != std::string_view::npos) return kIlseq;
  if (path.front() == '/') return kNotcapable;

  // stack[0] is the root (borrowed); deeper entries are directories we opened.
  std::vector<UniqueFd> stack;
  auto top = [&] { return stack.empty() ? root_fd : stack.back().get(); };
  std::vector<std::string> pending;
  bool trailing = push_components(path, pending);
  out.trailing_slash = trailing;
  if (trailing) follow_final = true;
  int expansions = 0;
  std::string final_name(1, '.');

  while (!pending.empty()) {
    std::string comp = std::move(pending.back());
    pending.pop_back();
    bool last = pending.empty();
    if (comp == ".") {
      if (last) final_name.assign(1, '.');
      continue;
    }
    if (comp == "..") {
      if (stack.empty()) return kNotcapable;  // would climb above the root
      stack.pop_back();
      if (last) final_name.assign(1, '.');
      continue;
    }
    if (last && !follow_final) {
      final_name = std::move(comp);
      break;
    }
    if (!last) {
      int fd = ::openat(top(), comp.c_str(), kDirLookupFlags);
      if (fd >= 0) {
        stack.emplace_back(fd);
        continue;
      }
      int open_err = errno;
      if (open_err != ENOTDIR && open_err != ELOOP) return os::from_host_errno(open_err);
    }
    // Either the last component (to follow) or an intermediate that is not a plain directory:
    // a symlink is expanded in place, anything else ends here.
    std::string target;
    int err = 0;
    if (read_link(top(), comp, target, err)) {
      if (++expansions > kMaxSymlinkExpansions) return kLoop;
      if (target.empty()) return kNoent;
      if (target.front() == '/') return kNotcapable;
      bool target_trailing = push_components(target, pending);
      if (last && target_trailing) out.trailing_slash = true;
      if (last && pending.empty()) final_name.assign(1, '.');  // e.g. a link to "."
      continue;
    }
    if (err == EINVAL) {  // exists and is not a symlink
      if (last) {
        final_name = std::move(comp);
        break;
      }
      return kNotdir;
    }
    if (last && err == ENOENT) {  // a missing final component is fine: it may be created
      final_name = std::move(comp);
      break;
    }
    return os::from_host_errno(err);
  }

  out.name = std::move(final_name);
  out.depth = stack.size();
  if (stack.empty()) {
    out.owned.reset();
    out.dir = root_fd;
  } else {
    out.owned = std::move(stack.back());
    out.dir = out.owned.get();
  }
  return kSuccess;
}

}  // namespace wisp::wasi
