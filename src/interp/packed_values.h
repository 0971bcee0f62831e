// Values in interpreter frames are packed by slot width (a v128 takes two 8-byte slots); the embedding
// side passes them as arrays of 16-byte runtime::Value. These convert between the two with fixed-size
// copies: a variable-length memcpy would be a libc call per value on every host<->Wasm call.
#pragma once
#include <cstring>
#include <vector>

#include "runtime/value.h"
#include "wasm/types.h"

namespace wisp::interp {

// Writes `values` (one per type) packed at `packed`; returns the bytes written.
inline size_t pack_values(const std::vector<wasm::ValType>& types, const runtime::Value* values, char* packed) {
  size_t off = 0;
  for (size_t i = 0, n = types.size(); i < n; ++i) {
    if (types[i].slots() == 1) {
      std::memcpy(packed + off, values[i].bytes, 8);
      off += 8;
    } else {
      std::memcpy(packed + off, values[i].bytes, 16);
      off += 16;
    }
  }
  return off;
}

// Reads packed values into `values` (a one-slot value's upper 8 bytes are zeroed); returns the bytes read.
inline size_t unpack_values(const std::vector<wasm::ValType>& types, const char* packed, runtime::Value* values) {
  size_t off = 0;
  for (size_t i = 0, n = types.size(); i < n; ++i) {
    if (types[i].slots() == 1) {
      std::memcpy(values[i].bytes, packed + off, 8);
      std::memset(values[i].bytes + 8, 0, 8);
      off += 8;
    } else {
      std::memcpy(values[i].bytes, packed + off, 16);
      off += 16;
    }
  }
  return off;
}

}  // namespace wisp::interp
