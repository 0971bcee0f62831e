// Handler identities generated from handlers.def: ids, names, operand kinds, and the IR word of each.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "interp/operand_kinds.h"
#include "runtime/store_data.h"

namespace wisp::interp {

enum class HandlerId : uint16_t {
#define WISP_HANDLER(name, kinds, ...) name,
#include "interp/handlers.def"
#undef WISP_HANDLER
  count_
};

constexpr size_t kNumHandlers = size_t(HandlerId::count_);

struct HandlerInfo {
  std::string_view name;   // "op_i32_add_sss"
  std::string_view kinds;  // operand kinds, see handlers.def and interp/operand_kinds.h
  uint32_t words;          // instruction length in words (with a 'T' operand: up to its count word)
};

// Inline: the IR builder looks a handler up for every instruction it emits.
inline constexpr HandlerInfo kHandlerInfos[] = {
#define WISP_HANDLER(name, kinds, ...) {#name, kinds, instruction_words_up_to_table(kinds)},
#include "interp/handlers.def"
#undef WISP_HANDLER
};
static_assert(sizeof(kHandlerInfos) / sizeof(kHandlerInfos[0]) == kNumHandlers);

inline const HandlerInfo& handler_info(HandlerId id) { return kHandlerInfos[size_t(id)]; }
// The 8-byte word written in IR for a handler: its address (tail-call mode) or its id (loop mode; also
// for tail-call in a build without it, see runtime::DispatchMode).
uint64_t handler_word(HandlerId id, runtime::DispatchMode mode);
// The words of all handlers in one mode, indexed by HandlerId (for the IR builder: one load per emit).
const uint64_t* handler_words(runtime::DispatchMode mode);
// The handler of a word of either mode: ids are below kNumHandlers, handler addresses never are.
std::optional<HandlerId> handler_from_word(uint64_t word);
// Number of 4-byte words an instruction occupies, given its first word (br_table reads its count).
size_t instruction_words(const uint32_t* ip);

}  // namespace wisp::interp
