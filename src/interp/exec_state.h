// Execution state shared by the handlers, the driver and the runtime helpers.
#pragma once
#include <csetjmp>
#include <cstdint>
#include <memory>
#include <optional>

#include "gc/heap.h"
#include "interp/func_code.h"
#include "runtime/store_data.h"
#include "util/error.h"

namespace wisp::interp {

enum class TrapCode : uint8_t {
  none,
  unreachable,
  div_zero,
  int_overflow,
  invalid_conversion,
  memory_oob,
  table_oob,
  undefined_element,
  uninitialized_element,
  indirect_mismatch,
  null_func_ref,  // call_ref / return_call_ref on null
  null_ref,       // ref.as_non_null on null
  stack_exhausted,
  pending_error,  // st->error holds the Error (host function, translation failure)
  out_of_fuel,    // Store fuel ran out (EngineConfig::consume_fuel)
  interrupted,    // StoreData::interrupt was set (EngineConfig::interruptible)
  exception,      // a Wasm exception left this invoke() level uncaught (ExecState::exn)
  null_exception, // throw_ref of a null exnref
  gc_heap_limit,  // an allocation would exceed StoreLimits::max_gc_heap_bytes
  null_struct,    // GC: struct access through null
  null_array,     // GC: array access through null
  null_i31,       // GC: i31.get of null
  array_oob,      // GC: array index or range out of bounds
  cast_failure,   // GC: ref.cast failed
};

const char* trap_message(TrapCode code);

// Where a call returns to: IR (the interpreter dispatches it) or native code (a JIT's caller). One
// tagged word, so a call frame stays three words and the interpreter pushes and pops a plain pointer:
// IR addresses are 4-byte aligned and stored as they are; a native address is stored shifted left with
// the low bit set. The interpreter only pops IR returns: native code calling into the interpreter enters
// it below a frame that returns to an IR exit stub, as invoke() does (ExecStacks::exit_ir).
class ReturnAddress {
 public:
  ReturnAddress() = default;  // uninitialised: the call stack is allocated, not cleared
  static ReturnAddress ir(const uint32_t* ip) { return ReturnAddress(reinterpret_cast<uintptr_t>(ip)); }
  static ReturnAddress native(const void* pc) { return ReturnAddress((reinterpret_cast<uintptr_t>(pc) << 1) | 1); }
  bool is_native() const { return bits_ & 1; }
  const uint32_t* ir() const { return reinterpret_cast<const uint32_t*>(bits_); }  // when !is_native()
  const void* native() const { return reinterpret_cast<const void*>(bits_ >> 1); }

