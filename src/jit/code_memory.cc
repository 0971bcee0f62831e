#include "jit/code_memory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace wisp::jit {

size_t code_page_size() {
  static const size_t size = [] {
    long p = sysconf(_SC_PAGESIZE);
    return p > 0 ? size_t(p) : size_t(4096);
  }();
  return size;
}

CodeMemory::~CodeMemory() {
  for (Block* b = blocks_; b != nullptr;) {
    Block* next = b->next;
    munmap(b->base, b->size);
    delete b;
    b = next;
  }
}

// Maps `bytes` (rounded up to pages) read-write, copies the pieces in (16-byte aligned; their addresses
// into `at`), then makes the mapping read-execute.
const uint8_t* CodeMemory::map_code(size_t bytes, const std::span<const uint8_t>* pieces, size_t count,
                                    std::vector<const uint8_t*>* at) {
  size_t page = code_page_size();
  size_t size = (bytes + page - 1) / page * page;
  if (size == 0) return nullptr;
  // Reserve the bytes against the limit first (several threads may compile at once).
  size_t used = used_.load(std::memory_order_relaxed);
  do {
    if (size > limit_ || used > limit_ - size) return nullptr;
  } while (!used_.compare_exchange_weak(used, used + size, std::memory_order_relaxed));
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    used_.fetch_sub(size, std::memory_order_relaxed);
    return nullptr;
  }
  auto* base = static_cast<uint8_t*>(p);
  size_t off = 0;
  for (size_t i = 0; i < count; ++i) {
    std::memcpy(base + off, pieces[i].data(), pieces[i].size());
    if (at) at->push_back(base + off);
    off = (off + pieces[i].size() + 15) & ~size_t(15);
  }
  if (mprotect(p, size, PROT_READ | PROT_EXEC) != 0) {
    munmap(p, size);
    used_.fetch_sub(size, std::memory_order_relaxed);
    if (at) at->assign(count, nullptr);
    return nullptr;
  }
  std::lock_guard<std::mutex> lock(mu_);
  blocks_ = new Block{p, size, blocks_};
  return base;
}

const uint8_t* CodeMemory::install(std::span<const uint8_t> code) { return map_code(code.size(), &code, 1, nullptr); }

std::vector<const uint8_t*> CodeMemory::install_batch(std::span<const std::span<const uint8_t>> pieces) {
  std::vector<const uint8_t*> at;
  size_t bytes = 0;
  for (const auto& piece : pieces) bytes = ((bytes + 15) & ~size_t(15)) + piece.size();
  at.reserve(pieces.size());
  if (pieces.empty() || map_code(bytes, pieces.data(), pieces.size(), &at) == nullptr) at.assign(pieces.size(), nullptr);
  return at;
}

CodeMemory::Batch CodeMemory::begin_batch(size_t bytes) {
  size_t page = code_page_size();
  Batch b;
  size_t used = used_.load(std::memory_order_relaxed);
  size_t size = 0;
  do {
    size_t room = used < limit_ ? (limit_ - used) / page * page : 0;
    size = std::min((bytes + page - 1) / page * page, room);
    if (size == 0) return b;
  } while (!used_.compare_exchange_weak(used, used + size, std::memory_order_relaxed));
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    used_.fetch_sub(size, std::memory_order_relaxed);
    return b;
  }
  b.base = static_cast<uint8_t*>(p);
  b.size = size;
  return b;
}

bool CodeMemory::end_batch(Batch& b) {
  if (b.base == nullptr) return false;
  size_t page = code_page_size();
  size_t keep = std::min((b.used + page - 1) / page * page, b.size);
  if (keep < b.size) munmap(b.base + keep, b.size - keep);
  used_.fetch_sub(b.size - keep, std::memory_order_relaxed);
  b.size = keep;
  if (keep == 0 || mprotect(b.base, keep, PROT_READ | PROT_EXEC) != 0) {
    if (keep != 0) munmap(b.base, keep);
    used_.fetch_sub(keep, std::memory_order_relaxed);
    b.base = nullptr;
    b.size = 0;
    return false;
  }
  std::lock_guard<std::mutex> lock(mu_);
  blocks_ = new Block{b.base, keep, blocks_};
  return true;
}

const NativeCode* CodeMemory::keep(NativeCode n) {
  std::lock_guard<std::mutex> lock(mu_);
  natives_.push_back(std::move(n));
  return &natives_.back();
}

}  // namespace wisp::jit
