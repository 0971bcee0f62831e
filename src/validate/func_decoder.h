// FuncDecoder<Tag, Visitor>: the one decoder of instruction bytes (DESIGN.md §1). It validates a function
// body (BodyTag) or a constant expression (ConstExprTag) per the Wasm 2.0 spec and calls the visitor hooks
// of null_visitor.h exactly per the contract written there.
//
// Usage (function body):
//   validate::NullVisitor v;                      // or interp::IrBuilder, ...
//   validate::FuncDecoder<validate::BodyTag, validate::NullVisitor> d(module, func_index, v);
//   The third template argument is the mode: Validating (the default) checks everything; Trusted
//   decodes code that was validated before (IR translation, constant-expression evaluation) with the
//   checks compiled out. It keeps the operand-type bookkeeping the hooks rely on; on invalid input its
//   behaviour is undefined.
//   Result<void> r = d.decode();                  // hooks are called during decode()
//   - func_index is in the function index space and must be a defined (not imported) function.
//   - Hook order: begin_function(type, declared_locals), then one hook per reachable instruction, control
//     hooks always (reachable=false in dead code), finally end_function(fallthrough_reachable) for the
//     function's final `end`, which must sit exactly at FuncBody::body_end.
//   - On error nothing more is called; the visitor's state is then garbage (discard it).
//   - Optional last constructor argument: a DecoderScratch* whose vectors are reused across decoders
//     (one per thread; validate_function uses a thread_local one). Without it the decoder owns its own.
//   - d.instr_offset() (callable from inside hooks) is the byte offset in Module::bytes of the
//     instruction being visited, e.g. for source maps.
//
// Usage (constant expression):
//   validate::FuncDecoder<validate::ConstExprTag, V> d(module, expr, expected_type, num_visible_globals, v);
//   Only the const / ref.null / ref.func / global.get hooks and end_function(true) are called (no
//   begin_function); with d.set_extended_const(true) also on_numeric for i32/i64 add, sub and mul
//   (the extended-const proposal). Other instructions are Invalid "constant expression required".
//   Error offsets are then relative to the start of the expression.
//
// Errors: Malformed for encoding problems (illegal opcode, LEB128 errors, missing data count section,
// running past the body, junk after the final end), Invalid for typing problems, with the spec
// interpreter's wording ("type mismatch", "unknown local 3", ...) and the byte offset.
//
// SIMD (0xFD prefix) is decoded by the members decode_simd() / decode_simd_const() in
// func_decoder_simd.h, from the table in wasm/simd_opcodes.def. LEB128 immediates are read by
// util/leb128.h and value types by binary/type_reader.h, the readers the module decoder uses.
#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "binary/instr_reader.h"
#include "binary/type_reader.h"
#include "util/error.h"
#include "util/leb128.h"
#include "validate/null_visitor.h"
#include "wasm/module.h"
#include "wasm/opcodes.h"

