// A non-zero return from main is the exit code too.
#include <stdio.h>

int main(void) {
  printf("returning 7\n");
  return 7;
}
