// stdout and stderr, printf formatting.
#include <stdio.h>

int main(void) {
  printf("hello, %s! %d %.3f %x\n", "wasi", 42, 3.14159, 255u);
  fprintf(stderr, "this goes to stderr\n");
  puts("second line");
  return 0;
}