namespace wisp::validate {

struct BodyTag {};
struct ConstExprTag {};

// Modes: validate while decoding, or trust code validated before (see the usage notes above).
struct Validating {};
struct Trusted {};

// The "unknown" type of values popped from the polymorphic stack of unreachable code. Never seen by
// visitors (hooks are not called in unreachable code).
inline constexpr wasm::ValType kUnknownType = wasm::ValType::ref(0x7F'FFFF, false);

// A resolved block type: empty, one result, or a function type index (multi-value).
struct BlockType {
  enum Kind : uint8_t { kEmpty, kSingle, kIndex };
  Kind kind = kEmpty;
  wasm::ValType single;
  uint32_t type_index = 0;
};

// try_table, try_ (legacy try, in its do-body), catch_ / catch_all (legacy handler bodies): exceptions.
enum class CtrlKind : uint8_t { block, loop, if_, else_, function, try_table, try_, catch_, catch_all };

struct CtrlFrame {
  BlockType bt;
  uint32_t height = 0;       // operand stack height at entry (after the params were popped)
  CtrlKind kind = CtrlKind::block;
  bool unreachable = false;  // after br/return/unreachable: the stack is polymorphic
  bool live_entry = true;    // entered from reachable code (hooks are called only when live)
  uint32_t init_height = 0;  // non-nullable locals: size of the init stack at entry (reset to it at end)
};

// Flat vectors reused across decoders so validating many bodies does not allocate per body.
struct DecoderScratch {
  std::vector<wasm::ValType> vals;
  std::vector<CtrlFrame> ctrls;
  std::vector<wasm::ValType> locals;
  std::vector<uint32_t> depths;
  // Initialisation of non-defaultable locals (only for functions that have some): whether each local is
  // set, and the locals set so far in the order they were set, so a block's end can unset its own.
  std::vector<uint8_t> local_set;
  std::vector<uint32_t> init_stack;
  std::vector<CatchClause> catches;  // try_table's clauses
};

namespace detail {

// Fixed signatures of the operators in opcodes.def, parsed at compile time.
struct OpSig {
  uint8_t np = 0;
  uint8_t nr = 0;
  wasm::ValType p[3];
  wasm::ValType r;
};

constexpr wasm::ValType sig_char_type(char c) {
  switch (c) {
    case 'I': return wasm::ValType::i64();
    case 'f': return wasm::ValType::f32();
    case 'F': return wasm::ValType::f64();
    case 'V': return wasm::ValType::v128();
    default: return wasm::ValType::i32();
  }
}

// Parses a signature string of opcodes.def / simd_opcodes.def ("params:results").
constexpr OpSig parse_sig(std::string_view s) {
  OpSig sig{};
  bool results = false;
  for (char c : s) {
    if (c == ':') {
      results = true;
    } else if (results) {
      sig.r = sig_char_type(c);
      sig.nr = 1;
    } else {
      sig.p[sig.np++] = sig_char_type(c);
    }
  }
  return sig;
}

inline constexpr auto kOpSigs = [] {
  std::array<OpSig, wasm::kNumOps> a{};
  for (size_t i = 0; i < wasm::kNumOps; ++i) a[i] = parse_sig(wasm::kOpInfo[i].sig);
  return a;
}();

// Single-byte opcode -> Op index (-1: illegal), shared with binary/instr_reader.h, and 0xFC sub-opcode ->
// Op index.
using binary::kByteOps;
inline constexpr size_t kNumFcOps = 32;
inline constexpr auto kFcOps = [] {
  std::array<int16_t, kNumFcOps> a{};
  for (auto& x : a) x = -1;
  for (size_t i = 0; i < wasm::kNumOps; ++i)
    if (wasm::kOpInfo[i].prefix == 0xFC && wasm::kOpInfo[i].code < kNumFcOps)
      a[wasm::kOpInfo[i].code] = int16_t(i);
  return a;
}();

// The byte of a single-byte opcode, for case labels that name the instruction.
constexpr uint8_t byte_of(wasm::Op op) { return uint8_t(wasm::kOpInfo[size_t(op)].code); }

// Natural alignment (log2 of the access width in bytes) of each load and store, computed at compile
// time (the decoder looks it up for every load and store).
inline constexpr auto kNaturalAlign = [] {
  std::array<uint8_t, wasm::kNumOps> a{};
  for (size_t i = 0; i < wasm::kNumOps; ++i)
    if (wasm::kOpInfo[i].imm == wasm::ImmKind::memarg) a[i] = uint8_t(binary::natural_align_log2(wasm::Op(i)));
  return a;
}();

// Limit on params + declared locals (the expanded local type vector is built per body).
inline constexpr uint32_t kMaxLocals = 1u << 20;

// Cold error builders (out of line in func_decoder_errors.cc).
std::string index_message(const char* what, uint64_t index);  // "unknown local 3"
std::string opcode_message(uint8_t byte, bool prefixed, uint32_t sub);  // "illegal opcode 0xfc 0x20"
// "return_call: not supported yet (feature tail-call)"
std::string unsupported_message(std::string_view what, Feature feature);
// End offset of the code section's contents in Module::bytes (0 if there is none).
uint64_t code_section_end(const wasm::Module& m);

}  // namespace detail

template <typename Tag, typename Visitor, typename Mode = Validating>
class FuncDecoder {
  static constexpr bool kConst = std::is_same_v<Tag, ConstExprTag>;
  static_assert(kConst || std::is_same_v<Tag, BodyTag>, "Tag must be BodyTag or ConstExprTag");
  static constexpr bool kCheck = std::is_same_v<Mode, Validating>;
  static_assert(kCheck || std::is_same_v<Mode, Trusted>, "Mode must be Validating or Trusted");

 public:
  // Decodes the body of defined function `func_index`.
  FuncDecoder(const wasm::Module& m, uint32_t func_index, Visitor& v, DecoderScratch* scratch = nullptr)
    requires(!kConst)
      : m_(m), v_(v), s_(scratch ? *scratch : own_), func_index_(func_index),
        types_(binary::TypeOptions::implemented(m.features)) {
    const wasm::FuncBody& body = m.body(func_index);
    base_ = m.bytes.data();
    p_ = base_ + body.body_offset;
    end_ = base_ + body.body_end;
    ip_ = p_;
  }

  // Decodes constant expression `expr`, which must produce one value of type `expected`.
  FuncDecoder(const wasm::Module& m, const wasm::ConstExpr& expr, wasm::ValType expected,
              uint32_t num_visible_globals, Visitor& v, DecoderScratch* scratch = nullptr)
    requires(kConst)
      : m_(m), v_(v), s_(scratch ? *scratch : own_), expected_(expected),
        num_visible_globals_(num_visible_globals), types_(binary::TypeOptions::implemented(m.features)) {
    base_ = expr.code.data();
    p_ = base_;
    end_ = base_ + expr.code.size();
    ip_ = p_;
  }

  FuncDecoder(const FuncDecoder&) = delete;
  FuncDecoder& operator=(const FuncDecoder&) = delete;

  Result<void> decode() {
    if (run()) return {};
    return std::move(err_);
  }

  // Offset (in Module::bytes, or in the expression) of the instruction being decoded.
  uint64_t instr_offset() const { return uint64_t(ip_ - base_); }

  // Constant expressions: accept the extended-const instructions (i32/i64 add, sub, mul).
  void set_extended_const(bool on) requires(kConst) { extended_const_ = on; }

  // Constant expressions: decode `expr` next (same module, type and visitor), so that one decoder serves
  // the thousands of expressions an instantiation may evaluate.
  void reset(const wasm::ConstExpr& expr) requires(kConst) {
    base_ = expr.code.data();
    p_ = base_;
    end_ = base_ + expr.code.size();
    ip_ = p_;
  }

 private:
  using ValType = wasm::ValType;
  using Op = wasm::Op;

  // ---- errors ----------------------------------------------------------------------------------

  [[gnu::cold, gnu::noinline]] bool fail(ErrorKind kind, std::string msg, const uint8_t* at) {
    err_ = Error::make(kind, std::move(msg), uint64_t(at - base_));
    return false;
  }
  [[gnu::cold, gnu::noinline]] bool invalid(const char* msg) { return fail(ErrorKind::Invalid, msg, ip_); }
  [[gnu::cold, gnu::noinline]] bool invalid_index(const char* what, uint64_t index) {
    return fail(ErrorKind::Invalid, detail::index_message(what, index), ip_);
  }
  [[gnu::cold, gnu::noinline]] bool malformed(const char* msg) { return fail(ErrorKind::Malformed, msg, p_); }
  [[gnu::cold, gnu::noinline]] bool type_mismatch() { return invalid("type mismatch"); }
  [[gnu::cold, gnu::noinline]] bool malformed_opcode(uint8_t byte, bool prefixed, uint32_t sub) {
    return fail(ErrorKind::Malformed, detail::opcode_message(byte, prefixed, sub), ip_);
  }
  // A single-byte opcode no case decodes: a post-2.0 instruction of an enabled feature is named as not
  // supported yet; anything else (a disabled feature's too) is an illegal opcode.
  [[gnu::cold, gnu::noinline]] bool unknown_opcode(uint8_t byte) {
    int16_t i = detail::kByteOps[byte];
    if (i >= 0 && m_.features.has(wasm::kOpInfo[i].feature))
      return not_supported(wasm::kOpInfo[i].name, wasm::kOpInfo[i].feature);
    return malformed_opcode(byte, false, 0);
  }
  [[gnu::cold, gnu::noinline]] bool not_supported(std::string_view what, Feature feature) {
    return fail(ErrorKind::Malformed, detail::unsupported_message(what, feature), ip_);
  }

  // Ran out of bytes. The spec interpreter's wording depends on what follows the body.
  [[gnu::cold, gnu::noinline]] bool unexpected_end() {
    if constexpr (kConst) {
      return malformed("unexpected end");
    } else {
      uint64_t end = uint64_t(end_ - base_);
      uint64_t section_end = detail::code_section_end(m_);
      if (end == section_end && end != m_.bytes.size()) return malformed("section size mismatch");
      if (end == section_end || end >= m_.bytes.size())
        return malformed("unexpected end of section or function");
      return malformed("END opcode expected");
    }
  }

  // ---- immediates ------------------------------------------------------------------------------

  bool read_byte(uint8_t& out) {
    if (p_ >= end_) [[unlikely]] return unexpected_end();
    out = *p_++;
    return true;
  }

  bool read_u32(uint32_t& out) {
    if (p_ < end_ && *p_ < 0x80) [[likely]] {
      out = *p_++;
      return true;
    }
    return read_u32_slow(out);
  }

  [[gnu::noinline]] bool read_u32_slow(uint32_t& out) {
    uint64_t v = 0;
    if (util::LebStatus st = util::read_uleb<32>(p_, end_, v); st != util::LebStatus::ok) return leb_error(st);
    out = uint32_t(v);
    return true;
  }

  [[gnu::cold, gnu::noinline]] bool leb_error(util::LebStatus st) {
    if (st == util::LebStatus::eof) return unexpected_end();
    return malformed(util::leb_message(st));
  }

  // Signed LEB128 of N bits (32, 33 or 64).
  template <unsigned N>
  bool read_sleb(int64_t& out) {
    if (p_ < end_ && *p_ < 0x80) [[likely]] {
      out = int8_t(uint8_t(*p_++ << 1)) >> 1;  // sign-extend the 7-bit payload
      return true;
    }
    // Two bytes (constants up to +-8191, common in compiled code); 14 bits fit every N used here.
    if (end_ - p_ >= 2 && p_[0] >= 0x80 && p_[1] < 0x80) [[likely]] {
      uint32_t v = uint32_t(p_[0] & 0x7f) | (uint32_t(p_[1]) << 7);
      out = int64_t(int32_t(v << 18) >> 18);  // sign-extend the 14-bit payload
      p_ += 2;
      return true;
    }
    return read_sleb_slow<N>(out);
  }

  template <unsigned N>
  [[gnu::noinline]] bool read_sleb_slow(int64_t& out) {
    if (util::LebStatus st = util::read_sleb<N>(p_, end_, out); st != util::LebStatus::ok) return leb_error(st);
    return true;
  }

  bool read_fixed(uint64_t& out, unsigned n) {
    if (size_t(end_ - p_) < n) {
      p_ = end_;
      return unexpected_end();
    }
    uint64_t v = 0;
    for (unsigned i = 0; i < n; ++i) v |= uint64_t(p_[i]) << (8 * i);
    p_ += n;
    out = v;
    return true;
  }

  // The reserved memory index byte of memory.size/grow/fill/copy/init in Wasm 2.0.
  bool read_zero_byte() {
    uint8_t b = 0;
    if (!read_byte(b)) return false;
    if (b != 0) {
      --p_;
      return malformed("zero byte expected");
    }
    return true;
  }
  // The memory index of memory.size/grow/fill/copy/init: a u32 with multi-memory, else that zero byte.
  bool read_memory_index(uint32_t& out) {
    out = 0;
    if (m_.features.has(Feature::multi_memory)) return read_u32(out);
    return read_zero_byte();
  }

  // ref.null's heap type.
  bool read_heap_type(ValType& out) {
    switch (binary::read_heap_type(p_, end_, out, types_)) {
      case binary::TypeStatus::ok: return check_val_type(out);
      case binary::TypeStatus::eof: return unexpected_end();
      case binary::TypeStatus::bad_byte: ++p_; return malformed("malformed reference type");
      default: return malformed("malformed heap type");
    }
  }

  // select t's value type.
  bool read_val_type(ValType& out) {
    switch (binary::read_val_type(p_, end_, out, types_)) {
      case binary::TypeStatus::ok: return check_val_type(out);
      case binary::TypeStatus::eof: return unexpected_end();
      default: return malformed("malformed value type");
    }
  }

  bool read_block_type(BlockType& bt) {
    if (p_ >= end_) return unexpected_end();
    uint8_t b = *p_;
    if (b == wasm::kBlockTypeEmpty) {
      ++p_;
      bt.kind = BlockType::kEmpty;
      return true;
    }
    if (binary::one_byte_type(b, bt.single)) {
      ++p_;
      bt.kind = BlockType::kSingle;
      return true;
    }
    if (b >= 0x40 && b < 0x80 && (types_.typed_refs || types_.exceptions)) {
      // A negative one-byte s33 that starts a type of a later proposal ((ref null? ht), exnref, ...);
      // other bytes stay malformed block types.
      const uint8_t* q = p_;
      if (binary::read_val_type(q, end_, bt.single, types_) != binary::TypeStatus::bad_byte) {
        bt.kind = BlockType::kSingle;
        return read_val_type(bt.single);
      }
    }
    int64_t idx;
    if (!read_sleb<33>(idx)) return false;
    if (kCheck && idx < 0) return malformed("malformed block type");
    if (kCheck && uint64_t(idx) >= m_.types.size()) return invalid_index("unknown type", uint64_t(idx));
    if (kCheck && !m_.is_func_type(uint32_t(idx))) return invalid_index("non-function type", uint64_t(idx));
    bt.kind = BlockType::kIndex;
    bt.type_index = uint32_t(idx);
    return true;
  }

  // ---- types -----------------------------------------------------------------------------------

  // An indexed heap type must name a type of the module.
  bool check_val_type(ValType t) {
    if (kCheck && t.is_ref() && !wasm::is_abstract_heap(t.heap()) && t.heap() >= m_.types.size())
      return invalid_index("unknown type", t.heap());
    return true;
  }
  bool check_type_index(uint32_t ti) {
    if (kCheck && ti >= m_.types.size()) return invalid_index("unknown type", ti);
    return true;
  }
  // call_indirect, call_ref and their tail forms name a function type.
  bool check_func_type_index(uint32_t ti) {
    if (kCheck && ti >= m_.types.size()) return invalid_index("unknown type", ti);
    if (kCheck && !m_.is_func_type(ti)) return invalid_index("non-function type", ti);
    return true;
  }
  // actual <: expected (neither unknown). Out of line: Wasm 2.0 code compares equal types only.
  [[gnu::noinline]] bool subtype(ValType actual, ValType expected) const {
    return actual.is_ref() && expected.is_ref() && wasm::is_subtype(actual, expected, m_);
  }
  bool subtypes(std::span<const ValType> a, std::span<const ValType> b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i] && !subtype(a[i], b[i])) return false;
    return true;
  }

