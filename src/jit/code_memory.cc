#include "jit/code_memory.h"

#include <sys/mman.h>
#include <unistd.h>

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

const uint8_t* CodeMemory::install(std::span<const uint8_t> code) {
  size_t page = code_page_size();
  size_t size = (code.size() + page - 1) / page * page;
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
  std::memcpy(p, code.data(), code.size());
  if (mprotect(p, size, PROT_READ | PROT_EXEC) != 0) {
    munmap(p, size);
    used_.fetch_sub(size, std::memory_order_relaxed);
    return nullptr;
  }
  std::lock_guard<std::mutex> lock(mu_);
  blocks_ = new Block{p, size, blocks_};
  return static_cast<const uint8_t*>(p);
}

}  // namespace wisp::jit
