// ByteReader: a bounds-checked cursor over a Wasm binary with the spec's malformed-encoding messages.
// Offsets are absolute (relative to the start of the module's bytes) so errors point into the file.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "util/error.h"
#include "util/leb128.h"
#include "binary/type_reader.h"

namespace wisp::binary {

// True when [p, p+n) is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(const uint8_t* p, size_t n);

class ByteReader {
 public:
  // Reads [pos, end) of `base`. Reads past `end` fail with `eof_message`.
  ByteReader(const uint8_t* base, size_t pos, size_t end) : base_(base), pos_(pos), end_(end) {}

  size_t pos() const { return pos_; }
  size_t end() const { return end_; }
  bool at_end() const { return pos_ >= end_; }
  size_t remaining() const { return pos_ < end_ ? end_ - pos_ : 0; }
  const uint8_t* base() const { return base_; }
  const uint8_t* cur() const { return base_ + pos_; }
  void seek(size_t pos) { pos_ = pos; }
  void set_end(size_t end) { end_ = end; }
  // The message for running off the end ("unexpected end", or "... of section or function" inside one).
  void set_eof_message(const char* msg) { eof_message_ = msg; }

  Error error(std::string msg) const { return Error::malformed(std::move(msg), pos_); }
  Error error_at(std::string msg, size_t off) const { return Error::malformed(std::move(msg), off); }
  Error eof() const { return Error::malformed(eof_message_, pos_); }

  Result<uint8_t> u8() {
    if (pos_ >= end_) return eof();
    return base_[pos_++];
  }
  std::optional<uint8_t> peek() const {
    if (pos_ >= end_) return std::nullopt;
    return base_[pos_];
  }

  // Unsigned / signed LEB128 of at most N bits (N <= 64), read by util::read_leb. Errors point at the
  // offending byte.
  template <unsigned N>
  Result<uint64_t> uleb() {
    uint64_t v = 0;
    if (util::LebStatus s = leb<N, false>(v); s != util::LebStatus::ok) [[unlikely]] return leb_error(s);
    return v;
  }
  template <unsigned N>
  Result<int64_t> sleb() {
    if (pos_ < end_ && base_[pos_] < 0x80) [[likely]]  // one byte: small constants
      return int64_t(int8_t(uint8_t(base_[pos_++] << 1)) >> 1);
    uint64_t v = 0;
    if (util::LebStatus s = leb<N, true>(v); s != util::LebStatus::ok) [[unlikely]] return leb_error(s);
    return int64_t(v);
  }

  Result<uint32_t> u32() {
    if (pos_ < end_ && base_[pos_] < 0x80) [[likely]] return uint32_t(base_[pos_++]);  // one byte: most counts
    WISP_TRY(uint64_t v, uleb<32>());
    return uint32_t(v);
  }

  // A u32 length or count that must fit in the remaining bytes of the whole input ("length out of
  // bounds"); `limit` is that end. Each counted item takes at least one byte, so this also bounds
  // allocations made from counts.
  Result<uint32_t> length(size_t limit) {
    size_t at = pos_;
    auto r = u32();
    if (!r) return r;
    if (pos_ > limit || *r > limit - pos_) return error_at("length out of bounds", at);
    return r;
  }

  Result<std::span<const uint8_t>> bytes(size_t n) {
    if (n > remaining()) {
      pos_ = end_;
      return eof();
    }
    std::span<const uint8_t> s(base_ + pos_, n);
    pos_ += n;
    return s;
  }

  // A name: vec(byte) that must be valid UTF-8. `limit` bounds the length as in length().
  Result<std::string> name(size_t limit) {
    WISP_TRY(uint32_t n, length(limit));
    size_t at = pos_;
    WISP_TRY(std::span<const uint8_t> b, bytes(n));
    if (!is_valid_utf8(b.data(), b.size())) return error_at("malformed UTF-8 encoding", at);
    return std::string(reinterpret_cast<const char*>(b.data()), b.size());
  }

  // A value type, or with `ref` a reference type, read by binary/type_reader.h. A byte that is no type
  // is "integer representation too long" when its high bit is set (the reference decoder reads types
  // as s7 LEB128), else "malformed value type" / "malformed reference type".
  Result<wasm::ValType> val_type(bool ref = false, TypeOptions opt = {}) {
    const uint8_t* p = cur();
    wasm::ValType t;
    TypeStatus s = ref ? read_ref_type(p, base_ + end_, t, opt) : read_val_type(p, base_ + end_, t, opt);
    if (s == TypeStatus::ok) [[likely]] {
      pos_ = size_t(p - base_);
      return t;
    }
    return type_error(s, p, ref);
  }

 private:
  [[gnu::cold]] Error type_error(TypeStatus s, const uint8_t* p, bool ref) {
    switch (s) {
      case TypeStatus::eof:
        pos_ = end_;
        return eof();
      case TypeStatus::heap_leb_too_long: return error_at("integer representation too long", size_t(p - base_) - 1);
      case TypeStatus::heap_leb_too_large: return error_at("integer too large", size_t(p - base_) - 1);
      case TypeStatus::bad_heap_type: return error_at("malformed heap type", pos_);
      default:
        if (*p & 0x80) return error_at("integer representation too long", pos_);
        return error_at(ref ? "malformed reference type" : "malformed value type", pos_);
    }
  }

  template <unsigned N, bool Signed>
  util::LebStatus leb(uint64_t& v) {
    const uint8_t* p = base_ + pos_;
    util::LebStatus s = util::read_leb<N, Signed>(p, base_ + end_, v);
    pos_ = size_t(p - base_);
    return s;
  }
  [[gnu::cold]] Error leb_error(util::LebStatus s) const {
    if (s == util::LebStatus::eof) return eof();
    return error_at(util::leb_message(s), pos_ - 1);
  }

  const uint8_t* base_;
  size_t pos_;
  size_t end_;
  const char* eof_message_ = "unexpected end";
};

}  // namespace wisp::binary
