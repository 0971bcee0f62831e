// Comparison of actual results with the expected values of WAST `assert_return` (bit-exact, with NaN
// patterns and v128 lane shapes), and their display. Header-only so the unit tests can include it.
#pragma once
#include <cinttypes>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "text/wast.h"
#include "wisp/val.h"

namespace wisp::cli {

// An actual value as the runner got it from the API, reduced to kind + bits.
struct GotValue {
  enum class Kind : uint8_t { i32, i64, f32, f64, v128, funcref, externref, anyref, exnref };
  Kind kind = Kind::i32;
  uint8_t bytes[16] = {};  // little-endian bits; externref: the 64-bit host value in bytes[0..8]
  bool is_null = false;    // references only
  AnyRefKind any = AnyRefKind::null;  // anyref: what it holds (host: the host value in bytes[0..8])

  static GotValue bits32(Kind k, uint32_t v) { GotValue g; g.kind = k; std::memcpy(g.bytes, &v, 4); return g; }
  static GotValue bits64(Kind k, uint64_t v) { GotValue g; g.kind = k; std::memcpy(g.bytes, &v, 8); return g; }
  static GotValue ref(Kind k, bool null, uint64_t host = 0) {
    GotValue g = bits64(k, host);
    g.is_null = null;
    return g;
  }
  uint32_t u32(int lane = 0) const { uint32_t v; std::memcpy(&v, bytes + 4 * lane, 4); return v; }
  uint64_t u64(int lane = 0) const { uint64_t v; std::memcpy(&v, bytes + 8 * lane, 8); return v; }
};

namespace match_detail {

inline uint32_t load32(const uint8_t* p) { uint32_t v; std::memcpy(&v, p, 4); return v; }
inline uint64_t load64(const uint8_t* p) { uint64_t v; std::memcpy(&v, p, 8); return v; }

}  // namespace match_detail

// nan:canonical is the canonical NaN of either sign; nan:arithmetic any NaN with the quiet bit set.
inline bool f32_matches(uint32_t got, uint32_t want, text::NanPattern nan) {
  switch (nan) {
    case text::NanPattern::canonical: return (got & 0x7fffffffu) == 0x7fc00000u;
    case text::NanPattern::arithmetic: return (got & 0x7fc00000u) == 0x7fc00000u;
    case text::NanPattern::none: break;
  }
  return got == want;
}

inline bool f64_matches(uint64_t got, uint64_t want, text::NanPattern nan) {
  switch (nan) {
    case text::NanPattern::canonical: return (got & 0x7fffffffffffffffull) == 0x7ff8000000000000ull;
    case text::NanPattern::arithmetic: return (got & 0x7ff8000000000000ull) == 0x7ff8000000000000ull;
    case text::NanPattern::none: break;
  }
  return got == want;
}

// Whether `got` satisfies the expected value `want` of an assert_return.
inline bool value_matches(const text::WastValue& want, const GotValue& got) {
  using WK = text::WastValue::Kind;
  using GK = GotValue::Kind;
  switch (want.kind) {
    case WK::i32: return got.kind == GK::i32 && got.u32() == match_detail::load32(want.bytes);
    case WK::i64: return got.kind == GK::i64 && got.u64() == match_detail::load64(want.bytes);
    case WK::f32: return got.kind == GK::f32 && f32_matches(got.u32(), match_detail::load32(want.bytes), want.nan);
    case WK::f64: return got.kind == GK::f64 && f64_matches(got.u64(), match_detail::load64(want.bytes), want.nan);
    case WK::v128: {
      if (got.kind != GK::v128) return false;
      if (want.lanes_float && want.lane_bits == 32) {
        for (int i = 0; i < 4; ++i)
          if (!f32_matches(got.u32(i), match_detail::load32(want.bytes + 4 * i), want.lane_nan[i])) return false;
        return true;
      }
      if (want.lanes_float && want.lane_bits == 64) {
        for (int i = 0; i < 2; ++i)
          if (!f64_matches(got.u64(i), match_detail::load64(want.bytes + 8 * i), want.lane_nan[i])) return false;
        return true;
      }
      // Integer shapes: all 128 bits, whatever the lane width.
      return std::memcmp(got.bytes, want.bytes, 16) == 0;
    }
    case WK::ref_null: {
      if (!got.is_null) return false;
      bool ref = got.kind == GK::funcref || got.kind == GK::externref || got.kind == GK::anyref ||
                 got.kind == GK::exnref;
      if (want.ref_null_any) return ref;
      if (!wasm::is_abstract_heap(want.ref_type.heap())) return got.kind == GK::funcref || got.kind == GK::anyref;
      // A null of a hierarchy matches `ref.null` of any heap type in it (nofunc is func's bottom type).
      auto heap = wasm::HeapKind(want.ref_type.heap());
      if (heap == wasm::HeapKind::extern_ || heap == wasm::HeapKind::noextern) return got.kind == GK::externref;
      if (heap == wasm::HeapKind::func || heap == wasm::HeapKind::nofunc) return got.kind == GK::funcref;
      if (heap == wasm::HeapKind::exn || heap == wasm::HeapKind::noexn) return got.kind == GK::exnref;
      return got.kind == GK::anyref;  // the any hierarchy
    }
    case WK::ref_extern:
      return got.kind == GK::externref && !got.is_null &&
             (want.ref_extern_any || got.u64() == match_detail::load32(want.bytes));
    case WK::ref_func: return got.kind == GK::funcref && !got.is_null;
    case WK::ref_exn: return got.kind == GK::exnref && !got.is_null;
    case WK::ref_any: return got.kind == GK::anyref && !got.is_null;
    case WK::ref_eq:
      return got.kind == GK::anyref && (got.any == AnyRefKind::i31 || got.any == AnyRefKind::struct_ ||
                                        got.any == AnyRefKind::array);
    case WK::ref_i31: return got.kind == GK::anyref && got.any == AnyRefKind::i31;
    case WK::ref_struct: return got.kind == GK::anyref && got.any == AnyRefKind::struct_;
    case WK::ref_array: return got.kind == GK::anyref && got.any == AnyRefKind::array;
    case WK::ref_host:
      return got.kind == GK::anyref && got.any == AnyRefKind::host &&
             (want.ref_host_any || got.u64() == match_detail::load32(want.bytes));
    case WK::either:
      for (const text::WastValue& alt : want.alternatives)
        if (value_matches(alt, got)) return true;
      return false;
    default: return false;  // host references: no such values in the public API
  }
}

namespace match_detail {

inline std::string fmt(const char* f, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
inline std::string fmt(const char* f, ...) {
  char buf[160];
  va_list ap;
  va_start(ap, f);
  std::vsnprintf(buf, sizeof buf, f, ap);
  va_end(ap);
  return buf;
}

inline std::string f32_text(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, 4);
  if (f != f) return fmt("nan:0x%" PRIx32 " (0x%08" PRIx32 ")", bits & 0x7fffffu, bits);
  return fmt("%.9g (0x%08" PRIx32 ")", static_cast<double>(f), bits);
}

inline std::string f64_text(uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, 8);
  if (d != d) return fmt("nan:0x%" PRIx64 " (0x%016" PRIx64 ")", uint64_t(bits & 0xfffffffffffffull), bits);
  return fmt("%.17g (0x%016" PRIx64 ")", d, bits);
}

inline std::string v128_text(const uint8_t* b) {
  std::string s = "v128.const i32x4";
  for (int i = 0; i < 4; ++i) s += fmt(" 0x%08" PRIx32, load32(b + 4 * i));
  return s;
}

inline const char* nan_name(text::NanPattern p) {
  return p == text::NanPattern::canonical ? "nan:canonical" : "nan:arithmetic";
}

}  // namespace match_detail

