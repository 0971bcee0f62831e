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

  // Unsigned LEB128 of at most N bits (N <= 64).
  template <unsigned N>
  Result<uint64_t> uleb() {
    constexpr unsigned kMaxBytes = (N + 6) / 7;
    uint64_t result = 0;
    unsigned shift = 0;
    for (unsigned i = 0;; ++i) {
      if (pos_ >= end_) return eof();
      uint8_t b = base_[pos_++];
      if (i == kMaxBytes - 1) {
        if (b & 0x80) return error_at("integer representation too long", pos_ - 1);
        unsigned used = N - shift;
        if (used < 7 && (b >> used) != 0) return error_at("integer too large", pos_ - 1);
        return result | (uint64_t(b) << shift);
      }
      result |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
      shift += 7;
    }
  }

  // Signed LEB128 of at most N bits (N <= 64); the unused bits of the last byte must extend the sign.
  template <unsigned N>
  Result<int64_t> sleb() {
    constexpr unsigned kMaxBytes = (N + 6) / 7;
    uint64_t result = 0;
    unsigned shift = 0;
    for (unsigned i = 0;; ++i) {
      if (pos_ >= end_) return eof();
      uint8_t b = base_[pos_++];
      if (i == kMaxBytes - 1) {
        if (b & 0x80) return error_at("integer representation too long", pos_ - 1);
        unsigned used = N - shift;  // value bits in this byte, 1..7
        if (used < 7) {
          // Bits [used-1, 6] must all be copies of the sign bit.
          uint8_t rest = uint8_t(b >> (used - 1)) & 0x7f;
          uint8_t all_ones = uint8_t(0x7f >> (used - 1));
          if (rest != 0 && rest != all_ones) return error_at("integer too large", pos_ - 1);
        }
      }
      result |= uint64_t(b & 0x7f) << shift;
      shift += 7;
      if (!(b & 0x80)) {
        if (shift < 64 && (b & 0x40)) result |= ~uint64_t(0) << shift;
        return int64_t(result);
      }
    }
  }

  Result<uint32_t> u32() {
    if (pos_ < end_ && base_[pos_] < 0x80) [[likely]] return uint32_t(base_[pos_++]);  // one byte: most counts
    auto r = uleb<32>();
    if (!r) return std::move(r.error());
    return uint32_t(*r);
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
    auto n = length(limit);
    if (!n) return std::move(n.error());
    size_t at = pos_;
    auto b = bytes(*n);
    if (!b) return std::move(b.error());
    if (!is_valid_utf8(b->data(), b->size())) return error_at("malformed UTF-8 encoding", at);
    return std::string(reinterpret_cast<const char*>(b->data()), b->size());
  }

 private:
  const uint8_t* base_;
  size_t pos_;
  size_t end_;
  const char* eof_message_ = "unexpected end";
};

}  // namespace wisp::binary
