// Fuzz target: WASI path resolution against a scratch directory. The input is a guest path (and,
// when its first byte is odd, a symlink the guest "planted" first: "<target>\n<path>"). Whatever the
// path, resolution must stay beneath the sandbox root: the parent directory it returns and the object
// the final name denotes must both be inside the sandbox (checked through /proc/self/fd).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "wasi/path_resolver.h"

namespace {

std::string g_root;       // realpath of the sandbox
int g_root_fd = -1;

void must(bool ok, const char* what) {
  if (!ok) {
    std::perror(what);
    std::abort();
  }
}

std::string fd_path(int fd) {
  char link[64], buf[PATH_MAX];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, buf, sizeof buf - 1);
  if (n < 0) return {};
  return std::string(buf, size_t(n));
}

bool inside(const std::string& p) {
  return p == g_root || (p.size() > g_root.size() && p.compare(0, g_root.size(), g_root) == 0 &&
                         p[g_root.size()] == '/');
}

// sandbox/{a/b/c, a/file, link_a -> a, link_up -> .., link_deep -> a/../../outside, link_abs -> /etc,
// loop1 <-> loop2, self -> .} next to outside/secret.
void make_scratch() {
  char tmpl[] = "/tmp/wisp-fuzz-wasi-XXXXXX";
  must(mkdtemp(tmpl) != nullptr, "mkdtemp");
  std::string base = tmpl;
  std::string sb = base + "/sandbox";
  must(mkdir(sb.c_str(), 0700) == 0, "mkdir");
  must(mkdir((base + "/outside").c_str(), 0700) == 0, "mkdir");
  must(mkdir((sb + "/a").c_str(), 0700) == 0, "mkdir");
  must(mkdir((sb + "/a/b").c_str(), 0700) == 0, "mkdir");
  must(mkdir((sb + "/a/b/c").c_str(), 0700) == 0, "mkdir");
  int f = open((sb + "/a/file").c_str(), O_CREAT | O_WRONLY, 0600);
  must(f >= 0, "open");
  close(f);
  f = open((base + "/outside/secret").c_str(), O_CREAT | O_WRONLY, 0600);
  must(f >= 0, "open");
  close(f);
  const char* links[][2] = {{"a", "link_a"},         {"..", "link_up"},     {"a/../../outside", "link_deep"},
                            {"/etc", "link_abs"},    {"loop2", "loop1"},    {"loop1", "loop2"},
                            {".", "self"},           {"../../..", "a/b/up3"}, {"../file", "a/b/file_link"},
                            {"../outside/secret", "link_secret"}};
  for (auto& l : links) must(symlink(l[0], (sb + "/" + l[1]).c_str()) == 0, "symlink");
  char real[PATH_MAX];
  must(realpath(sb.c_str(), real) != nullptr, "realpath");
  g_root = real;
  g_root_fd = open(g_root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  must(g_root_fd >= 0, "open root");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  make_scratch();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 4096) return 0;
  bool follow = data[0] & 2;
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string planted;
  if (data[0] & 1) {
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) return 0;
    std::string target(rest.substr(0, nl));
    if (target.empty() || target.find('\0') != std::string::npos) return 0;
    rest.remove_prefix(nl + 1);
    planted = g_root + "/planted";
    must(symlink(target.c_str(), planted.c_str()) == 0, "symlink planted");
  }
  {
    wisp::wasi::ResolvedPath out;
    wisp::wasi::Errno e = wisp::wasi::resolve_path(g_root_fd, rest, follow, out);
    if (e == wisp::wasi::kSuccess) {
      std::string dir = fd_path(out.dir);
      if (!inside(dir)) {
        std::fprintf(stderr, "escape: parent %s of \"%.*s\"\n", dir.c_str(), int(rest.size()), rest.data());
        std::abort();
      }
      if (out.name.empty() || out.name.find('/') != std::string::npos ||
          (out.name == ".." && !follow)) {
        std::fprintf(stderr, "bad final name \"%s\"\n", out.name.c_str());
        std::abort();
      }
      if (out.name == "..") {
        // The parent of the returned directory must still be inside.
        int p = openat(out.dir, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (p >= 0) {
          std::string pp = fd_path(p);
          close(p);
          if (dir == g_root || !inside(pp)) {
            std::fprintf(stderr, "escape via final \"..\" from %s\n", dir.c_str());
            std::abort();
          }
        }
      } else {
        // The final object (not following a final symlink: the link itself lives in `dir`).
        int o = openat(out.dir, out.name.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC);
        if (o >= 0) {
          std::string op = fd_path(o);
          close(o);
          if (!inside(op)) {
            std::fprintf(stderr, "escape: final %s of \"%.*s\"\n", op.c_str(), int(rest.size()), rest.data());
            std::abort();
          }
        }
      }
    }
  }
  if (!planted.empty()) unlink(planted.c_str());
  return 0;
}
