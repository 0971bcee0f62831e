#include "interp/handler_table.h"

#include <array>
#include <cstring>
#include <unordered_map>

namespace wisp::interp {

static_assert(kNumHandlers < 4096, "handler ids must stay below any handler address");

std::optional<HandlerId> handler_from_word(uint64_t word) {
  if (word < kNumHandlers) return HandlerId(word);  // loop mode
  static const std::unordered_map<uint64_t, HandlerId> by_word = [] {
    std::unordered_map<uint64_t, HandlerId> m;
    if constexpr (runtime::kTailcallCompiledIn) {
      for (size_t i = 0; i < kNumHandlers; ++i)
        m.emplace(handler_word(HandlerId(i), runtime::DispatchMode::tailcall), HandlerId(i));
    }
    return m;
  }();
  auto it = by_word.find(word);
  if (it == by_word.end()) return std::nullopt;
  return it->second;
}

const uint64_t* handler_words(runtime::DispatchMode mode) {
  static const auto tables = [] {
    std::array<std::array<uint64_t, kNumHandlers>, 2> t{};
    for (auto m : {runtime::DispatchMode::tailcall, runtime::DispatchMode::loop})
      for (size_t i = 0; i < kNumHandlers; ++i) t[size_t(m)][i] = handler_word(HandlerId(i), m);
    return t;
  }();
  return tables[size_t(mode)].data();
}

size_t instruction_words(const uint32_t* ip) {
  uint64_t w;
  std::memcpy(&w, ip, 8);
  auto id = handler_from_word(w);
  if (!id) return kHandlerWords;
  return for_each_operand(ip, handler_info(*id).kinds, [](char, const uint32_t*) {});
}

}  // namespace wisp::interp
