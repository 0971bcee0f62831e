// Helpers for hand-assembling Wasm binaries in unit tests (binary decoder and module validator tests).
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "util/leb128.h"

namespace wisp::testing {

using Bytes = std::vector<uint8_t>;

inline Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

inline Bytes uleb(uint64_t v) {
  Bytes b;
  util::write_uleb(b, v);
  return b;
}

inline Bytes sleb(int64_t v) {
  Bytes b;
  util::write_sleb(b, v);
  return b;
}

// vec(byte) holding a name.
inline Bytes name(std::string_view s) {
  Bytes b = uleb(s.size());
  b.insert(b.end(), s.begin(), s.end());
  return b;
}

// A section: id, u32 size, contents.
inline Bytes section(uint8_t id, const Bytes& contents) {
  return cat({Bytes{id}, uleb(contents.size()), contents});
}

// A vector: count followed by the items' encodings.
inline Bytes vec(std::initializer_list<Bytes> items) {
  Bytes out = uleb(items.size());
  for (const Bytes& i : items) out.insert(out.end(), i.begin(), i.end());
  return out;
}

// A code section entry: size, then the locals and the instructions as given.
inline Bytes func_body(const Bytes& locals_and_code) { return cat({uleb(locals_and_code.size()), locals_and_code}); }

inline Bytes header() { return {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00}; }

inline Bytes module(std::initializer_list<Bytes> sections) {
  Bytes out = header();
  for (const Bytes& s : sections) out.insert(out.end(), s.begin(), s.end());
  return out;
}

}  // namespace wisp::testing