 private:
  explicit ReturnAddress(uintptr_t bits) : bits_(bits) {}
  uintptr_t bits_;
};

// One entry of the call stack: where to resume the caller.
struct CallFrame {
  ReturnAddress ret;
  char* fp;
  runtime::FuncInstance* func;  // the caller (nullptr for an invoke()'s entry frame)
};

// The store's value stack and call stack, shared by nested invoke() levels: the interpreter's
// runtime::TierStoreState (StoreData::stacks).
struct ExecStacks final : runtime::TierStoreState {
  ~ExecStacks() override;
  char* slots = nullptr;      // value stack (mmap'd, committed lazily by the OS)
  size_t slot_bytes = 0;
  char* sp = nullptr;         // first free byte: where the next invoke() level puts its frame
  CallFrame* calls = nullptr; // call stack
  size_t max_calls = 0;
  CallFrame* call_top = nullptr;  // first free call frame for the next invoke() level
  // Host functions re-entering Wasm nest invoke() levels on the native stack, so their depth is bounded
  // by native bytes, not frames: set at the outermost invoke() from the thread's real stack bounds
  // (executor.cc, native_stack_limit), checked by the nested ones.
  const char* native_base = nullptr;   // the outermost invoke()'s frame
  const char* native_limit = nullptr;
  uint32_t levels = 0;
  // Fixed when the stacks are made (invoke() reads them on every call instead of recomputing).
  char* slots_end = nullptr;          // slots + slot_bytes
  CallFrame* calls_limit = nullptr;   // calls + max_calls: the Wasm call depth bound (ExecState::cs_limit)
  CallFrame* entry_limit = nullptr;   // the last frames, kept for the entry frames of nested levels
  runtime::DispatchMode mode{};       // the store's engine's (every instance of a store shares it)
  const uint32_t* exit_ir = nullptr;  // an op_exit in that mode: the entry frame's return address
};

// Per-invoke() level execution state; handlers read and update it through a pointer.
struct ExecState {
  runtime::StoreData* store = nullptr;
  ExecStacks* stacks = nullptr;
  runtime::FuncInstance* func = nullptr;  // the running function
  runtime::InstanceData* inst = nullptr;  // its instance
  runtime::MemoryInstance* mem0 = nullptr;
  CallFrame* cs = nullptr;        // next free call frame
  CallFrame* cs_base = nullptr;   // this level's entry frame
  CallFrame* cs_limit = nullptr;
  char* stack_limit = nullptr;
  // Trap report.
  TrapCode trap = TrapCode::none;
  std::optional<Error> error;
  const uint32_t* trap_ip = nullptr;
  gc::ExnObject* exn = nullptr;  // TrapCode::exception: the exception
};

inline uint8_t* mem_base_of(const ExecState* st) { return st->mem0 ? st->mem0->base : nullptr; }

// Out-of-line helpers the handlers call (runtime_helpers.cc). Each returns TrapCode::none on success.
TrapCode call_host(ExecState* st, runtime::FuncInstance* f, char* args);
// Calls host function `f`'s callback; an exception it throws comes back as a trap Error (exceptions must
// not unwind through interpreter frames or out of the API).
Result<void> call_host_function(runtime::FuncInstance* f, runtime::HostContext& ctx, const runtime::Value* in,
                                runtime::Value* out);
runtime::FuncEntry* code_for_call(ExecState* st, runtime::FuncInstance* f);  // nullptr: st->error set
// Exceptions (exceptions.cc). new_exception: an exception of tag `tag_index` of the running instance with
// the payload at `payload` (the running function's frame is at `fp`), or nullptr at the GC heap limit. throw_exception: unwinds to the
// nearest handler of `exn` thrown at `ip` (in the running function, or from its caller's call site when
// `from_caller`, as for a tail-called host function): true with ip/fp at the landing and the state
// switched to its function, or false with st->trap = exception (the call stack left as it was).
gc::ExnObject* new_exception(ExecState* st, uint32_t tag_index, const char* payload, const char* fp);
bool throw_exception(ExecState* st, gc::ExnObject* exn, const uint32_t*& ip, char*& fp, bool from_caller);
// A host call failed with TrapCode::exception (a host function threw, or Wasm it called did not catch):
// throws st->exn at `ip` like throw_exception.
bool rethrow_from_host(ExecState* st, const uint32_t*& ip, char*& fp, bool from_caller);
// The same for the call handlers: ip/fp in and out by value (a handler that passed its own ip/fp by
// reference would keep them in memory throughout: +10 instructions per call in fib). {nullptr, nullptr}
// when the failure is no exception or nothing catches it.
struct Landing {
  const uint32_t* ip;
  char* fp;
};
[[gnu::cold, gnu::noinline]] Landing rethrow_landing(ExecState* st, const uint32_t* ip, char* fp, bool from_caller);
// The public exception of `exn` (tag handle and payload Vals), and an exception of this store made from
// one (nullptr if its tag belongs to another store).
std::shared_ptr<const Exception> public_exception(runtime::StoreData& store, const gc::ExnObject& exn);
gc::ExnObject* exn_from_public(ExecState* st, const Exception& e, const char* stack_hi);
TrapCode memory_fill(ExecState* st, uint32_t d, uint32_t val, uint32_t n);
TrapCode memory_copy(ExecState* st, uint32_t d, uint32_t s, uint32_t n);
TrapCode memory_init(ExecState* st, uint32_t seg, uint32_t d, uint32_t s, uint32_t n);
void data_drop(ExecState* st, uint32_t seg);
uint32_t memory_grow(ExecState* st, uint32_t delta);
// The same for memory `mem` of the running instance (any memory; the IR uses them for memories other
// than memory 0). Addresses and lengths are 64-bit, ready for 64-bit memories.
TrapCode memory_fill_x(ExecState* st, uint32_t mem, uint64_t d, uint32_t val, uint64_t n);
TrapCode memory_copy_x(ExecState* st, uint32_t dst_mem, uint32_t src_mem, uint64_t d, uint64_t s, uint64_t n);
TrapCode memory_init_x(ExecState* st, uint32_t seg, uint32_t mem, uint64_t d, uint32_t s, uint32_t n);
uint32_t memory_grow_x(ExecState* st, uint32_t mem, uint32_t delta);
uint64_t memory_grow64_x(ExecState* st, uint32_t mem, uint64_t delta);  // a 64-bit memory: -1 on failure
// Table indices and lengths are 64-bit, ready for 64-bit tables (table64).
TrapCode table_get(ExecState* st, uint32_t table, uint64_t i, uint64_t* out);
TrapCode table_set(ExecState* st, uint32_t table, uint64_t i, uint64_t v);
uint32_t table_size(ExecState* st, uint32_t table);
uint32_t table_grow(ExecState* st, uint32_t table, uint64_t init, uint32_t delta);
uint64_t table_grow64(ExecState* st, uint32_t table, uint64_t init, uint64_t delta);  // -1 on failure
// Fuel for the bulk operations, in proportion to their length (the memory/table helpers above charge it
// themselves; table.grow's handler calls this first): out_of_fuel, with the fuel at 0, when it cannot pay.
TrapCode charge_fuel(ExecState* st, uint64_t n, uint64_t per_unit);
TrapCode charge_table_grow(ExecState* st, uint64_t delta);
TrapCode table_fill(ExecState* st, uint32_t table, uint64_t i, uint64_t v, uint64_t n);
TrapCode table_copy(ExecState* st, uint32_t dt, uint32_t st_, uint64_t d, uint64_t s, uint64_t n);
TrapCode table_init(ExecState* st, uint32_t table, uint32_t seg, uint64_t d, uint32_t s, uint32_t n);
void elem_drop(ExecState* st, uint32_t seg);

// The element references of a segment for `inst` (function indices or constant expressions). An
// expression that fails to evaluate is an error, never a null reference.
Result<runtime::RefBits> elem_ref(runtime::InstanceData* inst, const wasm::ElemSegment& seg, size_t i);

// Runs IR from `ip` with frame `fp` until the entry frame returns or a trap (st->trap). `mode` must be
// the one the IR was built for (its module's EngineConfig::dispatch).
void run(runtime::DispatchMode mode, const uint32_t* ip, char* fp, ExecState* st);

}  // namespace wisp::interp
