// LEB128: the one reader (with the spec's malformed-encoding rules) and the writers. The binary
// decoder's ByteReader and the body decoder (validate::FuncDecoder) both read through read_leb; they
// add their own inline one-byte fast paths and turn a status into their error messages.
#pragma once
#include <cstddef>
#include <cstdint>

namespace wisp::util {

enum class LebStatus : uint8_t {
  ok,
  eof,        // ran off `end` ("unexpected end")
  too_long,   // the last permitted byte has its continuation bit ("integer representation too long")
  too_large,  // the unused bits of the last byte are not zero / a sign extension ("integer too large")
};

// Reads a LEB128 of at most N bits (N <= 64) from [p, end), signed or not. On success stores the value
// (sign-extended when Signed) in `out` and advances p past it. On failure p is `end` (eof) or just
// past the offending byte (too_long, too_large), which is where the callers' error offsets come from.
template <unsigned N, bool Signed>
inline LebStatus read_leb(const uint8_t*& p, const uint8_t* end, uint64_t& out) {
  static_assert(N >= 1 && N <= 64);
  constexpr unsigned kMaxBytes = (N + 6) / 7;
  constexpr unsigned kUsed = N - 7 * (kMaxBytes - 1);  // value bits in the last permitted byte, 1..7
  uint64_t result = 0;
  unsigned shift = 0;
  for (unsigned i = 0;; ++i) {
    if (p >= end) return LebStatus::eof;
    uint8_t b = *p++;
    if (i == kMaxBytes - 1) {
      if (b & 0x80) return LebStatus::too_long;
      if constexpr (kUsed < 7) {
        if constexpr (Signed) {
          // The sign bit and the unused bits above it must all be equal.
          uint8_t high = uint8_t(b >> (kUsed - 1));
          if (high != 0 && high != uint8_t(0x7f >> (kUsed - 1))) return LebStatus::too_large;
        } else {
          if ((b >> kUsed) != 0) return LebStatus::too_large;
        }
      }
    }
    result |= uint64_t(b & 0x7f) << shift;
    shift += 7;
    if (!(b & 0x80)) {
      if constexpr (Signed)
        if (shift < 64 && (b & 0x40)) result |= ~uint64_t(0) << shift;
      out = result;
      return LebStatus::ok;
    }
  }
}

template <unsigned N>
inline LebStatus read_uleb(const uint8_t*& p, const uint8_t* end, uint64_t& out) {
  return read_leb<N, false>(p, end, out);
}

template <unsigned N>
inline LebStatus read_sleb(const uint8_t*& p, const uint8_t* end, int64_t& out) {
  uint64_t v = 0;
  LebStatus s = read_leb<N, true>(p, end, v);
  out = int64_t(v);
  return s;
}

// The spec interpreter's message for a failed read (nullptr for ok). eof has the caller's wording.
constexpr const char* leb_message(LebStatus s) {
  switch (s) {
    case LebStatus::too_long: return "integer representation too long";
    case LebStatus::too_large: return "integer too large";
    default: return nullptr;
  }
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
