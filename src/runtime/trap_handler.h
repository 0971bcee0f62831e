// Turns SIGSEGV/SIGBUS inside a linear-memory guard reservation, raised while the thread runs Wasm,
// into an "out of bounds memory access" trap (siglongjmp back to the invoke driver). Faults elsewhere,
// or outside Wasm, chain to the previously installed handler.
#pragma once
#include <csetjmp>
#include <cstdint>

namespace wisp::runtime {

// One level of Wasm execution on this thread (invoke() levels nest: host -> wasm -> host -> wasm).
struct WasmActivation {
  sigjmp_buf jump;
  WasmActivation* prev = nullptr;
};

// Installs the process-wide handlers once (thread-safe, idempotent).
void install_trap_handler();

// Registers / unregisters an address range whose faults are Wasm traps. Returns false when the registry
// is full. Async-signal-safe lookups.
bool register_reservation(const void* base, uint64_t size);
void unregister_reservation(const void* base);

// The activation faults jump to (null when the thread is not running Wasm).
WasmActivation* current_activation();
void set_current_activation(WasmActivation* a);
// Around host calls made from Wasm: faults in host code are not Wasm traps.
inline WasmActivation* leave_wasm() {
  WasmActivation* a = current_activation();
  set_current_activation(nullptr);
  return a;
}
inline void reenter_wasm(WasmActivation* a) { set_current_activation(a); }

}  // namespace wisp::runtime
