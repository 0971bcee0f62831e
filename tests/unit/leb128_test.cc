#include "util/leb128.h"

#include <gtest/gtest.h>

#include <vector>

using wisp::util::read_sleb;
using wisp::util::read_uleb;

namespace {

template <unsigned N>
std::optional<uint64_t> u(std::vector<uint8_t> b) {
  const uint8_t* p = b.data();
  return read_uleb<N>(p, b.data() + b.size());
}
template <unsigned N>
std::optional<int64_t> s(std::vector<uint8_t> b) {
  const uint8_t* p = b.data();
  return read_sleb<N>(p, b.data() + b.size());
}

TEST(Leb128, Unsigned) {
  EXPECT_EQ(u<32>({0x00}), 0u);
  EXPECT_EQ(u<32>({0xE5, 0x8E, 0x26}), 624485u);
  EXPECT_EQ(u<32>({0xFF, 0xFF, 0xFF, 0xFF, 0x0F}), 0xFFFFFFFFu);
  EXPECT_EQ(u<32>({0x80, 0x80, 0x80, 0x80, 0x00}), 0u);  // padded zero is fine
  EXPECT_FALSE(u<32>({0xFF, 0xFF, 0xFF, 0xFF, 0x1F}));  // unused bits set
  EXPECT_FALSE(u<32>({0x80, 0x80, 0x80, 0x80, 0x80, 0x00}));  // too long
  EXPECT_FALSE(u<32>({0x80}));  // truncated
  EXPECT_EQ(u<64>({0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}), ~0ull);
  EXPECT_FALSE(u<64>({0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02}));
}

TEST(Leb128, Signed) {
  EXPECT_EQ(s<32>({0x7F}), -1);
  EXPECT_EQ(s<32>({0x80, 0x7F}), -128);
  EXPECT_EQ(s<32>({0xFF, 0xFF, 0xFF, 0xFF, 0x07}), 0x7FFFFFFF);
  EXPECT_EQ(s<32>({0x80, 0x80, 0x80, 0x80, 0x78}), INT32_MIN);
  EXPECT_FALSE(s<32>({0xFF, 0xFF, 0xFF, 0xFF, 0x0F}));  // sign bits inconsistent
  EXPECT_FALSE(s<32>({0x80, 0x80, 0x80, 0x80, 0x70}));
  EXPECT_EQ(s<64>({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F}), INT64_MIN);
  EXPECT_FALSE(s<64>({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01}));
  EXPECT_EQ(s<33>({0x40}), -64);
}

TEST(Leb128, RoundTrip) {
  for (int64_t v : std::vector<int64_t>{0, 1, -1, 63, 64, -64, -65, INT64_MAX, INT64_MIN}) {
    std::vector<uint8_t> out;
    wisp::util::write_sleb(out, v);
    EXPECT_EQ(s<64>(out), v);
  }
}

}  // namespace
