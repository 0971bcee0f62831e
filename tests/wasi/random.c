// OS entropy: getentropy and arc4random give non-repeating, well-spread bytes.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  unsigned char a[256], b[256];
  if (getentropy(a, sizeof a) != 0 || getentropy(b, sizeof b) != 0) {
    printf("getentropy failed\n");
    return 1;
  }
  printf("two draws differ: %s\n", memcmp(a, b, sizeof a) ? "yes" : "no");
  int seen[256] = {0}, distinct = 0;
  for (int i = 0; i < 256; ++i)
    if (!seen[a[i]]++) ++distinct;
  printf("distinct bytes > 100: %s\n", distinct > 100 ? "yes" : "no");
  unsigned x = arc4random(), y = arc4random();
  printf("arc4random varies: %s\n", x != y ? "yes" : "no");
  unsigned big[1024];
  arc4random_buf(big, sizeof big);
  int zeros = 0;
  for (int i = 0; i < 1024; ++i) zeros += big[i] == 0;
  printf("arc4random_buf filled: %s\n", zeros < 4 ? "yes" : "no");
  return 0;
}
