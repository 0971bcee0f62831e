// Sorting: quicksort (median of three, insertion sort for small runs) and heapsort on pseudo-random ints.
#include "bench_common.h"

static void insertion(int32_t* a, long lo, long hi) {
  for (long i = lo + 1; i <= hi; i++) {
    int32_t v = a[i];
    long j = i - 1;
    while (j >= lo && a[j] > v) { a[j + 1] = a[j]; j--; }
    a[j + 1] = v;
  }
}

static void quicksort(int32_t* a, long lo, long hi) {
  while (hi - lo > 16) {
    long mid = lo + (hi - lo) / 2;
    int32_t x = a[lo], y = a[mid], z = a[hi];
    int32_t p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
    long i = lo, j = hi;
    while (i <= j) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i <= j) { int32_t t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; } else { quicksort(a, i, hi); hi = j; }
  }
  insertion(a, lo, hi);
}

static void sift(int32_t* a, long root, long n) {
  for (;;) {
    long child = 2 * root + 1;
    if (child >= n) return;
    if (child + 1 < n && a[child + 1] > a[child]) child++;
    if (a[root] >= a[child]) return;
    int32_t t = a[root]; a[root] = a[child]; a[child] = t;
    root = child;
  }
}

static void heapsort(int32_t* a, long n) {
  for (long i = n / 2 - 1; i >= 0; i--) sift(a, i, n);
  for (long end = n - 1; end > 0; end--) {
    int32_t t = a[0]; a[0] = a[end]; a[end] = t;
    sift(a, 0, end);
  }
}

int main(int argc, char** argv) {
  long n = bench_size(argc, argv, 1000000);
  int32_t* a = malloc(sizeof(int32_t) * (size_t)n);
  int32_t* b = malloc(sizeof(int32_t) * (size_t)n);
  for (long i = 0; i < n; i++) a[i] = b[i] = (int32_t)(bench_rand() >> 33);
  quicksort(a, 0, n - 1);
  heapsort(b, n);
  uint64_t sum = 0;
  for (long i = 0; i < n; i++) {
    if (a[i] != b[i] || (i > 0 && a[i - 1] > a[i])) { printf("sort mismatch at %ld\n", i); return 1; }
    sum = sum * 31 + (uint32_t)a[i];
  }
  printf("sort checksum %llu\n", (unsigned long long)sum);
  free(a);
  free(b);
  return 0;
}
