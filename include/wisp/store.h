// wisp public API: Store, the owner of every runtime object (instances, functions, memories, tables,
// globals), with its limits, fuel and interrupt flag. Single-threaded: use a store from one thread at
// a time (the interrupt handle excepted).
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

#include "wisp/engine.h"
#include "wisp/error.h"
#include "wisp/val.h"

namespace wisp::runtime {
struct StoreData;
}

namespace wisp {

// The GC heap of a store (Store::gc_stats): what it holds and what its collections cost. All zero until
// the store's first GC allocation.
struct GcStats {
  uint64_t live_bytes = 0;       // objects allocated and not yet collected
  uint64_t live_objects = 0;
  uint64_t heap_bytes = 0;       // memory the heap holds: its chunks (used or not) and its large objects
  uint64_t allocated_bytes = 0;  // in total, since the store was made
  uint64_t collections = 0;
  uint64_t freed_objects = 0;    // in total
  uint64_t total_pause_ns = 0;   // time spent in collections (the program stops for each)
  uint64_t max_pause_ns = 0;     // the longest collection
};

// Resource limits of one store. Exceeding one makes the operation fail (grow returns an error / -1 to
// the guest, instantiation fails) or traps ("call stack exhausted").
struct StoreLimits {
  // Per memory, in 64 KiB pages: 16 GiB (V8's bound for 64-bit memories); a 32-bit memory stops at
  // 4 GiB anyway. Address space is reserved up to the effective maximum, memory committed on growth.
  uint64_t max_memory_pages = 262'144;
  uint64_t max_table_elements = 10'000'000;   // per table
  uint64_t max_value_stack_bytes = 64ull << 20;
  uint32_t max_call_depth = 50'000;
  uint32_t max_instances = 10'000;
  // GC objects (structs, arrays, exceptions) of the store: an allocation beyond it traps with
  // "allocation failed: GC heap limit" (after a collection).
  uint64_t max_gc_heap_bytes = 1ull << 30;
};

// Lets another thread stop the guest running in a store (it traps with "interrupted" at the next
// check; needs Config::interruptible). Valid while the store lives.
class InterruptHandle {
 public:
  void interrupt() const { flag_->store(1, std::memory_order_relaxed); }  // runtime::kInterruptRequested

 private:
  friend class Store;
  explicit InterruptHandle(std::atomic<uint8_t>* flag) : flag_(flag) {}
  std::atomic<uint8_t>* flag_;
};

class Store {
 public:
  explicit Store(const Engine& engine);
  ~Store();
  // A store owns objects that point back to it: it never moves.
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const Engine& engine() const { return engine_; }

  void set_limits(const StoreLimits& limits);
  const StoreLimits& limits() const { return limits_; }

  // Fuel (needs Config::consume_fuel, else a Usage error): the amount left before execution traps
  // with "all fuel consumed".
  Result<void> set_fuel(uint64_t fuel);
  Result<uint64_t> get_fuel() const;

  InterruptHandle interrupt_handle();
  // The trap a guest of this store would stop with now ("interrupted" or "deadline exceeded") when an
  // interrupt is pending and the engine is interruptible; nullopt otherwise. Host functions that block
  // (WASI's poll_oneoff, reads from pipes) check it so a sleeping guest stops as promptly as a running one.
  std::optional<Error> pending_interrupt() const;
  // Clears a pending interrupt (requested or from a passed deadline) so the store can run again.
  void clear_interrupt();

  // Deadline (needs Config::interruptible, else a Usage error; the checks are those of interrupts, so
  // an engine without it pays nothing): once `when` has passed, running guests trap with "deadline
  // exceeded" at their next check (function entry, call, loop back-edge), and so does any later call
  // until the deadline is cleared or replaced. A deadline already past traps at the first check. Setting
  // a deadline withdraws an expired one (not an interrupt() request). One deadline per store; a
  // process-wide timer thread, started on first use, serves every store.
  Result<void> set_deadline(std::chrono::steady_clock::time_point when);
  // set_deadline(now + timeout).
  Result<void> set_timeout(std::chrono::nanoseconds timeout);
  // Removes the deadline, pending or expired, so the store can run again (no-op without one).
  void clear_deadline();

  // any.convert_extern / extern.convert_any for the host: an anyref holding the externref (or null), and
  // the externref of an anyref (for one made by extern_to_any, the original externref). Allocation may
  // fail at the GC heap limit (a Trap error).
  Result<Val> extern_to_any(const Val& externref);
  Result<Val> any_to_extern(const Val& anyref);
  // Bytes of GC objects allocated and not yet collected.
  uint64_t gc_heap_bytes() const;
  // The GC heap's figures: sizes, collections and their pause times.
  GcStats gc_stats() const;

  // An opaque pointer for the embedder (host functions reach it through Caller::data()).
  void set_data(void* data) { user_data_ = data; }
  void* data() const { return user_data_; }

  // Unique id of this store (never reused in a process); handles carry it.
  uint64_t id() const { return id_; }

  // Internal: the runtime data.
  runtime::StoreData& data_internal() { return *data_; }
  const runtime::StoreData& data_internal() const { return *data_; }
  // Internal: the store owning `data` (from runtime::StoreData::host_data).
  static Store* from_internal(runtime::StoreData& data);
  // Internal: the WASI state the store owns (Wasi::attach in wisp/wasi.h; opaque here, WASI being a
  // layer above the store). Destroyed with the store.
  void* wasi_internal() const { return wasi_.get(); }
  void set_wasi_internal(std::shared_ptr<void> wasi) { wasi_ = std::move(wasi); }

 private:
  Engine engine_;
  std::unique_ptr<runtime::StoreData> data_;
  StoreLimits limits_;
  uint64_t id_ = 0;
  void* user_data_ = nullptr;
  bool has_deadline_ = false;  // registered with the timer service at some point (~Store cancels)
  std::shared_ptr<void> wasi_;
};

}  // namespace wisp