// Spec-like text of an expected value, e.g. "i32.const 7 (0x00000007)", "f32.const nan:canonical".
inline std::string to_string(const text::WastValue& v) {
  using namespace match_detail;
  using WK = text::WastValue::Kind;
  switch (v.kind) {
    case WK::i32: return fmt("i32.const %" PRId32 " (0x%08" PRIx32 ")", int32_t(load32(v.bytes)), load32(v.bytes));
    case WK::i64: return fmt("i64.const %" PRId64 " (0x%016" PRIx64 ")", int64_t(load64(v.bytes)), load64(v.bytes));
    case WK::f32: return v.nan != text::NanPattern::none ? std::string("f32.const ") + nan_name(v.nan)
                                                         : "f32.const " + f32_text(load32(v.bytes));
    case WK::f64: return v.nan != text::NanPattern::none ? std::string("f64.const ") + nan_name(v.nan)
                                                         : "f64.const " + f64_text(load64(v.bytes));
    case WK::v128: {
      std::string s = v128_text(v.bytes);
      if (v.lanes_float) {
        int lanes = v.lane_bits == 32 ? 4 : 2;
        for (int i = 0; i < lanes; ++i)
          if (v.lane_nan[i] != text::NanPattern::none) s += fmt(" [lane %d: %s]", i, nan_name(v.lane_nan[i]));
      }
      return s;
    }
    case WK::ref_null: return v.ref_null_any ? "ref.null" : "ref.null " + wasm::heap_type_name(v.ref_type.heap());
    case WK::ref_extern: return v.ref_extern_any ? "ref.extern" : fmt("ref.extern %" PRIu32, load32(v.bytes));
    case WK::ref_host: return v.ref_host_any ? "ref.host" : fmt("ref.host %" PRIu32, load32(v.bytes));
    case WK::ref_func: return "ref.func";
    case WK::either: {
      std::string s = "either(";
      for (size_t i = 0; i < v.alternatives.size(); ++i) s += (i ? " | " : "") + to_string(v.alternatives[i]);
      return s + ")";
    }
    case WK::ref_exn: return "ref.exn";
    case WK::ref_any: return "ref.any";
    case WK::ref_eq: return "ref.eq";
    case WK::ref_i31: return "ref.i31";
    case WK::ref_struct: return "ref.struct";
    case WK::ref_array: return "ref.array";
  }
  return "?";
}

// Text of an actual value, in the same style as to_string(WastValue).
inline std::string to_string(const GotValue& g) {
  using namespace match_detail;
  using GK = GotValue::Kind;
  switch (g.kind) {
    case GK::i32: return fmt("i32.const %" PRId32 " (0x%08" PRIx32 ")", int32_t(g.u32()), g.u32());
    case GK::i64: return fmt("i64.const %" PRId64 " (0x%016" PRIx64 ")", int64_t(g.u64()), g.u64());
    case GK::f32: return "f32.const " + f32_text(g.u32());
    case GK::f64: return "f64.const " + f64_text(g.u64());
    case GK::v128: return v128_text(g.bytes);
    case GK::funcref: return g.is_null ? "ref.null func" : "ref.func";
    case GK::externref: return g.is_null ? "ref.null extern" : fmt("ref.extern %" PRIu64, g.u64());
    case GK::exnref: return g.is_null ? "ref.null exn" : "ref.exn";
    case GK::anyref:
      switch (g.any) {
        case AnyRefKind::null: return "ref.null any";
        case AnyRefKind::i31: return "ref.i31";
        case AnyRefKind::struct_: return "ref.struct";
        case AnyRefKind::array: return "ref.array";
        case AnyRefKind::host: return fmt("ref.host %" PRIu64, g.u64());
      }
      return "ref.any";
  }
  return "?";
}

}  // namespace wisp::cli
