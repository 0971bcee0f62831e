// Tail calls: a mutually recursive pair that calls itself through `musttail` (return_call in Wasm with
// -mtail-call, a jump natively) for n steps. A runtime without tail calls needs an n-deep stack here.
#include "bench_common.h"

__attribute__((noinline)) static uint32_t ping(uint32_t n, uint32_t acc);

__attribute__((noinline)) static uint32_t pong(uint32_t n, uint32_t acc) {
  if (n == 0) return acc;
  __attribute__((musttail)) return ping(n - 1, (acc ^ n) * 0x9E3779B1u);
}

__attribute__((noinline)) static uint32_t ping(uint32_t n, uint32_t acc) {
  if (n == 0) return acc ^ 1u;
  __attribute__((musttail)) return pong(n - 1, acc + (n << 3) + (acc >> 7));
}

int main(int argc, char** argv) {
  long n = bench_size(argc, argv, 10000000);
  printf("tail_calls checksum %u\n", ping((uint32_t)n, 12345u));
  return 0;
}
