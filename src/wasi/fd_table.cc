#include "wasi/fd_table.h"

namespace wisp::wasi {

Errno FdTable::get(uint32_t fd, uint64_t base, FdEntry*& out) {
  FdEntry* e = find(fd);
  if (!e) return kBadf;
  if ((e->rights_base & base) != base) return kNotcapable;
  out = e;
  return kSuccess;
}

Errno FdTable::insert(std::unique_ptr<FdEntry> e, uint32_t& out_fd) {
  for (uint32_t i = 0; i < fds_.size(); ++i) {
    if (!fds_[i]) {
      fds_[i] = std::move(e);
      out_fd = i;
      return kSuccess;
    }
  }
  if (fds_.size() >= kMaxFds) return kMfile;
  out_fd = static_cast<uint32_t>(fds_.size());
  fds_.push_back(std::move(e));
  return kSuccess;
}

void FdTable::insert_at(uint32_t fd, std::unique_ptr<FdEntry> e) {
  if (fd >= fds_.size()) fds_.resize(fd + 1);
  fds_[fd] = std::move(e);
}

Errno FdTable::close(uint32_t fd) {
  if (!find(fd)) return kBadf;
  fds_[fd].reset();
  while (!fds_.empty() && !fds_.back()) fds_.pop_back();
  return kSuccess;
}

Errno FdTable::renumber(uint32_t from, uint32_t to) {
  if (!find(from) || !find(to)) return kBadf;
  if (from == to) return kSuccess;
  fds_[to] = std::move(fds_[from]);  // the old `to` entry is closed here
  while (!fds_.empty() && !fds_.back()) fds_.pop_back();
  return kSuccess;
}

}  // namespace wisp::wasi