  std::span<const ValType> params(const BlockType& bt) const {
    if (bt.kind == BlockType::kIndex) return m_.types[bt.type_index].params;
    return {};
  }
  std::span<const ValType> results(const BlockType& bt) const {
    if (bt.kind == BlockType::kIndex) return m_.types[bt.type_index].results;
    if (bt.kind == BlockType::kSingle) return {&bt.single, 1};
    return {};
  }
  std::span<const ValType> label_types(const CtrlFrame& f) const {
    return f.kind == CtrlKind::loop ? params(f.bt) : results(f.bt);
  }

  // ---- operand and control stacks -------------------------------------------------------------
  // Raw pointers into the scratch vectors (whose size is their capacity): the hot paths are a compare
  // and a store. cur_ is the innermost control frame.

  bool live() const { return live_; }
  uint32_t height() const { return uint32_t(sp_ - vbase_); }
  uint32_t depth() const { return uint32_t(cur_ - cbase_) + 1; }

  [[gnu::noinline]] void grow_vals(size_t n) {
    size_t used = size_t(sp_ - vbase_);
    size_t cap = std::max<size_t>({64, s_.vals.size() * 2, used + n});
    s_.vals.resize(cap);
    vbase_ = s_.vals.data();
    sp_ = vbase_ + used;
    vcap_ = vbase_ + cap;
  }
  void push(ValType t) {
    if (sp_ == vcap_) [[unlikely]] grow_vals(1);
    *sp_++ = t;
  }
  void push_all(std::span<const ValType> ts) {
    if (ts.empty()) return;
    if (size_t(vcap_ - sp_) < ts.size()) grow_vals(ts.size());
    for (ValType t : ts) *sp_++ = t;
  }

