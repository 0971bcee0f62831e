// The guest's descriptor table: each entry is a host descriptor (file, directory, socket, inherited stdio)
// or an in-memory stream, with WASI rights checked on every use.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wasi/abi.h"
#include "wasi/path_resolver.h"

namespace wisp::wasi {

// One cached directory entry for fd_readdir (cookies are indices into the cache).
struct DirEntryInfo {
  std::string name;
  uint64_t ino = 0;
  uint8_t type = kFiletypeUnknown;
};

// In-memory stdin: bytes handed in by the embedder.
struct MemoryInput {
  std::string data;
  size_t pos = 0;
};

struct FdEntry {
  enum class Kind : uint8_t { Host, MemIn, MemOut };
  Kind kind = Kind::Host;
  UniqueFd owned;     // the host descriptor when this entry owns it
  int host_fd = -1;   // owned.get() or a borrowed descriptor (inherited stdio)
  FileType type = kFiletypeUnknown;
  uint64_t rights_base = 0;
  uint64_t rights_inheriting = 0;
  uint16_t fdflags = 0;
  bool preopen = false;
  std::string preopen_name;  // guest name of a preopened directory
  std::shared_ptr<MemoryInput> input;                 // Kind::MemIn
  std::function<void(std::string_view)> output;       // Kind::MemOut
  std::vector<DirEntryInfo> dir_cache;                 // fd_readdir snapshot, refreshed at cookie 0
  bool dir_cache_valid = false;
};

class FdTable {
 public:
  static constexpr uint32_t kMaxFds = 16384;

  // Looks up `fd` and checks that it holds all of `base` rights (EBADF / ENOTCAPABLE).
  Errno get(uint32_t fd, uint64_t base, FdEntry*& out);
  // Inserts at the lowest free number (EMFILE when full).
  Errno insert(std::unique_ptr<FdEntry> e, uint32_t& out_fd);
  void insert_at(uint32_t fd, std::unique_ptr<FdEntry> e);
  Errno close(uint32_t fd);
  Errno renumber(uint32_t from, uint32_t to);
  FdEntry* find(uint32_t fd) { return fd < fds_.size() ? fds_[fd].get() : nullptr; }
  size_t size() const { return fds_.size(); }

 private:
  std::vector<std::unique_ptr<FdEntry>> fds_;
};

}  // namespace wisp::wasi
