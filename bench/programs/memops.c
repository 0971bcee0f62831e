// memcpy/memset-heavy code: block copies of many sizes, fills and a ring-buffer shuffle.
#include <string.h>
#include "bench_common.h"

int main(int argc, char** argv) {
  long rounds = bench_size(argc, argv, 400);
  const size_t kLen = 1 << 20;
  uint8_t* src = malloc(kLen);
  uint8_t* dst = malloc(kLen);
  for (size_t i = 0; i < kLen; i++) src[i] = (uint8_t)(i * 131 + 7);
  uint64_t sum = 0;
  for (long r = 0; r < rounds; r++) {
    memset(dst, (int)(r & 0xFF), kLen / 2);
    memcpy(dst + kLen / 2, src, kLen / 2);
    // Many small and medium copies at varying offsets (struct copies, string moves).
    size_t off = (size_t)r * 977 % (kLen / 4);
    for (size_t sz = 1; sz <= 4096; sz = sz * 2 + 1) {
      memcpy(dst + off, src + (off * 3) % (kLen / 2), sz);
      memmove(dst + off + 1, dst + off, sz);
      off = (off + sz * 7) % (kLen / 2);
    }
    for (size_t i = 0; i < kLen; i += 4096) sum += dst[i] + dst[i + 4095];
    uint8_t* t = src; src = dst; dst = t;
  }
  for (size_t i = 0; i < kLen; i += 64) sum = sum * 3 + src[i];
  printf("memops checksum %llu\n", (unsigned long long)sum);
  free(src);
  free(dst);
  return 0;
}