  bool pop(ValType expect) {
    if constexpr (kCheck) {
      if (sp_ > vbase_ + cur_->height) [[likely]] {
        ValType actual = *--sp_;
        if (actual == expect || actual == kUnknownType) [[likely]] return true;
        if (subtype(actual, expect)) return true;
        return type_mismatch();
      }
      if (cur_->unreachable) return true;
      return type_mismatch();
    } else {
      (void)expect;
      if (sp_ > vbase_ + cur_->height) --sp_;  // below the height: the polymorphic stack of dead code
      return true;
    }
  }

  bool pop_any(ValType& out) {
    if (sp_ > vbase_ + cur_->height) [[likely]] {
      out = *--sp_;
      return true;
    }
    if (!kCheck || cur_->unreachable) {
      out = kUnknownType;
      return true;
    }
    return type_mismatch();
  }

  bool pop_all(std::span<const ValType> ts) {
    for (size_t i = ts.size(); i-- > 0;)
      if (!pop(ts[i])) return false;
    return true;
  }

  // Checks that the top of the stack matches `ts` without changing it (the spec's pop-then-push of the
  // actual types, as used by br_table).
  bool peek_all(std::span<const ValType> ts) const {
    size_t avail = size_t(sp_ - vbase_) - cur_->height;
    for (size_t i = 0; i < ts.size(); ++i) {
      if (i >= avail) {
        if (!cur_->unreachable) return false;
        continue;  // polymorphic bottom: unknown matches anything
      }
      ValType actual = sp_[-1 - ptrdiff_t(i)];
      ValType expect = ts[ts.size() - 1 - i];
      if (actual != expect && actual != kUnknownType && !subtype(actual, expect)) return false;
    }
    return true;
  }

