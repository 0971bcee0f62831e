#include <signal.h>

#include <atomic>
#include <mutex>

#include "runtime/trap_handler.h"

namespace wisp::runtime {

namespace {

constexpr size_t kMaxReservations = 4096;
std::atomic<uintptr_t> g_begin[kMaxReservations];
std::atomic<uintptr_t> g_end[kMaxReservations];

struct sigaction g_prev_segv, g_prev_bus;

bool in_reservation(uintptr_t addr) {
  for (size_t i = 0; i < kMaxReservations; ++i) {
    uintptr_t b = g_begin[i].load(std::memory_order_acquire);
    if (b != 0 && addr >= b && addr < g_end[i].load(std::memory_order_relaxed)) return true;
  }
  return false;
}

void on_fault(int sig, siginfo_t* info, void* uctx) {
  WasmActivation* a = t_wasm_activation;
  if (a != nullptr && in_reservation(reinterpret_cast<uintptr_t>(info->si_addr))) WISP_ACTIVATION_JUMP(a);
  const struct sigaction& prev = sig == SIGSEGV ? g_prev_segv : g_prev_bus;
  if (prev.sa_flags & SA_SIGINFO) {
    if (prev.sa_sigaction != nullptr) {
      prev.sa_sigaction(sig, info, uctx);
      return;
    }
  } else if (prev.sa_handler != SIG_DFL && prev.sa_handler != SIG_IGN) {
    prev.sa_handler(sig);
    return;
  }
  // Default action: restore it; returning re-executes the faulting instruction.
  sigaction(sig, &prev, nullptr);
}

}  // namespace

void install_trap_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction sa {};
    sa.sa_sigaction = on_fault;
    sigemptyset(&sa.sa_mask);
    // SA_NODEFER: the handler leaves by a long jump without restoring the mask, so do not block the signal.
    sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
    sigaction(SIGSEGV, &sa, &g_prev_segv);
    sigaction(SIGBUS, &sa, &g_prev_bus);
  });
}

bool register_reservation(const void* base, uint64_t size) {
  auto b = reinterpret_cast<uintptr_t>(base);
  for (size_t i = 0; i < kMaxReservations; ++i) {
    uintptr_t expected = 0;
    // Claim with a placeholder so the end is set before lookups see the begin.
    if (g_begin[i].compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) {
      g_end[i].store(b + size, std::memory_order_relaxed);
      g_begin[i].store(b, std::memory_order_release);
      return true;
    }
  }
  return false;
}

void unregister_reservation(const void* base) {
  auto b = reinterpret_cast<uintptr_t>(base);
  for (size_t i = 0; i < kMaxReservations; ++i) {
    if (g_begin[i].load(std::memory_order_acquire) == b) {
      g_begin[i].store(0, std::memory_order_release);
      return;
    }
  }
}

constinit thread_local WasmActivation* t_wasm_activation = nullptr;

}  // namespace wisp::runtime
