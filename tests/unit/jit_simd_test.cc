// SIMD in the baseline JIT (src/jit/compiler_simd.inc): every v128 operator, one exported function
// each, run on edge-case vectors (NaN payloads, signed zeros, saturation bounds, shift counts past the
// lane width, out-of-bounds addresses) in the interpreter and with every function compiled; the results
// (all bits, NaN payloads included) and traps must be identical, in guard-page and explicit-bounds-check
// mode. A few results are also checked against their expected values.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "api_test_util.h"
#include "interp/simd_op_lists.h"

namespace wisp {
namespace {

using V = std::array<uint8_t, 16>;

template <typename T>
V lanes(std::initializer_list<T> l) {
  V v{};
  size_t i = 0;
  for (T x : l) std::memcpy(v.data() + sizeof(T) * i++, &x, sizeof(T));
  return v;
}

std::vector<V> vectors() {
  std::vector<V> out;
  out.push_back(V{});
  V ones;
  ones.fill(0xff);
  out.push_back(ones);
  V ramp;
  for (int i = 0; i < 16; ++i) ramp[size_t(i)] = uint8_t(i * 17 + 3);
  out.push_back(ramp);
  out.push_back(lanes<uint8_t>({0x80, 0x7f, 0x00, 0xff, 0x81, 0x01, 0x40, 0xc0, 0x10, 0x1f, 0x20, 0xf0, 0x0f, 0xfe,
                                0x7e, 0x80}));
  out.push_back(lanes<uint16_t>({0x8000, 0x7fff, 0, 0xffff, 0x8001, 1, 0x4000, 0xc000}));
  out.push_back(lanes<uint32_t>({0x80000000u, 0x7fffffff, 0xffffffffu, 1}));
  out.push_back(lanes<uint64_t>({0x8000000000000000u, 0x7fffffffffffffff}));
  out.push_back(lanes<uint32_t>({0x7fa00001, 0xffc00000u, 0x00000000, 0x80000000u}));  // NaN payloads, zeros
  out.push_back(lanes<float>({1.5f, -2.5f, 2147483648.0f, -2147483904.0f}));
  out.push_back(lanes<float>({4294967296.0f, 3e9f, -0.75f, 1e-40f}));
  out.push_back(lanes<uint32_t>({0x7f800000, 0xff800000u, 0x7fc00000, 0x3f800000}));  // inf, -inf, NaN, 1
  out.push_back(lanes<uint64_t>({0x7ff4000000000001, 0x8000000000000000u}));  // sNaN payload, -0
  out.push_back(lanes<double>({4294967295.5, -2147483648.5}));
  out.push_back(lanes<double>({-1.5, 1e300}));
  out.push_back(lanes<double>({2147483647.9, 0.5}));
  uint64_t x = 0x9e3779b97f4a7c15;
  for (int k = 0; k < 3; ++k) {
    V r;
    for (auto& b : r) {
      x = x * 6364136223846793005u + 1442695040888963407u;
      b = uint8_t(x >> 56);
    }
    out.push_back(r);
  }
  return out;
}

// The text name of an operator identifier: i16x8_add_sat_s -> i16x8.add_sat_s.
std::string text_name(const char* id) {
  std::string s = id;
  s[s.find('_')] = '.';
  return s;
}

// The scalar type of a shape's lanes.
const char* lane_type(const std::string& op) {
  if (op.starts_with("i64x2")) return "i64";
  if (op.starts_with("f32x4")) return "f32";
  if (op.starts_with("f64x2")) return "f64";
  return "i32";
}
int lane_count(const std::string& op) {
  if (op.starts_with("i8x16")) return 16;
  if (op.starts_with("i16x8")) return 8;
  if (op.starts_with("i64x2") || op.starts_with("f64x2")) return 2;
  return 4;
}

struct Fn {
  std::string name;
  std::vector<std::string> params;  // "v128", "i32", ...
};

// The module: one function per operator (and lane or memory form), and the list of exports.
struct TestModule {
  std::string wat;
  std::vector<Fn> fns;
  void add(const std::string& name, std::vector<std::string> params, const std::string& result,
           const std::string& body) {
    wat += "  (func (export \"" + name + "\")";
    for (const auto& p : params) wat += " (param " + p + ")";
    if (!result.empty()) wat += " (result " + result + ")";
    wat += " " + body + ")\n";
    fns.push_back({name, std::move(params)});
  }
};

std::string gets(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += " (local.get " + std::to_string(i) + ")";
  return s;
}

TestModule make_module() {
  TestModule m;
  m.wat = "(module (memory 1) (memory $m1 1) (memory $m64 i64 1) (global $g (mut v128) (v128.const i32x4 1 2 3 4))\n";
  m.wat += "  (data (memory $m1) (i32.const 65500) \"\\a0\\81\\f2\\83\\84\\05\\86\\87\\88\\89\\8a\\8b\\8c\\8d\\8e\\8f\\90\\91\")\n";
  m.wat += "  (data (memory $m64) (i64.const 0) \"\\01\\82\\03\\f4\\05\\06\\87\\08\\09\\0a\\fb\\0c\\0d\\0e\\ff\\10\\11\")\n";
  m.wat += "  (data (i32.const 0) \"\\01\\82\\03\\f4\\05\\06\\87\\08\\09\\0a\\fb\\0c\\0d\\0e\\ff\\10\\11\")\n";
  m.wat += "  (data (i32.const 65500) \"\\80\\81\\82\\83\\84\\85\\86\\87\\88\\89\\8a\\8b\\8c\\8d\\8e\\8f\\90\\91\")\n";
#define WISP_T_BIN(id) m.add(#id, {"v128", "v128"}, "v128", "(" + text_name(#id) + gets(2) + ")");
  WISP_SIMD_BINOPS(WISP_T_BIN)
  WISP_SIMD_RELAXED_BINOPS(WISP_T_BIN)
#undef WISP_T_BIN
#define WISP_T_UN(id) m.add(#id, {"v128"}, "v128", "(" + text_name(#id) + gets(1) + ")");
  WISP_SIMD_UNOPS(WISP_T_UN)
  WISP_SIMD_RELAXED_UNOPS(WISP_T_UN)
#undef WISP_T_UN
#define WISP_T_TEST(id) m.add(#id, {"v128"}, "i32", "(" + text_name(#id) + gets(1) + ")");
  WISP_SIMD_TESTS(WISP_T_TEST)
#undef WISP_T_TEST
#define WISP_T_SHIFT(id) m.add(#id, {"v128", "i32"}, "v128", "(" + text_name(#id) + gets(2) + ")");
  WISP_SIMD_SHIFTS(WISP_T_SHIFT)
#undef WISP_T_SHIFT
#define WISP_T_SPLAT(id, T) m.add(#id, {lane_type(#id)}, "v128", "(" + text_name(#id) + gets(1) + ")");
  WISP_SIMD_SPLATS(WISP_T_SPLAT)
#undef WISP_T_SPLAT
#define WISP_T_EXTRACT(id, T)                                                                        \
  for (int lane : {0, lane_count(#id) - 1})                                                          \
    m.add(std::string(#id) + "_" + std::to_string(lane), {"v128"}, lane_type(#id),                   \
          "(" + text_name(#id) + " " + std::to_string(lane) + gets(1) + ")");
  WISP_SIMD_EXTRACTS(WISP_T_EXTRACT)
#undef WISP_T_EXTRACT
#define WISP_T_REPLACE(id, T)                                                                        \
  for (int lane : {0, lane_count(#id) - 1})                                                          \
    m.add(std::string(#id) + "_" + std::to_string(lane), {"v128", lane_type(#id)}, "v128",           \
          "(" + text_name(#id) + " " + std::to_string(lane) + gets(2) + ")");
  WISP_SIMD_REPLACES(WISP_T_REPLACE)
#undef WISP_T_REPLACE
  for (const char* id : {"f32x4_relaxed_madd", "f32x4_relaxed_nmadd", "f64x2_relaxed_madd", "f64x2_relaxed_nmadd","i8x16_relaxed_laneselect", "i16x8_relaxed_laneselect", "i32x4_relaxed_laneselect",
                         "i64x2_relaxed_laneselect", "i32x4_relaxed_dot_i8x16_i7x16_add_s", "v128_bitselect"})
    m.add(id, {"v128", "v128", "v128"}, "v128", "(" + text_name(id) + gets(3) + ")");
  m.add("shuffle_mixed", {"v128", "v128"}, "v128", "(i8x16.shuffle 31 0 16 1 17 2 30 15 5 21 7 7 8 24 0 3" + gets(2) + ")");
  m.add("shuffle_a", {"v128", "v128"}, "v128", "(i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0" + gets(2) + ")");
  m.add("shuffle_b", {"v128", "v128"}, "v128", "(i8x16.shuffle 16 16 17 17 18 18 19 19 20 20 21 21 22 22 23 31" + gets(2) + ")");
  m.add("const", {}, "v128", "(v128.const i32x4 0x7fc00001 -1 0 0x80000000)");
  m.add("select", {"v128", "v128", "i32"}, "v128", "(select" + gets(3) + ")");
  m.add("global", {"v128"}, "v128", "(global.set $g (i32x4.add (global.get $g) (local.get 0))) (global.get $g)");
  // Memory: offsets put some accesses across the end of memory (a trap, in both tiers the same).
#define WISP_T_LOAD(id, width)                                                                       \
  m.add(#id, {"i32"}, "v128", "(" + text_name(#id) + " offset=3" + gets(1) + ")");
  WISP_SIMD_LOADS(WISP_T_LOAD)
#undef WISP_T_LOAD
#define WISP_T_LOAD_LANE(id, width)                                                                  \
  m.add(#id, {"i32", "v128"}, "v128", "(" + text_name(#id) + " offset=1 " + std::to_string(16 / width - 1) + gets(2) + ")");
  WISP_SIMD_LOAD_LANES(WISP_T_LOAD_LANE)
#undef WISP_T_LOAD_LANE
#define WISP_T_STORE_LANE(id, width)                                                                 \
  m.add(#id, {"i32", "v128"}, "v128",                                                                \
        "(" + text_name(#id) + " offset=1 " + std::to_string(16 / width - 1) + gets(2) + ") (v128.load offset=1 (local.get 0))");
  WISP_SIMD_STORE_LANES(WISP_T_STORE_LANE)
#undef WISP_T_STORE_LANE
  m.add("v128_store", {"i32", "v128"}, "v128", "(v128.store offset=2" + gets(2) + ") (v128.load offset=2 (local.get 0))");
  // The same on another memory ($m1) and on a 64-bit one ($m64: 64-bit addresses, some carrying past 2^64
  // with the offset; the lane forms take an i32 address, zero-extended, to reach the memory's end).
  const std::string ext = " (i64.extend_i32_u (local.get 0)) (local.get 1)";
#define WISP_T_LOAD_X(id, width)                                                                     \
  m.add(std::string(#id) + "_m1", {"i32"}, "v128", "(" + text_name(#id) + " $m1 offset=3" + gets(1) + ")"); \
  m.add(std::string(#id) + "_m64", {"i64"}, "v128", "(" + text_name(#id) + " $m64 offset=3" + gets(1) + ")");
  WISP_SIMD_LOADS(WISP_T_LOAD_X)
#undef WISP_T_LOAD_X
#define WISP_T_LOAD_LANE_X(id, width)                                                                \
  m.add(std::string(#id) + "_m1", {"i32", "v128"}, "v128",                                           \
        "(" + text_name(#id) + " $m1 offset=1 " + std::to_string(16 / width - 1) + gets(2) + ")");   \
  m.add(std::string(#id) + "_m64", {"i32", "v128"}, "v128",                                          \
        "(" + text_name(#id) + " $m64 offset=1 " + std::to_string(16 / width - 1) + ext + ")");
  WISP_SIMD_LOAD_LANES(WISP_T_LOAD_LANE_X)
#undef WISP_T_LOAD_LANE_X
#define WISP_T_STORE_LANE_X(id, width)                                                               \
  m.add(std::string(#id) + "_m1", {"i32", "v128"}, "v128",                                           \
        "(" + text_name(#id) + " $m1 offset=1 " + std::to_string(16 / width - 1) + gets(2) +         \
            ") (v128.load $m1 offset=1 (local.get 0))");                                             \
  m.add(std::string(#id) + "_m64", {"i32", "v128"}, "v128",                                          \
        "(" + text_name(#id) + " $m64 offset=1 " + std::to_string(16 / width - 1) + ext +            \
            ") (v128.load $m64 offset=1 (i64.extend_i32_u (local.get 0)))");
  WISP_SIMD_STORE_LANES(WISP_T_STORE_LANE_X)
#undef WISP_T_STORE_LANE_X
  m.add("v128_store_m1", {"i32", "v128"}, "v128", "(v128.store $m1 offset=2" + gets(2) + ") (v128.load $m1 offset=2 (local.get 0))");
  m.add("v128_store_m64", {"i64", "v128"}, "v128", "(v128.store $m64 offset=2" + gets(2) + ") (v128.load $m64 offset=2 (local.get 0))");
  m.wat += ")\n";
  return m;
}

std::vector<Val> candidates(const std::string& type, const std::vector<V>& vs) {
  std::vector<Val> out;
  if (type == "v128") {
    for (const V& v : vs) out.push_back(Val::v128(v));
  } else if (type == "i32") {
    for (int32_t x : {0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, -1, 0x80, 65470, 65520, 65532, 65535})
      out.push_back(Val::i32(x));
  } else if (type == "i64") {
    for (int64_t x : {int64_t(0), int64_t(-1), INT64_MIN, int64_t(0x123456789abcdef0)}) out.push_back(Val::i64(x));
  } else if (type == "f32") {
    for (uint32_t x : {0x7fa00001u, 0x80000000u, 0x3fc00000u}) out.push_back(Val::f32_bits(x));
  } else {
    for (uint64_t x : {uint64_t(0x7ff4000000000001), uint64_t(0x8000000000000000), uint64_t(0x3ff8000000000000)})
      out.push_back(Val::f64_bits(x));
  }
  return out;
}

std::string show(const Result<std::vector<Val>>& r) {
  if (!r.ok()) return r.error().to_string();
  std::string s;
  char buf[8];
  for (const Val& v : *r) {
    size_t n = v.kind() == ValKind::v128 ? 16 : v.kind() == ValKind::i64 || v.kind() == ValKind::f64 ? 8 : 4;
    std::array<uint8_t, 16> b = v.as_v128();
    for (size_t i = 0; i < n; ++i) {
      std::snprintf(buf, sizeof(buf), "%02x", b[i]);
      s += buf;
    }
    s += " ";
  }
  return s;
}

// Every export on every combination of candidate arguments (v128 arguments: the first `limit` vectors
// for functions with 3 of them), the results one per line.
std::vector<std::string> run_all(Config::Tier tier, bool explicit_bounds, const TestModule& tm, TierStats* stats) {
  Config c;
  c.tier = tier;
  c.explicit_bounds_checks = explicit_bounds;
  // As the JIT's fuzz target pairs them: the interpreter's NaN results of commutative operators depend
  // on how the C++ compiler ordered the operands, and the JIT follows it in either dispatch mode.
  Config::Dispatch d = explicit_bounds ? Config::Dispatch::loop : Config::Dispatch::tailcall;
  if (Config::dispatch_supported(d)) c.dispatch = d;
  Engine engine(c);
  Store store(engine);
  Module m = testing::must_compile(engine, tm.wat);
  Result<Instance> inst = Instance::create(store, m, {});
  EXPECT_TRUE(inst.ok());
  std::vector<std::string> out;
  if (!inst.ok()) return out;
  std::vector<V> vs = vectors();
  for (const Fn& fn : tm.fns) {
    std::vector<V> use = vs;
    if (fn.params.size() == 3 && fn.params[2] == "v128") use.resize(7);
    std::vector<std::vector<Val>> cands;
    for (const auto& p : fn.params) cands.push_back(candidates(p, use));
    std::vector<size_t> at(cands.size(), 0);
    std::optional<Func> f = inst->get_func(store, fn.name);
    EXPECT_TRUE(f.has_value()) << fn.name;
    if (!f) continue;
    while (true) {
      std::vector<Val> args;
      for (size_t i = 0; i < cands.size(); ++i) args.push_back(cands[i][at[i]]);
      out.push_back(fn.name + ": " + show(f->call(store, args)));
      size_t k = 0;
      while (k < at.size() && ++at[k] == cands[k].size()) at[k++] = 0;
      if (k == at.size()) break;
    }
  }
  if (stats) *stats = engine.tier_stats();
  return out;
}

TEST(JitSimd, EveryOperatorMatchesTheInterpreter) {
  if (!Config::tier_supported(Config::Tier::jit)) GTEST_SKIP() << "no JIT in this build";
  TestModule tm = make_module();
  for (bool explicit_bounds : {false, true}) {
    std::vector<std::string> a = run_all(Config::Tier::interp, explicit_bounds, tm, nullptr);
    TierStats stats;
    std::vector<std::string> b = run_all(Config::Tier::jit, explicit_bounds, tm, &stats);
    ASSERT_EQ(a.size(), b.size());
    int shown = 0;
    std::string names;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i] == b[i]) continue;
      if (++shown <= 10) ADD_FAILURE() << "interp " << a[i] << "\n   jit " << b[i];
      std::string name = a[i].substr(0, a[i].find(':'));
      if (names.find(" " + name + " ") == std::string::npos) names += " " + name + " ";
    }
    EXPECT_EQ(shown, 0) << "mismatches" << (explicit_bounds ? " (explicit bounds checks)" : "") << " in" << names;
#if defined(__x86_64__)
    // Everything compiled (i64x2 compares use SSE4.2's pcmpgtq; relaxed madd/nmadd vfmadd, as the
    // interpreter then runs them too).
    if (__builtin_cpu_supports("sse4.2") && __builtin_cpu_supports("fma")) {
      EXPECT_EQ(stats.exit_instrs, 0u);
    }
#endif
    EXPECT_GT(stats.native_instrs, 500u);
  }
}

// Expected values where the spec leaves a choice to the implementation or where the lowering is subtle:
// the canonical NaN of min/max, the saturating conversions' bounds, shift counts past the lane width.
TEST(JitSimd, EdgeCases) {
  const char* wat = R"((module
    (func (export "min") (param v128 v128) (result v128) (f32x4.min (local.get 0) (local.get 1)))
    (func (export "max") (param v128 v128) (result v128) (f64x2.max (local.get 0) (local.get 1)))
    (func (export "sat_u") (param v128) (result v128) (i32x4.trunc_sat_f32x4_u (local.get 0)))
    (func (export "sat_s") (param v128) (result v128) (i32x4.trunc_sat_f64x2_s_zero (local.get 0)))
    (func (export "shl8") (param v128 i32) (result v128) (i8x16.shl (local.get 0) (local.get 1)))
    (func (export "shr64") (param v128 i32) (result v128) (i64x2.shr_s (local.get 0) (local.get 1)))
    (func (export "q15") (param v128 v128) (result v128) (i16x8.q15mulr_sat_s (local.get 0) (local.get 1)))
  ))";
  for (Config::Tier tier : {Config::Tier::interp, Config::Tier::jit}) {
    if (!Config::tier_supported(tier)) continue;
    Config c;
    c.tier = tier;
    Engine engine(c);
    Store store(engine);
    Module m = testing::must_compile(engine, wat);
    Result<Instance> inst = Instance::create(store, m, {});
    ASSERT_TRUE(inst.ok());
    auto call = [&](const char* name, std::vector<Val> args) {
      auto r = inst->get_func(store, name)->call(store, args);
      EXPECT_TRUE(r.ok()) << name;
      return r.ok() ? (*r)[0].as_v128() : V{};
    };
    const char* t = tier == Config::Tier::jit ? "jit" : "interp";
    // A NaN operand (any payload, either side) gives the canonical NaN; -0 < +0.
    EXPECT_EQ(call("min", {Val::v128(lanes<uint32_t>({0x7fa00001, 0x3f800000, 0x80000000u, 0})),
                           Val::v128(lanes<uint32_t>({0x3f800000, 0xffc00005u, 0, 0x80000000u}))}),
              lanes<uint32_t>({0x7fc00000, 0x7fc00000, 0x80000000u, 0x80000000u}))
        << t;
    EXPECT_EQ(call("max", {Val::v128(lanes<uint64_t>({0x7ff4000000000001, 0x8000000000000000u})),
                           Val::v128(lanes<uint64_t>({0, 0}))}),
              lanes<uint64_t>({0x7ff8000000000000, 0}))
        << t;
    EXPECT_EQ(call("sat_u", {Val::v128(lanes<float>({-1.0f, __builtin_nanf(""), 4.3e9f, 3e9f}))}),
              lanes<uint32_t>({0, 0, 0xffffffffu, 3000000000u}))
        << t;
    EXPECT_EQ(call("sat_s", {Val::v128(lanes<double>({-3e9, 2147483647.9}))}),
              lanes<int32_t>({INT32_MIN, INT32_MAX, 0, 0}))
        << t;
    EXPECT_EQ(call("shl8", {Val::v128(lanes<uint8_t>({0x81, 0xff, 1})), Val::i32(9)}),
              lanes<uint8_t>({0x02, 0xfe, 2}))
        << t;
    EXPECT_EQ(call("shr64", {Val::v128(lanes<int64_t>({-4, 4})), Val::i32(65)}), lanes<int64_t>({-2, 2})) << t;
    EXPECT_EQ(call("q15", {Val::v128(lanes<int16_t>({INT16_MIN, INT16_MIN, 16384})),
                           Val::v128(lanes<int16_t>({INT16_MIN, INT16_MAX, 16384}))}),
              lanes<int16_t>({INT16_MAX, -32767, 8192}))
        << t;
  }
}

// Relaxed madd/nmadd on NaN operands: which NaN comes out (and its sign, quieted payload) is the one
// choice left where both tiers could disagree (std::fma does not fix it; GCC even swaps a and b), so every
// pairing of signalling/quiet NaNs of either sign, infinities and zeros (0 * inf: the default NaN) in a, b
// and c is run in both tiers, which must give the same bits.
TEST(JitSimd, RelaxedMaddNaNsMatchTheInterpreter) {
  if (!Config::tier_supported(Config::Tier::jit)) GTEST_SKIP() << "no JIT in this build";
  const char* wat = R"((module
    (func (export "f32_madd") (param v128 v128 v128) (result v128) (f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2)))
    (func (export "f32_nmadd") (param v128 v128 v128) (result v128) (f32x4.relaxed_nmadd (local.get 0) (local.get 1) (local.get 2)))
    (func (export "f64_madd") (param v128 v128 v128) (result v128) (f64x2.relaxed_madd (local.get 0) (local.get 1) (local.get 2)))
    (func (export "f64_nmadd") (param v128 v128 v128) (result v128) (f64x2.relaxed_nmadd (local.get 0) (local.get 1) (local.get 2)))
  ))";
  const uint32_t f32s[] = {0x7fa00001, 0xffa00002u, 0x7fc00003, 0xffc00004u, 0x7f800000, 0xff800000u, 0, 0x3fc00000};
  const uint64_t f64s[] = {0x7ff4000000000001, 0xfff4000000000002u, 0x7ff8000000000003, 0xfff8000000000004u,
                           0x7ff0000000000000, 0xfff0000000000000u, 0, 0x3ff8000000000000};
  // Per scalar triple (x, y, z) of the 8 values: one call with the triple in lane 0 (the other lanes vary).
  auto run = [&](Config::Tier tier, TierStats* stats) {
    Config c;
    c.tier = tier;
    Engine engine(c);
    Store store(engine);
    Module m = testing::must_compile(engine, wat);
    Result<Instance> inst = Instance::create(store, m, {});
    EXPECT_TRUE(inst.ok());
    std::vector<std::string> out;
    if (!inst.ok()) return out;
    for (const char* name : {"f32_madd", "f32_nmadd", "f64_madd", "f64_nmadd"}) {
      bool d = name[1] == '6';
      std::optional<Func> f = inst->get_func(store, name);
      for (int x = 0; x < 8; ++x)
        for (int y = 0; y < 8; ++y)
          for (int z = 0; z < 8; ++z) {
            auto vec = [&](int k) {
              return d ? Val::v128(lanes<uint64_t>({f64s[k], f64s[(k + 3) % 8]}))
                       : Val::v128(lanes<uint32_t>({f32s[k], f32s[(k + 1) % 8], f32s[(k + 5) % 8], f32s[7 - k]}));
            };
            out.push_back(std::string(name) + " " + std::to_string(x * 64 + y * 8 + z) + ": " +
                          show(f->call(store, {vec(x), vec(y), vec(z)})));
          }
    }
    if (stats) *stats = engine.tier_stats();
    return out;
  };
  std::vector<std::string> a = run(Config::Tier::interp, nullptr);
  TierStats stats;
  std::vector<std::string> b = run(Config::Tier::jit, &stats);
  ASSERT_EQ(a.size(), b.size());
  int shown = 0;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i] && ++shown <= 10) ADD_FAILURE() << "interp " << a[i] << "\n   jit " << b[i];
  EXPECT_EQ(shown, 0);
#if defined(__x86_64__)
  if (__builtin_cpu_supports("fma")) {
    EXPECT_EQ(stats.exit_instrs, 0u);  // compiled, not left to the interpreter
  }
#endif
}

}  // namespace
}  // namespace wisp