  [[gnu::noinline]] void grow_ctrls() {
    size_t d = depth();
    s_.ctrls.resize(std::max<size_t>(16, s_.ctrls.size() * 2));
    cbase_ = s_.ctrls.data();
    cur_ = cbase_ + d - 1;
    ccap_ = cbase_ + s_.ctrls.size();
  }
  [[gnu::always_inline]] void push_ctrl(CtrlKind kind, const BlockType& bt, bool live_entry) {
    if (cur_ + 1 == ccap_) [[unlikely]] grow_ctrls();
    ++cur_;
    cur_->bt = bt;
    cur_->height = height();
    cur_->kind = kind;
    cur_->unreachable = false;
    cur_->live_entry = live_entry;
    cur_->init_height = init_top_;
    live_ = live_entry;
    push_all(params(bt));
  }

  // ---- non-defaultable locals (typed function references) --------------------------------------
  // Tracked only when the function declares such a local (track_init_), so Wasm 2.0 code pays nothing
  // beyond a predictable branch in local.get/set/tee and at block ends.

  bool check_local_init(uint32_t i) {
    if (kCheck && track_init_ && !s_.local_set[i]) [[unlikely]] return invalid("uninitialized local");
    return true;
  }
  void note_local_set(uint32_t i) {
    if (kCheck && track_init_ && !s_.local_set[i]) [[unlikely]] {
      s_.local_set[i] = 1;
      if (s_.init_stack.size() <= init_top_) s_.init_stack.resize(init_top_ + 1);
      s_.init_stack[init_top_++] = i;
    }
  }
  // The end of a block (or the start of an else) forgets the initialisations made inside it.
  void reset_inits(uint32_t height) {
    if (kCheck && track_init_) [[unlikely]] {
      while (init_top_ > height) s_.local_set[s_.init_stack[--init_top_]] = 0;
    }
  }

