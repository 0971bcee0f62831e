// LEB128 reading with the spec's malformed-encoding checks (length and unused-bit rules).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>

namespace wisp::util {

// Reads an unsigned LEB128 of at most N bits from [p, end). Returns nullopt when truncated, too long,
// or when the unused bits of the last byte are not zero. Advances p on success.
template <unsigned N>
inline std::optional<uint64_t> read_uleb(const uint8_t*& p, const uint8_t* end) {
  constexpr unsigned max_bytes = (N + 6) / 7;
  uint64_t result = 0;
  unsigned shift = 0;
  for (unsigned i = 0; i < max_bytes; ++i) {
    if (p >= end) return std::nullopt;
    uint8_t b = *p++;
    if (i == max_bytes - 1) {
      // Last permitted byte: no continuation, and bits beyond N must be zero.
      if (b & 0x80) return std::nullopt;
      unsigned used = N - shift;
      if (used < 7 && (b >> used) != 0) return std::nullopt;
    }
    result |= uint64_t(b & 0x7f) << shift;
    if (!(b & 0x80)) return result;
    shift += 7;
  }
  return std::nullopt;
}

// Reads a signed LEB128 of at most N bits. The unused bits of the last byte must be a sign extension.
template <unsigned N>
inline std::optional<int64_t> read_sleb(const uint8_t*& p, const uint8_t* end) {
  constexpr unsigned max_bytes = (N + 6) / 7;
  uint64_t result = 0;
  unsigned shift = 0;
  for (unsigned i = 0; i < max_bytes; ++i) {
    if (p >= end) return std::nullopt;
    uint8_t b = *p++;
    if (i == max_bytes - 1) {
      if (b & 0x80) return std::nullopt;
      unsigned used = N - shift;  // bits of the value still to come, 1..7
      if (used < 7) {
        // Bits [used-1 .. 6] must all equal the sign bit.
        int8_t sb = int8_t(uint8_t(b << 1)) >> 1;  // sign-extend 7-bit payload
        int8_t expect = int8_t(uint8_t(sb << (8 - used))) >> (8 - used);
        if (sb != expect) return std::nullopt;
      }
    }
    result |= uint64_t(b & 0x7f) << shift;
    shift += 7;
    if (!(b & 0x80)) {
      if (shift < 64 && (b & 0x40)) result |= ~uint64_t(0) << shift;
      return int64_t(result);
    }
  }
  return std::nullopt;
}

// Appends LEB128 encodings (used by the binary encoder and tests).
template <typename Out>
inline void write_uleb(Out& out, uint64_t v) {
  do {
    uint8_t b = v & 0x7f;
    v >>= 7;
    if (v) b |= 0x80;
    out.push_back(b);
  } while (v);
}

template <typename Out>
inline void write_sleb(Out& out, int64_t v) {
  bool more = true;
  while (more) {
    uint8_t b = v & 0x7f;
    v >>= 7;  // arithmetic shift
    if ((v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40))) more = false;
    else b |= 0x80;
    out.push_back(b);
  }
}

}  // namespace wisp::util
