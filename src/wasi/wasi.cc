// WasiConfig helpers and the construction of a store's WASI state.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "wasi/ctx.h"
#include "wasi/os.h"
#include "wisp/linker.h"
#include "wisp/store.h"
#include "wisp/wasi.h"

extern char** environ;

namespace wisp {

WasiConfig& WasiConfig::inherit_env() {
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv(*e);
    size_t eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace_back(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
  }
  return *this;
}

Result<WasiPreopen> WasiConfig::parse_dir(std::string_view spec) {
  size_t sep = spec.find("::");
  WasiPreopen p;
  p.host = std::string(spec.substr(0, sep));
  p.guest = sep == std::string_view::npos ? p.host : std::string(spec.substr(sep + 2));
  if (p.host.empty() || p.guest.empty())
    return Error::usage("bad --dir '" + std::string(spec) + "': expected HOST[::GUEST]");
  return p;
}

namespace {

using wasi::FdEntry;
namespace rights = wasi::rights;

wasi::FileType host_filetype(int fd) {
  struct stat st;
  if (::fstat(fd, &st) != 0) return wasi::kFiletypeUnknown;
  if (S_ISFIFO(st.st_mode)) return wasi::kFiletypeUnknown;  // pipes have no WASI file type
  return wasi::os::filetype_from_mode(st.st_mode);
}

// Rights of a stream-like host descriptor: a character device (a terminal) cannot seek, which is also
// how wasi-libc's isatty() recognises it.
uint64_t stream_rights(wasi::FileType t) {
  uint64_t r = rights::kRegularFile;
  if (t == wasi::kFiletypeCharacterDevice || t == wasi::kFiletypeUnknown)
    r &= ~(rights::kFdSeek | rights::kFdTell);
  return r;
}

Result<std::unique_ptr<FdEntry>> make_stdio(const WasiStdio& s, int which) {
  auto e = std::make_unique<FdEntry>();
  bool input = which == 0;
  int hfd = -1;
  switch (s.kind) {
    case WasiStdio::Kind::Inherit:
      e->host_fd = which;
      e->type = host_filetype(which);
      e->rights_base = stream_rights(e->type);
      return e;
    case WasiStdio::Kind::Null:
      hfd = ::open("/dev/null", (input ? O_RDONLY : O_WRONLY) | O_CLOEXEC);
      if (hfd < 0) return Error::io(std::string("cannot open /dev/null: ") + std::strerror(errno));
      break;
    case WasiStdio::Kind::File:
      hfd = input ? ::open(s.path.c_str(), O_RDONLY | O_CLOEXEC)
                  : ::open(s.path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
      if (hfd < 0) return Error::io("cannot open '" + s.path + "': " + std::strerror(errno));
      break;
    case WasiStdio::Kind::Bytes:
      if (!input) return Error::usage("in-memory bytes are only for stdin");
      e->kind = FdEntry::Kind::MemIn;
      e->input = std::make_shared<wasi::MemoryInput>();
      e->input->data = s.bytes;
      e->rights_base = rights::kFdRead | rights::kPollFdReadwrite | rights::kFdFilestatGet;
      return e;
    case WasiStdio::Kind::Callback:
      if (input) return Error::usage("a write callback cannot be stdin");
      e->kind = FdEntry::Kind::MemOut;
      e->output = s.callback;
      e->rights_base = rights::kFdWrite | rights::kPollFdReadwrite | rights::kFdFilestatGet;
      return e;
  }
  e->owned.reset(hfd);
  e->host_fd = hfd;
  e->type = host_filetype(hfd);
  e->rights_base = stream_rights(e->type);
  return e;
}

}  // namespace

Wasi::Wasi() : ctx_(std::make_unique<wasi::WasiCtx>()) {}
Wasi::~Wasi() = default;

Result<std::unique_ptr<Wasi>> Wasi::create(const WasiConfig& config) {
  std::unique_ptr<Wasi> w(new Wasi());
  wasi::WasiCtx& c = *w->ctx_;
  c.args = config.args;
  for (const auto& [k, v] : config.env) c.env.push_back(k + "=" + v);
  const WasiStdio* stdio[3] = {&config.stdin_stream, &config.stdout_stream, &config.stderr_stream};
  for (int i = 0; i < 3; ++i) {
    auto e = make_stdio(*stdio[i], i);
    if (!e.ok()) return std::move(e.error());
    c.fds.insert_at(static_cast<uint32_t>(i), std::move(e.value()));
  }
  uint32_t next = 3;
  for (const WasiPreopen& p : config.preopens) {
    int hfd = ::open(p.host.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (hfd < 0) return Error::io("cannot open directory '" + p.host + "': " + std::strerror(errno));
    auto e = std::make_unique<FdEntry>();
    e->owned.reset(hfd);
    e->host_fd = hfd;
    e->type = wasi::kFiletypeDirectory;
    e->rights_base = rights::kDirectory;
    e->rights_inheriting = rights::kDirectory | rights::kRegularFile;
    e->preopen = true;
    e->preopen_name = p.guest;
    c.fds.insert_at(next++, std::move(e));
  }
  for (int s : config.sockets) {
    auto e = std::make_unique<FdEntry>();
    e->host_fd = s;
    e->type = host_filetype(s);
    e->rights_base = rights::kSocket;
    c.fds.insert_at(next++, std::move(e));
  }
  return w;
}

Result<Wasi*> Wasi::attach(Store& store, const WasiConfig& config) {
  Result<std::unique_ptr<Wasi>> w = create(config);
  if (!w.ok()) return std::move(w.error());
  Wasi* raw = w->get();
  // shared_ptr<void> keeps Wasi's deleter: the store destroys it without knowing the type.
  store.set_wasi_internal(std::shared_ptr<Wasi>(std::move(*w)));
  return raw;
}

Wasi* Wasi::of(const Store& store) { return static_cast<Wasi*>(store.wasi_internal()); }

std::optional<int> Wasi::exit_code() const {
  if (ctx_->exit_code < 0) return std::nullopt;
  return ctx_->exit_code;
}

Result<int> run_command(Store& store, const Linker& linker, const Module& module) {
  Result<Instance> instance = linker.instantiate(store, module);
  if (!instance.ok()) return std::move(instance.error());
  std::optional<Func> start = instance->get_func(store, "_start");
  if (!start) return Error::usage("not a WASI command: no exported function \"_start\"");
  Result<std::vector<Val>> r = start->call(store, {});
  if (r.ok()) return 0;
  if (r.error().exit_code >= 0) return r.error().exit_code;  // proc_exit unwound the guest
  return std::move(r.error());
}

}  // namespace wisp