  // Checks the end of the innermost frame (results on the stack, nothing else) and removes it.
  bool pop_ctrl(CtrlFrame& out) {
    if constexpr (kCheck) {
      if (!pop_all(results(cur_->bt))) return false;
      if (height() != cur_->height) return type_mismatch();
    } else {
      sp_ = vbase_ + cur_->height;
    }
    out = *cur_;
    if (cur_ != cbase_) {
      --cur_;
      live_ = cur_->live_entry && !cur_->unreachable;
    }
    return true;
  }

  void set_unreachable() {
    sp_ = vbase_ + cur_->height;
    cur_->unreachable = true;
    live_ = false;
  }

  bool check_label(uint32_t d) {
    if (kCheck && d >= depth()) return invalid_index("unknown label", d);
    return true;
  }
  const CtrlFrame& label_frame(uint32_t d) const { return cur_[-ptrdiff_t(d)]; }

  // ---- index checks ----------------------------------------------------------------------------

  bool check_memory(uint32_t index) {
    if (kCheck && index >= m_.memories.size()) return invalid_index("unknown memory", index);
    return true;
  }
  // The address type of memory `index` (checked): i64 for a 64-bit memory (memory64), else i32.
  ValType addr_type(uint32_t index) const {
    return m_.memories[index].limits.is64 ? ValType::i64() : ValType::i32();
  }
  bool check_table(uint32_t index) {
    if (kCheck && index >= m_.tables.size()) return invalid_index("unknown table", index);
    return true;
  }
  // The address type of table `index` (checked): i64 for a 64-bit table (table64), else i32.
  ValType table_addr_type(uint32_t index) const {
    return m_.tables[index].limits.is64 ? ValType::i64() : ValType::i32();
  }
  bool check_func(uint32_t index) {
    if (kCheck && index >= m_.func_types.size()) return invalid_index("unknown function", index);
    return true;
  }
  bool check_elem(uint32_t index) {
    if (kCheck && index >= m_.elems.size()) return invalid_index("unknown elem segment", index);
    return true;
  }
  bool check_data(uint32_t index) {
    // Without a data count section, these instructions make the module malformed (spec 5.5.13).
    if constexpr (kCheck) {
      if (!m_.data_count) return malformed("data count section required");
      if (index >= *m_.data_count) return invalid_index("unknown data segment", index);
    }
    return true;
  }

