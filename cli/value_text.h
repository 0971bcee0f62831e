// Numbers on the command line: parsing `wisp run --invoke` arguments per parameter type and printing
// results in a form that parses back to the same bits. Header-only so the unit tests can include it.
#pragma once
#include <charconv>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace wisp::cli {

namespace value_text_detail {

// Digits with optional '_' separators between digits (as in the text format), in base 10 or 16.
inline std::optional<uint64_t> parse_digits(std::string_view s, unsigned base) {
  if (s.empty() || s.front() == '_' || s.back() == '_') return std::nullopt;
  uint64_t v = 0;
  bool prev_underscore = false;
  for (char c : s) {
    if (c == '_') {
      if (prev_underscore) return std::nullopt;
      prev_underscore = true;
      continue;
    }
    prev_underscore = false;
    unsigned d;
    if (c >= '0' && c <= '9') d = unsigned(c - '0');
    else if (base == 16 && c >= 'a' && c <= 'f') d = unsigned(c - 'a' + 10);
    else if (base == 16 && c >= 'A' && c <= 'F') d = unsigned(c - 'A' + 10);
    else return std::nullopt;
    if (v > (UINT64_MAX - d) / base) return std::nullopt;  // overflow
    v = v * base + d;
  }
  return v;
}

inline std::string strip_underscores(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '_') out += c;
  return out;
}

}  // namespace value_text_detail

// Parses an integer of `bits` (32 or 64) bits: decimal or 0x hex, optional sign, '_' separators. Both
// signed and unsigned ranges are accepted (-2^(bits-1) .. 2^bits - 1); returns the two's complement bits.
inline std::optional<uint64_t> parse_int(std::string_view s, unsigned bits) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  unsigned base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  }
  auto mag = value_text_detail::parse_digits(s, base);
  if (!mag) return std::nullopt;
  uint64_t max_unsigned = bits == 64 ? UINT64_MAX : (uint64_t{1} << bits) - 1;
  uint64_t max_neg = uint64_t{1} << (bits - 1);
  if (neg) {
    if (*mag > max_neg) return std::nullopt;
    return (uint64_t{0} - *mag) & max_unsigned;
  }
  if (*mag > max_unsigned) return std::nullopt;
  return *mag;
}

namespace value_text_detail {

// NaN and infinity spellings shared by f32 and f64: [+-]nan, [+-]nan:0xPAYLOAD, [+-]inf, [+-]infinity.
// Sets `payload` (0 = canonical) for NaNs. Returns false when `s` is none of these.
inline bool parse_special(std::string_view s, bool& neg, bool& is_nan, uint64_t& payload) {
  neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  is_nan = false;
  payload = 0;
  if (s == "inf" || s == "infinity") return true;
  if (s == "nan") {
    is_nan = true;
    return true;
  }
  if (s.size() > 6 && s.substr(0, 6) == "nan:0x") {
    auto p = parse_digits(s.substr(6), 16);
    if (!p || *p == 0) return false;
    is_nan = true;
    payload = *p;
    return true;
  }
  return false;
}

// Decimal or hex float text through strtof/strtod (correctly rounded), rejecting trailing junk.
template <typename F>
std::optional<F> parse_finite(std::string_view s) {
  std::string text = strip_underscores(s);
  if (text.empty()) return std::nullopt;
  char c = text[0] == '+' || text[0] == '-' ? (text.size() > 1 ? text[1] : '\0') : text[0];
  if (!(c >= '0' && c <= '9') && c != '.') return std::nullopt;  // no "nan"/"inf" here, no spaces
  char* end = nullptr;
  F v;
  if constexpr (sizeof(F) == 4) v = std::strtof(text.c_str(), &end);
  else v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return v;
}

}  // namespace value_text_detail

// Parses an f32 (decimal, hex float, inf, nan, nan:0xPAYLOAD) into its bits.
inline std::optional<uint32_t> parse_f32_bits(std::string_view s) {
  bool neg, is_nan;
  uint64_t payload;
  if (value_text_detail::parse_special(s, neg, is_nan, payload)) {
    if (is_nan && payload > 0x7fffff) return std::nullopt;
    uint32_t bits = is_nan ? 0x7f800000u | (payload ? uint32_t(payload) : 0x400000u) : 0x7f800000u;
    return bits | (neg ? 0x80000000u : 0u);
  }
  auto v = value_text_detail::parse_finite<float>(s);
  if (!v) return std::nullopt;
  uint32_t bits;
  std::memcpy(&bits, &*v, 4);
  return bits;
}

// Parses an f64 (decimal, hex float, inf, nan, nan:0xPAYLOAD) into its bits.
inline std::optional<uint64_t> parse_f64_bits(std::string_view s) {
  bool neg, is_nan;
  uint64_t payload;
  if (value_text_detail::parse_special(s, neg, is_nan, payload)) {
    if (is_nan && payload > 0xfffffffffffffull) return std::nullopt;
    uint64_t bits = is_nan ? 0x7ff0000000000000ull | (payload ? payload : 0x8000000000000ull) : 0x7ff0000000000000ull;
    return bits | (neg ? 0x8000000000000000ull : 0ull);
  }
  auto v = value_text_detail::parse_finite<double>(s);
  if (!v) return std::nullopt;
  uint64_t bits;
  std::memcpy(&bits, &*v, 8);
  return bits;
}

namespace value_text_detail {

template <typename F, typename Bits>
std::string format_float(Bits bits, Bits sign_bit, Bits payload_mask, Bits canonical_payload) {
  F v;
  std::memcpy(&v, &bits, sizeof v);
  std::string sign = (bits & sign_bit) ? "-" : "";
  if (std::isnan(v)) {
    Bits payload = bits & payload_mask;
    if (payload == canonical_payload) return sign + "nan";
    char buf[32];
    std::snprintf(buf, sizeof buf, "nan:0x%" PRIx64, static_cast<uint64_t>(payload));
    return sign + buf;
  }
  if (std::isinf(v)) return sign + "inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest text that reads back to the same value
  return std::string(buf, r.ptr);
}

}  // namespace value_text_detail

// Shortest round-trippable text of an f32: "1.5", "-0", "1e+30", "inf", "-nan", "nan:0x1".
inline std::string format_f32(uint32_t bits) {
  return value_text_detail::format_float<float, uint32_t>(bits, 0x80000000u, 0x7fffffu, 0x400000u);
}

// Shortest round-trippable text of an f64.
inline std::string format_f64(uint64_t bits) {
  return value_text_detail::format_float<double, uint64_t>(bits, 0x8000000000000000ull, 0xfffffffffffffull,
                                                           0x8000000000000ull);
}

}  // namespace wisp::cli
