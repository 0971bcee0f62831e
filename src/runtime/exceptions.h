// Exception objects of a store (exceptions proposal, DESIGN.md §9): allocation and reclamation.
// Exceptions are referenced by exnref values (their address) that may sit anywhere a reference can:
// interpreter slots, globals, tables, other exceptions' payloads. Until the GC of issue 16 owns them,
// a small mark-sweep collector reclaims them, run when the live count doubles: roots are the value
// stack in use (scanned conservatively: any word equal to a live exception's address keeps it, so an
// unlucky integer can only retain, never free), every exnref global and table of the store, and the
// payloads of marked exceptions. A program that throws and catches in a loop thus stays bounded.
#pragma once
#include <cstddef>
#include <cstdint>

#include "runtime/store_data.h"

namespace wisp::runtime {

// A new exception of `tag` with `payload_slots` payload words (left for the caller to fill). The
// conservative stack root range is [stack_lo, stack_hi) (empty when no Wasm runs).
ExnObject* new_exception(StoreData& store, TagInstance* tag, const char* stack_lo, const char* stack_hi);

// Payload slot count of a tag's exceptions.
size_t payload_slots(const TagInstance& tag);

}  // namespace wisp::runtime
