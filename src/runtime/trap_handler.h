// Turns SIGSEGV/SIGBUS inside a linear-memory guard reservation, raised while the thread runs Wasm,
// into an "out of bounds memory access" trap (a long jump back to the invoke driver). Faults elsewhere,
// or outside Wasm, chain to the previously installed handler.
#pragma once
#include <csetjmp>
#include <cstdint>

namespace wisp::runtime {

// Sanitizer builds jump with sigsetjmp/siglongjmp, which AddressSanitizer intercepts to unpoison the
// frames it skips. Other builds use the compiler's builtin pair: it saves only the frame pointer, the
// stack pointer and the resume address (the function that sets it spills every callee-saved register),
// a handful of instructions against ~30 for sigsetjmp, paid on every host->Wasm call.
#if defined(__SANITIZE_ADDRESS__)
#define WISP_SIGSETJMP_ACTIVATIONS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WISP_SIGSETJMP_ACTIVATIONS 1
#endif
#endif

// One level of Wasm execution on this thread (invoke() levels nest: host -> wasm -> host -> wasm).
struct WasmActivation {
#ifdef WISP_SIGSETJMP_ACTIVATIONS
  sigjmp_buf jump;
#else
  void* jump[5];
#endif
  WasmActivation* prev = nullptr;
};

// WISP_ACTIVATION_SET(act) returns 0 when called and 1 when a fault jumped back (a setjmp, so it must be
// called directly in the function whose frame stays live while Wasm runs).
#ifdef WISP_SIGSETJMP_ACTIVATIONS
#define WISP_ACTIVATION_SET(act) sigsetjmp((act).jump, 0)
#define WISP_ACTIVATION_JUMP(act) siglongjmp((act)->jump, 1)
#else
#define WISP_ACTIVATION_SET(act) __builtin_setjmp((act).jump)
#define WISP_ACTIVATION_JUMP(act) __builtin_longjmp((act)->jump, 1)
#endif

// The activation faults jump to (null when the thread is not running Wasm). Inline: read and written
// twice per host<->Wasm transition.
extern constinit thread_local WasmActivation* t_wasm_activation;
inline WasmActivation* current_activation() { return t_wasm_activation; }
inline void set_current_activation(WasmActivation* a) { t_wasm_activation = a; }

// Installs the process-wide handlers once (thread-safe, idempotent).
void install_trap_handler();

// Registers / unregisters an address range whose faults are Wasm traps. Returns false when the registry
// is full. Async-signal-safe lookups.
bool register_reservation(const void* base, uint64_t size);
void unregister_reservation(const void* base);

// Around host calls made from Wasm: faults in host code are not Wasm traps.
inline WasmActivation* leave_wasm() {
  WasmActivation* a = current_activation();
  set_current_activation(nullptr);
  return a;
}
inline void reenter_wasm(WasmActivation* a) { set_current_activation(a); }

}  // namespace wisp::runtime
