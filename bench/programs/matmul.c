// Float kernel: dense double-precision matrix multiply (i-k-j order), repeated.
#include "bench_common.h"

int main(int argc, char** argv) {
  long n = bench_size(argc, argv, 200);
  double* a = malloc(sizeof(double) * (size_t)(n * n));
  double* b = malloc(sizeof(double) * (size_t)(n * n));
  double* c = malloc(sizeof(double) * (size_t)(n * n));
  for (long i = 0; i < n * n; i++) {
    a[i] = (double)(bench_rand() % 1000) / 1000.0;
    b[i] = (double)(bench_rand() % 1000) / 1000.0;
  }
  for (int rep = 0; rep < 2; rep++) {
    for (long i = 0; i < n * n; i++) c[i] = 0.0;
    for (long i = 0; i < n; i++)
      for (long k = 0; k < n; k++) {
        double aik = a[i * n + k];
        for (long j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
      }
    for (long i = 0; i < n * n; i++) a[i] = c[i] / (double)n;
  }
  double sum = 0.0;
  for (long i = 0; i < n * n; i++) sum += c[i] * (double)(i % 7 + 1);
  printf("matmul checksum %.6f\n", sum);
  free(a);
  free(b);
  free(c);
  return 0;
}
