#include <atomic>

#include "api/internal.h"
#include "runtime/deadline_timer.h"
#include "wisp/store.h"

namespace wisp {

// InterruptHandle::interrupt (inline in the public header) stores this value.
static_assert(runtime::kInterruptRequested == 1);

namespace {
std::atomic<uint64_t> next_store_id{1};  // ids are never reused, so stale handles never match

runtime::StoreLimits to_runtime(const StoreLimits& l) {
  runtime::StoreLimits r;
  r.max_memory_pages = l.max_memory_pages;
  r.max_table_elements = l.max_table_elements;
  r.max_value_stack_bytes = l.max_value_stack_bytes;
  r.max_call_depth = l.max_call_depth;
  r.max_instances = l.max_instances;
  r.max_gc_heap_bytes = l.max_gc_heap_bytes;
  return r;
}
}  // namespace

Store::Store(const Engine& engine)
    : engine_(engine), data_(std::make_unique<runtime::StoreData>()), id_(next_store_id.fetch_add(1)) {
  data_->types = engine.impl()->types;
  data_->config = engine.impl()->runtime_config;
  data_->limits = to_runtime(limits_);
  data_->fuel_enabled = engine.config().consume_fuel;
  data_->interrupt_checks = engine.config().interruptible;
  data_->host_data = this;
  data_->make_gc_heap = &gc::heap_state_of;
  data_->id = id_;
}

Result<Val> Store::extern_to_any(const Val& externref) {
  if (externref.kind() != ValKind::externref) return Error::usage("extern_to_any needs an externref");
  if (externref.is_null()) return Val::null(ValKind::anyref);
  uint64_t bits = gc::heap_of(*data_).internalize(detail::to_value(externref).ref(), {});
  if (bits == 0) return Error::trap(gc::kHeapLimitMessage);
  return detail::to_val(ValKind::anyref, runtime::Value::from_ref(bits), *data_);
}

Result<Val> Store::any_to_extern(const Val& anyref) {
  if (!anyref.is_gc_ref()) return Error::usage("any_to_extern needs a reference of the any hierarchy");
  if (anyref.is_null()) return Val::null(ValKind::externref);
  if (!anyref.as_i31() && anyref.store_id() != id_) return detail::wrong_store();
  uint64_t bits = gc::heap_of(*data_).externalize(detail::to_value(anyref).ref(), {});
  if (bits == 0) return Error::trap(gc::kHeapLimitMessage);
  return detail::to_val(ValKind::externref, runtime::Value::from_ref(bits), *data_);
}

uint64_t Store::gc_heap_bytes() const {
  return data_->gc_heap ? static_cast<const gc::Heap&>(*data_->gc_heap).stats().live_bytes : 0;
}

GcStats Store::gc_stats() const {
  GcStats r;
  if (!data_->gc_heap) return r;
  const gc::HeapStats& h = static_cast<const gc::Heap&>(*data_->gc_heap).stats();
  r.live_bytes = h.live_bytes;
  r.live_objects = h.live_objects;
  r.heap_bytes = h.chunk_bytes + h.large_bytes;
  r.allocated_bytes = h.allocated_bytes;
  r.collections = h.collections;
  r.freed_objects = h.freed_objects;
  r.total_pause_ns = h.total_pause_ns;
  r.max_pause_ns = h.max_pause_ns;
  return r;
}

Store::~Store() {
  if (has_deadline_) runtime::deadline_timer::cancel(data_.get());
}

void Store::set_limits(const StoreLimits& limits) {
  limits_ = limits;
  data_->limits = to_runtime(limits);
}

Result<void> Store::set_fuel(uint64_t fuel) {
  if (!engine_.config().consume_fuel) return Error::usage("fuel is not enabled (Config::consume_fuel)");
  data_->fuel = fuel;
  return {};
}

Result<uint64_t> Store::get_fuel() const {
  if (!engine_.config().consume_fuel) return Error::usage("fuel is not enabled (Config::consume_fuel)");
  return data_->fuel;
}

InterruptHandle Store::interrupt_handle() { return InterruptHandle(&data_->interrupt); }

std::optional<Error> Store::pending_interrupt() const {
  if (!data_->interrupt_checks) return std::nullopt;
  switch (data_->interrupt.load(std::memory_order_relaxed)) {
    case runtime::kInterruptNone: return std::nullopt;
    case runtime::kInterruptDeadline: return Error::trap("deadline exceeded");
    default: return Error::trap("interrupted");
  }
}

void Store::clear_interrupt() { data_->interrupt.store(runtime::kInterruptNone, std::memory_order_relaxed); }

Result<void> Store::set_deadline(std::chrono::steady_clock::time_point when) {
  if (!engine_.config().interruptible)
    return Error::usage("deadlines are not enabled (Config::interruptible)");
  // Disarm the old deadline first so it cannot fire after the flag is reset below; then withdraw an
  // expired one (arm() sets the flag again at once for a past `when`). An interrupt() request stays.
  if (has_deadline_) runtime::deadline_timer::cancel(data_.get());
  has_deadline_ = true;
  uint8_t expired = runtime::kInterruptDeadline;
  data_->interrupt.compare_exchange_strong(expired, runtime::kInterruptNone, std::memory_order_relaxed);
  runtime::deadline_timer::arm(data_.get(), when);
  return {};
}

Result<void> Store::set_timeout(std::chrono::nanoseconds timeout) {
  using Clock = std::chrono::steady_clock;
  // Clamp so now + timeout cannot overflow (a century is "never" for a store).
  constexpr std::chrono::nanoseconds kMax = std::chrono::hours(24 * 365 * 100);
  if (timeout > kMax) timeout = kMax;
  return set_deadline(Clock::now() + std::chrono::duration_cast<Clock::duration>(timeout));
}

void Store::clear_deadline() {
  if (!has_deadline_) return;
  runtime::deadline_timer::cancel(data_.get());
  uint8_t expired = runtime::kInterruptDeadline;
  data_->interrupt.compare_exchange_strong(expired, runtime::kInterruptNone, std::memory_order_relaxed);
}

Store* Store::from_internal(runtime::StoreData& data) { return static_cast<Store*>(data.host_data); }

}  // namespace wisp
