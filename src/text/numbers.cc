#include "text/numbers.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

namespace wisp::text {

namespace {

int digit_val(char c, bool hex) {
  if (c >= '0' && c <= '9') return c - '0';
  if (!hex) return -1;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Length of a digit run with single `_` separators at the start of s (0 if none or badly placed `_`).
size_t digit_run(std::string_view s, bool hex) {
  size_t i = 0;
  if (s.empty() || digit_val(s[0], hex) < 0) return 0;
  while (i < s.size()) {
    if (digit_val(s[i], hex) >= 0) {
      ++i;
    } else if (s[i] == '_' && i + 1 < s.size() && digit_val(s[i + 1], hex) >= 0) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

// Parses a whole unsigned digit string (with `_`); sets overflow when it exceeds 64 bits.
bool parse_digits(std::string_view s, bool hex, uint64_t& out, bool& overflow) {
  if (digit_run(s, hex) != s.size()) return false;
  uint64_t base = hex ? 16 : 10;
  out = 0;
  overflow = false;
  for (char c : s) {
    if (c == '_') continue;
    uint64_t d = uint64_t(digit_val(c, hex));
    if (out > (UINT64_MAX - d) / base) overflow = true;
    out = out * base + d;
  }
  return true;
}

NumResult parse_unsigned_body(std::string_view s, uint64_t& v, bool& overflow) {
  bool hex = s.size() > 2 && s[0] == '0' && s[1] == 'x';
  if (!parse_digits(hex ? s.substr(2) : s, hex, v, overflow)) return {NumStatus::malformed, 0};
  return {NumStatus::ok, 0};
}

std::string strip_underscores(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '_') out.push_back(c);
  return out;
}

// Checks the float syntax (after the sign) for decimal or hex; returns false if malformed.
bool valid_float_syntax(std::string_view s, bool hex) {
  size_t n = digit_run(s, hex);
  if (n == 0) return false;
  s = s.substr(n);
  if (!s.empty() && s[0] == '.') {
    s = s.substr(1);
    s = s.substr(digit_run(s, hex));
  }
  if (s.empty()) return true;
  char e = s[0];
  if (hex ? (e != 'p' && e != 'P') : (e != 'e' && e != 'E')) return false;
  s = s.substr(1);
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s = s.substr(1);
  size_t m = digit_run(s, false);
  return m != 0 && m == s.size();
}

template <typename F, typename U, unsigned kMantBits, unsigned kTotalBits>
NumResult parse_float(std::string_view text) {
  bool neg = false;
  std::string_view s = text;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s = s.substr(1);
  }
  const U sign = neg ? U(1) << (kTotalBits - 1) : 0;
  const U exp_mask = ((U(1) << (kTotalBits - 1)) - 1) & ~((U(1) << kMantBits) - 1);
  if (s == "inf") return {NumStatus::ok, uint64_t(sign | exp_mask)};
  if (s == "nan") return {NumStatus::ok, uint64_t(sign | exp_mask | (U(1) << (kMantBits - 1)))};
  if (s.substr(0, 4) == "nan:") {
    std::string_view p = s.substr(4);
    if (p.size() < 3 || p[0] != '0' || p[1] != 'x') return {NumStatus::malformed, 0};
    uint64_t v;
    bool overflow;
    if (!parse_digits(p.substr(2), true, v, overflow)) return {NumStatus::malformed, 0};
    if (overflow || v == 0 || v >= (uint64_t(1) << kMantBits)) return {NumStatus::out_of_range, 0};
    return {NumStatus::ok, uint64_t(sign | exp_mask | U(v))};
  }
  bool hex = s.size() > 2 && s[0] == '0' && s[1] == 'x';
  if (!valid_float_syntax(hex ? s.substr(2) : s, hex)) return {NumStatus::malformed, 0};
  std::string buf = strip_underscores(s);
  F f;
  if constexpr (sizeof(F) == 4) f = std::strtof(buf.c_str(), nullptr);
  else f = std::strtod(buf.c_str(), nullptr);
  if (std::isinf(f)) return {NumStatus::out_of_range, 0};
  U bits;
  std::memcpy(&bits, &f, sizeof bits);
  return {NumStatus::ok, uint64_t(bits | sign)};
}

}  // namespace

NumResult parse_uint(std::string_view text, unsigned bits) {
  uint64_t v;
  bool overflow;
  NumResult r = parse_unsigned_body(text, v, overflow);
  if (!r.ok()) return r;
  if (overflow || (bits < 64 && v >> bits)) return {NumStatus::out_of_range, 0};
  return {NumStatus::ok, v};
}

NumResult parse_int(std::string_view text, unsigned bits) {
  bool neg = false;
  std::string_view s = text;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s = s.substr(1);
  }
  uint64_t v;
  bool overflow;
  NumResult r = parse_unsigned_body(s, v, overflow);
  if (!r.ok()) return r;
  if (overflow) return {NumStatus::out_of_range, 0};
  uint64_t mask = bits == 64 ? UINT64_MAX : (uint64_t(1) << bits) - 1;
  if (neg) {
    if (v > (uint64_t(1) << (bits - 1))) return {NumStatus::out_of_range, 0};
    return {NumStatus::ok, (0 - v) & mask};
  }
  if (v > mask) return {NumStatus::out_of_range, 0};
  return {NumStatus::ok, v};
}

NumResult parse_f32(std::string_view text) { return parse_float<float, uint32_t, 23, 32>(text); }
NumResult parse_f64(std::string_view text) { return parse_float<double, uint64_t, 52, 64>(text); }

bool looks_numeric(std::string_view t) {
  if (t.empty()) return false;
  if (t[0] == '+' || t[0] == '-') t = t.substr(1);
  if (t.empty()) return false;
  return (t[0] >= '0' && t[0] <= '9') || t.substr(0, 3) == "inf" || t.substr(0, 3) == "nan";
}

}  // namespace wisp::text
