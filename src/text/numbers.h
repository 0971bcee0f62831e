// Numeric literals of the text format: integers with `_` separators, hex/decimal floats, inf, nan payloads.
#pragma once
#include <cstdint>
#include <string_view>

namespace wisp::text {

enum class NumStatus : uint8_t { ok, malformed, out_of_range };

struct NumResult {
  NumStatus status = NumStatus::malformed;
  uint64_t bits = 0;  // integers: two's complement masked to the width; floats: the IEEE bit pattern
  bool ok() const { return status == NumStatus::ok; }
};

// An unsigned literal (no sign) that fits in `bits` bits: indices, offsets, alignments, limits.
NumResult parse_uint(std::string_view text, unsigned bits);
// An integer constant of `bits` width (8..64): accepts -2^(bits-1) .. 2^bits-1.
NumResult parse_int(std::string_view text, unsigned bits);
// Float constants; the result is the bit pattern, correctly rounded (ties to even).
NumResult parse_f32(std::string_view text);
NumResult parse_f64(std::string_view text);
// True if the text starts like a number (sign or digit, or inf/nan): for error messages only.
bool looks_numeric(std::string_view text);

}  // namespace wisp::text
