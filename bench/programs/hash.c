// Hashing with bit operations: CRC-32 (table), FNV-1a, a 64-bit multiply-rotate mixer and popcounts.
#include "bench_common.h"

static uint32_t crc_table[256];

static inline uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

int main(int argc, char** argv) {
  long mb = bench_size(argc, argv, 16);
  size_t len = (size_t)mb << 20;
  uint8_t* buf = malloc(len);
  for (size_t i = 0; i < len; i += 8) {
    uint64_t r = bench_rand();
    for (int k = 0; k < 8 && i + (size_t)k < len; k++) buf[i + (size_t)k] = (uint8_t)(r >> (8 * k));
  }
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    crc_table[i] = c;
  }
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < len; i++) crc = crc_table[(crc ^ buf[i]) & 0xFF] ^ (crc >> 8);
  crc ^= 0xFFFFFFFFu;
  uint32_t fnv = 2166136261u;
  for (size_t i = 0; i < len; i++) fnv = (fnv ^ buf[i]) * 16777619u;
  uint64_t h = 0x27D4EB2F165667C5ull, pop = 0;
  const uint64_t* w = (const uint64_t*)buf;
  for (size_t i = 0; i < len / 8; i++) {
    uint64_t v;
    __builtin_memcpy(&v, &w[i], 8);
    h = rotl64(h ^ (v * 0xC2B2AE3D27D4EB4Full), 31) * 0x9E3779B185EBCA87ull;
    pop += (uint64_t)__builtin_popcountll(v ^ h) + (uint64_t)__builtin_ctzll(v | 1);
  }
  printf("hash checksum %08x %08x %016llx %llu\n", crc, fnv, (unsigned long long)h, (unsigned long long)pop);
  free(buf);
  return 0;
}
