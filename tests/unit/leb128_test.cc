#include "util/leb128.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

using wisp::util::read_sleb;

namespace {

using wisp::util::LebStatus;

template <unsigned N>
LebStatus status(std::vector<uint8_t> b, bool is_signed, size_t* stop = nullptr, uint64_t* out = nullptr) {
  const uint8_t* p = b.data();
  uint64_t v = 0;
  LebStatus st = is_signed ? wisp::util::read_leb<N, true>(p, b.data() + b.size(), v)
                           : wisp::util::read_leb<N, false>(p, b.data() + b.size(), v);
  if (stop) *stop = size_t(p - b.data());
  if (out) *out = v;
  return st;
}
// The value of a well-formed encoding that fills `b` exactly, else nullopt.
template <unsigned N>
std::optional<uint64_t> u(std::vector<uint8_t> b) {
  size_t stop = 0;
  uint64_t v = 0;
  if (status<N>(b, false, &stop, &v) != LebStatus::ok) return std::nullopt;
  EXPECT_EQ(stop, b.size());
  return v;
}
template <unsigned N>
std::optional<int64_t> s(std::vector<uint8_t> b) {
  const uint8_t* p = b.data();
  int64_t v = 0;  // read_sleb: the signed entry point
  if (read_sleb<N>(p, b.data() + b.size(), v) != LebStatus::ok) return std::nullopt;
  EXPECT_EQ(p, b.data() + b.size());
  return v;
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

// The failure kinds behind the spec's messages, and where the reader stops (the error offsets).
TEST(Leb128, Status) {
  size_t stop = 0;
  EXPECT_EQ(status<32>({0x80, 0x80}, false, &stop), LebStatus::eof);
  EXPECT_EQ(stop, 2u);
  EXPECT_EQ(status<32>({0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, false, &stop), LebStatus::too_long);
  EXPECT_EQ(stop, 5u);  // just past the last permitted byte
  EXPECT_EQ(status<32>({0xFF, 0xFF, 0xFF, 0xFF, 0x1F}, false, &stop), LebStatus::too_large);
  EXPECT_EQ(stop, 5u);
  EXPECT_EQ(status<32>({0xFF, 0xFF, 0xFF, 0xFF, 0x0F}, true), LebStatus::too_large);
  EXPECT_EQ(status<33>({0xFF, 0xFF, 0xFF, 0xFF, 0x0F}, true), LebStatus::ok);
  EXPECT_EQ(status<33>({0xFF, 0xFF, 0xFF, 0xFF, 0x2F}, true), LebStatus::too_large);
  EXPECT_EQ(status<1>({0x01}, false), LebStatus::ok);
  EXPECT_EQ(status<1>({0x02}, false), LebStatus::too_large);
  EXPECT_STREQ(wisp::util::leb_message(LebStatus::too_long), "integer representation too long");
  EXPECT_STREQ(wisp::util::leb_message(LebStatus::too_large), "integer too large");
}

TEST(Leb128, RoundTrip) {
  for (int64_t v : std::vector<int64_t>{0, 1, -1, 63, 64, -64, -65, INT64_MAX, INT64_MIN}) {
    std::vector<uint8_t> out;
    wisp::util::write_sleb(out, v);
    EXPECT_EQ(s<64>(out), v);
  }
}

}  // namespace
