// String building and parsing: format numbers into a growing buffer (snprintf), split it into tokens
// and parse them back (strtol/strtod), plus strlen/strchr/strcmp over the pieces.
#include <string.h>
#include "bench_common.h"

int main(int argc, char** argv) {
  long n = bench_size(argc, argv, 200000);
  size_t cap = 64, len = 0;
  char* s = malloc(cap);
  s[0] = 0;
  for (long i = 0; i < n; i++) {
    char tmp[64];
    int k = (i % 3 == 0) ? snprintf(tmp, sizeof tmp, "%ld,", (long)(bench_rand() % 1000000))
            : (i % 3 == 1) ? snprintf(tmp, sizeof tmp, "x%lx;", (unsigned long)(bench_rand() & 0xFFFFF))
                           : snprintf(tmp, sizeof tmp, "%.3f ", (double)(bench_rand() % 100000) / 7.0);
    if (len + (size_t)k + 1 > cap) {
      cap *= 2;
      s = realloc(s, cap);
    }
    memcpy(s + len, tmp, (size_t)k + 1);
    len += (size_t)k;
  }
  uint64_t isum = 0;
  double fsum = 0;
  long tokens = 0, commas = 0;
  for (char* p = s; *p;) {
    char* end;
    if (*p == 'x') {
      isum += (uint64_t)strtol(p + 1, &end, 16);
    } else if (strchr(p, '.') != NULL && (strchr(p, ',') == NULL || strchr(p, '.') < strchr(p, ','))) {
      fsum += strtod(p, &end);
    } else {
      isum += (uint64_t)strtol(p, &end, 10);
    }
    if (*end == ',') commas++;
    p = end + 1;
    tokens++;
    if (tokens > 4 * n) break;
  }
  printf("strings checksum %zu %ld %ld %llu %.3f\n", len, tokens, commas, (unsigned long long)isum, fsum);
  free(s);
  return 0;
}
