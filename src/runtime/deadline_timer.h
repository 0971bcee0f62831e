// A process-wide deadline service for stores (wisp::Store::set_deadline).
//
// Why a timer thread and not a clock read in the interpreter: the limit check (op_check_i, emitted only
// for Config::interruptible) already polls StoreData::interrupt at function entry and loop headers; a
// deadline that sets that same flag when it expires keeps the hot path a single relaxed load, with no
// clock read per check. One lazily started thread serves every store of the process (a store without
// a deadline never touches it), sleeping until the earliest deadline.
//
// Lifetime: the thread sets a store's flag while holding the service's mutex, and cancel() takes the
// same mutex, so once cancel() returns the thread never touches that store again (~Store calls it).
#pragma once
#include <chrono>
#include <cstdint>

namespace wisp::runtime {

struct StoreData;

// Values of StoreData::interrupt: why the running guest must stop.
inline constexpr uint8_t kInterruptNone = 0;
inline constexpr uint8_t kInterruptRequested = 1;  // InterruptHandle::interrupt()
inline constexpr uint8_t kInterruptDeadline = 2;   // the store's deadline passed

namespace deadline_timer {

// Arms (or re-arms) `store`'s deadline: at `when` its interrupt flag becomes kInterruptDeadline. A
// deadline already past sets the flag at once, without the thread.
void arm(StoreData* store, std::chrono::steady_clock::time_point when);
// Disarms `store`'s deadline (no-op without one). After it returns, the service no longer refers to
// `store`.
void cancel(StoreData* store);

}  // namespace deadline_timer
}  // namespace wisp::runtime
