// The operand layout of an IR instruction, derived from its handler's kinds string (handlers.def) and
// nowhere else (DESIGN.md §2): the handler bodies' operand positions and instruction length
// (dispatch_body.h), the builder's emitter (IrBuilder::emit), instruction_words() and the printer.
#pragma once
#include <cstdint>
#include <string_view>

namespace wisp::interp {

// Every instruction starts with an 8-byte handler word (two 4-byte words), followed by its operands.
inline constexpr uint32_t kHandlerWords = 2;

// Operand kinds, one character each in a kinds string:
//   s slot byte offset from fp      i 32-bit immediate        I 64-bit immediate (2 words)
//   b branch offset (words, relative to the instruction start)   x index   o memory offset
//   T br_table: a count word, then count + 1 branch offsets (variable length; last operand only)
// Words a fixed-size kind occupies (for 'T': its count word only); 0 for an unknown character.
constexpr uint32_t kind_words(char k) {
  switch (k) {
    case 's': case 'i': case 'b': case 'x': case 'o': case 'T': return 1;
    case 'I': return 2;
    default: return 0;
  }
}

// Not constexpr on purpose: reaching it in a constant evaluation is the compile error (its name is the
// message) for a handler body that reads an operand its kinds string does not declare.
void operand_kind_does_not_match_kinds_string();
void variable_length_instruction_has_no_fixed_length();

// Word position, from the instruction start, of operand `k` (index into `kinds`), which must be one of
// the kinds in `allowed`. Evaluated at compile time in handler bodies (WISP_OPD and friends).
consteval uint32_t operand_pos(std::string_view kinds, uint32_t k, std::string_view allowed) {
  if (k >= kinds.size() || allowed.find(kinds[k]) == std::string_view::npos)
    operand_kind_does_not_match_kinds_string();
  uint32_t pos = kHandlerWords;
  for (uint32_t i = 0; i < k; ++i) pos += kind_words(kinds[i]);
  return pos;
}

// Length in words of an instruction with these operand kinds: what a handler advances ip by.
consteval uint32_t fixed_instruction_words(std::string_view kinds) {
  uint32_t n = kHandlerWords;
  for (char k : kinds) {
    if (k == 'T' || kind_words(k) == 0) variable_length_instruction_has_no_fixed_length();
    n += kind_words(k);
  }
  return n;
}

// Length in words of an instruction with these operand kinds, up to a 'T' operand's count word.
constexpr uint32_t instruction_words_up_to_table(std::string_view kinds) {
  uint32_t n = kHandlerWords;
  for (char k : kinds) n += kind_words(k);
  return n;
}

// Whether a kinds string is well formed: known kinds, 'T' only last.
constexpr bool valid_kinds(std::string_view kinds) {
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (kind_words(kinds[i]) == 0) return false;
    if (kinds[i] == 'T' && i + 1 != kinds.size()) return false;
  }
  return true;
}

static_assert(operand_pos("sIs", 2, "s") == 5 && instruction_words_up_to_table("sIs") == 6);
static_assert(fixed_instruction_words("ssio") == 6 && instruction_words_up_to_table("sT") == 4);
static_assert(valid_kinds("sxxs") && !valid_kinds("Ts") && !valid_kinds("sq"));

// Walks the operands of the instruction at `ip`: f(kind, words of the operand) for each, where `words`
// points at its first word ('T': the count, then the targets). Returns the instruction's length in words.
template <typename F>
uint32_t for_each_operand(const uint32_t* ip, std::string_view kinds, F&& f) {
  uint32_t n = kHandlerWords;
  for (char k : kinds) {
    f(k, ip + n);
    n += k == 'T' ? 1 + (ip[n] + 1) : kind_words(k);
  }
  return n;
}

}  // namespace wisp::interp
