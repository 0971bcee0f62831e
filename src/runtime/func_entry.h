// A function's compiled form as every caller sees it, whichever tier built it (DESIGN.md §2 "Frame",
// §10 "Same frames"): its frame layout and its entry points. FuncInstance::entry publishes it; the
// interpreter's FuncCode extends it with the IR, and JIT code will publish its own.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "wasm/types.h"

namespace wisp::runtime {

// A function's frame: a contiguous run of 8-byte slots in the store's value stack,
// [params | locals | temporaries]. A v128 takes two slots. Params and declared locals take consecutive
// slots in index order (assign_local_slots); the compiler packs its temporaries above them and sets
// frame_slots. Results are written at slot 0.. on return. The interpreter and the JIT share it, so a
// function's frame means the same in both tiers (tier-up between calls, OSR at loop headers).
struct FrameLayout {
  static constexpr uint32_t kSlotBytes = 8;

  uint32_t num_params = 0;   // parameter slots
  uint32_t num_locals = 0;   // declared (non-parameter) local slots, zeroed on entry
  uint32_t num_results = 0;  // result slots
  uint32_t frame_slots = 0;  // params + locals + temporaries (>= num_results)

  static constexpr uint32_t slot_offset(uint32_t slot) { return slot * kSlotBytes; }
  uint64_t frame_bytes() const { return uint64_t(frame_slots) * kSlotBytes; }
  // The locals zeroed on entry: byte offset from the frame start, and size.
  size_t locals_offset() const { return size_t(num_params) * kSlotBytes; }
  size_t locals_bytes() const { return size_t(num_locals) * kSlotBytes; }

  // The layout of params and locals of a function: the slot of each local index (params first) in
  // `slots`, and num_params / num_locals / num_results. frame_slots counts no temporaries yet.
  static FrameLayout of_locals(const wasm::FuncType& type, std::span<const wasm::ValType> locals,
                               std::vector<uint32_t>& slots) {
    FrameLayout f;
    uint32_t slot = 0;
    for (wasm::ValType t : type.params) {
      slots.push_back(slot);
      slot += t.slots();
    }
    f.num_params = slot;
    for (wasm::ValType t : locals) {
      slots.push_back(slot);
      slot += t.slots();
    }
    f.num_locals = slot - f.num_params;
    for (wasm::ValType t : type.results) f.num_results += t.slots();
    f.frame_slots = slot;
    return f;
  }
};

// Which tier built a FuncEntry.
enum class Tier : uint8_t { interp, jit };

// What a caller needs to enter a compiled function. Each caller uses the entry point of its own kind,
// so neither the interpreter's call path nor JIT code tests the tier: a function compiled by the JIT
// gets an interp_entry that transfers to its machine code, and an interpreted one can get a
// native_entry that enters the interpreter.
struct FuncEntry {
  FrameLayout frame;
  Tier tier = Tier::interp;
  // The IR the interpreter dispatches to enter the function (set once the IR is final).
  const uint32_t* interp_entry = nullptr;
  // Machine code for native callers; nullptr until a JIT publishes one.
  std::atomic<const void*> native_entry{nullptr};
};

}  // namespace wisp::runtime
