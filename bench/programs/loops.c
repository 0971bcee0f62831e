// Integer loops over arrays: sieve of Eratosthenes, prefix sums and a histogram.
#include "bench_common.h"

int main(int argc, char** argv) {
  long n = bench_size(argc, argv, 4000000);
  uint8_t* composite = calloc((size_t)n + 1, 1);
  uint32_t* a = malloc(sizeof(uint32_t) * (size_t)n);
  uint32_t hist[256] = {0};
  uint64_t sum = 0;
  for (int rep = 0; rep < 4; rep++) {
    for (long i = 0; i <= n; i++) composite[i] = 0;
    long primes = 0;
    for (long i = 2; i <= n; i++) {
      if (composite[i]) continue;
      primes++;
      for (long j = i * 2; j <= n; j += i) composite[j] = 1;
    }
    for (long i = 0; i < n; i++) a[i] = (uint32_t)(i * 2654435761u) ^ (uint32_t)rep;
    for (long i = 1; i < n; i++) a[i] += a[i - 1];
    for (long i = 0; i < n; i++) hist[a[i] >> 24]++;
    sum += (uint64_t)primes + a[n - 1];
  }
  for (int i = 0; i < 256; i++) sum = sum * 33 + hist[i];
  printf("loops checksum %llu\n", (unsigned long long)sum);
  free(a);
  free(composite);
  return 0;
}
