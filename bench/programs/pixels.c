// Data-parallel kernel: image-style loops over bytes, 16-bit and 32-bit lanes and floats, the code a
// compiler turns into 128-bit SIMD when it may (`-msimd128` for wasm32). The harness's --simd128 option
// builds it (and every other program) both ways and runs both under wisp. Every loop is element-wise or
// an integer reduction, so the vectorised and scalar builds compute the same checksum.
#include <stdint.h>

#include "bench_common.h"

enum { kWidth = 1024, kHeight = 256, kPixels = kWidth * kHeight };

static uint8_t src_a[kPixels], src_b[kPixels], out[kPixels];
static int16_t row16[kPixels];
static int32_t acc32[kPixels];
static float fa[kPixels], fb[kPixels], fc[kPixels];

// Alpha blend of two 8-bit images: (a * alpha + b * (256 - alpha)) >> 8.
static void blend(uint8_t alpha) {
  for (int i = 0; i < kPixels; i++)
    out[i] = (uint8_t)((src_a[i] * alpha + src_b[i] * (256 - alpha)) >> 8);
}

// Saturating brighten and a threshold mask.
static void brighten_threshold(uint8_t add, uint8_t limit) {
  for (int i = 0; i < kPixels; i++) {
    unsigned v = out[i] + add;
    v = v > 255 ? 255 : v;
    out[i] = (uint8_t)(v > limit ? v : 0);
  }
}

// Horizontal 3-tap filter on widened 16-bit values, then 32-bit accumulation.
static void filter(void) {
  for (int i = 0; i < kPixels; i++) row16[i] = (int16_t)(out[i] - 128);
  for (int i = 1; i < kPixels - 1; i++) acc32[i] += row16[i - 1] + 2 * row16[i] + row16[i + 1];
}

// Float element-wise: c = a * b + c, then clamp to [0, 4].
static void saxpy_clamp(float k) {
  for (int i = 0; i < kPixels; i++) {
    float v = fa[i] * k + fb[i] * fc[i];
    fc[i] = v < 0.0f ? 0.0f : (v > 4.0f ? 4.0f : v);
  }
}

static uint64_t checksum(void) {
  uint64_t sum = 0;
  for (int i = 0; i < kPixels; i++) sum += out[i] + (uint32_t)acc32[i];
  uint32_t fsum = 0;
  for (int i = 0; i < kPixels; i++) fsum += (uint32_t)(fc[i] * 1024.0f);
  return sum ^ ((uint64_t)fsum << 20);
}

int main(int argc, char** argv) {
  long rounds = bench_size(argc, argv, 50);
  for (int i = 0; i < kPixels; i++) {
    uint64_t r = bench_rand();
    src_a[i] = (uint8_t)r;
    src_b[i] = (uint8_t)(r >> 8);
    fa[i] = (float)((r >> 16) & 1023) / 1024.0f;
    fb[i] = (float)((r >> 32) & 1023) / 512.0f;
    fc[i] = (float)((r >> 48) & 1023) / 256.0f;
  }
  for (long round = 0; round < rounds; round++) {
    blend((uint8_t)(round * 37 + 11));
    brighten_threshold((uint8_t)(round & 63), 96);
    filter();
    saxpy_clamp(0.5f + (float)(round % 5) * 0.125f);
  }
  printf("pixels checksum %llu\n", (unsigned long long)checksum());
  return 0;
}