  // ---- the decoder -----------------------------------------------------------------------------

  bool run();
  bool begin();
  bool finish_function();
  bool decode_const_expr();
  bool decode_memarg(uint32_t natural_align, MemArg& ma);
  [[gnu::always_inline]] inline bool decode_load(Op op, bool live);
  [[gnu::always_inline]] inline bool decode_store(Op op, bool live);
  [[gnu::always_inline]] inline bool decode_block(uint8_t byte, bool live);
  bool decode_select_t(bool live);
  bool decode_fc(bool live);
  bool decode_simd(bool live);  // func_decoder_simd.h
  bool decode_simd_const();     // func_decoder_simd.h: v128.const in a constant expression
  bool decode_br_table(bool live);
  bool decode_return_call(bool indirect, bool live);  // return_call, return_call_indirect
  bool decode_call_ref(bool tail, bool live);          // call_ref, return_call_ref
  bool decode_br_on_null(bool on_non_null, bool live);
  bool decode_end(bool live, bool& done);
  bool decode_exn(uint8_t byte, bool live);  // func_decoder_exn.h: exception instructions
  bool decode_try_table(bool live);          // func_decoder_exn.h
  bool check_tag(uint32_t index) {
    if (kCheck && index >= m_.tags.size()) return invalid_index("unknown tag", index);
    return true;
  }
  bool decode_else(bool live);
  // func_decoder_gc.h: GC (the 0xFB prefix and ref.eq).
  bool decode_gc(bool live);
  bool decode_ref_eq(bool live);
  bool read_struct_type(uint32_t& ti);
  bool read_array_type(uint32_t& ti);
  bool read_cast_type(bool nullable, ValType& out);
  bool pop_ref(ValType expected, ValType& out);
  bool storage_subtype(const wasm::FieldType& a, const wasm::FieldType& b) const;
  bool gc_hook_done();

  const wasm::Module& m_;
  Visitor& v_;
  DecoderScratch own_;
  DecoderScratch& s_;
  const uint8_t* base_ = nullptr;  // offsets are relative to this
  const uint8_t* p_ = nullptr;     // next byte
  const uint8_t* end_ = nullptr;   // one past the last byte of the body / expression
  const uint8_t* ip_ = nullptr;    // start of the current instruction
  ValType* vbase_ = nullptr;  // operand stack
  ValType* sp_ = nullptr;
  ValType* vcap_ = nullptr;
  CtrlFrame* cbase_ = nullptr;  // control stack
  CtrlFrame* cur_ = nullptr;
  CtrlFrame* ccap_ = nullptr;
  bool live_ = true;  // current code is reachable and entered from reachable code: hooks are called
  uint32_t func_index_ = 0;
  uint32_t num_locals_ = 0;  // params + declared
  ValType expected_;
  uint32_t num_visible_globals_ = 0;
  bool extended_const_ = false;
  binary::TypeOptions types_;  // the type encodings of the module's features
  bool track_init_ = false;    // the function has non-defaultable locals
  uint32_t init_top_ = 0;      // size of the init stack (DecoderScratch::init_stack)
  Error err_;
};

}  // namespace wisp::validate

#include "validate/func_decoder_impl.h"
